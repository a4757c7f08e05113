// Every request must carry a token issued by a member agency and verified here, by this node,
// against that agency's keys: the node never takes the gateway's word (nor any header) for who asks.
import type { AccessClaims, TokenVerifier } from '@corridor/proto';
import { useBearerAuth } from '@corridor/proto/graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../log.js';

export function useAuth(verifier: TokenVerifier, log: Logger): Plugin<{ claims: AccessClaims; authorization: string }> {
  return useBearerAuth({
    verify: (authorization) => verifier.verify(authorization),
    onRefused: (e) => log.warn('request refused', { reason: e.reason, detail: e.message }),
  });
}
