// The node's alerts in its database: its own (stored in the transaction that queues them for
// partners, bus/enqueue.ts) and those received from partners (upserted by id, keeping the highest
// revision).
import {
  type Alert,
  type AlertKey,
  alert as alertSchema,
  EXPORTABLE_TLP,
  isUuid,
  type Membership,
  mayRelease,
  type PseudonymizedIdentifier,
  parseAlertSubject,
  type RawStatistics,
} from '@corridor/proto';
import { subjectsQueuedAbout } from '../bus/outbox-store.js';
import { type Db, plainSql } from '../database.js';
import { Prisma } from '../generated/prisma/client.js';
import { within } from '../period-sql.js';
import { parseStored } from '../stored-json.js';
import { carriesAnyOf } from './identifier-lookup.js';

export type AlertScope = 'OWN' | 'RECEIVED' | 'ALL';

/** A stored alert, parsed with proto's schema: a StoredRowError naming the row when it does not fit. */
function stored(row: { id: string; document: unknown }): Alert {
  return parseStored(alertSchema, row.document, { table: 'alerts', row: row.id });
}

/**
 * New alerts and their first history rows in one statement: one round trip however many
 * (group-commit gathers concurrent publishes into one call).
 */
export async function storeOwnAlerts(db: Prisma.TransactionClient, alerts: readonly Alert[]): Promise<void> {
  if (alerts.length === 0) return;
  const docs = JSON.stringify(alerts);
  await db.$executeRaw`
    WITH input AS (SELECT d FROM jsonb_array_elements(${docs}::jsonb) AS d),
    stored AS (
      INSERT INTO alerts (id, origin_agency, kind, tlp, revision, created_at, document, own)
      SELECT (d->>'id')::uuid, d->'origin'->>'agency', d->>'kind', d->>'tlp', (d->>'revision')::int, (d->>'createdAt')::timestamptz, d, true
      FROM input)
    INSERT INTO alert_revisions (alert_id, revision, document)
    SELECT (d->>'id')::uuid, (d->>'revision')::int, d FROM input`;
}

/**
 * A new revision of an own alert (amended or withdrawn), in one statement. It applies only on top
 * of the revision before it: false when another change got there first, and nothing is written.
 */
export async function storeOwnRevision(db: Prisma.TransactionClient, a: Alert): Promise<boolean> {
  const doc = JSON.stringify(a);
  const rows = await db.$queryRaw<{ n: number }[]>`
    WITH updated AS (
      UPDATE alerts SET revision = ${a.revision}, tlp = ${a.tlp}, document = ${doc}::jsonb
      WHERE id = ${a.id}::uuid AND own AND revision = ${a.revision - 1}
      RETURNING id),
    history AS (INSERT INTO alert_revisions (alert_id, revision, document) SELECT id, ${a.revision}, ${doc}::jsonb FROM updated)
    SELECT count(*)::int AS n FROM updated`;
  return (rows[0]?.n ?? 0) === 1;
}

/** An own alert as this node holds it now (its current revision), or null. */
export async function getOwnAlert(db: Db, id: string): Promise<Alert | null> {
  if (!isUuid(id)) return null;
  const row = await db.alert.findFirst({ where: { id, own: true } });
  return row ? stored(row) : null;
}

/** Every revision held of an alert, oldest first: what an auditor reads. */
export async function alertHistory(db: Db, id: string): Promise<Alert[]> {
  if (!isUuid(id)) return [];
  const rows = await db.alertRevision.findMany({ where: { alertId: id }, orderBy: { revision: 'asc' } });
  return rows.map((r) => parseStored(alertSchema, r.document, { table: 'alert_revisions', row: `${r.alertId}@${r.revision}` }));
}

/**
 * Stores partners' alerts in one statement (one commit for a whole batch from the bus). Every
 * revision goes into the history, whatever order it arrives in; the current row moves only
 * forward, so a late older revision never replaces a newer one. Returns the alerts that became
 * the current revision here. An alert purged here (a tombstone holds its id) is not stored again:
 * a late copy from the stream, or a redelivery, would bring back what retention removed.
 */
