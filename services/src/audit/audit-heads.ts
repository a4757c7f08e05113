// Gossip of signed audit heads (issue 11, part 5; proto audit-head.ts). This node signs the head of
// its release audit when it moved, at the latest after `everyEntries` rows or `everyMs`, and queues
// it for every partner (bus/enqueue.ts), so a NATS outage delays it and loses nothing. Heads received
// from partners are verified and kept; a partner's administrators read back the heads of their own
// chain held here, and their own node compares them with its chain.
import { type Membership, parseAuditHeadSubject, verifyAuditHead } from '@corridor/proto';
import type { AuditHeadHeldView, AuditVerificationView } from '@corridor/proto/graphql';
import { enqueue, type HeadSendingAgency } from '../bus/enqueue.js';
import type { Receipt } from '../bus/receipt.js';
import type { Db } from '../database.js';
import type { Logger } from '../log.js';
import { compareWithHeads, type HeldHead } from './audit-head-comparison.js';
import { chainTail, hashesAt, newestRowBefore, verifyAuditLog } from './audit-log.js';

export interface HeadSchedule {
  /** Sign once this many rows were appended since the last head (the issue asks for at most 100). */
  everyEntries: number;
  /** Sign once this long passed since the last head, if the chain moved (a minute by default). */
  everyMs: number;
}

export interface ChainTail {
  seq: bigint;
  hash: string;
}

export interface SignedHead extends ChainTail {
  /** When it was signed (ms since the epoch). */
  signedAt: number;
}

/** Whether the head is due: the chain moved, and by enough rows or long enough ago. Pure. */
export function headDue(last: SignedHead | null, tail: ChainTail | null, now: number, schedule: HeadSchedule): boolean {
  if (tail === null) return false;
  if (last === null) return true;
  if (tail.seq === last.seq && tail.hash === last.hash) return false;
  return tail.seq - last.seq >= BigInt(schedule.everyEntries) || now - last.signedAt >= schedule.everyMs;
}

export interface AuditGossipDeps extends HeadSendingAgency {
  db: Db;
  schedule: HeadSchedule;
  /** Wakes the outbox relay once heads are queued. */
  onQueued: () => void;
  log: Logger;
}

export interface AuditGossip {
  /** Checks the chain now and queues a head if one is due; resolves with the head queued, if any. */
  tick(): Promise<SignedHead | null>;
  stop(): void;
}

async function stillInChain(db: Db, head: ChainTail): Promise<boolean> {
  return (await hashesAt(db, [head.seq])).get(head.seq.toString()) === head.hash;
}

export function startAuditGossip(deps: AuditGossipDeps): AuditGossip {
  const { db, log, schedule } = deps;
  // In memory only: after a restart the head is signed again at the first check, which partners
  // store once (same seq and hash) and the outbox sends once (same message id).
  let last: SignedHead | null = null;
  let running: Promise<SignedHead | null> | undefined;

  async function tick(): Promise<SignedHead | null> {
    const tail = await chainTail(db);
    const now = Date.now();
    if (!tail || !headDue(last, tail, now, schedule)) return null;
    if (last && !(await stillInChain(db, last))) {
      // Only someone writing to the database behind this process does this: say so loudly. The
      // head signed next shows partners the changed chain, which verifyAuditLog then names.
      log.error('the audit chain no longer contains the head this node last signed: rows were deleted or rewritten', {
        seq: last.seq.toString(),
      });
    }
    const at = new Date(now).toISOString();
    const queued = await db.$transaction((tx) => enqueue(tx, { kind: 'audit_head', from: deps, seq: tail.seq, hash: tail.hash, at }));
    if (queued > 0) deps.onQueued();
    last = { ...tail, signedAt: now };
    log.info('audit head signed', { seq: tail.seq.toString(), queued });
    return last;
  }

  const guarded = () => {
    running ??= tick()
      .catch((e: unknown) => {
        log.warn('signing the audit head failed, will retry', { error: (e as Error).message });
        return null;
      })
      .finally(() => {
        running = undefined;
      });
    return running;
  };
  // Checked often enough that a burst of rows is covered within a second (or within everyMs when shorter).
  const timer = setInterval(() => void guarded(), Math.min(1000, schedule.everyMs));
  timer.unref();
  return { tick: guarded, stop: () => clearInterval(timer) };
}

