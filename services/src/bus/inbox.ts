// The inbox: a durable pull consumer on this agency's own inbox stream (in its own NATS account),
// whose messages are checked and stored. Every message ends once: stored and acknowledged, or kept
// in quarantine (its bytes as they came) and terminated. What the database refuses, or what fails
// while the database answers, is quarantined at once; a message that fails while the database does
// not answer is retried with growing delays and quarantined at its last delivery. No message holds
// back the others of its batch, and none is redelivered for ever.

import {
  type Alert,
  alert as alertSchema,
  fieldErrorsOf,
  inboxFilterFor,
  type Membership,
  parseAlertSubject,
  parseAuditHeadSubject,
  parseConsultationSubject,
  parseCorrelationSubject,
  verifyAlertSignature,
} from '@corridor/proto';
import { AckPolicy, type ConsumerMessages, DeliverPolicy, type JsMsg } from '@nats-io/jetstream';
import { nanos } from '@nats-io/transport-node';
import { storeReceivedAlerts } from '../alerts/alert-store.js';
import type { Correlator } from '../alerts/correlation.js';
import type { Feed } from '../alerts/feed.js';
import type { ProtectionNotifier } from '../consultations/protection.js';
import type { Db } from '../database.js';
import type { Logger } from '../log.js';
import { nodeSignatures } from '../signature-engine.js';
import type { Bus } from './bus.js';
import { insertQuarantined } from './quarantine-store.js';
import { type Receipt, readBody } from './receipt.js';

const BATCH = 500;
/**
 * Deliveries of one message before it is given up (and quarantined at the last). With the retry
 * delays below, a message is retried for about 45 minutes while the database does not answer.
 */
export const MAX_DELIVER = 50;
// Longer than a batch of BATCH takes to store, so a slow batch is not redelivered under our feet.
const ACK_WAIT_MS = 30_000;
/** After the n-th delivery failed: 1 s, 2 s, 4 s, … up to a minute. */
export function retryDelayMs(deliveryCount: number): number {
  return Math.min(1000 * 2 ** Math.max(0, deliveryCount - 1), 60_000);
}
// A signer this node does not know yet (a new member, a rotated key) is usually a membership
// version that has not reached it: such a message is retried for about a minute before it is
// quarantined, so an alert from a member admitted a moment ago is not lost.
const UNKNOWN_SIGNER_RETRIES = 12;
const UNKNOWN_SIGNER_DELAY_MS = 5000;

/** Keeps one kind of partner message that is not an alert (the subject names the kind). */
type Receiver = (subject: string, data: string) => Promise<Receipt>;

export interface InboxOptions {
  /** Finds correlations of what was stored and handles partners' correlation notices (correlation.ts). */
  correlator?: Correlator;
  /** Keeps the other party's consultation events (consultations.ts). */
  consultations?: Receiver;
  /** Keeps partners' signed audit heads (audit/audit-heads.ts). */
  auditHeads?: Receiver;
  /** Raises, in the transaction storing them, protection notices for alerts that flag vulnerable persons (protection.ts). */
  protection?: ProtectionNotifier;
  agency: string;
  /** Whose alert-signing keys to trust: the current membership document. */
  membership: () => Membership;
  stream: string;
  subjectRoot: string;
  /** Deliveries before a message is given up; MAX_DELIVER unless a test wants fewer. */
  maxDeliver?: number;
}

export type Verdict = { ok: true; alert: Alert } | { ok: false; reason: string };

/** Decides whether a bus message is an alert this node may accept. Pure, so tests call it directly. */
export function checkMessage(subject: string, data: string, opts: Pick<InboxOptions, 'agency' | 'subjectRoot'>): Verdict {
  const parsedSubject = parseAlertSubject(opts.subjectRoot, subject);
  if (!parsedSubject) return { ok: false, reason: 'subject is not an alert subject' };
  if (parsedSubject.recipient !== null && parsedSubject.recipient !== opts.agency)
    return { ok: false, reason: 'addressed to another agency' };
  const body = readBody(data, alertSchema, (error) =>
    `not an alert: ${fieldErrorsOf(error)
      .map((e) => `${e.path || '(document)'} ${e.message}`)
      .join('; ')}`.slice(0, 1000),
  );
  if (!body.ok) return body;
  const a = body.value;
  if (a.origin.agency !== parsedSubject.originAgency || a.origin.country !== parsedSubject.originCountry || a.kind !== parsedSubject.kind) {
    return { ok: false, reason: 'subject does not match the alert origin or kind' };
  }
  if (parsedSubject.recipient !== null && (a.tlp === 'AMBER' || a.tlp === 'AMBER+STRICT') && !a.recipients.includes(opts.agency))
    return { ok: false, reason: 'inbox message for an agency the alert does not name' };
  if (a.tlp === 'RED') return { ok: false, reason: 'TLP:RED alert on the bus' };
  return { ok: true, alert: a };
}

