// Publishing alerts in batches (an agency's case system, the console's NDJSON upload, the
// command-line tool): how many one call may carry, how a refused item is named, and how an NDJSON
// file becomes batches whose items keep their line numbers.
import type { FieldError } from './errors.js';

/** At most this many alerts per `publishAlerts` call: one transaction and one burst on the bus. */
export const MAX_ALERTS_PER_BATCH = 1000;

/** The argument a batch is passed as; refused items are named under it. */
const ARGUMENT = 'inputs';

/**
 * An item's field as the caller wrote it: `inputs[17].route.waypoints[0].country` for the field
 * error `route.waypoints.0.country` of item 17 (the form GraphQL itself names variables in).
 */
export function batchItemPath(index: number, path: string): string {
  const inside =
    path === ''
      ? ''
      : path
          .split('.')
          .map((s) => (/^\d+$/.test(s) ? `[${s}]` : `.${s}`))
          .join('');
  return `${ARGUMENT}[${index}]${inside}`;
}

/** The item a field path of a batch refusal is about, or undefined for the batch as a whole. */
export function batchItemOf(path: string): number | undefined {
  const m = /^inputs\[(\d+)\]/.exec(path);
  return m ? Number(m[1]) : undefined;
}

/** Field errors of the batch as a whole: empty, or more items than one call may carry. */
export function batchSizeErrors(count: number): FieldError[] {
  if (count === 0) return [{ path: ARGUMENT, rule: 'too_small', message: 'must have at least 1 item' }];
  if (count > MAX_ALERTS_PER_BATCH)
    return [
      { path: ARGUMENT, rule: 'too_big', message: `must have at most ${MAX_ALERTS_PER_BATCH} items (send ${count} in several calls)` },
    ];
  return [];
}

/** One line of an NDJSON file that holds something, by its number in the file (from 1). */
export type NdjsonEntry =
  | { line: number; input: unknown }
  /** A line that is not one JSON object; its text is not repeated (it may hold identifiers). */
  | { line: number; problem: string };

/** Reads NDJSON text from line `fromLine` on (1: the whole file), in file order; blank lines are skipped. */
export function readNdjson(text: string, fromLine = 1): NdjsonEntry[] {
  const out: NdjsonEntry[] = [];
  const lines = text.split('\n');
  for (let i = Math.max(fromLine, 1) - 1; i < lines.length; i++) {
    const raw = (lines[i] ?? '').trim();
    if (raw === '') continue;
    const line = i + 1;
    let input: unknown;
    try {
      input = JSON.parse(raw);
    } catch {
      out.push({ line, problem: 'is not valid JSON' });
      continue;
    }
    if (input === null || typeof input !== 'object' || Array.isArray(input))
      out.push({ line, problem: 'must be a JSON object (one alert)' });
    else out.push({ line, input });
  }
  return out;
}

/** Entries in batches of at most `size` (MAX_ALERTS_PER_BATCH at most), in file order. */
export function ndjsonBatches(entries: readonly NdjsonEntry[], size = MAX_ALERTS_PER_BATCH): NdjsonEntry[][] {
  const n = Math.min(Math.max(1, Math.floor(size)), MAX_ALERTS_PER_BATCH);
  const out: NdjsonEntry[][] = [];
  for (let i = 0; i < entries.length; i += n) out.push(entries.slice(i, i + n));
  return out;
}

/** Why a batch, or a line of it, was refused: the line when one is known, the field, in words. */
export interface LineRefusal {
  line?: number;
  /** The field inside the line's alert (`route.waypoints[0].country`), or '' for the line or batch. */
  path: string;
  message: string;
}

/** The lines of a batch that are not alerts at all: such a batch is not sent. */
export function unreadableLines(batch: readonly NdjsonEntry[]): LineRefusal[] {
  return batch.flatMap((e) => ('problem' in e ? [{ line: e.line, path: '', message: e.problem }] : []));
}

