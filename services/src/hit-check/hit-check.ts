// Hit / no hit (issue 5): does this agency hold an alert carrying a pseudonym a partner's user
// asks about? The asking user's own node turns the identifier into pseudonyms (nodes hold the
// keys, users and the gateway never do); every node answers for its own alerts only, under its
// release policy, with the alert references and the agency's contact desk, never a raw value.
// Every check is audited at the node that answered, hit or not, and rate-limited per user.
import {
  type AccessClaims,
  type AlertKind,
  agencyOf,
  type DirectoryEntry,
  desksForAlerts,
  type PseudonymizedIdentifier,
} from '@corridor/proto';
import type { HitAlertView, HitAnswerView } from '@corridor/proto/graphql';
import { ownAlertsCarryingEach } from '../alerts/alert-store.js';
import type { AuditRecord } from '../audit/audit-log.js';
import { ownEntries } from '../directory/directory-store.js';
import type { NodeServices } from '../node-services.js';
import { releaseAlert, releaseEntry, userReceiver } from '../policy/release.js';

/**
 * Whom to call about these alerts, as the caller may see it: the best entry that handles their
 * kinds (proto desksForAlerts) and keeps a way to reach it once the directory policy withheld
 * what it withholds from the caller (a desk whose only phone is withheld is no use to them).
 */
function contactDesk(
  entries: readonly DirectoryEntry[],
  kinds: readonly AlertKind[],
  release: (e: DirectoryEntry) => DirectoryEntry | null,
) {
  for (const e of desksForAlerts(entries, kinds)) {
    const shown = release(e);
    if (shown && shown.channels.length > 0) return shown;
  }
  return null;
}

/** One check in a batch: who asks (their verified claims) about which pseudonyms. */
export interface HitCheckItem {
  claims: AccessClaims;
  pseudonyms: readonly PseudonymizedIdentifier[];
}

type AnswerServices = Pick<NodeServices, 'db' | 'agency' | 'membership' | 'policy' | 'audit'>;

export function answerHitCheck(
  services: AnswerServices,
  claims: AccessClaims,
  pseudonyms: readonly PseudonymizedIdentifier[],
): Promise<HitAnswerView> {
  const [answer] = answerHitChecks(services, [{ claims, pseudonyms }]);
  if (!answer) throw new Error('hit check: no answer for the one check asked');
  return answer;
}

/**
 * Answers several checks (of one user or many) at once: one lookup for all of them, the directory
 * read once (each check picks the desk for its own alerts' kinds and caller), and their audit rows handed to the group commit together, so that they share one
 * append. Each check is still released to, and audited under, the user who asked it; each answer
 * settles on its own (an audit append that fails fails only its own check).
 */
export function answerHitChecks(services: AnswerServices, items: readonly HitCheckItem[]): Promise<HitAnswerView>[] {
  const membership = services.membership();
  const self = agencyOf(membership, services.agency.id) ?? services.agency;
  const policy = services.policy();
  const carrying = ownAlertsCarryingEach(
    services.db,
    items.map((i) => i.pseudonyms),
  );
  // The agency's directory entries, read once for the batch; each check picks the desk for its own kinds.
  let entries: Promise<DirectoryEntry[]> | undefined;
  const entriesOnce = () => {
    entries ??= ownEntries(services.db);
    return entries;
  };
  const prepared = items.map(async ({ claims, pseudonyms }, n) => {
    const own = claims.agency === self.id;
    const to = own ? null : userReceiver(claims, membership, self.id);
    const hits: HitAlertView[] = [];
    const byRule = new Map<string, string[]>();
    const kinds = new Set<AlertKind>();
    for (const a of (await carrying)[n] ?? []) {
      const released = own ? { item: a, rule: 'own-agency' } : to ? releaseAlert(policy, self, a, to) : null;
      if (!released) continue; // not released to this user: as far as they can tell, no hit
      kinds.add(a.kind);
      const mine = new Set(a.identifiers.map((i) => i.pseudonym));
      hits.push({
        id: a.id,
        revision: a.revision,
        kind: a.kind,
        createdAt: a.createdAt,
        ...(a.handlingCode ? { handlingCode: a.handlingCode } : {}),
        matched: [...new Set(pseudonyms.filter((p) => mine.has(p.pseudonym)).map((p) => p.kind))],
      });
      byRule.set(released.rule, [...(byRule.get(released.rule) ?? []), `${a.id}@${a.revision}`]);
    }

    const contact =
      hits.length > 0
        ? contactDesk(await entriesOnce(), [...kinds], (e) => (own ? e : to ? (releaseEntry(policy, e, to)?.item ?? null) : null))
        : null;

    // Every check is recorded, whatever its answer and whoever asked: which pseudonyms, by whom,
    // and which alerts (under which rule) they were told of.
    const asked = pseudonyms.map((p) => `pseudonym:${p.kind}:${p.pseudonym}`);
    const base = {
      channel: 'check' as const,
      agency: claims.agency,
      subject: claims.sub,
      resource: 'alert' as const,
      policyVersion: policy.version,
    };
    const records: AuditRecord[] =
      byRule.size > 0
        ? [...byRule].map(([rule, items]) => ({ ...base, items: [...items, ...asked], rule }))
        : [{ ...base, items: asked, rule: 'no-hit' }];
    const answer: HitAnswerView = { agency: self.id, hit: hits.length > 0, alerts: hits, contact };
    return { records, answer };
  });
  // Every answer waits for its own rows only; the rows of all go to the audit writer together.
  const recorded = Promise.allSettled(prepared).then((all) => {
    const ready = all.flatMap((p, n) => (p.status === 'fulfilled' ? [{ n, records: p.value.records }] : []));
    const written = services.audit.each(ready.map((r) => r.records));
    return new Map(ready.map((r, i) => [r.n, written[i] as Promise<void>]));
  });
  return prepared.map(async (p, n) => {
    const { answer } = await p;
    await (await recorded).get(n);
    return answer;
  });
}
