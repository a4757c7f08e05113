import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DirectoryEntry, directoryEntry, newId } from '@corridor/proto';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { applySeedFile, SEED_BATCH } from './seed-file.js';

const scratch = useMigratedScratchDatabase();
const dir = mkdtempSync(join(tmpdir(), 'corridor-seed-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ITALY = { id: 'it-polfr', name: 'Polizia di Stato' };

function contact(over: Partial<DirectoryEntry> = {}): DirectoryEntry {
  return directoryEntry.parse({
    id: newId(),
    agency: 'it-polfr',
    country: 'ITA',
    kind: 'person',
    name: 'Contact',
    roles: ['border_control'],
    languages: ['it'],
    availability: { always: false, timeZone: 'UTC', hours: [] },
    channels: [{ type: 'email', value: 'c@it-polfr.example.org' }],
    lastVerified: '2026-10-01',
    ...over,
  });
}

let n = 0;
function file(content: unknown): string {
  const path = join(dir, `seed-${n++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

async function stored(): Promise<{ entries: number; changes: number; seeds: number }> {
  const [row] = await scratch.database.db.$queryRaw<{ entries: number; changes: number; seeds: number }[]>`
    SELECT (SELECT count(*)::int FROM directory_entries) AS entries, (SELECT count(*)::int FROM directory_changes) AS changes,
      (SELECT count(*)::int FROM directory_seeds) AS seeds`;
  return row as { entries: number; changes: number; seeds: number };
}

describe('applying a seed file', () => {
  beforeEach(async () => {
    const db = scratch.database.db;
    await db.$executeRaw`DELETE FROM directory_changes`;
    await db.$executeRaw`DELETE FROM directory_entries`;
    await db.$executeRaw`DELETE FROM directory_seeds`;
  });

  it('writes a file of several batches whole, and skips it unread at the next start while it is unchanged', async () => {
    const entries = Array.from({ length: SEED_BATCH * 2 + 7 }, (_, i) => contact({ name: `Contact ${i}` }));
    const path = file(entries);
    expect(await applySeedFile(scratch.database.db, path, ITALY)).toEqual({
      entries: entries.length,
      added: entries.length,
      unchanged: false,
    });
    expect(await stored()).toEqual({ entries: entries.length, changes: entries.length, seeds: 1 });

    expect(await applySeedFile(scratch.database.db, path, ITALY)).toEqual({ entries: 0, added: 0, unchanged: true });
    expect(await stored()).toEqual({ entries: entries.length, changes: entries.length, seeds: 1 });
  });

  it('reads a changed file again and writes only the entries not here yet, leaving the others as they are', async () => {
    const first = [contact({ name: 'Anna Verdi' })];
    await applySeedFile(scratch.database.db, file(first), ITALY);
    const renamed = { ...(first[0] as DirectoryEntry), name: 'Anna Rossi' };
    const added = contact({ name: 'Bruno Neri' });
    expect(await applySeedFile(scratch.database.db, file([renamed, added]), ITALY)).toEqual({ entries: 2, added: 1, unchanged: false });
    const names = await scratch.database.db.$queryRaw<
      { name: string }[]
    >`SELECT document->>'name' AS name FROM directory_entries ORDER BY 1`;
    expect(names.map((r) => r.name)).toEqual(['Anna Verdi', 'Bruno Neri']);
  });

  it('refuses a file with an invalid entry past the first batch, naming each bad field by its index, and writes nothing', async () => {
    const entries: unknown[] = Array.from({ length: SEED_BATCH + 10 }, () => contact());
    entries[3] = { ...(entries[3] as DirectoryEntry), country: 'Italy' };
    entries[SEED_BATCH + 5] = { ...(entries[SEED_BATCH + 5] as DirectoryEntry), name: 'a\u0000b' };
    const path = file(entries);
    await expect(applySeedFile(scratch.database.db, path, ITALY)).rejects.toThrow(
      new RegExp(`is not valid: 3\\.country: .*; ${SEED_BATCH + 5}\\.name: must not contain a NUL character`),
    );
    expect(await stored()).toEqual({ entries: 0, changes: 0, seeds: 0 });
  });

  it('refuses entries of another agency, naming them, and writes nothing', async () => {
    const foreign = contact({ agency: 'ne-ppn', country: 'NER' });
    await expect(applySeedFile(scratch.database.db, file([contact(), foreign]), ITALY)).rejects.toThrow(
      `entries ${foreign.id} belong to another agency`,
    );
    expect(await stored()).toEqual({ entries: 0, changes: 0, seeds: 0 });
  });

  it('refuses what is not a JSON array of entries, saying why', async () => {
    const db = scratch.database.db;
    await expect(applySeedFile(db, file('[{"id": '), ITALY)).rejects.toThrow(/cannot read it as JSON/);
    await expect(applySeedFile(db, file({ entries: [contact()] }), ITALY)).rejects.toThrow(/is not valid: must be an array/);
    await expect(applySeedFile(db, file(''), ITALY)).rejects.toThrow(/is not valid: must be an array/);
    await expect(applySeedFile(db, join(dir, 'missing.json'), ITALY)).rejects.toThrow(/cannot read it: ENOENT/);
    expect(await stored()).toEqual({ entries: 0, changes: 0, seeds: 0 });
  });
});
