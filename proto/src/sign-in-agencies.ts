// What the console needs before anyone is signed in: each member agency's OpenID provider (issuer)
// and the public client id the console uses there, and the network's audience. All of it is in the
// signed membership every member holds; the gateway serves it (GET /agencies), the console reads it.
import type { Membership } from './membership.js';

export interface SignInAgency {
  id: string;
  name: string;
  country: string;
  issuer: string;
  clientId: string;
}

export interface SignInAgencies {
  audience: string;
  agencies: SignInAgency[];
}

export function signInAgencies(membership: Membership): SignInAgencies {
  return {
    audience: membership.audience,
    // Only agencies that registered the console at their provider can be signed in to.
    agencies: membership.agencies.flatMap((a) =>
      a.tokenIssuer.clientId
        ? [{ id: a.id, name: a.name, country: a.country, issuer: a.tokenIssuer.issuer, clientId: a.tokenIssuer.clientId }]
        : [],
    ),
  };
}
