// Retention (issue 17, item 4), "a purge that leaves the audit verifiable" between two agencies:
// Italy publishes a route alert that Nigeria receives; once it expired and the route period of
// each agency's retention document passed, both nodes purge it: its pseudonyms hit nowhere, its
// free text is in neither database, each purge left a tombstone the administrators' purge report
// lists with its hash, and the audit chain of both still verifies. An expired alert of a kind
// kept longer no longer hits either, before any purge.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { documentFraudAlert, RAW, routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { AGENCIES, adminOf, officersAnd, startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const ITALY = 'it-polfr';
const NIGERIA = 'ng-nis';
// Route alerts go two seconds after they lapse; document-fraud alerts keep the default (90 days).
const retention = (agency: string) => ({ agency, version: 1, periods: { route_alert: 'PT2S' } });

const fixture = useTestNetwork(
  () =>
    startTestNetwork({
      agencies: AGENCIES.map((a) => (a.id === ITALY || a.id === NIGERIA ? { ...a, retention: retention(a.id) } : a)),
      users: officersAnd(adminOf(ITALY, 'Administrator in Lampedusa'), adminOf(NIGERIA, 'Administrator at NIS')),
      nodeEnv: { CORRIDOR_RETENTION_SCAN_MS: '300' },
    }),
  120_000,
);
const net = () => fixture.net;
const as = async (user: string) => net().token(user);

async function sql<T extends pg.QueryResultRow>(agency: string, text: string, values: unknown[] = []): Promise<T[]> {
  const db = new pg.Client({ connectionString: net().databases.urls[agency] });
  await db.connect();
  try {
    return (await db.query<T>(text, values)).rows;
  } finally {
    await db.end();
  }
}

/** Every table of the node's database whose rows, as text, contain `needle`. */
async function tablesHolding(agency: string, needle: string): Promise<string[]> {
  const tables = await sql<{ name: string }>(
    agency,
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const [row] = await sql<{ n: number }>(agency, `SELECT count(*)::int AS n FROM "${name}" t WHERE t::text ILIKE $1`, [`%${needle}%`]);
    if ((row?.n ?? 0) > 0) found.push(name);
  }
  return found;
}

const CHECK = `query($identifier: IdentifierInput!) { hitCheck(identifier: $identifier) { hit answers { agency hit alerts { id } } } }`;
type Check = { hitCheck: { hit: boolean; answers: { agency: string; hit: boolean; alerts: { id: string }[] }[] } };
const check = async (user: string, identifier: Record<string, unknown>) =>
  (await gql<Check>(net().gatewayUrl, await as(user), CHECK, { identifier })).data?.hitCheck;

const REPORT = `query($from: String) { purgeReport(from: $from) { retentionVersion periods { kind period } counts { kind count }
  items { kind itemId originAgency own revisions rule hash } } }`;
type Report = {
  purgeReport: {
    retentionVersion: number;
    periods: { kind: string; period: string }[];
    counts: { kind: string; count: number }[];
    items: { kind: string; itemId: string; originAgency: string; own: boolean; revisions: number; rule: string; hash: string }[];
  };
};

