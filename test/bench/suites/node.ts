// Suite `node` (issue 14, item 1): what one request costs at one node, against a bare graphql-yoga
// server in the same run. The node is Italy's, on a real PostgreSQL database of this run (as in
// every suite), with Niger's node beside it only to delegate a token, idle while measuring.
//
// - `trivial`: `{ __typename }` with the node's own officer's access token, signed by the issuer:
//   everything a request pays before any feature's work (HTTP, the token, parsing, validation,
//   the query limits, execution, the answer).
// - `search`: a directory search by Niger's officer with a token Niger's node delegated, as the
//   gateway sends it: release policy and audit included.
// - `bare_yoga`: the same trivial query to a bare Yoga with the node's printed schema and no
//   Corridor plugins, in a process of its own (bare-yoga-server.ts).
// - memory from /proc, node and baseline alike: at rest before the first request (`*_rss_at_rest_mb`,
//   and `*_peak_rss_at_rest_mb`, the most held while starting and seeding) and the peak after
//   every round (`*_peak_rss_mb`). Where it goes: where-memory-goes.ts.
//
// Rates come from CLIENTS sending back to back; p50 from one client at a time; CPU per request
// from the server process's own times in /proc. The benchmark's own client shares the machine
// with the servers, the same for node and baseline.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { generateDirectory } from '../../support/directory-generator.js';
import { gql } from '../../support/graphql.js';
import { AGENCIES, startTestNetwork } from '../../support/test-network.js';
import { percentile } from '../measure.js';
import { cpuMs, machineLoad, peakRssMb, residentMb } from '../process-stats.js';
import { type BenchResult, suiteResults } from '../results-file.js';

const CLIENTS = Number(process.env.BENCH_NODE_CLIENTS ?? 8);
const SECONDS = Number(process.env.BENCH_NODE_SECONDS ?? 5);
const ENTRIES = Number(process.env.BENCH_NODE_ENTRIES ?? 1000);
const ROUNDS = Number(process.env.BENCH_NODE_ROUNDS ?? 3);
/** The large directory of the memory figures (`*_100k`); 0 leaves them out. */
const BIG_ENTRIES = Number(process.env.BENCH_NODE_BIG_ENTRIES ?? 100_000);
/** A folder to write the node's CPU profile to (node --cpu-prof), for seeing where the time goes. */
const CPU_PROFILE_DIR = process.env.BENCH_NODE_CPU_PROF;
const CPU_PROFILER = new URL('../cpu-profiler.mjs', import.meta.url).href;

const TRIVIAL = '{ __typename }';
const SEARCH = `query($filter: DirectoryFilterInput) { directory(filter: $filter) { total entries { id name agency channels { type value } } } }`;
const FILTERS = [{ role: 'prosecutor' }, { language: 'it' }, { text: 'lampedusa' }, { always: true }].map((f) => ({ ...f, limit: 50 }));

/** A bare Yoga server in a child process, until `stop`. */
async function startBareYoga(): Promise<{ url: string; pid: number | undefined; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../bare-yoga-server.ts', import.meta.url))], {
    stdio: ['ignore', 'pipe', 'inherit'],
    // A session of its own, as the launcher gives the node: with the kernel's autogroup scheduling
    // the bare server would otherwise share one CPU share with this benchmark's clients.
    detached: true,
  });
  const killNow = () => child.kill('SIGKILL');
  process.once('exit', killNow);
  const stop = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill('SIGTERM');
    await once(child, 'exit');
    process.off('exit', killNow);
  };
  try {
    const [chunk] = (await once(child.stdout, 'data')) as [Buffer];
    const port = Number(chunk.toString().trim());
    if (!port) throw new Error(`bench: the bare Yoga server said ${JSON.stringify(chunk.toString())} instead of its port`);
    return { url: `http://127.0.0.1:${port}/graphql`, pid: child.pid, stop };
  } catch (e) {
    await stop();
    throw e;
  }
}

/** Requests served and CPU spent by the server over several rounds of the same load. */
class Tally {
  private requests = 0;
  private ms = 0;
  private cpu = 0;
  private readonly latencies: number[] = [];
  add(round: { requests: number; ms: number; cpu: number; latencies: number[] }) {
    this.requests += round.requests;
    this.ms += round.ms;
    this.cpu += round.cpu;
    this.latencies.push(...round.latencies);
  }
  get perSecond() {
    return Math.round((this.requests * 1000) / this.ms);
  }
  get cpuMsPerRequest() {
    return Number((this.cpu / this.requests).toFixed(3));
  }
  get p50() {
    return Number(
      percentile(
        [...this.latencies].sort((a, b) => a - b),
        50,
      ).toFixed(2),
    );
  }
}

/**
 * `clients` sending `send` back to back for SECONDS (after a second of warm-up): requests, wall
 * time, each request's latency, and the server's CPU time.
 */
/** A measured process's id; the figures would be meaningless for one that is not running. */
function running(pid: number | undefined): number {
  if (pid === undefined) throw new Error('bench: the process is not running, so its CPU time and memory cannot be read');
  return pid;
}

