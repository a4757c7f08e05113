// What verifying a bearer token shares, whichever kind it is (a user's access token, a token a
// node delegated): one refusal type, the header read one way (RFC 6750), a cache of what verified,
// attacker-chosen text clipped, and jose's refusals told in the kind's own words.
import { sha256 } from '@noble/hashes/sha2.js';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { decodeJwt, decodeProtectedHeader, type JWTPayload, errors as joseErrors, type ProtectedHeaderParameters } from 'jose';
import type { AccessClaims } from './claims.js';
import { CorridorError } from './errors.js';
import { JWKS_FETCH_DEFAULTS } from './issuer-keys.js';
import type { Membership } from './membership.js';

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

export interface TokenVerifier {
  verify(authorization: string | null | undefined): Promise<AccessClaims>;
}

/** Clocks of issuers, gateway and nodes may differ by this much (exp, nbf). */
export const CLOCK_TOLERANCE_S = 30;
const CACHE_LIMIT = 10_000;
/**
 * A verified token is checked again after this long, the time issuer keys fetched from an address
 * are kept: a key the issuer dropped there stops its tokens about as soon with the cache as without.
 */
const RECHECK_AFTER_S = JWKS_FETCH_DEFAULTS.cacheMaxAgeMs / 1000;

/** RFC 6750 §2.1: `Bearer` (any case), one or more spaces, then the token in b64token characters. */
const BEARER = /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i;

/** The token of an `Authorization: Bearer` header, read one way everywhere; undefined when it is not one. */
export function bearerToken(authorization: string | null | undefined): string | undefined {
  return authorization ? BEARER.exec(authorization.trim())?.[1] : undefined;
}

/** The token a request carries as `kind`, or the refusal saying how to send it (a bare token too: RFC 6750 §2.1). */
function requireBearerToken(authorization: string | null | undefined, kind: string): string {
  if (!authorization) throw new AuthError('missing', 'no access token: send Authorization: Bearer <token>');
  const token = bearerToken(authorization);
  if (!token) throw new AuthError('malformed', `send the ${kind} as Authorization: Bearer <token>`);
  return token;
}

/** How one kind of token is checked, once read from the header and not found already verified. */
type CheckToken = (token: string, membership: Membership, now: number) => Promise<AccessClaims>;

/**
 * A verifier of one kind of token (`kind`, e.g. "access token", names it in refusals). What
 * verified is kept until it expires, while the membership it was checked against is in force (a
 * new version may have removed the agency or rotated its key out), and at most RECHECK_AFTER_S
 * (the issuer may have dropped the key from its JWKS address): a signature check costs
 * ~0.1 ms and every federated query would otherwise pay it at every hop. The cache holds the
 * CACHE_LIMIT tokens used most recently, each under its SHA-256 (a collision-resistant key, so no
 * other token can pass for a verified one), never the token itself.
 */
export function cachingVerifier(kind: string, getMembership: () => Membership, check: CheckToken): TokenVerifier {
  // A Map iterates in insertion order: re-inserting on each hit keeps the least recently used first.
  const cache = new Map<string, { claims: AccessClaims; membershipVersion: number; checkedAt: number }>();
  return {
    async verify(authorization) {
      const token = requireBearerToken(authorization, kind);
      const membership = getMembership();
      const now = Math.floor(Date.now() / 1000);
      const key = tokenHash(token);
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        const current = hit.membershipVersion === membership.version && hit.checkedAt > now - RECHECK_AFTER_S;
        if (current && hit.claims.exp > now - CLOCK_TOLERANCE_S) {
          cache.set(key, hit);
          return hit.claims;
        }
      }
      const claims = await check(token, membership, now);
      cache.set(key, { claims, membershipVersion: membership.version, checkedAt: now });
      if (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
      return claims;
    },
  };
}

/**
 * SHA-256 of a token, base64. Synchronous (noble, which runs in the console too): Node's Web Crypto
 * digest hands every call to its thread pool, which cost a node about 0.3 ms of CPU per request
 * for a hash of a few hundred bytes (CPU profile of a fanned-out directory query, 2026-11-30).
 */
function tokenHash(token: string): string {
  return btoa(String.fromCharCode(...sha256(utf8ToBytes(token))));
}

/** A token's header and claims as it says them, before anything is checked; refused if it is no JWT. */
export function unverifiedJwt(token: string, kind: string): { header: ProtectedHeaderParameters; claims: JWTPayload } {
  try {
    return { header: decodeProtectedHeader(token), claims: decodeJwt(token) };
  } catch {
    throw new AuthError('malformed', `the ${kind} is not a JWT`);
  }
}

/** Attacker-chosen text (iss, kid) goes into messages and logs only this long. */
export function clip(value: unknown): unknown {
  return typeof value === 'string' && value.length > 80 ? `${value.slice(0, 80)}…` : value;
}

/** What a kind of token says when jose refuses it, where kinds differ. */
export interface RefusalWords {
  /** "access token", "delegated token": the rest of each message reads the same for every kind. */
  kind: string;
  expired: string;
  wrongAudience: string;
  /** No key matched, or several did and the token named none. */
  unknownKey: (error: joseErrors.JWKSNoMatchingKey | joseErrors.JWKSMultipleMatchingKeys) => string;
  /** The algorithms allowed, as the message lists them. */
  algorithms: string;
}

/** jose's refusal of a token as an AuthError; anything that is not jose's is rethrown. */
export function refusalOf(e: unknown, words: RefusalWords): AuthError {
  const { kind } = words;
  if (e instanceof joseErrors.JWTExpired) return new AuthError('expired', words.expired);
  if (e instanceof joseErrors.JWTClaimValidationFailed) {
    if (e.claim === 'aud') return new AuthError('wrong_audience', words.wrongAudience);
    if (e.claim === 'nbf') return new AuthError('not_yet_valid', `the ${kind} is not valid yet`);
    return new AuthError('invalid_claims', `the ${kind}'s ${e.claim} claim is not acceptable: ${e.reason}`);
  }
  if (e instanceof joseErrors.JWKSNoMatchingKey || e instanceof joseErrors.JWKSMultipleMatchingKeys)
    return new AuthError('unknown_key', words.unknownKey(e));
  if (e instanceof joseErrors.JWSSignatureVerificationFailed)
    return new AuthError('bad_signature', `the ${kind} signature does not verify`);
  if (e instanceof joseErrors.JOSEAlgNotAllowed)
    return new AuthError('algorithm_not_allowed', `the ${kind} uses an algorithm that is not allowed (use ${words.algorithms})`);
  if (e instanceof joseErrors.JOSEError) return new AuthError('malformed', `the ${kind} is not acceptable: ${e.message}`);
  throw e;
}
