// Publications held at home while the pseudonym service cannot answer. An agency cut off from the
// other key holders (a partition, a night without the link at a border post) still publishes: the
// checked call, raw identifiers included, is committed here before the officer is answered, and
// sent as soon as enough holders answer again, with the ids and time it was given. The raw input
// never leaves this database and is deleted in the transaction that stores the alerts and queues
// their partners' copies, so neither a crash nor a retry sends an alert twice or loses one. A call
// held longer than the retention document's `held_publication` is dropped unsent
// (retention/purge-consultations.ts): raw identifiers must not wait at rest for ever.
import { type Alert, accessClaims, alertInput, PseudonymServiceUnavailable } from '@corridor/proto';
import { z } from 'zod';
import type { Db } from '../database.js';
import type { Logger } from '../log.js';
import { type RepeatingPass, startRepeatingPass } from '../repeating-pass.js';
import { parseStored } from '../stored-json.js';
import { type HeldCall, type PublishContext, wireAlerts, writeOwnAlerts } from './publish-alert.js';

const heldCall = z.object({
  ids: z.array(z.uuid()).min(1),
  createdAt: z.iso.datetime({ offset: true }),
  inputs: z.array(alertInput).min(1),
  asker: accessClaims,
});

/** Keeps a call to send later: committed before the caller is answered. */
export async function holdPublication(db: Db, call: HeldCall, reason: string): Promise<void> {
  await db.heldPublication.create({
    data: { id: call.ids[0] as string, document: call as unknown as object, lastError: reason },
  });
}

/** How many calls are held: the node's status says so. */
export function heldPublicationCount(db: Db): Promise<number> {
  return db.heldPublication.count();
}

/**
 * Tries every held call, oldest first, until the pseudonym service fails again. Returns how many
 * were sent. A call still unanswered stays held with the reason; any other failure is logged and
 * the call stays held too, until the retention bound drops it.
 */
export async function sendHeldPublications(ctx: PublishContext, log: Logger): Promise<number> {
  let sent = 0;
  for (const row of await ctx.db.heldPublication.findMany({ orderBy: { heldAt: 'asc' }, take: 100 })) {
    const call = parseStored(heldCall, row.document, { table: 'held_publications', row: row.id });
    const createdAt = new Date(call.createdAt);
    let alerts: Alert[];
    try {
      const wires = await wireAlerts(ctx, call.inputs, createdAt, call.asker, call.ids);
      alerts = [];
      for (const w of wires) alerts.push(await ctx.signer.sign(w));
    } catch (e) {
      await ctx.db.heldPublication.update({
        where: { id: row.id },
        data: { attempts: { increment: 1 }, lastError: (e as Error).message },
      });
      if (e instanceof PseudonymServiceUnavailable) return sent;
      log.warn('held publication not sent', { held: row.id, error: (e as Error).message });
      continue;
    }
    const released = await ctx.db.$transaction(async (tx) => {
      // Another pass (a second node process on the same database) sent it meanwhile.
      const gone = await tx.heldPublication.deleteMany({ where: { id: row.id } });
      if (gone.count === 0) return false;
      await writeOwnAlerts(
        tx,
        ctx.protection,
        alerts.map((alert) => ({ kind: 'alert' as const, from: ctx, alert })),
      );
      return true;
    });
    if (!released) continue;
    ctx.onQueued();
    for (const a of alerts) ctx.feed.publish('alert', a);
    sent += alerts.length;
    log.info('held alerts sent', { held: row.id, alerts: alerts.length, heldForMs: Date.now() - row.heldAt.getTime() });
  }
  return sent;
}

/** Retries held calls at start and every `retryMs`, one pass at a time. */
export function startHeldPublications(ctx: PublishContext, log: Logger, retryMs: number): RepeatingPass {
  return startRepeatingPass(
    () => sendHeldPublications(ctx, log),
    retryMs,
    (e) => log.warn('held publications pass failed', { error: e.message }),
  );
}
