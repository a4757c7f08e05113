// Applying this agency's release policy (proto release-policy.ts) to what leaves the node: answers
// to users of other agencies, and alerts sent to their nodes. TLP binds first (proto release.ts);
// the policy can only narrow it. Who receives is read from the membership document: a token's
// word about its holder's country or networks is not taken alone.
import {
  type AccessClaims,
  type Alert,
  agencyOf,
  type DirectoryEntry,
  decideRelease,
  liaisonPostsAt,
  type MemberAgency,
  type Membership,
  mayRelease,
  type Receiver,
  type ReleasePolicy,
  type ReleasePreviewReason,
  recordedNetworksOf,
  redactAlert,
  redactDirectoryEntry,
} from '@corridor/proto';

/**
 * A user of another agency as a receiver; null when their agency is not a member. `self` is the
 * releasing agency, whose hosted liaison posts the receiver's may be.
 */
export function userReceiver(claims: AccessClaims, membership: Membership, self: string): Receiver | null {
  const member = agencyOf(membership, claims.agency);
  return member ? { ...agencyReceiver(member, membership, self), roles: claims.roles } : null;
}

/** An agency as a whole (its node, for an alert on the bus): it holds no role. */
export function agencyReceiver(member: MemberAgency, membership: Membership, self: string): Receiver {
  return {
    agency: member.id,
    country: member.country,
    networks: member.networks,
    recordedNetworks: recordedNetworksOf(membership, member.id),
    liaisonPosts: liaisonPostsAt(membership, self, member.id),
  };
}

export interface Released<T> {
  item: T;
  rule: string;
  /** The liaison post released under, whose legal basis the audit then names. */
  liaisonPost?: string;
}

/**
 * The one decision on releasing an alert of this agency to a receiver: TLP first (proto release.ts),
 * then the policy's first matching rule. Sending (sendPlan), answering (releaseAlert) and the
 * preview before publishing (release-preview.ts) all decide here.
 */
export type AlertDecision =
  | { release: true; rule: string; redact: readonly string[]; liaisonPost?: { id: string; legalBasis: string } }
  | { release: false; reason: Exclude<ReleasePreviewReason, 'released'>; rule: string | null };

export function decideAlert(policy: ReleasePolicy, self: MemberAgency, a: Alert, to: Receiver): AlertDecision {
  if (!mayRelease(a, to.agency)) return { release: false, reason: a.tlp === 'RED' ? 'tlp_red' : 'not_named', rule: null };
  const d = decideRelease(policy, alertItem(self, a), to);
  if (d.release) return d;
  return d.rule === null ? { release: false, reason: 'no_rule', rule: null } : { release: false, reason: 'denied_by_rule', rule: d.rule };
}

export function releaseAlert(policy: ReleasePolicy, self: MemberAgency, a: Alert, to: Receiver): Released<Alert> | null {
  const d = decideAlert(policy, self, a, to);
  if (!d.release) return null;
  const released = { item: redactAlert(a, d.redact), rule: d.rule };
  return d.liaisonPost ? { ...released, liaisonPost: d.liaisonPost.id } : released;
}

export function releaseEntry(policy: ReleasePolicy, e: DirectoryEntry, to: Receiver): Released<DirectoryEntry> | null {
  const d = decideRelease(policy, { resource: 'directory_entry', entryClass: e.kind, networks: e.networks }, to);
  return d.release ? { item: redactDirectoryEntry(e, d.redact), rule: d.rule } : null;
}

function alertItem(self: MemberAgency, a: Alert) {
  return {
    resource: 'alert',
    kind: a.kind,
    tlp: a.tlp,
    handlingCode: a.handlingCode,
    networks: self.networks,
    route: a.route?.region,
  } as const;
}

export interface SendTo {
  agency: string;
  rule: string;
  redact: readonly string[];
  liaisonPost?: string;
}

/** Which partner nodes an alert goes to, under which rule and with which fields withheld. */
export function sendPlan(policy: ReleasePolicy, membership: Membership, self: MemberAgency, a: Alert): SendTo[] {
  const plan: SendTo[] = [];
  for (const member of membership.agencies) {
    if (member.id === self.id) continue;
    const d = decideAlert(policy, self, a, agencyReceiver(member, membership, self.id));
    if (d.release)
      plan.push({ agency: member.id, rule: d.rule, redact: d.redact, ...(d.liaisonPost ? { liaisonPost: d.liaisonPost.id } : {}) });
  }
  return plan;
}
