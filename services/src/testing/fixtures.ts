// For specs only: a member agency, a network key and inputs with fictitious identifiers.
import { type AlertInput, type MemberAgency, parseNetworkKey } from '@corridor/proto';

export const ITALY: MemberAgency = {
  id: 'it-polfr',
  name: 'Polizia di Frontiera',
  country: 'ITA',
  networks: [],
  nodeUrl: 'http://127.0.0.1:1/graphql',
  tokenIssuer: { issuer: 'https://issuer.it-polfr.invalid/', jwks: { keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'x', kid: 'k' }] } },
  alertSigningKeys: { keys: [{ kty: 'OKP', crv: 'Ed25519', x: 'x', kid: 'k' }] },
};

export const NETWORK_KEY = parseNetworkKey(`1:${Buffer.alloc(32, 3).toString('base64url')}`);

export const RAW_DOCUMENT = 'B55512345';

export function routeInput(over: Partial<AlertInput> = {}): AlertInput {
  return {
    kind: 'route',
    tlp: 'GREEN',
    grading: { source: 'B', information: '2' },
    summary: 'Night departures from Zuwara',
    route: { region: 'central-mediterranean', waypoints: [{ country: 'LBY' }, { country: 'ITA' }] },
    routeDetails: { transport: 'rubber_boat' },
    identifiers: [{ kind: 'travel_document', value: RAW_DOCUMENT, qualifier: 'NGA' }],
    ...over,
  } as AlertInput;
}
