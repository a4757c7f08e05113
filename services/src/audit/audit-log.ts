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
  /**
   * `bus`: an alert copy sent to a partner node; `query`: an answer to a user; `check`: a hit /
   * no-hit check; `pseudonym`: a batch this node evaluated as a key holder (items: how many
   * values); `received`: a permission asked or answered by a partner (handling codes), kept
   * here, so that the asking and the granting are in the audit at both sides (`agency` is then
   * the sender); `purge`: what the retention document removed here (retention/purge.ts; items:
   * the alert, or the dead letters, and the SHA-256 of what went; `agency` is the alert's origin).
   */
  channel: 'query' | 'bus' | 'check' | 'pseudonym' | 'received' | 'purge';
  /** The agency receiving the data. */
  agency: string;
  /** The user who asked; null when an agency's node receives. */
  subject: string | null;
  resource: 'alert' | 'directory_entry' | 'consultation' | 'pseudonym_evaluation' | 'dead_letter' | 'held_publication';
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

/** The rows of `records`, chained after `prevHash`, as the audit_append function takes them. */
function chainRows(prevHash: string, records: AuditRecord[], at: string) {
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

/**
 * migration 0014's audit_append: appends the rows (chained after `prevHash`, as JSON) if that is
 * still the chain's tail, under the chain lock; null when appended, else the tail it found.
 */
type AppendStatement = (prevHash: string, rowsJson: string) => Promise<string | null>;

const appendInTransaction =
  (tx: Pick<Db, '$queryRaw'>): AppendStatement =>
  async (prevHash, rowsJson) =>
    (await tx.$queryRaw<{ tail: string | null }[]>`SELECT audit_append(${prevHash}::text, ${rowsJson}::jsonb) AS tail`)[0]?.tail ?? null;

/**
 * The same statement on the pg pool Prisma shares (plainSql), in its own transaction: every answer
 * to another agency's user waits for it, and through Prisma it cost the node about 3.5 ms of CPU
 * per answer, more than the search it records (2026-11-30).
 */
const appendOnPool =
  (pool: pg.Pool): AppendStatement =>
  async (prevHash, rowsJson) =>
    (await pool.query<{ tail: string | null }>('SELECT audit_append($1::text, $2::jsonb) AS tail', [prevHash, rowsJson])).rows[0]?.tail ??
    null;

/** Appends `records` after `prevHash` if that is still the chain's tail; else says the tail found. */
async function appendAfter(
  append: AppendStatement,
  prevHash: string,
  records: AuditRecord[],
  at: string,
): Promise<{ appended: string } | { tail: string }> {
  const rows = chainRows(prevHash, records, at);
  const tail = await append(prevHash, JSON.stringify(rows));
  if (tail) return { tail };
  return { appended: rows[rows.length - 1]?.hash ?? prevHash };
}

/**
 * Appends records inside the caller's transaction (an alert queued for a partner is stored with
 * its audit rows), under the chain lock. Plain statements: Prisma's model queries are compiled on
 * each call, which a CPU profile showed costing about as much as the rest of a directory answer.
 */
export async function appendAudit(tx: Prisma.TransactionClient, records: AuditRecord[], now = new Date()): Promise<void> {
  if (records.length === 0) return;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(${CHAIN_LOCK})`;
  const tail = await tx.$queryRaw<{ hash: string }[]>`SELECT hash FROM audit_log ORDER BY seq DESC LIMIT 1`;
  const result = await appendAfter(appendInTransaction(tx), tail[0]?.hash ?? GENESIS_HASH, records, now.toISOString());
  // Cannot happen while the lock is held; said loudly if it ever does.
  if ('tail' in result) throw new Error('audit: the chain moved while its lock was held');
}

/** How often a writer chains again from a tail another writer moved before it falls back to a transaction. */
const RECHAIN_ATTEMPTS = 3;

/**
 * Records answers' releases: concurrent answers share one append (group commit), and each is
 * answered only once its rows are committed. An append is one statement in its own transaction
 * (one round trip and one WAL flush): the writer remembers the tail it wrote last, chains the new
 * rows from it, and audit_append writes them only if the tail is still that one; when another
 * writer (an alert queued for a partner, another process) moved it, the rows are chained again
 * from the tail it answers.
 */
export function auditWriter(db: Db): GroupWriter<AuditRecord[]> {
  let knownTail: string | null = null;
  const append = appendOnPool(plainSql(db));
  return groupCommit(async (batches: AuditRecord[][]) => {
    const records = batches.flat();
    if (records.length === 0) return;
    const at = new Date().toISOString();
    let prev = knownTail ?? (await chainTail(db))?.hash ?? GENESIS_HASH;
    for (let attempt = 0; attempt < RECHAIN_ATTEMPTS; attempt++) {
      const result = await appendAfter(append, prev, records, at);
      if ('appended' in result) {
        knownTail = result.appended;
        return;
      }
      prev = result.tail;
    }
    knownTail = null;
    await db.$transaction((tx) => appendAudit(tx, records, new Date(at)));
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
