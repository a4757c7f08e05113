import { type AccessClaims, type Alert, releasePolicy } from '@corridor/proto';
import { beforeAll, describe, expect, it } from 'vitest';
import { afterMoment, type ExportCursor } from '../alerts/alert-store.js';
import { publishAlert, publishAlerts } from '../alerts/publish-alert.js';
import type { AuditRecord } from '../audit/audit-log.js';
import type { GroupWriter } from '../group-commit.js';
import { ITALY, italyPublishing, routeInput, SPEC_MEMBERSHIP } from '../testing/fixtures.js';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { type ExportServices, exportPage } from './exported-alerts.js';

const claims = (agency: string): AccessClaims => ({
  iss: `https://issuer.${agency}.invalid/`,
  sub: `${agency}-officer`,
  aud: 'corridor',
  exp: Math.floor(Date.now() / 1000) + 600,
  agency,
  name: 'Officer',
  roles: ['border_officer'],
  country: 'ITA',
  networks: [],
});

// Italy keeps its route alerts over the Central Mediterranean from Niger, and gives Nigeria everything.
const POLICY = releasePolicy.parse({
  agency: 'it-polfr',
  version: 3,
  rules: [
    { id: 'not-to-niger', effect: 'deny', resource: 'alert', partners: ['ne-ppn'], tlp: ['CLEAR'] },
    { id: 'alerts-members', resource: 'alert' },
  ],
});

/** A route alert's weight as TAXII counts it: its report and one location per waypoint. */
const weight = (a: Alert) => 1 + (a.route?.waypoints.length ?? 0);

describe('pages of exported alerts', () => {
  const scratch = useMigratedScratchDatabase();
  const audited: AuditRecord[] = [];
  let services: ExportServices;
  const ids = { exportable: [] as string[], clear: [] as string[], batch: [] as string[], red: '' };

  beforeAll(async () => {
    const ctx = await italyPublishing(scratch.database.db);
    for (const tlp of ['GREEN', 'CLEAR', 'GREEN'] as const) {
      const a = await publishAlert(ctx, routeInput({ tlp }));
      ids.exportable.push(a.id);
      if (tlp === 'CLEAR') ids.clear.push(a.id);
    }
    ids.red = (await publishAlert(ctx, routeInput({ tlp: 'RED' }))).id;
    // One call, one transaction: five alerts stored at one moment.
    ids.batch = (
      await publishAlerts(
        ctx,
        [1, 2, 3, 4, 5].map(() => routeInput({ tlp: 'CLEAR' })),
      )
    ).map((a) => a.id);
    ids.exportable.push(...ids.batch);
    ids.clear.push(...ids.batch);
    const audit = (async (records: AuditRecord[]) => {
      audited.push(...records);
    }) as GroupWriter<AuditRecord[]>;
    services = { db: scratch.database.db, agency: ITALY, membership: () => SPEC_MEMBERSHIP, policy: () => POLICY, audit };
  });

  async function walkByNext(agency: string, budget: number): Promise<string[][]> {
    const pages: string[][] = [];
    let after: ExportCursor | null = null;
    for (let i = 0; i < 50; i++) {
      const page = await exportPage(services, claims(agency), { after, budget, weight });
      pages.push(page.items.map((x) => x.alert.id));
      if (!page.next) return pages;
      after = page.next;
    }
    throw new Error('the walk did not end');
  }

  it('gives every CLEAR and GREEN alert once, in the order stored, never RED, whatever the page size', async () => {
    for (let budget = 1; budget <= 20; budget++) {
      const pages = await walkByNext('it-polfr', budget);
      expect(pages.flat(), `budget ${budget}`).toEqual(ids.exportable);
      // A page holds at least one alert and, but for one alert alone, fits its budget (3 objects each).
      for (const p of pages.slice(0, -1)) expect(p.length).toBeGreaterThanOrEqual(1);
      for (const p of pages) if (p.length > 1) expect(p.length * 3).toBeLessThanOrEqual(budget);
    }
  });

  it('never ends a page inside a moment that fits a page, so that paging by added_after loses nothing', async () => {
    // The batch weighs 15: from a budget of 15 up, every page boundary falls between two moments.
    for (const budget of [15, 16, 20, 29]) {
      const seen: string[] = [];
      let after: ExportCursor | null = null;
      for (let i = 0; i < 20; i++) {
        const page = await exportPage(services, claims('it-polfr'), { after, budget, weight });
        seen.push(...page.items.map((x) => x.alert.id));
        const last = page.items[page.items.length - 1];
        if (!page.next || !last) break;
        after = afterMoment(last.added);
      }
      expect(seen, `budget ${budget}`).toEqual(ids.exportable);
    }
  });

  it('gives a partner only what the policy releases to it, and audits exactly the pages served', async () => {
    audited.length = 0;
    const pages = await walkByNext('ne-ppn', 4);
    expect(pages.flat()).toEqual(ids.exportable.filter((id) => !ids.clear.includes(id)));
    expect(audited.flatMap((r) => r.items)).toEqual(pages.flat().map((id) => `${id}@1`));
    expect(audited.every((r) => r.agency === 'ne-ppn' && r.channel === 'query' && r.rule === 'alerts-members')).toBe(true);
  });

  it('gives an agency that is not a member nothing', async () => {
    expect(await exportPage(services, claims('xx-none'), { after: null, budget: 100, weight })).toEqual({ items: [], next: null });
  });
});
