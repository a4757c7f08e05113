// Access claims: what a user's token, issued by the user's own agency, says about them.
import { z } from 'zod';
import { USER_ROLES } from './codes.js';
import { agencyId, code, countryCode, networkId } from './fields.js';

export const accessClaims = z.looseObject({
  iss: z.string().min(1),
  sub: z.string().min(1),
  aud: z.union([z.string(), z.array(z.string())]),
  exp: z.number().int(),
  iat: z.number().int().optional(),
  nbf: z.number().int().optional(),
  /** The agency that issued the token and that the user works for. */
  agency: agencyId,
  name: z.string().min(1).max(160),
  roles: z.array(code(USER_ROLES, 'a user role, e.g. border_officer')).min(1),
  country: countryCode,
  networks: z.array(networkId).default([]),
});
export type AccessClaims = z.infer<typeof accessClaims>;
