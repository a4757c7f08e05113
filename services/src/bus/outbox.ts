// The outbox relay: sends committed outbox rows to JetStream in order, marking each sent once the
// server has acknowledged it. Rows wait while NATS is away and go out when it returns; a resend
// after a crash is dropped by JetStream's duplicate window (same message id). A partner whose inbox
// does not take its messages (its stream gone, its server away) is held back alone, with growing
// pauses: it must not stall, by filling every batch, what goes to the other partners.

import type { Db } from '../database.js';
import type { Logger } from '../log.js';
import type { Bus } from './bus.js';
import type { WireMessageId } from './message-id.js';
import { markSent, unsentCount, unsentRows } from './outbox-store.js';

// A bulk batch of 1,000 alerts to one or two partners goes out in one or two sweeps.
const BATCH = 1024;
const SWEEP_MS = 1000;
const HOLD_MIN_MS = 1000;
const HOLD_MAX_MS = 10_000;

/** `<root>.inbox.<recipient>.`: what every subject to one partner starts with (proto subjects.ts). */
export function recipientPrefix(subject: string): string | undefined {
  const at = subject.indexOf('.inbox.');
  if (at < 0) return undefined;
  const end = subject.indexOf('.', at + '.inbox.'.length);
  return end < 0 ? undefined : subject.slice(0, end + 1);
}

export interface OutboxRelay {
  wake(): void;
  pending(): Promise<number>;
  stop(): Promise<void>;
}

/** `wireId`: the id each row carries on the bus (message-id.ts: unpredictable to other members). */
export function startOutboxRelay(db: Db, bus: Bus, log: Logger, wireId: WireMessageId): OutboxRelay {
  let stopped = false;
  let wakeUp: (() => void) | undefined;
  let woken = false;
  const held = new Map<string, { until: number; pauseMs: number }>();

  const sleep = () =>
    new Promise<void>((resolve) => {
      if (woken) {
        woken = false;
        return resolve();
      }
      const timer = setTimeout(resolve, SWEEP_MS);
      wakeUp = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  const loop = (async () => {
    const { js } = await bus.ready();
    while (!stopped) {
      woken = false;
      let sent = 0;
      try {
        const now = Date.now();
        const holding = [...held].filter(([, h]) => h.until > now).map(([prefix]) => prefix);
        const rows = await unsentRows(db, { holding, limit: BATCH });
        // All in flight together: JetStream keeps per-subject order of arrival, and each row has its own ack.
        const acks = await Promise.allSettled(rows.map((r) => js.publish(r.subject, r.payload, { msgID: wireId(r.msgId), timeout: 5000 })));
        const done = rows.filter((_, i) => acks[i]?.status === 'fulfilled').map((r) => r.seq);
        await markSent(db, done);
        sent = done.length;
        // A partner is held only for what is its own doing: with NATS away every publish fails alike.
        if (bus.connected())
          rows.forEach((r, i) => {
            const prefix = recipientPrefix(r.subject);
            if (!prefix) return;
            if (acks[i]?.status === 'fulfilled') held.delete(prefix);
            else {
              const pauseMs = Math.min((held.get(prefix)?.pauseMs ?? HOLD_MIN_MS / 2) * 2, HOLD_MAX_MS);
              held.set(prefix, { until: Date.now() + pauseMs, pauseMs });
            }
          });
        const failed = acks.find((a) => a.status === 'rejected');
        if (failed) {
          log.warn('outbox publish failed, will retry', {
            error: String((failed as PromiseRejectedResult).reason?.message ?? failed),
            pending: rows.length - done.length,
          });
          // No stream answers when the server lost it (restarted without its store): recreate it.
          if (bus.connected()) await bus.ensureStream();
        }
        if (sent > 0) log.debug('outbox sent', { count: sent });
        if (sent === BATCH) continue;
      } catch (e) {
        if (!stopped) log.warn('outbox sweep failed', { error: (e as Error).message });
      }
      if (!stopped) await sleep();
    }
  })();
  loop.catch(() => undefined);

  return {
    wake() {
      woken = true;
      wakeUp?.();
    },
    pending: () => unsentCount(db),
    async stop() {
      stopped = true;
      wakeUp?.();
      await Promise.race([loop, new Promise((r) => setTimeout(r, 2000))]);
    },
  };
}
