import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { splitCases } from '../any-ascii-split';

// any-ascii is proto's dependency; its table is the file the plugin cuts.
const anyAsciiDir = dirname(createRequire(new URL('../../proto/package.json', import.meta.url)).resolve('any-ascii'));
const source = readFileSync(join(anyAsciiDir, 'block.js'), 'utf8');
type Block = (n: number) => string | undefined;
const evaluate = (body: string): Block => new Function('blockNum', body) as Block;

describe('splitCases', () => {
  const parts = splitCases(source, 4);
  const whole = evaluate(source.replace(/^export default function block\(blockNum\) \{\n/, '').replace(/\}\s*$/, ''));
  const cut = parts.map((cases) => evaluate(`switch (blockNum) {\n${cases.join('\n')}\n}`));

  it('keeps every block, each in exactly one part, in parts of similar size', () => {
    expect(parts).toHaveLength(4);
    expect(parts.flat()).toEqual(source.match(/^case \d+:return".*"$/gm));
    const sizes = parts.map((p) => p.join('\n').length);
    expect(Math.max(...sizes)).toBeLessThan(200_000);
  });

  it('answers for every block what the whole table answers', () => {
    for (let n = 0; n < 0x1100; n++) {
      const found = cut.map((part) => part(n)).filter((t) => t !== undefined);
      expect(found.length, `block ${n}`).toBeLessThanOrEqual(1);
      expect(found[0] ?? '', `block ${n}`).toBe(whole(n));
    }
  });

  it('refuses a table in a format it does not know', () => {
    expect(() => splitCases('export default function block(n) { return table[n]; }', 4)).toThrow(/no `case N/);
  });
});