async function costOf(pid: number | undefined, send: () => Promise<void>, clients: number) {
  let latencies: number[] = [];
  const backToBack = async (seconds: number) => {
    const started = performance.now();
    await Promise.all(
      Array.from({ length: clients }, async () => {
        while (performance.now() - started < seconds * 1000) {
          const t = performance.now();
          await send();
          latencies.push(performance.now() - t);
        }
      }),
    );
    return performance.now() - started;
  };
  await backToBack(1); // warm-up, not counted
  latencies = [];
  const cpuBefore = cpuMs(running(pid));
  const ms = await backToBack(SECONDS);
  return { requests: latencies.length, ms, cpu: cpuMs(running(pid)) - cpuBefore, latencies };
}

/** One trivial query, refused loudly if it does not answer as it should. */
function trivial(url: string, token: string | null) {
  return async () => {
    const r = await gql<{ __typename: string }>(url, token, TRIVIAL);
    if (r.errors || r.data?.__typename !== 'Query') throw new Error(`bench: trivial query failed at ${url}: ${JSON.stringify(r.errors)}`);
  };
}

/**
 * Memory of a node holding a large directory (issue 14, item 7: under 150 MB at 100,000 entries),
 * on PostgreSQL as the example settings (deploy/examples/node.yaml) run a node in production;
 * beside a fresh bare Yoga given the same load. Three moments: the peak while the node applies
 * its 100,000-entry seed file the first time; at rest after a restart, when the unchanged seed
 * file is skipped (a node's ordinary start); and the peak after directory searches.
 */
async function bigDirectoryMemory(r: ReturnType<typeof suiteResults>): Promise<BenchResult[]> {
  const [italy, niger] = AGENCIES as [(typeof AGENCIES)[0], (typeof AGENCIES)[0]];
  const net = await startTestNetwork({
    agencies: [italy, niger],
    directory: generateDirectory([italy], BIG_ENTRIES),
    nodeStartTimeoutMs: 900_000,
  });
  const bare = await startBareYoga();
  try {
    const node = net.nodes[italy.id];
    if (!node) throw new Error('bench: no node for Italy');
    const firstSeedPeak = peakRssMb(running(node.pid));
    await node.stop();
    await node.start();
    const nodeRest = residentMb(running(node.pid));
    const bareRest = residentMb(running(bare.pid));
    const delegated = await net.delegatedToken(`${niger.id}-officer`, italy.id);
    let n = 0;
    const search = async () => {
      const res = await gql<{ directory: { total: number } }>(node.url, delegated, SEARCH, { filter: FILTERS[n++ % FILTERS.length] });
      if (res.errors || !res.data) throw new Error(`bench: directory search failed: ${JSON.stringify(res.errors)}`);
    };
    const found = await gql<{ directory: { total: number } }>(node.url, delegated, SEARCH, { filter: FILTERS[0] });
    if (!found.data || found.data.directory.total === 0) throw new Error(`bench: the node's ${BIG_ENTRIES} entries were not searchable`);
    await costOf(bare.pid, trivial(bare.url, null), CLIENTS);
    await costOf(node.pid, search, CLIENTS);
    const size = `${Math.round(BIG_ENTRIES / 1000)}k`;
    const bareBaseline = (metric: string, value: number) => ({ metric: `bare_yoga_${metric}`, value });
    return [
      r(`node_peak_rss_first_seed_mb_${size}`, firstSeedPeak, 'MB', bareBaseline('peak_rss_at_rest_mb', bareRest.peak)),
      r(`node_rss_at_rest_mb_${size}`, nodeRest.now, 'MB', bareBaseline('rss_at_rest_mb', bareRest.now)),
      r(`node_peak_rss_mb_${size}`, peakRssMb(running(node.pid)), 'MB', bareBaseline('peak_rss_mb', peakRssMb(running(bare.pid)))),
      r(`directory_entries_${size}`, BIG_ENTRIES, 'entries'),
      r(`load_avg_1m_${size}`, machineLoad().load1, 'load'),
    ];
  } finally {
    await bare.stop();
    await net.stop();
  }
}

export async function nodeSuite(): Promise<BenchResult[]> {
  const small = await smallDirectory();
  return BIG_ENTRIES > 0 ? [...small, ...(await bigDirectoryMemory(suiteResults('node')))] : small;
}

