// The network membership document (in the spirit of X-Road's global configuration): who belongs,
// where their nodes answer, which keys sign their users' tokens and their alerts.

import { z } from 'zod';
import { answerTimes } from './answer-times.js';
import { ROUTE_REGIONS, USER_ROLES } from './codes.js';
import { agencyId, code, countryCode, jwks, networkId } from './fields.js';
import { pseudonymService } from './oprf/pseudonym-service.js';

/** Loopback hosts, where plain http cannot be intercepted off the machine (demo, tests). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Where an agency's token-signing keys are published. A JWKS fetched over the network decides
 * whose tokens are believed, so it must come over https; plain http only from this machine.
 */
export const jwksUri = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).refine(
  (u) => {
    // zod runs this even when the URL check failed; that failure is already reported.
    if (!URL.canParse(u)) return true;
    const url = new URL(u);
    return url.protocol === 'https:' || LOOPBACK.has(url.hostname);
  },
  { message: 'must be an https URL (plain http only for 127.0.0.1 or localhost)' },
);

/** Signature algorithms accepted for access tokens (RFC 9068 §2.1: asymmetric only; never `none` or HMAC). */
export const TOKEN_ALGORITHMS = ['RS256', 'PS256', 'ES256', 'EdDSA', 'Ed25519'] as const;

/**
 * A public key of a token issuer as a JWK (RFC 7517): RSA (at least 2048 bits, checked when used),
 * P-256 or Ed25519. Each algorithm is pinned to its key type when a token is verified, so a key
 * published for one algorithm never verifies a token that names another.
 */
const tokenSigningJwk = z
  .looseObject({
    kty: z.enum(['RSA', 'EC', 'OKP'], { error: 'must be an RSA, EC (P-256) or OKP (Ed25519) key' }),
    crv: z.enum(['P-256', 'Ed25519'], { error: 'must be P-256 (EC) or Ed25519 (OKP)' }).optional(),
    kid: z.string().min(1, 'every key needs a key id (kid)'),
    alg: z.enum(TOKEN_ALGORITHMS, { error: `must be one of ${TOKEN_ALGORITHMS.join(', ')}` }).optional(),
  })
  .superRefine((k, ctx) => {
    for (const secret of ['d', 'p', 'q', 'dp', 'dq', 'qi', 'k'])
      if (secret in k)
        ctx.addIssue({ code: 'custom', path: [secret], message: 'must be a public key: private parts must never be published' });
    const needs = k.kty === 'RSA' ? ['n', 'e'] : ['crv', 'x', ...(k.kty === 'EC' ? ['y'] : [])];
    for (const part of needs)
      if (typeof (k as Record<string, unknown>)[part] !== 'string')
        ctx.addIssue({ code: 'custom', path: [part], message: `a ${k.kty} key needs ${part}` });
    if (k.kty === 'EC' && k.crv !== undefined && k.crv !== 'P-256')
      ctx.addIssue({ code: 'custom', path: ['crv'], message: 'an EC key must be P-256' });
    if (k.kty === 'OKP' && k.crv !== undefined && k.crv !== 'Ed25519')
      ctx.addIssue({ code: 'custom', path: ['crv'], message: 'an OKP key must be Ed25519' });
  });
export const tokenSigningJwks = z.object({ keys: z.array(tokenSigningJwk).min(1) });

/** A claim name, or a dotted path into nested claims (e.g. `realm_access.roles`). */
const claimPath = z
  .string()
  .min(1)
  .max(200)
  .regex(/^[^.\s]+(\.[^.\s]+)*$/, 'must be a claim name or a dotted path such as realm_access.roles');

/**
 * How an agency's provider says who a user is, when it does not speak Corridor's own claims. What
 * the token lacks of agency, country and networks is taken from the membership entry; a token that
 * names another agency or country than its issuer's entry is refused.
 */
