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
});
