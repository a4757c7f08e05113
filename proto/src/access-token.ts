// Verifying a user's access token against the issuing agency's keys, as listed in the membership
// document: inline, at the issuer's JWKS address, or found by OpenID discovery; fetched and
// cached. Tokens as standard providers issue them are accepted (RFC 9068 `at+jwt` or plain JWT;
// RS256, PS256, ES256, EdDSA), their claims read through the agency's claim mapping. Gateway and
// nodes both call this: a node never trusts the gateway's word for who asks.
import { decodeProtectedHeader, errors as joseErrors, jwtVerify } from 'jose';
import { AuthError, CLOCK_TOLERANCE_S, cachingVerifier, clip, refusalOf, type TokenVerifier, unverifiedJwt } from './bearer-token.js';
import { ClaimsRefused, mapClaims } from './claim-mapping.js';
import { issuerKeys, JWKS_FETCH_DEFAULTS, type JwksFetchOptions, KeysUnavailable } from './issuer-keys.js';
import { type Membership, TOKEN_ALGORITHMS } from './membership.js';

/**
 * A token living longer than this (exp − iat, or exp − now without iat) is refused: a stolen
 * token must not stay useful for days. Providers issue minutes to hours; a working day fits.
 */
export const DEFAULT_MAX_TOKEN_LIFETIME_S = 12 * 3600;
/**
 * RFC 9068 §2.1 names `at+jwt` (`application/at+jwt`); many providers still send `JWT` or nothing.
 * Any other type (an ID token's, a logout token's, a DPoP proof's) is another kind of JWT, refused.
 */
const ACCESS_TOKEN_TYPES = new Set(['at+jwt', 'application/at+jwt', 'jwt']);

interface VerifierOptions extends JwksFetchOptions {
  /** CORRIDOR_MAX_TOKEN_LIFETIME_S at the node and the gateway. */
  maxLifetimeS: number;
}

/** Verifies users' access tokens at the gateway and the nodes; what verified is kept until it expires. */
export function createTokenVerifier(getMembership: () => Membership, options: Partial<VerifierOptions> = {}): TokenVerifier {
  const keys = issuerKeys({ ...JWKS_FETCH_DEFAULTS, ...options });
  const maxLifetimeS = options.maxLifetimeS ?? DEFAULT_MAX_TOKEN_LIFETIME_S;
  return cachingVerifier('access token', getMembership, async (token, membership, now) => {
    const { header, claims: unverified } = unverifiedJwt(token, 'access token');
    const { typ } = header;
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
    try {
      return mapClaims(payload, agency);
    } catch (e) {
      if (e instanceof ClaimsRefused) throw new AuthError('invalid_claims', e.message);
      throw e;
    }
  });
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
  return refusalOf(e, {
    kind: 'access token',
    expired: 'the access token has expired: sign in again',
    wrongAudience: `the access token is not meant for this network (audience must be ${audience})`,
    unknownKey: (error) =>
      error instanceof joseErrors.JWKSMultipleMatchingKeys
        ? `the access token names no key id (kid) and agency ${agency} publishes several keys`
        : `the access token is signed with a key (kid ${keyIdOf(token)}) that agency ${agency} does not publish`,
    algorithms: TOKEN_ALGORITHMS.join(', '),
  });
}
