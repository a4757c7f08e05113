// GET /agencies: what the console needs before anyone is signed in (proto signInAgencies), public:
// all of it is already in the signed membership every member holds; no secret, no token needed.
import { type Membership, signInAgencies } from '@corridor/proto';
import type { Plugin } from 'graphql-yoga';

export const SIGN_IN_AGENCIES_PATH = '/agencies';

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
