// Verifying a user's access token against the issuing agency's keys, as listed in the membership
// document. Gateway and nodes both call this: a node never trusts the gateway's word for who asks.
import { createLocalJWKSet, decodeJwt, errors as joseErrors, jwtVerify } from 'jose';
import { type AccessClaims, accessClaims } from './claims.js';
import type { Membership } from './membership.js';

export const AUTH_FAILURES = [
  'missing',
  'malformed',
  'unknown_issuer',
  'bad_signature',
  'expired',
  'not_yet_valid',
  'wrong_audience',
  'invalid_claims',
] as const;
export type AuthFailure = (typeof AUTH_FAILURES)[number];

export class AuthError extends Error {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(
    readonly reason: AuthFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
}

/** Algorithms accepted for access tokens; `none` and HMAC are never accepted. */
export const TOKEN_ALGORITHMS = ['EdDSA', 'ES256'];
const CLOCK_TOLERANCE_S = 30;
const CACHE_LIMIT = 10_000;

export interface TokenVerifier {
  verify(authorization: string | null | undefined): Promise<AccessClaims>;
}

/**
 * Verified tokens are cached until they expire: a signature check costs ~0.1 ms and every
 * federated query would otherwise pay it once at the gateway and once per node.
 */
export function createTokenVerifier(getMembership: () => Membership): TokenVerifier {
  const cache = new Map<string, { claims: AccessClaims; exp: number; membershipVersion: number }>();
  return {
    async verify(authorization) {
      if (!authorization) throw new AuthError('missing', 'no access token: send Authorization: Bearer <token>');
      const token = authorization.replace(/^Bearer\s+/i, '').trim();
      const membership = getMembership();
      const now = Math.floor(Date.now() / 1000);
      const hit = cache.get(token);
      if (hit && hit.exp > now - CLOCK_TOLERANCE_S && hit.membershipVersion === membership.version) return hit.claims;

      let unverified: ReturnType<typeof decodeJwt>;
      try {
        unverified = decodeJwt(token);
      } catch {
        throw new AuthError('malformed', 'the access token is not a JWT');
      }
      const agency = membership.agencies.find((a) => a.tokenIssuer.issuer === unverified.iss);
      if (!agency)
        throw new AuthError(
          'unknown_issuer',
          `the token's issuer ${JSON.stringify(unverified.iss ?? null)} is not a member of the network`,
        );

      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, createLocalJWKSet(agency.tokenIssuer.jwks), {
          issuer: agency.tokenIssuer.issuer,
          audience: membership.audience,
          algorithms: TOKEN_ALGORITHMS,
          clockTolerance: CLOCK_TOLERANCE_S,
          requiredClaims: ['exp', 'sub'],
        }));
      } catch (e) {
        throw toAuthError(e, agency.id, membership.audience);
      }
      const parsed = accessClaims.safeParse(payload);
      if (!parsed.success)
        throw new AuthError(
          'invalid_claims',
          `the token's claims are incomplete: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
        );
      if (parsed.data.agency !== agency.id) {
        throw new AuthError('invalid_claims', `issuer of agency ${agency.id} cannot speak for agency ${parsed.data.agency}`);
      }
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(token, { claims: parsed.data, exp: parsed.data.exp, membershipVersion: membership.version });
      return parsed.data;
    },
  };
}

function toAuthError(e: unknown, agency: string, audience: string): AuthError {
  if (e instanceof joseErrors.JWTExpired) return new AuthError('expired', 'the access token has expired: sign in again');
  if (e instanceof joseErrors.JWTClaimValidationFailed) {
    if (e.claim === 'aud')
      return new AuthError('wrong_audience', `the access token is not meant for this network (audience must be ${audience})`);
    if (e.claim === 'nbf') return new AuthError('not_yet_valid', 'the access token is not valid yet');
    return new AuthError('invalid_claims', `the access token's ${e.claim} claim is not acceptable: ${e.reason}`);
  }
  if (e instanceof joseErrors.JWKSNoMatchingKey)
    return new AuthError('bad_signature', `the access token is signed by a key that agency ${agency} does not publish`);
  if (e instanceof joseErrors.JWSSignatureVerificationFailed)
    return new AuthError('bad_signature', 'the access token signature does not verify');
  if (e instanceof joseErrors.JOSEAlgNotAllowed)
    return new AuthError('bad_signature', `the access token uses an algorithm that is not allowed (use ${TOKEN_ALGORITHMS.join(' or ')})`);
  if (e instanceof joseErrors.JOSEError) return new AuthError('malformed', `the access token is not acceptable: ${e.message}`);
  throw e;
}
