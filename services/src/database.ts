// The node's database handle: Prisma over @prisma/adapter-pg, on the agency's PostgreSQL or on
// the embedded one. Migrations run first, on their own connection, before the pool opens.
import { PrismaPg } from '@prisma/adapter-pg';
import type { EmbeddedPostgres } from './embedded-postgres.js';
import { PrismaClient } from './generated/prisma/client.js';
import { migrate } from './migrate.js';

export type Db = PrismaClient;

export interface Database {
  db: Db;
  url: string;
  embedded: boolean;
  migrationsApplied: string[];
  close(): Promise<void>;
}

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
    const adapter = new PrismaPg({ connectionString: url, max: embedded ? 1 : 10 });
    const db = new PrismaClient({ adapter });
    await db.$connect();
    return {
      db,
      url,
      embedded: embedded !== undefined,
      migrationsApplied,
      async close() {
        await db.$disconnect();
        await embedded?.stop();
      },
    };
  } catch (e) {
    await embedded?.stop();
    throw e;
  }
}
