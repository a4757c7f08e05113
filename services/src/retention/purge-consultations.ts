// The purge of consultations and held publications (issue 17, item 4), beside the alerts'
// (purge.ts): same tombstones, same audit row kind, same report. A consultation goes whole: once
// none of its requests is open and the period since its last event kept here has passed, every
// event (bodies, summaries, answers, notes, reasons, authors) and the protection notices they
// raised are deleted, with one tombstone for the thread. Deleting rather than blanking keeps every
// reader working unchanged (listing, folding, clocks, activity); the tombstone keeps what the
// statistics count, and the inbox drops a late event for a purged thread (consultation-store.ts).
import {
  CLOSED_REQUEST_STATUSES,
  type ConsultationEvent,
  consultationEvent,
  foldConsultation,
  type RetentionDocument,
  retentionPeriodsMs,
} from '@corridor/proto';
import { appendAudit } from '../audit/audit-log.js';
import { lockConsultations } from '../consultations/consultation-store.js';
import type { Db } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { parseStored } from '../stored-json.js';
import type { PurgeDeps, Purged } from './purge.js';
import { tombstoneHash } from './purge.js';

type Tx = Prisma.TransactionClient;

/** What the statistics counted of a purged consultation or alert: codes and instants, nothing a person could be found by. */
export interface PurgedFigures {
  requests: { direction: 'sent' | 'received'; requestType: string; status: string; sentAt: string | null; answeredAt: string | null }[];
  notices: { at: string; country: string; flags: string[] }[];
}

/**
 * Consultations due at `now`, oldest last event first: their last event was kept here at least the
 * `consultation` period ago, and none of their requests is open (its latest status, in the fold's
 * order, not closed; a request without one is a draft, and open). The fold checks it again under
 * the lock; `after` pages on, so that threads the fold keeps cannot hide those behind them.
 */
export async function dueConsultations(
  db: Pick<Db, '$queryRaw'>,
  doc: RetentionDocument,
  now: Date,
  limit: number,
  only: string | null = null,
  after: { id: string; lastAt: Date } | null = null,
): Promise<{ id: string; lastAt: Date }[]> {
  const periodMs = retentionPeriodsMs(doc).consultation;
  const closed = [...CLOSED_REQUEST_STATUSES];
  const rows = await db.$queryRaw<{ id: string; last_at: Date }[]>`
    SELECT l.consultation_id::text AS id, l.last_at
    FROM (SELECT consultation_id, max(recorded_at) AS last_at FROM consultation_events
          WHERE ${only}::uuid IS NULL OR consultation_id = ${only}::uuid
          GROUP BY consultation_id) AS l
    WHERE l.last_at + ${periodMs}::bigint * INTERVAL '1 millisecond' <= ${now}::timestamptz
      AND (${after?.lastAt ?? null}::timestamptz IS NULL OR (l.last_at, l.consultation_id) > (${after?.lastAt ?? null}::timestamptz, ${after?.id ?? null}::uuid))
      AND NOT EXISTS (
        SELECT 1 FROM consultation_events q
        WHERE q.consultation_id = l.consultation_id AND q.type = 'request'
          AND COALESCE(
            (SELECT s.document->>'status' FROM consultation_events s
             WHERE s.consultation_id = q.consultation_id AND s.type = 'request_status'
               AND s.document->>'requestId' = q.document->>'requestId'
             ORDER BY s.at DESC, s.id DESC LIMIT 1),
            'drafted') <> ALL (${closed}::text[]))
    ORDER BY l.last_at, l.consultation_id
    LIMIT ${limit}`;
  return rows.map((r) => ({ id: r.id, lastAt: r.last_at }));
}

