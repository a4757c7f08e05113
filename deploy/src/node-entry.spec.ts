import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { entryArguments, FROM_SOURCE_VARIABLE } from './node-entry.js';

const FROM_SOURCE = ['--import', 'tsx', 'src/main.ts'];
// Folders made now count as changed now (a file removed changes its folder): times after it.
const NOW = Math.floor(Date.now() / 1000);
const BUILT = NOW + 1000;
const LATER = NOW + 2000;

describe('which file a node is started from', () => {
  let root: string;
  let pkg: string;
  const at = (path: string, seconds: number) => utimesSync(path, seconds, seconds);
  const file = (path: string, seconds: number) => {
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, '');
    at(path, seconds);
  };
  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'corridor-node-entry-'));
    pkg = join(root, 'services');
    file(join(pkg, 'src', 'main.ts'), 1000);
    file(join(pkg, 'src', 'directory', 'seed-file.ts'), 1000);
    file(join(pkg, 'package.json'), 1000);
    file(join(pkg, 'build.mjs'), 1000);
    file(join(root, 'proto', 'src', 'index.ts'), 1000);
    file(join(root, 'pnpm-lock.yaml'), 1000);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('runs the sources through tsx while there is no bundle', () => {
    expect(entryArguments(pkg, {})).toEqual(FROM_SOURCE);
  });

  it('runs the bundle when it is newer than every source', () => {
    file(join(pkg, 'dist', 'main.js'), BUILT);
    expect(entryArguments(pkg, {})).toEqual(['dist/main.js']);
    expect(entryArguments(pkg, { [FROM_SOURCE_VARIABLE]: '1' })).toEqual(FROM_SOURCE);
  });

  it.each([
    ['a source of the node, deep in a folder', 'services/src/directory/seed-file.ts'],
    ['a source of proto', 'proto/src/index.ts'],
    ['the lockfile', 'pnpm-lock.yaml'],
    ['the package manifest', 'services/package.json'],
  ])('never runs a stale bundle: %s changed after it was built', (_, changed) => {
    file(join(pkg, 'dist', 'main.js'), BUILT);
    at(join(root, changed), LATER);
    expect(entryArguments(pkg, {})).toEqual(FROM_SOURCE);
  });

  it('counts a new source file', () => {
    file(join(pkg, 'dist', 'main.js'), BUILT);
    file(join(pkg, 'src', 'alerts', 'new.ts'), LATER);
    expect(entryArguments(pkg, {})).toEqual(FROM_SOURCE);
  });
});
