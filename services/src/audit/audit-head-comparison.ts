// Compares the heads partners hold of this agency's audit chain with the chain as it is now. Pure:
// the node loads the rows, tests call it directly. Each finding names the partners whose signed
// heads prove it, so an administrator knows whom to ask for the evidence.
import type { AuditHead } from '@corridor/proto';
import type { AuditPartnerHeadView, AuditProblemKind, AuditProblemView } from '@corridor/proto/graphql';

/** A head as a partner holds it, its signature already checked (or why it failed). */
export type HeldHead = { holder: string; head: AuditHead } | { holder: string; forged: string };

export interface ChainState {
  /** The newest row's seq; null for an empty chain. */
  tail: bigint | null;
  /** The newest row written long enough ago that every partner should hold a head of it by now. */
  due?: { seq: bigint; at: string } | null;
  /** The hash of each row asked about (the seqs of the heads) that still exists. */
  hashAt: ReadonlyMap<string, string>;
}

export interface HeadComparison {
  partners: AuditPartnerHeadView[];
  problems: AuditProblemView[];
}

const short = (hash: string) => `${hash.slice(0, 12)}…`;

/** `answered`: the partners whose heads these are, including those that hold none. */
export function compareWithHeads(chain: ChainState, held: readonly HeldHead[], answered: readonly string[] = []): HeadComparison {
  const partners: AuditPartnerHeadView[] = [];
  const problems = new Map<string, AuditProblemView>();
  const report = (kind: AuditProblemKind, seq: string, holder: string, message: string) => {
    const key = `${kind}|${seq}`;
    const known = problems.get(key);
    if (!known) problems.set(key, { kind, seq, agencies: [holder], message });
    else if (!known.agencies.includes(holder)) known.agencies.push(holder);
  };

  for (const h of held) {
    if ('forged' in h) {
      // Not evidence against this agency: anyone can write a head; only its key makes it one.
      partners.push({ agency: h.holder, seq: '', hash: '', at: '', ok: false, problem: `not signed by this agency: ${h.forged}` });
      report('forged-head', '', h.holder, `${h.holder} holds a head this agency did not sign`);
      continue;
    }
    const { seq, hash, at } = h.head;
    const current = chain.hashAt.get(seq);
    let problem: string | null = null;
    if (chain.tail === null || BigInt(seq) > chain.tail) {
      problem = `the chain ends at row ${chain.tail ?? 0}, but ${h.holder} holds a head at row ${seq} signed ${at}: rows were deleted`;
      report('truncation', seq, h.holder, `rows up to ${seq} were written and signed, the chain now ends at ${chain.tail ?? 0}`);
    } else if (current === undefined) {
      problem = `row ${seq}, whose head ${h.holder} holds, is no longer in the chain: rows were deleted`;
      report('truncation', seq, h.holder, `row ${seq} was signed and is no longer in the chain`);
    } else if (current !== hash) {
      problem = `${h.holder} holds hash ${short(hash)} for row ${seq}, the chain has ${short(current)}: the chain was rewritten`;
      report('rewrite', seq, h.holder, `row ${seq} or a row before it was rewritten after its head was signed`);
    }
    partners.push({ agency: h.holder, seq, hash, at, ok: problem === null, problem });
  }

  // Silence: heads withheld (outbox rows deleted, the bus blocked) leave the newest rows unprotected.
  const due = chain.due;
  if (due) {
    for (const partner of answered) {
      const newest = held.reduce<bigint | null>(
        (max, h) => ('head' in h && h.holder === partner && (max === null || BigInt(h.head.seq) > max) ? BigInt(h.head.seq) : max),
        null,
      );
      if (newest === null || newest < due.seq)
        report(
          'uncovered',
          due.seq.toString(),
          partner,
          `no head of row ${due.seq} (written ${due.at}) or later has reached these partners: the rows since their newest head are not protected`,
        );
    }
  }

  // Two hashes signed for one row: the agency served different chains (CT's "split view").
  const bySeq = new Map<string, Map<string, string[]>>();
  for (const h of held) {
    if ('forged' in h) continue;
    const hashes = bySeq.get(h.head.seq) ?? new Map<string, string[]>();
    hashes.set(h.head.hash, [...new Set([...(hashes.get(h.head.hash) ?? []), h.holder])]);
    bySeq.set(h.head.seq, hashes);
  }
  for (const [seq, hashes] of bySeq) {
    if (hashes.size < 2) continue;
    const sides = [...hashes].map(([hash, holders]) => `${holders.join(' and ')} ${holders.length > 1 ? 'hold' : 'holds'} ${short(hash)}`);
    problems.set(`equivocation|${seq}`, {
      kind: 'equivocation',
      seq,
      agencies: [...new Set([...hashes.values()].flat())].sort(),
      message: `two different chains were signed at row ${seq}: ${sides.join(', ')}`,
    });
  }

  return {
    partners,
    problems: [...problems.values()].sort((a, b) => a.kind.localeCompare(b.kind) || Number(BigInt(a.seq || '0') - BigInt(b.seq || '0'))),
  };
}
