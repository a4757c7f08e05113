// Merging the nodes' answers into one list, in an order that does not depend on which node
// answered first.
import { alertKey, compareAlertKeys, directoryOrder, type KeyedAlert, type RankedEntry } from '@corridor/proto';

/** Newest first, then by agency, then by id (DESIGN: merge ordered by time, agency, id). */
export function mergeAlerts<A extends KeyedAlert>(lists: A[][], limit: number): A[] {
  return lists
    .flat()
    .sort((a, b) => compareAlertKeys(alertKey(a), alertKey(b)))
    .slice(0, limit);
}

/**
 * Every node sent its best `limit` entries in the directory order; ranking them together in the
 * same order and keeping `limit` gives the network's best `limit`, whichever node holds them.
 */
export function mergeDirectory<E extends RankedEntry>(lists: E[][], opts: { now: Date; speaks?: readonly string[]; limit: number }): E[] {
  return lists.flat().sort(directoryOrder(opts.now, opts.speaks)).slice(0, opts.limit);
}
