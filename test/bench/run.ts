// `pnpm bench`: runs every benchmark suite (or those named on the command line), prints a table
// and writes test/bench/results.json.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BenchResult, printTable, writeResults } from './results-file.js';
import { alertsSuite } from './suites/alerts.js';
import { consoleSuite } from './suites/console.js';
import { directorySuite } from './suites/directory.js';
import { exchangeSuite } from './suites/exchange.js';
import { feedsSuite } from './suites/feeds.js';
import { freetextSuite } from './suites/freetext.js';
import { gatewaySuite } from './suites/gateway.js';
import { hitcheckSuite } from './suites/hitcheck.js';
import { hostsSuite } from './suites/hosts.js';
import { nodeSuite } from './suites/node.js';

const SUITES: Record<string, () => Promise<BenchResult[]>> = {
  alerts: alertsSuite,
  console: consoleSuite,
  directory: directorySuite,
  exchange: exchangeSuite,
  feeds: feedsSuite,
  freetext: freetextSuite,
  gateway: gatewaySuite,
  hitcheck: hitcheckSuite,
  hosts: hostsSuite,
  node: nodeSuite,
};

const wanted = process.argv.slice(2).filter((a) => a !== '--');
const names = wanted.length > 0 ? wanted : Object.keys(SUITES);
const results: BenchResult[] = [];
for (const name of names) {
  const suite = SUITES[name];
  if (!suite) {
    console.error(`unknown suite ${name}; known: ${Object.keys(SUITES).join(', ')}`);
    process.exit(2);
  }
  console.error(`bench: running suite ${name}`);
  results.push(...(await suite()));
}
const file = join(dirname(fileURLToPath(import.meta.url)), 'results.json');
await writeResults(file, results);
printTable(results);
console.log(`\nwritten to ${file}`);
process.exit(0);
