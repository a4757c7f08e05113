// Reporting periods in SQL: the figures of several tables are counted over the same whole months.
import { Prisma } from './generated/prisma/client.js';

/** A condition on a timestamp column: from `start` (included) to `end` (excluded), each open when null. */
export function within(column: Prisma.Sql, start: Date | null, end: Date | null): Prisma.Sql {
  const parts = [Prisma.sql`TRUE`];
  if (start) parts.push(Prisma.sql`${column} >= ${start}`);
  if (end) parts.push(Prisma.sql`${column} < ${end}`);
  return Prisma.join(parts, ' AND ');
}
