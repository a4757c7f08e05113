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

export function releaseAlert(policy: ReleasePolicy, self: MemberAgency, a: Alert, to: Receiver): Released<Alert> | null {
  if (!mayRelease(a, to.agency)) return null;
  const d = decideRelease(policy, alertItem(self, a), to);
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
    if (member.id === self.id || !mayRelease(a, member.id)) continue;
    const d = decideRelease(policy, alertItem(self, a), agencyReceiver(member, membership, self.id));
    if (d.release)
      plan.push({ agency: member.id, rule: d.rule, redact: d.redact, ...(d.liaisonPost ? { liaisonPost: d.liaisonPost.id } : {}) });
  }
  return plan;
}
