// Suite `hitcheck` (issue 5): hit / no hit through the gateway with a million stored pseudonyms
// per node across three nodes, and, as baseline in the same run, the one indexed lookup each node
// makes, sent straight to PostgreSQL on the same machine.
//
// The million pseudonyms are loaded into each node's database with SQL, as alerts copied from
// one the node really published (so rows and index look as in production) with identifiers of
// their own: four per alert, shaped like keyed pseudonyms. Publishing them one by one would take
// hours and measure the alert path, which suite `alerts` does. The alerts a check should find
// are published through the gateway, pseudonymized and signed by their node as usual.
//
// Each check is answered as in production: pseudonymized at the asker's node, fanned out by the
// gateway, looked up, released under policy and audited at every node. Only the per-user rate
// limits are raised, since one benchmark user asks far more than any officer may.
import { randomBytes } from 'node:crypto';
import { loadavg } from 'node:os';
import type { IdentifierKind } from '@corridor/proto';
import pg from 'pg';
import { documentFraudAlert } from '../../support/fixtures.js';
import { gql } from '../../support/graphql.js';
import { AGENCIES, startTestNetwork } from '../../support/test-network.js';
import { closedLoop } from '../measure.js';
import { cpuMs, peakRssMb, pidListeningOn } from '../process-stats.js';
import { againstBaseline, type BenchResult, pathFigures, suiteResults } from '../results-file.js';

const PSEUDONYMS_PER_NODE = Number(process.env.BENCH_HITCHECK_PSEUDONYMS ?? 1_000_000);
const IDENTIFIERS_PER_ALERT = 4;
const FILL_BATCH_ALERTS = 25_000;
const KNOWN_PER_NODE = 20;
const CLIENTS = Number(process.env.BENCH_HITCHECK_CLIENTS ?? 8);
const MANY_CLIENTS = Number(process.env.BENCH_HITCHECK_MANY_CLIENTS ?? 32);
const SECONDS = Number(process.env.BENCH_HITCHECK_SECONDS ?? 10);
// One check in ten is about a document some agency reported; the rest find nothing, as at a counter.
const HIT_EVERY = 10;

const FILLER_KINDS: IdentifierKind[] = ['travel_document', 'person', 'phone', 'vessel'];

/** The query services/src/hit-check/hit-check.ts makes (identifier-lookup.ts): the baseline's single lookup. */
const LOOKUP = `SELECT document FROM alerts
  WHERE own AND document->>'status' <> 'withdrawn' AND (document->'identifiers') @> ANY ($1::jsonb[])
  ORDER BY created_at DESC LIMIT 50`;

/**
 * Copies of `template` (an alert of this node's) with new ids and `alerts × 4` pseudonyms of
 * their own: base64url SHA-256 of a run-specific string, as long and as random as HMAC output.
 */
async function fill(url: string, template: string, alerts: number, salt: string): Promise<void> {
  const db = new pg.Client({ connectionString: url });
  await db.connect();
  try {
    for (let from = 1; from <= alerts; from += FILL_BATCH_ALERTS) {
      const to = Math.min(alerts, from + FILL_BATCH_ALERTS - 1);
      await db.query(
        `INSERT INTO alerts (id, origin_agency, kind, tlp, revision, created_at, document, own)
         SELECT g.id, t.origin_agency, t.kind, t.tlp, 1, t.created_at - make_interval(secs => g.n),
           jsonb_set(jsonb_set(t.document, '{id}', to_jsonb(g.id::text)), '{identifiers}', (
             SELECT jsonb_agg(jsonb_build_object(
               'kind', k.kind,
               'pseudonym', rtrim(translate(encode(sha256(convert_to($4 || ':' || g.n || ':' || k.o, 'UTF8')), 'base64'), '+/', '-_'), '='),
               'epoch', (t.document->'identifiers'->0->>'epoch')::int))
             FROM unnest($5::text[]) WITH ORDINALITY AS k(kind, o))),
           true
         FROM (SELECT n, gen_random_uuid() AS id FROM generate_series($2::int, $3::int) AS n) AS g,
              (SELECT * FROM alerts WHERE id = $1::uuid) AS t`,
        [template, from, to, salt, FILLER_KINDS],
      );
    }
    // What autovacuum and the checkpointer would have done by the time a node holds a million
    // pseudonyms: the GIN index's pending list merged, statistics current, the load's pages
    // written out (else the first seconds measured would be the bulk load's aftermath).
    await db.query('VACUUM ANALYZE alerts');
    await db.query('CHECKPOINT');
  } finally {
    await db.end();
  }
}