const claimMapping = z.strictObject({
  /** The claim holding the user's roles (an array, or a space-separated string): a name or a dotted path. */
  roles: claimPath.default('roles'),
  /**
   * The provider's role names and the Corridor role each one grants. Roles not listed here grant
   * nothing. Without a map the claim must hold Corridor's own role names.
   */
  roleMap: z.record(z.string().min(1).max(200), code(USER_ROLES, 'a user role, e.g. border_officer')).optional(),
  /** The claim holding the display name; without it, `preferred_username`, then the subject. */
  name: claimPath.default('name'),
});
export type ClaimMapping = z.infer<typeof claimMapping>;

/**
 * An agency's token issuer: its `iss`, and its public keys inline (`jwks`), at an address the
 * verifiers fetch and cache (`jwksUri`), or — with neither — found by OpenID Connect discovery
 * (`<issuer>/.well-known/openid-configuration` names the `jwks_uri`), which needs an issuer URL
 * held to the same rule as a JWKS address.
 */
export const tokenIssuer = z
  .strictObject({
    issuer: z.string().min(1),
    jwks: tokenSigningJwks.optional(),
    jwksUri: jwksUri.optional(),
    /** The public OAuth client id the console signs in with at this provider (no secret: PKCE). */
    clientId: z.string().min(1).max(200).optional(),
    claims: claimMapping.optional(),
  })
  .superRefine((t, ctx) => {
    if (t.jwks !== undefined && t.jwksUri !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['jwksUri'],
        message: "give the issuer's keys either inline (jwks) or by address (jwksUri), not both",
      });
    if (t.jwks === undefined && t.jwksUri === undefined && !jwksUri.safeParse(t.issuer).success)
      ctx.addIssue({
        code: 'custom',
        path: ['issuer'],
        message:
          "give the issuer's keys inline (jwks) or by address (jwksUri), or make the issuer an https URL (plain http only for 127.0.0.1 or localhost) whose OpenID discovery document names them",
      });
  });

/**
 * A TLS public key pin as RFC 7469 writes it (`pin-sha256`): the base64 SHA-256 of the DER
 * SubjectPublicKeyInfo, 44 characters ending in `=`. `tlsPinOf` (proto/graphql) computes it; so does
 * `openssl x509 -pubkey -noout | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`.
 */
export const tlsPin = z
  .string()
  .regex(
    /^[A-Za-z0-9+/]{42}[AEIMQUYcgkosw048]=$/,
    "must be a pin-sha256: the base64 SHA-256 of the certificate's DER SubjectPublicKeyInfo (44 characters ending in =)",
  );

export const memberAgency = z.strictObject({
  id: agencyId,
  name: z.string().min(1).max(200),
  country: countryCode,
  networks: z.array(networkId).default([]),
  /** The node's GraphQL endpoint, e.g. http://127.0.0.1:4101/graphql. */
  nodeUrl: z.url(),
  tokenIssuer,
  alertSigningKeys: jwks,
  /**
   * Public keys with which the agency's node signs delegated tokens (delegation-token.ts) for
   * its own users, one per target node. Without them, no other node accepts its users.
   */
  delegationKeys: jwks.optional(),
  /**
   * The keys of the agency's own TLS certificates (its node's HTTPS, its leaf's NATS), as RFC 7469
   * `pin-sha256`: whoever answers at the agency's address must present one of them, so another
   * member's valid certificate of the same network CA is refused there. A key, not a certificate:
   * a renewed certificate on the same key keeps its pin; up to four allow a new key beside the old.
   * Absent: the network CA alone is trusted for this agency.
   */
  tlsPins: z
    .array(tlsPin)
    .min(1, 'list at least one pin, or leave tlsPins out')
    .max(4, 'at most 4 pins: the certificates in use and their successors')
    .refine((pins) => new Set(pins).size === pins.length, 'a pin is listed twice')
    .optional(),
});
export type MemberAgency = z.infer<typeof memberAgency>;

/**
 * A regional network as a record (issue 17 item 7), e.g. WACAP: which member agencies belong, who
 * keeps its secretariat, and each member's focal point (a directory entry of that agency). Where a
 * record exists it is the network's whole membership: an agency it does not name is not in it,
 * whatever the agency's own `networks` or its users' tokens say.
 */
