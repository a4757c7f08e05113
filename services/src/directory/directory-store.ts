// This agency's directory entries: the source of truth for its own contacts. Every write keeps
// the searchable columns in step with the entry document and records who changed what
// (directory_changes); searches rank with proto's directory order.
import {
  CorridorError,
  DIRECTORY_SEARCH_LIMIT,
  type DirectoryEntry,
  type DirectoryEntryDraft,
  type DirectoryFilter,
  directoryEntry,
  directoryEntryDraft,
  directoryOrder,
  directorySearchText,
  isDirectoryE164,
  isTelephoneChannel,
  isUuid,
  newId,
  parseOrThrow,
  readDirectoryPhone,
  sameDirectoryContent,
  searchWords,
  ValidationError,
} from '@corridor/proto';
import { type Db, plainSql } from '../database.js';
import { Prisma } from '../generated/prisma/client.js';
import { parseStored } from '../stored-json.js';
import { type ParsedEntries, parsedEntries, type VersionedRow } from './parsed-entries.js';

/** Who made a change: the administrator's token subject and name, or the node itself. */
export interface DirectoryActor {
  subject: string;
  name?: string;
}

export type DirectoryChangeKind = 'seeded' | 'created' | 'edited' | 'verified' | 'retired' | 'imported' | 'designated';

export class DirectoryError extends CorridorError {
  constructor(
    readonly code: 'NOT_FOUND' | 'RETIRED' | 'CONFLICT',
    message: string,
    /** The argument the refusal is about, for the console to put it next to. */
    readonly field?: string,
  ) {
    super(message);
    this.name = 'DirectoryError';
  }
  override get details() {
    return this.field ? { field: this.field } : {};
  }
}

type Tx = Prisma.TransactionClient;

/** An entry as stored: parsed with proto's schema, a StoredRowError naming the row when it does not fit. */
function stored(row: { id: string; document: unknown }): DirectoryEntry {
  return parseStored(directoryEntry, row.document, { table: 'directory_entries', row: row.id });
}

/** The row of an entry: the document, and the columns kept from it for searching and ranking. */
function rowOf(e: DirectoryEntry, agencyName: string | undefined) {
  return {
    id: e.id,
    country: e.country,
    roles: e.roles,
    languages: e.languages,
    covers: e.covers,
    competences: e.competences,
    networks: e.networks,
    routes: e.routes,
    posted_in: e.postedIn ?? null,
    always: e.availability.always,
    last_verified: e.lastVerified,
    retired_at: e.retiredAt ?? null,
    search_text: directorySearchText(e, agencyName),
    time_zone: e.availability.timeZone,
    hours: e.availability.hours,
    absences: e.availability.absences,
    spoc: e.spoc === true,
    document: e,
  };
}

/**
 * Writes entries and records the change, in two statements whatever their number (Prisma's
 * createMany took 70–80 s for 10,000 entries with ten nodes seeding at once; this takes about
 * one). `replace: false` leaves entries already here untouched (seeding). Returns the ids written.
 */
