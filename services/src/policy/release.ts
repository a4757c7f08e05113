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
  type MemberAgency,
  type Membership,
  mayRelease,
  type Receiver,
  type ReleasePolicy,
  type ReleasePreviewReason,
  redactAlert,
  redactDirectoryEntry,
} from '@corridor/proto';

/** A user of another agency as a receiver; null when their agency is not a member. */
export function userReceiver(claims: AccessClaims, membership: Membership): Receiver | null {
  const member = agencyOf(membership, claims.agency);
  return member ? { agency: member.id, country: member.country, networks: member.networks, roles: claims.roles } : null;
}

/** An agency as a whole (its node, for an alert on the bus): it holds no role. */
export function agencyReceiver(member: MemberAgency): Receiver {
  return { agency: member.id, country: member.country, networks: member.networks };
}

export interface Released<T> {
  item: T;
  rule: string;
}

/**
 * The one decision on releasing an alert of this agency to a receiver: TLP first (proto release.ts),
 * then the policy's first matching rule. Sending (sendPlan), answering (releaseAlert) and the
 * preview before publishing (release-preview.ts) all decide here.
 */
export type AlertDecision =
  | { release: true; rule: string; redact: readonly string[] }
  | { release: false; reason: Exclude<ReleasePreviewReason, 'released'>; rule: string | null };

export function decideAlert(policy: ReleasePolicy, self: MemberAgency, a: Alert, to: Receiver): AlertDecision {
  if (!mayRelease(a, to.agency)) return { release: false, reason: a.tlp === 'RED' ? 'tlp_red' : 'not_named', rule: null };
  const d = decideRelease(
    policy,
    { resource: 'alert', kind: a.kind, tlp: a.tlp, handlingCode: a.handlingCode, networks: self.networks },
    to,
  );
  if (d.release) return d;
  return d.rule === null ? { release: false, reason: 'no_rule', rule: null } : { release: false, reason: 'denied_by_rule', rule: d.rule };
}

export function releaseAlert(policy: ReleasePolicy, self: MemberAgency, a: Alert, to: Receiver): Released<Alert> | null {
  const d = decideAlert(policy, self, a, to);
  return d.release ? { item: redactAlert(a, d.redact), rule: d.rule } : null;
}

export function releaseEntry(policy: ReleasePolicy, e: DirectoryEntry, to: Receiver): Released<DirectoryEntry> | null {
  const d = decideRelease(policy, { resource: 'directory_entry', entryClass: e.kind, networks: e.networks }, to);
  return d.release ? { item: redactDirectoryEntry(e, d.redact), rule: d.rule } : null;
}

export interface SendTo {
  agency: string;
  rule: string;
  redact: readonly string[];
}

/** Which partner nodes an alert goes to, under which rule and with which fields withheld. */
export function sendPlan(policy: ReleasePolicy, membership: Membership, self: MemberAgency, a: Alert): SendTo[] {
  const plan: SendTo[] = [];
  for (const member of membership.agencies) {
    if (member.id === self.id) continue;
    const d = decideAlert(policy, self, a, agencyReceiver(member));
    if (d.release) plan.push({ agency: member.id, rule: d.rule, redact: d.redact });
  }
  return plan;
}
