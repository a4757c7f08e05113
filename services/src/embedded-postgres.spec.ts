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

it('runs embedded PostgreSQL with a buffer pool sized for a process it shares with the node, and durable commits', async () => {
  const small = mkdtempSync(join(tmpdir(), 'corridor-pglite-memory-'));
  const database = await openDatabase({ dataDir: small });
  try {
    const show = async (name: string) => ((await database.db.$queryRawUnsafe(`SHOW ${name}`)) as Record<string, string>[])[0]?.[name];
    expect(await show('shared_buffers')).toBe('16MB');
    expect(await show('maintenance_work_mem')).toBe('16MB');
    // Memory is not bought with durability: a commit still waits for its WAL record.
    expect(await show('synchronous_commit')).toBe('on');
  } finally {
    await database.close();
    rmSync(small, { recursive: true, force: true });
  }
}, 60_000);
