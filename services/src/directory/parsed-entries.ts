// Stored entries as proto's schema reads them, kept by row version. Every search answers whole
// entries, and parsing each with zod on every read cost a node 0.3–0.9 ms per answer of 50 (CPU
// profiles, 2026-11-30) for documents that were validated when written and have not changed
// since. A row is parsed once per version (PostgreSQL's xmin, new at every UPDATE), so a row
// changed by any means, even by hand, is read and checked afresh, and one that no longer fits is
// still named as the defect it is (StoredRowError).
import { type DirectoryEntry, directoryEntry } from '@corridor/proto';
import { parseStored } from '../stored-json.js';

/** How many entries a node keeps parsed: the best pages of the searches asked most. */
const KEPT = 5_000;

/** A row as the search reads it: the document as text, parsed only when its version is new here. */
export interface VersionedRow {
  id: string;
  version: string;
  document: string;
}

export interface ParsedEntries {
  entry(row: VersionedRow): DirectoryEntry;
}

export function parsedEntries(kept = KEPT): ParsedEntries {
  // A Map iterates in insertion order: re-inserting on each hit keeps the least recently used first.
  const cache = new Map<string, { version: string; entry: DirectoryEntry }>();
  return {
    entry(row) {
      const hit = cache.get(row.id);
      if (hit) cache.delete(row.id);
      if (hit?.version === row.version) {
        cache.set(row.id, hit);
        return hit.entry;
      }
      // Frozen: every reader shares this object, and an answer that changed it would change the next.
      const entry = deepFreeze(parseStored(directoryEntry, JSON.parse(row.document), { table: 'directory_entries', row: row.id }));
      cache.set(row.id, { version: row.version, entry });
      if (cache.size > kept) cache.delete(cache.keys().next().value as string);
      return entry;
    },
  };
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
