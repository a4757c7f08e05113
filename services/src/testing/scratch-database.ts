// For specs only: a fresh database on the machine's PostgreSQL, dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type Database, openDatabase } from '../database.js';

const ADMIN_URL = process.env.CORRIDOR_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export async function scratchDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `corridor_spec_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await c.end();
    },
  };
}

/**
 * For a spec file or describe block: a migrated scratch database opened before its tests and
 * dropped after them. Read `.database` inside tests (it exists once beforeAll has run).
 */
export function useMigratedScratchDatabase(): { readonly database: Database } {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>> | undefined;
  let database: Database | undefined;
  beforeAll(async () => {
    scratch = await scratchDatabase();
    database = await openDatabase({ url: scratch.url, dataDir: '/nonexistent' });
  });
  afterAll(async () => {
    await database?.close();
    await scratch?.drop();
  });
  return {
    get database() {
      if (!database) throw new Error('the scratch database is opened in beforeAll');
      return database;
    },
  };
}
