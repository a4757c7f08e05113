// The feed as a map: the routes of the last days drawn as lines, each with its count of alerts;
// choosing a route (on the map or in the list beside it) narrows the alerts below to it.
import { useMemo } from 'react';
import { useT } from '../../i18n/I18nProvider';
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
  const t = useT();
  const toggle = (key: string) => onSelect(selected === key ? null : key);
  const mapRoutes = useMemo(() => routes.map((r) => ({ key: r.key, waypoints: r.waypoints, count: r.count })), [routes]);
  return (
    <section className="feed-map" aria-label={t('feedMap.label')} data-testid="feed-map">
      <div className="filters">
        <label htmlFor="feed-days">{t('feedMap.lastLabel')}</label>{' '}
        <select id="feed-days" data-testid="feed-days" value={days} onChange={(e) => onDays(Number(e.target.value))}>
          {DAY_CHOICES.map((d) => (
            <option key={d} value={d}>
              {t('feedMap.period', { days: d })}
            </option>
          ))}
        </select>
      </div>
      {routes.length === 0 ? (
        <p className="empty">{t('feedMap.none', { days })}</p>
      ) : (
        <>
          <LazyRouteMap size="feed" title={t('feedMap.title', { days })} routes={mapRoutes} selected={selected} onSelect={toggle} />
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
              {t('feedMap.partial')}
            </p>
          )}
          {selected && (
            <p className="muted" data-testid="route-filter">
              {t('feedMap.filtered')}{' '}
              <button type="button" className="link" onClick={() => onSelect(null)}>
                {t('feedMap.showAll')}
              </button>
            </p>
          )}
        </>
      )}
    </section>
  );
}
