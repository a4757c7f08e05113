// Where the CPU of a bulk load goes: the `alerts` suite's bulk publish (publishAlerts, 1,000 a
// call) at Italy's node, with the publisher and one receiving node profiled by V8
// (cpu-profiler.mjs) for the load only. Prints CPU ms per alert of each and the heaviest
// functions of each profile by self time.
//
//   BENCH_BULK_ALERTS=3000 pnpm --filter @corridor/test exec tsx bench/profile-bulk.ts
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { gql } from '../support/graphql.js';
import { ADMIN_URL } from '../support/postgres.js';
import { startTestNetwork } from '../support/test-network.js';
import { selfTimeByFunction } from './cpu-profile-file.js';
import { cpuMs, databaseCpuDuring, pidListeningOn } from './process-stats.js';
import { BULK_ALERTS, bulkPublish, nextAlert } from './suites/alerts.js';

function top(file: string, n = 35): void {
  const byFunction = selfTimeByFunction(file, { idle: true });
  const total = byFunction.reduce((sum, [, us]) => sum + us, 0);
  console.log(`profile: ${file}; top functions by self time:`);
  for (const [k, us] of byFunction.slice(0, n)) console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
}

const dir = mkdtempSync(join(tmpdir(), 'corridor-profile-'));
const net = await startTestNetwork({
  nodeEnv: {
    NODE_OPTIONS: `--import ${new URL('./cpu-profiler.mjs', import.meta.url).pathname}`,
    CORRIDOR_CPU_PROFILE_DIR: dir,
  },
});
const watched = ['it-polfr', 'ne-ppn'];
const pids = watched.map((a) => net.nodes[a]?.pid as number);
try {
  const token = await net.token('it-polfr-officer');
  const url = net.nodes['it-polfr']?.url as string;
  const mutation = 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }';
  for (let i = 0; i < 20; i++) await gql(url, token, mutation, { input: nextAlert() });
  await new Promise((r) => setTimeout(r, 1000));
  for (const pid of pids) process.kill(pid, 'SIGUSR2');
  const before = pids.map(cpuMs);
  const started = performance.now();
  // A timeline of the load: rows the publisher has not sent yet, alerts the receiver holds.
  const source = new pg.Client({ connectionString: net.databases.urls['it-polfr'] as string });
  const sink = new pg.Client({ connectionString: net.databases.urls['ne-ppn'] as string });
  await source.connect();
  await sink.connect();
  const timeline: string[] = [];
  let sampling = true;
  const sampled = (async () => {
    const t0 = performance.now();
    while (sampling) {
      const unsent = (await source.query('SELECT count(*)::int AS n FROM outbox WHERE sent_at IS NULL')).rows[0].n;
      const queued = (await source.query('SELECT count(*)::int AS n FROM outbox')).rows[0].n;
      const held = (await sink.query('SELECT count(*)::int AS n FROM alerts WHERE NOT own')).rows[0].n;
      timeline.push(`${((performance.now() - t0) / 1000).toFixed(2)} s: queued ${queued} unsent ${unsent} received ${held}`);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  const natsPid = pidListeningOn(Number(new URL(net.natsUrl.replace(/^nats/, 'http')).port));
  const natsBefore = cpuMs(natsPid);
  const databases = ['it-polfr', 'ne-ppn', 'ng-nis'].map((a) => new URL(net.databases.urls[a] as string).pathname.slice(1));
  const { result: bulk, cpuMs: dbMs } = await databaseCpuDuring(ADMIN_URL, databases, () => bulkPublish(net, url, token));
  const after = pids.map(cpuMs);
  sampling = false;
  await sampled;
  await source.end();
  await sink.end();
  console.log(timeline.join('\n'));
  console.log(
    `postgres (3 databases): ${(dbMs / BULK_ALERTS).toFixed(2)} ms CPU per alert; nats-server: ${((cpuMs(natsPid) - natsBefore) / BULK_ALERTS).toFixed(2)}`,
  );
  for (const pid of pids) process.kill(pid, 'SIGUSR2');
  console.log(
    `${BULK_ALERTS} alerts in ${((performance.now() - started) / 1000).toFixed(1)} s: ${bulk.rate.toFixed(0)}/s stored, ${bulk.answeredPerS.toFixed(0)}/s answered`,
  );
  for (const [i, a] of watched.entries())
    console.log(`${a}: ${(((after[i] as number) - (before[i] as number)) / BULK_ALERTS).toFixed(2)} ms CPU per alert`);
  for (const pid of pids)
    for (let i = 0; i < 100 && !existsSync(join(dir, `${pid}.cpuprofile`)); i++) await new Promise((r) => setTimeout(r, 100));
} finally {
  await net.stop();
}
for (const [i, a] of watched.entries()) {
  console.log(`\n=== ${a}`);
  top(join(dir, `${pids[i]}.cpuprofile`));
}
