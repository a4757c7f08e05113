// Turning an officer's input into a network alert: validate, pseudonymize every identifier, sign,
// store and queue for the partners the release policy allows (bus/enqueue.ts) in one transaction,
// announce on the feed. The raw input is dropped here: it is never stored, sent or logged.
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
  type MemberAgency,
  type Membership,
  type NetworkKeyring,
  newId,
  nulByteErrors,
  pseudonymizeUnderAll,
  type ReleasePolicy,
  timeErrors,
  type ValidAlertInput,
  ValidationError,
} from '@corridor/proto';
import { enqueue, type PartnerMessage } from '../bus/enqueue.js';
import type { ProtectionNotifier } from '../consultations/protection.js';
import type { Db } from '../database.js';
import { type GroupWriter, groupCommit } from '../group-commit.js';
import { storeOwnAlerts } from './alert-store.js';
import type { Feed } from './feed.js';

export interface PublishContext {
  db: Db;
  feed: Feed;
  agency: MemberAgency;
  /** The pseudonym keys by epoch; identifiers are pseudonymized under every epoch in use. */
  networkKey: NetworkKeyring;
  subjectRoot: string;
  /** Stores a new own alert and queues it for partners; concurrent publishes share one commit. */
  storeOwn: GroupWriter<OwnAlertWrite>;
  /** Raises, in the transaction storing an alert, the protection notice it calls for. */
  protection: ProtectionNotifier;
  /** Signs with this agency's alert-signing key before anything is stored or sent. */
  signer: AlertSigner;
  /** The current membership document and release policy: both may change while the node runs. */
  membership: () => Membership;
  policy: () => ReleasePolicy;
  /** Called after the alert and its outbox rows are committed (wakes the outbox relay). */
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

/** An own alert to store, and queue for the partners its sender's policy releases it to. */
export type OwnAlertWrite = Extract<PartnerMessage, { kind: 'alert' }>;

/**
 * Stores new own alerts, raises the protection notices they call for and queues them for partners
 * with the audit of those releases: one transaction per group.
 */
export function ownAlertWriter(db: Db, protection: ProtectionNotifier): GroupWriter<OwnAlertWrite> {
  return groupCommit((writes: OwnAlertWrite[]) =>
    db.$transaction(async (tx) => {
      const alerts = writes.map((w) => w.alert);
      await storeOwnAlerts(tx, alerts);
      await protection.forAlerts(tx, alerts);
      await enqueue(tx, writes);
    }),
  );
}

export async function publishAlert(ctx: PublishContext, input: unknown): Promise<Alert> {
  const wire = toWireAlert(input, ctx.agency, ctx.networkKey, (ctx.now ?? (() => new Date()))(), ctx.membership());
  const alert = await ctx.signer.sign(wire);
  await ctx.storeOwn({ kind: 'alert', from: ctx, alert });
  ctx.onQueued();
  ctx.feed.publish('alert', alert);
  return alert;
}
