import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { ValidationError } from './errors.js';
import type { RawStatistics, StatisticsFigure, StatisticsReport, StatisticsTable } from './statistics.js';
import { STATISTICS_CSV_COLUMNS, statisticsReport, statisticsToCsv, statisticsToJson, suppressStatistics } from './statistics.js';

const raw = (over: Partial<RawStatistics> = {}): RawStatistics => ({
  agency: 'it-polfr',
  period: { from: '2026-01', to: '2026-12' },
  generatedAt: '2026-12-31T12:00:00.000Z',
  alerts: [],
  requests: [],
  answers: [],
  protectionNotices: [],
  ...over,
});

const tableOf = (r: StatisticsReport, name: string) => r.tables.find((t) => t.name === name) as StatisticsTable;
const central = { direction: 'published', kind: 'route', region: 'central-mediterranean', month: '2026-11' };
const balkans = { ...central, region: 'western-balkans' };

/** The report of alert counts `alerts` alone, suppressed at `threshold` (the default without). */
const alertsReport = (alerts: RawStatistics['alerts'], threshold?: number) => suppressStatistics(raw({ alerts }), threshold);

/** Every figure of the report, cells and totals, with what it is. */
const figures = (r: StatisticsReport) => r.tables.flatMap((t) => [...t.rows, ...t.totals]);

describe('small counts', () => {
  const report = alertsReport([
    { ...central, count: 6 },
    { ...balkans, count: 2 },
    { ...balkans, region: 'eastern-mediterranean', count: 0 },
  ]);
  const alerts = tableOf(report, 'alerts');

  it('shows a count at the threshold or above, and hides one below it', () => {
    expect(alerts.rows).toEqual([
      { by: central, count: 6, suppressed: false },
      { by: balkans, count: null, suppressed: true },
    ]);
  });

  it('lists no combination that counted nothing', () => {
    expect(alerts.rows.some((f) => f.by.region === 'eastern-mediterranean')).toBe(false);
  });

  it('withholds every total that would give the hidden count away by subtraction', () => {
    // 8 published next to the 6 would tell the 2.
    expect(alerts.totals).toContainEqual({ by: { direction: 'published' }, count: null, suppressed: true });
    expect(alerts.totals).toContainEqual({ by: { direction: 'published', kind: 'route' }, count: null, suppressed: true });
    expect(alerts.totals).toContainEqual({ by: { direction: 'published', month: '2026-11' }, count: null, suppressed: true });
    // A total of published cells only tells nothing new and stays.
    expect(alerts.totals).toContainEqual({ by: { direction: 'published', region: 'central-mediterranean' }, count: 6, suppressed: false });
    expect(figures(report).map((f) => f.count)).not.toContain(8);
  });

  it('publishes a total whose cells are all shown, added up', () => {
    const r = alertsReport([
      { ...central, count: 6 },
      { ...balkans, count: 7 },
      { ...central, count: 1 },
    ]);
    // The two rows of the same combination are one cell of 7.
    expect(tableOf(r, 'alerts').rows.map((f) => f.count)).toEqual([7, 7]);
    expect(tableOf(r, 'alerts').totals).toContainEqual({ by: { direction: 'published' }, count: 14, suppressed: false });
  });

  it('follows the threshold it is given', () => {
    const r = alertsReport(
      [
        { ...central, count: 3 },
        { ...balkans, count: 2 },
      ],
      3,
    );
    expect(tableOf(r, 'alerts').rows.map((f) => f.count)).toEqual([3, null]);
    expect(() => suppressStatistics(raw(), 1)).toThrow(/at least 2/);
  });
});

describe('time to answer', () => {
  const mla = (direction: string, status: string, count: number) => ({ direction, requestType: 'mla', status, count });
  const answers = (direction: string, days: number[]) => days.map((d) => ({ direction, requestType: 'mla', days: d }));

  it('gives how many were answered and the median days when every count behind it is shown', () => {
    const r = suppressStatistics(raw({ requests: [mla('sent', 'answered', 6)], answers: answers('sent', [10, 2, 30, 4, 8, 6]) }));
    expect(tableOf(r, 'time_to_answer').rows).toEqual([
      { by: { direction: 'sent', requestType: 'mla' }, count: 6, suppressed: false, medianDays: 7 },
    ]);
  });

  it('withholds count and median when fewer requests than the threshold make them', () => {
    const r = suppressStatistics(raw({ requests: [mla('received', 'answered', 3)], answers: answers('received', [1, 2, 3]) }));
    expect(tableOf(r, 'time_to_answer').rows).toEqual([
      { by: { direction: 'received', requestType: 'mla' }, count: null, suppressed: true, medianDays: null },
    ]);
  });

  it('withholds the number answered when it would reveal a hidden number refused', () => {
    // Answered 6 is shown in the requests table; 8 answered or refused would tell 2 refusals.
    const r = suppressStatistics(
      raw({ requests: [mla('sent', 'answered', 6), mla('sent', 'refused', 2)], answers: answers('sent', [1, 2, 3, 4, 5, 6, 7, 8]) }),
    );
    expect(tableOf(r, 'time_to_answer').rows[0]).toMatchObject({ count: null, suppressed: true, medianDays: null });
  });

  it('refuses answers the requests table does not count: such a figure would escape the rule', () => {
    expect(() => suppressStatistics(raw({ requests: [mla('sent', 'answered', 5)], answers: answers('sent', [1, 2, 3, 4, 5, 6]) }))).toThrow(
      /disagree/,
    );
  });
});

