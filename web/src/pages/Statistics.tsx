// The agency's statistics for voluntary reporting (administrators): the figures its node counted,
// with small counts already suppressed there, as bar charts, and the same report saved as CSV or
// JSON. Each chart is an HTML table (a screen reader reads the numbers; the bars are decoration),
// drawn with plain CSS: a bar per row needs no charting library, and the bundle stays small.
import { reportFromAnswer, type StatisticsDimension, type StatisticsFigure, type StatisticsTable, statisticsReport } from '@corridor/proto';
import { useState } from 'react';
import { useQuery } from 'urql';
import { useT } from '../i18n/I18nProvider';
import type { MessageId } from '../i18n/messages/en';
import { activeLocale, countryName, label, messageText } from '../labels';
import { StatisticsQuery } from './Statistics.documents';
import { StatisticsExport } from './StatisticsExport';

const DIRECTION_LABELS: Record<string, MessageId> = { published: 'stats.published', received: 'stats.received', sent: 'stats.sent' };
const VALUE_LABELS: Partial<Record<StatisticsDimension, (value: string) => string>> = {
  direction: (v) => {
    const id = DIRECTION_LABELS[v];
    return id ? messageText(id) : v;
  },
  kind: label.kind,
  region: (v) => (v === 'none' ? messageText('stats.noRoute') : label.region(v)),
  requestType: label.requestType,
  status: label.requestStatus,
  flag: label.protection,
};

function valueLabel(dimension: StatisticsDimension, value: string | undefined): string {
  if (value === undefined) return messageText('stats.all');
  if (dimension === 'country') return countryName(value);
  if (dimension === 'month')
    return new Date(`${value}-01T00:00:00Z`).toLocaleDateString(activeLocale(), { year: 'numeric', month: 'long', timeZone: 'UTC' });
  return VALUE_LABELS[dimension]?.(value) ?? value;
}

const BAR = '#3b6fb6';

/** A published count as a bar scaled to the table's largest, or the mark of a hidden one. */
function CountCell({ figure, max, threshold, total }: { figure: StatisticsFigure; max: number; threshold: number; total: boolean }) {
  const t = useT();
  if (figure.count === null) {
    // A cell is hidden for being small; a total, or a number answered, for hiding a small cell:
    // saying "fewer than" of those could be untrue.
    return total ? (
      <span className="muted" data-testid="stats-withheld" title={t('stats.withheldTitle', { threshold })}>
        {t('stats.withheld')}
      </span>
    ) : (
      <span data-testid="stats-suppressed" style={{ display: 'inline-flex', alignItems: 'center', gap: '0.4rem' }}>
        <span
          aria-hidden="true"
          style={{
            display: 'inline-block',
            width: '1.5rem',
            height: '0.8rem',
            border: `1px dashed ${BAR}`,
            background: `repeating-linear-gradient(45deg, transparent 0 3px, ${BAR}55 3px 5px)`,
          }}
        />
        <em>{t('stats.fewerThan', { threshold })}</em>
      </span>
    );
  }
  return (
    <span style={{ display: 'flex', alignItems: 'center', gap: '0.4rem' }}>
      <span
        aria-hidden="true"
        style={{ display: 'inline-block', height: '0.8rem', width: `${Math.max(2, (figure.count / max) * 12)}rem`, background: BAR }}
      />
      <span>{figure.count}</span>
    </span>
  );
}

function FigureTable({
  table,
  figures,
  threshold,
  totals,
}: {
  table: StatisticsTable;
  figures: StatisticsFigure[];
  threshold: number;
  totals: boolean;
}) {
  const t = useT();
  const name = totals ? `${table.name}_totals` : table.name;
  const max = Math.max(1, ...figures.map((f) => f.count ?? 0));
  const median = table.name === 'time_to_answer';
  return (
    <table data-testid="stats-table" data-table={name} className="stats-table stacked">
      <caption className="visually-hidden">
        {label.statisticsTable(table.name)}
        {totals ? ', totals' : ''}
      </caption>
      <thead>
        <tr>
          {table.dimensions.map((d) => (
            <th key={d} scope="col" style={{ textAlign: 'start' }}>
              {label.statisticsDimension(d)}
            </th>
          ))}
          <th scope="col" style={{ textAlign: 'start', minWidth: '16rem' }}>
            {median ? t('stats.answeredOrRefused') : t('stats.count')}
          </th>
          {median && (
            <th scope="col" style={{ textAlign: 'start' }}>
              {t('stats.medianDays')}
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={JSON.stringify(f.by)}>
            {table.dimensions.map((d) => (
              <td key={d} data-label={label.statisticsDimension(d)}>
                {valueLabel(d, f.by[d])}
              </td>
            ))}
            <td data-label={median ? t('stats.answeredOrRefused') : t('stats.count')}>
              <CountCell figure={f} max={max} threshold={threshold} total={totals || median} />
            </td>
            {median && <td data-label={t('stats.medianDays')}>{f.medianDays ?? '—'}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TableSection({ table, threshold }: { table: StatisticsTable; threshold: number }) {
  const t = useT();
  const head = `stats-${table.name}`;
  return (
    <section aria-labelledby={head} style={{ marginTop: '1.5rem' }}>
      <h3 id={head}>{label.statisticsTable(table.name)}</h3>
      {table.rows.length === 0 ? (
        <p className="empty">{t('stats.nothing')}</p>
      ) : (
        <FigureTable table={table} figures={table.rows} threshold={threshold} totals={false} />
      )}
      {table.totals.length > 0 && (
        <details>
          <summary>{t('stats.totals')}</summary>
          <FigureTable table={table} figures={table.totals} threshold={threshold} totals />
        </details>
      )}
    </section>
  );
}

export function Statistics() {
  const t = useT();
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [asked, setAsked] = useState<{ from: string | null; to: string | null }>({ from: null, to: null });
  const [{ data, error, fetching }] = useQuery({ query: StatisticsQuery, variables: asked, requestPolicy: 'network-only' });
  const parsed = data ? statisticsReport.safeParse(reportFromAnswer(data.statistics)) : null;
  const report = parsed?.success ? parsed.data : null;
  const threshold = report?.threshold ?? 5;

  return (
    <section aria-labelledby="stats-head">
      <div className="page-head">
        <h1 id="stats-head">{t('stats.title')}</h1>
      </div>
      <p className="hint" data-testid="stats-note">
        {t('stats.note', { threshold })}
      </p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked({ from: from || null, to: to || null });
        }}
      >
        <div className="field">
          <label htmlFor="stats-from">{t('stats.from')}</label>
          <input id="stats-from" type="month" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="stats-to">{t('stats.to')}</label>
          <input id="stats-to" type="month" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <button type="submit" disabled={fetching}>
          {t('stats.show')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error.message.replace(/^\[\w+\] /, '')}
        </p>
      )}
      {parsed && !parsed.success && (
        <p className="error" role="alert">
          {t('stats.unreadable', { reason: parsed.error.issues[0]?.message })}
        </p>
      )}
      {report && (
        <>
          <StatisticsExport report={report} />
          {report.tables.map((t) => (
            <TableSection key={t.name} table={t} threshold={threshold} />
          ))}
        </>
      )}
    </section>
  );
}
