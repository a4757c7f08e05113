import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Logger } from '../log.js';
import { RetentionError, watchRetention } from './retention-source.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-retention-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function recordingLog() {
  const lines: { level: string; msg: string; fields?: Record<string, unknown> }[] = [];
  const at = (level: string) => (msg: string, fields?: Record<string, unknown>) =>
    void lines.push({ level, msg, ...(fields ? { fields } : {}) });
  const log: Logger = { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
  return { log, lines };
}

const doc = (version: number, periods: Record<string, string> = {}, agency = 'it-polfr') => JSON.stringify({ agency, version, periods });
const settle = () => new Promise((r) => setTimeout(r, 200));

describe('the retention document file', () => {
  it('holds the stated defaults, as version 0, when the agency wrote none', () => {
    const source = watchRetention({ file: undefined, agency: 'it-polfr', pollMs: 50, log: recordingLog().log });
    expect(source.current()).toMatchObject({ version: 0, periods: { route_alert: 'P30D', document_fraud_alert: 'P90D' } });
  });

  it('stops the node at start naming the bad field, or the agency it belongs to', () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, doc(1, { route_alert: 'P1M' }));
    const start = () => watchRetention({ file, agency: 'it-polfr', pollMs: 50, log: recordingLog().log });
    expect(start).toThrow(RetentionError);
    expect(start).toThrow(/periods\.route_alert: must be an ISO 8601 duration/);
    writeFileSync(file, doc(1, {}, 'ne-ppn'));
    expect(start).toThrow(/agency ne-ppn's, not it-polfr's/);
  });

  it('takes a new version while the node runs, and keeps the last good one when the next is bad or older', async () => {
    const file = join(dir, 'retention.json');
    writeFileSync(file, doc(1, { route_alert: 'P7D' }));
    const { log, lines } = recordingLog();
    const source = watchRetention({ file, agency: 'it-polfr', pollMs: 50, log });
    try {
      expect(source.current().periods.route_alert).toBe('P7D');
      writeFileSync(file, doc(2, { route_alert: 'P14D' }));
      await settle();
      expect(source.current()).toMatchObject({ version: 2, periods: { route_alert: 'P14D' } });

      writeFileSync(file, doc(3, { dead_letters: 'forever' }));
      await settle();
      expect(source.current().version).toBe(2);
      expect(lines.find((l) => l.level === 'error')?.fields?.error).toMatch(/periods\.dead_letters/);

      writeFileSync(file, doc(1, { route_alert: 'PT1S' }));
      await settle();
      expect(source.current().periods.route_alert).toBe('P14D');
    } finally {
      source.stop();
    }
  });
});
