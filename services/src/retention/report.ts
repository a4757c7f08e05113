// The purge report for the agency's data-protection officer: what the retention document removed
// here in a period, from the tombstones (migration 0603). Ids, times, rules and hashes only.
import type { RetentionDocument } from '@corridor/proto';
import type { PurgeReportView } from '@corridor/proto/graphql';
import type { Db } from '../database.js';

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
