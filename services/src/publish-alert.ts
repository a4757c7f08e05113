// Turning an officer's input into a network alert: validate, pseudonymize every identifier,
// store with its outbox rows in one transaction, announce on the feed. The raw input is dropped
// here: it is never stored, sent or logged.
import {
  type Alert,
  type AlertSigner,
  alertInput,
  alert as alertSchema,
  fieldErrorsOf,
  type MemberAgency,
  type NetworkKey,
  newId,
  pseudonymize,
  subjectsForAlert,
  timeErrors,
  ValidationError,
} from '@corridor/proto';
import type { OutboxRow, OwnAlertWrite } from './alert-store.js';
import type { Db } from './database.js';
import type { Feed } from './feed.js';
import type { GroupWriter } from './group-commit.js';

export interface PublishContext {
  db: Db;
  feed: Feed;
  agency: MemberAgency;
  networkKey: NetworkKey;
  subjectRoot: string;
  /** Stores a new own alert with its outbox rows; concurrent publishes share one commit. */
  storeOwn: GroupWriter<OwnAlertWrite>;
  /** Signs with this agency's alert-signing key before anything is stored or sent. */
  signer: AlertSigner;
  /** Called after the alert and its outbox rows are committed. */
  onQueued: () => void;
  now?: () => Date;
}

/** Builds the wire alert from a valid input. Pure: every test of pseudonymization goes through here. */
export function toWireAlert(input: unknown, agency: MemberAgency, networkKey: NetworkKey, now: Date): Alert {
  const parsed = alertInput.safeParse(input);
  const errors = parsed.success ? [] : fieldErrorsOf(parsed.error);
  errors.push(...timeErrors((input ?? {}) as { validUntil?: string }, now));
  if (!parsed.success || errors.length > 0) throw new ValidationError('alert', errors);
  const v = parsed.data;
  const { identifiers, ...rest } = v;
  const wire = {
    ...rest,
    id: newId(),
    origin: { agency: agency.id, country: agency.country },
    createdAt: now.toISOString(),
    validUntil: v.validUntil ?? null,
    identifiers: identifiers.map((id) => pseudonymize(id, networkKey)),
    revision: 1,
    status: 'active' as const,
    ...(v.kind === 'document_fraud' ? { route: v.route ?? null } : {}),
  };
  return alertSchema.parse(wire);
}

/** One outbox row per subject the release rule allows for this revision (none for TLP:RED). */
export function outboxRowsFor(alert: Alert, subjectRoot: string): OutboxRow[] {
  const payload = JSON.stringify(alert);
  return subjectsForAlert(subjectRoot, alert).map((subject) => ({
    subject,
    // JetStream drops a second publish with the same id inside its window: retries are harmless.
    msgId: `${alert.id}:${alert.revision}:${subject}`,
    payload,
  }));
}

export async function publishAlert(ctx: PublishContext, input: unknown): Promise<Alert> {
  const alert = await ctx.signer.sign(toWireAlert(input, ctx.agency, ctx.networkKey, (ctx.now ?? (() => new Date()))()));
  await ctx.storeOwn({ alert, outbox: outboxRowsFor(alert, ctx.subjectRoot) });
  ctx.onQueued();
  ctx.feed.publish('alert', alert);
  return alert;
}
