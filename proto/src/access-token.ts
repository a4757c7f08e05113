// Verifying a user's access token against the issuing agency's keys, as listed in the membership
// document: inline, at the issuer's JWKS address, or found by OpenID discovery; fetched and
// cached. Tokens as standard providers issue them are accepted (RFC 9068 `at+jwt` or plain JWT;
// RS256, PS256, ES256, EdDSA), their claims read through the agency's claim mapping. Gateway and
// nodes both call this: a node never trusts the gateway's word for who asks.
import { decodeJwt, decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import { ClaimsRefused, mapClaims } from './claim-mapping.js';
import type { AccessClaims } from './claims.js';
import { CorridorError } from './errors.js';
import { issuerKeys, JWKS_FETCH_DEFAULTS, type JwksFetchOptions, KeysUnavailable } from './issuer-keys.js';
import { type Membership, TOKEN_ALGORITHMS } from './membership.js';

const AUTH_FAILURES = [
  'missing',
  'malformed',
  'unknown_issuer',
  'unknown_key',
  'algorithm_not_allowed',
  'bad_signature',
  'keys_unavailable',
  'expired',
  'not_yet_valid',
  'wrong_audience',
  'wrong_type',
  'lifetime_too_long',
  'invalid_claims',
] as const;
export type AuthFailure = (typeof AUTH_FAILURES)[number];

export class AuthError extends CorridorError {
  readonly code = 'UNAUTHENTICATED' as const;
  constructor(
    readonly reason: AuthFailure,
    message: string,
  ) {
    super(message);
    this.name = 'AuthError';
  }
  // The console asks to sign in again for an expired token, and says why for the others.
  override get details() {
    return { reason: this.reason };
  }
}

/** Clocks of issuers, gateway and nodes may differ by this much (exp, nbf). */
export const CLOCK_TOLERANCE_S = 30;
/**
 * A token living longer than this (exp − iat, or exp − now without iat) is refused: a stolen
 * token must not stay useful for days. Providers issue minutes to hours; a working day fits.
 */
export const DEFAULT_MAX_TOKEN_LIFETIME_S = 12 * 3600;
const CACHE_LIMIT = 10_000;

/**
 * RFC 9068 §2.1 names `at+jwt` (`application/at+jwt`); many providers still send `JWT` or nothing.
 * Any other type (an ID token's, a logout token's, a DPoP proof's) is another kind of JWT, refused.
 */
const ACCESS_TOKEN_TYPES = new Set(['at+jwt', 'application/at+jwt', 'jwt']);

/** RFC 6750 §2.1: `Bearer` (any case), one or more spaces, then the token in b64token characters. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The token of an `Authorization: Bearer` header, read one way everywhere; undefined when it is not one. */
export function bearerToken(authorization: string | null | undefined): string | undefined {
  return authorization ? BEARER.exec(authorization.trim())?.[1] : undefined;
}

interface VerifierOptions extends JwksFetchOptions {
  /** CORRIDOR_MAX_TOKEN_LIFETIME_S at the node and the gateway. */
  maxLifetimeS: number;
}

export interface TokenVerifier {
  verify(authorization: string | null | undefined): Promise<AccessClaims>;
}

/**
 * Verified tokens are cached until they expire: a signature check costs ~0.1 ms and every
 * federated query would otherwise pay it once at the gateway and once per node.
 */
export function createTokenVerifier(getMembership: () => Membership, options: Partial<VerifierOptions> = {}): TokenVerifier {
  const cache = new Map<string, { claims: AccessClaims; exp: number; membershipVersion: number }>();
  const keys = issuerKeys({ ...JWKS_FETCH_DEFAULTS, ...options });
  const maxLifetimeS = options.maxLifetimeS ?? DEFAULT_MAX_TOKEN_LIFETIME_S;
  return {
    async verify(authorization) {
      if (!authorization) throw new AuthError('missing', 'no access token: send Authorization: Bearer <token>');
      const token = bearerToken(authorization);
      if (!token) throw new AuthError('malformed', 'send the access token as Authorization: Bearer <token>');
      const membership = getMembership();
      const now = Math.floor(Date.now() / 1000);
      const hit = cache.get(token);
      if (hit && hit.exp > now - CLOCK_TOLERANCE_S && hit.membershipVersion === membership.version) return hit.claims;

      let unverified: ReturnType<typeof decodeJwt>;
      let typ: unknown;
      try {
        unverified = decodeJwt(token);
        ({ typ } = decodeProtectedHeader(token));
      } catch {
        throw new AuthError('malformed', 'the access token is not a JWT');
      }
      if (typ !== undefined && !(typeof typ === 'string' && ACCESS_TOKEN_TYPES.has(typ.toLowerCase())))
        throw new AuthError('wrong_type', `the token's type ${JSON.stringify(clip(typ))} is not an access token's (at+jwt or JWT)`);
      const agency = membership.agencies.find((a) => a.tokenIssuer.issuer === unverified.iss);
      if (!agency)
        throw new AuthError(
          'unknown_issuer',
          `the token's issuer ${JSON.stringify(clip(unverified.iss ?? null))} is not a member of the network`,
        );

      let payload: Record<string, unknown>;
      try {
        ({ payload } = await jwtVerify(token, keys.of(agency, membership), {
          issuer: agency.tokenIssuer.issuer,
          audience: membership.audience,
          // jose pins each algorithm to its key type: RS/PS to RSA of 2048 bits or more, ES256 to
          // P-256, EdDSA to Ed25519; a key whose JWK names another alg is never tried.
          algorithms: [...TOKEN_ALGORITHMS],
          clockTolerance: CLOCK_TOLERANCE_S,
          requiredClaims: ['exp', 'sub'],
        }));
      } catch (e) {
        throw toAuthError(e, agency.id, membership.audience, token);
      }
      const exp = payload.exp as number;
      // From iat, but never from a moment still to come: an iat set just before a far exp is no shorter life.
      const lifetime = exp - Math.min(typeof payload.iat === 'number' ? payload.iat : now, now);
      if (lifetime > maxLifetimeS)
        throw new AuthError(
          'lifetime_too_long',
          `the access token lives ${lifetime} s, longer than the ${maxLifetimeS} s this network accepts: ask the provider for shorter-lived tokens`,
        );
      let claims: AccessClaims;
      try {
        claims = mapClaims(payload, agency);
      } catch (e) {
        if (e instanceof ClaimsRefused) throw new AuthError('invalid_claims', e.message);
        throw e;
      }
      if (cache.size >= CACHE_LIMIT) cache.clear();
      cache.set(token, { claims, exp: claims.exp, membershipVersion: membership.version });
      return claims;
    },
  };
}

/** Attacker-chosen text (iss, kid) goes into messages and logs only this long. */
function clip(value: unknown): unknown {
  return typeof value === 'string' && value.length > 80 ? `${value.slice(0, 80)}…` : value;
}

function keyIdOf(token: string): string {
  try {
    const { kid } = decodeProtectedHeader(token);
    return typeof kid === 'string' ? String(clip(kid)) : '(none)';
  } catch {
    return '(none)';
  }
}

function toAuthError(e: unknown, agency: string, audience: string, token: string): AuthError {
  if (e instanceof KeysUnavailable) return new AuthError('keys_unavailable', e.message);
  if (e instanceof joseErrors.JWTExpired) return new AuthError('expired', 'the access token has expired: sign in again');
  if (e instanceof joseErrors.JWTClaimValidationFailed) {
    if (e.claim === 'aud')
      return new AuthError('wrong_audience', `the access token is not meant for this network (audience must be ${audience})`);
    if (e.claim === 'nbf') return new AuthError('not_yet_valid', 'the access token is not valid yet');
    return new AuthError('invalid_claims', `the access token's ${e.claim} claim is not acceptable: ${e.reason}`);
  }
  if (e instanceof joseErrors.JWKSNoMatchingKey)
    return new AuthError(
      'unknown_key',
      `the access token is signed with a key (kid ${keyIdOf(token)}) that agency ${agency} does not publish`,
    );
  if (e instanceof joseErrors.JWKSMultipleMatchingKeys)
    return new AuthError('unknown_key', `the access token names no key id (kid) and agency ${agency} publishes several keys`);
  if (e instanceof joseErrors.JWSSignatureVerificationFailed)
    return new AuthError('bad_signature', 'the access token signature does not verify');
  if (e instanceof joseErrors.JOSEAlgNotAllowed)
    return new AuthError(
      'algorithm_not_allowed',
      `the access token uses an algorithm that is not allowed (use ${TOKEN_ALGORITHMS.join(', ')})`,
    );
  if (e instanceof joseErrors.JOSEError) return new AuthError('malformed', `the access token is not acceptable: ${e.message}`);
  throw e;
}
