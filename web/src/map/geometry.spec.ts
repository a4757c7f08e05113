import { describe, expect, it } from 'vitest';
import { COUNTRY_POINTS } from './country-points';
import { atlasId, fittedProjection, frameOf, labelFraction, MIN_SPAN, placeWaypoint, pointAlong, routeInWords } from './geometry';

const names: Record<string, string> = { LBY: 'Libya', ITA: 'Italy', NER: 'Niger', MLT: 'Malta' };
const countryName = (code: string) => names[code] ?? code;

describe('placing a waypoint', () => {
  it('uses its own coordinates, longitude first as GeoJSON has it', () => {
    expect(placeWaypoint({ country: 'LBY', latitude: 32.93, longitude: 12.08 })).toEqual({ at: [12.08, 32.93], approximate: false });
  });

  it('falls back to the country’s centroid, marked approximate, without both coordinates', () => {
    expect(placeWaypoint({ country: 'ITA' })).toEqual({ at: COUNTRY_POINTS.ITA?.at, approximate: true });
    expect(placeWaypoint({ country: 'ITA', latitude: 40, longitude: null })).toMatchObject({ approximate: true });
  });

  it('places nothing for a code it does not know', () => {
    expect(placeWaypoint({ country: 'ZZZ' })).toBeNull();
  });

  it('finds a country’s outline by its ISO numeric id', () => {
    expect(atlasId('LBY')).toBe('434');
    expect(atlasId('XKK')).toBeNull();
  });
});

describe('framing a route', () => {
  it('keeps the points inside the frame', () => {
    const points = [
      [12.08, 32.93],
      [12.6, 35.5],
      [7.99, 16.97],
    ] as const;
    const [[w, s], [e, n]] = frameOf(points);
    for (const [lon, lat] of points) {
      expect(lon).toBeGreaterThanOrEqual(w);
      expect(lon).toBeLessThanOrEqual(e);
      expect(lat).toBeGreaterThanOrEqual(s);
      expect(lat).toBeLessThanOrEqual(n);
    }
  });

  it('widens a frame smaller than MIN_SPAN about its centre, so one town still shows its region', () => {
    const [[w, s], [e, n]] = frameOf([
      [12.08, 32.93],
      [12.1, 32.95],
    ]);
    expect(e - w).toBeCloseTo(MIN_SPAN[0]);
    expect(n - s).toBeCloseTo(MIN_SPAN[1]);
    expect((w + e) / 2).toBeCloseTo(12.09);
  });

  it('projects every point of the route inside the drawing, margin kept', () => {
    const points = [
      [9.33, 17.41], // Niger's centroid
      [12.08, 32.93], // Zuwara
      [12.6, 35.5], // Lampedusa
    ] as const;
    const projection = fittedProjection(points, 320, 200, 12);
    for (const p of points) {
      const [x, y] = projection([...p]) ?? [Number.NaN, Number.NaN];
      expect(x).toBeGreaterThanOrEqual(12 - 1e-6);
      expect(x).toBeLessThanOrEqual(308 + 1e-6);
      expect(y).toBeGreaterThanOrEqual(12 - 1e-6);
      expect(y).toBeLessThanOrEqual(188 + 1e-6);
    }
    // North is up: Lampedusa is drawn above Niger.
    expect(projection([12.6, 35.5])?.[1]).toBeLessThan(projection([9.33, 17.41])?.[1] ?? 0);
  });
});

describe('the route in words', () => {
  const english = {
    countryName,
    approximate: (countries: string) => `${countries} drawn at the country’s centre`,
    unplaced: (codes: string) => `not on the map: ${codes}`,
  };

  it('lists the waypoints in order and says which are drawn at a country’s centre', () => {
    expect(
      routeInWords(
        [{ country: 'NER', place: 'Agadez' }, { country: 'LBY', place: 'Zuwara', latitude: 32.93, longitude: 12.08 }, { country: 'MLT' }],
        english,
      ),
    ).toBe('Agadez (Niger) → Zuwara (Libya) → Malta; Niger, Malta drawn at the country’s centre');
  });

  it('names a waypoint it could not place', () => {
    expect(routeInWords([{ country: 'ZZZ' }, { country: 'ITA', latitude: 35.5, longitude: 12.6 }], english)).toBe(
      'ZZZ → Italy; not on the map: ZZZ',
    );
  });
});

describe('a point along the route', () => {
  it('is measured on the globe over every leg', () => {
    const equator = [
      [0, 0],
      [10, 0],
      [30, 0],
    ] as const;
    expect(pointAlong(equator, 0)?.[0]).toBeCloseTo(0);
    expect(pointAlong(equator, 0.5)?.[0]).toBeCloseTo(15);
    expect(pointAlong(equator, 0.25)?.[0]).toBeCloseTo(7.5);
    expect(pointAlong(equator, 1)?.[0]).toBeCloseTo(30);
    expect(pointAlong([[5, 5]], 0.5)).toEqual([5, 5]);
    expect(pointAlong([], 0.5)).toBeNull();
  });

  it('differs for the first routes of a list, so counts on a shared leg do not stack', () => {
    const first = [0, 1, 2, 3, 4].map(labelFraction);
    expect(new Set(first).size).toBe(5);
  });
});