function passport(agencyIndex: number, i: number): string {
  return `K${String(agencyIndex * 100_000 + i).padStart(8, '0')}`;
}

export async function hitcheckSuite(): Promise<BenchResult[]> {
  const limit = String(1_000_000_000);
  const net = await startTestNetwork({
    nodeEnv: { CORRIDOR_CHECKS_PER_MINUTE: limit, CORRIDOR_ANSWERED_CHECKS_PER_MINUTE: limit },
  });
  try {
    // The documents a check should find: KNOWN_PER_NODE reported by each agency's officer.
    const known: { agency: string; number: string }[] = [];
    const templates: Record<string, string> = {};
    for (const [a, agency] of AGENCIES.entries()) {
      const token = await net.token(`${agency.id}-officer`);
      for (let i = 0; i < KNOWN_PER_NODE; i++) {
        const number = passport(a, i);
        const r = await gql<{ publishAlert: { id: string } }>(
          net.gatewayUrl,
          token,
          'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
          { input: documentFraudAlert({ identifiers: [{ kind: 'travel_document', value: number, qualifier: 'NGA' }] }) },
        );
        if (!r.data) throw new Error(`bench: publishing failed: ${JSON.stringify(r.errors)}`);
        templates[agency.id] = r.data.publishAlert.id;
        known.push({ agency: agency.id, number });
      }
    }

    const fillStarted = performance.now();
    const alertsPerNode = Math.ceil(PSEUDONYMS_PER_NODE / IDENTIFIERS_PER_ALERT);
    const salt = randomBytes(6).toString('hex');
    await Promise.all(
      AGENCIES.map((a) => fill(net.databases.urls[a.id] as string, templates[a.id] as string, alertsPerNode, `${salt}:${a.id}`)),
    );
    const fillSeconds = (performance.now() - fillStarted) / 1000;

    // Through the gateway, as the console's Check page asks.
    const token = await net.token('ne-ppn-officer');
    const CHECK = `query($identifier: IdentifierInput!) { hitCheck(identifier: $identifier) { hit answers { agency hit } sources { agency ok } } }`;
    let n = 0;
    const check = async () => {
      const i = n++;
      const target = i % HIT_EVERY === 0 ? known[(i / HIT_EVERY) % known.length] : undefined;
      const number = target?.number ?? `X${randomBytes(4).toString('hex').toUpperCase()}`;
      const r = await gql<{ hitCheck: { hit: boolean; answers: { agency: string; hit: boolean }[]; sources: { ok: boolean }[] } }>(
        net.gatewayUrl,
        token,
        CHECK,
        { identifier: { kind: 'travel_document', value: number, qualifier: 'NGA' } },
      );
      const answer = r.data?.hitCheck;
      if (!answer) throw new Error(`bench: check failed: ${JSON.stringify(r.errors)}`);
      if (answer.sources.length !== AGENCIES.length || !answer.sources.every((s) => s.ok))
        throw new Error('bench: a node did not answer a check');
      // The answer must be right, or the figure would be for something else.
      const holders = answer.answers.filter((a) => a.hit).map((a) => a.agency);
      if (JSON.stringify(holders) !== JSON.stringify(target ? [target.agency] : []))
        throw new Error(`bench: check for ${number} answered hit at ${holders.join(', ') || 'none'}`);
    };
    const single = await closedLoop(check, 1, SECONDS);
    // Where a check's CPU goes, whatever else the machine runs: the gateway's and the nodes' CPU
    // time (from /proc) over the busy loop, per check asked in it (its warm-up included), less
    // what they spend meanwhile when nothing is asked.
    const portOf = (url: string) => Number(new URL(url).port);
    const gatewayPid = await pidListeningOn(portOf(net.gatewayUrl));
    const nodePids = await Promise.all(AGENCIES.map((a) => pidListeningOn(portOf(net.nodes[a.id]?.url as string))));
    const cpuNow = async () => ({
      gateway: await cpuMs(gatewayPid),
      nodes: (await Promise.all(nodePids.map(cpuMs))).reduce((x, y) => x + y, 0),
    });
    // What the processes spend with no check asked (timers, polls, the outbox), per second: taken
    // off, so the figure is what the checks cost.
    const IDLE_S = 3;
    const idleFrom = await cpuNow();
    await new Promise((r) => setTimeout(r, IDLE_S * 1000));
    const idleTo = await cpuNow();
    const idleCpuPerS = (part: 'gateway' | 'nodes') => (idleTo[part] - idleFrom[part]) / IDLE_S;
    /** `clients` checking back to back, and the gateway's and the nodes' CPU per check asked meanwhile. */
    const busyWith = async (clients: number) => {
      const cpuBefore = await cpuNow();
      const askedBefore = n;
      const busyStarted = performance.now();
      const figures = await closedLoop(check, clients, SECONDS);
      const busyS = (performance.now() - busyStarted) / 1000;
      const cpuAfter = await cpuNow();
      const asked = n - askedBefore;
      const perCheck = (part: 'gateway' | 'nodes') =>
        Number(((cpuAfter[part] - cpuBefore[part] - idleCpuPerS(part) * busyS) / asked).toFixed(2));
      return { figures, gateway: perCheck('gateway'), nodes: perCheck('nodes') };
    };
    const measured = await busyWith(CLIENTS);
    const busy = measured.figures;
    // The gateway batches the checks that arrive while a batch is under way (gateway
    // check-batches.ts): the more clients, the more checks share a request, so the aim is also
    // measured with more clients than the 8 an agency's counters would keep busy.
    const many = await busyWith(MANY_CLIENTS);
    const peak = {
      gateway: peakRssMb(gatewayPid),
      node: Math.max(...nodePids.map(peakRssMb)),
    };
    // Baseline: the lookup alone, straight to one node's PostgreSQL, with the same mix of pseudonyms
    // (one in ten present, taken from the table itself; the rest not).
    const url = net.databases.urls['it-polfr'] as string;
    const pool = new pg.Pool({ connectionString: url, max: CLIENTS });
    try {
      const present = (
        await pool.query<{ p: string }>(
          `SELECT document->'identifiers'->0->>'pseudonym' AS p FROM alerts TABLESAMPLE SYSTEM (1) LIMIT 1000`,
        )
      ).rows.map((r) => r.p);
      let m = 0;
      const lookup = async () => {
        const i = m++;
        const pseudonym =
          i % HIT_EVERY === 0 ? (present[(i / HIT_EVERY) % present.length] as string) : randomBytes(32).toString('base64url');
        await pool.query(LOOKUP, [[JSON.stringify([{ pseudonym }])]]);
      };
      const lookupSingle = await closedLoop(lookup, 1, SECONDS);
      const lookupBusy = await closedLoop(lookup, CLIENTS, SECONDS);
      const stored = Number(
        (await pool.query<{ n: string }>(`SELECT sum(jsonb_array_length(document->'identifiers')) AS n FROM alerts WHERE own`)).rows[0]?.n,
      );

      const checks = { latency: 'check', rate: 'checks', rateUnit: 'checks/s', single, busy };
      const lookups = { latency: 'pg_lookup', rate: 'pg_lookups', rateUnit: 'lookups/s', single: lookupSingle, busy: lookupBusy };
      const r = suiteResults('hitcheck');
      return [
        ...againstBaseline(r, checks, lookups),
        r('check_p50_ms_busy', busy.p50, 'ms'),
        r('check_p99_ms_busy', busy.p99, 'ms'),
        r('gateway_cpu_ms_per_check', measured.gateway, 'ms'),
        r('nodes_cpu_ms_per_check', measured.nodes, 'ms'),
        r('checks_per_s_many_clients', Math.round(many.figures.perSecond), 'checks/s', { metric: 'checks_per_s', value: busy.perSecond }),
        r('check_p50_ms_many_clients', many.figures.p50, 'ms', { metric: 'check_p50_ms_busy', value: busy.p50 }),
        r('check_p99_ms_many_clients', many.figures.p99, 'ms', { metric: 'check_p99_ms_busy', value: busy.p99 }),
        r('gateway_cpu_ms_per_check_many_clients', many.gateway, 'ms', { metric: 'gateway_cpu_ms_per_check', value: measured.gateway }),
        r('nodes_cpu_ms_per_check_many_clients', many.nodes, 'ms', { metric: 'nodes_cpu_ms_per_check', value: measured.nodes }),
        r('nodes_idle_cpu_ms_per_s', Number(idleCpuPerS('nodes').toFixed(1)), 'ms/s'),
        r('node_peak_rss_mb', peak.node, 'MB'),
        r('gateway_peak_rss_mb', peak.gateway, 'MB'),
        r('load_average_1m', Number((loadavg()[0] ?? 0).toFixed(2)), 'load'),
        ...pathFigures(r, lookups),
        r('pseudonyms_per_node', stored, 'pseudonyms'),
        r('nodes', AGENCIES.length, 'nodes'),
        r('throughput_clients', CLIENTS, 'clients'),
        r('throughput_clients_many', MANY_CLIENTS, 'clients'),
        r('fill_seconds', Number(fillSeconds.toFixed(1)), 's'),
      ];
    } finally {
      await pool.end();
    }
  } finally {
    await net.stop();
  }
}
