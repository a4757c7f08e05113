// The network's membership document for a run on one machine: who belongs, where each node
// answers, which keys sign its users' tokens and its alerts. Validated with proto before any
// process reads it, so a mistake here fails at launch rather than as a 401 later.
import { type Jwks, type Membership, membership as membershipSchema, parseOrThrow } from '@corridor/proto';
import type { DevIssuer } from './dev-token-issuer.js';
import { issuerFor } from './dev-token-issuer.js';
import type { AgencySpec } from './network.js';

export const DEMO_NETWORK = { id: 'central-med-demo', name: 'Central Mediterranean route (demonstration network)' };
export const AUDIENCE = 'corridor';

export function buildMembership(input: {
  agencies: AgencySpec[];
  issuer: DevIssuer;
  alertSigningKeys: Record<string, Jwks>;
  nodeUrls: Record<string, string>;
}): Membership {
  return parseOrThrow(
    membershipSchema,
    {
      network: DEMO_NETWORK,
      audience: AUDIENCE,
      version: 1,
      agencies: input.agencies.map((a) => ({
        id: a.id,
        name: a.name,
        country: a.country,
        networks: a.networks ?? [],
        nodeUrl: input.nodeUrls[a.id],
        tokenIssuer: { issuer: issuerFor(a.id), jwks: input.issuer.jwks(a.id) },
        alertSigningKeys: input.alertSigningKeys[a.id],
      })),
    },
    'membership document',
  );
}
