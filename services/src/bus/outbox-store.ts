// The outbox table: rows queued for partners (written only through enqueue.ts, in the caller's
// transaction), read and marked sent by the relay (outbox.ts). Every statement on it is here.
import type { Db } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';

/** What a row carries (migration 0012): its kind, what it is about, where and under which id it goes. */
export interface OutboxRow {
  kind: string;
  aboutId: string | null;
  subject: string;
  msgId: string;
  payload: string;
}

/** Writes rows in one statement, in their order (the relay's); a row queued before under the same id is kept once. */
export async function insertOutboxRows(tx: Prisma.TransactionClient, rows: readonly OutboxRow[]): Promise<number> {
  if (rows.length === 0) return 0;
  return tx.$executeRaw`
    INSERT INTO outbox (kind, about_id, subject, msg_id, payload)
    SELECT o->>'kind', (o->>'aboutId')::uuid, o->>'subject', o->>'msgId', o->>'payload'
    FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS x(o, n)
    ORDER BY n
    ON CONFLICT (msg_id) DO NOTHING`;
}

/** Rows not sent yet, oldest first, leaving out subjects that start with any of `holding`. */
export function unsentRows(db: Db, opts: { holding: readonly string[]; limit: number }) {
  const held = opts.holding.map((prefix) => ({ subject: { startsWith: prefix } }));
  return db.outboxMessage.findMany({
    where: { sentAt: null, ...(held.length > 0 ? { NOT: held } : {}) },
    orderBy: { seq: 'asc' },
    take: opts.limit,
  });
}

export async function markSent(db: Db, seqs: readonly bigint[]): Promise<void> {
  if (seqs.length > 0) await db.outboxMessage.updateMany({ where: { seq: { in: [...seqs] } }, data: { sentAt: new Date() } });
}

export function unsentCount(db: Db): Promise<number> {
  return db.outboxMessage.count({ where: { sentAt: null } });
}

/** The subjects rows of this kind about this item were queued on, each once. */
export async function subjectsQueuedAbout(db: Db, kind: string, aboutId: string): Promise<string[]> {
  const rows = await db.outboxMessage.findMany({ where: { kind, aboutId }, select: { subject: true }, distinct: ['subject'] });
  return rows.map((r) => r.subject);
}
