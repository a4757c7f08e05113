// Turning an officer's input into a network alert: validate, pseudonymize every identifier, sign,
// store with one outbox row per partner the release policy allows and the audit of those releases
// in one transaction, announce on the feed. The raw input is dropped
// here: it is never stored, sent or logged.
import {
  type Alert,
  type AlertSigner,
  agencyOf,
  alertInput,
  alert as alertSchema,
  type FieldError,
  fieldErrorsOf,
  freeTextErrors,
  identifierErrors,
  inboxSubject,
  type MemberAgency,
  type Membership,
  type NetworkKeyring,
  newId,
  nulByteErrors,
  pseudonymizeUnderAll,
  REDACTABLE_FIELDS,
  type ReleasePolicy,
  redactAlert,
  timeErrors,
  type ValidAlertInput,
  ValidationError,
} from '@corridor/proto';
import { type OutboxRow, type OwnAlertWrite, storeOwnAlerts } from './alert-store.js';
import { type AuditRecord, appendAudit } from './audit-log.js';
import type { Db } from './database.js';
import type { Feed } from './feed.js';
import { type GroupWriter, groupCommit } from './group-commit.js';
import { sendPlan } from './release.js';

export interface PublishContext {
  db: Db;
  feed: Feed;
  agency: MemberAgency;
  /** The pseudonym keys by epoch; identifiers are pseudonymized under every epoch in use. */
  networkKey: NetworkKeyring;
  subjectRoot: string;
  /** Stores a new own alert with its outbox rows; concurrent publishes share one commit. */
  storeOwn: GroupWriter<OwnAlertWrite>;
  /** Signs with this agency's alert-signing key before anything is stored or sent. */
  signer: AlertSigner;
  /** The current membership document and release policy: both may change while the node runs. */
  membership: () => Membership;
  policy: () => ReleasePolicy;
  /** Called after the alert and its outbox rows are committed. */
  onQueued: () => void;
  now?: () => Date;
}

/** The countries an alert concerns: national phone numbers in its free text are read as theirs. */
function countriesOf(v: ValidAlertInput, agency: MemberAgency): string[] {
  return [
    agency.country,
    ...(v.route?.waypoints.map((w) => w.country) ?? []),
    ...(v.kind === 'document_fraud' ? [v.documentFraud.issuingState] : []),
    ...v.identifiers.flatMap((i) => (i.qualifier && (i.kind === 'phone' || i.kind === 'vehicle_plate') ? [i.qualifier] : [])),
  ];
}

/** An AMBER alert goes to the agencies named, and only a member agency can be one. */
function recipientErrors(v: ValidAlertInput, membership: Membership): FieldError[] {
  return v.recipients.flatMap((r, i) =>
    agencyOf(membership, r)
      ? []
      : [{ path: `recipients.${i}`, rule: 'member', message: 'must be a member agency of the network, by its id' }],
  );
}

/**
 * Builds the wire alert from a valid input. Pure: every test of pseudonymization goes through
 * here. Free text that carries an identifier is refused here, before anything is stored or sent;
 * given the membership in force, so are recipients that are not members.
 */
export function toWireAlert(input: unknown, agency: MemberAgency, networkKey: NetworkKeyring, now: Date, membership?: Membership): Alert {
  const nul = nulByteErrors(input);
  if (nul.length > 0) throw new ValidationError('alert', nul);
  const parsed = alertInput.safeParse(input);
  const errors = parsed.success ? [] : fieldErrorsOf(parsed.error);
  errors.push(...timeErrors((input ?? {}) as { validUntil?: string }, now));
  if (parsed.success) {
    const v = parsed.data;
    errors.push(...identifierErrors(v.identifiers));
    if (membership) errors.push(...recipientErrors(v, membership));
    errors.push(...freeTextErrors(v, { declared: v.identifiers, countries: countriesOf(v, agency) }));
  }
  if (!parsed.success || errors.length > 0) throw new ValidationError('alert', errors);
  const v = parsed.data;
  const { identifiers, ...rest } = v;
  const wire = {
    ...rest,
    id: newId(),
    origin: { agency: agency.id, country: agency.country },
    createdAt: now.toISOString(),
    validUntil: v.validUntil ?? null,
    identifiers: identifiers.flatMap((id) => pseudonymizeUnderAll(id, networkKey, now)),
    revision: 1,
    status: 'active' as const,
    ...(v.kind === 'document_fraud' ? { route: v.route ?? null } : {}),
  };
  return alertSchema.parse(wire);
}

