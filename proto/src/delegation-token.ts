// Delegated tokens: what a user's own agency node issues, in exchange for the user's access token
// (RFC 8693 semantics), so that another agency's node can be asked on the user's behalf without the
// user's token ever leaving their own agency's side. Each delegated token names one node as its
// audience and lives at most five minutes, so a node that records it can replay it nowhere else,
// and not for long. It is signed with a delegation key that the membership lists for the user's
// agency: the gateway holds no such key and can mint nothing.
import { createLocalJWKSet, decodeProtectedHeader, importJWK, type JWK, type JWTVerifyGetKey, jwtVerify, SignJWT } from 'jose';
import { AuthError, CLOCK_TOLERANCE_S, cachingVerifier, clip, refusalOf, type TokenVerifier, unverifiedJwt } from './bearer-token.js';
import { membershipNetworks } from './claim-mapping.js';
import { type AccessClaims, accessClaims } from './claims.js';
import type { Jwks } from './fields.js';
import type { Membership } from './membership.js';

/** The JWT `typ` of a delegated token (RFC 8725 §3.11: explicit typing keeps it from passing as another kind). */
export const DELEGATION_TOKEN_TYPE = 'corridor-delegation+jwt';
/** The longest a delegated token may live (exp - iat), and the lifetime nodes issue. */
export const DELEGATION_MAX_LIFETIME_S = 300;
/** RFC 8693 token type identifiers, as the exchange endpoint speaks them. */
export const TOKEN_EXCHANGE_GRANT = 'urn:ietf:params:oauth:grant-type:token-exchange';
export const ACCESS_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:access_token';
export const JWT_TOKEN_TYPE = 'urn:ietf:params:oauth:token-type:jwt';

/** Nodes sign with Ed25519 or P-256 keys; `none`, HMAC and RSA are never accepted here. */
const DELEGATION_ALGORITHMS = ['EdDSA', 'ES256'];

const NODE_URN_PREFIX = 'urn:corridor:node:';

/** The name of an agency's node as issuer and audience of delegated tokens. */
export function nodeUrn(agency: string): string {
  return `${NODE_URN_PREFIX}${agency}`;
}

/** The agency a node URN names, or undefined for anything else. */
export function agencyOfNodeUrn(urn: unknown): string | undefined {
  return typeof urn === 'string' && urn.startsWith(NODE_URN_PREFIX) ? urn.slice(NODE_URN_PREFIX.length) : undefined;
}

/** Where a node answers token exchanges: beside its GraphQL endpoint (…/graphql → …/token). */
export function tokenExchangeUrl(nodeUrl: string): string {
  return new URL('token', nodeUrl).toString();
}

/** True when the token says it is a delegated token; says nothing about whether it is genuine. */
export function isDelegationToken(token: string): boolean {
  try {
    return decodeProtectedHeader(token).typ === DELEGATION_TOKEN_TYPE;
  } catch {
    return false;
  }
}

export interface DelegationSigner {
  /** The agency whose users this signer speaks for. */
  agency: string;
  /**
   * A token for `user` (already verified as a user of this signer's agency) addressed to the node
   * of `audienceAgency` alone; it never outlives the user's own token.
   */
  mint(user: AccessClaims, audienceAgency: string, now?: number): Promise<{ token: string; expiresIn: number }>;
}

/** The private JWK must carry its kid, which the membership lists among the agency's delegationKeys. */
export async function createDelegationSigner(
  agency: string,
  privateJwk: JWK,
  lifetimeS = DELEGATION_MAX_LIFETIME_S,
): Promise<DelegationSigner> {
  if (!privateJwk.d) throw new Error('the delegation key must be a private JWK (it has no "d")');
  if (!privateJwk.kid) throw new Error('the delegation key needs a key id (kid), as the membership lists it');
  const alg = privateJwk.alg ?? (privateJwk.kty === 'OKP' ? 'EdDSA' : privateJwk.crv === 'P-256' ? 'ES256' : undefined);
  if (!alg || !DELEGATION_ALGORITHMS.includes(alg)) throw new Error(`the delegation key must be for ${DELEGATION_ALGORITHMS.join(' or ')}`);
  const key = await importJWK(privateJwk, alg);
  const { kid } = privateJwk;
  const lifetime = Math.min(Math.max(1, Math.floor(lifetimeS)), DELEGATION_MAX_LIFETIME_S);
  return {
    agency,
    async mint(user, audienceAgency, now = Math.floor(Date.now() / 1000)) {
      // A node speaks only for its own agency's users; verifiers check the same from the other side.
      if (user.agency !== agency) throw new Error(`a node of agency ${agency} cannot delegate for a user of agency ${user.agency}`);
      const exp = Math.min(now + lifetime, user.exp);
      if (exp <= now) throw new Error("the user's token has expired");
      const token = await new SignJWT({
        agency: user.agency,
        name: user.name,
        roles: user.roles,
        country: user.country,
        networks: user.networks,
        // RFC 8693 §4.1: who acts; here the user's own node, on the user's (sub) behalf.
        act: { sub: nodeUrn(agency) },
      })
        .setProtectedHeader({ alg, kid, typ: DELEGATION_TOKEN_TYPE })
        .setIssuer(nodeUrn(agency))
        .setSubject(user.sub)
        .setAudience(nodeUrn(audienceAgency))
        .setIssuedAt(now)
        .setExpirationTime(exp)
        .setJti(crypto.randomUUID())
        .sign(key);
      return { token, expiresIn: exp - now };
    },
  };
}

