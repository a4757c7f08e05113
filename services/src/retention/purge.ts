// The purge (issue 17, item 4): once an alert held here (own or received) has expired or been
// withdrawn and the period its kind has in this agency's retention document has passed, its
// personal data goes: every revision (pseudonyms, free text, persons), so that its pseudonyms are
// in the identifiers index no more, its correlations, reads and outbox rows. A tombstone keeps the
// SHA-256 of the canonical JSON of what went, and the purge is itself a row of the release audit,
// in the same transaction: the chain, which hashes row contents and never an alert's document,
// still verifies, and says when what was purged, under which rule. Every node purges under its own
// document: the owner's periods do not travel with the alert (ARCHITECTURE.md "Retention").
// Dead letters (the quarantine) are bounded here too, by age and by count; consultations and held
// publications go in purge-consultations.ts, in the same scan.
import { createHash } from 'node:crypto';
import { canonicalJson, type RetentionDocument, retentionPeriodsMs } from '@corridor/proto';
import { appendAudit } from '../audit/audit-log.js';
import type { Db } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';
import type { Logger } from '../log.js';
import { type RepeatingPass, startRepeatingPass } from '../repeating-pass.js';
import { dropHeldPublications, type PurgedFigures, purgeConsultations } from './purge-consultations.js';

export type PurgeKind = 'route_alert' | 'document_fraud_alert' | 'dead_letter' | 'consultation' | 'held_publication';

export interface PurgeDeps {
  db: Db;
  /** This agency: the audit names it as the holder of the dead letters it drops. */
  agency: string;
  retention: () => RetentionDocument;
  log: Logger;
}

/** What one scan removed, by kind and item: ids and hashes only. */
export interface Purged {
  kind: PurgeKind;
  itemId: string;
  hash: string;
}

const ALERT_KIND: Record<string, PurgeKind> = { route: 'route_alert', document_fraud: 'document_fraud_alert' };

/**
 * The alerts due for purge at `now`, oldest lapse first: lapsed (expired, or withdrawn, at the
 * earlier of the two) at least their kind's period ago. An alert is withdrawn when this node
 * stored its withdrawal, so a partner's copy counts from when it arrived here.
 */
