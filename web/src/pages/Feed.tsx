import { useEffect, useMemo, useRef, useState } from 'react';
import { useQuery, useSubscription } from 'urql';
import { AlertCard } from '../components/AlertCard';
import { Sources } from '../components/Sources';
import { AlertFeedSubscription, AlertsQuery } from '../documents';
import type { AlertFieldsFragment } from '../gql/graphql';
import { mergeFeed } from '../merge-feed';

export function Feed({ agencyName }: { agencyName: (id: string) => string }) {
  const [kind, setKind] = useState('');
  const [{ data, error }] = useQuery({ query: AlertsQuery, variables: { kind: kind || null, limit: 200 } });
  const [live, setLive] = useState<AlertFieldsFragment[]>([]);
  const seenAtLoad = useRef<Set<string> | null>(null);
  const [{ error: feedError }] = useSubscription({ query: AlertFeedSubscription }, (_prev: unknown, event) => {
    setLive((l) => mergeFeed(l, [event.alertFeed]));
    return event;
  });

  const loaded = data?.alerts.alerts;
  useEffect(() => {
    if (loaded && seenAtLoad.current === null) seenAtLoad.current = new Set(loaded.map((a) => a.id));
  }, [loaded]);

  const alerts = useMemo(() => mergeFeed(loaded ?? [], live).filter((a) => !kind || a.kind === kind), [loaded, live, kind]);

  return (
    <section>
      <h2>Alert feed</h2>
      <div className="filters">
        <label htmlFor="feed-kind">Kind</label>
        <select id="feed-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
          <option value="">All alerts</option>
          <option value="route">Route alerts</option>
          <option value="document_fraud">Document-fraud alerts</option>
        </select>
        <span className={`live ${feedError ? 'live-off' : 'live-on'}`}>
          {feedError ? `live feed interrupted: ${feedError.message}` : '● live'}
        </span>
      </div>
      <Sources sources={data?.alerts.sources} />
      {error && !data && <p className="error">{error.message}</p>}
      {alerts.length === 0 && <p>No alerts yet.</p>}
      {alerts.map((a) => (
        <AlertCard key={a.id} alert={a} isNew={seenAtLoad.current !== null && !seenAtLoad.current.has(a.id)} agencyName={agencyName} />
      ))}
    </section>
  );
}
