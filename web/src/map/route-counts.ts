// The feed's map view: which routes the alerts of the last days took, and how often. A route is
// its region and its waypoints in order (country and place); coordinates are left out of the key,
// so two officers' slightly different pins for one landing beach still count as one route.
import type { MapWaypoint } from './geometry';

export interface RoutedAlert {
  id: string;
  createdAt: string;
  route?: { region: string; waypoints: readonly MapWaypoint[] } | null;
}

export interface RouteCount {
  key: string;
  region: string;
  /** The newest alert's waypoints: their coordinates, if any, are the freshest. */
  waypoints: readonly MapWaypoint[];
  count: number;
  alertIds: string[];
}

export const DAY_CHOICES = [1, 3, 7, 14, 30] as const;
export const DEFAULT_DAYS = 7;

export function routeKey(route: { region: string; waypoints: readonly MapWaypoint[] }): string {
  return JSON.stringify([route.region, ...route.waypoints.map((w) => [w.country, w.place ?? ''])]);
}

/** Routes of the alerts created in the `days` before `now`, most frequent first (then newest). */
export function countRoutes(alerts: readonly RoutedAlert[], days: number, now: Date): RouteCount[] {
  const since = now.getTime() - days * 86_400_000;
  const byKey = new Map<string, RouteCount>();
  const newest = [...alerts].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  for (const a of newest) {
    if (!a.route || Date.parse(a.createdAt) < since) continue;
    const key = routeKey(a.route);
    const known = byKey.get(key);
    if (known) {
      known.count += 1;
      known.alertIds.push(a.id);
    } else {
      byKey.set(key, { key, region: a.route.region, waypoints: a.route.waypoints, count: 1, alertIds: [a.id] });
    }
  }
  return [...byKey.values()].sort((a, b) => b.count - a.count);
}
