// Where a route goes on the map: each waypoint's point, the projection that frames them, and the
// same route in words for a screen reader. Pure functions of the route, so the spec checks them
// without a browser; the drawing is RouteMap.tsx.
import { type GeoProjection, geoDistance, geoInterpolate, geoMercator } from 'd3-geo';
import { COUNTRY_POINTS } from './country-points';

/** [longitude, latitude] in degrees, as GeoJSON and d3-geo take them. */
export type LonLat = readonly [number, number];

export interface MapWaypoint {
  country: string;
  place?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

export interface PlacedWaypoint {
  at: LonLat;
  /** True where the alert gave no coordinates and the point is its country's centre. */
  approximate: boolean;
}

/** The waypoint's own coordinates, or else its country's centroid; null for a code the table lacks. */
export function placeWaypoint(w: MapWaypoint): PlacedWaypoint | null {
  if (typeof w.latitude === 'number' && typeof w.longitude === 'number') return { at: [w.longitude, w.latitude], approximate: false };
  const country = COUNTRY_POINTS[w.country];
  return country ? { at: country.at, approximate: true } : null;
}

/** The atlas's numeric id of a country (ISO 3166-1 numeric), to pick its outline out; null if the atlas has none. */
export const atlasId = (alpha3: string): string | null => COUNTRY_POINTS[alpha3]?.id ?? null;

/** The smallest frame, in degrees: a route inside one country (or two points 1 km apart) still shows its neighbours. */
export const MIN_SPAN: LonLat = [10, 6];

/** The box [[west, south], [east, north]] around the points, widened to MIN_SPAN about its centre. */
export function frameOf(points: readonly LonLat[], minSpan: LonLat = MIN_SPAN): [LonLat, LonLat] {
  if (points.length === 0) throw new Error('frameOf needs at least one point');
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  let [west, east, south, north] = [Math.min(...lons), Math.max(...lons), Math.min(...lats), Math.max(...lats)];
  const widen = (lo: number, hi: number, span: number): [number, number] => {
    if (hi - lo >= span) return [lo, hi];
    const mid = (lo + hi) / 2;
    return [mid - span / 2, mid + span / 2];
  };
  [west, east] = widen(west, east, minSpan[0]);
  [south, north] = widen(south, north, minSpan[1]);
  // Mercator has no poles: keep the frame where it can draw.
  return [
    [west, Math.max(south, -80)],
    [east, Math.min(north, 80)],
  ];
}

/** A Mercator projection that fits the points' frame into width × height, less `margin` on each side. */
export function fittedProjection(points: readonly LonLat[], width: number, height: number, margin = 12): GeoProjection {
  const [[west, south], [east, north]] = frameOf(points);
  // The frame's outline, not only its corners: Mercator's parallels are straight, so this is its box.
  const frame = {
    type: 'MultiPoint' as const,
    coordinates: [
      [west, south],
      [east, south],
      [east, north],
      [west, north],
    ],
  };
  return geoMercator().fitExtent(
    [
      [margin, margin],
      [width - margin, height - margin],
    ],
    frame,
  );
}

/**
 * The route in words, for the map's description: "Zuwara (Libya) → Lampedusa (Italy)", with the
 * waypoints drawn at their country's centre said so, so that nobody reads a centroid as a place.
 */
export interface RouteWords {
  countryName: (code: string) => string;
  /** "Niger, Malta drawn at the country’s centre", in the console's language. */
  approximate: (countries: string) => string;
  /** "not on the map: ZZZ". */
  unplaced: (codes: string) => string;
}

export function routeInWords(
  waypoints: readonly MapWaypoint[],
  { countryName, approximate: sayApproximate, unplaced: sayUnplaced }: RouteWords,
): string {
  const stops = waypoints.map((w) => (w.place ? `${w.place} (${countryName(w.country)})` : countryName(w.country)));
  const approximate = waypoints.filter((w) => placeWaypoint(w)?.approximate).map((w) => countryName(w.country));
  const unplaced = waypoints.filter((w) => placeWaypoint(w) === null).map((w) => w.country);
  return [
    stops.join(' → '),
    approximate.length > 0 ? sayApproximate([...new Set(approximate)].join(', ')) : '',
    unplaced.length > 0 ? sayUnplaced(unplaced.join(', ')) : '',
  ]
    .filter(Boolean)
    .join('; ');
}

/** The point `fraction` (0 to 1) of the way along the route, measured on the globe; null for no point. */
export function pointAlong(points: readonly LonLat[], fraction: number): LonLat | null {
  const first = points[0];
  if (!first) return null;
  const legs = points
    .slice(1)
    .map((to, i) => ({ from: points[i] as LonLat, to, length: geoDistance([...(points[i] as LonLat)], [...to]) }));
  const total = legs.reduce((sum, l) => sum + l.length, 0);
  let left = Math.min(1, Math.max(0, fraction)) * total;
  for (const leg of legs) {
    if (left <= leg.length && leg.length > 0) return geoInterpolate([...leg.from], [...leg.to])(left / leg.length) as unknown as LonLat;
    left -= leg.length;
  }
  return points[points.length - 1] ?? first;
}

/**
 * Where along its line each route's count is drawn, by the route's place in the list: routes
 * sharing a leg (every route into Lampedusa) would otherwise stack their counts on one spot.
 */
export const labelFraction = (index: number): number => [0.5, 0.3, 0.7, 0.2, 0.8, 0.4, 0.6][index % 7] as number;
