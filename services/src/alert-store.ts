// The node's alerts in its database: its own (with their outbox rows, in one transaction) and
// those received from partners (upserted by id, keeping the highest revision).
import { type Alert, alert as alertSchema, mayRelease } from '@corridor/proto';
import type { Db } from './database.js';

export interface OutboxRow {
  subject: string;
  msgId: string;
  payload: string;
}

export type AlertScope = 'OWN' | 'RECEIVED' | 'ALL';

/** The alert and its outbox rows in one statement: atomic, and a single round trip and commit. */
export async function storeOwnAlert(db: Db, a: Alert, outbox: OutboxRow[]): Promise<void> {
  await db.$executeRaw`
    WITH stored AS (
      INSERT INTO alerts (id, origin_agency, kind, tlp, revision, created_at, document, own)
      VALUES (${a.id}::uuid, ${a.origin.agency}, ${a.kind}, ${a.tlp}, ${a.revision}, ${a.createdAt}::timestamptz, ${JSON.stringify(a)}::jsonb, true)
      RETURNING id)
    INSERT INTO outbox (alert_id, subject, msg_id, payload)
    SELECT stored.id, o->>'subject', o->>'msgId', o->>'payload' FROM stored, jsonb_array_elements(${JSON.stringify(outbox)}::jsonb) AS o`;
}

/**
 * Stores partners' alerts in one statement (one commit for a whole batch from the bus). An alert
 * already held at the same or a later revision is left alone; returns the alerts actually stored.
 */
export async function storeReceivedAlerts(db: Db, alerts: Alert[]): Promise<Alert[]> {
  const newest = new Map<string, Alert>();
  for (const a of alerts) if ((newest.get(a.id)?.revision ?? 0) < a.revision) newest.set(a.id, a);
  if (newest.size === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    INSERT INTO alerts (id, origin_agency, kind, tlp, revision, created_at, document, own)
    SELECT (d->>'id')::uuid, d->'origin'->>'agency', d->>'kind', d->>'tlp', (d->>'revision')::int, (d->>'createdAt')::timestamptz, d, false
    FROM jsonb_array_elements(${JSON.stringify([...newest.values()])}::jsonb) AS d
    ON CONFLICT (id) DO UPDATE SET revision = EXCLUDED.revision, tlp = EXCLUDED.tlp, document = EXCLUDED.document, received_at = now()
    WHERE alerts.revision < EXCLUDED.revision AND alerts.own = false
    RETURNING id::text AS id`;
  const stored = new Set(rows.map((r) => r.id));
  return [...newest.values()].filter((a) => stored.has(a.id));
}

/** Alerts newest first. A caller from another agency sees only this agency's own releasable alerts. */
export async function listAlerts(
  db: Db,
  opts: { self: string; viewerAgency: string; scope: AlertScope; kind?: string | null | undefined; limit: number },
): Promise<Alert[]> {
  const scope = opts.viewerAgency === opts.self ? opts.scope : 'OWN';
  const rows = await db.alert.findMany({
    where: {
      ...(scope === 'OWN' ? { own: true } : scope === 'RECEIVED' ? { own: false } : {}),
      ...(opts.kind ? { kind: opts.kind } : {}),
      // RED alerts stay with their own agency's users: filter in SQL so limits stay exact.
      ...(opts.viewerAgency === opts.self ? {} : { NOT: { tlp: 'RED' } }),
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: Math.min(Math.max(opts.limit, 1), 1000) * (opts.viewerAgency === opts.self ? 1 : 2),
  });
  return rows
    .map((r) => alertSchema.parse(r.document))
    .filter((a) => mayRelease(a, opts.viewerAgency))
    .slice(0, opts.limit);
}

export async function getAlert(db: Db, id: string, viewerAgency: string): Promise<Alert | null> {
  const r = await db.alert.findUnique({ where: { id } });
  if (!r) return null;
  const a = alertSchema.parse(r.document);
  return mayRelease(a, viewerAgency) ? a : null;
}
