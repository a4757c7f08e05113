// For specs only: a fresh database on the machine's PostgreSQL, dropped afterwards.
import { randomBytes } from 'node:crypto';
import pg from 'pg';

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
