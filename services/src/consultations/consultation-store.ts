// The consultation_events table: every signed event of a consultation this agency is party to,
// its own (a draft until it is sent) and the other party's. Every statement on it is here; each
// document read back is parsed with proto's consultationEvent schema.
import { type ConsultationEvent, consultationEvent } from '@corridor/proto';
import type { Db } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { parseStored, toJsonb } from '../stored-json.js';

type Tx = Prisma.TransactionClient;

function stored(row: { id: string; document: unknown }): ConsultationEvent {
  return parseStored(consultationEvent, row.document, { table: 'consultation_events', row: row.id });
}

function byConsultation(rows: readonly { id: string; consultationId: string; document: unknown }[]): Map<string, ConsultationEvent[]> {
  const out = new Map<string, ConsultationEvent[]>();
  for (const r of rows) out.set(r.consultationId, [...(out.get(r.consultationId) ?? []), stored(r)]);
  return out;
}

export async function eventsOf(db: Db | Tx, consultationId: string): Promise<ConsultationEvent[]> {
  const rows = await db.consultationEvent.findMany({ where: { consultationId }, select: { id: true, document: true } });
  return rows.map(stored);
}

/** Every event held, by consultation. */
export async function eventsByConsultation(db: Db): Promise<Map<string, ConsultationEvent[]>> {
  return byConsultation(await db.consultationEvent.findMany({ select: { id: true, consultationId: true, document: true } }));
}

/** The events of every consultation in which a request was made, by consultation. */
export async function requestConsultations(db: Db): Promise<Map<string, ConsultationEvent[]>> {
  return byConsultation(
    await db.$queryRaw<{ id: string; consultationId: string; document: unknown }[]>`
      SELECT id::text, consultation_id::text AS "consultationId", document FROM consultation_events
      WHERE consultation_id IN (SELECT consultation_id FROM consultation_events WHERE type = 'request')`,
  );
}

/**
 * Locks these consultations for the caller's transaction, in one order (no deadlock), so that an
 * event is not kept while the retention purge deletes its thread (retention/purge-consultations.ts).
 */
export async function lockConsultations(tx: Tx, ids: readonly string[]): Promise<void> {
  for (const id of [...new Set(ids)].sort()) await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${id}, 6060))`;
}

/**
 * Locks these consultations as lockConsultations does and returns those the retention purge
 * removed here, in one statement (one round trip on every event kept): a late event must not
 * bring a purged thread back.
 */
export async function lockLiveConsultations(tx: Tx, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await tx.$queryRaw<{ id: string; purged: boolean }[]>`
    SELECT t.id, EXISTS (SELECT 1 FROM purge_tombstones p WHERE p.kind = 'consultation' AND p.item_id = t.id) AS purged
    FROM unnest(${[...new Set(ids)].sort()}::text[]) WITH ORDINALITY AS t(id, n)
    CROSS JOIN LATERAL (SELECT pg_advisory_xact_lock(hashtextextended(t.id, 6060))) AS l
    ORDER BY t.n`;
  return new Set(rows.filter((r) => r.purged).map((r) => r.id));
}

/**
 * Keeps events, each once (one kept before under the same id is left as it is); `published`: it
 * went, or came, over the bus (a draft has not). An event of a consultation purged here is
 * dropped. Returns the events newly kept.
 */
export async function keepEvents(tx: Tx, events: readonly ConsultationEvent[], published: boolean): Promise<ConsultationEvent[]> {
  if (events.length === 0) return [];
  const purged = await lockLiveConsultations(
    tx,
    events.map((e) => e.consultationId),
  );
  const live = events.filter((e) => !purged.has(e.consultationId));
  if (live.length === 0) return [];
  const kept = await tx.consultationEvent.createManyAndReturn({
    data: live.map((e) => ({
      id: e.id,
      consultationId: e.consultationId,
      type: e.type,
      fromAgency: e.from,
      toAgency: e.to,
      at: new Date(e.at),
      document: toJsonb(e, 'consultation event'),
      published,
    })),
    skipDuplicates: true,
    select: { id: true },
  });
  const keptIds = new Set(kept.map((k) => k.id));
  return live.filter((e) => keptIds.has(e.id));
}

/** The consultation a request was made in, or null. */
export async function consultationOfRequest(db: Db, requestId: string): Promise<string | null> {
  const rows = await db.$queryRaw<{ consultation_id: string }[]>`
    SELECT consultation_id::text FROM consultation_events WHERE type = 'request' AND document->>'requestId' = ${requestId} LIMIT 1`;
  return rows[0]?.consultation_id ?? null;
}

/** A request of this consultation still kept as a draft here; throws when there is none. */
export async function draftRequest(db: Db, consultationId: string, requestId: string): Promise<ConsultationEvent> {
  const row = await db.consultationEvent.findFirstOrThrow({
    where: { type: 'request', consultationId, published: false, document: { path: ['requestId'], equals: requestId } },
    select: { id: true, document: true },
  });
  return stored(row);
}

/** Marks a draft as sent. */
export async function markPublished(tx: Tx, eventId: string): Promise<void> {
  await tx.consultationEvent.update({ where: { id: eventId }, data: { published: true } });
}

/** The two agencies of a consultation, as its first event kept here names them; null when none is. */
export async function partiesOf(db: Db, consultationId: string): Promise<[string, string] | null> {
  const known = await db.consultationEvent.findFirst({ where: { consultationId }, select: { fromAgency: true, toAgency: true } });
  return known ? [known.fromAgency, known.toAgency] : null;
}

/** Consultations opened and messages the other party wrote, kept here after `since` (an officer's activity counts). */
export async function countMessagesFromOthers(db: Db, self: string, since: Date): Promise<number> {
  return db.consultationEvent.count({
    where: { type: { in: ['opened', 'message'] }, fromAgency: { not: self }, recordedAt: { gt: since } },
  });
}

/** Requests the other party made or moved on after `since`, each once however many steps it took. */
export async function countRequestsChangedByOthers(db: Db, self: string, since: Date): Promise<number> {
  const [row] = await db.$queryRaw<{ n: number }[]>`
    SELECT count(DISTINCT document->>'requestId')::int AS n FROM consultation_events
    WHERE type IN ('request', 'request_status') AND from_agency <> ${self} AND recorded_at > ${since}`;
  return row?.n ?? 0;
}
