// The network membership document (in the spirit of X-Road's global configuration): who belongs,
// where their nodes answer, which keys sign their users' tokens and their alerts.
import { z } from 'zod';
import { agencyId, countryCode, jwks, networkId } from './fields.js';

/** Loopback hosts, where plain http cannot be intercepted off the machine (demo, tests). */
const LOOPBACK = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Where an agency's token-signing keys are published. A JWKS fetched over the network decides
 * whose tokens are believed, so it must come over https; plain http only from this machine.
 */
export const jwksUri = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' }).refine(
  (u) => {
    const url = new URL(u);
    return url.protocol === 'https:' || LOOPBACK.has(url.hostname);
  },
  { message: 'must be an https URL (plain http only for 127.0.0.1 or localhost)' },
);

/**
 * An agency's token issuer: its `iss`, and its public keys either inline (`jwks`) or at an
 * address the verifiers fetch and cache (`jwksUri`, as an OpenID Connect provider publishes).
 */
export const tokenIssuer = z
  .strictObject({ issuer: z.string().min(1), jwks: jwks.optional(), jwksUri: jwksUri.optional() })
  .refine((t) => (t.jwks === undefined) !== (t.jwksUri === undefined), {
    message: "give the issuer's keys either inline (jwks) or by address (jwksUri), exactly one of them",
  });
export type TokenIssuer = z.infer<typeof tokenIssuer>;

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
});
export type MemberAgency = z.infer<typeof memberAgency>;

export const membership = z
  .strictObject({
    network: z.strictObject({ id: networkId, name: z.string().min(1) }),
    /** The audience every Corridor access token must name. */
    audience: z.string().min(1),
    version: z.number().int().min(1),
    agencies: z.array(memberAgency).min(1),
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
  });
export type Membership = z.infer<typeof membership>;

export function agencyOf(m: Membership, id: string): MemberAgency | undefined {
  return m.agencies.find((a) => a.id === id);
}
