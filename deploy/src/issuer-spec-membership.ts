// For the development issuer's specs: the membership the launcher would write for a network of
// `agencies` around `issuer`, so that what a spec verifies is what the nodes will read.
import type { Jwks, Membership } from '@corridor/proto';
import type { DevIssuer } from './dev-token-issuer.js';
import { newKeyPair } from './keys.js';
import { buildMembership } from './membership-document.js';
import type { AgencySpec } from './network.js';

/** Each agency with a fresh alert-signing key; Italy's and Nigeria's nodes at addresses nothing listens on. */
export async function issuerSpecMembership(agencies: AgencySpec[], issuer: DevIssuer, issuerUrl?: string): Promise<Membership> {
  const alertSigningKeys: Record<string, Jwks> = {};
  for (const a of agencies) alertSigningKeys[a.id] = { keys: [(await newKeyPair(`${a.id}-alerts`)).publicJwk] };
  return buildMembership({
    agencies,
    issuer,
    ...(issuerUrl === undefined ? {} : { issuerUrl }),
    alertSigningKeys,
    nodeUrls: { 'it-polfr': 'http://127.0.0.1:1/graphql', 'ng-nis': 'http://127.0.0.1:2/graphql' },
  });
}
