// Routes drawn over the region's countries, offline: Natural Earth's 110m outlines (world-atlas,
// bundled with this chunk) projected by d3-geo into one SVG. No tile server, no request: the
// console works where a border post's link is poor, and prints as it shows. Loaded on demand
// (LazyRouteMap.tsx), so the first load carries none of it.
import { type GeoPermissibleObjects, geoBounds, geoPath } from 'd3-geo';
import type { Feature, Geometry } from 'geojson';
import { type KeyboardEvent, useId, useMemo } from 'react';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import countries110m from 'world-atlas/countries-110m.json';
import { useT } from '../i18n/I18nProvider';
import { countryName } from '../labels';
import {
  atlasId,
  fittedProjection,
  type LonLat,
  labelFraction,
  type MapWaypoint,
  placeWaypoint,
  pointAlong,
  routeInWords,
} from './geometry';

export interface MapRoute {
  key: string;
  waypoints: readonly MapWaypoint[];
  /** Alerts on this route (the feed's map); a card's map has none. */
  count?: number;
}

interface Country {
  id: string | undefined;
  shape: Feature<Geometry>;
  /** [[west, south], [east, north]]; west > east for a shape across the antimeridian. */
  bounds: [[number, number], [number, number]];
}

// Converted once per page: the outlines are the same for every map.
let countries: Country[] | null = null;
function atlas(): Country[] {
  if (!countries) {
    const topology = countries110m as unknown as Topology<{ countries: GeometryCollection }>;
    countries = feature(topology, topology.objects.countries).features.map((shape) => ({
      id: shape.id === undefined ? undefined : String(shape.id),
      shape,
      bounds: geoBounds(shape),
    }));
  }
  return countries;
}

/** Whether a country's box meets the frame: only those are drawn, a card's map holds a dozen outlines, not 177. */
function meets(b: Country['bounds'], frame: [LonLat, LonLat]): boolean {
  const [[w, s], [e, n]] = b;
  if (n < frame[0][1] || s > frame[1][1]) return false;
  if (w > e) return true; // across the antimeridian (Russia, Fiji): keep, the SVG clips it
  return e >= frame[0][0] && w <= frame[1][0];
}

const SIZES = { card: [320, 200], feed: [640, 400] } as const;

