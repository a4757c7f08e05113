// An agency's release policy (DESIGN principle 4): which of its data it releases to whom, as a
// versioned document the node validates at load and applies to every answer and every alert it
// sends. Rules are read in order and the first that matches decides (as in a firewall, so that an
// administrator can read the policy top-down and an auditor can name the rule behind a release).
// Nothing matches: nothing is released (default deny). TLP 2.0 still binds on top of the policy:
// a rule can narrow what TLP allows, never widen it (release.ts).
import { z } from 'zod';
import type { Alert } from './alert.js';
import { ALERT_KINDS, HANDLING_CODES, TLP_LEVELS, USER_ROLES } from './codes.js';
import type { DirectoryEntry } from './directory.js';
import { agencyId, code, countryCode, networkId } from './fields.js';
import type { LiaisonPost } from './membership.js';

/**
 * `consultation`: the messages and requests of a consultation this agency sends to the other
 * party (issue 7). Each side's own policy governs what it sends; nothing else of a case travels.
 */
const RELEASE_RESOURCES = ['alert', 'directory_entry', 'consultation'] as const;
type ReleaseResource = (typeof RELEASE_RESOURCES)[number];

/** The kinds of directory entry a rule can name ("entry class"). */
const DIRECTORY_ENTRY_CLASSES = ['person', 'desk'] as const;

/**
 * Fields a rule may withhold, per resource. Named here rather than free paths so that a typo in a
 * policy is refused at load instead of silently redacting nothing.
 */
export const REDACTABLE_FIELDS = {
  alert: ['caseReference', 'identifiers', 'route.places', 'routeDetails.priceObserved', 'documentFraud.detectionDetails'],
  directory_entry: ['channels.phone', 'channels.email', 'channels.secure_messaging', 'channels.fax', 'notes', 'title'],
  consultation: [],
} as const satisfies Record<ReleaseResource, readonly string[]>;
type RedactableField<R extends ReleaseResource = ReleaseResource> = (typeof REDACTABLE_FIELDS)[R][number];

const ruleId = z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be a rule id: lower-case letters, digits and hyphens');
const nonEmpty = <T extends z.ZodType>(item: T) => z.array(item).min(1, 'leave the condition out instead of listing nothing');

const releaseRule = z.strictObject({
  id: ruleId,
  description: z.string().trim().max(500).optional(),
  /** `deny` rules carve exceptions out of broader `release` rules below them. */
  effect: code(['release', 'deny'] as const, 'release or deny').default('release'),
  resource: code(RELEASE_RESOURCES, 'a resource: alert, directory_entry or consultation'),
  // Conditions: each one left out matches anything; all given must hold.
  /** Alert kinds (alerts only). */
  kinds: nonEmpty(code(ALERT_KINDS, 'an alert kind: route or document_fraud')).optional(),
  /** TLP levels (alerts only). */
  tlp: nonEmpty(code(TLP_LEVELS, 'a TLP level')).optional(),
  /** Handling codes (alerts only; an alert signed without one is H0). */
  handlingCodes: nonEmpty(code(HANDLING_CODES, 'a handling code: H0, H1, H2 or H3')).optional(),
  /** Entry classes (directory entries only). */
  entryClasses: nonEmpty(code(DIRECTORY_ENTRY_CLASSES, 'person or desk')).optional(),
  /** The receiving agency is one of these. */
  partners: nonEmpty(agencyId).optional(),
  /** The receiving agency is in one of these countries. */
  countries: nonEmpty(countryCode).optional(),
  /** The receiving agency belongs to one of these networks (as the membership document says). */
  networks: nonEmpty(networkId).optional(),
  /**
   * The receiving agency is a member of this network's record (membership `networks`). Unlike
   * `networks`, an agency's own list counts for nothing here: only the signed record does.
   */
  toNetwork: networkId.optional(),
  /**
   * The receiving agency has officers posted at this agency by a liaison post covering the
   * alert's route region (alerts only). What is released under it names the post's legal basis.
   */
  viaLiaisonPost: z.literal(true).optional(),
  /** The receiving agency shares a network with the item (a directory entry's networks, or the releasing agency's for alerts). */
  sameNetwork: z.literal(true).optional(),
  /** The user asking holds one of these roles. An agency as a whole (an alert sent on the bus) holds none. */
  roles: nonEmpty(code(USER_ROLES, 'a user role, e.g. prosecutor')).optional(),
  /** Fields withheld from what this rule releases. */
  redact: z.array(z.string()).default([]),
});
export type ReleaseRule = z.infer<typeof releaseRule>;