export async function dueAlerts(
  db: Pick<Db, '$queryRaw'>,
  doc: RetentionDocument,
  now: Date,
  limit: number,
  only: string | null = null,
): Promise<{ id: string; kind: string; lapsedAt: Date }[]> {
  const periods = retentionPeriodsMs(doc);
  const rows = await db.$queryRaw<{ id: string; kind: string; lapsed_at: Date }[]>`
    SELECT a.id::text AS id, a.kind, lapse.at AS lapsed_at
    FROM alerts a
    JOIN alert_revisions r ON r.alert_id = a.id AND r.revision = a.revision
    CROSS JOIN LATERAL (SELECT CASE WHEN a.document->>'status' = 'withdrawn'
        THEN LEAST(r.recorded_at, alert_ends_at(a.document)) ELSE alert_ends_at(a.document) END AS at) AS lapse
    WHERE lapse.at + (CASE a.kind WHEN 'route' THEN ${periods.route_alert}::bigint ELSE ${periods.document_fraud_alert}::bigint END)
        * INTERVAL '1 millisecond' <= ${now}::timestamptz
      AND (${only}::uuid IS NULL OR a.id = ${only}::uuid)
    ORDER BY lapse.at, a.id
    LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, kind: r.kind, lapsedAt: r.lapsed_at }));
}

/** The hash a tombstone keeps: SHA-256 over the canonical JSON (RFC 8785) of what was removed. */
export function tombstoneHash(removed: unknown): string {
  return createHash('sha256').update(canonicalJson(removed)).digest('hex');
}

/** Purges one alert in one transaction; null when it was no longer due (amended, or purged meanwhile). */
async function purgeAlert(tx: Prisma.TransactionClient, doc: RetentionDocument, id: string, now: Date): Promise<Purged | null> {
  // The row is locked, and due checked again under the lock: a received revision may have moved it.
  const still = await tx.$queryRaw<{ id: string }[]>`SELECT id::text FROM alerts WHERE id = ${id}::uuid FOR UPDATE`;
  if (still.length === 0) return null;
  const [due] = await dueAlerts(tx, doc, now, 1, id);
  if (!due) return null;
  const current = await tx.$queryRaw<
    { origin_agency: string; own: boolean; revision: number; kind: string; created_at: Date; region: string; document: unknown }[]
  >`
    SELECT origin_agency, own, revision, kind, created_at, COALESCE(document->'route'->>'region', 'none') AS region, document
    FROM alerts WHERE id = ${id}::uuid`;
  const alert = current[0];
  if (!alert) return null;
  const revisions = await tx.$queryRaw<{ document: unknown }[]>`
    SELECT document FROM alert_revisions WHERE alert_id = ${id}::uuid ORDER BY revision`;
  const hash = tombstoneHash({ alert: alert.document, revisions: revisions.map((r) => r.document) });
  const kind = ALERT_KIND[alert.kind] ?? 'route_alert';
  const period = kind === 'document_fraud_alert' ? doc.periods.document_fraud_alert : doc.periods.route_alert;
  const rule = `retention:${kind}:${period}`;
  await tx.$executeRaw`DELETE FROM alert_revisions WHERE alert_id = ${id}::uuid`;
  await tx.$executeRaw`DELETE FROM alerts WHERE id = ${id}::uuid`;
  await tx.$executeRaw`DELETE FROM correlations WHERE alert_id = ${id}::uuid OR other_alert_id = ${id}::uuid`;
  await tx.$executeRaw`DELETE FROM alert_reads WHERE alert_id = ${id}::uuid`;
  // Its protection notice goes with it (the catch-up raises none again, the alert being gone);
  // the tombstone keeps what the statistics counted of it.
  const notices = await tx.$queryRaw<{ at: Date; country: string; flags: string[] }[]>`
    DELETE FROM protection_notices WHERE source = 'alert' AND source_id = ${id}::uuid RETURNING at, country, flags`;
  const figures: PurgedFigures | null =
    notices.length === 0
      ? null
      : { requests: [], notices: notices.map((n) => ({ at: n.at.toISOString(), country: n.country, flags: n.flags })) };
  // Sent copies keep the alert as it went out; a copy still waiting would go out after its purge.
  await tx.$executeRaw`DELETE FROM outbox WHERE about_id = ${id}::uuid AND kind IN ('alert', 'correlation')`;
  await tx.$executeRaw`
    INSERT INTO purge_tombstones (kind, item_id, origin_agency, own, revisions, published_at, region, lapsed_at, purged_at, rule, retention_version, hash, figures)
    VALUES (${kind}, ${id}, ${alert.origin_agency}, ${alert.own}, ${revisions.length}, ${alert.created_at}, ${alert.region},
      ${due.lapsedAt}, ${now}, ${rule}, ${doc.version}, ${hash}, ${figures === null ? null : JSON.stringify(figures)}::jsonb)`;
  await appendAudit(
    tx,
    [
      {
        channel: 'purge',
        agency: alert.origin_agency,
        subject: null,
        resource: 'alert',
        items: [`${id}@${alert.revision}`, `sha256:${hash}`],
        rule,
        policyVersion: doc.version,
      },
    ],
    now,
  );
  return { kind, itemId: id, hash };
}

/** Dead letters past their age or beyond the count, oldest first; one tombstone each, one audit row per batch. */
async function boundDeadLetters(deps: PurgeDeps, doc: RetentionDocument, now: Date, limit: number): Promise<Purged[]> {
  const maxAgeMs = retentionPeriodsMs(doc).dead_letters;
  return deps.db.$transaction(async (tx) => {
    const rows = await tx.$queryRaw<{ id: bigint; payload: Uint8Array; received_at: Date; subject: string; reason: string }[]>`
      SELECT id, payload, received_at, subject, reason FROM quarantine
      WHERE received_at <= ${now}::timestamptz - ${maxAgeMs}::bigint * INTERVAL '1 millisecond'
         OR id IN (SELECT id FROM quarantine ORDER BY received_at DESC, id DESC OFFSET ${doc.limits.deadLetters})
      ORDER BY received_at, id
      LIMIT ${limit}
      FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) return [];
    const rule = `retention:dead_letters:${doc.periods.dead_letters}:${doc.limits.deadLetters}`;
    const purged = rows.map((r) => ({
      kind: 'dead_letter' as const,
      itemId: `quarantine:${r.id}`,
      hash: tombstoneHash({
        subject: r.subject,
        reason: r.reason,
        receivedAt: r.received_at.toISOString(),
        payload: Buffer.from(r.payload).toString('base64'),
      }),
      lapsedAt: r.received_at,
    }));
    await tx.$executeRaw`DELETE FROM quarantine WHERE id = ANY (${rows.map((r) => r.id)}::bigint[])`;
    await tx.$executeRaw`
      INSERT INTO purge_tombstones (kind, item_id, lapsed_at, purged_at, rule, retention_version, hash)
      SELECT 'dead_letter', p->>'itemId', (p->>'lapsedAt')::timestamptz, ${now}, ${rule}, ${doc.version}, p->>'hash'
      FROM jsonb_array_elements(${JSON.stringify(purged)}::jsonb) AS p
      ON CONFLICT DO NOTHING`;
    await appendAudit(
      tx,
      [
        {
          channel: 'purge',
          agency: deps.agency,
          subject: null,
          resource: 'dead_letter',
          items: purged.map((p) => `${p.itemId}:sha256:${p.hash}`),
          rule,
          policyVersion: doc.version,
        },
      ],
      now,
    );
    return purged.map(({ kind, itemId, hash }) => ({ kind, itemId, hash }));
  });
}

const BATCH = 200;

/** One scan: every alert and consultation due, every dead letter and held publication out of bounds, in batches. */
export async function purgeOnce(deps: PurgeDeps, now = new Date()): Promise<Purged[]> {
  const doc = deps.retention();
  const purged: Purged[] = [];
  for (;;) {
    const due = await dueAlerts(deps.db, doc, now, BATCH);
    let progress = 0;
    for (const d of due) {
      const done = await deps.db.$transaction((tx) => purgeAlert(tx, doc, d.id, now));
      if (!done) continue;
      purged.push(done);
      progress++;
    }
    if (due.length < BATCH || progress === 0) break;
  }
  for (;;) {
    const letters = await boundDeadLetters(deps, doc, now, BATCH);
    purged.push(...letters);
    if (letters.length < BATCH) break;
  }
  purged.push(...(await purgeConsultations(deps, doc, now)));
  for (;;) {
    const held = await dropHeldPublications(deps, doc, now);
    purged.push(...held);
    if (held.length < BATCH) break;
  }
  return purged;
}

/** Scans at once and then every `scanMs` until stopped, one scan at a time. */
export function startPurge(deps: PurgeDeps, scanMs: number): RepeatingPass {
  return startRepeatingPass(
    async () => {
      const purged = await purgeOnce(deps);
      if (purged.length === 0) return;
      const counts: Record<string, number> = {};
      for (const p of purged) counts[p.kind] = (counts[p.kind] ?? 0) + 1;
      // Counts only: the items and their hashes are in the purge report and the audit.
      deps.log.info('purged under the retention document', { version: deps.retention().version, ...counts });
    },
    scanMs,
    (e) => deps.log.warn('purge scan failed', { error: e.message }),
  );
}
