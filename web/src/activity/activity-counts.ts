// What the console makes of an officer's activity counts (issue 15, "Nothing missed"): which
// counts each page clears when opened, the number in the tab's title, and what newly arrived
// between two readings of the counts (for the announcement and the browser notification).
import type { ActivityCounts, ActivityKind } from '@corridor/proto';

/** The pages that show each kind: opening one marks its kinds seen. Protection notices show beside the feed. */
export const PAGE_KINDS: Readonly<Record<string, readonly ActivityKind[]>> = {
  feed: ['alert', 'protection'],
  consultations: ['consultation'],
  requests: ['request'],
};

export const NO_ACTIVITY: ActivityCounts = { alert: 0, consultation: 0, request: 0, protection: 0 };

/** How many the page's badge shows: the sum of the kinds it clears. */
export function pageCount(counts: ActivityCounts, page: string): number {
  return (PAGE_KINDS[page] ?? []).reduce((n, k) => n + counts[k], 0);
}

export function totalCount(counts: ActivityCounts): number {
  return counts.alert + counts.consultation + counts.request + counts.protection;
}

/** The tab's title: "(3) Corridor console" while something waits, the title alone when nothing does. */
export function titleWith(counts: ActivityCounts, title: string): string {
  const bare = title.replace(/^\(\d+\+?\) /, '');
  const n = totalCount(counts);
  return n > 0 ? `(${badgeNumber(n)}) ${bare}` : bare;
}

/** A badge stays narrow: past 99 it says "99+". */
export function badgeNumber(n: number): string {
  return n > 99 ? '99+' : String(n);
}

/** The kinds whose count grew from `before` to `after`, with how many more: what just arrived. */
export function arrivals(before: ActivityCounts, after: ActivityCounts): Partial<Record<ActivityKind, number>> {
  const grown: Partial<Record<ActivityKind, number>> = {};
  for (const k of Object.keys(after) as ActivityKind[]) if (after[k] > before[k]) grown[k] = after[k] - before[k];
  return grown;
}