/** Purges one consultation in one transaction; null when it is no longer due (an event came in, a request reopened). */
async function purgeConsultation(tx: Tx, deps: PurgeDeps, doc: RetentionDocument, id: string, now: Date): Promise<Purged | null> {
  // The same lock keep() takes: no event of this thread is stored while it goes.
  await lockConsultations(tx, [id]);
  const [due] = await dueConsultations(tx, doc, now, 1, id);
  if (!due) return null;
  const rows = await tx.$queryRaw<{ id: string; document: unknown; published: boolean }[]>`
    SELECT id::text, document, published FROM consultation_events WHERE consultation_id = ${id}::uuid ORDER BY at, id`;
  const events: ConsultationEvent[] = rows.map((r) =>
    parseStored(consultationEvent, r.document, { table: 'consultation_events', row: r.id }),
  );
  const state = foldConsultation(events);
  if (state?.requests.some((r) => !CLOSED_REQUEST_STATUSES.includes(r.status))) return null;
  const eventIds = rows.map((r) => r.id);
  const notices = await tx.$queryRaw<{ id: string; at: Date; country: string; flags: string[]; contacts: unknown }[]>`
    SELECT id::text, at, country, flags, contacts FROM protection_notices
    WHERE source = 'consultation' AND source_id = ANY (${eventIds}::uuid[])`;
  const figures: PurgedFigures = {
    requests: (state?.requests ?? []).map((r) => ({
      direction: r.sendingAuthority.agency === deps.agency ? 'sent' : 'received',
      requestType: r.requestType,
      status: r.status,
      sentAt: r.sentAt ?? null,
      answeredAt: r.answeredAt ?? null,
    })),
    notices: notices.map((n) => ({ at: n.at.toISOString(), country: n.country, flags: n.flags })),
  };
  const hash = tombstoneHash({
    events: rows.map((r) => r.document),
    notices: notices.map((n) => ({ ...n, at: n.at.toISOString() })),
  });
  const rule = `retention:consultation:${doc.periods.consultation}`;
  const other = events.map((e) => (e.from === deps.agency ? e.to : e.from)).find((a) => a !== deps.agency) ?? null;
  const openedHere = state ? state.openedBy === deps.agency : events.some((e) => e.from === deps.agency);
  await tx.$executeRaw`DELETE FROM protection_notices WHERE source = 'consultation' AND source_id = ANY (${eventIds}::uuid[])`;
  await tx.$executeRaw`DELETE FROM request_clocks WHERE consultation_id = ${id}::uuid`;
  // A copy still waiting in the outbox would carry the text out after its purge.
  await tx.$executeRaw`DELETE FROM outbox WHERE about_id = ${id}::uuid AND kind = 'consultation'`;
  await tx.$executeRaw`DELETE FROM consultation_events WHERE consultation_id = ${id}::uuid`;
  await tx.$executeRaw`
    INSERT INTO purge_tombstones (kind, item_id, origin_agency, own, revisions, published_at, lapsed_at, purged_at, rule, retention_version, hash, figures)
    VALUES ('consultation', ${id}, ${state?.openedBy ?? other}, ${openedHere}, ${rows.length},
      ${state ? new Date(state.openedAt) : null}, ${due.lastAt}, ${now}, ${rule}, ${doc.version}, ${hash}, ${JSON.stringify(figures)}::jsonb)
    ON CONFLICT DO NOTHING`;
  await appendAudit(
    tx,
    [
      {
        channel: 'purge',
        agency: other ?? deps.agency,
        subject: null,
        resource: 'consultation',
        items: [`${id}:${rows.length}`, `sha256:${hash}`],
        rule,
        policyVersion: doc.version,
      },
    ],
    now,
  );
  return { kind: 'consultation', itemId: id, hash };
}

const BATCH = 200;

/** Every consultation due, each in its own transaction. */
export async function purgeConsultations(deps: PurgeDeps, doc: RetentionDocument, now: Date): Promise<Purged[]> {
  const purged: Purged[] = [];
  let after: { id: string; lastAt: Date } | null = null;
  for (;;) {
    const due = await dueConsultations(deps.db, doc, now, BATCH, null, after);
    for (const d of due) {
      const done = await deps.db.$transaction((tx) => purgeConsultation(tx, deps, doc, d.id, now));
      if (done) purged.push(done);
    }
    after = due.at(-1) ?? null;
    if (due.length < BATCH) break;
  }
  return purged;
}

/**
 * Held publications older than their bound: the raw identifiers of a publish call the pseudonym
 * service never answered must not stay at rest. One tombstone each, one audit row per batch; the
 * officer publishes again once the service answers.
 */
export async function dropHeldPublications(deps: PurgeDeps, doc: RetentionDocument, now: Date): Promise<Purged[]> {
  const maxAgeMs = retentionPeriodsMs(doc).held_publication;
  const purged = await deps.db.$transaction(async (tx) => {
    // SKIP LOCKED: a row the sender is publishing right now is left to it.
    const rows = await tx.$queryRaw<{ id: string; document: unknown; held_at: Date; attempts: number }[]>`
      SELECT id::text, document, held_at, attempts FROM held_publications
      WHERE held_at <= ${now}::timestamptz - ${maxAgeMs}::bigint * INTERVAL '1 millisecond'
      ORDER BY held_at, id
      LIMIT ${BATCH}
      FOR UPDATE SKIP LOCKED`;
    if (rows.length === 0) return [];
    const rule = `retention:held_publication:${doc.periods.held_publication}`;
    const out = rows.map((r) => ({
      kind: 'held_publication' as const,
      itemId: r.id,
      hash: tombstoneHash({ document: r.document, heldAt: r.held_at.toISOString() }),
      lapsedAt: r.held_at,
    }));
    await tx.$executeRaw`DELETE FROM held_publications WHERE id = ANY (${rows.map((r) => r.id)}::uuid[])`;
    await tx.$executeRaw`
      INSERT INTO purge_tombstones (kind, item_id, origin_agency, own, lapsed_at, purged_at, rule, retention_version, hash)
      SELECT 'held_publication', p->>'itemId', ${deps.agency}, true, (p->>'lapsedAt')::timestamptz, ${now}, ${rule}, ${doc.version}, p->>'hash'
      FROM jsonb_array_elements(${JSON.stringify(out)}::jsonb) AS p
      ON CONFLICT DO NOTHING`;
    await appendAudit(
      tx,
      [
        {
          channel: 'purge',
          agency: deps.agency,
          subject: null,
          resource: 'held_publication',
          items: out.map((p) => `${p.itemId}:sha256:${p.hash}`),
          rule,
          policyVersion: doc.version,
        },
      ],
      now,
    );
    return out;
  });
  if (purged.length > 0)
    // Ids and times only: the identifiers the calls held are gone, and never reach a log.
    deps.log.warn('held publications dropped unsent: the pseudonym service did not answer within the retention bound', {
      bound: doc.periods.held_publication,
      held: purged.map((p) => p.itemId),
      heldSince: purged.map((p) => p.lapsedAt.toISOString()),
    });
  return purged.map(({ kind, itemId, hash }) => ({ kind, itemId, hash }));
}
