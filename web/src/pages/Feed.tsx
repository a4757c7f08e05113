import { ALERT_KINDS } from '@corridor/proto';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { useActivityChanges } from '../activity/ActivityProvider';
import type { LiveState } from '../client';
import { AlertCard } from '../components/AlertCard';
import { CodeSelect, Field } from '../components/Field';
import { Sources } from '../components/Sources';
import type { AlertFieldsFragment, ProtectionNoticesQuery as ProtectionNoticesQueryResult } from '../gql/graphql';
import { useT } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages/en';
import { countryName, dateTimeText, label } from '../labels';
import { countRoutes, DEFAULT_DAYS } from '../map/route-counts';
import { mergeFeed } from '../merge-feed';
import { AlertFeedSubscription, AlertsQuery, ProtectionNoticesQuery } from './Feed.documents';
import { FeedMapView } from './feed/FeedMapView';

type Notices = ProtectionNoticesQueryResult['protectionNotices'];

/** Protection notices held at the user's node, asked again whenever one is raised; the panel and the cards read the same list. */
function useProtectionNotices(refreshKey: number): Notices | undefined {
  const [{ data }, reload] = useQuery({ query: ProtectionNoticesQuery, requestPolicy: 'cache-and-network' });
  // biome-ignore lint/correctness/useExhaustiveDependencies: asked again whenever a flagged alert arrives
  useEffect(() => {
    if (refreshKey > 0) reload({ requestPolicy: 'network-only' });
  }, [refreshKey]);
  return data?.protectionNotices;
}

/** Protection notices held at the user's node: the need, the place and whom it was brought to. */
function ProtectionNotices({ agencyName, notices }: { agencyName: (id: string) => string; notices: Notices }) {
  const t = useT();
  if (notices.length === 0) return null;
  return (
    <section className="protection-notices" aria-label={t('feed.protectionNotices')} data-testid="protection-notices">
      <h3>{t('feed.protectionNotices')}</h3>
      <ul>
        {notices.slice(0, 5).map((n) => (
          <li key={n.id} data-testid="protection-notice-item" data-source-id={n.sourceId}>
            <strong>{n.flags.map(label.protection).join(', ')}</strong>{' '}
            {t(n.source === 'alert' ? 'feed.noticeFromAlert' : 'feed.noticeFromConsultation', {
              country: countryName(n.country),
              agency: agencyName(n.originAgency),
              at: dateTimeText(n.at),
            })}{' '}
            {n.contacts.length > 0
              ? t('feed.noticeBroughtTo', { contacts: n.contacts.map((c) => c.name).join(', ') })
              : t('feed.noticeNoContact')}
          </li>
        ))}
      </ul>
    </section>
  );
}

const LIVE_TEXT: Record<LiveState, MessageId> = {
  connecting: 'feed.connecting',
  live: 'feed.live',
  reconnecting: 'feed.reconnecting',
};

/** Alerts the feed asks for when it opens; the map view counts these and those streamed since. */
const FEED_LIMIT = 200;

