// "Who will see this?" (issue 17, item 6): a draft of this agency's alert, checked as publishing
// checks it, run through the release decisions that send and answer it once published
// (policy/release.ts), per member agency. Nothing is stored, signed, sent or audited, and no
// identifier is pseudonymized: a release looks at whether an alert has identifiers, never at them.
import {
  agencyOf,
  type MemberAgency,
  type Membership,
  type PseudonymizedIdentifier,
  type ReleasePolicy,
  type ReleasePreviewItem,
  redactAlert,
  USER_ROLES,
  type ValidAlertInput,
} from '@corridor/proto';
import { agencyReceiver, decideAlert, releaseAlert } from '../policy/release.js';
import { checkedAlertInput, wireAlertOf } from './publish-alert.js';

export interface PreviewContext {
  agency: MemberAgency;
  membership: () => Membership;
  policy: () => ReleasePolicy;
  now?: () => Date;
}

/** Stands in for each identifier's pseudonyms: shaped like one, derived from nothing. */
const STAND_IN = 'A'.repeat(43);

function standIns(v: ValidAlertInput): PseudonymizedIdentifier[][] {
  return v.identifiers.map((i) => [{ kind: i.kind, pseudonym: STAND_IN, epoch: 1 }]);
}

/**
 * Per other member agency: whether its node gets a copy (and why, under which rule), the fields
 * withheld from that copy as its `redacted` will list them, and the roles whose users may read the
 * alert through the network with what is withheld from each. A bad draft is refused with the
 * field errors publishing gives it.
 */
export function previewRelease(ctx: PreviewContext, input: unknown): ReleasePreviewItem[] {
  const now = (ctx.now ?? (() => new Date()))();
  const membership = ctx.membership();
  const v = checkedAlertInput(input, ctx.agency, now, membership);
  const draft = wireAlertOf(v, ctx.agency, now, standIns(v));
  const policy = ctx.policy();
  const self = agencyOf(membership, ctx.agency.id) ?? ctx.agency;
  return membership.agencies
    .filter((member) => member.id !== self.id)
    .map((member) => {
      const to = agencyReceiver(member);
      const copy = decideAlert(policy, self, draft, to);
      const readers = USER_ROLES.flatMap((role) => {
        const read = releaseAlert(policy, self, draft, { ...to, roles: [role] });
        return read ? [{ role, rule: read.rule, withheld: read.item.redacted ?? [] }] : [];
      });
      return {
        agency: member.id,
        name: member.name,
        country: member.country,
        receives: copy.release,
        reason: copy.release ? 'released' : copy.reason,
        rule: copy.rule,
        policyVersion: policy.version,
        withheld: copy.release ? (redactAlert(draft, copy.redact).redacted ?? []) : [],
        readers,
      };
    });
}
