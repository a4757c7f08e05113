// What a process cost the machine, read from Linux's /proc: CPU time (user + system) and peak
// resident memory. Benches on one machine compare a path's latency with the CPU its processes
// spent, since many processes sharing few cores can never answer faster than that allows.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import pg from 'pg';
import { ADMIN_URL } from '../support/postgres.js';
import type { TestNetwork } from '../support/test-network.js';

let ticksPerSecond: number | undefined;
function clockTicks(): number {
  ticksPerSecond ??= Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  return ticksPerSecond;
}

/** CPU time (user + system) `pid` has spent so far, in ms; 0 for a process that is gone. */
export function cpuMs(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // The command name (field 2) may hold spaces and parentheses: fields are counted after its last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  // utime and stime are fields 14 and 15 of stat(5), so 12 and 13 after the name.
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / clockTicks();
}

/** The most memory `pid` has held resident since it started (VmHWM), in MB; NaN when it is gone. */
export function peakRssMb(pid: number): number {
  try {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb === undefined ? Number.NaN : Number((Number(kb) / 1024).toFixed(1));
  } catch {
    return Number.NaN;
  }
}

/** The process's resident memory now and at its peak so far (VmRSS, VmHWM), in MB. */
export function residentMb(pid: number): { now: number; peak: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? Number.NaN);
  return { now: Math.round(kb('VmRSS') / 1024), peak: Math.round(kb('VmHWM') / 1024) };
}

/** The process listening on this TCP port on this machine (for a server whose launcher keeps no pid). */
export function pidListeningOn(port: number): number {
  const out = execFileSync('ss', ['-Hltnp', `sport = :${port}`], { encoding: 'utf8' });
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) throw new Error(`bench: no process found listening on port ${port}`);
  return Number(pid);
}

/** The CPU the given processes spend while `work` runs, in ms, summed. */
export async function cpuDuring<T>(pids: readonly number[], work: () => Promise<T>): Promise<{ result: T; cpuMs: number }> {
  const before = pids.map(cpuMs);
  const result = await work();
  const after = pids.map(cpuMs);
  return { result, cpuMs: after.reduce((sum, a, i) => sum + a - (before[i] as number), 0) };
}

/**
 * The CPU spent while `work` runs by the PostgreSQL server processes serving the named databases
 * (the server runs on this machine): where a node's SQL spends its CPU. Connections opened during
 * `work` count whole; ones closed during it are lost, so pools should be warm first.
 */
export async function databaseCpuDuring<T>(
  adminUrl: string,
  databases: readonly string[],
  work: () => Promise<T>,
): Promise<{ result: T; cpuMs: number }> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const backends = async () =>
      (await c.query<{ pid: number }>('SELECT pid FROM pg_stat_activity WHERE datname = ANY($1::text[])', [databases])).rows.map(
        (r) => r.pid,
      );
    const before = new Map((await backends()).map((pid) => [pid, cpuMs(pid)]));
    const result = await work();
    const after = await backends();
    return { result, cpuMs: after.reduce((sum, pid) => sum + cpuMs(pid) - (before.get(pid) ?? 0), 0) };
  } finally {
    await c.end();
  }
}

/**
 * The CPU the named agencies' nodes, their PostgreSQL backends and the gateway spend on `count`
 * requests sent one at a time (pools and caches should be warm first), per request, in ms.
 */
export async function cpuPerRequest(net: TestNetwork, agencies: readonly string[], once: () => Promise<unknown>, count: number) {
  const nodePids = agencies.map((a) => net.nodes[a]?.pid).filter((p): p is number => p !== undefined);
  if (nodePids.length !== agencies.length) throw new Error('bench: a node is not running');
  const gatewayPid = net.gateway.pid;
  if (gatewayPid === undefined) throw new Error('bench: the gateway is not running');
  const databases = agencies.map((a) => new URL(net.databases.urls[a] as string).pathname.slice(1));
  const measured = await databaseCpuDuring(ADMIN_URL, databases, () =>
    cpuDuring([gatewayPid], () =>
      cpuDuring(nodePids, async () => {
        for (let i = 0; i < count; i++) await once();
      }),
    ),
  );
  const per = (ms: number) => Number((ms / count).toFixed(2));
  return { nodes: per(measured.result.result.cpuMs), gateway: per(measured.result.cpuMs), database: per(measured.cpuMs) };
}

/** The machine's cores and its load over the last minute, to print beside figures measured on a shared machine. */
export function machineLoad(): { cores: number; load1: number } {
  return { cores: availableParallelism(), load1: Number((loadavg()[0] as number).toFixed(2)) };
}

/** The processes `pid` started, and theirs, from each process's parent in /proc (a wrapper's child: `ip netns exec`, a shell). */
function descendantsOf(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // The parent is the second field after the command name, which may hold spaces and ')'.
    const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
  }
  const found: number[] = [];
  const walk = (p: number) => {
    for (const c of children.get(p) ?? []) {
      found.push(c);
      walk(c);
    }
  };
  walk(pid);
  return found;
}

/**
 * The largest peak resident memory (VmHWM, MB) among these processes and any they started: for
 * "the nodes' peak", the node that held the most. Throws when none is running, since a figure
 * read from no process would say nothing.
 */
export function maxPeakRssMb(pids: readonly (number | undefined)[]): number {
  const peaks = pids
    .filter((p): p is number => p !== undefined)
    .flatMap((p) => [p, ...descendantsOf(p)])
    .map(peakRssMb)
    .filter((mb) => !Number.isNaN(mb));
  if (peaks.length === 0) throw new Error('bench: none of the processes whose memory was asked for is running');
  return Math.max(...peaks);
}

/**
 * This benchmark process's own peak resident memory (VmHWM, MB), for suites that run no node or
 * gateway: the suite's work ran here, so this is the memory it cost.
 */
export function ownPeakRssMb(): number {
  return peakRssMb(process.pid);
}
