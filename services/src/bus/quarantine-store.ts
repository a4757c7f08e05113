// The quarantine table (migration 0010): messages the inbox refused, kept as the bytes that arrived.
// Written by the inbox only, read by whoever reads the node's database; every statement on it is here.
import type { Db } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';

/** Keeps rows once per stream message; returns how many were new. */
export async function insertQuarantined(db: Db, rows: readonly Prisma.QuarantinedMessageCreateManyInput[]): Promise<number> {
  const { count } = await db.quarantinedMessage.createMany({ data: [...rows], skipDuplicates: true });
  return count;
}

/** How many messages are held in quarantine: an operator watches this grow. */
export function quarantinedCount(db: Db): Promise<number> {
  return db.quarantinedMessage.count();
}
