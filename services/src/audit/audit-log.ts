// The release audit (migration 0004): every release of this agency's data to another agency is
// appended here, in the same transaction as what it records where there is one (an alert queued
// for a partner), before the answer leaves otherwise. Rows are hash-chained: each hash covers the
// row's content and the previous row's hash, so the administrator's verification names the first
// row that was altered, or that follows a removed one.
import { createHash } from 'node:crypto';
import type { AuditEntryView, AuditVerificationView } from '@corridor/proto/graphql';
import type pg from 'pg';
import { type Db, plainSql } from '../database.js';
import type { Prisma } from '../generated/prisma/client.js';
import { type GroupWriter, groupCommit } from '../group-commit.js';

export interface AuditRecord {
  /** `bus`: an alert copy sent to a partner node; `query`: an answer to a user; `check`: a hit / no-hit check. */
  channel: 'query' | 'bus' | 'check';
  /** The agency receiving the data. */
  agency: string;
  /** The user who asked; null when an agency's node receives. */
  subject: string | null;
  resource: 'alert' | 'directory_entry' | 'consultation';
  items: string[];
  rule: string;
  policyVersion: number;
}

export const GENESIS_HASH = '0'.repeat(64);
// Serializes appends across transactions and processes: the chain has one tail.
const CHAIN_LOCK = 0x636f7272; // "corr"

interface ChainedContent extends AuditRecord {
  at: string;
}

/** The hash of a row: its content in a fixed key order, after the previous row's hash. */
export function chainHash(prevHash: string, c: ChainedContent): string {
  const content = JSON.stringify([c.at, c.channel, c.agency, c.subject, c.resource, c.items, c.rule, c.policyVersion]);
  return createHash('sha256').update(`${prevHash}\n${content}`).digest('hex');
}

/** The rows of `records`, chained after `prevHash` in order, as the INSERT reads them. */
function chained(prevHash: string, records: AuditRecord[], now: Date) {
  const at = now.toISOString();
  let prev = prevHash;
  return records.map((r) => {
    const hash = chainHash(prev, { ...r, at });
    const row = {
      at,
      channel: r.channel,
      agency: r.agency,
      subject: r.subject,
      resource: r.resource,
      items: r.items,
      rule: r.rule,
      policy_version: r.policyVersion,
      prev_hash: prev,
      hash,
    };
    prev = hash;
    return row;
  });
}

// One multi-row INSERT of a JSON array of chained rows, WITH ORDINALITY keeping the order they
// were chained in for their seq.
const INSERT_ROWS = `
  INSERT INTO audit_log (at, channel, agency, subject, resource, items, rule, policy_version, prev_hash, hash)
  SELECT (e->>'at')::timestamptz, e->>'channel', e->>'agency', e->>'subject', e->>'resource', e->'items', e->>'rule',
    (e->>'policy_version')::integer, e->>'prev_hash', e->>'hash'
  FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS t(e, n)
  ORDER BY n`;
const LOCK_AND_TAIL = `SELECT pg_advisory_xact_lock(${CHAIN_LOCK}); SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1`;

/**
 * Appends records inside the caller's transaction, under the chain lock: for writes that record
 * their releases in the transaction of what they release (bus/enqueue.ts).
 */
export async function appendAudit(tx: Prisma.TransactionClient, records: AuditRecord[], now = new Date()): Promise<void> {
  if (records.length === 0) return;
  await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`);
  const tail = await tx.$queryRawUnsafe<{ hash: string }[]>('SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1');
  await tx.$executeRawUnsafe(INSERT_ROWS, JSON.stringify(chained(tail[0]?.hash ?? GENESIS_HASH, records, now)));
}

/**
 * Records answers' releases; concurrent answers share one transaction. Every answer a node gives
 * another agency's user waits for this, so it runs in plain SQL on a pg client, in two round trips
 * (begin, lock and read the tail; insert and commit; several statements to a message, in the
 * simple protocol, hence the rows as an escaped literal): as a Prisma interactive transaction it
 * cost about 3.5 ms of the node's CPU per answer, more than the search it records (2026-11-30).
 * Each statement reads what was committed before it ran, so the tail is read after the lock.
 */
export function auditWriter(db: Db): GroupWriter<AuditRecord[]> {
  return groupCommit(async (batches: AuditRecord[][]) => {
    const records = batches.flat();
    if (records.length === 0) return;
    const client = await plainSql(db).connect();
    let broken: Error | undefined;
    try {
      const results = (await client.query(`BEGIN; ${LOCK_AND_TAIL}`)) as unknown as pg.QueryResult<{ hash: string }>[];
      const rows = chained(results[2]?.rows[0]?.hash ?? GENESIS_HASH, records, new Date());
      // A replacer function: a replacement string would read `$&` or `$'` in the rows as patterns.
      const literal = client.escapeLiteral(JSON.stringify(rows));
      await client.query(`${INSERT_ROWS.replace('$1', () => literal)}; COMMIT`);
    } catch (e) {
      await client.query('ROLLBACK').catch((rollback: Error) => {
        broken = rollback;
      });
      throw e;
    } finally {
      // A client whose transaction could not be closed is not given back to the pool.
      client.release(broken);
    }
  });
}

