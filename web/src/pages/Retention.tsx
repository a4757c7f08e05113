// The purge report (administrators), for the agency's data-protection officer: what the node
// purged under its retention document in a period, with the periods in force. It shows ids,
// times, rules and tombstone hashes: the node keeps nothing else of what it purged.
import { useState } from 'react';
import { useQuery } from 'urql';
import { ErrorAlert } from '../components/ErrorAlert';
import { useT } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages/en';
import { activeLocale } from '../labels';
import { PurgeReportQuery } from './Retention.documents';

const KIND_LABELS: Record<string, MessageId> = {
  route_alert: 'retention.kind.route_alert',
  document_fraud_alert: 'retention.kind.document_fraud_alert',
  dead_letter: 'retention.kind.dead_letter',
  dead_letters: 'retention.kind.dead_letters',
  inbox_stream: 'retention.kind.inbox_stream',
  consultation: 'retention.kind.consultation',
  held_publication: 'retention.kind.held_publication',
};

/** A date input's day as the instant it starts (UTC); null when left empty. */
const dayStart = (day: string) => (day ? `${day}T00:00:00Z` : null);

export function Retention({ agencyName }: { agencyName: (id: string) => string }) {
  const t = useT();
  const kind = (k: string) => {
    const id = KIND_LABELS[k];
    return id ? t(id) : k;
  };
  const when = (at: string | null) =>
    at ? new Date(at).toLocaleString(activeLocale(), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }) : '—';
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [asked, setAsked] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const [{ data, error, fetching }] = useQuery({ query: PurgeReportQuery, variables: asked, requestPolicy: 'network-only' });
  const report = data?.purgeReport;

  return (
    <section aria-labelledby="retention-head">
      <div className="page-head">
        <h1 id="retention-head">{t('retention.title')}</h1>
      </div>
      <p className="hint">{t('retention.note')}</p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked({ from: dayStart(from), to: dayStart(to) });
        }}
      >
        <div className="field">
          <label htmlFor="retention-from">{t('retention.from')}</label>
          <input id="retention-from" type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="retention-to">{t('retention.to')}</label>
          <input id="retention-to" type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <button type="submit" disabled={fetching}>
          {t('retention.show')}
        </button>
      </form>
      {error && <ErrorAlert error={error} />}
      {report && (
        <>
          <h2>{t('retention.periods')}</h2>
          <p data-testid="retention-version">
            {report.retentionVersion === 0 ? t('retention.defaults') : t('retention.version', { version: report.retentionVersion })}
          </p>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('retention.kind')}</th>
                <th scope="col">{t('retention.period')}</th>
              </tr>
            </thead>
            <tbody>
              {report.periods.map((p) => (
                <tr key={p.kind}>
                  <td>{kind(p.kind)}</td>
                  <td>
                    <code>{p.period}</code>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>{t('retention.counts', { from: when(report.from), to: when(report.to) })}</h2>
          {report.counts.length === 0 ? (
            <p data-testid="retention-nothing">{t('retention.nothing')}</p>
          ) : (
            <table data-testid="retention-counts">
              <thead>
                <tr>
                  <th scope="col">{t('retention.kind')}</th>
                  <th scope="col">{t('retention.count')}</th>
                </tr>
              </thead>
              <tbody>
                {report.counts.map((c) => (
                  <tr key={c.kind}>
                    <td>{kind(c.kind)}</td>
                    <td>{c.count}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {report.items.length > 0 && (
            <table data-testid="retention-items">
              <thead>
                <tr>
                  <th scope="col">{t('retention.item')}</th>
                  <th scope="col">{t('retention.origin')}</th>
                  <th scope="col">{t('retention.lapsed')}</th>
                  <th scope="col">{t('retention.purged')}</th>
                  <th scope="col">{t('retention.rule')}</th>
                  <th scope="col">{t('retention.hash')}</th>
                </tr>
              </thead>
              <tbody>
                {report.items.map((i) => (
                  <tr key={`${i.kind}:${i.itemId}`} data-item-id={i.itemId}>
                    <td>
                      {kind(i.kind)}
                      <br />
                      <code>{i.itemId}</code>
                    </td>
                    <td>{i.originAgency ? agencyName(i.originAgency) : '—'}</td>
                    <td>{when(i.lapsedAt)}</td>
                    <td>{when(i.purgedAt)}</td>
                    <td>
                      <code>{i.rule}</code>
                    </td>
                    <td>
                      <code style={{ wordBreak: 'break-all' }}>{i.hash}</code>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {report.truncated && <p className="hint">{t('retention.truncated')}</p>}
        </>
      )}
    </section>
  );
}
