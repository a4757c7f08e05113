// The gateway checks the caller's token before fanning anything out; the nodes check it again.
import { type AccessClaims, AuthError, type TokenVerifier } from '@corridor/proto';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export function useAuth(
  verifier: TokenVerifier,
  warn: (msg: string, fields: Record<string, unknown>) => void,
): Plugin<{ claims: AccessClaims; authorization: string }> {
  return {
    async onContextBuilding({ context, extendContext }) {
      const authorization = (context as { request: Request }).request.headers.get('authorization');
      try {
        extendContext({ claims: await verifier.verify(authorization), authorization: authorization as string });
      } catch (e) {
        if (!(e instanceof AuthError)) throw e;
        warn('request refused', { reason: e.reason, detail: e.message });
        throw new GraphQLError(e.message, { extensions: { code: e.code, reason: e.reason, http: { status: 401 } } });
      }
    },
  };
}