export const networkRecord = z.strictObject({
  id: networkId,
  name: z.string().trim().min(1).max(200),
  members: z
    .array(agencyId)
    .min(1, 'a network has at least one member agency')
    .refine((ids) => new Set(ids).size === ids.length, 'an agency is listed twice'),
  /** The agency keeping the secretariat (a member of the Corridor membership, not necessarily of the network), and its desk. */
  secretariat: z.strictObject({ agency: agencyId, entry: z.uuid('must be a directory entry id (a UUID)').optional() }).optional(),
  /** Per member agency, the directory entry of its focal point for this network. */
  focalPoints: z.array(z.strictObject({ agency: agencyId, entry: z.uuid('must be a directory entry id (a UUID)') })).default([]),
});
export type NetworkRecord = z.infer<typeof networkRecord>;

/**
 * A liaison post: officers of the sending agency posted at the host agency, under a legal basis,
 * working on the routes it covers. The host's release policy can send those routes' alerts to the
 * sending agency on the strength of the post (release-policy.ts `viaLiaisonPost`).
 */
export const liaisonPost = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9-]{1,62}$/, 'must be a post id: lower-case letters, digits and hyphens'),
  sendingAgency: agencyId,
  hostAgency: agencyId,
  hostCountry: countryCode,
  /** What the posting rests on, as a person would cite it, e.g. "Regulation (EU) 2019/1240 Art. 3". */
  legalBasis: z.string().trim().min(3, 'cite the legal basis of the post, e.g. Regulation (EU) 2019/1240 Art. 3').max(300),
  routes: z.array(code(ROUTE_REGIONS, 'a route region, e.g. central-mediterranean')).min(1, 'name at least one route the post covers'),
  /** The directory entries (of the sending agency) of the officers posted. */
  officers: z
    .array(z.uuid('must be a directory entry id (a UUID)'))
    .min(1, 'name the directory entry of at least one posted officer')
    .max(20),
});
export type LiaisonPost = z.infer<typeof liaisonPost>;

/** A certificate's SHA-256 fingerprint as `AB:CD:…` (32 bytes), as Node and openssl print it. */
const sha256Fingerprint = z
  .string()
  .regex(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/, 'must be a SHA-256 fingerprint, 32 upper-case hex bytes joined by colons');

export const membership = z
  .strictObject({
    network: z.strictObject({ id: networkId, name: z.string().min(1) }),
    /**
     * The audience every Corridor access token must name (RFC 9068 `aud`): a name or a URI, as the
     * network's resource is registered at each agency's provider.
     */
    audience: z.string().min(1).max(500),
    version: z.number().int().min(1),
    agencies: z.array(memberAgency).min(1),
    /**
     * The CAs whose certificates the network's NATS servers present: a node refuses a NATS CA
     * file that is not one of them, so a CA swapped on its disk cannot put another server between
     * the node and its leaf. Absent: nothing pinned (a network with no TLS on its bus yet).
     */
    natsCaFingerprints: z.array(sha256Fingerprint).min(1).optional(),
    /**
     * The oblivious pseudonym service (issue 18): the key of its epoch is split among these member
     * agencies' nodes, and no node holds it whole. Absent: pseudonyms are HMAC under the nodes'
     * own network keys (CORRIDOR_NETWORK_KEY) alone.
     */
    pseudonymService: pseudonymService.optional(),
    /**
     * The network's statutory answer times (answer-times.ts): what a request of each type and
     * urgency must be answered within. Absent: Directive (EU) 2023/977's, Art. 5(1).
     */
    answerTimes: answerTimes.optional(),
    /** Regional networks as records (network-records.ts). Absent: networks are the agencies' own `networks` lists. */
    networks: z.array(networkRecord).max(100).optional(),
    /** Liaison posts between member agencies. */
    liaisonPosts: z.array(liaisonPost).max(500).optional(),
  })
  .superRefine((m, ctx) => {
    const seen = new Set<string>();
    const issuers = new Set<string>();
    m.agencies.forEach((a, i) => {
      if (seen.has(a.id)) ctx.addIssue({ code: 'custom', path: ['agencies', i, 'id'], message: `agency ${a.id} is listed twice` });
      seen.add(a.id);
      // A token is matched to its agency by `iss`: two agencies with one issuer could speak for each other.
      if (issuers.has(a.tokenIssuer.issuer))
        ctx.addIssue({
          code: 'custom',
          path: ['agencies', i, 'tokenIssuer', 'issuer'],
          message: 'another agency already uses this issuer',
        });
      issuers.add(a.tokenIssuer.issuer);
    });
    m.pseudonymService?.holders.forEach((h, i) => {
      if (!seen.has(h.agency))
        ctx.addIssue({ code: 'custom', path: ['pseudonymService', 'holders', i, 'agency'], message: `${h.agency} is not a member agency` });
    });
    checkRecords(m, seen, (path, message) => ctx.addIssue({ code: 'custom', path, message }));
  })
  // An agency's `networks` then says every network it belongs to, records included, so that each
  // reader of it (claims, release receivers) sees the records without asking for them.
  .overwrite((m) =>
    m.networks === undefined
      ? m
      : {
          ...m,
          agencies: m.agencies.map((a) => {
            const joined = (m.networks ?? []).filter((n) => n.members.includes(a.id) && !a.networks.includes(n.id)).map((n) => n.id);
            return joined.length === 0 ? a : { ...a, networks: [...a.networks, ...joined] };
          }),
        },
  );
