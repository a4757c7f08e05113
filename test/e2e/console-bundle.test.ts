// The console a border post's phone downloads: the real production build, into a directory of
// this file's own. Its first load (the entry with the sign-in page, then the feed or the
// directory) stays within 200 kB gzipped, and the heavy pages and file writers come on demand.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '@corridor/deploy';
import { afterAll, beforeAll, expect, it } from 'vitest';

interface FirstLoad {
  files: { fileName: string; gzipBytes: number }[];
  gzipBytes: number;
  budgetBytes: number;
}

let outDir: string;
let log: string;
let status: number | null;
let report: FirstLoad;

beforeAll(async () => {
  outDir = await mkdtemp(join(tmpdir(), 'corridor-console-bundle-'));
  const build = spawn('pnpm', ['--filter', '@corridor/web', 'exec', 'vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: REPO_ROOT,
    // vitest sets NODE_ENV=test, with which Vite would bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  build.stdout.on('data', (d: Buffer) => (out += d));
  build.stderr.on('data', (d: Buffer) => (out += d));
  status = await new Promise<number | null>((resolve) => build.on('close', resolve));
  log = out;
  if (status === 0) report = JSON.parse(await readFile(join(outDir, '.vite', 'first-load.json'), 'utf8')) as FirstLoad;
});

afterAll(async () => {
  if (outDir) await rm(outDir, { recursive: true, force: true });
});

const chunk = async (prefix: string) => {
  const names = (await readdir(join(outDir, 'assets'))).filter((n) => n.startsWith(`${prefix}-`) && n.endsWith('.js'));
  expect(names, `one ${prefix} chunk`).toHaveLength(1);
  return `assets/${names[0]}`;
};

it('builds, and its first load is at most 200 kB gzipped', () => {
  expect(status, log).toBe(0);
  expect(report.budgetBytes).toBe(200_000);
  expect(report.gzipBytes).toBeLessThanOrEqual(200_000);
  expect(report.gzipBytes).toBe(report.files.reduce((sum, f) => sum + f.gzipBytes, 0));
});

it('counts the feed and the directory pages in the first load', async () => {
  const first = report.files.map((f) => f.fileName);
  expect(first).toEqual(expect.arrayContaining([await chunk('Feed'), await chunk('Directory')]));
});

it('loads the other pages and the contact files on demand', async () => {
  const first = report.files.map((f) => f.fileName);
  for (const page of ['Publish', 'Check', 'Consultations', 'Requests', 'MyRoutes', 'Statistics', 'DirectoryAdmin', 'contact-files']) {
    expect(first, page).not.toContain(await chunk(page));
  }
});

it('makes no chunk over Vite’s 500 kB but the contact files, and no chunk-size warning', async () => {
  expect(log).not.toMatch(/larger than \d+ kB/);
  const assets = join(outDir, 'assets');
  const contactFiles = await chunk('contact-files');
  for (const name of (await readdir(assets)).filter((n) => n.endsWith('.js'))) {
    if (`assets/${name}` === contactFiles) continue;
    expect((await stat(join(assets, name))).size, name).toBeLessThanOrEqual(500_000);
  }
});
