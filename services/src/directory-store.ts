// This agency's directory entries: the source of truth for its own contacts. Every write keeps
// the searchable columns in step with the entry document and records who changed what
// (directory_changes); searches rank with proto's directory order.
import { readFileSync } from 'node:fs';
import {
  DIRECTORY_SEARCH_LIMIT,
  type DirectoryEntry,
  type DirectoryEntryDraft,
  type DirectoryFilter,
  directoryEntries,
  directoryEntry,
  directoryEntryDraft,
  directoryOrder,
  directorySearchText,
  isUuid,
  newId,
  parseOrThrow,
  searchWords,
} from '@corridor/proto';
import type { Db } from './database.js';
import { Prisma } from './generated/prisma/client.js';

/** Who made a change: the administrator's token subject and name, or the node itself. */
export interface DirectoryActor {
  subject: string;
  name?: string;
}

export type DirectoryChangeKind = 'seeded' | 'created' | 'edited' | 'verified' | 'retired' | 'imported';

export class DirectoryError extends Error {
  constructor(
    readonly code: 'NOT_FOUND' | 'RETIRED',
    message: string,
  ) {
    super(message);
    this.name = 'DirectoryError';
  }
}

type Tx = Prisma.TransactionClient;

function columnsOf(e: DirectoryEntry, agencyName: string | undefined) {
  return {
    country: e.country,
    roles: e.roles,
    languages: e.languages,
    covers: e.covers,
    competences: e.competences,
    networks: e.networks,
    routes: e.routes,
    postedIn: e.postedIn ?? null,
    always: e.availability.always,
    lastVerified: new Date(`${e.lastVerified}T00:00:00Z`),
    retiredAt: e.retiredAt ? new Date(e.retiredAt) : null,
    searchText: directorySearchText(e, agencyName),
    document: e as unknown as Prisma.InputJsonValue,
  };
}

async function write(tx: Tx, e: DirectoryEntry, change: DirectoryChangeKind, by: DirectoryActor, agencyName: string | undefined) {
  const data = columnsOf(e, agencyName);
  await tx.directoryEntry.upsert({ where: { id: e.id }, create: { id: e.id, ...data }, update: { ...data, updatedAt: new Date() } });
  await tx.directoryChange.create({
    data: { entryId: e.id, change, subject: by.subject, name: by.name ?? null, document: e as unknown as Prisma.InputJsonValue },
  });
}

async function current(tx: Tx, id: string): Promise<DirectoryEntry> {
  const row = isUuid(id) ? await tx.directoryEntry.findUnique({ where: { id }, select: { document: true } }) : null;
  if (!row) throw new DirectoryError('NOT_FOUND', `no directory entry ${id} at this agency`);
  return row.document as unknown as DirectoryEntry;
}

const today = (now: Date) => now.toISOString().slice(0, 10);

/**
 * The seed file's entries that are not here yet, in two statements whatever their number: a
 * restart never undoes an administrator's edits, and ten nodes seeding at once stay quick.
 */
export async function seedEntries(db: Db, entries: DirectoryEntry[], agencyName?: string): Promise<number> {
  return db.$transaction(
    async (tx) => {
      const existing = new Set(
        (await tx.directoryEntry.findMany({ where: { id: { in: entries.map((e) => e.id) } }, select: { id: true } })).map((r) => r.id),
      );
      const fresh = entries.filter((e) => !existing.has(e.id));
      await tx.directoryEntry.createMany({ data: fresh.map((e) => ({ id: e.id, ...columnsOf(e, agencyName) })) });
      await tx.directoryChange.createMany({
        data: fresh.map((e) => ({ entryId: e.id, change: 'seeded', subject: 'seed', document: e as unknown as Prisma.InputJsonValue })),
      });
      return fresh.length;
    },
    { timeout: 120_000 },
  );
}

/** Entries written before search_text existed (migration 0007) get it now. */
export async function backfillSearchText(db: Db, agencyName?: string): Promise<number> {
  const rows = await db.directoryEntry.findMany({ where: { searchText: '' }, select: { id: true, document: true } });
  for (const r of rows)
    await db.directoryEntry.update({
      where: { id: r.id },
      data: { searchText: directorySearchText(r.document as unknown as DirectoryEntry, agencyName) },
    });
  return rows.length;
}