/** A partner's head from the bus: kept once verified; a refused one is for the quarantine. */
export async function receiveAuditHead(
  deps: { db: Db; agency: string; membership: () => Membership; subjectRoot: string; log: Logger },
  subject: string,
  data: string,
): Promise<Receipt> {
  const parsed = parseAuditHeadSubject(deps.subjectRoot, subject);
  if (!parsed || parsed.recipient !== deps.agency) return { ok: false, reason: 'not an audit head subject for this agency' };
  const verdict = await verifyAuditHead(data.trim(), parsed.sender, deps.membership());
  if (!verdict.ok)
    return { ok: false, reason: `bad audit head: ${verdict.reason}`, ...(verdict.unknownSigner ? { retry: true as const } : {}) };
  const { head } = verdict;
  const kept = await deps.db.$executeRaw`
    INSERT INTO audit_heads (agency, seq, hash, at, jws)
    VALUES (${head.agency}, ${BigInt(head.seq)}, ${head.hash}, ${new Date(head.at)}, ${data.trim()})
    ON CONFLICT DO NOTHING`;
  if (kept > 0) {
    // Two signed hashes for one row of one chain: the partner signed two histories.
    const others = await deps.db.auditHead.count({ where: { agency: head.agency, seq: BigInt(head.seq), hash: { not: head.hash } } });
    if (others > 0) deps.log.warn('a partner signed two different audit heads for one row', { agency: head.agency, seq: head.seq });
  }
  return { ok: true };
}

/**
 * The heads held here of `agency`'s chain: the `limit` highest rows first, and, however old, every
 * head that contradicts another held for the same row (proof of a split view never scrolls away).
 */
export async function heldHeadsOf(db: Db, self: string, agency: string, limit: number): Promise<AuditHeadHeldView[]> {
  const newest = await db.auditHead.findMany({
    where: { agency },
    orderBy: [{ seq: 'desc' }, { receivedAt: 'desc' }],
    take: Math.min(Math.max(limit, 1), 500),
  });
  const contradicted = await db.$queryRaw<{ seq: bigint }[]>`
    SELECT seq FROM audit_heads WHERE agency = ${agency} GROUP BY seq HAVING count(*) > 1 ORDER BY seq DESC LIMIT 500`;
  const seen = new Set(newest.map((r) => `${r.seq}|${r.hash}`));
  const conflicts =
    contradicted.length === 0
      ? []
      : (
          await db.auditHead.findMany({ where: { agency, seq: { in: contradicted.map((c) => BigInt(c.seq)) } }, orderBy: { seq: 'desc' } })
        ).filter((r) => !seen.has(`${r.seq}|${r.hash}`));
  return [...newest, ...conflicts].map((r) => ({
    holder: self,
    agency: r.agency,
    seq: r.seq.toString(),
    hash: r.hash,
    at: r.at.toISOString(),
    receivedAt: r.receivedAt.toISOString(),
    jws: r.jws,
  }));
}

/** Beyond the schedule, how long a head may take to reach a partner (outbox, bus, inbox). */
const COVERAGE_GRACE_MS = 60_000;

/**
 * The chain recomputed, and every head partners hold of it (passed in by the gateway, each
 * verified against this agency's own keys here: a partner cannot make up a head) compared with it.
 */
export async function verifyAuditWithHeads(
  db: Db,
  self: string,
  membership: Membership,
  heads: readonly { holder: string; jws: string }[],
  coverage: { answered: readonly string[]; schedule: HeadSchedule; now?: Date },
): Promise<AuditVerificationView> {
  const chain = await verifyAuditLog(db);
  const held: HeldHead[] = [];
  for (const h of heads) {
    const v = await verifyAuditHead(h.jws, self, membership);
    held.push(v.ok ? { holder: h.holder, head: v.head } : { holder: h.holder, forged: v.reason });
  }
  const seqs = [...new Set(held.flatMap((h) => ('head' in h ? [BigInt(h.head.seq)] : [])))];
  const hashAt = await hashesAt(db, seqs);
  const tail = await chainTail(db);
  // A head is signed within everyMs of a row and sent through the outbox: a minute more for the bus.
  const dueBefore = new Date((coverage.now ?? new Date()).getTime() - coverage.schedule.everyMs - COVERAGE_GRACE_MS);
  const due = await newestRowBefore(db, dueBefore);
  const { partners, problems } = compareWithHeads(
    {
      tail: tail?.seq ?? null,
      hashAt,
      due: due ? { seq: due.seq, at: due.at.toISOString() } : null,
    },
    held,
    coverage.answered,
  );
  return { ...chain, ok: chain.ok && problems.length === 0, partners, problems, unanswered: [] };
}
