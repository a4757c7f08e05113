import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getLogs } from '@prisma/debug';
import { expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { forgetQueryArguments } from './query-argument-history.js';

it('lets go of the arguments of queries already run, which Prisma would otherwise keep in memory', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-query-history-'));
  const database = await openDatabase({ dataDir: dir });
  try {
    const large = `seed-${'x'.repeat(100_000)}`;
    await database.db.$queryRaw`SELECT length(${large}::text) AS n`;
    expect(getLogs(1_000_000)).toContain(large);
    forgetQueryArguments();
    expect(getLogs(1_000_000)).not.toContain(large);
  } finally {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  }
}, 60_000);