/** What the inbox uses of a JetStream message (JsMsg has it all), so a spec can hand it its own. */
export interface InboxMessage {
  readonly subject: string;
  readonly data: Uint8Array;
  /** The stream sequence. */
  readonly seq: number;
  readonly info: { readonly deliveryCount: number };
  ack(): void;
  nak(millis?: number): void;
  term(): void;
}

export interface InboxContext {
  db: Db;
  feed: Feed;
  opts: InboxOptions;
  log: Logger;
}

type Outcome =
  | { kind: 'done' }
  | { kind: 'alert'; alert: Alert }
  | { kind: 'quarantine'; reason: string }
  /** Refused for now, asks to be tried again later (a signer not known here yet). */
  | { kind: 'wait'; reason: string; delayMs: number }
  /** Handling failed while the database did not answer: tried again later. */
  | { kind: 'failed'; reason: string };

// What PostgreSQL refuses in text and jsonb: NUL, and halves of a UTF-16 pair without the other.
const UNSTORABLE = /\0|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSTORABLE_ALL = new RegExp(UNSTORABLE.source, 'g');
const decoder = new TextDecoder();

/**
 * Why a JSON message holds text that PostgreSQL cannot store, or undefined. Decoded bytes hold
 * neither (invalid UTF-8 becomes U+FFFD, and a raw NUL is not JSON): only `\u` escapes can make them.
 */
export function unstorableText(data: string): string | undefined {
  if (!data.includes('\\u')) return undefined;
  let found: string | undefined;
  try {
    JSON.parse(data, (key, value: unknown) => {
      if (found === undefined && (UNSTORABLE.test(key) || (typeof value === 'string' && UNSTORABLE.test(value))))
        found = 'holds a NUL character or an unpaired surrogate, which no text field may carry';
      return value;
    });
  } catch {
    return undefined;
  }
  return found;
}

/** The SQLSTATE of a database error, when the driver names one. */
function sqlState(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const cause = (error as { meta?: { driverAdapterError?: { cause?: { originalCode?: unknown } } } }).meta?.driverAdapterError?.cause;
  return typeof cause?.originalCode === 'string' ? cause.originalCode : undefined;
}

/** An error in a form fit for a log: a code, or the error's last line (a database message can quote the value). */
function describeError(error: unknown): string {
  const state = sqlState(error);
  if (state) return `database error (SQLSTATE ${state})`;
  const lines = String(error instanceof Error ? error.message : error)
    .split('\n')
    .filter((l) => l.trim() !== '');
  return storable(lines.at(-1) ?? 'unknown error', 300);
}

/**
 * Whether the database answers at all: it tells a message it refuses from a database that is down.
 * Asked a few times: the connection the error came on may just have been dropped (PGlite does).
 */
async function databaseAnswers(db: Db): Promise<boolean> {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await db.$queryRaw`SELECT 1`;
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  return false;
}

/** The database named the data as what it refuses (SQLSTATE class 22 data exception, 23 integrity, 54 limit exceeded). */
function refusedData(error: unknown): string | undefined {
  const state = sqlState(error);
  return state && /^(22|23|54)/.test(state) ? state : undefined;
}

/**
 * Runs one message's handling, and judges an error. When the database refuses the data itself
 * (SQLSTATE class 22, 23 or 54: an integer out of range, a year PostgreSQL has not), or the
 * handling fails twice while the database answers otherwise, it would fail again at every
 * delivery: the message is for the quarantine now. Only while the database does not answer is it
 * tried again later. (Twice, because embedded PGlite drops the connection on an error: the next
 * message's first try can fail on the connection the one before it broke.)
 */
