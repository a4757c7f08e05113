// Per-run PostgreSQL databases on the machine's real server: each test run gets its own and
// drops it afterwards, so runs never see each other's rows.
import pg from 'pg';

export const ADMIN_URL = process.env.CORRIDOR_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

export interface TestDatabases {
  urls: Record<string, string>;
  drop(): Promise<void>;
}

function databaseUrl(name: string): string {
  const url = new URL(ADMIN_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function createDatabases(run: string, names: string[]): Promise<TestDatabases> {
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  const created: string[] = [];
  try {
    for (const name of names) {
      const db = `corridor_${run}_${name.replace(/-/g, '_')}`;
      await admin.query(`CREATE DATABASE "${db}"`);
      created.push(db);
    }
  } finally {
    await admin.end();
  }
  return {
    urls: Object.fromEntries(names.map((n, i) => [n, databaseUrl(created[i] as string)])),
    async drop() {
      const c = new pg.Client({ connectionString: ADMIN_URL });
      await c.connect();
      try {
        for (const db of created) await c.query(`DROP DATABASE IF EXISTS "${db}" WITH (FORCE)`);
      } finally {
        await c.end();
      }
    },
  };
}

export async function queryDatabase<T extends pg.QueryResultRow>(url: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return (await c.query<T>(sql, params)).rows;
  } finally {
    await c.end();
  }
}