export function Feed({ agencyName, live, ownAgency }: { agencyName: (id: string) => string; live: LiveState; ownAgency: string }) {
  const t = useT();
  const [kind, setKind] = useState('');
  const [{ data, error, fetching }, reload] = useQuery({ query: AlertsQuery, variables: { kind: kind || null, limit: FEED_LIMIT } });
  // After the live feed was interrupted, ask again: alerts stored during the gap were not streamed.
  const wasInterrupted = useRef(false);
  useEffect(() => {
    if (live === 'reconnecting') wasInterrupted.current = true;
    if (live === 'live' && wasInterrupted.current) {
      wasInterrupted.current = false;
      reload({ requestPolicy: 'network-only' });
    }
  }, [live, reload]);
  const [arrived, setArrived] = useState<AlertFieldsFragment[]>([]);
  const [flagged, setFlagged] = useState(0);
  // Alerts already there when the page opened are not "new"; whatever the feed brings later is.
  const seenAtLoad = useRef<Set<string> | null>(null);
  useSubscription({ query: AlertFeedSubscription }, (_prev: unknown, event) => {
    setArrived((l) => mergeFeed(l, [event.alertFeed]));
    // An alert flagging vulnerable persons (or counting them) raised a notice at our node: show it.
    if (event.alertFeed.protection.length > 0 || event.alertFeed.routeDetails?.vulnerablePersons) setFlagged((n) => n + 1);
    return event;
  });

  const loaded = data?.alerts.alerts;
  useEffect(() => {
    if (loaded && seenAtLoad.current === null) seenAtLoad.current = new Set(loaded.map((a) => a.id));
  }, [loaded]);

  const alerts = useMemo(() => mergeFeed(loaded ?? [], arrived).filter((a) => !kind || a.kind === kind), [loaded, arrived, kind]);
  const isNew = (id: string) => seenAtLoad.current !== null && !seenAtLoad.current.has(id);
  const newCount = alerts.filter((a) => isNew(a.id)).length;
  // A notice raised from a consultation comes with no alert: the activity stream says so.
  const noticesChanged = useActivityChanges('protection');
  const notices = useProtectionNotices(flagged + noticesChanged);
  const noticeOf = (id: string) => notices?.find((n) => n.source === 'alert' && n.sourceId === id);

  // The map view counts what the feed holds (its newest FEED_LIMIT alerts and those streamed since).
  const [view, setView] = useState<'list' | 'map'>('list');
  const [days, setDays] = useState(DEFAULT_DAYS);
  const [routeKey, setRouteKey] = useState<string | null>(null);
  const routes = useMemo(() => (view === 'map' ? countRoutes(alerts, days, new Date()) : []), [view, alerts, days]);
  const chosen = routes.find((r) => r.key === routeKey);
  const listed =
    view === 'list'
      ? alerts
      : alerts.filter((a) => (chosen ? chosen.alertIds.includes(a.id) : routes.some((r) => r.alertIds.includes(a.id))));

  return (
    <section>
      <div className="page-head">
        <h1>{t('nav.feed')}</h1>
        <span className={`live live-${live}`} data-testid="feed-live" role="status">
          {t(LIVE_TEXT[live])}
        </span>
        {newCount > 0 && <span className="badge-new">{t('feed.newSinceOpened', { count: newCount })}</span>}
      </div>
      <ProtectionNotices agencyName={agencyName} notices={notices ?? []} />
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <Field id="feed-kind" label={t('feed.kind')}>
          <CodeSelect id="feed-kind" value={kind} onChange={setKind} codes={ALERT_KINDS} labelOf={label.kind} empty={t('feed.allAlerts')} />
        </Field>
        <div className="tabs view-toggle" role="tablist" aria-label={t('feed.viewAs')}>
          {(['list', 'map'] as const).map((v) => (
            <button key={v} type="button" role="tab" aria-selected={view === v} data-testid={`feed-view-${v}`} onClick={() => setView(v)}>
              {t(v === 'list' ? 'feed.viewList' : 'feed.viewMap')}
            </button>
          ))}
        </div>
      </form>
      {view === 'map' && data && (
        <FeedMapView
          routes={routes}
          days={days}
          onDays={(d) => {
            setDays(d);
            setRouteKey(null);
          }}
          selected={chosen ? chosen.key : null}
          onSelect={setRouteKey}
          partial={(loaded?.length ?? 0) >= FEED_LIMIT}
        />
      )}
      <Sources sources={data?.alerts.sources} error={error} agencyName={agencyName} />
      {error && !data && (
        <p className="error" role="alert">
          {t('feed.failed', { reason: error.message.replace(/^\[\w+\] /, '') })}
        </p>
      )}
      {fetching && !data && <p>{t('feed.loading')}</p>}
      {data && alerts.length === 0 && <p className="empty">{t(kind ? 'feed.noneOfKind' : 'feed.none')}</p>}
      {listed.map((a) => (
        <AlertCard key={a.id} alert={a} isNew={isNew(a.id)} agencyName={agencyName} ownAgency={ownAgency} notice={noticeOf(a.id)} />
      ))}
    </section>
  );
}
