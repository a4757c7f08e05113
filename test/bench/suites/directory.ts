// Suite `directory` (issue 6): a filtered directory search through the gateway over a realistic
// directory of 100,000 entries on 10 nodes (10,000 each, test/support/directory-generator.ts), and,
// as baseline in the same run and the same network, the same searches sent straight to one node.
//
// The searches vary from request to request over filters an officer would use (a country and a
// role, a competence and a language, free text, a route, 24/7 desks), so no one filter's plan or
// cache decides the figure. Each is answered as in production: the gateway verifies the token and
// fans out to every node with the node's limit of 50; every node searches its PostgreSQL, ranks
// (reachable now, speaking the caller's languages, recently verified), applies its release policy
// for the caller and audits what it released; the gateway ranks the merged answers. The caller is
// an officer of Niger's agency, so nine of ten nodes answer for another agency's user: the
// release-policy path is what is measured. An answer from fewer than all ten nodes fails the run,
// since the figure would be for something else. The baseline puts the same filters, with the
// limit the gateway sends, to Italy's node (another agency's) under the same token.
//
// Latency is measured one request at a time (what an officer waits for); throughput with
// THROUGHPUT_CLIENTS sending back to back (what the network serves when busy).
import { DIRECTORY_SEARCH_LIMIT, type DirectoryFilter, directoryEntries } from '@corridor/proto';
import { describeDirectory, generateDirectory } from '../../support/directory-generator.js';
import { gql } from '../../support/graphql.js';
import { AGENCIES, startTestNetwork } from '../../support/test-network.js';
import { closedLoop, percentile } from '../measure.js';
import { cpuPerRequest, machineLoad, peakRssMb } from '../process-stats.js';
import { againstBaseline, type BenchResult, pathFigures, suiteResults } from '../results-file.js';
import { MORE_AGENCIES } from './gateway.js';

const TOTAL = Number(process.env.BENCH_DIRECTORY_ENTRIES ?? 100_000);
const SECONDS = Number(process.env.BENCH_DIRECTORY_SECONDS ?? 10);
const THROUGHPUT_CLIENTS = Number(process.env.BENCH_DIRECTORY_CLIENTS ?? 8);
const CPU_SEARCHES = Number(process.env.BENCH_DIRECTORY_CPU_SEARCHES ?? 100);

/** What officers search for, taken in turn. */
const FILTERS: DirectoryFilter[] = [
  { country: 'NER', role: 'prosecutor', speaks: ['fr'] },
  { competence: 'mla', language: 'fr' },
  { text: 'extradition niger' },
  { role: 'liaison_officer', route: 'central-mediterranean' },
  { always: true, country: 'ITA' },
  { country: 'LBY', role: 'border_control', speaks: ['ar', 'en'] },
  { competence: 'document_examination', country: 'NGA' },
  { network: 'wacap', role: 'immigration', speaks: ['fr'] },
  { text: 'lampedusa' },
  { route: 'west-african-atlantic', language: 'es', speaks: ['es', 'fr'] },
];

const GATEWAY_QUERY = `query($filter: DirectoryFilterInput) { directory(filter: $filter) { total entries { id name agency country stale availability { always timeZone } channels { type value } } sources { agency ok latencyMs } } }`;
const NODE_QUERY = `query($filter: DirectoryFilterInput) { directory(filter: $filter) { total entries { id name } } }`;

interface GatewayAnswer {
  directory: { total: number; entries: { id: string }[]; sources: { agency: string; ok: boolean; latencyMs: number }[] };
}
interface NodeAnswer {
  directory: { total: number; entries: { id: string }[] };
}

