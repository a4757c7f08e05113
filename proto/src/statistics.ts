// Statistics for voluntary reporting (issue 7, item 4): each agency's administrator exports
// disaggregated figures (alerts by route, kind and month; formal requests by type and status, and
// how long they took to answer; protection needs flagged) for UNODC and the Conference of the
// Parties, as one CSV file or as JSON. The node counts; this module decides what may be shown.
//
// Small counts (what is suppressed and why)
//   A count from 1 to threshold−1 (DEFAULT_SMALL_COUNT_THRESHOLD, 5) could point at a handful of
//   people or cases, so it is never written: the figure is listed with `count: null, suppressed:
//   true` (CSV `<5`). Zero is not sensitive and is not listed at all: a combination that is
//   missing counted nothing.
//
//   Secondary suppression. A published total lets a reader subtract the published cells from it
//   and recover a suppressed one (a total of 8 next to a published 6 gives away the 2). So every
//   total (and the number of requests answered, which is the sum of two cells of the requests
//   table) is published only when none of the cells it adds up is suppressed; otherwise it is
//   withheld too, whatever its size (CSV `suppressed`, never `<5`, which could be false for it).
//   A published total is then always the sum of published figures: no equation a reader can
//   write from one report holds a suppressed cell, so all they learn of one is that it is between
//   1 and threshold−1. Withheld totals are not told apart as "small" or "hiding a small cell"
//   either, since that would narrow the suppressed cells' range.
//
//   What this does not protect against:
//   - Two exports of different periods. Alerts and notices are counted per month and the period
//     is whole months, so their cells are the same figures in every export (only the current
//     month grows); but requests and times to answer are counted over the whole period, and
//     exports of overlapping periods (2026 and January–November 2026) can be subtracted. Report
//     fixed, non-overlapping periods.
//   - One export taken again later: a cell that grows from 5 to 7 tells that 2 cases came in
//     between. That is inherent to any figure that is kept up to date.
//   - Figures published elsewhere (by a partner agency about the same alerts, or by this agency
//     in another form) combined with these.
//   - Whatever a count of 5 or more reveals by itself (a month with 5 notices of unaccompanied
//     children in a small country), and the median of 5 answers, which is one request's time.
import { z } from 'zod';
import type { RequestStatus } from './codes.js';
import { parseOrThrow } from './errors.js';
import { agencyId, isoDateTime } from './fields.js';
import { STATISTICS_DIMENSIONS, STATISTICS_TABLES, type StatisticsDimension, type StatisticsTableName } from './statistics-codes.js';

export const DEFAULT_SMALL_COUNT_THRESHOLD = 5;
const STATISTICS_FORMAT = 'corridor-statistics/1' as const;

/** A calendar month in UTC, `YYYY-MM`: the unit of every period and of every `month` dimension. */
const statisticsMonth = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'must be a month, e.g. 2026-11');

/** The months reported, both included; either end may be left open. */
export const statisticsPeriod = z
  .strictObject({ from: statisticsMonth.optional(), to: statisticsMonth.optional() })
  .refine((p) => !p.from || !p.to || p.from <= p.to, { path: ['to'], message: 'must not be before from' });

/** What each end of the period means, in the words the node's and the gateway's APIs give for it. */
export const STATISTICS_PERIOD_WORDS = {
  from: 'First month reported, `YYYY-MM` (UTC); from the beginning when absent.',
  to: 'Last month reported, included, `YYYY-MM` (UTC); up to now when absent.',
} as const;

/** The dimensions of each table's cells, in the order they are sorted and written. */
const STATISTICS_TABLE_DIMENSIONS = {
  alerts: ['direction', 'kind', 'region', 'month'],
  requests: ['direction', 'requestType', 'status'],
  time_to_answer: ['direction', 'requestType'],
  protection_notices: ['month', 'flag', 'country'],
} as const satisfies Record<StatisticsTableName, readonly StatisticsDimension[]>;

/**
 * The totals each table publishes when they reveal nothing, by the dimensions they keep. Alerts
 * and requests are never added across directions: published and received are different things.
 */
const TOTALS: Record<StatisticsTableName, readonly (readonly StatisticsDimension[])[]> = {
  alerts: [['direction'], ['direction', 'kind'], ['direction', 'region'], ['direction', 'month']],
  requests: [['direction'], ['direction', 'requestType'], ['direction', 'status']],
  time_to_answer: [],
  protection_notices: [[], ['month'], ['flag'], ['country']],
};