describe('a purge that leaves the audit verifiable', () => {
  it('purges an expired alert at both agencies, keeps their audits verifiable, and reports it to their administrators', async () => {
    const run = net().run;
    const handle = { kind: 'social_handle' as const, value: `@zuwara_${run}`, qualifier: 'telegram' };
    const passport = { kind: 'travel_document' as const, value: RAW.documentNumber, qualifier: 'NGA' };
    const marker = `Retention ${run}`;
    // Both lapse together, 8 seconds from now: the route alert is purged soon after, the other kept.
    const validUntil = new Date(Date.now() + 8_000).toISOString();
    const publish = async (input: unknown) => {
      const r = await gql<{ publishAlert: { id: string } }>(
        net().gatewayUrl,
        await as(`${ITALY}-officer`),
        'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
        { input },
      );
      expect(r.errors).toBeUndefined();
      return r.data?.publishAlert.id as string;
    };
    const route = await publish(
      routeAlert({ summary: `${marker}: rubber boats leaving Zuwara at night`, identifiers: [handle], validUntil }),
    );
    const fraud = await publish(documentFraudAlert({ identifiers: [passport], validUntil }));

    // Nigeria holds Italy's copy; before expiry the handle and the passport hit at Italy.
    await eventually(async () => (await sql(NIGERIA, 'SELECT 1 FROM alerts WHERE id = $1', [route])).length > 0);
    expect((await check(`${NIGERIA}-officer`, handle))?.answers.find((a) => a.agency === ITALY)?.alerts).toEqual([{ id: route }]);
    expect((await check(`${NIGERIA}-officer`, passport))?.answers.find((a) => a.agency === ITALY)?.alerts).toEqual([{ id: fraud }]);

    // Expired and not purged (90 days to go): it is still held, and matches nothing.
    await new Promise((r) => setTimeout(r, Math.max(0, Date.parse(validUntil) - Date.now() + 200)));
    expect(await check(`${NIGERIA}-officer`, passport)).toMatchObject({ hit: false });
    expect(await sql(ITALY, 'SELECT 1 FROM alerts WHERE id = $1', [fraud])).toHaveLength(1);

    // Two seconds later both nodes have purged the route alert, each under its own document.
    const tombstones = async (agency: string) =>
      sql<{ kind: string; hash: string; own: boolean; revisions: number }>(
        agency,
        'SELECT kind, hash, own, revisions FROM purge_tombstones WHERE item_id = $1',
        [route],
      );
    const italyTomb = await eventually(async () => (await tombstones(ITALY))[0], 15_000);
    const nigeriaTomb = await eventually(async () => (await tombstones(NIGERIA))[0], 15_000);
    expect(italyTomb).toMatchObject({ kind: 'route_alert', own: true, revisions: 1 });
    expect(nigeriaTomb).toMatchObject({ kind: 'route_alert', own: false, revisions: 1 });
    expect(italyTomb.hash).toMatch(/^[0-9a-f]{64}$/);

    // Its pseudonyms hit nowhere, asked from either agency.
    for (const user of [`${ITALY}-officer`, `${NIGERIA}-officer`]) expect(await check(user, handle)).toMatchObject({ hit: false });
    // Its free text and its raw handle are in no table of either database; the kept alert still is.
    for (const agency of [ITALY, NIGERIA]) {
      expect(await tablesHolding(agency, marker)).toEqual([]);
      expect(await tablesHolding(agency, handle.value)).toEqual([]);
      expect(await sql(agency, 'SELECT 1 FROM alert_revisions WHERE alert_id = $1', [route])).toEqual([]);
    }
    expect(await sql(ITALY, 'SELECT 1 FROM alerts WHERE id = $1', [fraud])).toHaveLength(1);

    // Each administrator's audit still verifies, and records the purge with the tombstone's hash.
    for (const [agency, tomb] of [
      [ITALY, italyTomb],
      [NIGERIA, nigeriaTomb],
    ] as const) {
      const admin = await as(`${agency}-admin`);
      const verified = await gql<{ verifyAuditLog: { ok: boolean; brokenAt: string | null; problems: { kind: string }[] } }>(
        net().gatewayUrl,
        admin,
        'query { verifyAuditLog { ok brokenAt problems { kind } } }',
      );
      expect(verified.errors).toBeUndefined();
      expect(verified.data?.verifyAuditLog).toMatchObject({ ok: true, brokenAt: null, problems: [] });
      const audit = await gql<{ auditLog: { channel: string; items: string[]; rule: string }[] }>(
        net().gatewayUrl,
        admin,
        'query { auditLog(limit: 50) { channel items rule } }',
      );
      expect(audit.data?.auditLog).toContainEqual({
        channel: 'purge',
        items: [`${route}@1`, `sha256:${tomb.hash}`],
        rule: 'retention:route_alert:PT2S',
      });

      const report = await gql<Report>(net().gatewayUrl, admin, REPORT);
      expect(report.errors).toBeUndefined();
      expect(report.data?.purgeReport.retentionVersion).toBe(1);
      expect(report.data?.purgeReport.periods).toContainEqual({ kind: 'route_alert', period: 'PT2S' });
      expect(report.data?.purgeReport.counts).toContainEqual({ kind: 'route_alert', count: 1 });
      expect(report.data?.purgeReport.items).toContainEqual({
        kind: 'route_alert',
        itemId: route,
        originAgency: ITALY,
        own: agency === ITALY,
        revisions: 1,
        rule: 'retention:route_alert:PT2S',
        hash: tomb.hash,
      });
      // The report names no free text and no identifier.
      expect(JSON.stringify(report.data)).not.toContain(marker);
    }
  }, 90_000);

  it('gives the purge report to the node’s administrators only, and names a bad field', async () => {
    const officer = await gql(net().gatewayUrl, await as(`${ITALY}-officer`), REPORT);
    expect(officer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });
    expect(officer.data?.purgeReport ?? null).toBeNull();
    const bad = await gql(net().gatewayUrl, await as(`${ITALY}-admin`), REPORT, { from: 'last week' });
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', fieldErrors: [{ path: 'from' }] });
  });
});
