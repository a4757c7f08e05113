// Retention of consultations and held publications (issue 17, item 4) between Italy and Niger:
// Italy's central authority opens a consultation and sends a request, Niger's prosecutor answers
// it; once the `consultation` period of each agency's document has passed since the thread's last
// event there, each node purges it: its text is in neither database, each left a tombstone the
// purge report lists, each audit chain still verifies, and listing, requests and clocks go on
// working; a message Niger adds after Italy purged does not bring the thread back at Italy. A
// thread whose request is still open is kept at both however long it has been quiet. A publish
// call held at Italy while the other key holders are down is dropped after `held_publication`.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { RAW, routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { AGENCIES, adminOf, officersAnd, startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const ITALY = 'it-polfr';
const NIGER = 'ne-ppn';
const NIGERIA = 'ng-nis';
// Niger keeps a thread longer than Italy does: its late message reaches an Italy that purged it.
const PERIOD_S = { [ITALY]: 6, [NIGER]: 20 } as Record<string, number>;
const RULE = (agency: string) => `retention:consultation:PT${PERIOD_S[agency]}S`;
const retention = (agency: string) => ({
  agency,
  version: 3,
  periods: { consultation: `PT${PERIOD_S[agency]}S`, held_publication: 'PT3S' },
});

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
      pseudonyms: { holders: [ITALY, NIGER, NIGERIA] },
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
const MESSAGE = 'mutation($id: ID!, $input: ConsultationMessageInput!) { addConsultationMessage(id: $id, input: $input) { id } }';
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

    // The period after the last event, each node purges the answered thread under its own document.
    const tombstone = (agency: string, timeoutMs = 30_000) =>
      eventually(
        async () =>
          (
            await sql<{ kind: string; hash: string; own: boolean; revisions: number; rule: string }>(
              agency,
              'SELECT kind, hash, own, revisions, rule FROM purge_tombstones WHERE item_id = $1',
              [closed.consultationId],
            )
          )[0],
        timeoutMs,
      );
    const atItaly = await tombstone(ITALY);
    expect(atItaly).toMatchObject({ kind: 'consultation', own: true, rule: RULE(ITALY) });

    // Niger, still holding it, adds a message: Italy drops it and does not hold the thread again.
    // A message on the open thread after it shows Italy has read past the dropped one.
    await as('ne-ppn-prosecutor', MESSAGE, { id: closed.consultationId, input: { body: `${closedMarker}: one more thing.` } });
    await as('ne-ppn-prosecutor', MESSAGE, { id: open.consultationId, input: { body: `${openMarker}: any news?` } });
    await eventually(async () => (await tablesHolding(ITALY, `${openMarker}: any news?`)).length > 0);
    expect(await sql(ITALY, 'SELECT 1 FROM consultation_events WHERE consultation_id = $1', [closed.consultationId])).toEqual([]);

    const tombs: Record<string, Awaited<ReturnType<typeof tombstone>>> = { [ITALY]: atItaly, [NIGER]: await tombstone(NIGER, 45_000) };
    expect(tombs[NIGER]).toMatchObject({ kind: 'consultation', own: false, rule: RULE(NIGER) });
    // Opened, request, sent, answered at both; Niger's late message too at Niger.
    expect((tombs[NIGER]?.revisions ?? 0) - (tombs[ITALY]?.revisions ?? 0)).toBe(1);

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
        rule: RULE(agency),
      });
      const report = await as<{
        purgeReport: {
          periods: { kind: string; period: string }[];
          counts: { kind: string; count: number }[];
          items: { kind: string; itemId: string; hash: string }[];
        };
      }>(admin, '{ purgeReport { periods { kind period } counts { kind count } items { kind itemId hash } } }');
      expect(report.purgeReport.periods).toContainEqual({ kind: 'consultation', period: `PT${PERIOD_S[agency]}S` });
      expect(report.purgeReport.periods).toContainEqual({ kind: 'held_publication', period: 'PT3S' });
      expect(report.purgeReport.counts).toContainEqual({ kind: 'consultation', count: 1 });
      expect(report.purgeReport.items).toContainEqual({ kind: 'consultation', itemId: closed.consultationId, hash: tombs[agency]?.hash });
    }

    // The open request still moves, and its thread with it.
    await as('ne-ppn-prosecutor', STATUS, { id: open.requestId, input: { status: 'received' } });
    await eventually(async () => (await statusAt('it-polfr-authority', open.requestId)) === 'received');
  }, 150_000);

  it('drops a publication held while the pseudonym service cannot answer, once its bound passed, naming no identifier', async () => {
    const node = (agency: string) => net().nodes[agency];
    await node(NIGER)?.stop();
    await node(NIGERIA)?.stop();
    try {
      const r = await gql<{ publishAlert: { id: string; heldBecause: string | null } }>(
        node(ITALY)?.url as string,
        await net().token(`${ITALY}-officer`),
        'mutation($input: AlertInput!) { publishAlert(input: $input) { id heldBecause } }',
        { input: routeAlert({ summary: `Held ${net().run}`, identifiers: [{ kind: 'phone', value: RAW.phone }] as never }) },
      );
      expect(r.errors).toBeUndefined();
      const held = r.data?.publishAlert;
      expect(held?.heldBecause).toMatch(/pseudonym service/);
      const stone = await eventually(
        async () =>
          (
            await sql<{ kind: string; rule: string; hash: string }>(
              ITALY,
              'SELECT kind, rule, hash FROM purge_tombstones WHERE item_id = $1',
              [held?.id],
            )
          )[0],
        15_000,
      );
      expect(stone).toMatchObject({ kind: 'held_publication', rule: 'retention:held_publication:PT3S' });
      expect(await sql(ITALY, 'SELECT 1 FROM held_publications')).toEqual([]);
      const digits = RAW.phone.replace(/\D/g, '').slice(-9);
      expect(await tablesHolding(ITALY, digits)).toEqual([]);

      // Asked of Italy's node itself: the gateway would ask the nodes that are down too.
      const admin = await net().token(`${ITALY}-admin`);
      const verified = await gql<{ verifyAuditLog: { ok: boolean } }>(node(ITALY)?.url as string, admin, 'query { verifyAuditLog { ok } }');
      expect(verified.data?.verifyAuditLog.ok).toBe(true);
      const report = await gql<{ purgeReport: { items: { kind: string; itemId: string; hash: string }[] } }>(
        node(ITALY)?.url as string,
        admin,
        '{ purgeReport { items { kind itemId hash } } }',
      );
      expect(report.data?.purgeReport.items).toContainEqual({ kind: 'held_publication', itemId: held?.id, hash: stone?.hash });
      // The node says so as a warning, with the call's id and never its number.
      const logs = await readFile(join(net().rootDir, 'logs', `node-${ITALY}.log`), 'utf8').catch(() => '');
      const warning = logs.split('\n').find((l) => l.includes('held publications dropped'));
      expect(warning).toContain(held?.id);
      expect(logs).not.toContain(digits);
    } finally {
      await node(NIGER)?.start();
      await node(NIGERIA)?.start();
    }
  }, 120_000);
});
