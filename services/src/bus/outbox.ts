// The outbox relay: sends committed outbox rows to JetStream in order, marking each sent once the
// server has acknowledged it. Rows wait while NATS is away and go out when it returns; a resend
// after a crash is dropped by JetStream's duplicate window (same message id).

import type { Db } from '../database.js';
import type { Logger } from '../log.js';
import type { Bus } from './bus.js';
import type { WireMessageId } from './message-id.js';

const BATCH = 256;
const SWEEP_MS = 1000;

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
        const rows = await db.outboxMessage.findMany({ where: { sentAt: null }, orderBy: { seq: 'asc' }, take: BATCH });
        // All in flight together: JetStream keeps per-subject order of arrival, and each row has its own ack.
        const acks = await Promise.allSettled(rows.map((r) => js.publish(r.subject, r.payload, { msgID: wireId(r.msgId), timeout: 5000 })));
        const done = rows.filter((_, i) => acks[i]?.status === 'fulfilled').map((r) => r.seq);
        if (done.length > 0) await db.outboxMessage.updateMany({ where: { seq: { in: done } }, data: { sentAt: new Date() } });
        sent = done.length;
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
    pending: () => db.outboxMessage.count({ where: { sentAt: null } }),
    async stop() {
      stopped = true;
      wakeUp?.();
      await Promise.race([loop, new Promise((r) => setTimeout(r, 2000))]);
    },
  };
}
