// The directory seed file (CORRIDOR_SEED_DIRECTORY), applied at start. A node reads it as a stream
// and writes it in batches, so what it holds while seeding does not grow with the file (issue 14,
// item 7: read, validated and written whole, 100,000 entries set a node's peak at 1.7 GB); and a
// file already applied, recognised by its SHA-256, is not read again at the next start.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { type DirectoryEntry, directoryEntry, type FieldError, fieldErrorsOf, nulByteErrors, ValidationError } from '@corridor/proto';
import { JSONParser } from '@streamparser/json';
import type { Db } from '../database.js';
import { forgetQueryArguments } from '../query-argument-history.js';
import { seedBatch } from './directory-store.js';

/** Entries validated and written together: big enough for few round trips, small enough to hold. */
export const SEED_BATCH = 1000;

export interface SeedOutcome {
  /** Entries in the file (0 when it was skipped). */
  entries: number;
  /** Entries written now: the file's entries that were not here yet. */
  added: number;
  /** The file was applied before, unchanged, for this agency, so it was not read. */
  unchanged: boolean;
}

/** The SHA-256 of the agency and the file's bytes, read as a stream. */
async function digestOf(file: string, agency: string): Promise<string> {
  const hash = createHash('sha256').update(`${agency}\0`);
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The field errors of one element of the file, their paths starting at its index, as a whole-file parse named them. */
function errorsAt(index: number, raw: unknown): { entry?: DirectoryEntry; errors: FieldError[] } {
  const at = (errors: FieldError[]) => errors.map((e) => ({ ...e, path: e.path ? `${index}.${e.path}` : String(index) }));
  const nul = nulByteErrors(raw);
  if (nul.length > 0) return { errors: at(nul) };
  const parsed = directoryEntry.safeParse(raw);
  return parsed.success ? { entry: parsed.data, errors: [] } : { errors: at(fieldErrorsOf(parsed.error)) };
}

/**
 * Applies a seed file: its entries that are not here yet are written (a restart never undoes an
 * administrator's edits), in one transaction, so that a file with any invalid entry, or any entry
 * of another agency, changes nothing and is refused naming every bad field.
 */
export async function applySeedFile(db: Db, file: string, agency: { id: string; name?: string }): Promise<SeedOutcome> {
  const what = `directory seed ${file}`;
  let digest: string;
  try {
    digest = await digestOf(file, agency.id);
  } catch (e) {
    throw new Error(`${what}: cannot read it: ${(e as Error).message}`);
  }
  if (await db.directorySeed.findUnique({ where: { digest }, select: { digest: true } })) return { entries: 0, added: 0, unchanged: true };

  return db.$transaction(
    async (tx) => {
      const errors: FieldError[] = [];
      const foreign: string[] = [];
      let batch: DirectoryEntry[] = [];
      let count = 0;
      let added = 0;
      let notAnArray = false;
      let started = false;
      const parser = new JSONParser({ paths: ['$.*'], keepStack: false });
      parser.onValue = ({ value, key }) => {
        if (typeof key !== 'number') {
          notAnArray = true;
          return;
        }
        const { entry, errors: here } = errorsAt(key, value);
        count++;
        errors.push(...here);
        if (!entry) return;
        if (entry.agency !== agency.id) foreign.push(entry.id);
        else if (errors.length === 0 && foreign.length === 0) batch.push(entry);
      };
      const flush = async () => {
        const writing = batch;
        batch = [];
        if (writing.length === 0 || errors.length > 0 || foreign.length > 0) return;
        added += await seedBatch(tx, writing, agency.name);
        // Prisma's debug history keeps the last 100 queries' arguments: 100 batches of the seed.
        forgetQueryArguments();
      };
      try {
        for await (const chunk of createReadStream(file)) {
          if (!started) {
            const first = (chunk as Buffer).toString('utf8').trimStart()[0];
            if (first === undefined) continue;
            if (first !== '[') notAnArray = true;
            started = true;
          }
          if (notAnArray) break;
          parser.write(chunk as Buffer);
          if (batch.length >= SEED_BATCH) await flush();
        }
        if (!notAnArray && !parser.isEnded) parser.end();
      } catch (e) {
        throw new Error(`${what}: cannot read it as JSON: ${(e as Error).message}`);
      }
      if (!started || notAnArray) throw new ValidationError(what, [{ path: '', rule: 'invalid_type', message: 'must be an array' }]);
      if (errors.length > 0) throw new ValidationError(what, errors);
      if (foreign.length > 0) throw new Error(`${what}: entries ${foreign.join(', ')} belong to another agency`);
      await flush();
      await tx.directorySeed.create({ data: { digest, entries: count } });
      return { entries: count, added, unchanged: false };
    },
    { timeout: 600_000 },
  );
}
