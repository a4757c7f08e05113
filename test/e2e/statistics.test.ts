// Statistics for reporting (issue 7, items 4 and 5): an agency's administrator exports its figures
// through the gateway, as JSON and as CSV, and no export shows a count below the threshold, nor a
// total from which one could be worked out. Only administrators export.
import { reportFromAnswer, type StatisticsAnswer, type StatisticsFigure, type StatisticsReport, statisticsReport } from '@corridor/proto';
import { beforeAll, describe, expect, it } from 'vitest';
import { STATISTICS_SELECTION } from '../support/consultation-selections.js';
import { routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { adminOf, officersAnd, startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const fixture = useTestNetwork(
  () =>
    startTestNetwork({
      users: officersAnd(adminOf('it-polfr', 'Giulia Ferrante'), adminOf('ne-ppn', 'Idrissa Maïga')),
    }),
  120_000,
);

const STATISTICS = `query($from: String, $to: String) { statistics(from: $from, to: $to) ${STATISTICS_SELECTION} }`;
const CSV = 'query($from: String, $to: String) { statisticsCsv(from: $from, to: $to) }';
const BALKANS = { region: 'western-balkans', waypoints: [{ country: 'SRB' }, { country: 'HUN' }] };

async function as<T>(user: string, query: string, variables: Record<string, unknown> = {}) {
  return gql<T>(fixture.net.gatewayUrl, await fixture.net.token(user), query, variables);
}

/** Every figure with the table it is in and whether it is a total. */
function figures(r: StatisticsReport): { table: string; total: boolean; f: StatisticsFigure }[] {
  return r.tables.flatMap((t) => [
    ...t.rows.map((f) => ({ table: t.name, total: false, f })),
    ...t.totals.map((f) => ({ table: t.name, total: true, f })),
  ]);
}

describe('statistics for reporting', () => {
  let month: string;
  beforeAll(async () => {
    for (const route of [...Array(6).fill(undefined), BALKANS, BALKANS]) {
      const r = await as<{ publishAlert: { createdAt: string } }>(
        'it-polfr-officer',
        'mutation($input: AlertInput!) { publishAlert(input: $input) { createdAt } }',
        { input: route ? routeAlert({ route }) : routeAlert() },
      );
      expect(r.errors).toBeUndefined();
      month = r.data?.publishAlert.createdAt.slice(0, 7) as string;
    }
  });

  it('gives Italy’s administrator the six alerts on one route and hides the two on the other, with no total that reveals them', async () => {
    const r = await as<{ statistics: StatisticsAnswer }>('it-polfr-admin', STATISTICS, { from: month, to: month });
    expect(r.errors).toBeUndefined();
    const report = statisticsReport.parse(r.data && reportFromAnswer(r.data.statistics));
    expect(report).toMatchObject({ agency: 'it-polfr', threshold: 5, period: { from: month, to: month } });
    const alerts = report.tables.find((t) => t.name === 'alerts');
    expect(alerts?.rows).toEqual([
      { by: { direction: 'published', kind: 'route', region: 'central-mediterranean', month }, count: 6, suppressed: false },
      { by: { direction: 'published', kind: 'route', region: 'western-balkans', month }, count: null, suppressed: true },
    ]);
    for (const { f } of figures(report)) expect(f.count === null || f.count >= report.threshold).toBe(true);
    // 8 published alerts, or 8 on the route kind or in the month, next to the 6 would give the 2 away.
    expect(figures(report).map(({ f }) => f.count)).not.toContain(8);
    for (const t of report.tables)
      for (const total of t.totals.filter((x) => x.count !== null)) {
        const covered = t.rows.filter((c) => Object.entries(total.by).every(([d, v]) => c.by[d as keyof typeof c.by] === v));
        expect(covered.every((c) => !c.suppressed)).toBe(true);
        expect(covered.reduce((n, c) => n + (c.count as number), 0)).toBe(total.count);
      }
  });

  it('writes the same figures as CSV, with <5 where a count is hidden and no small number in any count', async () => {
    const r = await as<{ statisticsCsv: string }>('it-polfr-admin', CSV, { from: month, to: month });
    expect(r.errors).toBeUndefined();
    const csv = r.data?.statisticsCsv as string;
    expect(csv.endsWith('\r\n')).toBe(true);
    // Codes and numbers only: no cell needs quoting, so a split reads it.
    expect(csv).not.toContain('"');
    const [header, ...lines] = csv
      .trimEnd()
      .split('\r\n')
      .map((l) => l.split(','));
    const col = (name: string) => (header as string[]).indexOf(name);
    const rows = lines.map((cells) => Object.fromEntries((header as string[]).map((h, i) => [h, cells[i] as string])));
    expect(col('table')).toBe(0);
    expect(rows.filter((x) => x.table === 'alerts').map((x) => [x.region, x.count])).toEqual([
      ['central-mediterranean', '6'],
      ['western-balkans', '<5'],
    ]);
    for (const x of rows) {
      expect(x.count, JSON.stringify(x)).toMatch(/^(\d+|<5|suppressed)$/);
      if (/^\d+$/.test(x.count as string)) expect(Number(x.count)).toBeGreaterThanOrEqual(5);
    }
    expect(rows.find((x) => x.table === 'alerts_totals' && x.kind === 'all' && x.region === 'all' && x.month === 'all')?.count).toBe(
      'suppressed',
    );
    expect(rows.some((x) => x.count === '8' || x.count === '2')).toBe(false);
  });

  it('counts them as received at a partner’s node, under the same rule', async () => {
    const received = await eventually(async () => {
      const r = await as<{ statistics: StatisticsAnswer }>('ne-ppn-admin', STATISTICS, { from: month, to: month });
      const rows =
        statisticsReport.parse(r.data && reportFromAnswer(r.data.statistics)).tables.find((t) => t.name === 'alerts')?.rows ?? [];
      return rows.filter((x) => x.by.direction === 'received').length === 2 && rows.some((x) => x.count === 6) && rows;
    });
    expect(received).toEqual([
      { by: { direction: 'received', kind: 'route', region: 'central-mediterranean', month }, count: 6, suppressed: false },
      { by: { direction: 'received', kind: 'route', region: 'western-balkans', month }, count: null, suppressed: true },
    ]);
  });

  it('refuses an officer who is not an administrator, in JSON and in CSV alike', async () => {
    for (const query of [STATISTICS, CSV]) {
      const r = await as<unknown>('it-polfr-officer', query);
      expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(r.data ?? null).toBeNull();
    }
  });

  it('refuses a period that is not whole months, naming the field', async () => {
    const r = await as<unknown>('it-polfr-admin', STATISTICS, { from: '2026-11-05' });
    expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ path: 'from' }] });
  });
});
