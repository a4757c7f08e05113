// Verifying a user's access token against the issuing agency's keys, as listed in the membership
// document: inline, or at the issuer's JWKS address, fetched and cached. Gateway and nodes both
// call this: a node never trusts the gateway's word for who asks.
import {
  createLocalJWKSet,
  createRemoteJWKSet,
  decodeJwt,
  decodeProtectedHeader,
  type JWTVerifyGetKey,
  errors as joseErrors,
  jwtVerify,
} from 'jose';
import { type AccessClaims, accessClaims } from './claims.js';
import type { Jwks } from './fields.js';
import type { MemberAgency, Membership } from './membership.js';

export const AUTH_FAILURES = [
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
/** Clocks of issuers, gateway and nodes may differ by this much (exp, nbf). */
export const CLOCK_TOLERANCE_S = 30;
const CACHE_LIMIT = 10_000;

export interface JwksFetchOptions {
  /**
   * After a fetch, how long a token naming an unknown key id is refused without fetching again.
   * A rotated key is picked up by the first token that names it, one fetch per issuer; a flood
   * of tokens with made-up key ids costs the issuer at most one fetch per this interval.
   */
  refetchCooldownMs: number;
  /** Keys older than this are fetched again before use. */
  cacheMaxAgeMs: number;
  /** A JWKS address that does not answer within this fails the token (keys_unavailable). */
  timeoutMs: number;
}

export const JWKS_FETCH_DEFAULTS: JwksFetchOptions = { refetchCooldownMs: 1000, cacheMaxAgeMs: 10 * 60_000, timeoutMs: 3000 };

export interface TokenVerifier {
  verify(authorization: string | null | undefined): Promise<AccessClaims>;
}

/**
 * Verified tokens are cached until they expire: a signature check costs ~0.1 ms and every
 * federated query would otherwise pay it once at the gateway and once per node.
 */
export function createTokenVerifier(getMembership: () => Membership, options: Partial<JwksFetchOptions> = {}): TokenVerifier {
  const cache = new Map<string, { claims: AccessClaims; exp: number; membershipVersion: number }>();
  const keys = issuerKeys({ ...JWKS_FETCH_DEFAULTS, ...options });
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
          `the token's issuer ${JSON.stringify(clip(unverified.iss ?? null))} is not a member of the network`,
        );

      let payload: unknown;
      try {
        ({ payload } = await jwtVerify(token, keys.of(agency, membership), {
          issuer: agency.tokenIssuer.issuer,
          audience: membership.audience,
          algorithms: TOKEN_ALGORITHMS,
          clockTolerance: CLOCK_TOLERANCE_S,
          requiredClaims: ['exp', 'sub'],
        }));
      } catch (e) {
        throw toAuthError(e, agency.id, membership.audience, token);
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

/** Thrown by a key lookup that could not reach the issuer's keys (not the token's fault). */
class KeysUnavailable extends Error {}

/**
 * The key lookup for each issuer: inline keys as listed, or one cached remote key set per JWKS
 * address (jose's: fetched when missing or older than the cache age, and fetched once more when a
 * token names a key id it does not hold, unless it was fetched within the cooldown).
 */
function issuerKeys(fetchOptions: JwksFetchOptions) {
  const local = new WeakMap<Jwks, JWTVerifyGetKey>();
  const remote = new Map<string, JWTVerifyGetKey>();
  let prunedAt = -1;
  return {
    of(agency: MemberAgency, membership: Membership): JWTVerifyGetKey {
      const { jwks, jwksUri } = agency.tokenIssuer;
      if (jwks) {
        const known = local.get(jwks);
        if (known) return known;
        const set = createLocalJWKSet(jwks);
        local.set(jwks, set);
        return set;
      }
      if (!jwksUri) throw new KeysUnavailable(`agency ${agency.id} lists no token keys`);
      if (prunedAt !== membership.version) {
        // An address no longer in the membership is forgotten with its keys.
        const listed = new Set(membership.agencies.map((a) => a.tokenIssuer.jwksUri));
        for (const uri of remote.keys()) if (!listed.has(uri)) remote.delete(uri);
        prunedAt = membership.version;
      }
      let set = remote.get(jwksUri);
      if (!set) {
        const fetched = createRemoteJWKSet(new URL(jwksUri), {
          cooldownDuration: fetchOptions.refetchCooldownMs,
          cacheMaxAge: fetchOptions.cacheMaxAgeMs,
          timeoutDuration: fetchOptions.timeoutMs,
        });
        set = async (header, input) => {
          try {
            return await fetched(header, input);
          } catch (e) {
            if (e instanceof joseErrors.JWKSNoMatchingKey || e instanceof joseErrors.JWKSMultipleMatchingKeys) throw e;
            throw new KeysUnavailable(`agency ${agency.id}'s token keys could not be fetched from ${jwksUri}: ${(e as Error).message}`);
          }
        };
        remote.set(jwksUri, set);
      }
      return set;
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
      `the access token uses an algorithm that is not allowed (use ${TOKEN_ALGORITHMS.join(' or ')})`,
    );
  if (e instanceof joseErrors.JOSEError) return new AuthError('malformed', `the access token is not acceptable: ${e.message}`);
  throw e;
}