export async function storeReceivedAlerts(db: Db | Prisma.TransactionClient, alerts: Alert[]): Promise<Alert[]> {
  const newest = new Map<string, Alert>();
  for (const a of alerts) if ((newest.get(a.id)?.revision ?? 0) < a.revision) newest.set(a.id, a);
  if (newest.size === 0) return [];
  const rows = await db.$queryRaw<{ id: string }[]>`
    WITH history AS (
      INSERT INTO alert_revisions (alert_id, revision, document)
      SELECT (d->>'id')::uuid, (d->>'revision')::int, d FROM jsonb_array_elements(${JSON.stringify(alerts)}::jsonb) AS d
      WHERE NOT EXISTS (SELECT 1 FROM purge_tombstones t WHERE t.item_id = d->>'id')
      ON CONFLICT (alert_id, revision) DO NOTHING)
    INSERT INTO alerts (id, origin_agency, kind, tlp, revision, created_at, document, own)
    SELECT (d->>'id')::uuid, d->'origin'->>'agency', d->>'kind', d->>'tlp', (d->>'revision')::int, (d->>'createdAt')::timestamptz, d, false
    FROM jsonb_array_elements(${JSON.stringify([...newest.values()])}::jsonb) AS d
    WHERE NOT EXISTS (SELECT 1 FROM purge_tombstones t WHERE t.item_id = d->>'id')
    ON CONFLICT (id) DO UPDATE SET revision = EXCLUDED.revision, tlp = EXCLUDED.tlp, document = EXCLUDED.document, received_at = now()
    WHERE alerts.revision < EXCLUDED.revision AND alerts.own = false
    RETURNING id::text AS id`;
  const stored = new Set(rows.map((r) => r.id));
  return [...newest.values()].filter((a) => stored.has(a.id));
}

/**
 * What a caller from another agency may see of this node's alerts, as a database filter: the
 * release rule (proto mayRelease, TLP 2.0) in SQL, so that `limit` counts releasable alerts only.
 * Only this agency's own alerts are answered to other agencies: a partner's alert held here is
 * that partner's to release.
 */
function releasableToPartner(viewerAgency: string): Prisma.AlertWhereInput {
  return {
    own: true,
    OR: [
      { tlp: { in: ['GREEN', 'CLEAR'] } },
      { tlp: { in: ['AMBER', 'AMBER+STRICT'] }, document: { path: ['recipients'], array_contains: [viewerAgency] } },
    ],
  };
}

/**
 * Alerts in the network's order (proto alert-order.ts), after a cursor's key if given. A caller
 * from another agency sees only this agency's own alerts that TLP releases to it; the release
 * policy is applied on top by the caller of this function (answer-release.ts).
 */
export async function listAlerts(
  db: Db,
  opts: {
    self: string;
    viewerAgency: string;
    scope: AlertScope;
    kind?: string | null | undefined;
    limit: number;
    after?: AlertKey | null | undefined;
  },
): Promise<Alert[]> {
  const ownUser = opts.viewerAgency === opts.self;
  const scope = ownUser ? opts.scope : 'OWN';
  const k = opts.after;
  const at = k ? new Date(k.createdAt) : undefined;
  const rows = await db.alert.findMany({
    where: {
      AND: [
        scope === 'OWN' ? { own: true } : scope === 'RECEIVED' ? { own: false } : {},
        opts.kind ? { kind: opts.kind } : {},
        ownUser ? {} : releasableToPartner(opts.viewerAgency),
        k
          ? {
              OR: [
                { createdAt: { lt: at } },
                { createdAt: at, originAgency: { gt: k.agency } },
                { createdAt: at, originAgency: k.agency, id: { gt: k.id } },
              ],
            }
          : {},
      ],
    },
    orderBy: [{ createdAt: 'desc' }, { originAgency: 'asc' }, { id: 'asc' }],
    take: Math.min(Math.max(opts.limit, 0), 1000),
  });
  // The rule again on the documents themselves: the SQL filter narrows, this one decides.
  return rows.map(stored).filter((a) => mayRelease(a, opts.viewerAgency));
}

