// One owner for sending to a partner (issue 12, part 3). Every message this node sends to another
// agency's node goes through `enqueue`, in the caller's transaction: it applies this agency's
// release policy, signs what it sends, writes one outbox row per recipient under one message-id
// scheme, and appends the release audit of those rows. So no caller can queue a message the policy
// withholds, or one the audit does not show: a row and its audit commit together or not at all.
import {
  type Alert,
  type AlertSigner,
  type AuditHeadSigner,
  agencyOf,
  auditHeadSubject,
  type ConsultationEvent,
  type CorrelationNotice,
  consultationSubject,
  correlationSubject,
  decideRelease,
  inboxSubject,
  type MemberAgency,
  type Membership,
  REDACTABLE_FIELDS,
  type ReleasePolicy,
  redactAlert,
} from '@corridor/proto';
import { type AuditRecord, appendAudit } from '../audit/audit-log.js';
import type { Prisma } from '../generated/prisma/client.js';
import { agencyReceiver, releaseAlert, sendPlan } from '../policy/release.js';
import { type OutboxKind, outboxMessageId } from './message-id.js';
import { insertOutboxRows, type OutboxRow } from './outbox-store.js';

/** The agency sending, as its alerts, correlation notices and consultation events leave it. */
export interface ReleasingAgency {
  agency: MemberAgency;
  subjectRoot: string;
  /** Read at each enqueue: the membership and the policy may change while the node runs. */
  membership: () => Membership;
  policy: () => ReleasePolicy;
  signer: AlertSigner;
}

/** The agency sending the head of its release audit. */
export interface HeadSendingAgency {
  agency: string;
  subjectRoot: string;
  membership: () => Membership;
  signer: AuditHeadSigner;
}

export type PartnerMessage =
  /**
   * A new alert or revision, as signed and stored here: it goes to each partner the policy
   * releases to, each copy redacted as the policy says and signed again. A withdrawal also goes
   * to `earlierRecipients`, whatever the policy says now, so that nobody goes on acting on an
   * alert that no longer holds; such a notice carries nothing the policy could withhold.
   */
  | { kind: 'alert'; from: ReleasingAgency; alert: Alert; earlierRecipients?: readonly string[] }
  /** An event of a consultation, signed and kept here as it is sent: to the other party only. */
  | { kind: 'consultation'; from: ReleasingAgency; event: ConsultationEvent }
  /**
   * `ours` (an alert of this agency) shares a pseudonym with `incoming` (a partner's alert): the
   * partner is told, signed, if the policy lets it know of `ours`; otherwise nothing is queued.
   */
  | { kind: 'correlation'; from: ReleasingAgency; incoming: Alert; ours: Alert; kinds: CorrelationNotice['kinds'] }
  /**
   * The head of this agency's release audit, signed once, to every other member. Not audited: a
   * head carries no data of the agency's, and an audit row per head would move the chain it signs.
   */
  | { kind: 'audit_head'; from: HeadSendingAgency; seq: bigint; hash: string; at: string };

/** The policy withholds a consultation from its other party: nothing of the transaction is kept. */
export class ReleaseRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ReleaseRefused';
  }
}

/** The rule under which this agency shares consultations with `other`, or why its policy does not (default deny). */
export function consultationRelease(from: ReleasingAgency, other: MemberAgency): { rule: string } | { refused: string } {
  const self = agencyOf(from.membership(), from.agency.id) ?? from.agency;
  const d = decideRelease(
    from.policy(),
    { resource: 'consultation', networks: self.networks },
    agencyReceiver(other, from.membership(), self.id),
  );
  return d.release ? { rule: d.rule } : { refused: `${self.name}'s release policy does not share consultations with ${other.name}` };
}

interface Row extends OutboxRow {
  kind: OutboxKind;
}

interface Queued {
  rows: Row[];
  audit: AuditRecord[];
}

/** Stands in the audit for a withdrawal sent to an agency the policy no longer releases to. */
export const WITHDRAWAL_NOTICE_RULE = 'withdrawal-to-earlier-recipients';

async function alertRows(m: Extract<PartnerMessage, { kind: 'alert' }>): Promise<Queued> {
  const { from, alert } = m;
  const membership = from.membership();
  const policy = from.policy();
  const self = agencyOf(membership, from.agency.id) ?? from.agency;
  const plan = sendPlan(policy, membership, self, alert);
  if (alert.status === 'withdrawn')
    for (const agency of m.earlierRecipients ?? [])
      if (agency !== self.id && !plan.some((p) => p.agency === agency))
        plan.push({ agency, rule: WITHDRAWAL_NOTICE_RULE, redact: REDACTABLE_FIELDS.alert });

  // Each distinct copy is signed once (signing replaces the stored copy's signature): partners
  // verify exactly what they receive.
  const copies = new Map<string, Promise<Alert>>([['', Promise.resolve(alert)]]);
  const copy = (redact: readonly string[]) => {
    const key = [...redact].sort().join();
    let signed = copies.get(key);
    if (!signed) {
      signed = from.signer.sign(redactAlert(alert, redact));
      copies.set(key, signed);
    }
    return signed;
  };
  const item = `${alert.id}@${alert.revision}`;
  const rows = await Promise.all(
    plan.map(
      async (p): Promise<Row> => ({
        kind: 'alert',
        aboutId: alert.id,
        subject: inboxSubject(from.subjectRoot, p.agency, alert),
        msgId: outboxMessageId('alert', item, p.agency),
        payload: JSON.stringify(await copy(p.redact)),
      }),
    ),
  );
  const audit = plan.map(
    (p): AuditRecord => ({
      channel: 'bus',
      agency: p.agency,
      subject: null,
      resource: 'alert',
      // A release under a liaison post names the post, whose legal basis the signed membership holds.
      items: p.liaisonPost ? [item, `liaison-post:${p.liaisonPost}`] : [item],
      rule: p.rule,
      policyVersion: policy.version,
    }),
  );
  return { rows, audit };
}