/** Stands in the audit for a withdrawal sent to an agency the policy no longer releases to. */
export const WITHDRAWAL_NOTICE_RULE = 'withdrawal-to-earlier-recipients';

export interface PreparedRelease {
  /** The full alert, signed, as this node stores it. */
  alert: Alert;
  /** One row per partner node the policy releases to, each with the copy it may see, signed. */
  outbox: OutboxRow[];
  audit: AuditRecord[];
}

/**
 * Signs an alert (a new one or a new revision) and prepares what goes to each partner under the
 * current release policy. A withdrawal also goes to every agency that holds an earlier revision,
 * whatever the policy says now, so that nobody goes on acting on an alert that no longer holds;
 * such a notice carries nothing the policy could withhold.
 */
export async function prepareRelease(
  ctx: PublishContext,
  wire: Alert,
  earlierRecipients: readonly string[] = [],
): Promise<PreparedRelease> {
  const membership = ctx.membership();
  const policy = ctx.policy();
  const self = agencyOf(membership, ctx.agency.id) ?? ctx.agency;
  const plan = sendPlan(policy, membership, self, wire);
  if (wire.status === 'withdrawn')
    for (const agency of earlierRecipients)
      if (agency !== self.id && !plan.some((p) => p.agency === agency))
        plan.push({ agency, rule: WITHDRAWAL_NOTICE_RULE, redact: REDACTABLE_FIELDS.alert });

  // Each distinct copy is signed once: partners verify exactly what they receive.
  const copies = new Map<string, Promise<Alert>>();
  const copy = (redact: readonly string[]) => {
    const key = [...redact].sort().join();
    let signed = copies.get(key);
    if (!signed) {
      signed = ctx.signer.sign(redactAlert(wire, redact));
      copies.set(key, signed);
    }
    return signed;
  };
  const alert = await copy([]);
  const outbox = await Promise.all(
    plan.map(async (p) => ({
      subject: inboxSubject(ctx.subjectRoot, p.agency, wire),
      // JetStream drops a second publish with the same id inside its window: retries are harmless.
      msgId: `${wire.id}:${wire.revision}:${p.agency}`,
      payload: JSON.stringify(await copy(p.redact)),
    })),
  );
  const audit = plan.map(
    (p): AuditRecord => ({
      channel: 'bus',
      agency: p.agency,
      subject: null,
      resource: 'alert',
      items: [`${wire.id}@${wire.revision}`],
      rule: p.rule,
      policyVersion: policy.version,
    }),
  );
  return { alert, outbox, audit };
}

/** Stores new own alerts with their outbox rows and audit records: one transaction per group. */
export function ownAlertWriter(db: Db): GroupWriter<OwnAlertWrite> {
  return groupCommit((writes: OwnAlertWrite[]) =>
    db.$transaction(async (tx) => {
      await storeOwnAlerts(tx, writes);
      await appendAudit(
        tx,
        writes.flatMap((w) => w.audit),
      );
    }),
  );
}

export async function publishAlert(ctx: PublishContext, input: unknown): Promise<Alert> {
  const wire = toWireAlert(input, ctx.agency, ctx.networkKey, (ctx.now ?? (() => new Date()))(), ctx.membership());
  const { alert, outbox, audit } = await prepareRelease(ctx, wire);
  await ctx.storeOwn({ alert, outbox, audit });
  ctx.onQueued();
  ctx.feed.publish('alert', alert);
  return alert;
}
