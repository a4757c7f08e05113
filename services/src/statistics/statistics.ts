// The agency's figures for voluntary reporting (issue 7, item 4), counted at its own node and
// suppressed by proto's rule (statistics.ts) before they leave this module: nothing here returns
// a raw small count.
import {
  foldConsultation,
  parseOrThrow,
  type RawStatistics,
  type RequestStatus,
  type RequestType,
  type StatisticsReport,
  statisticsPeriod,
  suppressStatistics,
} from '@corridor/proto';
import { alertFigures } from '../alerts/alert-store.js';
import { requestConsultations } from '../consultations/consultation-store.js';
import { noticeFigures } from '../consultations/protection-store.js';
import type { Db } from '../database.js';
import type { PurgedFigures } from '../retention/purge-consultations.js';
import { purgedAlertFigures, purgedFigures } from '../retention/report.js';

export interface StatisticsOptions {
  /** This node's agency: requests it is the sending authority of are `sent`. */
  agency: string;
  /** First and last month reported (`YYYY-MM`, UTC), both included; open when absent. */
  from?: string | null | undefined;
  to?: string | null | undefined;
  /** Counts below it are suppressed (CORRIDOR_STATS_MIN_COUNT). */
  threshold: number;
  now: Date;
}

const DAY_MS = 86_400_000;

function monthStart(month: string, plus = 0): Date {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Date(Date.UTC(y, m - 1 + plus, 1));
}

/** Throws proto's ValidationError (fields `from`, `to`) for a period that is not whole months in order. */
export async function agencyStatistics(db: Db, opts: StatisticsOptions): Promise<StatisticsReport> {
  const period = parseOrThrow(
    statisticsPeriod,
    { ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}) },
    'statistics period',
  );
  const start = period.from ? monthStart(period.from) : null;
  const end = period.to ? monthStart(period.to, 1) : null;

  const alerts = await alertCounts(db, start, end);
  const purged = await purgedFigures(db);
  const protectionNotices = [...(await noticeFigures(db, start, end)), ...purgedNoticeFigures(purged, start, end)];

  const { requests, answers } = await requestFigures(db, opts.agency, start, end, purged);
  return suppressStatistics(
    {
      agency: opts.agency,
      period: { from: period.from ?? null, to: period.to ?? null },
      generatedAt: opts.now.toISOString(),
      alerts,
      requests,
      answers,
      protectionNotices,
    },
    opts.threshold,
  );
}

/**
 * Requests are folded from their consultations' events, as both parties see them (proto
 * foldConsultation). A request counts in the period it was sent in; a draft never sent is no
 * request made and is left out (and a receiver never holds one).
 */
async function requestFigures(
  db: Db,
  agency: string,
  start: Date | null,
  end: Date | null,
  purged: readonly PurgedFigures[],
): Promise<Pick<RawStatistics, 'requests' | 'answers'>> {
  const byConsultation = await requestConsultations(db);
  const requests: RawStatistics['requests'] = [];
  const answers: RawStatistics['answers'] = [];
  const held = [...byConsultation.values()].flatMap((events) =>
    (foldConsultation(events)?.requests ?? []).map((r) => ({
      direction: r.sendingAuthority.agency === agency ? ('sent' as const) : ('received' as const),
      requestType: r.requestType,
      status: r.status,
      sentAt: r.sentAt ?? null,
      answeredAt: r.answeredAt ?? null,
    })),
  );
  // A purged consultation's requests count as they did when it was held: a purge changes no month's figures.
  for (const r of [...held, ...purged.flatMap((c) => c.requests)]) {
    if (!r.sentAt) continue;
    const sent = Date.parse(r.sentAt);
    if ((start && sent < start.getTime()) || (end && sent >= end.getTime())) continue;
    requests.push({ direction: r.direction, requestType: r.requestType as RequestType, status: r.status as RequestStatus, count: 1 });
    if (r.answeredAt)
      answers.push({
        direction: r.direction,
        requestType: r.requestType as RequestType,
        days: Math.max(0, Date.parse(r.answeredAt) - sent) / DAY_MS,
      });
  }
  return { requests, answers };
}

/** A purged consultation's notices, counted as noticeFigures counts those held. */
function purgedNoticeFigures(purged: readonly PurgedFigures[], start: Date | null, end: Date | null): RawStatistics['protectionNotices'] {
  const sum = new Map<string, RawStatistics['protectionNotices'][number]>();
  for (const n of purged.flatMap((c) => c.notices)) {
    const at = Date.parse(n.at);
    if ((start && at < start.getTime()) || (end && at >= end.getTime())) continue;
    for (const flag of new Set(n.flags)) {
      const cell = { month: n.at.slice(0, 7), flag, country: n.country };
      const key = JSON.stringify(cell);
      const seen = sum.get(key);
      sum.set(key, { ...cell, count: (seen?.count ?? 0) + 1 } as RawStatistics['protectionNotices'][number]);
    }
  }
  return [...sum.values()];
}

/** Alerts held and alerts purged (retention), counted together: a purge changes no month's figures. */
export async function alertCounts(db: Db, start: Date | null, end: Date | null): Promise<RawStatistics['alerts']> {
  const sum = new Map<string, RawStatistics['alerts'][number]>();
  for (const cell of [...(await alertFigures(db, start, end)), ...(await purgedAlertFigures(db, start, end))]) {
    const key = JSON.stringify([cell.direction, cell.kind, cell.region, cell.month]);
    const seen = sum.get(key);
    sum.set(key, seen ? { ...seen, count: seen.count + cell.count } : cell);
  }
  return [...sum.values()];
}
