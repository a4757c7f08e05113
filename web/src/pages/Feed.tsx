import { ALERT_KINDS } from '@corridor/proto';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import type { LiveState } from '../client';
import { AlertCard } from '../components/AlertCard';
import { CodeSelect, Field } from '../components/Field';
import { Sources } from '../components/Sources';
import { AlertFeedSubscription, AlertsQuery } from '../documents';
import type { AlertFieldsFragment } from '../gql/graphql';
import { label } from '../labels';
import { mergeFeed } from '../merge-feed';

const LIVE_TEXT: Record<LiveState, string> = {
  connecting: 'connecting to the live feed…',
  live: '● live',
  reconnecting: 'live feed interrupted — reconnecting…',
};

export function Feed({ agencyName, live, ownAgency }: { agencyName: (id: string) => string; live: LiveState; ownAgency: string }) {
  const [kind, setKind] = useState('');
  const [{ data, error, fetching }, reload] = useQuery({ query: AlertsQuery, variables: { kind: kind || null, limit: 200 } });
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
  // Alerts already there when the page opened are not "new"; whatever the feed brings later is.
  const seenAtLoad = useRef<Set<string> | null>(null);
  useSubscription({ query: AlertFeedSubscription }, (_prev: unknown, event) => {
    setArrived((l) => mergeFeed(l, [event.alertFeed]));
    return event;
  });

  const loaded = data?.alerts.alerts;
  useEffect(() => {
    if (loaded && seenAtLoad.current === null) seenAtLoad.current = new Set(loaded.map((a) => a.id));
  }, [loaded]);

  const alerts = useMemo(() => mergeFeed(loaded ?? [], arrived).filter((a) => !kind || a.kind === kind), [loaded, arrived, kind]);
  const isNew = (id: string) => seenAtLoad.current !== null && !seenAtLoad.current.has(id);
  const newCount = alerts.filter((a) => isNew(a.id)).length;

  return (
    <section>
      <div className="page-head">
        <h2>Alert feed</h2>
        <span className={`live live-${live}`} data-testid="feed-live" role="status">
          {LIVE_TEXT[live]}
        </span>
        {newCount > 0 && <span className="badge-new">{newCount} new since you opened this page</span>}
      </div>
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <Field id="feed-kind" label="Kind">
          <CodeSelect id="feed-kind" value={kind} onChange={setKind} codes={ALERT_KINDS} labelOf={label.kind} empty="All alerts" />
        </Field>
      </form>
      <Sources sources={data?.alerts.sources} error={error} agencyName={agencyName} />
      {error && !data && (
        <p className="error" role="alert">
          The alerts could not be loaded: {error.message.replace(/^\[\w+\] /, '')}
        </p>
      )}
      {fetching && !data && <p>Loading alerts…</p>}
      {data && alerts.length === 0 && (
        <p className="empty">No alerts{kind ? ` of this kind` : ''} yet. New ones appear here as they arrive.</p>
      )}
      {alerts.map((a) => (
        <AlertCard key={a.id} alert={a} isNew={isNew(a.id)} agencyName={agencyName} ownAgency={ownAgency} />
      ))}
    </section>
  );
}
