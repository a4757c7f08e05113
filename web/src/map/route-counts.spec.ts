import { describe, expect, it } from 'vitest';
import { countRoutes, routeKey } from './route-counts';

const now = new Date('2026-11-30T12:00:00Z');
const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
const lampedusa = { country: 'ITA', place: 'Lampedusa' };
const zuwaraLampedusa = { region: 'central-mediterranean', waypoints: [{ country: 'LBY', place: 'Zuwara' }, lampedusa] };

describe('counting the routes of the last days', () => {
  it('counts alerts of one region and waypoint sequence as one route, most frequent first', () => {
    const alerts = [
      { id: 'a', createdAt: daysAgo(1), route: zuwaraLampedusa },
      { id: 'b', createdAt: daysAgo(0.5), route: { region: 'central-mediterranean', waypoints: [{ country: 'TUN' }, { country: 'ITA' }] } },
      // The same places with a pin: still the same route.
      {
        id: 'c',
        createdAt: daysAgo(2),
        route: {
          ...zuwaraLampedusa,
          waypoints: [{ country: 'LBY', place: 'Zuwara', latitude: 32.93, longitude: 12.08 }, lampedusa],
        },
      },
    ];
    const routes = countRoutes(alerts, 7, now);
    expect(routes.map((r) => [r.count, r.alertIds])).toEqual([
      [2, ['a', 'c']],
      [1, ['b']],
    ]);
    expect(routes[0]?.key).toBe(routeKey(zuwaraLampedusa));
  });

  it('tells routes apart by region and by order of travel', () => {
    const back = { ...zuwaraLampedusa, waypoints: [...zuwaraLampedusa.waypoints].reverse() };
    const elsewhere = { ...zuwaraLampedusa, region: 'western-mediterranean' };
    expect(new Set([routeKey(zuwaraLampedusa), routeKey(back), routeKey(elsewhere)]).size).toBe(3);
  });

  it('leaves out alerts older than the days chosen and alerts without a route', () => {
    const alerts = [
      { id: 'old', createdAt: daysAgo(8), route: zuwaraLampedusa },
      { id: 'doc', createdAt: daysAgo(1), route: null },
      { id: 'new', createdAt: daysAgo(6.9), route: zuwaraLampedusa },
    ];
    expect(countRoutes(alerts, 7, now).flatMap((r) => r.alertIds)).toEqual(['new']);
    expect(countRoutes(alerts, 30, now).flatMap((r) => r.alertIds)).toEqual(['new', 'old']);
    expect(countRoutes(alerts, 1, now)).toEqual([]);
  });
});
