// The console's first load, held to a budget at build time: what a browser fetches before an
// officer sees the sign-in page and then the alert feed or the directory (the page after
// sign-in). Pages are split off with React.lazy (src/pages/lazy-pages.tsx); one static import
// of a heavy library from a first-load module would pull it back in, and the build then fails
// here naming the files, instead of the console growing unnoticed.
import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

/** Issue 15: a border post's phone should get the console in at most 200 kB gzipped (kB as Vite prints them, 1,000 bytes). */
export const FIRST_LOAD_BUDGET_BYTES = 200_000;

/** The pages a first visit shows after the entry (which holds the sign-in page itself). */
export const FIRST_PAGES = ['src/pages/Feed.tsx', 'src/pages/Directory.tsx'] as const;

/** Where the build writes its account, for tests and benches to read. */
export const FIRST_LOAD_REPORT = '.vite/first-load.json';

/** A built file as far as loading goes. */
export interface BuiltFile {
  fileName: string;
  isEntry: boolean;
  /** Source modules bundled in this file (absolute ids); empty for CSS. */
  moduleIds: readonly string[];
  /** Files fetched with this one, before it runs: static imports and its CSS. */
  loadsWith: readonly string[];
  contents: string | Uint8Array;
}

export interface FirstLoad {
  files: { fileName: string; gzipBytes: number }[];
  gzipBytes: number;
  budgetBytes: number;
}

/** The entry, the chunks holding `pages`, and everything those load with, each counted once, gzipped as served. */
export function firstLoad(built: readonly BuiltFile[], pages: readonly string[], budgetBytes = FIRST_LOAD_BUDGET_BYTES): FirstLoad {
  const byName = new Map(built.map((f) => [f.fileName, f]));
  const roots = built.filter((f) => f.isEntry);
  if (roots.length === 0) throw new Error('the build has no entry chunk');
  for (const page of pages) {
    const holder = built.find((f) => f.moduleIds.some((id) => id.endsWith(`/${page}`)));
    if (!holder) throw new Error(`first-load page ${page} is in no chunk of the build`);
    roots.push(holder);
  }
  const seen = new Set<string>();
  const visit = (f: BuiltFile) => {
    if (seen.has(f.fileName)) return;
    seen.add(f.fileName);
    for (const name of f.loadsWith) {
      const next = byName.get(name);
      if (next) visit(next);
    }
  };
  roots.forEach(visit);
  const files = [...seen]
    .map((fileName) => ({ fileName, gzipBytes: gzipSync((byName.get(fileName) as BuiltFile).contents, { level: 9 }).length }))
    .sort((a, b) => b.gzipBytes - a.gzipBytes);
  return { files, gzipBytes: files.reduce((sum, f) => sum + f.gzipBytes, 0), budgetBytes };
}

const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

/** Fails the build when the first load is over budget; writes the account to FIRST_LOAD_REPORT either way. */
export function firstLoadBudget(pages: readonly string[] = FIRST_PAGES, budgetBytes = FIRST_LOAD_BUDGET_BYTES): Plugin {
  return {
    name: 'corridor-first-load-budget',
    apply: 'build',
    generateBundle(_options, bundle) {
      const built: BuiltFile[] = Object.values(bundle).map((f) =>
        f.type === 'chunk'
          ? {
              fileName: f.fileName,
              isEntry: f.isEntry,
              moduleIds: f.moduleIds,
              loadsWith: [...f.imports, ...(f.viteMetadata?.importedCss ?? [])],
              contents: f.code,
            }
          : { fileName: f.fileName, isEntry: false, moduleIds: [], loadsWith: [], contents: f.source },
      );
      const load = firstLoad(built, pages, budgetBytes);
      this.emitFile({ type: 'asset', fileName: FIRST_LOAD_REPORT, source: `${JSON.stringify(load, null, 2)}\n` });
      if (load.gzipBytes > budgetBytes) {
        const list = load.files.map((f) => `  ${f.fileName} ${kB(f.gzipBytes)}`).join('\n');
        this.error(
          `the console's first load is ${kB(load.gzipBytes)} gzipped, over its budget of ${kB(budgetBytes)} ` +
            `(entry + ${pages.join(', ')}):\n${list}\nLoad the new weight on demand (React.lazy, import()) or drop it.`,
        );
      }
    },
  };
}