/** The statuses whose requests make the time to answer (a refusal is an answer too). */
const ANSWERED: readonly RequestStatus[] = ['answered', 'refused'];

const statisticsFigure = z.strictObject({
  /** The cell's place in its table; for a total, only the dimensions it keeps (it adds up the others). */
  by: z.partialRecord(z.enum(STATISTICS_DIMENSIONS), z.string().min(1)),
  /** Null when suppressed. */
  count: z.number().int().positive().nullable(),
  suppressed: z.boolean(),
  /** time_to_answer only: median days from sending to the answer; null when suppressed. */
  medianDays: z.number().nonnegative().nullable().optional(),
});
export type StatisticsFigure = z.infer<typeof statisticsFigure>;

const statisticsTable = z.strictObject({
  name: z.enum(STATISTICS_TABLES),
  dimensions: z.array(z.enum(STATISTICS_DIMENSIONS)),
  rows: z.array(statisticsFigure),
  totals: z.array(statisticsFigure),
});
export type StatisticsTable = z.infer<typeof statisticsTable>;

/**
 * The report as the node answers it and the JSON export writes it. Parsing it checks the promise
 * made to the reader: no count below the threshold, and nothing shown of a suppressed figure.
 */
export const statisticsReport = z
  .strictObject({
    format: z.literal(STATISTICS_FORMAT),
    agency: agencyId,
    period: z.strictObject({ from: statisticsMonth.nullable(), to: statisticsMonth.nullable() }),
    generatedAt: isoDateTime,
    threshold: z.number().int().min(2),
    notes: z.array(z.string()),
    tables: z.array(statisticsTable),
  })
  .superRefine((r, ctx) => {
    r.tables.forEach((t, ti) => {
      for (const part of ['rows', 'totals'] as const) {
        t[part].forEach((f, fi) => {
          const path = ['tables', ti, part, fi];
          if (f.count !== null && f.count < r.threshold)
            ctx.addIssue({ code: 'custom', path: [...path, 'count'], message: `must not be below the threshold of ${r.threshold}` });
          if (f.suppressed !== (f.count === null))
            ctx.addIssue({ code: 'custom', path: [...path, 'suppressed'], message: 'must be true exactly when the count is null' });
          if (f.suppressed && f.medianDays != null)
            ctx.addIssue({ code: 'custom', path: [...path, 'medianDays'], message: 'must be null when the count is suppressed' });
          const keys = Object.keys(f.by);
          if (keys.some((k) => !(t.dimensions as string[]).includes(k)) || (part === 'rows' && keys.length !== t.dimensions.length))
            ctx.addIssue({
              code: 'custom',
              path: [...path, 'by'],
              message: `must name the table's dimensions (${t.dimensions.join(', ')})`,
            });
        });
      }
    });
  });
export type StatisticsReport = z.infer<typeof statisticsReport>;

type Cell<D extends StatisticsDimension> = { [K in D]: string } & { count: number };

/** What the node counted, before anything is suppressed. */
export interface RawStatistics {
  agency: string;
  period: { from: string | null; to: string | null };
  generatedAt: string;
  /** direction: `published` (this agency's own) or `received`; region `none` for an alert without a route. */
  alerts: Cell<'direction' | 'kind' | 'region' | 'month'>[];
  /** direction: `sent` (this agency is the sending authority) or `received`. */
  requests: Cell<'direction' | 'requestType' | 'status'>[];
  /** One per request of `requests` answered or refused: the days from its sending to the answer. */
  answers: { direction: string; requestType: string; days: number }[];
  /** A notice flagging two needs counts once under each. */
  protectionNotices: Cell<'month' | 'flag' | 'country'>[];
}

type By = Partial<Record<StatisticsDimension, string>>;
interface Counted {
  by: By;
  count: number;
}

