import { describe, expect, it } from 'vitest';
import { alertChanges } from './alert-changes.js';
import { storedDocumentFraudAlert, storedRouteAlert } from './testing/alerts.js';

describe('what an amendment changed', () => {
  it('names changed fields by path, one level into the details, and nothing the node sets itself', () => {
    const was = storedRouteAlert();
    const next = storedRouteAlert({
      revision: 2,
      status: 'amended',
      summary: 'Departures moved to Sabratha',
      routeDetails: { ...was.routeDetails, migrantCount: 61 },
      grading: { source: 'A', information: '2' },
    });
    expect(alertChanges(was, next)).toEqual(['grading.source', 'routeDetails.migrantCount', 'summary']);
    expect(alertChanges(was, { ...was, revision: 2, status: 'amended' })).toEqual([]);
  });

  it('names a field added or removed, and a new identifier', () => {
    const was = storedDocumentFraudAlert({ caseReference: 'RG 1/2026' });
    const { caseReference: _, ...withoutReference } = was;
    const next = { ...withoutReference, identifiers: [{ kind: 'travel_document' as const, pseudonym: 'p'.repeat(43), epoch: 1 }] };
    expect(alertChanges(was, next)).toEqual(['caseReference', 'identifiers']);
  });

  it('takes an alert signed without a handling code as H0, and names a real change of handling', () => {
    const was = storedRouteAlert();
    expect(alertChanges(was, { ...was, handlingCode: 'H0' })).toEqual([]);
    expect(alertChanges(was, { ...was, handlingCode: 'H1', evidence: { use: 'with_permission', decidedBy: 'A. Prosecutor' } })).toEqual([
      'evidence',
      'handlingCode',
    ]);
  });
});