async function writeMany(
  tx: Tx,
  entries: readonly DirectoryEntry[],
  change: DirectoryChangeKind,
  by: DirectoryActor,
  agencyName: string | undefined,
  replace = true,
): Promise<string[]> {
  if (entries.length === 0) return [];
  const rows = JSON.stringify(entries.map((e) => rowOf(e, agencyName)));
  const onConflict = replace
    ? Prisma.sql`ON CONFLICT (id) DO UPDATE SET country = EXCLUDED.country, roles = EXCLUDED.roles, languages = EXCLUDED.languages,
        covers = EXCLUDED.covers, competences = EXCLUDED.competences, networks = EXCLUDED.networks, routes = EXCLUDED.routes,
        posted_in = EXCLUDED.posted_in, always = EXCLUDED.always, last_verified = EXCLUDED.last_verified,
        retired_at = EXCLUDED.retired_at, search_text = EXCLUDED.search_text, time_zone = EXCLUDED.time_zone,
        hours = EXCLUDED.hours, absences = EXCLUDED.absences, spoc = EXCLUDED.spoc, document = EXCLUDED.document, updated_at = now()`
    : Prisma.sql`ON CONFLICT (id) DO NOTHING`;
  const written = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO directory_entries (id, country, roles, languages, covers, competences, networks, routes, posted_in, always,
      last_verified, retired_at, search_text, time_zone, hours, absences, spoc, document, updated_at)
    SELECT r.id, r.country, r.roles, r.languages, r.covers, r.competences, r.networks, r.routes, r.posted_in, r.always,
      r.last_verified, r.retired_at, r.search_text, r.time_zone, r.hours, r.absences, r.spoc, r.document, now()
    FROM jsonb_to_recordset(${rows}::jsonb) AS r(id uuid, country text, roles text[], languages text[], covers text[],
      competences text[], networks text[], routes text[], posted_in text, always boolean, last_verified date,
      retired_at timestamptz, search_text text, time_zone text, hours jsonb, absences jsonb, spoc boolean, document jsonb)
    ${onConflict}
    RETURNING id::text`;
  const ids = written.map((w) => w.id);
  await tx.$executeRaw`
    INSERT INTO directory_changes (entry_id, change, subject, name, document)
    SELECT id, ${change}, ${by.subject}, ${by.name ?? null}, document FROM directory_entries WHERE id = ANY(${ids}::uuid[])`;
  return ids;
}

async function write(tx: Tx, e: DirectoryEntry, change: DirectoryChangeKind, by: DirectoryActor, agencyName: string | undefined) {
  await writeMany(tx, [e], change, by, agencyName);
}

async function current(tx: Tx, id: string, field?: string): Promise<DirectoryEntry> {
  const row = isUuid(id) ? await tx.directoryEntry.findUnique({ where: { id }, select: { id: true, document: true } }) : null;
  if (!row) throw new DirectoryError('NOT_FOUND', `no directory entry ${id} at this agency`, field);
  return stored(row);
}

/** The entry without the single-point-of-contact mark. */
function unmarked(e: DirectoryEntry): DirectoryEntry {
  const { spoc: _, ...rest } = e;
  return rest;
}

const today = (now: Date) => now.toISOString().slice(0, 10);

/** The seed file's entries that are not here yet: a restart never undoes an administrator's edits. */
export async function seedEntries(db: Db, entries: DirectoryEntry[], agencyName?: string): Promise<number> {
  return db.$transaction((tx) => seedBatch(tx, entries, agencyName), { timeout: 120_000 });
}

/** Writes the entries of a seed that are not here yet, in a transaction the caller holds; how many were new. */
export async function seedBatch(tx: Tx, entries: readonly DirectoryEntry[], agencyName?: string): Promise<number> {
  return (await writeMany(tx, entries, 'seeded', { subject: 'seed' }, agencyName, false)).length;
}

/** Entries written before search_text existed (migration 0007) get it now. */
export async function backfillSearchText(db: Db, agencyName?: string): Promise<number> {
  const rows = await db.directoryEntry.findMany({ where: { searchText: '' }, select: { id: true, document: true } });
  for (const r of rows)
    await db.directoryEntry.update({
      where: { id: r.id },
      data: { searchText: directorySearchText(stored(r), agencyName) },
    });
  return rows.length;
}

/** A phone or fax number of an entry that could not be read as E.164: said by entry and channel, never by value. */
export interface UnreadPhone {
  entry: string;
  channel: number;
  problem: string;
}

/**
 * Brings phone and fax numbers written before the directory kept them in E.164 (or by a seed file)
 * into E.164, read in the entry's country (directory-phone.ts); run at every start after the
 * migrations, it finds only what is still to do. The entry's verification is left as it was (the
 * number is the same, written otherwise), and the change is recorded. A number that cannot be read
 * is left as written and returned, for the operator to hear of it at each start until an
 * administrator corrects it: never dropped, never guessed.
 */
export async function normalisePhones(db: Db, agencyName?: string): Promise<{ normalised: number; unread: UnreadPhone[] }> {
  // Only documents holding a telephone channel not already in E.164 are read.
  const rows = await db.$queryRaw<{ id: string; document: unknown }[]>`
    SELECT id::text, document FROM directory_entries
    WHERE document @? '$.channels[*] ? ((@.type == "phone" || @.type == "fax") && !(@.value like_regex "^[+][1-9][0-9]{5,14}$"))'`;
  const unread: UnreadPhone[] = [];
  const changed: DirectoryEntry[] = [];
  for (const row of rows) {
    const e = stored(row);
    let edited = false;
    const channels = e.channels.map((c, i) => {
      if (!isTelephoneChannel(c.type) || isDirectoryE164(c.value)) return c;
      const reading = readDirectoryPhone(c.value, e.country);
      if ('error' in reading) {
        unread.push({ entry: e.id, channel: i, problem: reading.error });
        return c;
      }
      edited = true;
      // An extension has no place in E.164: it moves into the channel's label, where a caller reads it.
      const label = reading.extension === undefined ? c.label : [c.label, `ext. ${reading.extension}`].filter(Boolean).join(', ');
      return { ...c, value: reading.e164, ...(label ? { label } : {}) };
    });
    if (edited) changed.push({ ...e, channels });
  }
  if (changed.length > 0) {
    await db.$transaction((tx) => writeMany(tx, changed, 'edited', { subject: 'phone-format', name: 'E.164 phone numbers' }, agencyName), {
      timeout: 120_000,
    });
  }
  return { normalised: changed.length, unread };
}

function conditions(filter: DirectoryFilter, now: Date, ids: readonly string[] | undefined): Prisma.Sql[] {
  const where: Prisma.Sql[] = [Prisma.sql`retired_at IS NULL`];
  if (ids) where.push(Prisma.sql`id = ANY(${[...ids]}::uuid[])`);
  if (filter.country)
    where.push(Prisma.sql`(country = ${filter.country} OR posted_in = ${filter.country} OR covers @> ARRAY[${filter.country}]::text[])`);
  if (filter.role) where.push(Prisma.sql`roles @> ARRAY[${filter.role}]::text[]`);
  if (filter.competence) where.push(Prisma.sql`competences @> ARRAY[${filter.competence}]::text[]`);
  if (filter.language) where.push(Prisma.sql`languages @> ARRAY[${filter.language}]::text[]`);
  if (filter.network) where.push(Prisma.sql`networks @> ARRAY[${filter.network}]::text[]`);
  if (filter.route) where.push(Prisma.sql`routes @> ARRAY[${filter.route}]::text[]`);
  if (filter.always) where.push(Prisma.sql`always`);
  if (filter.reachableNow) where.push(reachableAt(now));
  // Words are letters and digits only (searchWords), folded as search_text is: nothing in them for
  // LIKE to read as a wildcard. One LIKE per word, each of which the trigram index (migration 0013)
  // serves; `LIKE ALL (array)` is one it cannot.
  for (const w of searchWords(filter.text)) where.push(Prisma.sql`search_text LIKE ${`%${w}%`}`);
  return where;
}

/**
 * "Reachable now" in SQL, for ranking where the rows are: proto's `reachability` (directory-
 * ranking.ts) written over the time_zone, hours and absences columns. A spec holds the two to
 * the same answers over many entries and instants; proto's stays the one the console shows.
 */
export function reachableAt(now: Date): Prisma.Sql {
  const local = Prisma.sql`(${now.toISOString()}::timestamptz AT TIME ZONE time_zone)`;
  const weekday = Prisma.sql`lower(to_char(${local}, 'Dy'))`;
  const time = Prisma.sql`to_char(${local}, 'HH24:MI')`;
  const open = (block: Prisma.Sql) =>
    Prisma.sql`(${block}->'days' ? ${weekday} AND ${block}->>'from' <= ${time} AND ${time} < ${block}->>'to')`;
  // A subquery per row is most of the cost over many matches, and most entries list no absence
  // and one block of hours: the empty absences are compared whole, the first block is read in the
  // row, and only entries with more blocks get a subquery over them (the ranking's CPU in
  // PostgreSQL over 10,000 rows: 17.5 ms before, 12.0 after, 2026-11-30). NULL (no first block)
  // is false, so that no entry ranks as reachable by it.
  return Prisma.sql`((absences = '[]'::jsonb OR NOT EXISTS (SELECT 1 FROM jsonb_array_elements(absences) a
      WHERE ${local}::date BETWEEN (a->>'from')::date AND (a->>'to')::date))
    AND (always OR COALESCE(${open(Prisma.sql`(hours->0)`)}, false)
      OR (jsonb_array_length(hours) > 1 AND EXISTS (SELECT 1 FROM jsonb_array_elements(hours) h WHERE ${open(Prisma.sql`h`)}))))`;
}

/**
 * The ranking keys in SQL, best first: reachable now, then the agency's single point of contact, then how many of the caller's languages
 * (`speaks`) the entry speaks, each counted once (a sum of array containments, evaluated in the
 * row, where an INTERSECT of two unnested arrays cost a subplan per match; no term when the
 * caller named none), then verified most recently; ties by id.
 */
function ranking(now: Date, speaks: readonly string[]): Prisma.Sql {
  const distinct = [...new Set(speaks)];
  const spoken = distinct.map((l) => Prisma.sql`(languages @> ARRAY[${l}]::text[])::int`);
  return Prisma.join(
    [
      Prisma.sql`${reachableAt(now)} DESC`,
      // The single point of contact first among the reachable (proto directoryOrder).
      Prisma.sql`spoc DESC`,
      ...(spoken.length > 0 ? [Prisma.sql`${Prisma.join(spoken, ' + ')} DESC`] : []),
      Prisma.sql`last_verified DESC, id`,
    ],
    ', ',
  );
}

// One per database: the same entry ids may be seeded into the databases of several nodes in one process (specs).
const parsedByDb = new WeakMap<Db, ParsedEntries>();

/**
 * The live entries matching `filter`, best first (reachable now, speaking the caller's languages,
 * verified recently), at most `filter.limit`; and how many matched in all. PostgreSQL filters and
 * ranks over the narrow columns; only the best entries' documents are read (joined after the
 * limit, so counting every match never carries a document). Full ties are cut by id here and
 * put in proto's order (name, then id) for the answer, as the gateway does when it merges.
 * Plain SQL on the pg pool: every directory query of the network comes here, once per node.
 * Documents come as text with their row version, parsed and checked only when new (parsed-entries.ts).
 */
export async function searchDirectory(
  db: Db,
  filter: DirectoryFilter,
  now = new Date(),
  /** Only these entries (proto directoryScope: a liaison post's officers, `filter.ids`). */
  ids: readonly string[] | undefined = filter.ids,
): Promise<{ entries: DirectoryEntry[]; total: number }> {
  const speaks = filter.speaks ?? [];
  const query = Prisma.sql`
    SELECT e.id::text AS id, e.xmin::text AS version, e.document::text AS document, best.total FROM (
      SELECT id, count(*) OVER () AS total FROM directory_entries
      WHERE ${Prisma.join(conditions(filter, now, ids), ' AND ')}
      ORDER BY ${ranking(now, speaks)}
      LIMIT ${filter.limit ?? DIRECTORY_SEARCH_LIMIT}
    ) best JOIN directory_entries e ON e.id = best.id`;
  const { rows } = await plainSql(db).query<VersionedRow & { total: string }>(query.text, query.values);
  let parsed = parsedByDb.get(db);
  if (!parsed) {
    parsed = parsedEntries();
    parsedByDb.set(db, parsed);
  }
  const entries = rows.map((r) => (parsed as ParsedEntries).entry(r)).sort(directoryOrder(now, speaks));
  return { entries, total: Number(rows[0]?.total ?? 0) };
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
    // The designation is the administrator's separate act (designateSpoc): an edit keeps it.
    const e = { ...complete(d, id, agency.id, by, now), ...(before.spoc ? { spoc: true } : {}) };
    await write(tx, e, 'edited', by, agency.name);
    return e;
  });
}

/**
 * Designates entry `id` the agency's 24/7 single point of contact, in place of the one before
 * (whose entry is written unmarked, and both changes recorded). A live entry reachable at any hour
 * only. The database holds at most one (migration 0049): of two designations at once, one fails
 * with CONFLICT rather than leaving two.
 */
export async function designateSpoc(db: Db, id: string, by: DirectoryActor, agencyName?: string): Promise<DirectoryEntry> {
  try {
    return await db.$transaction(async (tx) => {
      const e = await current(tx, id, 'entryId');
      if (e.retiredAt) throw new DirectoryError('RETIRED', `directory entry ${id} was retired on ${e.retiredAt.slice(0, 10)}`, 'entryId');
      if (!e.availability.always)
        throw new ValidationError('single point of contact', [
          { path: 'entryId', rule: 'always', message: 'a single point of contact answers at any hour: mark the entry 24/7 first' },
        ]);
      if (e.spoc) return e;
      const before = await tx.directoryEntry.findMany({ where: { spoc: true }, select: { id: true, document: true } });
      if (before.length > 0) await writeMany(tx, before.map(stored).map(unmarked), 'designated', by, agencyName);
      const marked: DirectoryEntry = { ...e, spoc: true };
      await write(tx, marked, 'designated', by, agencyName);
      return marked;
    });
  } catch (e) {
    if (e instanceof Prisma.PrismaClientKnownRequestError || (e as { code?: string }).code === '23505')
      throw new DirectoryError('CONFLICT', 'another single point of contact was designated at the same moment: try again', 'entryId');
    throw e;
  }
}

/** This agency's single point of contact, if one is designated. */
export async function singlePointOfContact(db: Db | Tx): Promise<DirectoryEntry | null> {
  const row = await db.directoryEntry.findFirst({ where: { spoc: true, retiredAt: null }, select: { id: true, document: true } });
  return row ? stored(row) : null;
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
    // A retired entry is no one's point of contact any more.
    const e: DirectoryEntry = { ...unmarked(before), retiredAt: now.toISOString() };
    await write(tx, e, 'retired', by, agencyName);
    return e;
  });
}

/** An import row the node refuses: the id it carries is not one of this agency's entries. */
export interface ImportRefusal {
  row: number;
  field: 'id';
  message: string;
}

/** The entry's content as an administrator writes it, to tell a changed row from an unchanged one. */
function contentOf(e: DirectoryEntry): DirectoryEntryDraft {
  const { id: _id, agency: _agency, lastVerified: _lastVerified, verifiedBy: _verifiedBy, retiredAt: _retiredAt, ...draft } = e;
  return draft;
}

/**
 * Applies validated import rows in one transaction: a row with the id of an entry here edits it,
 * a row without an id creates one. A row equal to its entry is left alone, keeping the day it was
 * last verified and by whom (re-importing an export changes nothing); a retired entry stays
 * retired. A row carrying an id that is not an entry of this agency (another agency's, or made
 * up) is refused: ids are the node's to give, and one entry must not pass for another. Either
 * every row is applied or none.
 */
export async function importEntries(
  db: Db,
  agency: { id: string; name?: string },
  rows: readonly { row: number; id?: string | undefined; draft: DirectoryEntryDraft }[],
  by: DirectoryActor,
  now = new Date(),
): Promise<{ created: number; updated: number; unchanged: number } | { refused: ImportRefusal[] }> {
  return db.$transaction(
    async (tx) => {
      const ids = rows.map((r) => r.id).filter((id): id is string => id !== undefined && isUuid(id));
      const found = await tx.directoryEntry.findMany({ where: { id: { in: ids } }, select: { id: true, document: true, spoc: true } });
      const existing = new Map(found.map((r) => [r.id, stored(r)]));
      // An import edits entries; the designation of the single point of contact stays where it was.
      const spoc = new Set(found.filter((r) => r.spoc).map((r) => r.id));
      const refused = rows
        .filter((r) => r.id !== undefined && !existing.has(r.id))
        .map((r) => ({
          row: r.row,
          field: 'id' as const,
          message: `${r.id} is not an entry of ${agency.id}: an import changes only the agency’s own entries; leave the id empty to add a new one`,
        }));
      if (refused.length > 0) return { refused };
      const entries: DirectoryEntry[] = [];
      let unchanged = 0;
      for (const r of rows) {
        const before = r.id === undefined ? undefined : existing.get(r.id);
        if (before && sameDirectoryContent(contentOf(before), r.draft)) {
          unchanged++;
          continue;
        }
        const e = complete(r.draft, r.id ?? newId(), agency.id, by, now);
        const kept = spoc.has(e.id) ? { ...e, spoc: true } : e;
        entries.push(before?.retiredAt ? { ...kept, retiredAt: before.retiredAt } : kept);
      }
      await writeMany(tx, entries, 'imported', by, agency.name);
      const updated = entries.filter((e) => existing.has(e.id)).length;
      return { created: entries.length - updated, updated, unchanged };
    },
    { timeout: 120_000 },
  );
}

/** Entries of this agency, live ones first by name; retired ones only when asked for. */
export async function ownEntries(db: Db, opts: { includeRetired?: boolean } = {}): Promise<DirectoryEntry[]> {
  const rows = await db.directoryEntry.findMany({
    where: opts.includeRetired ? {} : { retiredAt: null },
    select: { id: true, document: true },
  });
  return rows
    .map(stored)
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
    select: { id: true, document: true },
  });
  return rows.map(stored);
}

/**
 * The live entries with the protection role that serve `country` (based there, posted there, or
 * covering it), 24/7 ones first: whom a protection notice is brought to.
 */
export async function protectionContacts(db: Db | Tx, country: string): Promise<{ id: string; name: string }[]> {
  return db.$queryRaw<{ id: string; name: string }[]>`
    SELECT id::text, document->>'name' AS name FROM directory_entries
    WHERE retired_at IS NULL AND roles @> ARRAY['protection']::text[]
      AND (country = ${country} OR posted_in = ${country} OR covers @> ARRAY[${country}]::text[])
    ORDER BY always DESC, name`;
}

/** The history of one entry, oldest change first. */
export async function entryHistory(db: Db, id: string) {
  if (!isUuid(id)) return [];
  return db.directoryChange.findMany({ where: { entryId: id }, orderBy: { seq: 'asc' } });
}