export async function getAlert(db: Db, id: string, viewerAgency: string, self: string): Promise<Alert | null> {
  // Not an id any alert can have: answer "none" rather than let the uuid column raise.
  if (!isUuid(id)) return null;
  const r = await db.alert.findFirst({ where: { id, ...(viewerAgency === self ? {} : { own: true }) } });
  if (!r) return null;
  const a = stored(r);
  return mayRelease(a, viewerAgency) ? a : null;
}

/** The agencies that were sent any revision of an own alert (a broadcast reached every member). */
export async function earlierRecipients(db: Db, alertId: string, subjectRoot: string, membership: Membership): Promise<string[]> {
  const agencies = new Set<string>();
  for (const subject of await subjectsQueuedAbout(db, 'alert', alertId)) {
    const parsed = parseAlertSubject(subjectRoot, subject);
    if (!parsed) continue;
    if (parsed.recipient === null) for (const m of membership.agencies) agencies.add(m.id);
    else agencies.add(parsed.recipient);
  }
  return [...agencies];
}

/** This agency's current own alerts, neither withdrawn nor expired (migration 0603's alert_ends_at), carrying any of the pseudonyms: one probe of the GIN index. */
export async function ownAlertsCarrying(db: Db, pseudonyms: readonly PseudonymizedIdentifier[], limit = 50): Promise<Alert[]> {
  if (pseudonyms.length === 0) return [];
  const rows = await db.$queryRaw<{ id: string; document: unknown }[]>`
    SELECT id::text, document FROM alerts
    WHERE own AND document->>'status' <> 'withdrawn' AND alert_ends_at(document) > now() AND ${carriesAnyOf(pseudonyms)}
    ORDER BY created_at DESC
    LIMIT ${limit}`;
  return rows.map(stored);
}

/**
 * ownAlertsCarrying for several sets of pseudonyms at once (the checks a gateway batched): one
 * probe of the GIN index for all of them, in plain SQL (no Prisma on the check's hot path), each
 * set then answered from the rows found, as ownAlertsCarrying would have answered it alone. Only
 * when the shared probe reaches its limit (some pseudonym is carried by very many alerts) could a
 * set miss alerts the others crowded out; the sets are then asked one by one.
 */
export async function ownAlertsCarryingEach(db: Db, sets: readonly (readonly PseudonymizedIdentifier[])[], limit = 50): Promise<Alert[][]> {
  const all = [...new Set(sets.flatMap((s) => s.map((p) => p.pseudonym)))];
  if (all.length === 0) return sets.map(() => []);
  const probes = all.map((pseudonym) => JSON.stringify([{ pseudonym }]));
  const shared = limit * sets.length;
  const { rows } = await plainSql(db).query<{ id: string; document: unknown }>(
    `SELECT id::text, document FROM alerts
     WHERE own AND document->>'status' <> 'withdrawn' AND alert_ends_at(document) > now() AND (document->'identifiers') @> ANY ($1::jsonb[])
     ORDER BY created_at DESC, id LIMIT $2`,
    [probes, shared],
  );
  if (rows.length >= shared) return Promise.all(sets.map((s) => ownAlertsCarrying(db, s, limit)));
  const found = rows.map(stored);
  return sets.map((s) => {
    const asked = new Set(s.map((p) => p.pseudonym));
    return found.filter((a) => a.identifiers.some((i) => asked.has(i.pseudonym))).slice(0, limit);
  });
}

