// A statistics report as GraphQL serves it (the StatisticsReport object type), and the way back
// to the report's own shape. GraphQL answers null for every field a figure does not carry, where
// the report leaves it out: a total keeps some dimensions only, and only time_to_answer figures
// have a median. The report's schema tells those apart (`statisticsToCsv` writes a suppressed
// median, and nothing for a table without one), so the way back is the report's to know.
import { STATISTICS_DIMENSIONS, type StatisticsDimension } from './statistics-codes.js';

/** A figure as a server reads it (a node's report) or a client receives it (absent fields null). */
export interface StatisticsFigureAnswer {
  by: { [D in StatisticsDimension]?: string | null };
  count: number | null;
  suppressed: boolean;
  medianDays?: number | null;
}

export interface StatisticsAnswer {
  format: string;
  agency: string;
  period: { from: string | null; to: string | null };
  generatedAt: string;
  threshold: number;
  notes: string[];
  tables: { name: string; dimensions: string[]; rows: StatisticsFigureAnswer[]; totals: StatisticsFigureAnswer[] }[];
}

const WITH_MEDIAN = 'time_to_answer';

/**
 * The report a GraphQL answer holds, to be parsed with `statisticsReport` like any other. Only the
 * report's fields are copied: a client's cache may add its own (`__typename`), which the strict
 * schema would refuse.
 */
export function reportFromAnswer(a: StatisticsAnswer) {
  return {
    format: a.format,
    agency: a.agency,
    period: { from: a.period.from, to: a.period.to },
    generatedAt: a.generatedAt,
    threshold: a.threshold,
    notes: a.notes,
    tables: a.tables.map((t) => {
      const figure = (f: StatisticsFigureAnswer) => ({
        by: Object.fromEntries(STATISTICS_DIMENSIONS.flatMap((d) => (f.by[d] == null ? [] : [[d, f.by[d]]]))),
        count: f.count,
        suppressed: f.suppressed,
        ...(t.name === WITH_MEDIAN ? { medianDays: f.medianDays ?? null } : {}),
      });
      return { name: t.name, dimensions: t.dimensions, rows: t.rows.map(figure), totals: t.totals.map(figure) };
    }),
  };
}
