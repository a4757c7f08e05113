// The node's database handle: Prisma over @prisma/adapter-pg, on the agency's PostgreSQL or on
// the embedded one. Migrations run first, on their own connection, before the pool opens.
// Prisma and the node's plain SQL share one pg pool (PGlite serves one connection at a time).
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import type { EmbeddedPostgres } from './embedded-postgres.js';
import { PrismaClient } from './generated/prisma/client.js';
import { createLogger } from './log.js';
import { migrate } from './migrate.js';

export type Db = PrismaClient;

const pools = new WeakMap<Db, pg.Pool>();

/**
 * The pg pool under `db`, for the hot paths written in plain SQL: Prisma's raw queries cost about
 * 0.6 ms of CPU each in its query interpreter before any SQL runs, and its interactive
 * transactions about 3 ms (measured at one node, 2026-11-30). Rows come back with pg's own type
 * parsing: jsonb parsed, bigint as a string, so cast in SQL what must arrive as text.
 */
export function plainSql(db: Db): pg.Pool {
  const pool = pools.get(db);
  if (!pool) throw new Error('plainSql: this database handle was not opened by openDatabase');
  return pool;
}

export interface Database {
  db: Db;
  url: string;
  embedded: boolean;
  migrationsApplied: string[];
  close(): Promise<void>;
}

const log = createLogger({ component: 'database' });

export async function openDatabase(opts: { url?: string | undefined; dataDir: string }): Promise<Database> {
  // PGlite is loaded only by a node that runs on it: a node on its agency's PostgreSQL does not
  // carry PostgreSQL compiled to WebAssembly (see ARCHITECTURE, what a node holds in memory).
  const embedded: EmbeddedPostgres | undefined = opts.url
    ? undefined
    : await (await import('./embedded-postgres.js')).startEmbeddedPostgres(opts.dataDir);
  const url = opts.url ?? (embedded?.url as string);
  try {
    const migrationsApplied = await migrate(url);
    // PGlite answers one connection at a time: a pool of one, queued.
    const pool = new pg.Pool({ connectionString: url, max: embedded ? 1 : 10 });
    // An idle connection the server ends (a restart, an administrator, a dropped database) is an
    // 'error' on the pool, which drops that client and opens another when next needed. Without a
    // listener Node would take it for an uncaught exception and stop the node. The code only: a
    // PostgreSQL message may quote data.
    pool.on('error', (e: Error & { code?: string }) => log.warn('database connection closed by the server', { code: e.code ?? 'unknown' }));
    const adapter = new PrismaPg(pool);
    const db = new PrismaClient({ adapter });
    pools.set(db, pool);
    await db.$connect();
    return {
      db,
      url,
      embedded: embedded !== undefined,
      migrationsApplied,
      async close() {
        await db.$disconnect();
        await pool.end();
        await embedded?.stop();
      },
    };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}
