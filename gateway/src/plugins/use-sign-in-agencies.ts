// GET /agencies: what the console needs before anyone is signed in — each member agency's OpenID
// provider (issuer) and the public client id the console uses there, and the network's audience.
// All of it is already in the signed membership every member holds; no secret, no token needed.
import type { Membership } from '@corridor/proto';
import type { Plugin } from 'graphql-yoga';

export const SIGN_IN_AGENCIES_PATH = '/agencies';

export interface SignInAgency {
  id: string;
  name: string;
  country: string;
  issuer: string;
  clientId: string;
}

export function signInAgencies(membership: Membership): { audience: string; agencies: SignInAgency[] } {
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

export function useSignInAgencies(membership: () => Membership): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      if (url.pathname !== SIGN_IN_AGENCIES_PATH || (request.method !== 'GET' && request.method !== 'HEAD')) return;
      endResponse(
        new fetchAPI.Response(JSON.stringify(signInAgencies(membership())), {
          status: 200,
          // Read by the console from its own origin; the list is public, so any origin may read it.
          headers: { 'content-type': 'application/json', 'cache-control': 'no-store', 'access-control-allow-origin': '*' },
        }),
      );
    },
  };
}
