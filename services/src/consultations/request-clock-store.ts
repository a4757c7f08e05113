// The request_clocks table (migration 0049): each sent request's clock, derived from its signed
// events. Every statement on it is here.
import { type ConsultationState, clockRuns } from '@corridor/proto';
import type { Db } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';

type Tx = Prisma.TransactionClient;

/**
 * Writes the clocks of a consultation's requests as its events now fold; a request not sent has
 * none. An escalation, once recorded, stays recorded.
 */
export async function syncClocks(db: Tx | Db, c: ConsultationState): Promise<void> {
  for (const r of c.requests) {
    if (!r.deadline || r.status === 'drafted') {
      await db.$executeRaw`DELETE FROM request_clocks WHERE request_id = ${r.id}::uuid`;
      continue;
    }
    await db.$executeRaw`
      INSERT INTO request_clocks (request_id, consultation_id, receiving_agency, due_at, running, escalated_at)
      VALUES (${r.id}::uuid, ${c.id}::uuid, ${r.receivingAuthority.agency}, ${new Date(r.deadline)}, ${clockRuns(r)},
        ${r.escalatedAt ? new Date(r.escalatedAt) : null})
      ON CONFLICT (request_id) DO UPDATE SET due_at = EXCLUDED.due_at, running = EXCLUDED.running,
        escalated_at = COALESCE(request_clocks.escalated_at, EXCLUDED.escalated_at)`;
  }
}

/** This agency's received requests whose clock runs and fell due by `now`, not escalated yet; the most overdue first. */
export function dueClocks(db: Db, receivingAgency: string, now: Date, limit = 100) {
  return db.requestClock.findMany({
    where: { receivingAgency, running: true, escalatedAt: null, dueAt: { lte: now } },
    orderBy: { dueAt: 'asc' },
    take: limit,
    select: { requestId: true, consultationId: true },
  });
}

/** Marks a clock escalated at `at`; false when it already was (another scan, or an escalation that came in). */
export async function claimEscalation(tx: Tx, requestId: string, at: Date): Promise<boolean> {
  const n =
    await tx.$executeRaw`UPDATE request_clocks SET escalated_at = ${at} WHERE request_id = ${requestId}::uuid AND escalated_at IS NULL`;
  return n > 0;
}
