// This agency's directory entries.
import { readFileSync } from 'node:fs';
import { type DirectoryEntry, type DirectoryFilter, directoryEntries, matchesDirectoryFilter, parseOrThrow } from '@corridor/proto';
import type { Db } from './database.js';
import type { Prisma } from './generated/prisma/client.js';

export async function upsertEntries(db: Db, entries: DirectoryEntry[]): Promise<void> {
  await db.$transaction(
    entries.map((e) => {
      const data = {
        country: e.country,
        roles: e.roles,
        languages: e.languages,
        covers: e.covers,
        document: e as unknown as Prisma.InputJsonValue,
      };
      return db.directoryEntry.upsert({ where: { id: e.id }, create: { id: e.id, ...data }, update: { ...data, updatedAt: new Date() } });
    }),
  );
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

export async function searchDirectory(db: Db, filter: DirectoryFilter): Promise<DirectoryEntry[]> {
  const rows = await db.directoryEntry.findMany({
    where: {
      ...(filter.country ? { OR: [{ country: filter.country }, { covers: { has: filter.country } }] } : {}),
      ...(filter.role ? { roles: { has: filter.role } } : {}),
      ...(filter.language ? { languages: { has: filter.language } } : {}),
    },
  });
  return rows
    .map((r) => r.document as unknown as DirectoryEntry)
    .filter((e) => matchesDirectoryFilter(e, filter))
    .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
