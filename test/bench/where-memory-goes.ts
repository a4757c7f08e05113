// Where a node's memory goes: one node on a PostgreSQL database of this run and one on embedded
// PGlite (as the demo runs them), each seeded with ENTRIES directory entries, each preloaded with
// memory-probe.mjs. Prints what each holds at rest and after SEARCHES directory searches.
// Run: pnpm --filter @corridor/test exec tsx bench/where-memory-goes.ts
import { randomBytes } from 'node:crypto';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNetwork } from '@corridor/deploy';
import { generateDirectory } from '../support/directory-generator.js';
import { gql } from '../support/graphql.js';
import { createDatabases } from '../support/postgres.js';
import { AGENCIES, officersAnd } from '../support/test-network.js';

const ENTRIES = Number(process.env.BENCH_MEMORY_ENTRIES ?? 10_000);
const SEARCHES = Number(process.env.BENCH_MEMORY_SEARCHES ?? 500);
const SEARCH = `query($filter: DirectoryFilterInput) { directory(filter: $filter) { total entries { id name agency channels { type value } } } }`;
const FILTERS = [{ role: 'prosecutor' }, { language: 'it' }, { text: 'lampedusa' }, { always: true }].map((f) => ({ ...f, limit: 50 }));

const [onPostgres, onPglite] = AGENCIES as [(typeof AGENCIES)[0], (typeof AGENCIES)[0]];
const run = [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
const rootDir = await mkdtemp(join(tmpdir(), `corridor-memory-${run}-`));
const memoryFile = join(rootDir, 'memory.ndjson');
/** A folder for heap snapshots of both nodes at each step (large: about 3 × the heap each). */
const snapshotDir = process.env.BENCH_MEMORY_HEAP_SNAPSHOT_DIR;
const snapshotEnv: Record<string, string> = snapshotDir ? { CORRIDOR_BENCH_HEAP_SNAPSHOT_DIR: snapshotDir } : {};
const databases = await createDatabases(run, [onPostgres.id]);
const net = await startNetwork({
  rootDir,
  agencies: [{ ...onPostgres, databaseUrl: databases.urls[onPostgres.id] as string }, onPglite],
  users: officersAnd().filter((u) => u.agency === onPostgres.id || u.agency === onPglite.id),
  nats: { start: true },
  subjectRoot: `corridor_m${run}`,
  directory: { ...generateDirectory([onPostgres], ENTRIES), ...generateDirectory([onPglite], ENTRIES) },
  nodeEnv: {
    NODE_OPTIONS: `--expose-gc --import=${new URL('./memory-probe.mjs', import.meta.url).href}`,
    CORRIDOR_BENCH_MEMORY_FILE: memoryFile,
    ...snapshotEnv,
  },
  quiet: true,
}).catch(async (e) => {
  await databases.drop();
  await rm(rootDir, { recursive: true, force: true });
  throw e;
});
const snapshot = async (label: string) => {
  for (const id of [onPostgres.id, onPglite.id]) {
    const pid = net.nodes[id]?.pid;
    if (pid === undefined) throw new Error(`no node for ${id}`);
    const before = (await readFile(memoryFile, 'utf8').catch(() => '')).length;
    process.kill(pid, 'SIGUSR2');
    let text = '';
    while (text.length <= before) {
      await new Promise((r) => setTimeout(r, 100));
      text = await readFile(memoryFile, 'utf8').catch(() => '');
    }
    console.log(label, id === onPostgres.id ? 'postgres' : 'pglite', text.slice(before).trim());
  }
};
try {
  await new Promise((r) => setTimeout(r, 3000));
  await snapshot('rest');
  for (const [asker, at] of [
    [onPglite, onPostgres],
    [onPostgres, onPglite],
  ] as const) {
    const token = await net.delegatedToken(`${asker.id}-officer`, at.id);
    const url = net.nodes[at.id]?.url as string;
    for (let i = 0; i < SEARCHES; i++) {
      const r = await gql<{ directory: { total: number } }>(url, token, SEARCH, { filter: FILTERS[i % FILTERS.length] });
      if (r.errors) throw new Error(JSON.stringify(r.errors));
    }
  }
  await snapshot('searched');
} finally {
  await net.stop();
  await databases.drop();
  await rm(rootDir, { recursive: true, force: true });
}
