// The gateway checks the caller's token before fanning anything out; the nodes check it again.
import type { AccessClaims, TokenVerifier } from '@corridor/proto';
import { useBearerAuth } from '@corridor/proto/graphql';
import type { Plugin } from 'graphql-yoga';

export function useAuth(
  verifier: TokenVerifier,
  warn: (msg: string, fields: Record<string, unknown>) => void,
): Plugin<{ claims: AccessClaims; authorization: string }> {
  return useBearerAuth({
    verify: (authorization) => verifier.verify(authorization),
    onRefused: (e) => warn('request refused', { reason: e.reason, detail: e.message }),
  });
}
