// Retention of consultations (issue 17, item 4) between Italy and Niger: Italy's central
// authority opens a consultation and sends a request, Niger's prosecutor answers it; once the
// `consultation` period of each agency's document has passed since the thread's last event, both
// nodes purge it: its text is in neither database, each left a tombstone the purge report lists,
// each audit chain still verifies, and listing, requests and clocks go on working. A thread whose
// request is still open is kept at both however long it has been quiet.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { eventually, gql } from '../support/graphql.js';
import { AGENCIES, adminOf, officersAnd, startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const ITALY = 'it-polfr';
const NIGER = 'ne-ppn';
const PERIOD_S = 6;
const retention = (agency: string) => ({ agency, version: 3, periods: { consultation: `PT${PERIOD_S}S` } });

const fixture = useTestNetwork(
  () =>
    startTestNetwork({
      agencies: AGENCIES.map((a) => (a.id === ITALY || a.id === NIGER ? { ...a, retention: retention(a.id) } : a)),
      users: officersAnd(
        adminOf(ITALY, 'Amministratore Lampedusa'),
        adminOf(NIGER, 'Administrateur PPN'),
        { id: 'it-polfr-authority', name: 'Paolo Ferri', agency: ITALY, roles: ['central_authority'] },
        { id: 'ne-ppn-prosecutor', name: 'Aïssata Moussa', agency: NIGER, roles: ['prosecutor'] },
      ),
      nodeEnv: { CORRIDOR_RETENTION_SCAN_MS: '300' },
    }),
  120_000,
);
const net = () => fixture.net;

async function as<T>(user: string, query: string, variables: Record<string, unknown> = {}): Promise<T> {
  const r = await gql<T>(net().gatewayUrl, await net().token(user), query, variables);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

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

const between = {
  sendingAuthority: { agency: ITALY, name: 'Ministero della Giustizia' },
  receivingAuthority: { agency: NIGER, name: 'Autorité centrale' },
};
const STATUS = `mutation($id: ID!, $input: RequestStatusInput!) { setRequestStatus(requestId: $id, input: $input) { id } }`;
const LIST = '{ consultations { id requests { id status } } }';
type List = { consultations: { id: string; requests: { id: string; status: string }[] }[] };
const REQUESTS = 'query { requests(overdueOnly: false) { direction request { id status } } }';
type Requests = { requests: { direction: string; request: { id: string; status: string } }[] };

/** Italy opens a consultation with Niger and sends a request in it, both carrying `marker`. */
async function thread(marker: string): Promise<{ consultationId: string; requestId: string }> {
  const opened = await as<{ openConsultation: { id: string } }>(
    'it-polfr-authority',
    'mutation($input: OpenConsultationInput!) { openConsultation(input: $input) { id } }',
    { input: { with: NIGER, subject: `${marker}: boats from Zuwara`, body: `${marker}: who chartered the boat seen on Tuesday?` } },
  );
  const created = await as<{ createRequest: { requests: { id: string }[] } }>(
    'it-polfr-authority',
    'mutation($id: ID!, $input: RequestInput!) { createRequest(consultationId: $id, input: $input) { requests { id } } }',
    {
      id: opened.openConsultation.id,
      input: {
        ...between,
        requestType: 'mla',
        summary: `${marker}: bank records of the charterer`,
        reference: 'IT-2026-0606',
        deadline: '2099-01-31T17:00:00+01:00',
        send: true,
      },
    },
  );
  return { consultationId: opened.openConsultation.id, requestId: created.createRequest.requests[0]?.id as string };
}

const statusAt = async (user: string, requestId: string) =>
  (await as<Requests>(user, REQUESTS)).requests.find((r) => r.request.id === requestId)?.request.status;

describe('the retention of consultations', () => {
  it('purges an answered consultation at both agencies, leaves the audit verifiable and the open one in place', async () => {
    const run = net().run;
    const closedMarker = `Closed ${run}`;
    const openMarker = `Open ${run}`;
    const open = await thread(openMarker);
    const closed = await thread(closedMarker);
    await eventually(async () => (await statusAt('ne-ppn-prosecutor', closed.requestId)) === 'sent');
    await as('ne-ppn-prosecutor', STATUS, {
      id: closed.requestId,
      input: { status: 'answered', answer: `${closedMarker}: chartered by a company registered in Niamey.` },
    });
    await eventually(async () => (await statusAt('it-polfr-authority', closed.requestId)) === 'answered');
    // Both clocks were kept while the requests were open.
    expect(await sql(ITALY, 'SELECT 1 FROM request_clocks WHERE consultation_id = $1', [closed.consultationId])).toHaveLength(1);

    // The period after the last event, both nodes purge the answered thread, each under its own document.
    const tombstone = (agency: string) =>
      eventually(
        async () =>
          (
            await sql<{ kind: string; hash: string; own: boolean; revisions: number; rule: string }>(
              agency,
              'SELECT kind, hash, own, revisions, rule FROM purge_tombstones WHERE item_id = $1',
              [closed.consultationId],
            )
          )[0],
        (PERIOD_S + 15) * 1000,
      );
    const tombs: Record<string, Awaited<ReturnType<typeof tombstone>>> = {
      [ITALY]: await tombstone(ITALY),
      [NIGER]: await tombstone(NIGER),
    };
    expect(tombs[ITALY]).toMatchObject({ kind: 'consultation', own: true, rule: `retention:consultation:PT${PERIOD_S}S` });
    expect(tombs[NIGER]).toMatchObject({ kind: 'consultation', own: false, rule: `retention:consultation:PT${PERIOD_S}S` });
    // Opened, request, sent, answered: the same four events at both.
    expect(tombs[ITALY]?.revisions).toBe(tombs[NIGER]?.revisions);

    for (const agency of [ITALY, NIGER]) {
      // Its text is in no table; the open thread, as quiet for as long, is kept.
      expect(await tablesHolding(agency, closedMarker)).toEqual([]);
      expect(await sql(agency, 'SELECT 1 FROM consultation_events WHERE consultation_id = $1', [closed.consultationId])).toEqual([]);
      expect(await sql(agency, 'SELECT 1 FROM request_clocks WHERE consultation_id = $1', [closed.consultationId])).toEqual([]);
      expect((await tablesHolding(agency, openMarker)).sort()).toContain('consultation_events');
    }
    expect(await sql(ITALY, 'SELECT 1 FROM request_clocks WHERE consultation_id = $1', [open.consultationId])).toHaveLength(1);

    // Listing and requests go on working at both sides, without the purged thread.
    for (const user of ['it-polfr-authority', 'ne-ppn-prosecutor']) {
      const listed = await as<List>(user, LIST);
      expect(listed.consultations.map((c) => c.id)).toContain(open.consultationId);
      expect(listed.consultations.map((c) => c.id)).not.toContain(closed.consultationId);
      expect(await statusAt(user, open.requestId)).toBe('sent');
      expect(await statusAt(user, closed.requestId)).toBeUndefined();
    }

    // Each administrator's audit verifies and records the purge; the report lists it by its hash.
    for (const agency of [ITALY, NIGER]) {
      const admin = `${agency}-admin`;
      const verified = await as<{ verifyAuditLog: { ok: boolean } }>(admin, 'query { verifyAuditLog { ok brokenAt } }');
      expect(verified.verifyAuditLog.ok).toBe(true);
      const audit = await as<{ auditLog: { channel: string; items: string[]; rule: string }[] }>(
        admin,
        'query { auditLog(limit: 50) { channel items rule } }',
      );
      expect(audit.auditLog).toContainEqual({
        channel: 'purge',
        items: [`${closed.consultationId}:${tombs[agency]?.revisions}`, `sha256:${tombs[agency]?.hash}`],
        rule: `retention:consultation:PT${PERIOD_S}S`,
      });
      const report = await as<{
        purgeReport: {
          periods: { kind: string; period: string }[];
          counts: { kind: string; count: number }[];
          items: { kind: string; itemId: string; hash: string }[];
        };
      }>(admin, '{ purgeReport { periods { kind period } counts { kind count } items { kind itemId hash } } }');
      expect(report.purgeReport.periods).toContainEqual({ kind: 'consultation', period: `PT${PERIOD_S}S` });
      expect(report.purgeReport.periods).toContainEqual({ kind: 'held_publication', period: 'P7D' });
      expect(report.purgeReport.counts).toContainEqual({ kind: 'consultation', count: 1 });
      expect(report.purgeReport.items).toContainEqual({ kind: 'consultation', itemId: closed.consultationId, hash: tombs[agency]?.hash });
    }

    // The open request still moves, and its thread with it.
    await as('ne-ppn-prosecutor', STATUS, { id: open.requestId, input: { status: 'received' } });
    await eventually(async () => (await statusAt('it-polfr-authority', open.requestId)) === 'received');
  }, 90_000);
});
