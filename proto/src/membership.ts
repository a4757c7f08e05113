// The network membership document (in the spirit of X-Road's global configuration): who belongs,
// where their nodes answer, which keys sign their users' tokens and their alerts.
import { z } from 'zod';
import { agencyId, countryCode, jwks, networkId } from './fields.js';

export const memberAgency = z.strictObject({
  id: agencyId,
  name: z.string().min(1).max(200),
  country: countryCode,
  networks: z.array(networkId).default([]),
  /** The node's GraphQL endpoint, e.g. http://127.0.0.1:4101/graphql. */
  nodeUrl: z.url(),
  tokenIssuer: z.strictObject({ issuer: z.string().min(1), jwks }),
  alertSigningKeys: jwks,
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
    m.agencies.forEach((a, i) => {
      if (seen.has(a.id)) ctx.addIssue({ code: 'custom', path: ['agencies', i, 'id'], message: `agency ${a.id} is listed twice` });
      seen.add(a.id);
    });
  });
export type Membership = z.infer<typeof membership>;

export function agencyOf(m: Membership, id: string): MemberAgency | undefined {
  return m.agencies.find((a) => a.id === id);
}
