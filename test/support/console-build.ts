// A production build of the console into a directory of the caller's own, with the account of
// its first load that web/bundle-budget.ts writes. For the bundle test and the `console` bench.
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO_ROOT } from '@corridor/deploy';

export interface FirstLoad {
  files: { fileName: string; gzipBytes: number }[];
  gzipBytes: number;
  budgetBytes: number;
}

export interface ConsoleBuild {
  outDir: string;
  /** Vite's output, stdout and stderr. */
  log: string;
  status: number | null;
  /** Present when the build succeeded. */
  firstLoad?: FirstLoad;
}

/** Builds into a new temporary directory; the caller removes `outDir`. */
export async function buildConsoleInto(): Promise<ConsoleBuild> {
  const outDir = await mkdtemp(join(tmpdir(), 'corridor-console-bundle-'));
  const build = spawn('pnpm', ['--filter', '@corridor/web', 'exec', 'vite', 'build', '--outDir', outDir, '--emptyOutDir'], {
    cwd: REPO_ROOT,
    // vitest sets NODE_ENV=test, with which Vite would bundle React's development build.
    env: { ...process.env, NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  build.stdout.on('data', (d: Buffer) => (log += d));
  build.stderr.on('data', (d: Buffer) => (log += d));
  const status = await new Promise<number | null>((resolve) => build.on('close', resolve));
  if (status !== 0) return { outDir, log, status };
  const firstLoad = JSON.parse(await readFile(join(outDir, '.vite', 'first-load.json'), 'utf8')) as FirstLoad;
  return { outDir, log, status, firstLoad };
}

/** Every script and style sheet of a build, each gzipped as served: what loading every page costs. */
export async function allAssetsGzipBytes(outDir: string): Promise<number> {
  const assets = join(outDir, 'assets');
  let total = 0;
  for (const name of await readdir(assets)) {
    if (!/\.(js|css)$/.test(name) || !(await stat(join(assets, name))).isFile()) continue;
    total += gzipSync(await readFile(join(assets, name)), { level: 9 }).length;
  }
  return total;
}
