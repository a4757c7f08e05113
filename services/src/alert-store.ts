// The node's alerts in its database: its own (with their outbox rows, in one transaction) and
// those received from partners (upserted by id, keeping the highest revision).
import { type Alert, alert as alertSchema, mayRelease } from '@corridor/proto';
import type { Db } from './database.js';
import type { Prisma } from './generated/prisma/client.js';

export interface OutboxRow {
  subject: string;
  msgId: string;
  payload: string;
}

export type AlertScope = 'OWN' | 'RECEIVED' | 'ALL';

function row(a: Alert, own: boolean) {
  return {
    id: a.id,
    originAgency: a.origin.agency,
    kind: a.kind,
    tlp: a.tlp,
    revision: a.revision,
    createdAt: new Date(a.createdAt),
    document: a as unknown as Prisma.InputJsonValue,
    own,
  };
}

export async function storeOwnAlert(db: Db, a: Alert, outbox: OutboxRow[]): Promise<void> {
  await db.$transaction([
    db.alert.create({ data: row(a, true) }),
    ...outbox.map((o) => db.outboxMessage.create({ data: { alertId: a.id, ...o } })),
  ]);
}

/** 'stored' for a new alert or a newer revision; 'duplicate' when this revision (or a later one) is already here. */
export async function storeReceivedAlert(db: Db, a: Alert): Promise<'stored' | 'duplicate'> {
  // One statement, so that two deliveries of the same alert racing each other still make one row.
  const data = row(a, false);
  const n = await db.$executeRaw`
    INSERT INTO alerts (id, origin_agency, kind, tlp, revision, created_at, document, own)
    VALUES (${data.id}::uuid, ${data.originAgency}, ${data.kind}, ${data.tlp}, ${data.revision}, ${data.createdAt}, ${JSON.stringify(a)}::jsonb, false)
    ON CONFLICT (id) DO UPDATE SET revision = EXCLUDED.revision, tlp = EXCLUDED.tlp, document = EXCLUDED.document, received_at = now()
    WHERE alerts.revision < EXCLUDED.revision AND alerts.own = false`;
  return n > 0 ? 'stored' : 'duplicate';
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
