// For specs: a route alert as a node stores and sends it (after validation and pseudonyms), to be
// varied field by field. Not on proto's face: specs only.
import type { Alert } from '../alert.js';

type RouteAlert = Extract<Alert, { kind: 'route' }>;

/** Italy's GREEN route alert from Libya to Italy, revision 1, with `over` in place of its fields. */
export function storedRouteAlert(over: Partial<RouteAlert> = {}): RouteAlert {
  return {
    id: '0196a4f2-7c00-7000-8000-000000000001',
    kind: 'route',
    origin: { agency: 'it-polfr', country: 'ITA' },
    tlp: 'GREEN',
    recipients: [],
    createdAt: '2026-11-24T10:00:00Z',
    validUntil: null,
    grading: { source: 'B', information: '2' },
    summary: 'Night departures',
    identifiers: [],
    revision: 1,
    status: 'active',
    route: { region: 'central-mediterranean', waypoints: [{ country: 'LBY' }, { country: 'ITA' }] },
    routeDetails: { transport: 'rubber_boat', communicationPlatforms: [] },
    ...over,
  };
}

type DocumentFraudAlert = Extract<Alert, { kind: 'document_fraud' }>;

/** Italy's GREEN document-fraud alert (a counterfeit Nigerian passport at Fiumicino), with no route. */
export function storedDocumentFraudAlert(over: Partial<DocumentFraudAlert> = {}): DocumentFraudAlert {
  const { route: _, routeDetails: __, kind: ___, ...common } = storedRouteAlert();
  return {
    ...common,
    id: '0196a4f2-7c00-7000-8000-000000000002',
    kind: 'document_fraud',
    summary: 'Counterfeit passports',
    route: null,
    documentFraud: {
      documentType: 'passport',
      issuingState: 'NGA',
      fraudType: 'counterfeit',
      featuresAffected: [],
      detectedAt: { place: 'airport', location: 'Fiumicino' },
    },
    ...over,
  };
}
