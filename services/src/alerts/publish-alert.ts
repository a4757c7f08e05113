// Turning an officer's input into a network alert: validate, pseudonymize every identifier, sign,
// store and queue for the partners the release policy allows (bus/enqueue.ts) in one transaction,
// announce on the feed. The raw input is dropped here: it is never stored, sent or logged.
import {
  type AccessClaims,
  type Alert,
  type AlertSigner,
  agencyOf,
  alertInput,
  alert as alertSchema,
  batchItemPath,
  batchSizeErrors,
  type FieldError,
  fieldErrorsOf,
  freeTextErrors,
  identifierErrors,
  type MemberAgency,
  type Membership,
  type NetworkKeyring,
  newId,
  nulByteErrors,
  type PseudonymizedIdentifier,
  PseudonymServiceUnavailable,
  pseudonymizeUnderAll,
  type ReleasePolicy,
  timeErrors,
  type ValidAlertInput,
  ValidationError,
} from '@corridor/proto';
import { enqueue, type PartnerMessage } from '../bus/enqueue.js';
import type { ProtectionNotifier } from '../consultations/protection.js';
import type { Db } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { type GroupWriter, groupCommit } from '../group-commit.js';
import type { Pseudonymizer } from '../pseudonyms/pseudonymizer.js';
import { storeOwnAlerts } from './alert-store.js';
import type { Feed } from './feed.js';

/** A publish call kept at this node until the pseudonym service answers: raw identifiers included, never sent as they are. */
export interface HeldCall {
  ids: string[];
  createdAt: string;
  inputs: ValidAlertInput[];
  asker: AccessClaims;
}

/** A published alert, or one held at this node (`heldBecause` says why; it has no pseudonyms yet). */
export type PublishedAlert = Alert & { heldBecause?: string };

export interface PublishContext {
  db: Db;
  feed: Feed;
  agency: MemberAgency;
  /** Identifiers are pseudonymized under every epoch in use: HMAC epochs here, the oblivious one at the key holders. */
  pseudonymizer: Pseudonymizer;
  subjectRoot: string;
  /**
   * Stores one call's new own alerts (one, or a batch) and queues them for partners: all of a call
   * or none of it; concurrent calls share one commit.
   */
  storeOwn: GroupWriter<readonly OwnAlertWrite[]>;
  /** Raises, in the transaction storing an alert, the protection notice it calls for. */
  protection: ProtectionNotifier;
  /** Signs with this agency's alert-signing key before anything is stored or sent. */
  signer: AlertSigner;
  /** The current membership document and release policy: both may change while the node runs. */
  membership: () => Membership;
  policy: () => ReleasePolicy;
  /** Called after the alert and its outbox rows are committed (wakes the outbox relay). */
  onQueued: () => void;
  /**
   * Keeps a call at this node, committed before the officer is answered, when the pseudonym service
   * cannot answer (held-publications.ts); without it such a call is refused.
   */
  hold?: (call: HeldCall, reason: string) => Promise<void>;
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
 * Checks an officer's input: schema, times, identifiers read as their kinds, recipients (given the
 * membership in force) and free text that carries an identifier, all refused here before anything
 * is pseudonymized, stored or sent.
 */
export function checkedAlertInput(input: unknown, agency: MemberAgency, now: Date, membership?: Membership): ValidAlertInput {
  const nul = nulByteErrors(input);
  if (nul.length > 0) throw new ValidationError('alert', nul);
  const parsed = alertInput.safeParse(input);
  const errors = parsed.success ? [] : fieldErrorsOf(parsed.error);
  errors.push(...timeErrors((input ?? {}) as { kind?: unknown; validUntil?: string }, now));
  if (parsed.success) {
    const v = parsed.data;
    errors.push(...identifierErrors(v.identifiers));
    if (membership) errors.push(...recipientErrors(v, membership));
    errors.push(...freeTextErrors(v, { declared: v.identifiers, countries: countriesOf(v, agency) }));
  }
  if (!parsed.success || errors.length > 0) throw new ValidationError('alert', errors);
  return parsed.data;
}

