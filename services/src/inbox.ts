// The inbox: a durable pull consumer on this agency's own inbox stream (in its own NATS account),
// whose messages are checked and stored. A message
// that is not an acceptable alert is quarantined and acknowledged, so it can never block the
// stream; a database failure leaves it unacknowledged for redelivery, so nothing is lost.

import {
  type Alert,
  alert as alertSchema,
  fieldErrorsOf,
  inboxFilterFor,
  type Membership,
  parseAlertSubject,
  parseConsultationSubject,
  parseCorrelationSubject,
  verifyAlertSignature,
} from '@corridor/proto';
import { AckPolicy, type ConsumerMessages, DeliverPolicy, type JsMsg } from '@nats-io/jetstream';
import { storeReceivedAlerts } from './alert-store.js';
import type { Bus } from './bus.js';
import type { Correlator } from './correlation.js';
import type { Db } from './database.js';
import type { Feed } from './feed.js';
import type { Logger } from './log.js';
import type { ProtectionNotifier } from './protection.js';

const BATCH = 500;
// A signer this node does not know yet (a new member, a rotated key) is usually a membership
// version that has not reached it: such a message is retried for about a minute before it is
// quarantined, so an alert from a member admitted a moment ago is not lost.
const UNKNOWN_SIGNER_RETRIES = 12;
const UNKNOWN_SIGNER_DELAY_MS = 5000;

export interface InboxOptions {
  /** Finds correlations of what was stored and handles partners' correlation notices (correlation.ts). */
  correlator?: Correlator;
  /** Keeps the other party's consultation events (consultations.ts). */
  consultations?: (subject: string, data: string) => Promise<{ ok: true } | { ok: false; reason: string; retry?: true }>;
  /** Raises protection notices for stored alerts that flag vulnerable persons (protection.ts). */
  protection?: ProtectionNotifier;
  agency: string;
  /** Whose alert-signing keys to trust: the current membership document. */
  membership: () => Membership;
  stream: string;
  subjectRoot: string;
}

export type Verdict = { ok: true; alert: Alert } | { ok: false; reason: string };

