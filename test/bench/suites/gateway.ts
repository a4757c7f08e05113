// Suite `gateway`: a filtered directory query fanned out by the gateway to 3 and to 10 nodes, and
// the same query sent straight to one node in the same network as baseline (with the token Niger's
// node delegated to Italy's, as the gateway sends it). The fan-out sends every node but the
// caller's own a delegated token from the gateway's cache; `fanout10_uncached` shows the same
// fan-out when every query must exchange its tokens first.
//
// On one machine the nodes share its cores, so a fan-out can never answer faster than the CPU its
// nodes spend on it divided by the cores: the suite counts that CPU (/proc, summed over the node
// processes, over a fixed number of queries one at a time) and sets `fanout10_p50_ms` against
// that limit (or the direct query's p50, when that is larger). Every node answers
// under its release policy and audits what it releases, as in production; the caller is an
// officer of another agency than most nodes', so that path is what is measured.
import type { AgencySpec } from '@corridor/deploy';
import type { CountryCode, DirectoryEntryInput } from '@corridor/proto';
import { newId } from '@corridor/proto';
import { gql } from '../../support/graphql.js';
import { AGENCIES, startTestNetwork } from '../../support/test-network.js';
import { percentile, timedLoop } from '../measure.js';
import { cpuPerRequest, machineLoad, peakRssMb } from '../process-stats.js';
import { type BenchResult, suiteResults } from '../results-file.js';

// Latency is measured one request at a time (what an officer waits for); throughput with
// THROUGHPUT_CLIENTS sending back to back (what the network serves when busy).
const THROUGHPUT_CLIENTS = Number(process.env.BENCH_GATEWAY_CLIENTS ?? 8);
const SECONDS = Number(process.env.BENCH_GATEWAY_SECONDS ?? 5);
const ENTRIES_PER_NODE = Number(process.env.BENCH_GATEWAY_ENTRIES ?? 300);
const CPU_QUERIES = Number(process.env.BENCH_GATEWAY_CPU_QUERIES ?? 200);

export const MORE_AGENCIES: AgencySpec[] = [
  { id: 'ly-dcim', name: 'Libya DCIM liaison desk', country: 'LBY', networks: ['liaison-central-med'] },
  { id: 'tn-gn', name: 'Garde nationale — Tunisia', country: 'TUN', networks: ['liaison-central-med'] },
  { id: 'ml-pj', name: 'Pôle judiciaire — Bamako', country: 'MLI', networks: ['wacap'] },
  { id: 'sn-dpaf', name: 'DPAF — Senegal', country: 'SEN', networks: ['wacap'] },
  { id: 'es-cgef', name: 'Comisaría General de Extranjería y Fronteras', country: 'ESP', networks: ['liaison-central-med'] },
  { id: 'gr-hcg', name: 'Hellenic Coast Guard', country: 'GRC', networks: [] },
  { id: 'ma-dgsn', name: 'DGSN — Morocco', country: 'MAR', networks: ['wacap'] },
];

const ROLES = ['border_control', 'prosecutor', 'liaison_officer', 'central_authority_mla', 'police_investigation', 'immigration'] as const;
const LANGUAGES = ['en', 'fr', 'ar', 'it', 'es'] as const;

/** A directory of `n` plausible entries for an agency: persons and desks, several roles and languages. */
export function directoryOf(agency: AgencySpec, n: number): DirectoryEntryInput[] {
  return Array.from({ length: n }, (_, i) => ({
    id: newId(),
    agency: agency.id,
    country: agency.country as CountryCode,
    kind: i % 10 === 0 ? 'desk' : 'person',
    name: `${i % 10 === 0 ? 'Desk' : 'Contact'} ${agency.id} ${i}`,
    roles: [ROLES[i % ROLES.length] as (typeof ROLES)[number]],
    networks: agency.networks ?? [],
    languages: [LANGUAGES[i % LANGUAGES.length] as (typeof LANGUAGES)[number], 'en'],
    availability: {
      always: i % 10 === 0,
      timeZone: 'UTC',
      hours: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '17:00' }],
    },
    channels: [
      { type: 'email', value: `c${i}@${agency.id}.example.org` },
      { type: 'phone', value: `+1 555 ${String(1000 + i)}` },
    ],
    lastVerified: '2026-10-01',
  }));
}

