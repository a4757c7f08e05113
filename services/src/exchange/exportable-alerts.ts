// The SQL of what may leave this node as STIX or MISP: its own alerts at TLP:CLEAR or GREEN (TLP
// 2.0: the only levels a community's tools may hold), in the order they were added, each with
// when its current revision was stored (TAXII's date_added). Partners' alerts held here are
// theirs to export. The release policy is applied on top (exported-alerts.ts).
import { type Alert, alert as alertSchema, EXPORTABLE_TLP, isUuid } from '@corridor/proto';
import type { Db } from '../database.js';
import { parseStored } from '../stored-json.js';

/** Where a walk of the collection stands: after this (date added, alert id). */
export interface ExportCursor {
  added: Date;
  id: string;
}

export interface StoredExport {
  alert: Alert;
  added: Date;
}

/** Past every alert id: `added_after` alone means "after everything added at that moment". */
const LAST_ID = 'ffffffff-ffff-ffff-ffff-ffffffffffff';

export function afterMoment(added: Date): ExportCursor {
  return { added, id: LAST_ID };
}

export async function exportableAlerts(db: Db, after: ExportCursor | null, limit: number): Promise<StoredExport[]> {
  const at = after?.added ?? new Date(0);
  const id = after?.id ?? '00000000-0000-0000-0000-000000000000';
  const rows = await db.$queryRaw<{ id: string; document: unknown; added: Date }[]>`
    SELECT a.id::text AS id, a.document, r.recorded_at AS added
    FROM alerts a JOIN alert_revisions r ON r.alert_id = a.id AND r.revision = a.revision
    WHERE a.own AND a.tlp = ANY (${[...EXPORTABLE_TLP]}::text[])
      AND (r.recorded_at > ${at} OR (r.recorded_at = ${at} AND a.id > ${id}::uuid))
    ORDER BY r.recorded_at, a.id
    LIMIT ${limit}`;
  return rows.map((r) => ({ alert: parseStored(alertSchema, r.document, { table: 'alerts', row: r.id }), added: r.added }));
}

/** One exportable own alert by id, with when its current revision was stored; null when none. */
export async function exportableAlert(db: Db, id: string): Promise<StoredExport | null> {
  if (!isUuid(id)) return null;
  const rows = await db.$queryRaw<{ id: string; document: unknown; added: Date }[]>`
    SELECT a.id::text AS id, a.document, r.recorded_at AS added
    FROM alerts a JOIN alert_revisions r ON r.alert_id = a.id AND r.revision = a.revision
    WHERE a.own AND a.tlp = ANY (${[...EXPORTABLE_TLP]}::text[]) AND a.id = ${id}::uuid`;
  const r = rows[0];
  return r ? { alert: parseStored(alertSchema, r.document, { table: 'alerts', row: r.id }), added: r.added } : null;
}
