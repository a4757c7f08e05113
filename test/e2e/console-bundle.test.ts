// The console a border post's phone downloads: the real production build, into a directory of
// this file's own. Its first load (the entry with the sign-in page, then the feed or the
// directory) stays within 200 kB gzipped, and the heavy pages and file writers come on demand.
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { buildConsoleInto, type ConsoleBuild, type FirstLoad } from '../support/console-build.js';

let built: ConsoleBuild;
let outDir: string;
let report: FirstLoad;

beforeAll(async () => {
  built = await buildConsoleInto();
  outDir = built.outDir;
  if (built.firstLoad) report = built.firstLoad;
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
  expect(built.status, built.log).toBe(0);
  expect(report.budgetBytes).toBe(200_000);
  expect(report.gzipBytes).toBeLessThanOrEqual(200_000);
  expect(report.gzipBytes).toBe(report.files.reduce((sum, f) => sum + f.gzipBytes, 0));
});

it('counts the feed and the directory pages in the first load', async () => {
  const first = report.files.map((f) => f.fileName);
  expect(first).toEqual(expect.arrayContaining([await chunk('Feed'), await chunk('Directory')]));
});

it('loads the other pages, the contact files and the map on demand', async () => {
  const first = report.files.map((f) => f.fileName);
  for (const page of [
    'Publish',
    'Check',
    'Consultations',
    'Requests',
    'MyRoutes',
    'Statistics',
    'DirectoryAdmin',
    'contact-files',
    'RouteMap',
  ]) {
    expect(first, page).not.toContain(await chunk(page));
  }
});

it('makes no chunk over Vite’s 500 kB, and no chunk-size warning at Vite’s default limit', async () => {
  expect(built.log).not.toMatch(/larger than \d+ kB/);
  const assets = join(outDir, 'assets');
  for (const name of (await readdir(assets)).filter((n) => n.endsWith('.js'))) {
    expect((await stat(join(assets, name))).size, name).toBeLessThanOrEqual(500_000);
  }
  // any-ascii's table (546 kB whole) is cut into chunks of its own, loaded with the contact files only.
  const first = report.files.map((f) => f.fileName);
  for (const part of [0, 1, 2, 3]) expect(first).not.toContain(await chunk(`any-ascii-${part}`));
});