/** Decides whether a bus message is an alert this node may accept. Pure, so tests call it directly. */
export function checkMessage(subject: string, data: string, opts: Pick<InboxOptions, 'agency' | 'subjectRoot'>): Verdict {
  const parsedSubject = parseAlertSubject(opts.subjectRoot, subject);
  if (!parsedSubject) return { ok: false, reason: 'subject is not an alert subject' };
  if (parsedSubject.recipient !== null && parsedSubject.recipient !== opts.agency)
    return { ok: false, reason: 'addressed to another agency' };
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return { ok: false, reason: 'not JSON' };
  }
  const result = alertSchema.safeParse(json);
  if (!result.success) {
    return {
      ok: false,
      reason: `not an alert: ${fieldErrorsOf(result.error)
        .map((e) => `${e.path || '(document)'} ${e.message}`)
        .join('; ')}`.slice(0, 1000),
    };
  }
  const a = result.data;
  if (a.origin.agency !== parsedSubject.originAgency || a.origin.country !== parsedSubject.originCountry || a.kind !== parsedSubject.kind) {
    return { ok: false, reason: 'subject does not match the alert origin or kind' };
  }
  if (parsedSubject.recipient !== null && (a.tlp === 'AMBER' || a.tlp === 'AMBER+STRICT') && !a.recipients.includes(opts.agency))
    return { ok: false, reason: 'inbox message for an agency the alert does not name' };
  if (a.tlp === 'RED') return { ok: false, reason: 'TLP:RED alert on the bus' };
  return { ok: true, alert: a };
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

  // Messages are stored in batches: whatever has arrived while the previous batch was being
  // written goes in the next one. One commit per batch instead of per alert, and no waiting when
  // the bus is quiet.
  const buffer: JsMsg[] = [];
  let flushing: Promise<void> | undefined;
  const schedule = () => {
    flushing ??= (async () => {
      while (buffer.length > 0) await processBatch(buffer.splice(0, BATCH));
    })().finally(() => {
      flushing = undefined;
      if (buffer.length > 0) schedule();
    });
  };

  async function processBatch(batch: JsMsg[]): Promise<void> {
    const accepted: Alert[] = [];
    const rejected: { subject: string; payload: string; reason: string }[] = [];
    const retry: JsMsg[] = [];
    for (const m of batch) {
      const data = m.string();
      if (parseConsultationSubject(opts.subjectRoot, m.subject)) {
        const verdict = opts.consultations
          ? await opts.consultations(m.subject, data)
          : { ok: false as const, reason: 'consultation events are not handled here' };
        if (!verdict.ok && verdict.retry && m.info.deliveryCount <= UNKNOWN_SIGNER_RETRIES) {
          retry.push(m);
        } else if (!verdict.ok) {
          rejected.push({ subject: m.subject, payload: data, reason: verdict.reason });
          log.warn('message quarantined', { subject: m.subject, reason: verdict.reason, seq: m.seq });
        }
        continue;
      }
      if (parseCorrelationSubject(opts.subjectRoot, m.subject)) {
        const verdict = opts.correlator
          ? await opts.correlator.receiveNotice(m.subject, data)
          : { ok: false as const, reason: 'correlation notices are not handled here' };
        if (!verdict.ok) {
          rejected.push({ subject: m.subject, payload: data, reason: verdict.reason });
          log.warn('message quarantined', { subject: m.subject, reason: verdict.reason, seq: m.seq });
        }
        continue;
      }
      const verdict = checkMessage(m.subject, data, opts);
      // Never shown as genuine unless its origin agency's key signed exactly this alert.
      const signed = verdict.ok ? await verifyAlertSignature(verdict.alert, opts.membership()) : undefined;
      if (signed && !signed.ok && signed.unknownSigner && m.info.deliveryCount <= UNKNOWN_SIGNER_RETRIES) {
        log.info('alert from a signer not known here yet; will retry', { subject: m.subject, reason: signed.reason, seq: m.seq });
        retry.push(m);
        continue;
      }
      const reason = !verdict.ok ? verdict.reason : signed && !signed.ok ? `bad signature: ${signed.reason}` : undefined;
      if (reason !== undefined) {
        rejected.push({ subject: m.subject, payload: data, reason });
        log.warn('message quarantined', { subject: m.subject, reason, seq: m.seq });
      } else if (verdict.ok) {
        accepted.push(verdict.alert);
      }
    }
    try {
      if (rejected.length > 0) await db.quarantinedMessage.createMany({ data: rejected });
      const stored = await storeReceivedAlerts(db, accepted);
      quarantined += rejected.length;
      for (const m of batch)
        if (retry.includes(m)) m.nak(UNKNOWN_SIGNER_DELAY_MS);
        else m.ack();
      let shown: Alert[] = stored;
      if (opts.correlator && stored.length > 0) {
        try {
          shown = await opts.correlator.afterStored(stored);
        } catch (e) {
          // The alerts are stored and acknowledged; a correlation missed here is logged, not fatal.
          log.error('looking for correlations failed', { error: (e as Error).message, count: stored.length });
        }
      }
      if (opts.protection && stored.length > 0) {
        try {
          await opts.protection.fromAlerts(stored);
        } catch (e) {
          // Stored and acknowledged: the notice is raised at the next start (catchUp) if not now.
          log.error('raising protection notices failed', { error: (e as Error).message, count: stored.length });
        }
      }
      for (const a of shown) {
        log.info('alert received', { alert: a.id, origin: a.origin.agency, kind: a.kind });
        feed.publish('alert', a);
      }
    } catch (e) {
      log.error('storing received alerts failed, they will be redelivered', { error: (e as Error).message, count: batch.length });
      for (const m of batch) m.nak(1000);
    }
  }

  async function run(durable: string, filter: string): Promise<void> {
    while (!stopped) {
      try {
        const { js, jsm } = await bus.ready();
        // A server that restarted without its store has lost the stream; restore it before consuming.
        await bus.ensureStream();
        await jsm.consumers.add(opts.stream, {
          durable_name: durable,
          filter_subject: filter,
          ack_policy: AckPolicy.Explicit,
          deliver_policy: DeliverPolicy.All,
          max_deliver: -1,
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
