// From a verified token's payload to Corridor's access claims, by the agency's claim mapping in
// the membership. A standard provider issues `sub` and whatever claims it was told to add; what
// the token lacks of agency, country and networks comes from the membership entry of the issuer,
// and a token that names another agency or country than that entry is refused. Networks a token
// names are kept only where the membership lists the agency in them: an agency's provider can
// narrow its users' networks, never add one.
import type { AccessClaims } from './claims.js';
import { accessClaims } from './claims.js';
import { CorridorError } from './errors.js';
import type { ClaimMapping, MemberAgency } from './membership.js';

/** A provider's token whose claims do not map to a Corridor user of the agency. */
export class ClaimsRefused extends CorridorError {
  readonly code = 'CLAIMS_REFUSED' as const;
  override name = 'ClaimsRefused';
}

/** A top-level claim of that exact name (URIs as claim names hold dots), else the dotted path. */
export function claimAt(payload: Record<string, unknown>, path: string): unknown {
  if (Object.hasOwn(payload, path)) return payload[path];
  let value: unknown = payload;
  for (const part of path.split('.')) {
    if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.hasOwn(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return value;
}

function namesIn(value: unknown): string[] | undefined {
  if (typeof value === 'string') return value.split(/\s+/).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value;
  return undefined;
}

/** The networks of `claimed` that the membership lists `agency` in. */
export function membershipNetworks(claimed: readonly string[], agency: Pick<MemberAgency, 'networks'>): string[] {
  return claimed.filter((n) => agency.networks.includes(n));
}

export function mapClaims(payload: Record<string, unknown>, agency: MemberAgency): AccessClaims {
  const mapping: ClaimMapping = agency.tokenIssuer.claims ?? { roles: 'roles', name: 'name' };
  if (payload.agency !== undefined && payload.agency !== agency.id)
    throw new ClaimsRefused(`issuer of agency ${agency.id} cannot speak for agency ${String(payload.agency).slice(0, 80)}`);
  if (payload.country !== undefined && payload.country !== agency.country)
    throw new ClaimsRefused(`issuer of agency ${agency.id} cannot speak for country ${String(payload.country).slice(0, 80)}`);

  const provided = namesIn(claimAt(payload, mapping.roles));
  if (!provided) throw new ClaimsRefused(`the token's ${mapping.roles} claim holds no roles (an array or a space-separated string)`);
  const { roleMap } = mapping;
  const roles = roleMap ? [...new Set(provided.flatMap((r) => (Object.hasOwn(roleMap, r) ? [roleMap[r] as string] : [])))] : provided;
  if (roles.length === 0)
    throw new ClaimsRefused(
      `none of the token's roles (claim ${mapping.roles}) maps to a Corridor role in agency ${agency.id}'s claim mapping`,
    );

  const name = [claimAt(payload, mapping.name), payload.preferred_username, payload.sub].find((v) => typeof v === 'string' && v.length > 0);
  const parsed = accessClaims.safeParse({
    ...payload,
    agency: agency.id,
    country: agency.country,
    networks: payload.networks ?? agency.networks,
    name,
    roles,
  });
  if (!parsed.success)
    throw new ClaimsRefused(
      `the token's claims are incomplete: ${parsed.error.issues.map((i) => `${i.path.join('.')}${i.path[0] === 'roles' ? ` (claim ${mapping.roles})` : ''}: ${i.message}`).join('; ')}`,
    );
  return { ...parsed.data, networks: membershipNetworks(parsed.data.networks, agency) };
}