function consultationRows(m: Extract<PartnerMessage, { kind: 'consultation' }>): Queued {
  const { from, event: e } = m;
  // A partner's event kept here is theirs: this node never passes it on as its own.
  if (e.from !== from.agency.id) throw new ReleaseRefused(`event ${e.id} was written by ${e.from}, not by this agency`);
  const other = agencyOf(from.membership(), e.to);
  if (!other || other.id === from.agency.id) throw new ReleaseRefused(`agency ${e.to} is not another member of the network`);
  const decision = consultationRelease(from, other);
  if ('refused' in decision) throw new ReleaseRefused(decision.refused);
  return {
    rows: [
      {
        kind: 'consultation',
        aboutId: e.consultationId,
        subject: consultationSubject(from.subjectRoot, e.to, from.agency.id),
        msgId: outboxMessageId('consultation', e.id, e.to),
        payload: JSON.stringify(e),
      },
    ],
    audit: [
      {
        channel: 'bus',
        agency: e.to,
        subject: null,
        resource: 'consultation',
        items: [`consultation:${e.consultationId}`, `${e.type}:${e.id}`, ...permissionAuditItems(e)],
        rule: decision.rule,
        policyVersion: from.policy().version,
      },
    ],
  };
}

/** What a permission event is about, for the audit at both sides: the alert, and what for (to whom). */
export function permissionAuditItems(e: ConsultationEvent): string[] {
  if (e.type !== 'permission_asked' && e.type !== 'permission_answered') return [];
  const what = `${e.purpose}${e.passTo ? `>${e.passTo}` : ''}`;
  return [`alert:${e.alertId}`, e.type === 'permission_answered' ? `${what}:${e.granted ? 'granted' : 'refused'}` : what];
}

async function correlationRows(m: Extract<PartnerMessage, { kind: 'correlation' }>): Promise<Queued> {
  const { from, incoming, ours } = m;
  const membership = from.membership();
  const self = agencyOf(membership, from.agency.id) ?? from.agency;
  const partner = agencyOf(membership, incoming.origin.agency);
  if (!partner || partner.id === self.id || ours.origin.agency !== self.id) return { rows: [], audit: [] };
  const policy = from.policy();
  const released = releaseAlert(policy, self, ours, agencyReceiver(partner, membership, self.id));
  if (!released) return { rows: [], audit: [] };
  const notice = await from.signer.sign<CorrelationNotice>({
    alertId: incoming.id,
    matchedAlertId: ours.id,
    agency: self.id,
    kinds: m.kinds,
    at: new Date().toISOString(),
  });
  return {
    rows: [
      {
        kind: 'correlation',
        aboutId: ours.id,
        subject: correlationSubject(from.subjectRoot, partner.id, self.id),
        msgId: outboxMessageId('correlation', `${ours.id}>${incoming.id}`, partner.id),
        payload: JSON.stringify(notice),
      },
    ],
    audit: [
      {
        channel: 'bus',
        agency: partner.id,
        subject: null,
        resource: 'alert',
        items: [`${ours.id}@${ours.revision}`, `correlation:${incoming.id}`],
        rule: released.rule,
        policyVersion: policy.version,
      },
    ],
  };
}

async function auditHeadRows(m: Extract<PartnerMessage, { kind: 'audit_head' }>): Promise<Queued> {
  const { from } = m;
  const partners = from.membership().agencies.filter((a) => a.id !== from.agency);
  if (partners.length === 0) return { rows: [], audit: [] };
  const jws = await from.signer.sign({ agency: from.agency, seq: m.seq.toString(), hash: m.hash, at: m.at });
  return {
    rows: partners.map((p) => ({
      kind: 'audit_head',
      aboutId: null,
      subject: auditHeadSubject(from.subjectRoot, p.id, from.agency),
      msgId: outboxMessageId('audit_head', `${m.seq}#${m.hash}`, p.id),
      payload: jws,
    })),
    audit: [],
  };
}

function rowsOf(m: PartnerMessage): Queued | Promise<Queued> {
  switch (m.kind) {
    case 'alert':
      return alertRows(m);
    case 'consultation':
      return consultationRows(m);
    case 'correlation':
      return correlationRows(m);
    case 'audit_head':
      return auditHeadRows(m);
  }
}

/**
 * Queues `messages` for their recipients in the caller's transaction `tx`, in order: one outbox
 * row per recipient (a row queued before under the same message id is kept once) and the audit
 * of every release. Returns how many rows it wrote. Throws ReleaseRefused, before writing
 * anything, when the policy withholds a consultation event: the caller's transaction then rolls back.
 */
export async function enqueue(tx: Prisma.TransactionClient, messages: PartnerMessage | readonly PartnerMessage[]): Promise<number> {
  // One message after the other, in order: the node's signer (Node's crypto, signature-engine.ts)
  // works on this thread, so nothing would run alongside anyway.
  const all: Queued[] = [];
  for (const m of Array.isArray(messages) ? messages : [messages]) all.push(await rowsOf(m));
  const rows = all.flatMap((q) => q.rows);
  // One statement for a whole group commit, in the order the relay sends them.
  const written = await insertOutboxRows(tx, rows);
  await appendAudit(
    tx,
    all.flatMap((q) => q.audit),
  );
  return written;
}