const PAGE = 1000;

/** What the chain alone shows; the heads partners hold are compared in audit-heads.ts. */
export type ChainVerification = Omit<AuditVerificationView, 'partners' | 'problems' | 'unanswered'>;

/** The chain's newest row, its number and hash; null while the chain is empty. */
export async function chainTail(db: Db): Promise<{ seq: bigint; hash: string } | null> {
  const rows = await db.$queryRaw<{ seq: bigint; hash: string }[]>`SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1`;
  const row = rows[0];
  return row ? { seq: BigInt(row.seq), hash: row.hash } : null;
}

/** The chain hash of each of these rows still held, by row number. */
export async function hashesAt(db: Db, seqs: readonly bigint[]): Promise<Map<string, string>> {
  if (seqs.length === 0) return new Map();
  const rows = await db.auditEntry.findMany({ where: { seq: { in: [...seqs] } }, select: { seq: true, hash: true } });
  return new Map(rows.map((r) => [r.seq.toString(), r.hash]));
}

/** The newest row written before `at`, if any. */
export function newestRowBefore(db: Db, at: Date): Promise<{ seq: bigint; at: Date } | null> {
  return db.auditEntry.findFirst({ where: { at: { lt: at } }, orderBy: { seq: 'desc' }, select: { seq: true, at: true } });
}

/** Recomputes the whole chain; the first row that does not verify is named, with why. */
export async function verifyAuditLog(db: Db): Promise<ChainVerification> {
  let prevHash = GENESIS_HASH;
  let checked = 0;
  let after: bigint | undefined;
  for (;;) {
    const rows = await db.auditEntry.findMany({
      where: after === undefined ? {} : { seq: { gt: after } },
      orderBy: { seq: 'asc' },
      take: PAGE,
    });
    for (const r of rows) {
      const seq = r.seq.toString();
      if (r.prevHash !== prevHash)
        return { ok: false, checked, brokenAt: seq, problem: `row ${seq} does not follow the row before it: a row was removed or altered` };
      const expected = chainHash(prevHash, {
        at: r.at.toISOString(),
        channel: r.channel as AuditRecord['channel'],
        agency: r.agency,
        subject: r.subject,
        resource: r.resource as AuditRecord['resource'],
        items: r.items as string[],
        rule: r.rule,
        policyVersion: r.policyVersion,
      });
      if (expected !== r.hash) return { ok: false, checked, brokenAt: seq, problem: `row ${seq} was altered after it was written` };
      prevHash = r.hash;
      checked++;
    }
    if (rows.length < PAGE) return { ok: true, checked, brokenAt: null, problem: null };
    after = rows[rows.length - 1]?.seq;
  }
}

/** The newest rows first, optionally before a seq (paging back), optionally for one agency. */
export async function listAudit(
  db: Db,
  opts: { before?: string | null; agency?: string | null; limit: number },
): Promise<AuditEntryView[]> {
  const rows = await db.auditEntry.findMany({
    where: {
      ...(opts.before ? { seq: { lt: BigInt(opts.before) } } : {}),
      ...(opts.agency ? { agency: opts.agency } : {}),
    },
    orderBy: { seq: 'desc' },
    take: Math.min(Math.max(opts.limit, 1), 500),
  });
  return rows.map((r) => ({
    seq: r.seq.toString(),
    at: r.at.toISOString(),
    channel: r.channel,
    agency: r.agency,
    subject: r.subject,
    resource: r.resource,
    items: r.items as string[],
    rule: r.rule,
    policyVersion: r.policyVersion,
    hash: r.hash,
  }));
}
