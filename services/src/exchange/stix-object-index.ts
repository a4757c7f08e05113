// Which alert a STIX object id belongs to, for TAXII's "get an object" (§5.5). The ids are UUIDv5
// of names (proto exchange/stix.ts): stable for good, and one-way, so the names are computed ahead
// from the exportable alerts' shapes (an id and a waypoint count, not their documents) and kept in
// memory, caught up from where the last lookup stopped. An entry can outlive its object (an
// amendment dropped the waypoint): the alert is read again, released to the caller, and the object
// looked for in what it makes now, so a stale entry answers 404, never an object no longer served. Its cost is
// paid only by a node whose TAXII clients ask for objects by id: for 100,000 route alerts (400,000
// ids) about 100 MB of heap, and the first lookup's catch-up hashes them all (20 s of one core on
// the shared 2-core machine at load average 25–37, measured 2026-12-01; not measured idle).
// Keeping the ids in the database instead would put that hashing on every publish.
import { alertLocationId, alertReportId } from '@corridor/proto';
import { type ExportCursor, exportableShapes } from '../alerts/alert-store.js';
import type { Db } from '../database.js';

const BATCH = 1000;

export interface StixObjectIndex {
  /** The alert whose export made (or once made) `objectId`; null when none of this node's did. */
  alertOf(objectId: string): Promise<string | null>;
}

export function stixObjectIndex(db: Db): StixObjectIndex {
  const alertByObject = new Map<string, string>();
  let after: ExportCursor | null = null;
  let catchingUp: Promise<void> | null = null;
  async function catchUp(): Promise<void> {
    for (;;) {
      const shapes = await exportableShapes(db, after, BATCH);
      for (const s of shapes) {
        alertByObject.set(alertReportId(s.id), s.id);
        for (let i = 0; i < s.waypoints; i++) alertByObject.set(alertLocationId(s.id, i), s.id);
        after = { added: s.added, id: s.id };
      }
      if (shapes.length < BATCH) return;
    }
  }
  return {
    async alertOf(objectId) {
      const known = alertByObject.get(objectId);
      if (known) return known;
      // One catch-up at a time: lookups arriving meanwhile wait for it rather than read the same rows.
      catchingUp ??= catchUp().finally(() => {
        catchingUp = null;
      });
      await catchingUp;
      return alertByObject.get(objectId) ?? null;
    },
  };
}
