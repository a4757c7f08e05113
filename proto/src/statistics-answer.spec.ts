import { describe, expect, it } from 'vitest';
import { statisticsReport, statisticsToCsv, suppressStatistics } from './statistics.js';
import { reportFromAnswer, type StatisticsAnswer, type StatisticsFigureAnswer } from './statistics-answer.js';
import { STATISTICS_DIMENSIONS } from './statistics-codes.js';

const report = suppressStatistics({
  agency: 'it-polfr',
  period: { from: null, to: '2026-12' },
  generatedAt: '2026-12-31T12:00:00.000Z',
  alerts: [
    { direction: 'published', kind: 'route', region: 'central-mediterranean', month: '2026-11', count: 6 },
    { direction: 'published', kind: 'route', region: 'western-balkans', month: '2026-11', count: 2 },
  ],
  requests: [
    { direction: 'sent', requestType: 'mla', status: 'answered', count: 5 },
    { direction: 'sent', requestType: 'extradition', status: 'refused', count: 1 },
  ],
  answers: [
    ...[3, 4, 5, 6, 7].map((days) => ({ direction: 'sent', requestType: 'mla', days })),
    { direction: 'sent', requestType: 'extradition', days: 9 },
  ],
  protectionNotices: [{ month: '2026-11', flag: 'child', country: 'ITA', count: 7 }],
});

/** What a GraphQL client receives: every field selected, null where the report has none, and the cache's __typename. */
function asGraphQLAnswer(r: typeof report): StatisticsAnswer {
  const figure = (f: (typeof r.tables)[number]['rows'][number]) => {
    const by: StatisticsFigureAnswer['by'] & { __typename: string } = { __typename: 'StatisticsBy' };
    for (const d of STATISTICS_DIMENSIONS) by[d] = f.by[d] ?? null;
    return { __typename: 'StatisticsFigure', by, count: f.count, suppressed: f.suppressed, medianDays: f.medianDays ?? null };
  };
  return {
    ...r,
    period: { ...r.period },
    tables: r.tables.map((t) => ({ ...t, __typename: 'StatisticsTable', rows: t.rows.map(figure), totals: t.totals.map(figure) })),
  };
}

describe('a statistics report read back from GraphQL', () => {
  it('is the report again: the dimensions a figure keeps, and a median where the table has one, suppressed or not', () => {
    const back = statisticsReport.parse(reportFromAnswer(asGraphQLAnswer(report)));
    expect(back).toEqual(report);
    expect(statisticsToCsv(back)).toBe(statisticsToCsv(report));
    const medians = back.tables.find((t) => t.name === 'time_to_answer')?.rows.map((f) => f.medianDays);
    expect(medians).toEqual([null, 5]);
  });
});
