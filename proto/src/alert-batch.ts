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

/** One line of an NDJSON file that holds something: its number in the file (from 1) and its JSON value. */
export interface NdjsonItem {
  line: number;
  input: unknown;
}

/** A line that is not JSON, by its number; its text is not repeated (it may hold identifiers). */
export interface NdjsonProblem {
  line: number;
  message: string;
}

/**
 * Reads NDJSON text from line `fromLine` on (1 = the whole file). Blank lines are skipped; a line
 * that is not a JSON object is a problem naming its line.
 */
export function readNdjson(text: string, fromLine = 1): { items: NdjsonItem[]; problems: NdjsonProblem[] } {
  const items: NdjsonItem[] = [];
  const problems: NdjsonProblem[] = [];
  const lines = text.split(/\r?\n/);
  for (let i = Math.max(fromLine, 1) - 1; i < lines.length; i++) {
    const raw = (lines[i] ?? '').trim();
    if (raw === '') continue;
    const line = i + 1;
    try {
      const input: unknown = JSON.parse(raw);
      if (input === null || typeof input !== 'object' || Array.isArray(input))
        problems.push({ line, message: 'must be a JSON object (one alert)' });
      else items.push({ line, input });
    } catch {
      problems.push({ line, message: 'is not valid JSON' });
    }
  }
  return { items, problems };
}

/** Items in batches of at most `size` (MAX_ALERTS_PER_BATCH by default), in file order. */
export function ndjsonBatches(items: readonly NdjsonItem[], size = MAX_ALERTS_PER_BATCH): NdjsonItem[][] {
  const n = Math.min(Math.max(1, size), MAX_ALERTS_PER_BATCH);
  const out: NdjsonItem[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

/** A batch's refusal said by line: each field error of item `i` names the line that item came from. */
export function linesOfRefusal(
  batch: readonly NdjsonItem[],
  errors: readonly FieldError[],
): { line?: number; path: string; message: string }[] {
  return errors.map((e) => {
    const index = batchItemOf(e.path);
    const line = index === undefined ? undefined : batch[index]?.line;
    const path = index === undefined ? e.path : e.path.replace(/^inputs\[\d+\]\.?/, '');
    return { ...(line === undefined ? {} : { line }), path, message: e.message };
  });
}
