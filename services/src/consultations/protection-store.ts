// The protection_notices table: one notice per alert or consultation event that flagged a need
// (unique on source and source id). Every statement on it is here; protection.ts decides when a
// notice is owed and raises it through insertNotice.
import { newId, PROTECTION_FLAGS, type ProtectionFlag, type RawStatistics } from '@corridor/proto';
import type { Db } from '../database.js';
import { Prisma } from '../generated/prisma/client.js';
import { within } from '../period-sql.js';
import { parseStored, type StoredSchema } from '../stored-json.js';

type Tx = Prisma.TransactionClient;

export type NoticeSource = 'alert' | 'consultation';

export interface ProtectionContact {
  entryId: string;
  name: string;
}

export interface ProtectionNotice {
  source: NoticeSource;
  sourceId: string;
  originAgency: string;
  country: string;
  flags: readonly ProtectionFlag[];
  /** The protection contacts this agency's directory lists for the country; empty when none is. */
  contacts: readonly ProtectionContact[];
}

export interface ProtectionNoticeView extends ProtectionNotice {
  id: string;
  flags: ProtectionFlag[];
  contacts: ProtectionContact[];
  at: string;
}

/**
 * Keeps notices in one statement, each unless one was raised for its source already; returns
 * those kept now.
 */
export async function insertNotices(db: Db | Tx, notices: readonly ProtectionNotice[]): Promise<ProtectionNotice[]> {
  if (notices.length === 0) return [];
  const rows = notices.map((n) => ({ id: newId(), ...n }));
  const kept = await db.$queryRaw<{ source: string; source_id: string }[]>`
    INSERT INTO protection_notices (id, source, source_id, origin_agency, country, flags, contacts)
    SELECT (n->>'id')::uuid, n->>'source', (n->>'sourceId')::uuid, n->>'originAgency', n->>'country',
      ARRAY(SELECT jsonb_array_elements_text(n->'flags')), n->'contacts'
    FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) WITH ORDINALITY AS x(n, i)
    ORDER BY i
    ON CONFLICT (source, source_id) DO NOTHING
    RETURNING source, source_id::text`;
  const now = new Set(kept.map((k) => `${k.source} ${k.source_id}`));
  return notices.filter((n) => now.has(`${n.source} ${n.sourceId}`));
}

/** Of these sources, those a notice was raised for. */
export async function noticedSources(db: Db, source: NoticeSource, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  // One array parameter however many ids: a start-up catch-up may ask about every flagged alert.
  const rows = await db.$queryRaw<{ source_id: string }[]>`
    SELECT source_id::text FROM protection_notices WHERE source = ${source} AND source_id = ANY (${[...ids]}::uuid[])`;
  return new Set(rows.map((r) => r.source_id));
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
const isSource = (s: unknown): s is NoticeSource => s === 'alert' || s === 'consultation';
const isFlag = (f: unknown): f is ProtectionFlag => PROTECTION_FLAGS.some((k) => k === f);
const isContact = (c: unknown): c is ProtectionContact => isRecord(c) && typeof c.entryId === 'string' && typeof c.name === 'string';
const isArrayOf = <T>(v: unknown, item: (x: unknown) => x is T): v is T[] => Array.isArray(v) && v.every(item);

/** What a notice row holds beyond its plain columns, as proto's codes and the contacts' shape allow. */
const storedParts: StoredSchema<Pick<ProtectionNoticeView, 'source' | 'flags' | 'contacts'>> = {
  safeParse(input) {
    const { source, flags, contacts } = isRecord(input) ? input : {};
    if (isSource(source) && isArrayOf(flags, isFlag) && isArrayOf(contacts, isContact))
      return { success: true, data: { source, flags, contacts } };
    const issues = [
      ...(isSource(source) ? [] : [{ path: ['source'], code: 'invalid_value' }]),
      ...(isArrayOf(flags, isFlag) ? [] : [{ path: ['flags'], code: 'invalid_value' }]),
      ...(isArrayOf(contacts, isContact) ? [] : [{ path: ['contacts'], code: 'invalid_type' }]),
    ];
    return { success: false, error: { issues } };
  },
};

/** The notices this agency holds, newest first. */
export async function listProtectionNotices(db: Db, limit = 100): Promise<ProtectionNoticeView[]> {
  const rows = await db.protectionNotice.findMany({ orderBy: { at: 'desc' }, take: Math.min(Math.max(limit, 1), 500) });
  return rows.map((r) => ({
    id: r.id,
    ...parseStored(storedParts, r, { table: 'protection_notices', row: r.id }),
    sourceId: r.sourceId,
    originAgency: r.originAgency,
    country: r.country,
    at: r.at.toISOString(),
  }));
}

/** Notices per month, need and country; a need listed twice on one notice is still one notice of that need. */
export async function noticeFigures(db: Db, start: Date | null, end: Date | null): Promise<RawStatistics['protectionNotices']> {
  return db.$queryRaw<RawStatistics['protectionNotices']>`
    SELECT to_char(at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, flag, country, count(*)::int AS count
    FROM (SELECT DISTINCT id, at, country, unnest(flags) AS flag FROM protection_notices
          WHERE ${within(Prisma.sql`at`, start, end)}) AS n
    GROUP BY 1, 2, 3`;
}

/** Notices raised here after `since` (an officer's activity counts). */
export async function countNoticesSince(db: Db, since: Date): Promise<number> {
  return db.protectionNotice.count({ where: { at: { gt: since } } });
}
