// Requests sent and received (issue 7): what is overdue comes first, each with its history, so
// a central authority sees at a glance what it owes and what it is owed.

import { useEffect, useState } from 'react';
import { useQuery } from 'urql';
import { useActivityChanges } from '../activity/ActivityProvider';
import { useT } from '../i18n/I18nProvider';
import { RequestCard } from './RequestCard';
import { RequestsQuery } from './Requests.documents';

export function Requests({ ownAgency, agencyName }: { ownAgency: string; agencyName: (id: string) => string }) {
  const t = useT();
  const [overdueOnly, setOverdueOnly] = useState(false);
  const [{ data, error }, refetch] = useQuery({ query: RequestsQuery, variables: { overdueOnly }, requestPolicy: 'cache-and-network' });
  // A request made or moved on, here or by the other agency, shows without Refresh.
  const changed = useActivityChanges('request');
  useEffect(() => {
    if (changed > 0) refetch({ requestPolicy: 'network-only' });
  }, [changed, refetch]);
  const list = data?.requests ?? [];
  const overdue = list.filter((r) => r.overdue).length;
  return (
    <section>
      <div className="page-head">
        <h1>{t('nav.requests')}</h1>
        <span className={overdue > 0 ? 'stale-text' : 'muted'} role="status" data-testid="overdue-count">
          {t('requests.overdueCount', { count: overdue })}
        </span>
        <label htmlFor="requests-overdue-only">
          <input id="requests-overdue-only" type="checkbox" checked={overdueOnly} onChange={(e) => setOverdueOnly(e.target.checked)} />{' '}
          {t('requests.overdueOnly')}
        </label>
      </div>
      {error && (
        <p className="error" role="alert">
          {t('requests.failed', { reason: error.message.replace(/^\[\w+\] /, '') })}
        </p>
      )}
      {(['sent', 'received'] as const).map((direction) => (
        <section key={direction} aria-labelledby={`requests-${direction}`}>
          <h3 id={`requests-${direction}`}>{direction === 'sent' ? t('requests.sentByUs') : t('requests.received')}</h3>
          {list.filter((r) => r.direction === direction).length === 0 && <p className="empty">{t('requests.none')}</p>}
          {list
            .filter((r) => r.direction === direction)
            .map((r) => (
              <div key={r.request.id} data-testid="request-row" data-overdue={r.overdue} data-direction={direction}>
                <p>
                  {r.overdue && <span className="badge badge-stale">{t('requests.overdue')}</span>}{' '}
                  <a href="#/consultations">{r.subject}</a>
                </p>
                <RequestCard r={r.request} ownAgency={ownAgency} agencyName={agencyName} />
              </div>
            ))}
        </section>
      ))}
    </section>
  );
}
