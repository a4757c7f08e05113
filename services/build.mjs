// `pnpm run build`: the node as one JavaScript file, dist/main.js, which Node runs without tsx
// (issue 14, item 7: tsx's module hooks and transformed sources held about 70 MB of a node).
// The workspace's own TypeScript (this package and @corridor/proto) is bundled; the packages
// this one depends on stay imports, resolved at run time from its node_modules, since some load
// files beside their own code (PGlite's WebAssembly and data, Prisma's query compiler).
// The launcher runs the bundle only while it is newer than every source (deploy/src/node-entry.ts).
import { readFileSync } from 'node:fs';
import { build } from 'esbuild';

const manifest = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const external = Object.keys(manifest.dependencies).filter((name) => !name.startsWith('@corridor/'));

await build({
  entryPoints: [new URL('./src/main.ts', import.meta.url).pathname],
  outfile: new URL('./dist/main.js', import.meta.url).pathname,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  external,
  // Packages bundled from proto written as CommonJS call require(); an ES module has none.
  banner: { js: "import { createRequire as __corridorRequire } from 'node:module'; const require = __corridorRequire(import.meta.url);" },
  sourcemap: true,
  logLevel: 'warning',
});