/**
 * Verifies delegated tokens at the node of `selfAgency`: addressed to this node, signed by a key
 * the membership lists among the issuing agency's delegation keys, living at most five minutes,
 * and speaking only for a user of the issuing agency. Verified tokens are cached until they expire.
 */
export function createDelegationVerifier(getMembership: () => Membership, selfAgency: string): TokenVerifier {
  const keySets = new WeakMap<Jwks, JWTVerifyGetKey>();
  const audience = nodeUrn(selfAgency);
  return cachingVerifier('delegated token', getMembership, async (token, membership, now) => {
    const { claims: unverified } = unverifiedJwt(token, 'delegated token');
    const issuing = agencyOfNodeUrn(unverified.iss);
    const agency = issuing ? membership.agencies.find((a) => a.id === issuing) : undefined;
    if (!agency)
      throw new AuthError(
        'unknown_issuer',
        `the delegated token's issuer ${JSON.stringify(clip(unverified.iss ?? null))} is not a member's node`,
      );
    if (!agency.delegationKeys) throw new AuthError('unknown_key', `agency ${agency.id} lists no delegation keys in the membership`);
    let keys = keySets.get(agency.delegationKeys);
    if (!keys) {
      keys = createLocalJWKSet(agency.delegationKeys);
      keySets.set(agency.delegationKeys, keys);
    }

    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, keys, {
        issuer: nodeUrn(agency.id),
        audience,
        typ: DELEGATION_TOKEN_TYPE,
        algorithms: DELEGATION_ALGORITHMS,
        clockTolerance: CLOCK_TOLERANCE_S,
        requiredClaims: ['exp', 'iat', 'sub'],
      }));
    } catch (e) {
      throw toAuthError(e, agency.id, audience);
    }
    const parsed = accessClaims.safeParse(payload);
    if (!parsed.success)
      throw new AuthError(
        'invalid_claims',
        `the delegated token's claims are incomplete: ${parsed.error.issues.map((i) => i.path.join('.')).join(', ')}`,
      );
    const claims = parsed.data;
    const lifetime = claims.exp - (claims.iat ?? Number.NaN);
    if (!(lifetime <= DELEGATION_MAX_LIFETIME_S))
      throw new AuthError(
        'invalid_claims',
        `a delegated token may live at most ${DELEGATION_MAX_LIFETIME_S} s (exp - iat); this one lives ${lifetime} s`,
      );
    if ((claims.iat ?? 0) > now + CLOCK_TOLERANCE_S) throw new AuthError('not_yet_valid', 'the delegated token is issued in the future');
    if (claims.agency !== agency.id)
      throw new AuthError('invalid_claims', `the node of agency ${agency.id} cannot speak for a user of agency ${claims.agency}`);
    // A node's word about its user's country or networks is bound to its membership entry, as its
    // provider's is (claim-mapping.ts): it cannot place its user elsewhere or in another network.
    if (claims.country !== agency.country)
      throw new AuthError('invalid_claims', `the node of agency ${agency.id} cannot speak for country ${claims.country}`);
    return { ...claims, networks: membershipNetworks(claims.networks, agency) };
  });
}

function toAuthError(e: unknown, agency: string, audience: string): AuthError {
  return refusalOf(e, {
    kind: 'delegated token',
    expired: 'the delegated token has expired',
    wrongAudience: `the delegated token is addressed to another node (this node is ${audience})`,
    unknownKey: () => `the delegated token is signed with a key that agency ${agency} does not list as a delegation key`,
    algorithms: DELEGATION_ALGORITHMS.join(' or '),
  });
}
