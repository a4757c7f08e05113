// The purge report for the agency's data-protection officer: what the retention document removed
// here in a period, from the tombstones (migration 0603). Ids, times, rules and hashes only.
import type { RawStatistics, RetentionDocument } from '@corridor/proto';
import type { PurgeReportView } from '@corridor/proto/graphql';
import type { Db } from '../database.js';
import { Prisma } from '../generated/prisma/client.js';
import { within } from '../period-sql.js';
import type { PurgedFigures } from './purge-consultations.js';

const MAX_ITEMS = 1000;

export async function purgeReport(db: Db, doc: RetentionDocument, from: Date, to: Date): Promise<PurgeReportView> {
  const where = { purgedAt: { gte: from, lt: to } };
  const [grouped, rows] = await Promise.all([
    db.purgeTombstone.groupBy({ by: ['kind'], where, _count: { _all: true }, orderBy: { kind: 'asc' } }),
    db.purgeTombstone.findMany({ where, orderBy: { seq: 'asc' }, take: MAX_ITEMS + 1 }),
  ]);
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    retentionVersion: doc.version,
    periods: Object.entries(doc.periods).map(([kind, period]) => ({ kind, period })),
    counts: grouped.map((g) => ({ kind: g.kind, count: g._count._all })),
    items: rows.slice(0, MAX_ITEMS).map((r) => ({
      kind: r.kind,
      itemId: r.itemId,
      originAgency: r.originAgency,
      own: r.own,
      revisions: r.revisions,
      lapsedAt: r.lapsedAt?.toISOString() ?? null,
      purgedAt: r.purgedAt.toISOString(),
      rule: r.rule,
      retentionVersion: r.retentionVersion,
      hash: r.hash,
    })),
    truncated: rows.length > MAX_ITEMS,
  };
}

/**
 * Purged alerts counted as alertFigures counts those held (direction, kind, region, month of first
 * publication): the statistics of a month already reported do not change when its alerts are purged.
 */
export function purgedAlertFigures(db: Db, start: Date | null, end: Date | null): Promise<RawStatistics['alerts']> {
  return db.$queryRaw<RawStatistics['alerts']>`
    SELECT CASE WHEN own THEN 'published' ELSE 'received' END AS direction,
      CASE kind WHEN 'route_alert' THEN 'route' ELSE 'document_fraud' END AS kind,
      COALESCE(region, 'none') AS region,
      to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::int AS count
    FROM purge_tombstones
    WHERE kind IN ('route_alert', 'document_fraud_alert') AND published_at IS NOT NULL
      AND ${within(Prisma.sql`published_at`, start, end)}
    GROUP BY 1, 2, 3, 4`;
}

/** What purged consultations and alerts counted (their tombstones' requests and notices), for the statistics. */
export async function purgedFigures(db: Db): Promise<PurgedFigures[]> {
  const rows = await db.$queryRaw<{ figures: PurgedFigures }[]>`
    SELECT figures FROM purge_tombstones WHERE figures IS NOT NULL`;
  return rows.map((r) => r.figures);
}