async function attempt<T>(work: () => Promise<T>, db: Db): Promise<{ ok: true; value: T } | { ok: false; outcome: Outcome }> {
  let last: unknown;
  for (let tries = 0; tries < 2; tries++) {
    try {
      return { ok: true, value: await work() };
    } catch (error) {
      const state = refusedData(error);
      if (state) return { ok: false, outcome: { kind: 'quarantine', reason: `the database refused it (SQLSTATE ${state})` } };
      if (!(await databaseAnswers(db))) return { ok: false, outcome: { kind: 'failed', reason: describeError(error) } };
      last = error;
    }
  }
  return {
    ok: false,
    outcome: { kind: 'quarantine', reason: `handling it failed twice while the database answered: ${describeError(last)}` },
  };
}

function storable(text: string, max = 1000): string {
  return text.replace(UNSTORABLE_ALL, '\ufffd').slice(0, max);
}

/** Who takes a message that is not an alert, by its subject; `receive` absent: this node was given no one. */
function routeOf(opts: InboxOptions, subject: string): { receive: Receiver | undefined; unhandled: string } | null {
  if (parseConsultationSubject(opts.subjectRoot, subject))
    return { receive: opts.consultations, unhandled: 'consultation events are not handled here' };
  if (parseAuditHeadSubject(opts.subjectRoot, subject)) return { receive: opts.auditHeads, unhandled: 'audit heads are not handled here' };
  const { correlator } = opts;
  if (parseCorrelationSubject(opts.subjectRoot, subject))
    return { receive: correlator && ((s, d) => correlator.receiveNotice(s, d)), unhandled: 'correlation notices are not handled here' };
  return null;
}

async function classify(m: InboxMessage, { opts, log }: InboxContext): Promise<Outcome> {
  const data = decoder.decode(m.data);
  const unstorable = unstorableText(data);
  if (unstorable !== undefined) return { kind: 'quarantine', reason: unstorable };
  const route = routeOf(opts, m.subject);
  if (route) {
    const verdict = route.receive ? await route.receive(m.subject, data) : { ok: false as const, reason: route.unhandled };
    if (verdict.ok) return { kind: 'done' };
    if (verdict.retry && m.info.deliveryCount <= UNKNOWN_SIGNER_RETRIES)
      return { kind: 'wait', reason: verdict.reason, delayMs: UNKNOWN_SIGNER_DELAY_MS };
    return { kind: 'quarantine', reason: verdict.reason };
  }
  const verdict = checkMessage(m.subject, data, opts);
  if (!verdict.ok) return { kind: 'quarantine', reason: verdict.reason };
  // Never shown as genuine unless its origin agency's key signed exactly this alert.
  const signed = await verifyAlertSignature(verdict.alert, opts.membership(), nodeSignatures);
  if (!signed.ok && signed.unknownSigner && m.info.deliveryCount <= UNKNOWN_SIGNER_RETRIES) {
    log.info('alert from a signer not known here yet; will retry', { subject: m.subject, reason: signed.reason, seq: m.seq });
    return { kind: 'wait', reason: `bad signature: ${signed.reason}`, delayMs: UNKNOWN_SIGNER_DELAY_MS };
  }
  if (!signed.ok) return { kind: 'quarantine', reason: `bad signature: ${signed.reason}` };
  return { kind: 'alert', alert: verdict.alert };
}

interface Entry {
  m: InboxMessage;
  outcome: Outcome;
}

/**
 * Stores alerts and, in the same transaction, the protection notices those that became current
 * call for: a notice commits with its alert or not at all.
 */
function keepReceived(alerts: Alert[], { db, opts }: InboxContext): Promise<Alert[]> {
  return db.$transaction(async (tx) => {
    const stored = await storeReceivedAlerts(tx, alerts);
    await opts.protection?.forAlerts(tx, stored);
    return stored;
  });
}

/**
 * Stores the batch's alerts in one statement; when that fails while the database answers, one by
 * one, so that an alert the database refuses holds back no other.
 */