/** The wire alert of a checked input, given each identifier's pseudonyms (in input order). Pure. */
export function wireAlertOf(
  v: ValidAlertInput,
  agency: MemberAgency,
  now: Date,
  pseudonyms: PseudonymizedIdentifier[][],
  id: string = newId(),
): Alert {
  const { identifiers: _, ...rest } = v;
  const wire = {
    ...rest,
    id,
    origin: { agency: agency.id, country: agency.country },
    createdAt: now.toISOString(),
    validUntil: v.validUntil ?? null,
    identifiers: pseudonyms.flat(),
    // Who decided on evidence use is signed with it: the officer's name (withDecider) or, failing that, the agency.
    ...(v.evidence ? { evidence: { ...v.evidence, decidedBy: v.evidence.decidedBy ?? agency.name } } : {}),
    revision: 1,
    status: 'active' as const,
    ...(v.kind === 'document_fraud' ? { route: v.route ?? null } : {}),
  };
  return alertSchema.parse(wire);
}

/**
 * Builds the wire alert from an input under HMAC keys alone, synchronously: what specs use to
 * make alerts. Nodes go through `wireAlerts`, which also asks the oblivious epoch's key holders.
 */
export function toWireAlert(input: unknown, agency: MemberAgency, networkKey: NetworkKeyring, now: Date, membership?: Membership): Alert {
  const v = checkedAlertInput(input, agency, now, membership);
  return wireAlertOf(
    v,
    agency,
    now,
    v.identifiers.map((id) => pseudonymizeUnderAll(id, networkKey, now)),
  );
}

/** Checked inputs made wire alerts, every identifier of the call pseudonymized in one batch (one request per key holder). */
export async function wireAlerts(
  ctx: Pick<PublishContext, 'pseudonymizer' | 'agency'>,
  checked: readonly ValidAlertInput[],
  now: Date,
  asker?: AccessClaims,
  ids?: readonly string[],
): Promise<Alert[]> {
  const all = await ctx.pseudonymizer.pseudonymize(
    checked.flatMap((v) => v.identifiers),
    now,
    asker,
  );
  let at = 0;
  return checked.map((v, i) => {
    const mine = all.slice(at, at + v.identifiers.length);
    at += v.identifiers.length;
    return wireAlertOf(v, ctx.agency, now, mine, ids?.[i]);
  });
}

/**
 * The input with the officer named as who decided on evidence use, where it states a use but not
 * who decided: the name is the token's (their agency vouches for it), never the console's word.
 */
export function withDecider(input: unknown, name: string): unknown {
  if (typeof input !== 'object' || input === null || !('evidence' in input)) return input;
  const evidence = (input as { evidence?: unknown }).evidence;
  if (typeof evidence !== 'object' || evidence === null || (evidence as { decidedBy?: unknown }).decidedBy != null) return input;
  return { ...input, evidence: { ...evidence, decidedBy: name } };
}

const TRANSACTION_TIMEOUT_MS = 60_000;

/** An own alert to store, and queue for the partners its sender's policy releases it to. */
export type OwnAlertWrite = Extract<PartnerMessage, { kind: 'alert' }>;

/**
 * Stores new own alerts, raises the protection notices they call for and queues them for partners
 * with the audit of those releases: one transaction per group of calls. A call is one item of the
 * group (a single publish, or a whole batch), so a failing group is retried call by call and a
 * batch is never split.
 */
/** In the caller's transaction: the alerts stored, their protection notices raised, their partners' copies queued and audited. */
export async function writeOwnAlerts(
  tx: Prisma.TransactionClient,
  protection: ProtectionNotifier,
  writes: readonly OwnAlertWrite[],
): Promise<void> {
  const alerts = writes.map((w) => w.alert);
  await storeOwnAlerts(tx, alerts);
  await protection.forAlerts(tx, alerts);
  await enqueue(tx, writes);
}

