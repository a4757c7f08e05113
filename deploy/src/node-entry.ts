// How the launcher starts a node: from services/dist/main.js, the bundle `pnpm run build` makes,
// when it is newer than everything it was built from; from the TypeScript sources through tsx
// otherwise. The bundle spares a node tsx's module hooks and transformed sources (about 70 MB
// resident, issue 14, item 7); checking its age means an edit is never run stale, only slower.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Set to 1 to run nodes from their sources even when the bundle is fresh (the bench's baseline). */
export const FROM_SOURCE_VARIABLE = 'CORRIDOR_RUN_FROM_SOURCE';

function modified(path: string): number | undefined {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return undefined;
  }
}

/** The latest modification time under `path` (a file, or a folder walked whole); 0 when it does not exist. */
function latest(path: string): number {
  const own = modified(path) ?? 0;
  let entries: string[];
  try {
    entries = readdirSync(path, { recursive: true, encoding: 'utf8' });
  } catch {
    return own;
  }
  return entries.reduce((max, e) => Math.max(max, modified(join(path, e)) ?? 0), own);
}

/** What the bundle of the package in `packageDir` is built from: its sources, proto's, its manifest and the lockfile. */
function sourcesOf(packageDir: string): string[] {
  return [
    join(packageDir, 'src'),
    join(packageDir, '..', 'proto', 'src'),
    join(packageDir, 'package.json'),
    join(packageDir, 'build.mjs'),
    join(packageDir, '..', 'pnpm-lock.yaml'),
  ];
}

/** Node's arguments to run the package in `packageDir` (its working directory): the fresh bundle, else its sources. */
export function entryArguments(packageDir: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const fromSource = ['--import', 'tsx', 'src/main.ts'];
  if (env[FROM_SOURCE_VARIABLE] === '1') return fromSource;
  const built = modified(join(packageDir, 'dist', 'main.js'));
  if (built === undefined) return fromSource;
  return sourcesOf(packageDir).some((p) => latest(p) > built) ? fromSource : ['dist/main.js'];
}
