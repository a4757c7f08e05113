// Recognising a refused token, whichever way it comes back: the gateway answers HTTP 401 with a
// GraphQL error `{ extensions: { code: "UNAUTHENTICATED", reason } }` (proto's AuthFailure).
import type { AuthFailure } from '@corridor/proto';

interface ErrorLike {
  message: string;
  extensions?: Record<string, unknown> | undefined;
}

/** What an officer reads on the sign-in page after being sent back there. */
const REASONS: Record<AuthFailure, string> = {
  missing: 'You are not signed in.',
  malformed: 'Your session token is damaged. Please sign in again.',
  unknown_issuer: 'Your token was issued by an agency the network does not know.',
  unknown_key: 'Your token is signed with a key your agency does not publish. Please sign in again.',
  algorithm_not_allowed: 'Your token is signed in a way the network does not accept.',
  bad_signature: 'Your token’s signature does not check out. Please sign in again.',
  keys_unavailable: 'Your agency’s signing keys cannot be reached just now. Please try again in a moment.',
  expired: 'Your session has expired. Please sign in again.',
  not_yet_valid: 'Your token is not valid yet (check this computer’s clock).',
  wrong_audience: 'Your token was issued for another network.',
  wrong_type: 'Your agency issued a token that is not an access token.',
  lifetime_too_long: 'Your agency issued a token that lives longer than the network accepts.',
  invalid_claims: 'Your token does not carry the claims the network needs.',
};

/**
 * The reason to show when the gateway refused the caller's token, or null when it did not.
 * `status` is the HTTP status of the response, when there was one.
 */
export function unauthenticatedReason(errors: readonly ErrorLike[], status?: number): string | null {
  const refused = errors.find((e) => e.extensions?.code === 'UNAUTHENTICATED');
  if (refused) {
    const reason = refused.extensions?.reason;
    return typeof reason === 'string' && reason in REASONS ? REASONS[reason as AuthFailure] : refused.message;
  }
  return status === 401 ? 'The gateway refused your session (HTTP 401). Please sign in again.' : null;
}

/** Said when the console itself finds the token expired, as the gateway would. */
export const SESSION_EXPIRED = REASONS.expired;
export const NOT_SIGNED_IN = REASONS.missing;

/** True when the gateway refused the token only because it expired: a renewed token would pass. */
export function refusedForExpiry(errors: readonly ErrorLike[]): boolean {
  return errors.some((e) => e.extensions?.code === 'UNAUTHENTICATED' && e.extensions.reason === 'expired');
}