export const GATEWAY_QUERY = `{ directory(filter: { role: "prosecutor" }) { entries { id name agency channels { type value } } sources { agency ok latencyMs } } }`;
// As the gateway asks each node: the best 50, ranked (the node's own default limit too).
const NODE_QUERY = `{ directory(filter: { role: "prosecutor", limit: 50 }) { total entries { id name agency channels { type value } } } }`;

/**
 * `clients` sending `query` back to back for SECONDS (after a warm-up): latency and
 * rate. Through the gateway, each answer's `sources` say how long the slowest node took, so the
 * gateway's own share (the whole minus the slowest node, as the gateway timed it) is kept too.
 */
async function load(url: string, token: string | (() => Promise<string>), query: string, expectAgencies: number, clients: number) {
  const once = async (): Promise<number | null> => {
    const r = await gql<Record<string, unknown>>(url, typeof token === 'string' ? token : await token(), query);
    if (r.errors) throw new Error(`bench query failed: ${JSON.stringify(r.errors)}`);
    const answer = r.data?.directory as { sources?: { ok: boolean; latencyMs: number }[] };
    if (!answer.sources) return null;
    if (answer.sources.filter((s) => s.ok).length !== expectAgencies) throw new Error('a node did not answer during the benchmark');
    return Math.max(...answer.sources.map((s) => s.latencyMs));
  };
  const overheads: number[] = [];
  const latencies = await timedLoop(once, clients, SECONDS, (took, slowest) => {
    if (slowest !== null) overheads.push(took - slowest);
  });
  overheads.sort((a, b) => a - b);
  return {
    p50: Number(percentile(latencies, 50).toFixed(1)),
    p99: Number(percentile(latencies, 99).toFixed(1)),
    rps: Math.round(latencies.length / SECONDS),
    overheadP50: Number(percentile(overheads, 50).toFixed(1)),
  };
}

async function measure(agencies: AgencySpec[]) {
  const directory = Object.fromEntries(agencies.map((a) => [a.id, directoryOf(a, ENTRIES_PER_NODE)]));
  const net = await startTestNetwork({ agencies, directory });
  try {
    const token = await net.token('ne-ppn-officer');
    const italy = net.nodes['it-polfr']?.url as string;
    const fanout = await load(net.gatewayUrl, token, GATEWAY_QUERY, agencies.length, 1);
    // What the gateway's cache of delegated tokens saves: a new user token for every query, so each
    // fan-out first exchanges one token per other node at the caller's node.
    // (The development issuer's tokens differ only by their times: a distinct lifetime makes each new.)
    let fresh = 0;
    const freshToken = () => net.token('ne-ppn-officer', { expiresIn: `${3600 + fresh++}s` });
    const uncached = await load(net.gatewayUrl, freshToken, GATEWAY_QUERY, agencies.length, 1);
    // The baseline: the same question put straight to one node (another agency's: Italy's), with
    // a token Niger's node delegated to it, as the gateway sends; the exchange is not timed.
    const delegated = await net.delegatedToken('ne-ppn-officer', 'it-polfr');
    const direct = await load(italy, delegated, NODE_QUERY, 1, 1);
    const fanoutBusy = await load(net.gatewayUrl, token, GATEWAY_QUERY, agencies.length, THROUGHPUT_CLIENTS);
    const directBusy = await load(italy, delegated, NODE_QUERY, 1, THROUGHPUT_CLIENTS);
    const ask = (url: string, t: string, query: string) => async () => {
      const r = await gql(url, t, query);
      if (r.errors) throw new Error(`bench query failed: ${JSON.stringify(r.errors)}`);
    };
    const fanoutCpu = await cpuPerRequest(
      net,
      agencies.map((a) => a.id),
      ask(net.gatewayUrl, token, GATEWAY_QUERY),
      CPU_QUERIES,
    );
    const directCpu = await cpuPerRequest(net, ['it-polfr'], ask(italy, delegated, NODE_QUERY), CPU_QUERIES);
    const pids = Object.values(net.nodes).map((n) => n.pid as number);
    return {
      fanout: { ...fanout, rps: fanoutBusy.rps },
      uncached,
      direct: { ...direct, rps: directBusy.rps },
      fanoutCpu,
      directCpu,
      nodePeakRssMb: Math.max(...pids.map(peakRssMb)),
      gatewayPeakRssMb: peakRssMb(net.gateway.pid as number),
    };
  } finally {
    await net.stop();
  }
}

