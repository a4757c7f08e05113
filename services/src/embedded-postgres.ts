// The zero-set-up database: PGlite (PostgreSQL compiled to WebAssembly) persisted in a folder,
// served on a loopback port through pglite-socket so that the node speaks plain PostgreSQL to it
// exactly as it does to a real server. PGlite serves one connection at a time.
import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PostgreSQL's memory settings for a database that lives inside the node's own process. PGlite
 * keeps PostgreSQL's server defaults (shared_buffers 128MB, maintenance_work_mem 64MB), and its
 * WebAssembly memory only grows: every page once used stays resident for the life of the node.
 * The data files are read through the kernel's page cache anyway, which the machine shares and
 * gives back, so a small buffer pool costs a copy per page read, not a read from disk. Durability
 * settings are PGlite's own and not touched here.
 */
export const EMBEDDED_MEMORY_SETTINGS = ['shared_buffers=16MB', 'maintenance_work_mem=16MB'] as const;

const settingParams = EMBEDDED_MEMORY_SETTINGS.flatMap((s) => ['-c', s]);

export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir, {
    // Extensions a migration creates must be loaded by PGlite first: pg_trgm for directory search (0013).
    extensions: { pg_trgm },
    // Also for initdb, which runs once in a PostgreSQL of its own when the folder is new.
    initDbStartParams: settingParams,
    startParams: [...PGlite.defaultStartParams, ...settingParams],
  });
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0 });
  await server.start();
  const conn = server.getServerConn();
  const port = Number(conn.split(':').pop());
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres?sslmode=disable`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
