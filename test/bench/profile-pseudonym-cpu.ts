// Where oblivious pseudonyms spend CPU, party by party: the pseudonyms suite's network (3 holder
// nodes, key 2 of 3) and a requester in this process, as the suite runs it. Prints per call the
// wall time, the holders' and the requester's CPU, the requester's event-loop delay and GC pauses,
// then one party's V8 profile (the holder ne-ppn, or this process with WHICH=requester) by self
// time, and grouped by package. BULK=1 sends bulk batches of 1,000 identifiers instead of alerts.
// It found fetch and Yoga's request objects costing more than the arithmetic (ARCHITECTURE).
//
//   pnpm --filter @corridor/test exec tsx bench/profile-pseudonym-cpu.ts
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPseudonymizer } from '../../services/src/pseudonyms/pseudonymizer.js';
import { startTestNetwork } from '../support/test-network.js';
import { selfTimeByFunction } from './cpu-profile-file.js';
import { cpuDuring } from './process-stats.js';
import { alertIdentifiers, benchRequester, KEY_HOLDERS, pseudonymNetwork } from './pseudonym-requester.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-profile-'));
const net = await startTestNetwork({
  ...pseudonymNetwork,
  nodeEnv: { NODE_OPTIONS: `--import ${new URL('./cpu-profiler.mjs', import.meta.url).pathname}`, CORRIDOR_CPU_PROFILE_DIR: dir },
});
const N = process.env.BULK ? 6 : 400;
const batch = (i: number) =>
  process.env.BULK ? Array.from({ length: 200 }, (_, j) => alertIdentifiers(i * 1000 + j)).flat() : alertIdentifiers(i);
let pid = 0;
try {
  const { asker, holders } = await benchRequester(net);
  const p = createPseudonymizer({ keyring: { epochs: [] }, membership: () => net.membership, holders });
  for (let i = 0; i < 100; i++) await p.pseudonymize(alertIdentifiers(900000 + i), new Date(), asker);
  pid = net.nodes['ne-ppn']?.pid as number;
  const pids = KEY_HOLDERS.map((a) => net.nodes[a]?.pid as number);
  const { monitorEventLoopDelay, PerformanceObserver } = await import('node:perf_hooks');
  const gcs: number[] = [];
  const obs = new PerformanceObserver((l) => {
    for (const e of l.getEntries()) gcs.push(e.duration);
  });
  obs.observe({ entryTypes: ['gc'] });
  const h = monitorEventLoopDelay({ resolution: 1 });
  h.enable();
  const lat: number[] = [];
  process.kill(pid, 'SIGUSR2');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 100 });
  await session.post('Profiler.start');
  const before = process.cpuUsage();
  const t = performance.now();
  const { cpuMs } = await cpuDuring(pids, async () => {
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      await p.pseudonymize(batch(i), new Date(), asker);
      lat.push(performance.now() - t0);
    }
  });
  h.disable();
  obs.disconnect();
  lat.sort((a, b) => a - b);
  console.log(
    'call p50',
    lat[N / 2]?.toFixed(1),
    'p99',
    lat[Math.floor(N * 0.99)]?.toFixed(1),
    '| requester event-loop delay p99',
    (h.percentile(99) / 1e6).toFixed(1),
    'max',
    (h.max / 1e6).toFixed(1),
    '| requester GCs',
    gcs.length,
    'total ms',
    gcs.reduce((a, b) => a + b, 0).toFixed(0),
    'max',
    Math.max(...gcs).toFixed(1),
  );
  const wall = performance.now() - t;
  const mine = process.cpuUsage(before);
  const { profile } = await session.post('Profiler.stop');
  writeFileSync(join(dir, 'requester.cpuprofile'), JSON.stringify(profile));
  process.kill(pid, 'SIGUSR2');
  console.log(
    `per call: wall ${(wall / N).toFixed(2)} ms, holders' CPU ${(cpuMs / N).toFixed(2)} ms (3 nodes), requester CPU ${((mine.user + mine.system) / 1000 / N).toFixed(2)} ms`,
  );
  for (let i = 0; i < 100 && !existsSync(join(dir, `${pid}.cpuprofile`)); i++) await new Promise((r) => setTimeout(r, 100));
} finally {
  await net.stop();
}
const byFunction = selfTimeByFunction(join(dir, process.env.WHICH === 'requester' ? 'requester.cpuprofile' : `${pid}.cpuprofile`), {
  idle: true,
});
const total = byFunction.reduce((s, [, us]) => s + us, 0);
for (const [k, us] of byFunction.slice(0, 30)) console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
const groups = new Map<string, number>();
for (const [k, us] of byFunction) {
  if (k.startsWith('(idle)')) continue;
  const where = k.split(' ').slice(1).join(' ');
  const g = where.startsWith(':')
    ? (k.split(' ')[0] as string)
    : where
        .replace(/^node:internal\/deps\/undici.*/, 'undici')
        .replace(/^node:internal\/webstreams.*/, 'webstreams')
        .replace(/^node:.*/, 'node-internal')
        .replace(/^(@?[^/]+(\/[^/@]+)?).*$/, (_m, a) => (a.startsWith('@') ? a : a.split('/')[0]));
  groups.set(g, (groups.get(g) ?? 0) + us);
}
const busy = [...groups.values()].reduce((a, b) => a + b, 0);
console.log('busy per call ms', (busy / 1000 / N).toFixed(2));
for (const [g, us] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`${((100 * us) / busy).toFixed(1).padStart(5)} % busy  ${g}`);