export default function RouteMap({
  routes,
  title,
  size,
  selected,
  onSelect,
}: {
  routes: readonly MapRoute[];
  /** What the map shows, e.g. "Route of this alert": the SVG's title. */
  title: string;
  size: keyof typeof SIZES;
  selected?: string | null;
  onSelect?: (key: string) => void;
}) {
  const [width, height] = SIZES[size];
  const ids = useId();
  const t = useT();
  const drawing = useMemo(() => {
    const placed = routes.map((r) => ({
      route: r,
      words: routeInWords(r.waypoints, {
        countryName,
        approximate: (countries) => t('map.approximate', { countries }),
        unplaced: (codes) => t('map.unplaced', { codes }),
      }),
      points: r.waypoints.map(placeWaypoint).filter((p) => p !== null),
    }));
    const described = placed.map(({ route, words }) =>
      route.count === undefined ? words : t('map.routeCount', { route: words, count: route.count }),
    );
    const all = placed.flatMap((p) => p.points.map((q) => q.at));
    if (all.length === 0) return { land: [], lines: [], described };
    const projection = fittedProjection(all, width, height);
    const frameCorners = [projection.invert?.([0, height]), projection.invert?.([width, 0])];
    const frame: [LonLat, LonLat] =
      frameCorners[0] && frameCorners[1]
        ? [frameCorners[0] as LonLat, frameCorners[1] as LonLat]
        : [
            [-180, -80],
            [180, 80],
          ];
    const path = geoPath(projection);
    const onRoute = new Set(routes.flatMap((r) => r.waypoints.map((w) => atlasId(w.country))));
    const land = atlas()
      .filter((c) => meets(c.bounds, frame))
      .map((c) => ({ id: c.id, d: path(c.shape) ?? '', onRoute: c.id !== undefined && onRoute.has(c.id) }));
    const max = Math.max(1, ...routes.map((r) => r.count ?? 1));
    const lines = placed.map(({ route, words, points }, index) => {
      const coordinates = points.map((p) => [...p.at]);
      const line: GeoPermissibleObjects = { type: 'LineString', coordinates };
      const labelAt = pointAlong(
        points.map((p) => p.at),
        labelFraction(index),
      );
      const middle = labelAt ? projection([...labelAt]) : null;
      return {
        route,
        words,
        d: path(line) ?? '',
        weight: 1.5 + 3 * Math.sqrt((route.count ?? 1) / max),
        stops: points.map((p) => ({ xy: projection([...p.at]), approximate: p.approximate })),
        middle,
      };
    });
    return { land, lines, described };
  }, [routes, width, height, t]);

  return (
    <svg
      className={`route-map route-map-${size}`}
      data-testid="route-map"
      viewBox={`0 0 ${width} ${height}`}
      // A picture, unless its lines can be chosen: then a group of buttons, which an img may not hold.
      role={onSelect ? 'group' : 'img'}
      aria-labelledby={`${ids}-title ${ids}-desc`}
    >
      <title id={`${ids}-title`}>{title}</title>
      <desc id={`${ids}-desc`}>{drawing.described.length === 0 ? t('map.noRoute') : `${drawing.described.join('. ')}.`}</desc>
      <defs>
        <marker id={`${ids}-arrow`} viewBox="0 0 10 10" refX="8" refY="5" markerWidth="4" markerHeight="4" orient="auto-start-reverse">
          <path d="M 0 0 L 10 5 L 0 10 z" className="route-arrow" />
        </marker>
      </defs>
      <rect className="sea" width={width} height={height} />
      {drawing.land.map((c, i) => (
        <path key={c.id ?? `x${i}`} className={c.onRoute ? 'land land-on-route' : 'land'} d={c.d} />
      ))}
      {drawing.lines.map(({ route, words, d, weight, stops }) => {
        const isSelected = selected === route.key;
        return (
          <g
            key={route.key}
            className={`route ${isSelected ? 'route-selected' : ''}`}
            data-testid="route-line"
            data-route-key={route.key}
            data-count={route.count}
          >
            <path className="route-path" d={d} strokeWidth={isSelected ? weight + 1.5 : weight} markerEnd={`url(#${ids}-arrow)`}>
              <title>{words}</title>
            </path>
            {stops.map((s, i) =>
              s.xy ? (
                <circle
                  // biome-ignore lint/suspicious/noArrayIndexKey: a route may pass one point twice; position is its identity
                  key={i}
                  className={s.approximate ? 'stop stop-approximate' : 'stop'}
                  cx={s.xy[0]}
                  cy={s.xy[1]}
                  r={size === 'card' ? 3 : 4}
                />
              ) : null,
            )}
          </g>
        );
      })}
      {/* Counts over every line (a line drawn later would hide an earlier route's count). On the
          feed's map each count is the route's button: lines overlap where routes share a leg, counts do not. */}
      {drawing.lines.map(({ route, words, middle }) => {
        if (route.count === undefined || !middle) return null;
        const isSelected = selected === route.key;
        return (
          <g
            key={route.key}
            className={`route-count ${isSelected ? 'route-count-selected' : ''}`}
            transform={`translate(${middle[0]} ${middle[1]})`}
            data-testid="route-count"
            data-route-key={route.key}
            {...(onSelect && {
              role: 'button',
              tabIndex: 0,
              'aria-pressed': isSelected,
              'aria-label': t('map.routeCount', { route: words, count: route.count }),
              onClick: () => onSelect(route.key),
              onKeyDown: (e: KeyboardEvent) => {
                if (e.key === 'Enter' || e.key === ' ') {
                  e.preventDefault();
                  onSelect(route.key);
                }
              },
            })}
          >
            <circle r={11} />
            <text textAnchor="middle" dy="0.35em">
              {route.count}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
