// Where the gateway's and the nodes' CPU goes on hit / no-hit checks: the three test agencies,
// Niger's officer checking through the gateway from `clients` concurrent loops, each process
// profiled by V8 (cpu-profiler.mjs) for the measured checks only. Prints each process's heaviest
// functions by self time, and leaves the profiles (open them in Chrome's DevTools) in the folder printed.
//
//   pnpm --filter @corridor/test exec tsx bench/profile-hitcheck.ts [checks] [clients]
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gql } from '../support/graphql.js';
import { AGENCIES, startTestNetwork } from '../support/test-network.js';
import { selfTimeByFunction } from './cpu-profile-file.js';
import { cpuMs, pidListeningOn } from './process-stats.js';

const CHECKS = Number(process.argv[2] ?? 2000);
const CLIENTS = Number(process.argv[3] ?? 8);
const CHECK = `query($identifier: IdentifierInput!) { hitCheck(identifier: $identifier) { hit answers { agency hit } sources { agency ok } } }`;

const dir = mkdtempSync(join(tmpdir(), 'corridor-profile-'));
// Inherited by the gateway too (the launcher passes its environment on).
process.env.NODE_OPTIONS = `--import ${new URL('./cpu-profiler.mjs', import.meta.url).pathname}`;
process.env.BENCH_CPU_PROFILE_DIR = dir;
const limit = String(1_000_000_000);
const net = await startTestNetwork({ nodeEnv: { CORRIDOR_CHECKS_PER_MINUTE: limit, CORRIDOR_ANSWERED_CHECKS_PER_MINUTE: limit } });
delete process.env.NODE_OPTIONS;
const pids: Record<string, number> = {};
try {
  const portOf = (url: string) => Number(new URL(url).port);
  pids.gateway = pidListeningOn(portOf(net.gatewayUrl));
  for (const a of AGENCIES) pids[a.id] = pidListeningOn(portOf(net.nodes[a.id]?.url as string));
  const token = await net.token('ne-ppn-officer');
  const once = async () => {
    const r = await gql(net.gatewayUrl, token, CHECK, {
      identifier: { kind: 'travel_document', value: `X${randomBytes(4).toString('hex').toUpperCase()}`, qualifier: 'NGA' },
    });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
  };
  const loop = async (count: number) => {
    let left = count;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (left-- > 0) await once();
      }),
    );
  };
  await loop(300);
  for (const pid of Object.values(pids)) process.kill(pid, 'SIGUSR2');
  const before = Object.fromEntries(Object.entries(pids).map(([k, pid]) => [k, cpuMs(pid)]));
  const started = performance.now();
  await loop(CHECKS);
  const seconds = (performance.now() - started) / 1000;
  for (const pid of Object.values(pids)) process.kill(pid, 'SIGUSR2');
  console.log(`${CHECKS} checks, ${CLIENTS} clients: ${(CHECKS / seconds).toFixed(0)} checks/s`);
  for (const [k, pid] of Object.entries(pids))
    console.log(`${k}: ${((cpuMs(pid) - (before[k] ?? 0)) / CHECKS).toFixed(2)} ms CPU per check`);
  for (const pid of Object.values(pids))
    for (let i = 0; i < 100 && !existsSync(join(dir, `${pid}.cpuprofile`)); i++) await new Promise((r) => setTimeout(r, 100));
} finally {
  await net.stop();
}

for (const [name, pid] of Object.entries(pids)) {
  const file = join(dir, `${pid}.cpuprofile`);
  if (!existsSync(file)) continue;
  const byFunction = selfTimeByFunction(file, { idle: true });
  const total = byFunction.reduce((sum, [, us]) => sum + us, 0);
  console.log(`\n${name} (${file}): top functions by self time`);
  for (const [k, us] of byFunction.slice(0, 25)) console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
}