export const releasePolicy = z
  .strictObject({
    agency: agencyId,
    /** Raised with every change; a node only moves forward. */
    version: z.number().int().min(1),
    rules: z.array(releaseRule).max(500),
  })
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.rules.forEach((r, i) => {
      const at = (...path: (string | number)[]) => ['rules', i, ...path];
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', path: at('id'), message: `rule id ${r.id} is used twice` });
      seen.add(r.id);
      if (r.resource !== 'alert') {
        if (r.kinds) ctx.addIssue({ code: 'custom', path: at('kinds'), message: 'kinds apply to alerts only' });
        if (r.tlp) ctx.addIssue({ code: 'custom', path: at('tlp'), message: 'tlp applies to alerts only' });
        if (r.handlingCodes) ctx.addIssue({ code: 'custom', path: at('handlingCodes'), message: 'handlingCodes apply to alerts only' });
      }
      if (r.resource !== 'alert' && r.viaLiaisonPost)
        ctx.addIssue({
          code: 'custom',
          path: at('viaLiaisonPost'),
          message: 'viaLiaisonPost applies to alerts only (a post covers routes)',
        });
      if (r.resource !== 'directory_entry' && r.entryClasses)
        ctx.addIssue({ code: 'custom', path: at('entryClasses'), message: 'entryClasses apply to directory entries only' });
      const allowed: readonly string[] = REDACTABLE_FIELDS[r.resource];
      r.redact.forEach((f, j) => {
        if (!allowed.includes(f))
          ctx.addIssue({ code: 'custom', path: at('redact', j), message: `must be one of ${allowed.join(', ')} for ${r.resource}` });
      });
      if (r.effect === 'deny' && r.redact.length > 0)
        ctx.addIssue({ code: 'custom', path: at('redact'), message: 'a deny rule releases nothing, so it redacts nothing' });
    });
  });
export type ReleasePolicy = z.infer<typeof releasePolicy>;
export type ReleasePolicyInput = z.input<typeof releasePolicy>;

/** Who receives: an agency (for an alert sent on the bus), or a user of it (for an answer). */
export interface Receiver {
  agency: string;
  country: string;
  /** The agency's networks per the membership document (never the token's word alone). */
  networks: readonly string[];
  /** The user's roles; absent when an agency as a whole receives. */
  roles?: readonly string[];
  /** The network records naming the agency as a member (network-records.ts). */
  recordedNetworks?: readonly string[];
  /** The liaison posts of the agency's officers at the releasing agency. */
  liaisonPosts?: readonly Pick<LiaisonPost, 'id' | 'routes' | 'legalBasis'>[];
}

/** What is being released, as far as the rules look at it. */
export type ReleaseItem =
  | {
      resource: 'alert';
      kind: string;
      tlp: string;
      handlingCode?: string | undefined;
      networks: readonly string[];
      /** The alert's route region, if it has a route. */
      route?: string | undefined;
    }
  | { resource: 'directory_entry'; entryClass: string; networks: readonly string[] }
  | { resource: 'consultation'; networks: readonly string[] };

type ReleaseDecision =
  | { release: true; rule: string; redact: readonly string[]; liaisonPost?: { id: string; legalBasis: string } }
  | { release: false; rule: string | null };

const some = (wanted: readonly string[] | undefined, held: readonly string[]) => !wanted || wanted.some((w) => held.includes(w));
const oneOf = (wanted: readonly string[] | undefined, value: string) => !wanted || wanted.includes(value);

/** Whether the rule matches; for a rule by liaison post, the post it matched through. */
function matches(rule: ReleaseRule, item: ReleaseItem, to: Receiver): boolean | LiaisonPost['id'] {
  if (rule.resource !== item.resource) return false;
  if (
    item.resource === 'alert' &&
    !(oneOf(rule.kinds, item.kind) && oneOf(rule.tlp, item.tlp) && oneOf(rule.handlingCodes, item.handlingCode ?? 'H0'))
  )
    return false;
  if (item.resource === 'directory_entry' && !oneOf(rule.entryClasses, item.entryClass)) return false;
  if (!oneOf(rule.partners, to.agency) || !oneOf(rule.countries, to.country) || !some(rule.networks, to.networks)) return false;
  if (rule.sameNetwork && !item.networks.some((n) => to.networks.includes(n))) return false;
  if (rule.roles && !(to.roles && some(rule.roles, to.roles))) return false;
  if (rule.toNetwork !== undefined && !(to.recordedNetworks ?? []).includes(rule.toNetwork)) return false;
  if (rule.viaLiaisonPost) {
    const region = item.resource === 'alert' ? item.route : undefined;
    const post = region === undefined ? undefined : to.liaisonPosts?.find((p) => (p.routes as readonly string[]).includes(region));
    return post ? post.id : false;
  }
  return true;
}

