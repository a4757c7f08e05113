// Merging the nodes' answers into one list, in an order that does not depend on which node
// answered first.
import { type Alert, alertKey, compareAlertKeys, type DirectoryEntry } from '@corridor/proto';

/** Newest first, then by agency, then by id (DESIGN: merge ordered by time, agency, id). */
export function mergeAlerts(lists: Alert[][], limit: number): Alert[] {
  return lists
    .flat()
    .sort((a, b) => compareAlertKeys(alertKey(a), alertKey(b)))
    .slice(0, limit);
}

export function mergeDirectory(lists: DirectoryEntry[][]): DirectoryEntry[] {
  return lists.flat().sort((a, b) => a.country.localeCompare(b.country) || a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
}
