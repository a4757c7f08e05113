// The feed as a map: the routes of the last days drawn as lines, each with its count of alerts;
// choosing a route (on the map or in the list beside it) narrows the alerts below to it.
import { useMemo } from 'react';
import { countryName, label } from '../../labels';
import { LazyRouteMap } from '../../map/LazyRouteMap';
import { DAY_CHOICES, type RouteCount } from '../../map/route-counts';

const inWords = (r: RouteCount) =>
  r.waypoints.map((w) => (w.place ? `${w.place} (${countryName(w.country)})` : countryName(w.country))).join(' → ');

export function FeedMapView({
  routes,
  days,
  onDays,
  selected,
  onSelect,
  partial,
}: {
  routes: RouteCount[];
  days: number;
  onDays: (days: number) => void;
  selected: string | null;
  /** null shows every route's alerts again. */
  onSelect: (key: string | null) => void;
  /** The feed holds only the newest alerts: older ones of the period are not counted. */
  partial: boolean;
}) {
  const toggle = (key: string) => onSelect(selected === key ? null : key);
  const mapRoutes = useMemo(() => routes.map((r) => ({ key: r.key, waypoints: r.waypoints, count: r.count })), [routes]);
  return (
    <section className="feed-map" aria-label="Routes on the map" data-testid="feed-map">
      <div className="filters">
        <label htmlFor="feed-days">Alerts of the last</label>{' '}
        <select id="feed-days" data-testid="feed-days" value={days} onChange={(e) => onDays(Number(e.target.value))}>
          {DAY_CHOICES.map((d) => (
            <option key={d} value={d}>
              {d === 1 ? '24 hours' : `${d} days`}
            </option>
          ))}
        </select>
      </div>
      {routes.length === 0 ? (
        <p className="empty">No alert with a route in the last {days === 1 ? '24 hours' : `${days} days`}.</p>
      ) : (
        <>
          <LazyRouteMap
            size="feed"
            title={`Routes of the alerts of the last ${days === 1 ? '24 hours' : `${days} days`}`}
            routes={mapRoutes}
            selected={selected}
            onSelect={toggle}
          />
          <ul className="route-legend">
            {routes.map((r) => (
              <li key={r.key}>
                <button
                  type="button"
                  className="link"
                  data-testid="map-route"
                  data-route-key={r.key}
                  data-count={r.count}
                  aria-pressed={selected === r.key}
                  onClick={() => toggle(r.key)}
                >
                  <strong className="route-legend-count">{r.count}</strong> {label.region(r.region)}: {inWords(r)}
                </button>
              </li>
            ))}
          </ul>
          {partial && (
            <p className="muted" data-testid="route-counts-partial">
              Counted from the newest alerts the feed holds; older alerts of this period are not counted.
            </p>
          )}
          {selected && (
            <p className="muted" data-testid="route-filter">
              Showing the alerts of one route.{' '}
              <button type="button" className="link" onClick={() => onSelect(null)}>
                Show every route
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