async function storeAlerts(entries: Entry[], ctx: InboxContext): Promise<Alert[]> {
  const { db } = ctx;
  const withAlert = entries.flatMap((e) => (e.outcome.kind === 'alert' ? [{ e, alert: e.outcome.alert }] : []));
  if (withAlert.length === 0) return [];
  try {
    return await keepReceived(
      withAlert.map((w) => w.alert),
      ctx,
    );
  } catch (error) {
    if (!refusedData(error) && !(await databaseAnswers(db))) {
      for (const w of withAlert) w.e.outcome = { kind: 'failed', reason: describeError(error) };
      return [];
    }
  }
  const stored: Alert[] = [];
  for (const w of withAlert) {
    const result = await attempt(() => keepReceived([w.alert], ctx), db);
    if (result.ok) stored.push(...result.value);
    else w.e.outcome = result.outcome;
  }
  return stored;
}

/** Keeps the messages in quarantine, once per stream message; false when the database refused the write. */
async function keepInQuarantine(items: { m: InboxMessage; reason: string }[], { db, opts, log }: InboxContext): Promise<number | false> {
  if (items.length === 0) return 0;
  const data = items.map(({ m, reason }) => ({
    subject: storable(m.subject),
    // A copy with a buffer of its own, as Prisma's Bytes type asks: the client's may be shared.
    payload: m.data.slice(),
    reason: storable(reason),
    stream: opts.stream,
    streamSeq: m.seq,
    deliveries: m.info.deliveryCount,
  }));
  try {
    // Tried again once: the connection may be the one an error of this batch just broke (PGlite).
    const count = await insertQuarantined(db, data).catch(() => insertQuarantined(db, data));
    // The bytes themselves are for the operator's eyes, in the database: the log names them only.
    for (const { m, reason } of items)
      log.warn('message quarantined', {
        subject: storable(m.subject, 300),
        seq: m.seq,
        size: m.data.length,
        reason: storable(reason, 300),
      });
    return count;
  } catch (error) {
    log.error('keeping messages in quarantine failed; they will be tried again', { error: describeError(error), count: items.length });
    return false;
  }
}

// Acknowledging on a connection that just closed throws; the server redelivers then, which is right.
function settle(act: () => void): void {
  try {
    act();
  } catch {
    // nothing to do: the message stays unacknowledged and comes back
  }
}

/**
 * Handles one batch of messages so that each ends once: an acceptable alert stored and acked, a
 * refused message quarantined and terminated, a message that failed naked alone for a later try
 * and quarantined at its last delivery. Returns how many messages were newly quarantined.
 */
export async function handleBatch(batch: readonly InboxMessage[], ctx: InboxContext): Promise<number> {
  const { opts, log, feed } = ctx;
  const maxDeliver = opts.maxDeliver ?? MAX_DELIVER;
  // One message at a time: signatures are checked on this thread (signature-engine.ts), and
  // receivers (consultations, notices) write.
  const entries: Entry[] = [];
  for (const m of batch) {
    const result = await attempt(() => classify(m, ctx), ctx.db);
    entries.push({ m, outcome: result.ok ? result.value : result.outcome });
  }
  const stored = await storeAlerts(entries, ctx);

  const last = (m: InboxMessage) => m.info.deliveryCount >= maxDeliver;
  const toQuarantine: { m: InboxMessage; reason: string }[] = [];
  for (const { m, outcome } of entries) {
    if (outcome.kind === 'quarantine') toQuarantine.push({ m, reason: outcome.reason });
    else if ((outcome.kind === 'failed' || outcome.kind === 'wait') && last(m))
      toQuarantine.push({
        m,
        reason: `still ${outcome.kind === 'failed' ? 'failing' : 'refused'} at delivery ${m.info.deliveryCount} of ${maxDeliver}: ${outcome.reason}`,
      });
  }
  const kept = await keepInQuarantine(toQuarantine, ctx);
  const quarantined = new Set(toQuarantine.map((q) => q.m));

  for (const { m, outcome } of entries) {
    if (quarantined.has(m)) {
      if (kept !== false) settle(() => m.term());
      else if (last(m)) {
        // No delivery is left and the database refused the row: the message stays in the stream,
        // where an operator finds it by its sequence.
        log.error('message given up without a quarantine row', { subject: storable(m.subject, 300), seq: m.seq, size: m.data.length });
        settle(() => m.term());
      } else settle(() => m.nak(retryDelayMs(m.info.deliveryCount)));
    } else if (outcome.kind === 'wait') settle(() => m.nak(outcome.delayMs));
    else if (outcome.kind === 'failed') {
      log.warn('handling a message failed; it will be tried again', {
        subject: storable(m.subject, 300),
        seq: m.seq,
        delivery: m.info.deliveryCount,
        error: storable(outcome.reason, 300),
      });
      settle(() => m.nak(retryDelayMs(m.info.deliveryCount)));
    } else settle(() => m.ack());
  }

  let shown: Alert[] = stored;
  if (opts.correlator && stored.length > 0) {
    try {
      shown = await opts.correlator.afterStored(stored);
    } catch (e) {
      // The alerts are stored and acknowledged; a correlation missed here is logged, not fatal.
      log.error('looking for correlations failed', { error: (e as Error).message, count: stored.length });
    }
  }
  for (const a of shown) {
    log.info('alert received', { alert: a.id, origin: a.origin.agency, kind: a.kind });
    feed.publish('alert', a);
  }
  return kept === false ? 0 : kept;
}

