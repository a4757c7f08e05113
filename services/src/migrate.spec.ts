import { readFileSync } from 'node:fs';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.js';
import { MigrationError, migrate, readMigrations } from './migrate.js';
import { scratchDatabase } from './testing/scratch-database.js';

let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
beforeEach(async () => {
  scratch = await scratchDatabase();
});
afterEach(async () => {
  await scratch.drop();
});

async function rows<T extends pg.QueryResultRow>(sql: string): Promise<T[]> {
  const c = new pg.Client({ connectionString: scratch.url });
  await c.connect();
  try {
    return (await c.query<T>(sql)).rows;
  } finally {
    await c.end();
  }
}

/** The scratch database as a node of before migration `suffix` left it. */
async function migrateUpTo(suffix: string): Promise<void> {
  const all = readMigrations();
  await migrate(
    scratch.url,
    all.slice(
      0,
      all.findIndex((m) => m.name.endsWith(suffix)),
    ),
  );
}

describe('migrations', () => {
  it('apply once, and a second start applies nothing', async () => {
    const all = readMigrations().map((m) => m.name);
    expect(await migrate(scratch.url)).toEqual(all);
    expect(await migrate(scratch.url)).toEqual([]);
  });

  it('refuse to start when an applied migration was changed afterwards', async () => {
    await migrate(scratch.url);
    const changed = readMigrations().map((m, i) => (i === 0 ? { ...m, checksum: 'f'.repeat(64) } : m));
    await expect(migrate(scratch.url, changed)).rejects.toThrow(MigrationError);
    await expect(migrate(scratch.url, changed)).rejects.toThrow(/was changed after it was applied/);
  });

  it('keep quarantine rows written before 0010, a text payload becoming its UTF-8 bytes', async () => {
    await migrateUpTo('_0010_quarantine_bytes');
    await rows(`INSERT INTO quarantine (subject, payload, reason) VALUES ('s', 'hé', 'not JSON')`);
    await migrate(scratch.url);
    expect(await rows('SELECT payload, stream, stream_seq, deliveries FROM quarantine')).toEqual([
      { payload: Buffer.from('hé'), stream: null, stream_seq: null, deliveries: 1 },
    ]);
  });

  it('keep outbox rows queued before 0012, each told what it carries and what it is about', async () => {
    await migrateUpTo('_0012_outbox_columns');
    const alert = '0196a4f2-7c00-7000-8000-000000000001';
    const consultation = '0196a4f2-7c00-7000-8000-000000000002';
    const anyId = '0196a4f2-7c00-7000-8000-000000000003';
    await rows(`INSERT INTO outbox (alert_id, subject, msg_id, payload) VALUES
      ('${alert}', 'a', '${alert}:1:ne-ppn', 'p1'),
      ('${consultation}', 'c', 'case:${anyId}', 'p2'),
      ('${alert}', 'n', 'correlation:${anyId}:${alert}', 'p3'),
      ('${anyId}', 'h', 'audit-head:ne-ppn:7:abc', 'p4')`);
    await migrate(scratch.url);
    expect(await rows('SELECT kind, about_id, subject, msg_id, payload, sent_at FROM outbox ORDER BY seq')).toEqual([
      { kind: 'alert', about_id: alert, subject: 'a', msg_id: `${alert}:1:ne-ppn`, payload: 'p1', sent_at: null },
      { kind: 'consultation', about_id: consultation, subject: 'c', msg_id: `case:${anyId}`, payload: 'p2', sent_at: null },
      { kind: 'correlation', about_id: alert, subject: 'n', msg_id: `correlation:${anyId}:${alert}`, payload: 'p3', sent_at: null },
      { kind: 'audit_head', about_id: null, subject: 'h', msg_id: 'audit-head:ne-ppn:7:abc', payload: 'p4', sent_at: null },
    ]);
    await expect(rows(`INSERT INTO outbox (kind, subject, msg_id, payload) VALUES ('pizza', 's', 'm', 'p')`)).rejects.toThrow(
      /outbox_kind_check/,
    );
  });

  it('leave nothing behind when a migration fails', async () => {
    const broken = [{ name: '0001_broken', sql: 'CREATE TABLE half (id int); SELECT no_such_function();', checksum: 'x' }];
    await expect(migrate(scratch.url, broken)).rejects.toThrow(/0001_broken failed/);
    expect(await rows(`SELECT table_name FROM information_schema.tables WHERE table_name = 'half'`)).toEqual([]);
  });
});

