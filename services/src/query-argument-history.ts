// Prisma's driver adapter hands every query, with its arguments, to @prisma/debug, which keeps the
// last 100 calls in memory whether or not DEBUG is set (for its bug reports). One query with a
// large argument, such as the directory seed written as one statement, is held there until a
// hundred more queries push it out: at rest after seeding 100,000 entries, hundreds of MB.
import { clearLogs } from '@prisma/debug';

/** Drops the arguments of the queries run so far from Prisma's debug history. */
export function forgetQueryArguments(): void {
  clearLogs();
}
