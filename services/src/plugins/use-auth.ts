// Every request must carry a token issued by a member agency and verified here, by this node,
// against that agency's keys: the node never takes the gateway's word (nor any header) for who asks.
import { type AccessClaims, AuthError, type TokenVerifier } from '@corridor/proto';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../log.js';

export function useAuth(verifier: TokenVerifier, log: Logger): Plugin<{ claims: AccessClaims }> {
  return {
    async onContextBuilding({ context, extendContext }) {
      const request = (context as { request: Request }).request;
      try {
        extendContext({ claims: await verifier.verify(request.headers.get('authorization')) });
      } catch (e) {
        if (!(e instanceof AuthError)) throw e;
        log.warn('request refused', { reason: e.reason, detail: e.message });
        throw new GraphQLError(e.message, { extensions: { code: e.code, reason: e.reason, http: { status: 401 } } });
      }
    },
  };
}