export async function gatewaySuite(): Promise<BenchResult[]> {
  const loadBefore = machineLoad();
  const three = await measure(AGENCIES);
  const ten = await measure([...AGENCIES, ...MORE_AGENCIES]);
  const loadAfter = machineLoad();
  // What ten nodes sharing the machine's cores could do at best for one fan-out, one at a time.
  const limit = Number(Math.max(ten.direct.p50, ten.fanoutCpu.nodes / loadAfter.cores).toFixed(1));
  const r = suiteResults('gateway');
  return [
    r('direct_p50_ms', ten.direct.p50, 'ms'),
    r('direct_p99_ms', ten.direct.p99, 'ms'),
    r('direct_rps', ten.direct.rps, 'req/s'),
    r('fanout3_p50_ms', three.fanout.p50, 'ms', { metric: 'direct_p50_ms (3-node run)', value: three.direct.p50 }),
    r('fanout3_p99_ms', three.fanout.p99, 'ms', { metric: 'direct_p99_ms (3-node run)', value: three.direct.p99 }),
    r('fanout3_rps', three.fanout.rps, 'req/s', { metric: 'direct_rps (3-node run)', value: three.direct.rps }),
    r('fanout10_p50_ms', ten.fanout.p50, 'ms', { metric: 'fanout10_limit_ms', value: limit }),
    r('fanout10_p99_ms', ten.fanout.p99, 'ms', { metric: 'direct_p99_ms', value: ten.direct.p99 }),
    r('fanout10_rps', ten.fanout.rps, 'req/s', { metric: 'direct_rps', value: ten.direct.rps }),
    r('fanout10_uncached_p50_ms', ten.uncached.p50, 'ms', { metric: 'fanout10_p50_ms', value: ten.fanout.p50 }),
    // What the gateway adds on top of the slowest node (HTTP to and from the console, fan-out, merge).
    r('fanout3_gateway_overhead_p50_ms', three.fanout.overheadP50, 'ms'),
    r('fanout10_gateway_overhead_p50_ms', ten.fanout.overheadP50, 'ms'),
    // The machine's limit: max(direct_p50_ms, the ten nodes' CPU per fan-out / cores).
    r('fanout10_limit_ms', limit, 'ms', { metric: 'direct_p50_ms', value: ten.direct.p50 }),
    // CPU per fanned-out query, summed over the ten node processes; their PostgreSQL backends' and
    // the gateway's apart. Per node and query: the direct query's, at Italy's node.
    r('fanout10_node_cpu_ms', ten.fanoutCpu.nodes, 'ms'),
    r('fanout10_database_cpu_ms', ten.fanoutCpu.database, 'ms'),
    r('fanout10_gateway_cpu_ms', ten.fanoutCpu.gateway, 'ms'),
    r('node_cpu_per_directory_query_ms', ten.directCpu.nodes, 'ms'),
    r('database_cpu_per_directory_query_ms', ten.directCpu.database, 'ms'),
    r('node_peak_rss_mb', Math.max(three.nodePeakRssMb, ten.nodePeakRssMb), 'MB'),
    r('gateway_peak_rss_mb', Math.max(three.gatewayPeakRssMb, ten.gatewayPeakRssMb), 'MB'),
    r('cores', loadAfter.cores, 'cores'),
    r('load_avg_1m_before', loadBefore.load1, 'load'),
    r('load_avg_1m_after', loadAfter.load1, 'load'),
    r('throughput_clients', THROUGHPUT_CLIENTS, 'clients'),
    r('entries_per_node', ENTRIES_PER_NODE, 'entries'),
    r('cpu_queries', CPU_QUERIES, 'queries'),
  ];
}
