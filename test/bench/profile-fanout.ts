// Where the CPU goes on a fanned-out directory query: the `gateway` suite's network (ten nodes,
// 300 entries each) and its query sent through the gateway one at a time; V8 profiles
// (cpu-profiler.mjs) of the gateway and of Italy's node over the measured queries only. Prints
// user and system CPU per query for the gateway and the nodes (system time is the kernel's: socket
// writes, loopback TCP), the heaviest functions of each profile by self time, and leaves the
// profiles (open them in Chrome's DevTools) in the folder printed.
//
//   pnpm --filter @corridor/test exec tsx bench/profile-fanout.ts [queries]
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gql } from '../support/graphql.js';
import { AGENCIES, startTestNetwork } from '../support/test-network.js';
import { selfTimeByFunction } from './cpu-profile-file.js';
import { directoryOf, GATEWAY_QUERY, MORE_AGENCIES } from './suites/gateway.js';

const QUERIES = Number(process.argv[2] ?? 1000);

/** User and system CPU `pid` has spent so far, in clock ticks. */
function ticks(pid: number): { user: number; system: number } {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return { user: Number(fields[11]), system: Number(fields[12]) };
}

/** The heaviest functions of a profile by self time, idle left out, in ms per query. */
function heaviest(file: string, top = 30): string[] {
  const byFunction = selfTimeByFunction(file);
  const busy = byFunction.reduce((sum, [, us]) => sum + us, 0);
  return [
    `${file}: ${(busy / 1000 / QUERIES).toFixed(2)} ms on the main thread per query`,
    ...byFunction
      .slice(0, top)
      .map(([k, us]) => `${((100 * us) / busy).toFixed(1).padStart(5)} %  ${(us / 1000 / QUERIES).toFixed(3)} ms  ${k}`),
  ];
}

const dir = mkdtempSync(join(tmpdir(), 'corridor-profile-'));
// Inherited by every child: the nodes and the gateway load the profiler, idle until signalled.
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import ${new URL('./cpu-profiler.mjs', import.meta.url).pathname}`;
process.env.BENCH_CPU_PROFILE_DIR = dir;
const agencies = [...AGENCIES, ...MORE_AGENCIES];
const net = await startTestNetwork({ agencies, directory: Object.fromEntries(agencies.map((a) => [a.id, directoryOf(a, 300)])) });
const profiled: number[] = [];
try {
  const token = await net.token('ne-ppn-officer');
  const once = async () => {
    const r = await gql(net.gatewayUrl, token, GATEWAY_QUERY);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
  };
  for (let i = 0; i < 200; i++) await once();
  const gateway = net.gateway.pid as number;
  const italy = net.nodes['it-polfr']?.pid as number;
  const nodes = Object.values(net.nodes).map((n) => n.pid as number);
  profiled.push(gateway, italy);
  for (const pid of profiled) process.kill(pid, 'SIGUSR2');
  const before = [gateway, ...nodes].map(ticks);
  for (let i = 0; i < QUERIES; i++) await once();
  const after = [gateway, ...nodes].map(ticks);
  for (const pid of profiled) process.kill(pid, 'SIGUSR2');
  const ms = (t: number) => ((t * 10) / QUERIES).toFixed(2);
  const spent = after.map((a, i) => ({ user: a.user - (before[i]?.user ?? 0), system: a.system - (before[i]?.system ?? 0) }));
  const [g, ...n] = spent;
  const sum = (k: 'user' | 'system') => n.reduce((s, x) => s + x[k], 0);
  console.log(`gateway: user ${ms(g?.user ?? 0)} ms, system ${ms(g?.system ?? 0)} ms per query (at 100 ticks/s)`);
  console.log(`ten nodes: user ${ms(sum('user'))} ms, system ${ms(sum('system'))} ms per query`);
  for (const pid of profiled)
    for (let i = 0; i < 100 && !existsSync(join(dir, `${pid}.cpuprofile`)); i++) await new Promise((r) => setTimeout(r, 100));
} finally {
  await net.stop();
}
for (const pid of profiled) console.log(heaviest(join(dir, `${pid}.cpuprofile`)).join('\n'));
