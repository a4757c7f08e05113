// The agency's statistics for voluntary reporting (administrators): the figures its node counted,
// with small counts already suppressed there, as bar charts, and the same report saved as CSV or
// JSON. Each chart is an HTML table (a screen reader reads the numbers; the bars are decoration),
// drawn with plain CSS: a bar per row needs no charting library, and the bundle stays small.
import {
  ALERT_KIND_LABELS,
  PROTECTION_FLAG_LABELS,
  REQUEST_STATUS_LABELS,
  REQUEST_TYPE_LABELS,
  ROUTE_REGION_LABELS,
  reportFromAnswer,
  STATISTICS_DIMENSION_LABELS,
  STATISTICS_TABLE_LABELS,
  type StatisticsDimension,
  type StatisticsFigure,
  type StatisticsTable,
  statisticsReport,
} from '@corridor/proto';
import { useState } from 'react';
import { useQuery } from 'urql';
import { countryName } from '../labels';
import { StatisticsQuery } from './Statistics.documents';
import { StatisticsExport } from './StatisticsExport';

const DIRECTION_LABELS: Record<string, string> = { published: 'Published', received: 'Received', sent: 'Sent' };
const VALUE_LABELS: Partial<Record<StatisticsDimension, Record<string, string>>> = {
  direction: DIRECTION_LABELS,
  kind: ALERT_KIND_LABELS,
  region: { ...ROUTE_REGION_LABELS, none: 'No route' },
  requestType: REQUEST_TYPE_LABELS,
  status: REQUEST_STATUS_LABELS,
  flag: PROTECTION_FLAG_LABELS,
};

function valueLabel(dimension: StatisticsDimension, value: string | undefined): string {
  if (value === undefined) return 'All';
  if (dimension === 'country') return countryName(value);
  if (dimension === 'month')
    return new Date(`${value}-01T00:00:00Z`).toLocaleDateString(undefined, { year: 'numeric', month: 'long', timeZone: 'UTC' });
  return VALUE_LABELS[dimension]?.[value] ?? value;
}

const BAR = '#3b6fb6';

/** A published count as a bar scaled to the table's largest, or the mark of a hidden one. */
function CountCell({ figure, max, threshold, total }: { figure: StatisticsFigure; max: number; threshold: number; total: boolean }) {
  if (figure.count === null) {
    // A cell is hidden for being small; a total, or a number answered, for hiding a small cell:
    // saying "fewer than" of those could be untrue.
    return total ? (
      <span className="muted" data-testid="stats-withheld" title={`Withheld: it would reveal a count below ${threshold}`}>
        withheld
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
        <em>fewer than {threshold}</em>
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
  const name = totals ? `${table.name}_totals` : table.name;
  const max = Math.max(1, ...figures.map((f) => f.count ?? 0));
  const median = table.name === 'time_to_answer';
  return (
    <table data-testid="stats-table" data-table={name} className="stats-table stacked">
      <caption className="visually-hidden">
        {STATISTICS_TABLE_LABELS[table.name]}
        {totals ? ', totals' : ''}
      </caption>
      <thead>
        <tr>
          {table.dimensions.map((d) => (
            <th key={d} scope="col" style={{ textAlign: 'left' }}>
              {STATISTICS_DIMENSION_LABELS[d]}
            </th>
          ))}
          <th scope="col" style={{ textAlign: 'left', minWidth: '16rem' }}>
            {median ? 'Answered or refused' : 'Count'}
          </th>
          {median && (
            <th scope="col" style={{ textAlign: 'left' }}>
              Median days to answer
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {figures.map((f) => (
          <tr key={JSON.stringify(f.by)}>
            {table.dimensions.map((d) => (
              <td key={d} data-label={STATISTICS_DIMENSION_LABELS[d]}>
                {valueLabel(d, f.by[d])}
              </td>
            ))}
            <td data-label={median ? 'Answered or refused' : 'Count'}>
              <CountCell figure={f} max={max} threshold={threshold} total={totals || median} />
            </td>
            {median && <td data-label="Median days to answer">{f.medianDays ?? '—'}</td>}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function TableSection({ table, threshold }: { table: StatisticsTable; threshold: number }) {
  const head = `stats-${table.name}`;
  return (
    <section aria-labelledby={head} style={{ marginTop: '1.5rem' }}>
      <h3 id={head}>{STATISTICS_TABLE_LABELS[table.name]}</h3>
      {table.rows.length === 0 ? (
        <p className="empty">Nothing counted in this period.</p>
      ) : (
        <FigureTable table={table} figures={table.rows} threshold={threshold} totals={false} />
      )}
      {table.totals.length > 0 && (
        <details>
          <summary>Totals</summary>
          <FigureTable table={table} figures={table.totals} threshold={threshold} totals />
        </details>
      )}
    </section>
  );
}

export function Statistics() {
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
        <h1 id="stats-head">Statistics for reporting</h1>
      </div>
      <p className="hint" data-testid="stats-note">
        Figures for voluntary reporting to UNODC and the Conference of the Parties. Counts below {threshold} are not shown (“fewer than{' '}
        {threshold}”), and a total that would let one be worked out is withheld. A combination that is not listed counted nothing.
      </p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          setAsked({ from: from || null, to: to || null });
        }}
      >
        <div className="field">
          <label htmlFor="stats-from">From month</label>
          <input id="stats-from" type="month" value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="stats-to">To month</label>
          <input id="stats-to" type="month" value={to} onChange={(e) => setTo(e.target.value)} />
        </div>
        <button type="submit" disabled={fetching}>
          Show
        </button>
      </form>
      {error && (
        <p className="error" role="alert">
          {error.message.replace(/^\[\w+\] /, '')}
        </p>
      )}
      {parsed && !parsed.success && (
        <p className="error" role="alert">
          The node’s report could not be read: {parsed.error.issues[0]?.message}
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