export type Membership = z.infer<typeof membership>;

function checkRecords(
  m: { agencies: { id: string; country: string; networks: string[] }[]; networks?: NetworkRecord[]; liaisonPosts?: LiaisonPost[] },
  members: Set<string>,
  issue: (path: (string | number)[], message: string) => void,
): void {
  const records = new Map<string, NetworkRecord>();
  m.networks?.forEach((n, i) => {
    if (records.has(n.id)) issue(['networks', i, 'id'], `network ${n.id} is recorded twice`);
    records.set(n.id, n);
    n.members.forEach((a, j) => {
      if (!members.has(a)) issue(['networks', i, 'members', j], `${a} is not a member agency`);
    });
    if (n.secretariat && !members.has(n.secretariat.agency))
      issue(['networks', i, 'secretariat', 'agency'], `${n.secretariat.agency} is not a member agency`);
    const focal = new Set<string>();
    n.focalPoints.forEach((f, j) => {
      if (!n.members.includes(f.agency))
        issue(['networks', i, 'focalPoints', j, 'agency'], `${f.agency} is not a member of network ${n.id}`);
      if (focal.has(f.agency)) issue(['networks', i, 'focalPoints', j, 'agency'], `${f.agency} has two focal points; name one`);
      focal.add(f.agency);
    });
  });
  // A record is the network's whole list: an agency cannot put itself in a recorded network.
  m.agencies.forEach((a, i) => {
    a.networks.forEach((id, j) => {
      const record = records.get(id);
      if (record && !record.members.includes(a.id))
        issue(['agencies', i, 'networks', j], `network ${id} is recorded and does not list ${a.id} among its members`);
    });
  });
  const posts = new Set<string>();
  m.liaisonPosts?.forEach((p, i) => {
    if (posts.has(p.id)) issue(['liaisonPosts', i, 'id'], `liaison post ${p.id} is listed twice`);
    posts.add(p.id);
    if (!members.has(p.sendingAgency)) issue(['liaisonPosts', i, 'sendingAgency'], `${p.sendingAgency} is not a member agency`);
    if (!members.has(p.hostAgency)) issue(['liaisonPosts', i, 'hostAgency'], `${p.hostAgency} is not a member agency`);
    if (p.sendingAgency === p.hostAgency)
      issue(['liaisonPosts', i, 'hostAgency'], 'a liaison post is hosted by another agency than the one sending the officers');
    const host = m.agencies.find((a) => a.id === p.hostAgency);
    if (host && host.country !== p.hostCountry)
      issue(['liaisonPosts', i, 'hostCountry'], `must be the host agency's country (${host.country})`);
  });
}

export function agencyOf(m: Membership, id: string): MemberAgency | undefined {
  return m.agencies.find((a) => a.id === id);
}
