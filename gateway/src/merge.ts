// Merging the nodes' answers into one list, in an order that does not depend on which node
// answered first.
import { type Alert, alertKey, compareAlertKeys, type DirectoryEntry, directoryOrder, type LanguageCode } from '@corridor/proto';

/** Newest first, then by agency, then by id (DESIGN: merge ordered by time, agency, id). */
export function mergeAlerts(lists: Alert[][], limit: number): Alert[] {
  return lists
    .flat()
    .sort((a, b) => compareAlertKeys(alertKey(a), alertKey(b)))
    .slice(0, limit);
}

/**
 * Every node sent its best `limit` entries in the directory order; ranking them together in the
 * same order and keeping `limit` gives the network's best `limit`, whichever node holds them.
 */
export function mergeDirectory<E extends DirectoryEntry>(
  lists: E[][],
  opts: { now: Date; speaks?: readonly LanguageCode[]; limit: number },
): E[] {
  return lists.flat().sort(directoryOrder(opts.now, opts.speaks)).slice(0, opts.limit);
}
