// any-ascii's transliteration table (block.js, 546 kB: one `case` per Unicode block of 256 code
// points) is one module, so the chunk holding it (contact-files, for a vCard's ASCII file name)
// was over Vite's 500 kB warning. This plugin cuts the table into parts of whole blocks, each its
// own module, and `anyAsciiChunks` gives each part its own chunk; the parts still load together,
// when an officer saves a contact, and any-ascii's code is untouched.
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/** How many parts: each about 140 kB, far under the warning, and few requests. */
const PARTS = 4;
const PART_ID = '\0any-ascii-part-';
const CASE = /^case \d+:return".*"$/gm;

/** The table's `case` lines, divided into `parts` runs of roughly equal size. */
export function splitCases(source: string, parts: number): string[][] {
  const cases = source.match(CASE) ?? [];
  if (cases.length === 0) throw new Error('any-ascii block.js: no `case N:return"…"` lines; has the package changed its format?');
  const total = cases.reduce((n, c) => n + c.length, 0);
  const out: string[][] = [[]];
  let size = 0;
  for (const c of cases) {
    if (size >= (total / parts) * out.length && out.length < parts) out.push([]);
    out[out.length - 1]?.push(c);
    size += c.length;
  }
  return out;
}

export function splitAnyAsciiTable(): Plugin {
  const parts = new Map<string, string[]>();
  return {
    name: 'corridor-split-any-ascii-table',
    enforce: 'pre',
    resolveId(id) {
      return id.startsWith(PART_ID) ? id : null;
    },
    load(id) {
      if (id.startsWith(PART_ID)) {
        const cases = parts.get(id);
        if (!cases) throw new Error(`${id}: not a part of the table`);
        // A block not in this part falls through to undefined; block.js tries the next part.
        return `export default function part(blockNum) {\nswitch (blockNum) {\n${cases.join('\n')}\n}\n}\n`;
      }
      if (!/[\\/]any-ascii[\\/]block\.js$/.test(id)) return null;
      const split = splitCases(readFileSync(id, 'utf8'), PARTS);
      const names = split.map((cases, i) => {
        parts.set(`${PART_ID}${i}`, cases);
        return `part${i}`;
      });
      return [
        ...names.map((name, i) => `import ${name} from ${JSON.stringify(`${PART_ID}${i}`)};`),
        `export default function block(blockNum) {\n  return ${names.map((n) => `${n}(blockNum)`).join(' ?? ')} ?? "";\n}`,
      ].join('\n');
    },
  };
}

/** Rolldown's code-splitting group that puts each part of the table in a chunk of its own. */
export const anyAsciiChunks = {
  debugName: 'any-ascii table parts',
  name: (moduleId: string) => {
    const part = moduleId.startsWith(PART_ID) ? moduleId.slice(PART_ID.length) : null;
    return part === null ? null : `any-ascii-${part}`;
  },
};