// Any table the node could count: whatever the cells, no reader of the report can work a hidden
// count out of the published figures.
const dimsValues = {
  direction: ['published', 'received'],
  kind: ['route', 'document_fraud'],
  region: ['central-mediterranean', 'western-balkans', 'none'],
  month: ['2026-10', '2026-11', '2026-12'],
};
const arbitraryAlerts = fc.array(
  fc.record({
    direction: fc.constantFrom(...dimsValues.direction),
    kind: fc.constantFrom(...dimsValues.kind),
    region: fc.constantFrom(...dimsValues.region),
    month: fc.constantFrom(...dimsValues.month),
    count: fc.nat({ max: 12 }),
  }),
  { maxLength: 40 },
);

describe('whatever was counted', () => {
  it('never publishes a count below the threshold', () => {
    fc.assert(
      fc.property(arbitraryAlerts, fc.integer({ min: 2, max: 10 }), (alerts, threshold) => {
        const r = alertsReport(alerts, threshold);
        for (const f of figures(r)) expect(f.count === null || f.count >= threshold).toBe(true);
      }),
    );
  });

  it('publishes a total only as the sum of published cells, so no subtraction reaches a hidden one', () => {
    fc.assert(
      fc.property(arbitraryAlerts, (alerts) => {
        const t = tableOf(alertsReport(alerts), 'alerts');
        const covered = (total: StatisticsFigure) =>
          t.rows.filter((c) => Object.entries(total.by).every(([d, v]) => c.by[d as keyof typeof c.by] === v));
        for (const total of t.totals) {
          const cells = covered(total);
          expect(cells.length).toBeGreaterThan(0);
          if (total.count !== null) {
            expect(cells.every((c) => !c.suppressed)).toBe(true);
            expect(cells.reduce((n, c) => n + (c.count as number), 0)).toBe(total.count);
          } else expect(cells.some((c) => c.suppressed)).toBe(true);
        }
      }),
    );
  });
});

describe('the exports', () => {
  const report = suppressStatistics(
    raw({
      alerts: [
        { ...central, count: 6 },
        { ...balkans, count: 2 },
      ],
      protectionNotices: [{ month: '2026-11', flag: 'unaccompanied_child', country: 'ITA', count: 5 }],
    }),
  );

  it('writes one RFC 4180 CSV with CRLF, the table named on each row, <5 for a hidden cell and suppressed for a withheld total', () => {
    const csv = statisticsToCsv(report);
    expect(csv.endsWith('\r\n')).toBe(true);
    expect(csv.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    const rows = Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true });
    expect(rows.meta.fields).toEqual([...STATISTICS_CSV_COLUMNS]);
    const alerts = rows.data.filter((r) => r.table === 'alerts');
    expect(alerts.map((r) => [r.region, r.count])).toEqual([
      ['central-mediterranean', '6'],
      ['western-balkans', '<5'],
    ]);
    expect(alerts[0]).toMatchObject({ agency: 'it-polfr', period_from: '2026-01', period_to: '2026-12', month: '2026-11', flag: '' });
    expect(rows.data.find((r) => r.table === 'alerts_totals' && r.region === 'all' && r.kind === 'all' && r.month === 'all')).toMatchObject(
      {
        direction: 'published',
        count: 'suppressed',
      },
    );
    expect(rows.data.find((r) => r.table === 'protection_notices')).toMatchObject({
      flag: 'unaccompanied_child',
      country: 'ITA',
      count: '5',
    });
    // No count cell anywhere holds a number a reader could take for a small count, or the 8.
    for (const r of rows.data) expect(/^\d+$/.test(r.count as string) ? Number(r.count) : 5).toBeGreaterThanOrEqual(5);
    expect(rows.data.some((r) => r.count === '8')).toBe(false);
  });

  it('writes the JSON the schema reads back', () => {
    const json = statisticsToJson(report);
    expect(statisticsReport.parse(JSON.parse(json))).toEqual(report);
    expect(JSON.parse(json).tables[0].rows[1]).toEqual({ by: balkans, count: null, suppressed: true });
  });

  it('refuses to write a report that shows a small count, however it was made', () => {
    const tampered = structuredClone(report);
    (tableOf(tampered, 'alerts').rows[1] as StatisticsFigure).count = 2;
    expect(() => statisticsToCsv(tampered)).toThrow(ValidationError);
    expect(() => statisticsToJson(tampered)).toThrow(/threshold/);
    const unmarked = structuredClone(report);
    Object.assign(tableOf(unmarked, 'alerts').rows[1] as StatisticsFigure, { count: 7, suppressed: true });
    expect(() => statisticsToJson(unmarked)).toThrow(/suppressed/);
  });
});