/** The first rule that matches decides; none matching is a denial (rule null). */
export function decideRelease(policy: ReleasePolicy, item: ReleaseItem, to: Receiver): ReleaseDecision {
  for (const rule of policy.rules) {
    const matched = matches(rule, item, to);
    if (matched === false) continue;
    if (rule.effect === 'deny') return { release: false, rule: rule.id };
    const post = typeof matched === 'string' ? to.liaisonPosts?.find((p) => p.id === matched) : undefined;
    return post
      ? { release: true, rule: rule.id, redact: rule.redact, liaisonPost: { id: post.id, legalBasis: post.legalBasis } }
      : { release: true, rule: rule.id, redact: rule.redact };
  }
  return { release: false, rule: null };
}

/**
 * The alert as released: withheld fields removed and listed in `redacted`, so that the receiver
 * knows something was held back (and can ask the owner) rather than taking the gap for "none".
 * Only fields the alert actually has are listed; with nothing to withhold it is returned as is
 * (and so signed once for every partner).
 */
/** The paths of an amendment's `changes` (alert-changes.ts) that each withheld field hides. */
const CHANGES_WITHHELD_BY: Record<RedactableField<'alert'>, readonly string[]> = {
  caseReference: ['caseReference'],
  identifiers: ['identifiers'],
  // Countries stay visible: that the waypoints changed is seen by comparing them anyway.
  'route.places': [],
  'routeDetails.priceObserved': ['routeDetails.priceObserved'],
  'documentFraud.detectionDetails': ['documentFraud.detectedAt'],
};

export function redactAlert(a: Alert, fields: readonly string[]): Alert {
  const present = (fields as RedactableField<'alert'>[]).filter((f) => {
    switch (f) {
      case 'caseReference':
        return a.caseReference !== undefined;
      case 'identifiers':
        return a.identifiers.length > 0;
      case 'route.places':
        return (a.route?.waypoints ?? []).some((w) => w.place !== undefined || w.latitude !== undefined);
      case 'routeDetails.priceObserved':
        return a.kind === 'route' && a.routeDetails.priceObserved !== undefined;
      case 'documentFraud.detectionDetails':
        return (
          a.kind === 'document_fraud' &&
          (a.documentFraud.detectedAt.location !== undefined || a.documentFraud.detectedAt.flight !== undefined)
        );
      default:
        return false;
    }
  });
  // An amendment's list of changed fields must not say that a withheld field changed.
  const unsaid = new Set(fields.flatMap((f) => CHANGES_WITHHELD_BY[f as RedactableField<'alert'>] ?? []));
  const changes = a.changes?.filter((c) => !unsaid.has(c));
  if (present.length === 0 && changes?.length === a.changes?.length) return a;
  const out = structuredClone(a);
  if (changes) out.changes = changes;
  if (present.length === 0) return out;
  for (const f of present) {
    switch (f) {
      case 'caseReference':
        delete out.caseReference;
        break;
      case 'identifiers':
        out.identifiers = [];
        break;
      case 'route.places':
        // Coordinates say where as precisely as a place name, so they go with it.
        for (const w of out.route?.waypoints ?? []) {
          delete w.place;
          delete w.latitude;
          delete w.longitude;
        }
        break;
      case 'routeDetails.priceObserved':
        if (out.kind === 'route') delete out.routeDetails.priceObserved;
        break;
      case 'documentFraud.detectionDetails':
        if (out.kind === 'document_fraud') out.documentFraud.detectedAt = { place: out.documentFraud.detectedAt.place };
        break;
    }
  }
  out.redacted = [...new Set([...(a.redacted ?? []), ...present])].sort();
  return out;
}

export function redactDirectoryEntry(e: DirectoryEntry, fields: readonly string[]): DirectoryEntry & { redacted?: string[] } {
  if (fields.length === 0) return e;
  const withheldChannels = new Set(fields.filter((f) => f.startsWith('channels.')).map((f) => f.slice('channels.'.length)));
  const out: DirectoryEntry & { redacted?: string[] } = { ...e, channels: e.channels.filter((c) => !withheldChannels.has(c.type)) };
  if (fields.includes('notes')) delete out.notes;
  if (fields.includes('title')) delete out.title;
  out.redacted = [...fields].sort();
  return out;
}
