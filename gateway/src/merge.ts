// Merging the nodes' answers into one list, in an order that does not depend on which node
// answered first.
import { alertKey, compareAlertKeys, directoryOrder, isTimeZone, type KeyedAlert, type RankedEntry } from '@corridor/proto';

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

/**
 * A node's entries split by whether this gateway knows their time zone. One the gateway does not
 * know (a partner's bad data, or a newer zone database at its node) has no local time to show or
 * rank by, and the console would fail on it: such entries are left out and their node named.
 */
export function withKnownTimeZones<E extends RankedEntry>(entries: E[]): { kept: E[]; dropped: E[] } {
  const kept: E[] = [];
  const dropped: E[] = [];
  for (const e of entries) (isTimeZone(e.availability.timeZone) ? kept : dropped).push(e);
  return { kept, dropped };
}

/** Why a node's entries were left out, for its `sources` line. */
export function unknownZonesNote(dropped: readonly RankedEntry[]): string {
  const zones = [...new Set(dropped.map((e) => JSON.stringify(e.availability.timeZone.slice(0, 60))))].slice(0, 3).join(', ');
  return `${dropped.length} ${dropped.length === 1 ? 'entry' : 'entries'} left out: availability.timeZone ${zones} is not an IANA time zone`;
}
