// The activity_seen table: when each officer last opened the page showing each kind of activity.
// Every statement on it is here. The marks use the database's clock, as the rows they are
// compared with (received_at, recorded_at, at) do.
import { ACTIVITY_KINDS, type ActivityKind } from '@corridor/proto';
import type { Db } from '../database.js';

/**
 * The officer's marks, one per kind. An officer's marks start when they first ask: what arrived
 * before they ever looked is not "new" to them, or a first sign-in would count the whole history.
 */
export async function seenMarks(db: Db, subject: string): Promise<Record<ActivityKind, Date>> {
  await db.activitySeen.createMany({ data: ACTIVITY_KINDS.map((kind) => ({ subject, kind })), skipDuplicates: true });
  const rows = await db.activitySeen.findMany({ where: { subject }, select: { kind: true, seenAt: true } });
  const at = new Map(rows.map((r) => [r.kind, r.seenAt]));
  const mark = (k: ActivityKind) => at.get(k) ?? new Date(0);
  return { alert: mark('alert'), consultation: mark('consultation'), request: mark('request'), protection: mark('protection') };
}

/** The officer opened the page showing `kind` now. */
export async function markSeen(db: Db, subject: string, kind: ActivityKind): Promise<void> {
  await db.$executeRaw`
    INSERT INTO activity_seen (subject, kind, seen_at) VALUES (${subject}, ${kind}, now())
    ON CONFLICT (subject, kind) DO UPDATE SET seen_at = now()`;
}