const pick = (by: By, dims: readonly StatisticsDimension[]): By => Object.fromEntries(dims.map((d) => [d, by[d] ?? ''])) as By;
const keyOf = (by: By, dims: readonly StatisticsDimension[]) => JSON.stringify(dims.map((d) => by[d] ?? ''));
const inOrder = (dims: readonly StatisticsDimension[]) => (a: { by: By }, b: { by: By }) => {
  for (const d of dims) {
    const x = a.by[d] ?? '';
    const y = b.by[d] ?? '';
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
};

/** Adds up repeated combinations and leaves out the zeros. */
function merge(cells: readonly Record<string, string | number>[], dims: readonly StatisticsDimension[]): Counted[] {
  const merged = new Map<string, Counted>();
  for (const c of cells) {
    const count = c.count;
    if (typeof count !== 'number' || !Number.isInteger(count) || count < 0)
      throw new RangeError(`a count must be a whole number: ${count}`);
    const by = Object.fromEntries(dims.map((d) => [d, String(c[d] ?? '')])) as By;
    if (dims.some((d) => !by[d])) throw new RangeError(`a cell must name ${dims.join(', ')}`);
    const key = keyOf(by, dims);
    const m = merged.get(key);
    if (m) m.count += count;
    else merged.set(key, { by, count });
  }
  return [...merged.values()].filter((c) => c.count > 0).sort(inOrder(dims));
}

const shown = (by: By, count: number): StatisticsFigure => ({ by, count, suppressed: false });
const hidden = (by: By): StatisticsFigure => ({ by, count: null, suppressed: true });

function table(name: StatisticsTableName, cells: Counted[], threshold: number): StatisticsTable {
  const dims = STATISTICS_TABLE_DIMENSIONS[name];
  const totals: StatisticsFigure[] = [];
  for (const keep of TOTALS[name]) {
    const groups = new Map<string, { by: By; sum: number; hidesSmall: boolean }>();
    for (const c of cells) {
      const key = keyOf(c.by, keep);
      const g = groups.get(key) ?? { by: pick(c.by, keep), sum: 0, hidesSmall: false };
      g.sum += c.count;
      g.hidesSmall ||= c.count < threshold;
      groups.set(key, g);
    }
    totals.push(...[...groups.values()].sort(inOrder(keep)).map((g) => (g.hidesSmall ? hidden(g.by) : shown(g.by, g.sum))));
  }
  return {
    name,
    dimensions: [...dims],
    rows: cells.map((c) => (c.count < threshold ? hidden(c.by) : shown(c.by, c.count))),
    totals,
  };
}

function median(values: number[]): number {
  const v = [...values].sort((a, b) => a - b);
  const mid = Math.floor(v.length / 2);
  const m = v.length % 2 ? (v[mid] as number) : ((v[mid - 1] as number) + (v[mid] as number)) / 2;
  return Math.round(m * 10) / 10;
}

/**
 * The count for each request type of how many requests were answered (or refused), with the
 * median days it took. That count is the sum of the requests table's `answered` and `refused`
 * cells, so it is withheld whenever either of them is suppressed; the median goes with it.
 */
function timeToAnswer(raw: RawStatistics, requests: Counted[], threshold: number): StatisticsTable {
  const dims = STATISTICS_TABLE_DIMENSIONS.time_to_answer;
  const days = new Map<string, { by: By; days: number[] }>();
  for (const a of raw.answers) {
    if (!Number.isFinite(a.days) || a.days < 0) throw new RangeError(`days to answer must not be negative: ${a.days}`);
    const by = pick(a as By, dims);
    const key = keyOf(by, dims);
    const d = days.get(key) ?? { by, days: [] };
    d.days.push(a.days);
    days.set(key, d);
  }
  const rows = [...days.values()].sort(inOrder(dims)).map(({ by, days: d }): StatisticsFigure => {
    const parts = requests.filter((c) => keyOf(c.by, dims) === keyOf(by, dims) && ANSWERED.includes(c.by.status as RequestStatus));
    // A count that is not the sum of the cells would be a figure of its own, outside the rule.
    if (parts.reduce((n, c) => n + c.count, 0) !== d.length)
      throw new RangeError(`answers and requests disagree for ${keyOf(by, dims)}: ${d.length} answers`);
    const withheld = d.length < threshold || parts.some((c) => c.count < threshold);
    return withheld ? { ...hidden(by), medianDays: null } : { ...shown(by, d.length), medianDays: median(d) };
  });
  return { name: 'time_to_answer', dimensions: [...dims], rows, totals: [] };
}

function notes(threshold: number): string[] {
  return [
    `Counts from 1 to ${threshold - 1} are not shown (suppressed, written <${threshold}); a combination not listed counted nothing.`,
    'A total, or a number of requests answered, that includes a suppressed count is withheld as well (written "suppressed"), so that no suppressed count can be worked out by subtraction.',
    'Alerts: every alert this agency published or received, withdrawn ones included, in the month (UTC) it was created; route "none" is an alert without a route.',
    'Requests: every formal request sent or received in the period (by when it was sent), by its status now; drafts never sent are not counted.',
    'Time to answer: days from sending to the answer or refusal; the median over the requests answered.',
    'Protection notices: needs flagged, by month, need and country; a notice flagging two needs counts under each, so totals count needs, not notices.',
  ];
}

/** Applies the small-count rule (above) to what the node counted: the report that may be exported. */
export function suppressStatistics(raw: RawStatistics, threshold: number = DEFAULT_SMALL_COUNT_THRESHOLD): StatisticsReport {
  if (!Number.isInteger(threshold) || threshold < 2) throw new RangeError('the small-count threshold must be a whole number, at least 2');
  const requests = merge(raw.requests, STATISTICS_TABLE_DIMENSIONS.requests);
  const report: StatisticsReport = {
    format: STATISTICS_FORMAT,
    agency: raw.agency,
    period: { from: raw.period.from, to: raw.period.to },
    generatedAt: raw.generatedAt,
    threshold,
    notes: notes(threshold),
    tables: [
      table('alerts', merge(raw.alerts, STATISTICS_TABLE_DIMENSIONS.alerts), threshold),
      table('requests', requests, threshold),
      timeToAnswer(raw, requests, threshold),
      table('protection_notices', merge(raw.protectionNotices, STATISTICS_TABLE_DIMENSIONS.protection_notices), threshold),
    ],
  };
  // The same check every export makes: a bug above must fail here, not reach a reader.
  return parseOrThrow(statisticsReport, report, 'statistics report');
}

// ---------------------------------------------------------------------------------------------
// Exports. Both check the report again first, so a report that shows a small count (built by
// hand, or changed on the way) is refused rather than written.

/** The CSV file's columns: the table, the report's agency and period, every dimension, the figures. */
export const STATISTICS_CSV_COLUMNS = [
  'table',
  'agency',
  'period_from',
  'period_to',
  'direction',
  'kind',
  'region',
  'request_type',
  'status',
  'flag',
  'country',
  'month',
  'count',
  'median_days',
] as const;

const COLUMN_OF: Record<StatisticsDimension, (typeof STATISTICS_CSV_COLUMNS)[number]> = {
  direction: 'direction',
  kind: 'kind',
  region: 'region',
  requestType: 'request_type',
  status: 'status',
  flag: 'flag',
  country: 'country',
  month: 'month',
};

// RFC 4180 quoting, and the spreadsheet formula guard of directory-csv.ts: a cell starting with
// = + - @ (or a tab or carriage return) gets a leading `'`. Codes never start so; it is there for
// whatever a future dimension carries.
function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * One CSV file (RFC 4180, CRLF, header row) with every table, named in the `table` column; a
 * table's totals follow it as `<table>_totals`, with `all` in the dimensions they add up and an
 * empty cell in those the table does not have. A suppressed cell's count is written `<5` (with
 * the report's threshold); a withheld total or number answered is written `suppressed`.
 */
export function statisticsToCsv(report: StatisticsReport): string {
  const r = parseOrThrow(statisticsReport, report, 'statistics report');
  const lines = [STATISTICS_CSV_COLUMNS.join(',')];
  const write = (tableName: string, dims: readonly StatisticsDimension[], f: StatisticsFigure, small: boolean) => {
    const cells: Record<string, string> = {
      table: tableName,
      agency: r.agency,
      period_from: r.period.from ?? '',
      period_to: r.period.to ?? '',
    };
    for (const d of dims) cells[COLUMN_OF[d]] = f.by[d] ?? 'all';
    const withheld = small ? `<${r.threshold}` : 'suppressed';
    cells.count = f.count === null ? withheld : String(f.count);
    if (f.medianDays !== undefined) cells.median_days = f.medianDays === null ? 'suppressed' : String(f.medianDays);
    lines.push(STATISTICS_CSV_COLUMNS.map((c) => csvCell(cells[c] ?? '')).join(','));
  };
  for (const t of r.tables) {
    // Only a table's own cells are ever suppressed for being small; its totals and the counts of
    // time_to_answer may be withheld for hiding one, whatever their own size.
    for (const f of t.rows) write(t.name, t.dimensions, f, t.name !== 'time_to_answer');
    for (const f of t.totals) write(`${t.name}_totals`, t.dimensions, f, false);
  }
  return `${lines.join('\r\n')}\r\n`;
}

/** The report as a JSON file (the shape of `statisticsReport`). */
export function statisticsToJson(report: StatisticsReport): string {
  return `${JSON.stringify(parseOrThrow(statisticsReport, report, 'statistics report'), null, 2)}\n`;
}