async function smallDirectory(): Promise<BenchResult[]> {
  const [italy, niger] = AGENCIES as [(typeof AGENCIES)[0], (typeof AGENCIES)[0]];
  const directory = generateDirectory([italy], ENTRIES);
  const net = await startTestNetwork({
    agencies: [italy, niger],
    directory,
    ...(CPU_PROFILE_DIR ? { nodeEnv: { NODE_OPTIONS: `--import=${CPU_PROFILER}`, CORRIDOR_CPU_PROFILE_DIR: CPU_PROFILE_DIR } } : {}),
  });
  const bare = await startBareYoga();
  try {
    const node = net.nodes[italy.id];
    if (!node) throw new Error('bench: no node for Italy');
    // Memory at rest, before any request: what the node holds once started and seeded (VmRSS),
    // and the most it held on the way there (VmHWM: migrations, the seed file, first queries).
    const nodeRestRss = residentMb(running(node.pid)).now;
    const nodeRestPeak = peakRssMb(running(node.pid));
    const bareRestRss = residentMb(running(bare.pid)).now;
    const bareRestPeak = peakRssMb(running(bare.pid));
    const token = await net.token(`${italy.id}-officer`);
    const delegated = await net.delegatedToken(`${niger.id}-officer`, italy.id);
    let n = 0;
    const search = async () => {
      const r = await gql<{ directory: { total: number } }>(node.url, delegated, SEARCH, { filter: FILTERS[n++ % FILTERS.length] });
      if (r.errors || !r.data) throw new Error(`bench: directory search failed: ${JSON.stringify(r.errors)}`);
    };
    for (const f of FILTERS) {
      const r = await gql<{ directory: { total: number } }>(node.url, delegated, SEARCH, { filter: f });
      console.error(`bench: ${JSON.stringify(f)} finds ${r.data?.directory.total ?? JSON.stringify(r.errors)} of ${ENTRIES}`);
    }

    // Every figure in alternating rounds, node and baseline side by side, so that what else the
    // machine runs meanwhile weighs on both alike; CPU per request from /proc.
    const trivialAtNode = trivial(node.url, token);
    const trivialAtBare = trivial(bare.url, null);
    const bareBusy = new Tally();
    const trivialBusy = new Tally();
    const searchBusy = new Tally();
    const bareSingle = new Tally();
    const trivialSingle = new Tally();
    const searchSingle = new Tally();
    // With BENCH_NODE_CPU_PROF, the node's profile covers the measured rounds only (cpu-profiler.mjs).
    if (CPU_PROFILE_DIR && node.pid !== undefined) process.kill(node.pid, 'SIGUSR2');
    for (let round = 0; round < ROUNDS; round++) {
      bareBusy.add(await costOf(bare.pid, trivialAtBare, CLIENTS));
      trivialBusy.add(await costOf(node.pid, trivialAtNode, CLIENTS));
      searchBusy.add(await costOf(node.pid, search, CLIENTS));
      bareSingle.add(await costOf(bare.pid, trivialAtBare, 1));
      trivialSingle.add(await costOf(node.pid, trivialAtNode, 1));
      searchSingle.add(await costOf(node.pid, search, 1));
    }
    if (CPU_PROFILE_DIR && node.pid !== undefined) process.kill(node.pid, 'SIGUSR2');
    // After every round of trivial queries and directory searches.
    const nodeRss = peakRssMb(running(node.pid));
    const bareRss = peakRssMb(running(bare.pid));

    const r = suiteResults('node');
    const bareRps = { metric: 'bare_yoga_rps', value: bareBusy.perSecond };
    const trivialRps = { metric: 'trivial_rps', value: trivialBusy.perSecond };
    return [
      r('trivial_rps', trivialBusy.perSecond, 'req/s', bareRps),
      r('trivial_p50_ms', trivialSingle.p50, 'ms', { metric: 'bare_yoga_p50_ms', value: bareSingle.p50 }),
      r('trivial_cpu_ms', trivialBusy.cpuMsPerRequest, 'ms CPU/req', { metric: 'bare_yoga_cpu_ms', value: bareBusy.cpuMsPerRequest }),
      r('search_rps', searchBusy.perSecond, 'searches/s', trivialRps),
      r('search_p50_ms', searchSingle.p50, 'ms', { metric: 'trivial_p50_ms', value: trivialSingle.p50 }),
      r('search_cpu_ms', searchBusy.cpuMsPerRequest, 'ms CPU/req', { metric: 'trivial_cpu_ms', value: trivialBusy.cpuMsPerRequest }),
      r('bare_yoga_rps', bareBusy.perSecond, 'req/s'),
      r('bare_yoga_p50_ms', bareSingle.p50, 'ms'),
      r('bare_yoga_cpu_ms', bareBusy.cpuMsPerRequest, 'ms CPU/req'),
      r('node_rss_at_rest_mb', nodeRestRss, 'MB', { metric: 'bare_yoga_rss_at_rest_mb', value: bareRestRss }),
      r('node_peak_rss_at_rest_mb', nodeRestPeak, 'MB', { metric: 'bare_yoga_peak_rss_at_rest_mb', value: bareRestPeak }),
      r('node_peak_rss_mb', nodeRss, 'MB', { metric: 'bare_yoga_peak_rss_mb', value: bareRss }),
      r('bare_yoga_rss_at_rest_mb', bareRestRss, 'MB'),
      r('bare_yoga_peak_rss_at_rest_mb', bareRestPeak, 'MB'),
      r('bare_yoga_peak_rss_mb', bareRss, 'MB'),
      r('directory_entries', ENTRIES, 'entries'),
      r('throughput_clients', CLIENTS, 'clients'),
      r('load_avg_1m', machineLoad().load1, 'load'),
    ];
  } finally {
    await bare.stop();
    await net.stop();
  }
}
