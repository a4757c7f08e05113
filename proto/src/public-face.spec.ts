// The faces of proto are what every other package depends on, so they say so name by name: a name
// on a face that no package imports is surface nobody asked for (and must be kept stable anyway),
// and `export *` would put every helper a module exports for its siblings or its spec on it again.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

const FACES = [
  { specifier: '@corridor/proto', file: 'proto/src/index.ts' },
  { specifier: '@corridor/proto/graphql', file: 'proto/src/graphql/index.ts' },
] as const;

const SOURCE = /\.(ts|tsx|mts|cts|js|mjs)$/;

function withoutComments(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
}

/** The names inside `{ a, type B, c as d }`, as the importer (or re-exporter) sees them. */
function namesIn(braces: string, side: 'imported' | 'exported'): string[] {
  return braces
    .split(',')
    .map((part) => part.trim().replace(/^type\s+/, ''))
    .filter((part) => part !== '')
    .map((part) => {
      const [original = '', alias] = part.split(/\s+as\s+/);
      return (side === 'exported' ? (alias ?? original) : original).trim();
    });
}

interface Face {
  names: string[];
  /** Statements other than `export { … } from '…'`: `export *`, local declarations, defaults. */
  otherStatements: string[];
}

function readFace(file: string): Face {
  const names: string[] = [];
  const otherStatements: string[] = [];
  for (const statement of withoutComments(readFileSync(join(root, file), 'utf8')).split(';')) {
    const text = statement.trim();
    if (text === '') continue;
    const listed = /^export\s+(?:type\s+)?\{([^}]*)\}\s*from\s*'[^']+'$/.exec(text);
    if (listed?.[1] === undefined) otherStatements.push(text.replace(/\s+/g, ' '));
    else names.push(...namesIn(listed[1], 'exported'));
  }
  return { names, otherStatements };
}

/** Every source file of the workspace's other packages, as listed in pnpm-workspace.yaml. */
function consumerFiles(): string[] {
  const block = /^packages:\n((?:[ \t]+-.*\n?)+)/m.exec(readFileSync(join(root, 'pnpm-workspace.yaml'), 'utf8'))?.[1] ?? '';
  const packages = [...block.matchAll(/-\s+['"]?([\w./-]+)['"]?/g)].map((m) => m[1] ?? '').filter((dir) => dir !== '' && dir !== 'proto');
  if (packages.length === 0) throw new Error('pnpm-workspace.yaml lists no packages besides proto');
  const files: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE.test(entry.name)) files.push(path);
    }
  };
  for (const dir of packages) walk(join(root, dir));
  return files;
}

interface Uses {
  /** Names imported (or re-exported) from each face, over every other package. */
  named: Map<string, Set<string>>;
  /** Uses this spec cannot read names from: namespace, default, side-effect or dynamic imports. */
  unreadable: string[];
}

function usesOfFaces(): Uses {
  const named = new Map<string, Set<string>>(FACES.map((face) => [face.specifier, new Set<string>()]));
  const unreadable: string[] = [];
  const statement = /\b(?:import|export)\s+(?:type\s+)?(\{[^}]*\})\s*from\s*['"](@corridor\/proto(?:\/[\w-]+)?)['"]/g;
  const anyMention = /['"](@corridor\/proto(?:\/[\w-]+)?)['"]/g;
  for (const file of consumerFiles()) {
    const text = readFileSync(file, 'utf8');
    if (!text.includes('@corridor/proto')) continue;
    let readable = 0;
    for (const m of text.matchAll(statement)) {
      readable += 1;
      for (const name of namesIn((m[1] ?? '').slice(1, -1), 'imported')) named.get(m[2] ?? '')?.add(name);
    }
    const mentions = [...text.matchAll(anyMention)].length;
    if (mentions > readable) unreadable.push(relative(root, file));
  }
  return { named, unreadable };
}

describe('the public faces of proto', () => {
  const uses = usesOfFaces();

  it('every other package imports proto by name, so that what it depends on can be read off', () => {
    expect(uses.unreadable).toEqual([]);
  });

  for (const face of FACES) {
    describe(face.specifier, () => {
      const { names, otherStatements } = readFace(face.file);

      it('lists its names: no export *, nothing declared in the face itself', () => {
        expect(otherStatements).toEqual([]);
        expect(names.length).toBeGreaterThan(0);
      });

      it('exports only names another package imports (what only proto uses stays in its module)', () => {
        const imported = uses.named.get(face.specifier) ?? new Set<string>();
        expect(names.filter((name) => !imported.has(name))).toEqual([]);
      });
    });
  }
});
