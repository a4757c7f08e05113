// The statistics' tables and dimensions and their English words: plain code lists, apart from the
// schemas in statistics.ts, so that a console names them without loading zod.
export const STATISTICS_TABLES = ['alerts', 'requests', 'time_to_answer', 'protection_notices'] as const;
export type StatisticsTableName = (typeof STATISTICS_TABLES)[number];

export const STATISTICS_DIMENSIONS = ['direction', 'kind', 'region', 'requestType', 'status', 'flag', 'country', 'month'] as const;
export type StatisticsDimension = (typeof STATISTICS_DIMENSIONS)[number];

export const STATISTICS_TABLE_LABELS: Record<StatisticsTableName, string> = {
  alerts: 'Alerts by direction, kind, route and month',
  requests: 'Formal requests by direction, type and status',
  time_to_answer: 'Requests answered or refused, and median days to answer',
  protection_notices: 'Protection needs flagged, by month, need and country',
};

export const STATISTICS_DIMENSION_LABELS: Record<StatisticsDimension, string> = {
  direction: 'Direction',
  kind: 'Kind',
  region: 'Route',
  requestType: 'Request type',
  status: 'Status',
  flag: 'Need',
  country: 'Country',
  month: 'Month',
};