// The Prisma client is generated from prisma/schema.prisma, the tables from the SQL migrations:
// this proves the two describe the same database.
describe('Prisma schema and migrated database', () => {
  interface RuntimeModel {
    dbName: string | null;
    fields: { name: string; kind: string; type: string; dbName?: string }[];
  }
  const source = readFileSync(new URL('./generated/prisma/internal/class.ts', import.meta.url), 'utf8');
  const json = /runtimeDataModel = JSON\.parse\((".*?")\)\n/.exec(source)?.[1];
  const models = (JSON.parse(JSON.parse(json as string)) as { models: Record<string, RuntimeModel> }).models;
  const PG_TYPES: Record<string, string[]> = {
    String: ['text', 'uuid', 'ARRAY'],
    Int: ['integer'],
    BigInt: ['bigint'],
    DateTime: ['timestamp with time zone', 'date'],
    Json: ['jsonb'],
    Boolean: ['boolean'],
    Bytes: ['bytea'],
  };

  it('have the same tables, columns and column types', async () => {
    await migrate(scratch.url);
    const columns = await rows<{ table_name: string; column_name: string; data_type: string }>(
      `SELECT table_name, column_name, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'corridor_migrations'`,
    );
    const inDb = new Map<string, Map<string, string>>();
    for (const c of columns) inDb.set(c.table_name, (inDb.get(c.table_name) ?? new Map()).set(c.column_name, c.data_type));

    const tables = Object.entries(models).map(([name, m]) => m.dbName ?? name);
    expect([...inDb.keys()].sort()).toEqual(tables.sort());
    for (const [name, model] of Object.entries(models)) {
      const table = inDb.get(model.dbName ?? name) as Map<string, string>;
      const scalars = model.fields.filter((f) => f.kind === 'scalar');
      expect([...table.keys()].sort(), `columns of ${name}`).toEqual(scalars.map((f) => f.dbName ?? f.name).sort());
      for (const f of scalars) expect(PG_TYPES[f.type], `${name}.${f.name}`).toContain(table.get(f.dbName ?? f.name));
    }
  });

  // The runtime data model names no nullability or native type: read those from the schema itself.
  function declaredColumns(): { table: string; column: string; nullable: boolean; type: string }[] {
    const schema = readFileSync(new URL('../prisma/schema.prisma', import.meta.url), 'utf8');
    const out: { table: string; column: string; nullable: boolean; type: string }[] = [];
    for (const [, name, body] of schema.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
      const model = models[name as string] as RuntimeModel;
      for (const line of (body as string).split('\n')) {
        const m = /^\s+(\w+)\s+(\w+)(\?|\[\])?\s*(.*)$/.exec(line);
        const field = m && model.fields.find((f) => f.name === m[1] && f.kind === 'scalar');
        if (!m || !field) continue;
        const native = /@db\.(\w+)/.exec(m[4] as string)?.[1];
        const type =
          m[3] === '[]' ? 'ARRAY' : native === 'Uuid' ? 'uuid' : native === 'Date' ? 'date' : (PG_TYPES[field.type]?.[0] as string);
        out.push({ table: model.dbName ?? (name as string), column: field.dbName ?? field.name, nullable: m[3] === '?', type });
      }
    }
    return out;
  }

  it('agree on every column’s nullability and exact type', async () => {
    await migrate(scratch.url);
    const inDb = await rows<{ table_name: string; column_name: string; is_nullable: string; data_type: string }>(
      `SELECT table_name, column_name, is_nullable, data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name <> 'corridor_migrations'`,
    );
    const declared = declaredColumns();
    expect(declared.length).toBe(inDb.length);
    const key = (t: string, c: string) => `${t}.${c}`;
    const actual = Object.fromEntries(
      inDb.map((c) => [key(c.table_name, c.column_name), { nullable: c.is_nullable === 'YES', type: c.data_type }]),
    );
    expect(actual).toEqual(Object.fromEntries(declared.map((d) => [key(d.table, d.column), { nullable: d.nullable, type: d.type }])));
  });

  it('round-trip a row of every model through Prisma', async () => {
    const database = await openDatabase({ url: scratch.url, dataDir: '/nonexistent' });
    try {
      const { db } = database;
      const id = '0196a4f2-7c00-7000-8000-00000000abcd';
      await db.alert.create({
        data: {
          id,
          originAgency: 'it-polfr',
          kind: 'route',
          tlp: 'GREEN',
          revision: 1,
          createdAt: new Date(),
          document: { a: 1 },
          own: true,
        },
      });
      await db.outboxMessage.create({ data: { kind: 'alert', aboutId: id, subject: 's', msgId: 'm', payload: '{}' } });
      await db.directoryEntry.create({
        data: {
          id,
          country: 'ITA',
          roles: ['prosecutor'],
          languages: ['it'],
          covers: [],
          lastVerified: new Date('2026-10-01'),
          document: {},
        },
      });
      await db.quarantinedMessage.create({ data: { subject: 's', payload: new Uint8Array([0, 0xff]), reason: 'r' } });
      await db.auditHead.create({ data: { agency: 'it-polfr', seq: 9_007_199_254_740_993n, hash: 'h', at: new Date(), jws: 'j' } });
      expect((await db.auditHead.findFirstOrThrow()).seq).toBe(9_007_199_254_740_993n);
      expect(await db.alert.count()).toBe(1);
      expect((await db.directoryEntry.findFirstOrThrow()).roles).toEqual(['prosecutor']);
      expect((await db.outboxMessage.findFirstOrThrow()).sentAt).toBeNull();
      expect([...(await db.quarantinedMessage.findFirstOrThrow()).payload]).toEqual([0, 0xff]);
    } finally {
      await database.close();
    }
  });
});
