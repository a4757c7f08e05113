import { alertInput } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { amendChangesOf, amendmentInput } from './amend-input';
import type { AlertFieldsFragment } from './gql/graphql';

const routeAlert = {
  id: '0192f1e2-0000-7000-8000-000000000001',
  kind: 'route',
  tlp: 'AMBER',
  recipients: ['ne-ppn'],
  createdAt: '2026-11-24T20:00:00.000Z',
  validUntil: '2026-12-24T20:00:00.000Z',
  summary: 'Departures from Zuwara',
  revision: 1,
  status: 'active',
  // As urql reads the answer: null for what the alert leaves out, and each object's __typename.
  routeDetails: {
    __typename: 'RouteDetails',
    transport: 'rubber_boat',
    concealment: null,
    communicationPlatforms: ['telegram'],
    priceObserved: null,
    migrantCount: 45,
    vulnerablePersons: { __typename: 'VulnerablePersons', children: 3, unaccompaniedMinors: null, pregnantWomen: null },
    window: null,
  },
  documentFraud: null,
  signingKey: 'k',
  expired: false,
  caseReference: 'RG 1/2026',
  protection: ['unaccompanied_child'],
  redacted: [],
  origin: { agency: 'it-polfr', country: 'ITA' },
  grading: { source: 'B', information: '2' },
  route: {
    region: 'central-mediterranean',
    waypoints: [
      { country: 'LBY', place: 'Zuwara', mode: null, latitude: 32.93, longitude: 12.08 },
      { country: 'ITA', place: null, mode: 'sea', latitude: null, longitude: null },
    ],
  },
  identifiers: [{ kind: 'phone', pseudonym: 'p'.repeat(43), epoch: 1 }],
} as unknown as AlertFieldsFragment;

describe('an amendment from the console', () => {
  it('sends the alert as it stands with the officer’s changes, a valid AlertInput, without identifiers', () => {
    const changes = { ...amendChangesOf(routeAlert), summary: 'Departures moved to Sabratha', source: 'A' };
    const input = amendmentInput(routeAlert, changes);
    const parsed = alertInput.safeParse(input);
    expect(parsed.success).toBe(true);
    expect(input).toMatchObject({
      kind: 'route',
      tlp: 'AMBER',
      recipients: ['ne-ppn'],
      summary: 'Departures moved to Sabratha',
      grading: { source: 'A', information: '2' },
      caseReference: 'RG 1/2026',
      identifiers: [],
      route: {
        waypoints: [
          { country: 'LBY', place: 'Zuwara', latitude: 32.93, longitude: 12.08 },
          { country: 'ITA', mode: 'sea' },
        ],
      },
      routeDetails: { transport: 'rubber_boat' },
    });
    // A waypoint without a point is sent without one: null would be refused as no number.
    expect(input.route?.waypoints?.[1]).toEqual({ country: 'ITA', mode: 'sea' });
    // The validity end survives the round trip through the browser's local-time input.
    expect((input as { validUntil?: string }).validUntil).toBe('2026-12-24T20:00:00.000Z');
  });

  it('keeps the handling code, and the evidence marking with who decided it, unless the officer changes them', () => {
    const marked = {
      ...routeAlert,
      handlingCode: 'H1',
      handlingConditions: null,
      evidence: { __typename: 'EvidenceMarking', use: 'with_permission', legalBasis: null, decidedBy: 'Paolo Ferri, prosecutor' },
    } as unknown as AlertFieldsFragment;
    const kept = amendmentInput(marked, { ...amendChangesOf(marked), summary: 'Departures moved to Sabratha' });
    expect(kept).toMatchObject({ handlingCode: 'H1', evidence: { use: 'with_permission', decidedBy: 'Paolo Ferri, prosecutor' } });
    expect(alertInput.safeParse(kept).success).toBe(true);
    // A new decision is the amending officer's: the node names them.
    const changed = amendmentInput(marked, { ...amendChangesOf(marked), evidenceUse: 'not_permitted' });
    expect(changed.evidence).toEqual({ use: 'not_permitted' });
  });

  it('maps a document-fraud alert back to its own shape', () => {
    const doc = {
      ...routeAlert,
      kind: 'document_fraud',
      route: null,
      routeDetails: null,
      documentFraud: {
        __typename: 'DocumentFraudDetails',
        documentType: 'passport',
        issuingState: 'NGA',
        fraudType: 'counterfeit',
        featuresAffected: [],
        detectedAt: { __typename: 'Detection', place: 'airport', location: null, flight: null },
      },
    } as unknown as AlertFieldsFragment;
    const input = amendmentInput(doc, amendChangesOf(doc));
    expect(alertInput.safeParse(input).success).toBe(true);
    expect(input).toMatchObject({ kind: 'document_fraud', documentFraud: { documentType: 'passport' } });
    expect('route' in input).toBe(false);
  });

  it('sends back exactly what it was given when the officer changes nothing, seconds and window included', () => {
    const precise = {
      ...routeAlert,
      validUntil: '2026-12-24T20:00:30.500Z',
      routeDetails: { ...routeAlert.routeDetails, window: { from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' } },
    } as AlertFieldsFragment;
    const input = amendmentInput(precise, amendChangesOf(precise)) as { validUntil?: string; routeDetails?: { window?: unknown } };
    expect(input.validUntil).toBe('2026-12-24T20:00:30.500Z');
    expect(input.routeDetails?.window).toEqual({ from: '2026-11-20T00:00:00Z', to: '2026-11-21T00:00:00Z' });
  });

  it('corrects the route and its details as the publish form does', () => {
    const changes = { ...amendChangesOf(routeAlert), migrants: '61', transport: 'wooden_boat' };
    expect(amendmentInput(routeAlert, changes)).toMatchObject({ routeDetails: { migrantCount: 61, transport: 'wooden_boat' } });
  });

  it('keeps the protection flags unless the officer unticks them, and corrects the case reference (issue 15)', () => {
    expect(amendmentInput(routeAlert, amendChangesOf(routeAlert))).toMatchObject({ protection: ['unaccompanied_child'] });
    const changed = amendmentInput(routeAlert, { ...amendChangesOf(routeAlert), protection: [], caseReference: 'RG 2/2026' });
    expect('protection' in changed).toBe(false);
    expect(changed).toMatchObject({ caseReference: 'RG 2/2026' });
  });
});
