import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { openDatabase } from './database.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-pglite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('runs the node on embedded PGlite and keeps its data across a restart', async () => {
  const first = await openDatabase({ dataDir: dir });
  expect(first.embedded).toBe(true);
  expect(first.migrationsApplied.length).toBeGreaterThan(0);
  await first.db.quarantinedMessage.create({
    data: { subject: 's', payload: new TextEncoder().encode('p'), reason: 'kept across restarts' },
  });
  await first.close();

  const second = await openDatabase({ dataDir: dir });
  try {
    expect(second.migrationsApplied).toEqual([]);
    expect((await second.db.quarantinedMessage.findFirstOrThrow()).reason).toBe('kept across restarts');
  } finally {
    await second.close();
  }
}, 60_000);