/** Reads and validates a seed file; refuses it whole, naming every bad field, if any entry is invalid. */
export function readSeedFile(file: string, agency: string): DirectoryEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`directory seed ${file}: cannot read it as JSON: ${(e as Error).message}`);
  }
  const entries = parseOrThrow(directoryEntries, raw, `directory seed ${file}`);
  const foreign = entries.filter((e) => e.agency !== agency);
  if (foreign.length > 0)
    throw new Error(`directory seed ${file}: entries ${foreign.map((e) => e.id).join(', ')} belong to another agency`);
  return entries;
}

function conditions(filter: DirectoryFilter): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`retired_at IS NULL`];
  if (filter.country)
    where.push(Prisma.sql`(country = ${filter.country} OR posted_in = ${filter.country} OR covers @> ARRAY[${filter.country}]::text[])`);
  if (filter.role) where.push(Prisma.sql`roles @> ARRAY[${filter.role}]::text[]`);
  if (filter.competence) where.push(Prisma.sql`competences @> ARRAY[${filter.competence}]::text[]`);
  if (filter.language) where.push(Prisma.sql`languages @> ARRAY[${filter.language}]::text[]`);
  if (filter.network) where.push(Prisma.sql`networks @> ARRAY[${filter.network}]::text[]`);
  if (filter.route) where.push(Prisma.sql`routes @> ARRAY[${filter.route}]::text[]`);
  if (filter.always) where.push(Prisma.sql`always`);
  const words = searchWords(filter.text);
  // search_text is folded by the same function as the words; LIKE's own wildcards are escaped.
  if (words.length > 0) where.push(Prisma.sql`search_text LIKE ALL (${words.map((w) => `%${w.replace(/[\\%_]/g, '\\$&')}%`)}::text[])`);
  return where;
}

/**
 * The live entries matching `filter`, best first (reachable now, speaking the caller's languages,
 * verified recently), at most `filter.limit`; and how many matched in all. Only what ranking
 * needs is read for every match; whole entries only for those returned.
 */
export async function searchDirectory(
  db: Db,
  filter: DirectoryFilter,
  now = new Date(),
): Promise<{ entries: DirectoryEntry[]; total: number }> {
  const candidates = await db.$queryRaw<
    {
      id: string;
      name: string;
      languages: DirectoryEntry['languages'];
      last_verified: string;
      availability: DirectoryEntry['availability'];
    }[]
  >`SELECT id::text, document->>'name' AS name, languages, to_char(last_verified, 'YYYY-MM-DD') AS last_verified,
            document->'availability' AS availability
     FROM directory_entries WHERE ${Prisma.join(conditions(filter), ' AND ')}`;
  const ranked = candidates
    .map((c) => ({ id: c.id, name: c.name, languages: c.languages, lastVerified: c.last_verified, availability: c.availability }))
    .sort(directoryOrder(now, filter.speaks));
  const top = ranked.slice(0, filter.limit ?? DIRECTORY_SEARCH_LIMIT).map((c) => c.id);
  const rows = await db.directoryEntry.findMany({ where: { id: { in: top } }, select: { id: true, document: true } });
  const byId = new Map(rows.map((r) => [r.id, r.document as unknown as DirectoryEntry]));
  return { entries: top.map((id) => byId.get(id)).filter((e): e is DirectoryEntry => e !== undefined), total: candidates.length };
}

/** A new entry of this agency, confirmed today by its author. */
export async function createEntry(
  db: Db,
  agency: { id: string; name?: string },
  draft: unknown,
  by: DirectoryActor,
  now = new Date(),
): Promise<DirectoryEntry> {
  const d = parseOrThrow(directoryEntryDraft, draft, 'directory entry');
  const e = complete(d, newId(), agency.id, by, now);
  await db.$transaction((tx) => write(tx, e, 'created', by, agency.name));
  return e;
}

function complete(d: DirectoryEntryDraft, id: string, agency: string, by: DirectoryActor, now: Date): DirectoryEntry {
  return parseOrThrow(
    directoryEntry,
    { ...d, id, agency, lastVerified: today(now), ...(by.name ? { verifiedBy: by.name } : {}) },
    'directory entry',
  );
}

