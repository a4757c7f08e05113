// Who asks for an export: the same Bearer access token as GraphQL (a user's own, or one a node
// delegated for the gateway), verified here by the node itself. A refusal is logged by reason,
// never with the token.
import { type AccessClaims, AuthError, type TokenVerifier } from '@corridor/proto';
import type { Logger } from '../log.js';

export type CallerResult = { claims: AccessClaims } | { refused: AuthError };

export async function verifyCaller(verifier: TokenVerifier, request: Request, log: Logger, surface: string): Promise<CallerResult> {
  try {
    return { claims: await verifier.verify(request.headers.get('authorization')) };
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
    log.warn('request refused', { surface, reason: e.reason, detail: e.message });
    return { refused: e };
  }
}

/** RFC 6750 §3: a 401 names the scheme and why. */
export function challenge(e: AuthError): Record<string, string> {
  return { 'www-authenticate': `Bearer error="invalid_token", error_description="${e.reason}"` };
}
