import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Logger } from '../log.js';
import { PolicyError, watchReleasePolicy } from './release-policy-source.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-policy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function recordingLog() {
  const lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
    void lines.push({ level, msg, ...(fields ? { fields } : {}) });
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

const policy = (version: number, rules: unknown[] = [{ id: 'alerts', resource: 'alert' }]) =>
  JSON.stringify({ agency: 'it-polfr', version, rules });
const settle = () => new Promise((r) => setTimeout(r, 200));

describe('the release policy file', () => {
  it('takes a new version while the node runs, and keeps the last good one when the next is bad', async () => {
    const file = join(dir, 'policy.json');
    writeFileSync(file, policy(1));
    const { log, lines } = recordingLog();
    const source = watchReleasePolicy({ file, agency: 'it-polfr', pollMs: 50, log });
    try {
      expect(source.current().version).toBe(1);

      writeFileSync(file, policy(2, [{ id: 'directory', resource: 'directory_entry' }]));
      await settle();
      expect(source.current()).toMatchObject({ version: 2, rules: [{ id: 'directory' }] });

      writeFileSync(file, policy(3, [{ id: 'typo', resource: 'alert', redact: ['nmae'] }]));
      await settle();
      expect(source.current().version).toBe(2);
      expect(lines.find((l) => l.level === 'error')?.fields?.error).toMatch(/rules\.0\.redact\.0/);

      writeFileSync(file, '{ not json');
      await settle();
      writeFileSync(file, policy(2, []));
      await settle();
      expect(source.current().rules).toHaveLength(1); // same version, other content: refused
      expect(lines.filter((l) => l.level === 'error').at(-1)?.fields?.error).toMatch(/does not raise the version/);

      writeFileSync(file, policy(4, []));
      await settle();
      expect(source.current()).toMatchObject({ version: 4, rules: [] });
    } finally {
      source.stop();
    }
  });

  it('refuses to start on a bad file or on another agency’s policy', () => {
    const { log } = recordingLog();
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, policy(1, [{ id: 'x', resource: 'pizza' }]));
    expect(() => watchReleasePolicy({ file: bad, agency: 'it-polfr', pollMs: 50, log })).toThrow(PolicyError);
    const other = join(dir, 'other.json');
    writeFileSync(other, policy(1));
    expect(() => watchReleasePolicy({ file: other, agency: 'ne-ppn', pollMs: 50, log })).toThrow(/agency it-polfr's, not ne-ppn's/);
  });

  it('releases nothing without a file, and says so', () => {
    const { log, lines } = recordingLog();
    const source = watchReleasePolicy({ file: undefined, agency: 'it-polfr', pollMs: 50, log });
    expect(source.current().rules).toEqual([]);
    expect(lines[0]).toMatchObject({ level: 'warn', msg: expect.stringContaining('nothing is released') });
  });
});