/** Replaces an entry's content; writing it is confirming it. A retired entry stays retired. */
export async function updateEntry(
  db: Db,
  agency: { id: string; name?: string },
  id: string,
  draft: unknown,
  by: DirectoryActor,
  now = new Date(),
): Promise<DirectoryEntry> {
  const d = parseOrThrow(directoryEntryDraft, draft, 'directory entry');
  return db.$transaction(async (tx) => {
    const before = await current(tx, id);
    if (before.retiredAt) throw new DirectoryError('RETIRED', `directory entry ${id} was retired on ${before.retiredAt.slice(0, 10)}`);
    const e = complete(d, id, agency.id, by, now);
    await write(tx, e, 'edited', by, agency.name);
    return e;
  });
}

/** Records that an administrator confirmed the entry as it stands, today. */
export async function verifyEntry(db: Db, id: string, by: DirectoryActor, agencyName?: string, now = new Date()): Promise<DirectoryEntry> {
  return db.$transaction(async (tx) => {
    const before = await current(tx, id);
    if (before.retiredAt) throw new DirectoryError('RETIRED', `directory entry ${id} was retired on ${before.retiredAt.slice(0, 10)}`);
    const { verifiedBy: _, ...rest } = before;
    const e: DirectoryEntry = { ...rest, lastVerified: today(now), ...(by.name ? { verifiedBy: by.name } : {}) };
    await write(tx, e, 'verified', by, agencyName);
    return e;
  });
}

/** Takes the entry out of every search; it stays here, with its history. Retiring twice changes nothing. */
export async function retireEntry(db: Db, id: string, by: DirectoryActor, agencyName?: string, now = new Date()): Promise<DirectoryEntry> {
  return db.$transaction(async (tx) => {
    const before = await current(tx, id);
    if (before.retiredAt) return before;
    const e: DirectoryEntry = { ...before, retiredAt: now.toISOString() };
    await write(tx, e, 'retired', by, agencyName);
    return e;
  });
}

/**
 * Applies validated import rows in one transaction: a row with the id of an entry here edits it,
 * any other creates one. Either every row is applied or none.
 */
export async function importEntries(
  db: Db,
  agency: { id: string; name?: string },
  rows: readonly { id?: string | undefined; draft: DirectoryEntryDraft }[],
  by: DirectoryActor,
  now = new Date(),
): Promise<{ created: number; updated: number }> {
  return db.$transaction(
    async (tx) => {
      const ids = rows.map((r) => r.id).filter((id): id is string => id !== undefined && isUuid(id));
      const existing = new Set((await tx.directoryEntry.findMany({ where: { id: { in: ids } }, select: { id: true } })).map((r) => r.id));
      let created = 0;
      let updated = 0;
      for (const r of rows) {
        const known = r.id !== undefined && existing.has(r.id);
        const e = complete(r.draft, known ? (r.id as string) : (r.id ?? newId()), agency.id, by, now);
        await write(tx, e, 'imported', by, agency.name);
        if (known) updated++;
        else created++;
      }
      return { created, updated };
    },
    { timeout: 120_000 },
  );
}

/** Entries of this agency, live ones first by name; retired ones only when asked for. */
export async function ownEntries(db: Db, opts: { includeRetired?: boolean } = {}): Promise<DirectoryEntry[]> {
  const rows = await db.directoryEntry.findMany({
    where: opts.includeRetired ? {} : { retiredAt: null },
    select: { document: true },
  });
  return rows
    .map((r) => r.document as unknown as DirectoryEntry)
    .sort(
      (a, b) => Number(Boolean(a.retiredAt)) - Number(Boolean(b.retiredAt)) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id),
    );
}

/**
 * What an administrator should re-verify: live entries already stale, or becoming stale within
 * `warnDays`, the longest unconfirmed first.
 */
export async function entriesToVerify(db: Db, staleAfterDays: number, now = new Date(), warnDays = 30): Promise<DirectoryEntry[]> {
  const due = new Date(now.getTime() - Math.max(0, staleAfterDays - warnDays) * 86_400_000);
  const rows = await db.directoryEntry.findMany({
    where: { retiredAt: null, lastVerified: { lt: new Date(`${today(due)}T00:00:00Z`) } },
    orderBy: [{ lastVerified: 'asc' }, { id: 'asc' }],
    select: { document: true },
  });
  return rows.map((r) => r.document as unknown as DirectoryEntry);
}

/** The history of one entry, oldest change first. */
export async function entryHistory(db: Db, id: string) {
  if (!isUuid(id)) return [];
  return db.directoryChange.findMany({ where: { entryId: id }, orderBy: { seq: 'asc' } });
}
