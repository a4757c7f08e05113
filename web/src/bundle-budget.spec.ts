import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { type BuiltFile, firstLoad } from '../bundle-budget';

// Random bytes do not compress, so a file's gzipped size is known to within gzip's framing.
const file = (fileName: string, kB: number, rest: Partial<BuiltFile> = {}): BuiltFile => ({
  fileName,
  isEntry: false,
  moduleIds: [],
  loadsWith: [],
  contents: randomBytes(kB * 1000),
  ...rest,
});
const gz = (f: BuiltFile) => gzipSync(f.contents, { level: 9 }).length;

const entry = file('index.js', 90, { isEntry: true, moduleIds: ['/w/web/src/main.tsx'], loadsWith: ['react.js', 'index.css'] });
const react = file('react.js', 20);
const css = file('index.css', 3);
const feed = file('Feed.js', 2, { moduleIds: ['/w/web/src/pages/Feed.tsx'], loadsWith: ['react.js', 'cards.js'] });
const cards = file('cards.js', 4);
const publish = file('Publish.js', 120, { moduleIds: ['/w/web/src/pages/Publish.tsx'], loadsWith: ['react.js', 'zod.js'] });
const zod = file('zod.js', 100);
const build = [entry, react, css, feed, cards, publish, zod];

describe('the first load', () => {
  it('is the entry, the first pages and what they load with, each file once', () => {
    const load = firstLoad(build, ['src/pages/Feed.tsx']);
    expect(load.files.map((f) => f.fileName).sort()).toEqual(['Feed.js', 'cards.js', 'index.css', 'index.js', 'react.js']);
    expect(load.gzipBytes).toBe([entry, react, css, feed, cards].reduce((sum, f) => sum + gz(f), 0));
  });

  it('leaves out pages loaded on demand, however heavy', () => {
    const load = firstLoad(build, ['src/pages/Feed.tsx']);
    expect(load.gzipBytes).toBeLessThan(200_000);
    expect(load.files.map((f) => f.fileName)).not.toContain('zod.js');
  });

  it('counts a page that is pulled into the first load, so a heavy static import shows over budget', () => {
    const load = firstLoad(build, ['src/pages/Feed.tsx', 'src/pages/Publish.tsx']);
    expect(load.files.map((f) => f.fileName)).toEqual(expect.arrayContaining(['Publish.js', 'zod.js']));
    expect(load.gzipBytes).toBeGreaterThan(load.budgetBytes);
  });

  it('refuses a first page the build does not contain, rather than counting nothing for it', () => {
    expect(() => firstLoad(build, ['src/pages/Fed.tsx'])).toThrow('first-load page src/pages/Fed.tsx is in no chunk of the build');
  });
});
