// One way to refuse a caller, the same at the gateway and at every node: the token is checked as
// soon as the request's parameters are read — before the query is parsed or validated, so a caller
// without a valid token learns nothing of the schema (no "Did you mean …" suggestions) — and every
// refusal is a 401 with the challenge RFC 6750 §3 asks for. The same check admits every request of
// graphql-sse's single connection mode, which Yoga's request pipeline does not see
// (single-connection-sse.ts), so each of them is verified like any other request.
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { AuthError, type TokenVerifier } from '../bearer-token.js';
import type { AccessClaims } from '../claims.js';
import { useSingleConnectionSse } from './single-connection-sse.js';

const AUTH_REALM = 'corridor';

/**
 * The `WWW-Authenticate` challenge for a refusal (RFC 6750 §3): no `error` when the request
 * carried no token at all (§3.1), `invalid_token` otherwise. The description is reduced to the
 * characters §3 allows in it, so attacker-chosen text cannot break the header.
 */
function bearerChallenge(error: AuthError): string {
  if (error.reason === 'missing') return `Bearer realm="${AUTH_REALM}"`;
  const description = error.message.replace(/[^\x20-\x21\x23-\x5B\x5D-\x7E]/g, "'").slice(0, 300);
  return `Bearer realm="${AUTH_REALM}", error="invalid_token", error_description="${description}"`;
}

/** The GraphQL error a refusal goes out as: HTTP 401, the challenge, and the reason for the console. */
function unauthenticated(error: AuthError): GraphQLError {
  return new GraphQLError(error.message, {
    extensions: { code: error.code, reason: error.reason, http: { status: 401, headers: { 'WWW-Authenticate': bearerChallenge(error) } } },
  });
}

/**
 * Adds `claims` (and the header they came from) to the context of every request it lets through.
 * `verifier` decides who may ask (the gateway takes access tokens, a node delegated ones too);
 * `warn` is told of each refusal, with its reason and never the token.
 */
export function useBearerAuth(
  verifier: TokenVerifier,
  warn: (msg: string, fields: Record<string, unknown>) => void,
  /** The server's GraphQL path, where the single connection mode is served too. */
  endpoint = '/graphql',
): Plugin<{ claims: AccessClaims; authorization: string }> {
  const verified = new WeakMap<Request, { claims: AccessClaims; authorization: string }>();
  async function authenticate(request: Request): Promise<AccessClaims> {
    const authorization = request.headers.get('authorization');
    try {
      const claims = await verifier.verify(authorization);
      verified.set(request, { claims, authorization: authorization as string });
      return claims;
    } catch (e) {
      if (!(e instanceof AuthError)) throw e;
      warn('request refused', { reason: e.reason, detail: e.message });
      throw unauthenticated(e);
    }
  }
  return {
    onPluginInit({ addPlugin }) {
      addPlugin(useSingleConnectionSse(endpoint, authenticate));
    },
    async onParams({ request }) {
      await authenticate(request);
    },
    onContextBuilding({ context, extendContext }) {
      const caller = verified.get((context as { request: Request }).request);
      // onParams runs for every GraphQL request before its context is built; nothing gets here unverified.
      if (!caller) throw unauthenticated(new AuthError('missing', 'no access token: send Authorization: Bearer <token>'));
      extendContext(caller);
    },
  };
}