/**
 * Alerts held here (own or received, current, neither withdrawn nor expired), other than `except`, carrying any
 * of the pseudonyms: one probe of the GIN index per pseudonym, in one statement, for a received
 * batch's thousand pseudonyms. Not `@> ANY (array)` (carriesAnyOf) here: with a thousand
 * elements PostgreSQL estimates that most rows match and reads every alert, testing each against
 * every probe (measured: 2.4 s at 3,000 alerts, growing with the table, against 5 ms this way,
 * where each probe is its own index scan whatever the estimate).
 */
export async function heldAlertsCarrying(
  db: Db,
  pseudonyms: readonly Pick<PseudonymizedIdentifier, 'pseudonym'>[],
  opts: { except: readonly string[]; limit: number },
): Promise<Alert[]> {
  if (pseudonyms.length === 0) return [];
  const probes = [...new Set(pseudonyms.map((p) => JSON.stringify([{ pseudonym: p.pseudonym }])))];
  const rows = await db.$queryRaw<{ id: string; document: unknown }[]>`
    SELECT id::text, document FROM alerts
    WHERE id IN (
        SELECT hit.id FROM unnest(${probes}::jsonb[]) AS p(probe)
        CROSS JOIN LATERAL (SELECT id FROM alerts WHERE (document->'identifiers') @> p.probe) AS hit)
      AND id <> ALL (${[...opts.except]}::uuid[]) AND document->>'status' <> 'withdrawn' AND alert_ends_at(document) > now()
    LIMIT ${opts.limit}`;
  return rows.map(stored);
}

/** The alerts held here with these ids, own or received, as they stand. */
export async function alertsById(db: Db, ids: readonly string[]): Promise<Alert[]> {
  if (ids.length === 0) return [];
  const rows = await db.alert.findMany({ where: { id: { in: ids.filter(isUuid) } } });
  return rows.map(stored);
}

/** Whether this agency published an alert with this id. */
export async function holdsOwnAlert(db: Db, id: string): Promise<boolean> {
  if (!isUuid(id)) return false;
  return (await db.alert.findFirst({ where: { id, own: true }, select: { id: true } })) !== null;
}

/** Every alert held here, own and received, newest first, at most `limit`. */
export async function newestAlerts(db: Db, limit: number): Promise<Alert[]> {
  const rows = await db.alert.findMany({ orderBy: [{ createdAt: 'desc' }, { id: 'asc' }], take: limit });
  return rows.map(stored);
}

/**
 * Alerts counted for reporting, per direction, kind, region and month of first publication:
 * current rows, one per alert, withdrawn ones too (they were issued, and received, all the same);
 * an amendment is the same alert, counted once, in its first month.
 */
export async function alertFigures(db: Db, start: Date | null, end: Date | null): Promise<RawStatistics['alerts']> {
  return db.$queryRaw<RawStatistics['alerts']>`
    SELECT CASE WHEN own THEN 'published' ELSE 'received' END AS direction, kind,
      COALESCE(document->'route'->>'region', 'none') AS region,
      to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)::int AS count
    FROM alerts WHERE ${within(Prisma.sql`created_at`, start, end)}
    GROUP BY 1, 2, 3, 4`;
}

/**
 * The current, not withdrawn, alerts whose documents flag vulnerable persons (protection flags,
 * or counts of vulnerable persons on a route): those a protection notice is owed for.
 */
export async function alertsFlaggingProtection(db: Db): Promise<Alert[]> {
  const rows = await db.$queryRaw<{ id: string; document: unknown }[]>`
    SELECT id::text, document FROM alerts
    WHERE (jsonb_array_length(COALESCE(document->'protection', '[]')) > 0
        OR COALESCE((document->'routeDetails'->'vulnerablePersons') <> '{}', false))
      AND document->>'status' <> 'withdrawn'`;
  return rows.map(stored);
}

/** Partners' alerts stored or changed here after `since`, newest first (an officer's activity counts). */
export async function receivedAlertsSince(db: Db, since: Date, limit: number): Promise<Alert[]> {
  const rows = await db.alert.findMany({ where: { own: false, receivedAt: { gt: since } }, orderBy: { receivedAt: 'desc' }, take: limit });
  return rows.map(stored);
}