export async function directorySuite(): Promise<BenchResult[]> {
  const agencies = [...AGENCIES, ...MORE_AGENCIES];
  const loadBefore = machineLoad();
  const generated = performance.now();
  const directory = generateDirectory(agencies, TOTAL);
  // Every entry must be one a node accepts: a bad one would stop its node, or be a different test.
  for (const [agency, entries] of Object.entries(directory)) {
    const checked = directoryEntries.safeParse(entries);
    if (!checked.success)
      throw new Error(`bench: generated directory of ${agency} is invalid: ${JSON.stringify(checked.error.issues.slice(0, 5))}`);
  }
  console.error(
    `bench: directory of ${TOTAL} entries generated and validated in ${((performance.now() - generated) / 1000).toFixed(1)} s`,
    describeDirectory(directory),
  );

  const started = performance.now();
  const net = await startTestNetwork({ agencies, directory });
  const seedSeconds = (performance.now() - started) / 1000;
  console.error(`bench: network of ${agencies.length} nodes started and seeded in ${seedSeconds.toFixed(1)} s`);
  try {
    const token = await net.token('ne-ppn-officer');
    const italy = net.nodes['it-polfr']?.url as string;

    const viaGateway = async (filter: DirectoryFilter) => {
      const r = await gql<GatewayAnswer>(net.gatewayUrl, token, GATEWAY_QUERY, { filter });
      const answer = r.data?.directory;
      if (r.errors || !answer) throw new Error(`bench: search ${JSON.stringify(filter)} failed: ${JSON.stringify(r.errors)}`);
      const missing = agencies.filter((a) => !answer.sources.some((s) => s.agency === a.id && s.ok)).map((a) => a.id);
      if (missing.length > 0) throw new Error(`bench: ${missing.join(', ')} did not answer ${JSON.stringify(filter)}`);
      return answer;
    };
    // Straight to Italy's node, Niger's officer needs a token Niger's node delegated to it (it
    // lives five minutes: a fresh one each minute, as the gateway's cache would hold).
    let delegated = { token: await net.delegatedToken('ne-ppn-officer', 'it-polfr'), at: performance.now() };
    const direct = async (filter: DirectoryFilter) => {
      if (performance.now() - delegated.at > 60_000)
        delegated = { token: await net.delegatedToken('ne-ppn-officer', 'it-polfr'), at: performance.now() };
      const r = await gql<NodeAnswer>(italy, delegated.token, NODE_QUERY, { filter: { ...filter, limit: DIRECTORY_SEARCH_LIMIT } });
      const answer = r.data?.directory;
      if (r.errors || !answer) throw new Error(`bench: direct search ${JSON.stringify(filter)} failed: ${JSON.stringify(r.errors)}`);
      return answer;
    };

    // What each search finds, once, so a filter that finds nothing (a cheap figure) is seen.
    for (const filter of FILTERS) {
      const all = await viaGateway(filter);
      const one = await direct(filter);
      console.error(
        `bench: ${JSON.stringify(filter)}: ${all.total} matches on ${agencies.length} nodes (${all.entries.length} returned), ${one.total} at it-polfr`,
      );
      if (all.total === 0) throw new Error(`bench: search ${JSON.stringify(filter)} finds nothing in the generated directory`);
    }

    // Each search's own latencies (one at a time, through the gateway) and its slowest node's, as
    // the gateway timed it, for the log: which filters are slow, and whether the nodes or the gateway.
    const perFilter = new Map<DirectoryFilter, { took: number[]; slowest: number[] }>(FILTERS.map((f) => [f, { took: [], slowest: [] }]));
    const inTurn = (ask: (f: DirectoryFilter) => Promise<unknown>) => {
      let n = 0;
      return () => ask(FILTERS[n++ % FILTERS.length] as DirectoryFilter);
    };
    const recorded = async (filter: DirectoryFilter) => {
      const t = performance.now();
      const answer = await viaGateway(filter);
      perFilter.get(filter)?.took.push(performance.now() - t);
      perFilter.get(filter)?.slowest.push(Math.max(...answer.sources.map((s) => s.latencyMs)));
    };
    const single = await closedLoop(inTurn(recorded), 1, SECONDS);
    for (const [filter, { took, slowest }] of perFilter) {
      took.sort((a, b) => a - b);
      slowest.sort((a, b) => a - b);
      console.error(
        `bench: ${JSON.stringify(filter)} through the gateway: p50 ${percentile(took, 50).toFixed(1)} ms (slowest node p50 ${percentile(slowest, 50)} ms), max ${(took.at(-1) ?? Number.NaN).toFixed(1)} ms, ${took.length} searches`,
      );
    }
    // The same for the baseline: one node's cost with many matches, few, or none.
    const perFilterDirect = new Map<DirectoryFilter, number[]>(FILTERS.map((f) => [f, []]));
    const recordedDirect = async (filter: DirectoryFilter) => {
      const t = performance.now();
      await direct(filter);
      perFilterDirect.get(filter)?.push(performance.now() - t);
    };
    const directSingle = await closedLoop(inTurn(recordedDirect), 1, SECONDS);
    for (const [filter, took] of perFilterDirect) {
      took.sort((a, b) => a - b);
      console.error(
        `bench: ${JSON.stringify(filter)} straight to it-polfr: p50 ${percentile(took, 50).toFixed(1)} ms, ${took.length} searches`,
      );
    }
    const busy = await closedLoop(inTurn(viaGateway), THROUGHPUT_CLIENTS, SECONDS);
    const directBusy = await closedLoop(inTurn(direct), THROUGHPUT_CLIENTS, SECONDS);
    // What the searches cost the machine, whatever else runs on it: CPU per search, the filters in
    // turn, one at a time; through the gateway, summed over the ten nodes, and straight to Italy's.
    const cpu = await cpuPerRequest(
      net,
      agencies.map((a) => a.id),
      inTurn(viaGateway),
      CPU_SEARCHES,
    );
    const directCpu = await cpuPerRequest(net, ['it-polfr'], inTurn(direct), CPU_SEARCHES);
    const loadAfter = machineLoad();
    const nodePeakRssMb = Math.max(...Object.values(net.nodes).map((n) => peakRssMb(n.pid as number)));
    const gatewayPeakRssMb = peakRssMb(net.gateway.pid as number);

    const searches = { latency: 'search', rate: 'searches', rateUnit: 'searches/s', single, busy };
    const straight = { latency: 'direct_search', rate: 'direct_searches', rateUnit: 'searches/s', single: directSingle, busy: directBusy };
    const r = suiteResults('directory');
    return [
      ...againstBaseline(r, searches, straight),
      ...pathFigures(r, straight),
      r(
        'entries_total',
        Object.values(directory).reduce((n, es) => n + es.length, 0),
        'entries',
      ),
      r('nodes', agencies.length, 'nodes'),
      r('throughput_clients', THROUGHPUT_CLIENTS, 'clients'),
      r('seed_seconds', Number(seedSeconds.toFixed(1)), 's'),
      // The machine's limit for one search through the gateway, as the gateway suite's for a fan-out.
      r('search_limit_ms', Number(Math.max(directSingle.p50, cpu.nodes / loadAfter.cores).toFixed(1)), 'ms', {
        metric: 'direct_search_p50_ms',
        value: directSingle.p50,
      }),
      r('search_node_cpu_ms', cpu.nodes, 'ms'),
      r('search_database_cpu_ms', cpu.database, 'ms'),
      r('search_gateway_cpu_ms', cpu.gateway, 'ms'),
      r('direct_search_node_cpu_ms', directCpu.nodes, 'ms'),
      r('direct_search_database_cpu_ms', directCpu.database, 'ms'),
      r('cpu_searches', CPU_SEARCHES, 'searches'),
      r('node_peak_rss_mb', nodePeakRssMb, 'MB'),
      r('gateway_peak_rss_mb', gatewayPeakRssMb, 'MB'),
      r('cores', loadAfter.cores, 'cores'),
      r('load_avg_1m_before', loadBefore.load1, 'load'),
      r('load_avg_1m_after', loadAfter.load1, 'load'),
    ];
  } finally {
    await net.stop();
  }
}