export function ownAlertWriter(db: Db, protection: ProtectionNotifier): GroupWriter<readonly OwnAlertWrite[]> {
  return groupCommit((calls: (readonly OwnAlertWrite[])[]) =>
    db.$transaction(
      async (tx) => {
        await writeOwnAlerts(tx, protection, calls.flat());
      },
      // Prisma's 5 s would cut off a group of bulk batches on a busy machine: enqueue signs each
      // partner's copy of every alert inside the transaction.
      { timeout: TRANSACTION_TIMEOUT_MS, maxWait: TRANSACTION_TIMEOUT_MS },
    ),
  );
}

export async function publishAlert(ctx: PublishContext, input: unknown, asker?: AccessClaims): Promise<PublishedAlert> {
  const now = (ctx.now ?? (() => new Date()))();
  const [published] = await publishChecked(ctx, [checkedAlertInput(input, ctx.agency, now, ctx.membership())], now, asker);
  return published as PublishedAlert;
}

/**
 * Pseudonymizes, signs, stores and queues checked inputs as one call. When too few key holders of
 * the pseudonym service answer (an agency cut off, holders down), the call is held at this node
 * (held-publications.ts) and sent once they answer: the answer is then the alerts as they will go
 * out, without pseudonyms yet, each saying why it is held.
 */
async function publishChecked(
  ctx: PublishContext,
  checked: readonly ValidAlertInput[],
  now: Date,
  asker?: AccessClaims,
): Promise<PublishedAlert[]> {
  const ids = checked.map(() => newId());
  let wires: Alert[];
  try {
    wires = await wireAlerts(ctx, checked, now, asker, ids);
  } catch (e) {
    if (!(e instanceof PseudonymServiceUnavailable) || !ctx.hold || !asker) throw e;
    await ctx.hold({ ids, createdAt: now.toISOString(), inputs: [...checked], asker }, e.message);
    const heldBecause = `held at your node until the pseudonym service answers (${e.message}); it is sent then`;
    return checked.map((v, i) => ({ ...wireAlertOf(v, ctx.agency, now, [], ids[i]), heldBecause }));
  }
  // In turn: the node's signer works on this thread (signature-engine.ts), nothing waits on a pool.
  const alerts: Alert[] = [];
  for (const w of wires) alerts.push(await ctx.signer.sign(w));
  await ctx.storeOwn(alerts.map((alert) => ({ kind: 'alert', from: ctx, alert })));
  ctx.onQueued();
  for (const a of alerts) ctx.feed.publish('alert', a);
  return alerts;
}

/**
 * Publishes a batch (an agency's case system, an NDJSON upload): every item is checked as
 * `publishAlert` checks one, and one refused item refuses the batch, each refused field named
 * under its item (`inputs[17].route.waypoints[0].country`). Otherwise every alert is pseudonymized
 * and signed, the batch stored and queued in one transaction, and the outbox sends it in one burst.
 * Answers the stored alerts in input order.
 */
export async function publishAlerts(ctx: PublishContext, inputs: readonly unknown[], asker?: AccessClaims): Promise<PublishedAlert[]> {
  const sizeErrors = batchSizeErrors(inputs.length);
  if (sizeErrors.length > 0) throw new ValidationError('alerts', sizeErrors);
  const now = (ctx.now ?? (() => new Date()))();
  const membership = ctx.membership();
  const errors: FieldError[] = [];
  const checked: ValidAlertInput[] = [];
  inputs.forEach((input, i) => {
    try {
      checked.push(checkedAlertInput(input, ctx.agency, now, membership));
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      errors.push(...e.fieldErrors.map((f) => ({ ...f, path: batchItemPath(i, f.path) })));
    }
  });
  if (errors.length > 0) throw new ValidationError('alerts', errors);
  return publishChecked(ctx, checked, now, asker);
}