// What may leave this node as STIX or MISP (exchange/): its own alerts at TLP:CLEAR or GREEN (TLP
// 2.0: the only levels a community's tools may hold), in the order they were added, each with when
// its current revision was stored (TAXII's date_added). Partners' alerts held here are theirs to
// export. The release policy is applied on top (exchange/exported-alerts.ts).

/** Where a walk of the collection stands: after this (date added, alert id). */
export interface ExportCursor {
  added: Date;
  id: string;
}

export interface StoredExport {
  alert: Alert;
  added: Date;
}

/** Past every alert id: `added_after` alone means "after everything added at that moment". */
const LAST_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

export function afterMoment(added: Date): ExportCursor {
  return { added, id: LAST_ID };
}

export async function exportableAlerts(db: Db, after: ExportCursor | null, limit: number): Promise<StoredExport[]> {
  const at = after?.added ?? new Date(0);
  const id = after?.id ?? '00000000-0000-0000-0000-000000000000';
  const rows = await db.$queryRaw<{ id: string; document: unknown; added: Date }[]>`
    SELECT a.id::text AS id, a.document, r.recorded_at AS added
    FROM alerts a JOIN alert_revisions r ON r.alert_id = a.id AND r.revision = a.revision
    WHERE a.own AND a.tlp = ANY (${[...EXPORTABLE_TLP]}::text[])
      AND (r.recorded_at, r.alert_id) > (${at}::timestamptz, ${id}::uuid)
    ORDER BY r.recorded_at, r.alert_id
    LIMIT ${limit}`;
  return rows.map((r) => ({ alert: parseStored(alertSchema, r.document, { table: 'alerts', row: r.id }), added: r.added }));
}

/** Which STIX objects an exportable alert makes (a report, a location per waypoint), in export order. */
export interface ExportShape {
  id: string;
  waypoints: number;
  added: Date;
}

/** The shapes of exportable alerts after `after`, without reading their documents whole. */
export async function exportableShapes(db: Db, after: ExportCursor | null, limit: number): Promise<ExportShape[]> {
  const at = after?.added ?? new Date(0);
  const id = after?.id ?? '00000000-0000-0000-0000-000000000000';
  const rows = await db.$queryRaw<{ id: string; waypoints: number; added: Date }[]>`
    SELECT a.id::text AS id, r.recorded_at AS added,
      COALESCE(jsonb_array_length(CASE WHEN jsonb_typeof(a.document->'route'->'waypoints') = 'array'
        THEN a.document->'route'->'waypoints' END), 0)::int AS waypoints
    FROM alerts a JOIN alert_revisions r ON r.alert_id = a.id AND r.revision = a.revision
    WHERE a.own AND a.tlp = ANY (${[...EXPORTABLE_TLP]}::text[])
      AND (r.recorded_at, r.alert_id) > (${at}::timestamptz, ${id}::uuid)
    ORDER BY r.recorded_at, r.alert_id
    LIMIT ${limit}`;
  return rows;
}

/** One exportable own alert by id, with when its current revision was stored; null when none. */
export async function exportableAlert(db: Db, id: string): Promise<StoredExport | null> {
  if (!isUuid(id)) return null;
  const rows = await db.$queryRaw<{ id: string; document: unknown; added: Date }[]>`
    SELECT a.id::text AS id, a.document, r.recorded_at AS added
    FROM alerts a JOIN alert_revisions r ON r.alert_id = a.id AND r.revision = a.revision
    WHERE a.own AND a.tlp = ANY (${[...EXPORTABLE_TLP]}::text[]) AND a.id = ${id}::uuid`;
  const r = rows[0];
  return r ? { alert: parseStored(alertSchema, r.document, { table: 'alerts', row: r.id }), added: r.added } : null;
}
