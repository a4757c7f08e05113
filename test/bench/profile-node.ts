// Where a node's CPU goes on a directory search: a network of the three test agencies with the
// `directory` suite's directory (10,000 entries a node), and Italy's node asked the given searches
// straight, with a token Niger's node delegated to it (as the gateway asks it), profiled by V8
// (cpu-profiler.mjs) for the measured searches only. Prints the heaviest functions of the profile
// by self time and leaves it (open it in Chrome's DevTools) in the folder printed.
//
//   pnpm --filter @corridor/test exec tsx bench/profile-node.ts [searches] [filter-json]
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DIRECTORY_SEARCH_LIMIT, type DirectoryFilter } from '@corridor/proto';
import { generateDirectory } from '../support/directory-generator.js';
import { gql } from '../support/graphql.js';
import { AGENCIES, startTestNetwork } from '../support/test-network.js';
import { selfTimeByFunction } from './cpu-profile-file.js';
import { cpuDuring } from './process-stats.js';

const SEARCHES = Number(process.argv[2] ?? 2000);
const FILTERS: DirectoryFilter[] = process.argv[3]
  ? [JSON.parse(process.argv[3]) as DirectoryFilter]
  : [{ role: 'prosecutor' }, { country: 'NER', role: 'prosecutor', speaks: ['fr'] }, { text: 'extradition niger' }, { text: 'lampedusa' }];
const QUERY = `query($filter: DirectoryFilterInput) { directory(filter: $filter) { total entries { id name agency channels { type value } } } }`;

const dir = mkdtempSync(join(tmpdir(), 'corridor-profile-'));
const net = await startTestNetwork({
  agencies: AGENCIES,
  directory: generateDirectory(AGENCIES, 30_000),
  nodeEnv: {
    NODE_OPTIONS: `--import ${new URL('./cpu-profiler.mjs', import.meta.url).pathname}`,
    CORRIDOR_CPU_PROFILE_DIR: dir,
  },
});
let pid: number | undefined;
try {
  pid = net.nodes['it-polfr']?.pid;
  const token = await net.delegatedToken('ne-ppn-officer', 'it-polfr');
  const url = net.nodes['it-polfr']?.url as string;
  let n = 0;
  const once = async () => {
    const filter = FILTERS[n++ % FILTERS.length] as DirectoryFilter;
    const r = await gql(url, token, QUERY, { filter: { ...filter, limit: DIRECTORY_SEARCH_LIMIT } });
    if (r.errors) throw new Error(JSON.stringify(r.errors));
  };
  for (let i = 0; i < 100; i++) await once();
  process.kill(pid as number, 'SIGUSR2');
  const { cpuMs } = await cpuDuring([pid as number], async () => {
    for (let i = 0; i < SEARCHES; i++) await once();
  });
  process.kill(pid as number, 'SIGUSR2');
  console.log(`it-polfr: ${(cpuMs / SEARCHES).toFixed(2)} ms CPU per search over ${SEARCHES} searches`);
  for (let i = 0; i < 100 && !existsSync(join(dir, `${pid}.cpuprofile`)); i++) await new Promise((r) => setTimeout(r, 100));
} finally {
  await net.stop();
}

const file = join(dir, `${pid}.cpuprofile`);
const byFunction = selfTimeByFunction(file, { idle: true });
const total = byFunction.reduce((sum, [, us]) => sum + us, 0);
console.log(`profile: ${file}; top functions by self time:`);
for (const [k, us] of byFunction.slice(0, 40)) console.log(`${((100 * us) / total).toFixed(1).padStart(5)} %  ${k}`);
