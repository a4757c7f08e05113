// What a node's own operator can do to its release audit with superuser rights on its PostgreSQL:
// switch the append-only trigger off, change rows, and recompute every later hash. The chain's
// formula is public (services/src/audit/audit-log.ts, ARCHITECTURE.md "The release audit"), so the
// hostile operator of the tests recomputes it as any reader of the code could.
import { createHash } from 'node:crypto';
import type { AuditEntryView } from '@corridor/proto/graphql';
import pg from 'pg';

/** A row of audit_log as pg reads it: the fields a node answers (under their column names) and the link. */
type Row = Omit<AuditEntryView, 'at' | 'policyVersion'> & { at: Date; policy_version: number; prev_hash: string };

const hashOf = (prev: string, r: Row) =>
  createHash('sha256')
    .update(
      `${prev}\n${JSON.stringify([r.at.toISOString(), r.channel, r.agency, r.subject, r.resource, r.items, r.rule, r.policy_version])}`,
    )
    .digest('hex');

/** Runs `work` with the audit's append-only trigger switched off, as a superuser can. */
export async function behindTheTrigger(databaseUrl: string, work: (db: pg.Client) => Promise<void>): Promise<void> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    await db.query('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    try {
      await work(db);
    } finally {
      await db.query('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    }
  } finally {
    await db.end();
  }
}

/** The newest row of an agency's audit: its seq and hash. */
export async function auditTail(databaseUrl: string): Promise<{ seq: string; hash: string }> {
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  try {
    const { rows } = await db.query<{ seq: string; hash: string }>(
      'SELECT seq::text AS seq, hash FROM audit_log ORDER BY audit_log.seq DESC LIMIT 1',
    );
    if (!rows[0]) throw new Error('the audit is empty');
    return rows[0];
  } finally {
    await db.end();
  }
}

/** Deletes the newest `count` rows: what is left is still a chain that verifies on its own. */
export async function deleteNewestRows(databaseUrl: string, count: number): Promise<void> {
  await behindTheTrigger(databaseUrl, async (db) => {
    await db.query('DELETE FROM audit_log WHERE seq IN (SELECT seq FROM audit_log ORDER BY seq DESC LIMIT $1)', [count]);
  });
}

/** Changes the receiving agency of row `seq`, then recomputes its hash and every later one. */
export async function rewriteRow(databaseUrl: string, seq: string, agency: string): Promise<void> {
  await behindTheTrigger(databaseUrl, async (db) => {
    await db.query('UPDATE audit_log SET agency = $2 WHERE seq = $1', [seq, agency]);
    const { rows } = await db.query<Row>('SELECT * FROM audit_log WHERE seq >= $1 ORDER BY seq', [seq]);
    let prev = rows[0]?.prev_hash as string;
    for (const r of rows) {
      const hash = hashOf(prev, r);
      await db.query('UPDATE audit_log SET prev_hash = $2, hash = $3 WHERE seq = $1', [r.seq, prev, hash]);
      prev = hash;
    }
  });
}