export interface Inbox {
  quarantined(): number;
  stop(): Promise<void>;
}

export function startInbox(db: Db, bus: Bus, feed: Feed, opts: InboxOptions, log: Logger): Inbox {
  let stopped = false;
  let quarantined = 0;
  const iterators: ConsumerMessages[] = [];
  // Broadcast subjects are no longer carried: every partner writes into this agency's inbox.
  const consumers = [{ durable: `node-${opts.agency}-inbox`, filter: inboxFilterFor(opts.subjectRoot, opts.agency) }];
  const ctx: InboxContext = { db, feed, opts, log };

  // Messages are stored in batches: whatever has arrived while the previous batch was being
  // written goes in the next one. One commit per batch instead of per alert, and no waiting when
  // the bus is quiet.
  const buffer: JsMsg[] = [];
  let flushing: Promise<void> | undefined;
  const schedule = () => {
    flushing ??= (async () => {
      while (buffer.length > 0) {
        const batch = buffer.splice(0, BATCH);
        try {
          quarantined += await handleBatch(batch, ctx);
        } catch (e) {
          // handleBatch settles every message itself; this is a defect, and the batch comes back after ack_wait.
          log.error('handling a batch failed', { error: (e as Error).message, count: batch.length });
        }
      }
    })().finally(() => {
      flushing = undefined;
      if (buffer.length > 0) schedule();
    });
  };

  async function run(durable: string, filter: string): Promise<void> {
    while (!stopped) {
      try {
        const { js, jsm } = await bus.ready();
        // A server that restarted without its store has lost the stream; restore it before consuming.
        await bus.ensureStream();
        // A consumer made by an earlier version (max_deliver -1) is updated to these bounds.
        await jsm.consumers.add(opts.stream, {
          durable_name: durable,
          filter_subject: filter,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          max_deliver: opts.maxDeliver ?? MAX_DELIVER,
          ack_wait: nanos(ACK_WAIT_MS),
        });
        const consumer = await js.consumers.get(opts.stream, durable);
        // By default the client waits for a lost stream or consumer to come back, which never
        // happens when the server lost its store; end instead, and recreate both here.
        const messages = await consumer.consume({ max_messages: 1000, abort_on_missing_resource: true });
        iterators.push(messages);
        for await (const m of messages) {
          buffer.push(m);
          schedule();
        }
        if (!stopped) {
          log.warn('inbox consumer ended, restarting', { consumer: durable });
          await new Promise((r) => setTimeout(r, 1000));
        }
      } catch (e) {
        if (!stopped) {
          log.warn('inbox consumer interrupted, restarting', { consumer: durable, error: (e as Error).message });
          await new Promise((r) => setTimeout(r, 1000));
        }
      }
    }
  }

  const loops = consumers.map((c) => run(c.durable, c.filter));

  return {
    quarantined: () => quarantined,
    async stop() {
      stopped = true;
      for (const it of iterators) it.stop();
      await Promise.race([Promise.allSettled([...loops, flushing]), new Promise((r) => setTimeout(r, 2000))]);
    },
  };
}
