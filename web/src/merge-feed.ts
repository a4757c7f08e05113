// The feed the console shows: what the query returned plus what the live subscription brought,
// each alert once (the newest revision), newest first.
export interface FeedAlert {
  id: string;
  createdAt: string;
  revision: number;
  origin: { agency: string };
}

export function mergeFeed<T extends FeedAlert>(current: T[], incoming: T[]): T[] {
  const byId = new Map<string, T>();
  for (const a of [...current, ...incoming]) {
    const seen = byId.get(a.id);
    if (!seen || a.revision >= seen.revision) byId.set(a.id, a);
  }
  return [...byId.values()].sort(
    (a, b) => b.createdAt.localeCompare(a.createdAt) || a.origin.agency.localeCompare(b.origin.agency) || a.id.localeCompare(b.id),
  );
}