/** What a batch is sent as: the alerts of its lines, in order (item i is the batch's entry i). */
export function batchInputs(batch: readonly NdjsonEntry[]): unknown[] {
  return batch.map((e) => ('input' in e ? e.input : null));
}

/**
 * A GraphQL refusal of a batch, said by line: each field error of item i names the line it came
 * from; GraphQL's own refusal of a variable (`… at "inputs[3].summary"; …`) is read the same way.
 */
export function refusalLines(
  batch: readonly NdjsonEntry[],
  errors: readonly { message: string; extensions?: Record<string, unknown> }[],
): LineRefusal[] {
  const at = (path: string, message: string): LineRefusal => {
    const index = batchItemOf(path);
    const line = index === undefined ? undefined : batch[index]?.line;
    return { ...(line === undefined ? {} : { line }), path: path.replace(/^inputs(\[\d+\])?\.?/, ''), message };
  };
  return errors.flatMap((e) => {
    const fields = e.extensions?.fieldErrors;
    if (Array.isArray(fields)) return (fields as FieldError[]).map((f) => at(f.path, f.message));
    const variable = /at "(inputs\[\d+\][^"]*)"; (.*)$/s.exec(e.message);
    if (variable?.[1] && variable[2]) return [at(variable[1], variable[2])];
    return [{ path: '', message: e.message }];
  });
}

/** One batch sent: the ids in input order, or GraphQL's errors (read by line by `uploadNdjson`). */
export type BatchAnswer = { ids: string[] } | { errors: { message: string; extensions?: Record<string, unknown> }[] };

export interface UploadProgress {
  /** Lines published so far and how many there are from the first line on. */
  done: number;
  total: number;
  /** The batch just answered, by its first and last line. */
  lines: [number, number];
}

export interface UploadResult {
  published: { line: number; id: string }[];
  /** The first refused batch, if any: nothing of it was published, nor of any batch after it. */
  refused?: { lines: [number, number]; reasons: LineRefusal[] };
}

/**
 * Sends the NDJSON `text` from `fromLine` in batches through `send`, in order, stopping at the
 * first refused one. A batch holding a line that is not JSON is refused here, without being sent.
 */
export async function uploadNdjson(
  text: string,
  send: (inputs: unknown[]) => Promise<BatchAnswer>,
  opts: {
    fromLine?: number;
    batchSize?: number;
    onProgress?: (p: UploadProgress) => void;
    onPublished?: (p: { line: number; id: string }[]) => void;
  } = {},
): Promise<UploadResult> {
  const entries = readNdjson(text, opts.fromLine ?? 1);
  const batches = ndjsonBatches(entries, opts.batchSize ?? MAX_ALERTS_PER_BATCH);
  const published: UploadResult['published'] = [];
  let done = 0;
  for (const batch of batches) {
    const lines = spanOf(batch);
    const unreadable = unreadableLines(batch);
    if (unreadable.length > 0) return { published, refused: { lines, reasons: unreadable } };
    const answer = await send(batchInputs(batch)).catch(
      (e: unknown): BatchAnswer => ({
        // The request may have been stored before the connection failed: the operator checks first.
        errors: [
          {
            message: `the gateway could not be reached (${(e as Error).message}); check the agency's alerts for these lines before resuming`,
          },
        ],
      }),
    );
    if ('errors' in answer) return { published, refused: { lines, reasons: refusalLines(batch, answer.errors) } };
    const now = batch.map((e, i) => ({ line: e.line, id: answer.ids[i] ?? '' }));
    published.push(...now);
    opts.onPublished?.(now);
    done += batch.length;
    opts.onProgress?.({ done, total: entries.length, lines });
  }
  return { published };
}

function spanOf(batch: readonly NdjsonEntry[]): [number, number] {
  return [batch[0]?.line ?? 0, batch[batch.length - 1]?.line ?? 0];
}
