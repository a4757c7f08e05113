// JSONB between the node and its database. What goes in was validated by proto's schemas, but the
// column's type says nothing of it: what comes out is parsed with the same schema, so a row that
// no longer fits (an edit by hand, a migration gone wrong, a schema narrowed since) is named as the
// defect it is, at the row, instead of travelling on as a value of the wrong shape.
import { CorridorError } from '@corridor/proto';
import type { Prisma } from './generated/prisma/client.js';

/** What a schema says of a value: proto's zod schemas answer this way. */
export interface StoredSchema<T> {
  safeParse(
    input: unknown,
  ): { success: true; data: T } | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; code: string }[] } };
}

/** Where a stored document was read: its table and its row's key. */
export interface StoredAt {
  table: string;
  row: string;
}

/** A stored document the contract no longer accepts: the operator's to repair, never the caller's. */
export class StoredRowError extends CorridorError {
  readonly code = 'STORED_ROW_INVALID' as const;
  override readonly toCaller = false;
  constructor(
    readonly table: string,
    readonly row: string,
    readonly fields: readonly { path: string; rule: string }[],
  ) {
    // Paths and rules only: the value itself may be what must not reach a log.
    super(`${table} row ${row} does not hold a valid document: ${fields.map((f) => `${f.path || '(document)'}: ${f.rule}`).join('; ')}`);
    this.name = 'StoredRowError';
  }
}

/** The stored document as the contract reads it; a StoredRowError naming the table and row when it does not parse. */
export function parseStored<T>(schema: StoredSchema<T>, value: unknown, at: StoredAt): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new StoredRowError(
    at.table,
    at.row,
    result.error.issues.map((i) => ({ path: i.path.map(String).join('.'), rule: i.code })),
  );
}

/**
 * A value as Prisma writes it to a JSONB column, proved JSON on the way: fields left undefined are
 * dropped (as JSON.stringify drops them), and anything JSON cannot hold (a function, a Date, NaN,
 * a class instance) is refused rather than written as something else.
 */
export function toJsonb(value: unknown, what: string): Prisma.InputJsonValue {
  const json = jsonOf(value, what);
  if (json === null) throw new TypeError(`${what}: null is not a document`);
  return json;
}

function jsonOf(value: unknown, path: string): Prisma.InputJsonValue | null {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return value;
  } else if (Array.isArray(value)) {
    return value.map((v, i) => jsonOf(v, `${path}.${i}`));
  } else if (typeof value === 'object' && (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)) {
    const out: Record<string, Prisma.InputJsonValue | null> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = jsonOf(v, `${path}.${k}`);
    return out;
  }
  throw new TypeError(`${path} is not JSON`);
}
