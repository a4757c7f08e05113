// Property-based checks (fast-check): whatever an officer or a broken client sends, validation
// answers with field errors in words and never throws; every well-formed alert is accepted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alertInput } from './alert.js';
import { COUNTRY_CODES, INFORMATION_CREDIBILITY, ROUTE_REGIONS, SOURCE_RELIABILITY, TRANSPORT_MEANS, TRANSPORT_MODES } from './codes.js';
import { fieldErrorsOf } from './errors.js';

const waypoint = fc.record(
  {
    country: fc.constantFrom(...COUNTRY_CODES),
    place: fc.string({ minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0),
    mode: fc.constantFrom(...TRANSPORT_MODES),
  },
  { requiredKeys: ['country'] },
);

// Consecutive waypoints differ, as a route must.
const route = fc
  .record({ region: fc.constantFrom(...ROUTE_REGIONS), waypoints: fc.array(waypoint, { minLength: 2, maxLength: 6 }) })
  .filter((r) => r.waypoints.every((w, i) => i === 0 || w.country !== r.waypoints[i - 1]?.country));

const routeAlert = fc.record({
  kind: fc.constant('route' as const),
  tlp: fc.constantFrom('CLEAR', 'GREEN'),
  grading: fc.record({ source: fc.constantFrom(...SOURCE_RELIABILITY), information: fc.constantFrom(...INFORMATION_CREDIBILITY) }),
  summary: fc.string({ minLength: 1, maxLength: 300 }).filter((s) => s.trim().length > 0),
  route,
  routeDetails: fc.record(
    { transport: fc.constantFrom(...TRANSPORT_MEANS), migrantCount: fc.nat({ max: 100_000 }) },
    { requiredKeys: ['transport'] },
  ),
});

describe('alert input validation, for any input', () => {
  it('never throws, and every refusal names a field rule in words', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (input) => {
        const result = alertInput.safeParse(input);
        if (result.success) return;
        for (const e of fieldErrorsOf(result.error)) {
          expect(typeof e.path).toBe('string');
          expect(e.message.length).toBeGreaterThan(0);
          expect(e.message).not.toMatch(/^Invalid input/);
        }
      }),
      { numRuns: 500 },
    );
  });

  it('accepts every well-formed route alert', () => {
    fc.assert(
      fc.property(routeAlert, (a) => {
        const result = alertInput.safeParse(a);
        expect(result.success ? [] : fieldErrorsOf(result.error)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses an unknown code in any waypoint, naming that waypoint', () => {
    fc.assert(
      fc.property(routeAlert, fc.nat(), fc.string({ minLength: 1, maxLength: 5 }), (a, n, bogus) => {
        fc.pre(!(COUNTRY_CODES as string[]).includes(bogus));
        const i = n % a.route.waypoints.length;
        const waypoints = a.route.waypoints.map((w, j) => (j === i ? { ...w, country: bogus } : w));
        const result = alertInput.safeParse({ ...a, route: { ...a.route, waypoints } });
        expect(result.success).toBe(false);
        expect(fieldErrorsOf(result.error as never).map((e) => e.path)).toContain(`route.waypoints.${i}.country`);
      }),
      { numRuns: 300 },
    );
  });
});
