// Oblivious pseudonyms (issue 18): the pseudonym of an identifier is the RFC 9497 VOPRF of its
// canonical form under a key split among key-holder agencies. The requesting node blinds each
// input and asks every holder at once. When all n are expected to answer (and n ≥ 2t − 1), it asks
// them without proofs and checks their answers against each other: they must lie on one polynomial
// of degree t − 1, which n − t + 1 ≥ t liars would be needed to fake, and t holders can already
// compute every pseudonym together. When they disagree, or not all answer in time, or a holder was
// doubted recently, it asks with proofs, checks each holder's batch proof against that holder's
// share key from the membership, and combines the first t answers that verify: a holder whose proof
// fails is named; one that is down or refuses is passed over while enough others answer.
import { CorridorError } from '../errors.js';
import { base64urlEncode } from '../pseudonym.js';
import { group } from './group.js';
import { agreesWithCombination, blindInputs, combineEvaluated, Fn, finalizeOutputs, verifyEvaluation } from './ristretto-oprf.js';
import { integerLagrange } from './threshold-key.js';

/** A key holder as the membership lists it. */
export interface KeyHolder {
  agency: string;
  index: number;
  /** Its share's public key, k_i·G. */
  publicKey: Uint8Array;
}

/** What a holder answers for a batch: one element per blinded input and, when asked, one proof for all. */
export interface HolderAnswer {
  evaluated: Uint8Array[];
  proof?: Uint8Array;
}

/** How the holders fared for one batch, for the node's log and status. */
export interface HolderOutcome {
  /** Holders whose answer failed its proof: a wrong share, or a tampered answer. */
  wrongShare: string[];
  /** Holders that did not answer (down, refusing, over the limit), with why. */
  unavailable: { agency: string; reason: string }[];
}

/** Too few key holders answered correctly: nothing is published or checked (never a pseudonym of another kind instead). */
export class PseudonymServiceUnavailable extends CorridorError {
  readonly code = 'PSEUDONYM_SERVICE_UNAVAILABLE' as const;
  constructor(
    readonly needed: number,
    readonly outcome: HolderOutcome,
  ) {
    const named = [...outcome.wrongShare.map((a) => `${a} (wrong share)`), ...outcome.unavailable.map((u) => `${u.agency} (${u.reason})`)];
    super(`the pseudonym service needs ${needed} key holders and too few answered: ${named.join(', ')}`);
    this.name = 'PseudonymServiceUnavailable';
  }
  override get details() {
    return { needed: this.needed, wrongShare: this.outcome.wrongShare, unavailable: this.outcome.unavailable };
  }
}

/** What is evaluated for an identifier: its kind and canonical form, as the HMAC epochs hashed them. */
export function pseudonymInput(kind: string, canonical: string): Uint8Array {
  return new TextEncoder().encode(`${kind}\u0000${canonical}`);
}

/** The OPRF output (64 bytes) in the network's pseudonym format: its first 32 bytes, base64url. */
export function pseudonymOfOutput(output: Uint8Array): string {
  return base64urlEncode(output.subarray(0, 32));
}

/** Hears of every holder that failed a batch, even when the batch succeeded without it. */
export interface HolderReport {
  wrongShare(agency: string): void;
  unavailable(agency: string, reason: string): void;
}

/**
 * The holders a requesting node has reason to doubt: one that did not answer, answered late or
 * answered wrong within the last `forMs`. While any is doubted, batches are asked with proofs (a
 * cross-check needs every answer); a doubted holder is trusted again once it answers right and in
 * time. One per node, kept across batches.
 */
export interface HolderDoubts {
  doubted(agency: string): boolean;
  doubt(agency: string): void;
  trust(agency: string): void;
}

const DOUBT_MS = 60_000;

export function holderDoubts(forMs = DOUBT_MS, now: () => number = Date.now): HolderDoubts {
  const until = new Map<string, number>();
  return {
    doubted: (agency) => (until.get(agency) ?? 0) > now(),
    doubt: (agency) => void until.set(agency, now() + forMs),
    trust: (agency) => void until.delete(agency),
  };
}

/**
 * How long, once t holders have answered, the rest are waited for: as long again as the first t
 * took, and at least this. A holder slower than that is doubted (proofs for the next minute)
 * rather than holding every call up.
 */
const MIN_GRACE_MS = 50;
const graceAfter = (elapsedMs: number) => Math.max(MIN_GRACE_MS, elapsedMs);

type Ask = (holder: KeyHolder, blinded: Uint8Array[], proof: boolean) => Promise<HolderAnswer>;
interface Answered {
  holder: KeyHolder;
  answer: HolderAnswer;
}

/**
 * The pseudonyms of `inputs`: blinds them, hands the blinded elements to `ask` for every holder in
 * parallel, and combines t answers that were checked, against each other or by their proofs.
 * Throws PseudonymServiceUnavailable when fewer than `threshold` prove right. Answers arriving
 * after the threshold are still checked (and a wrong one reported), so a holder cannot hide a
 * wrong share by being slow.
 */
export async function obliviousPseudonyms(
  inputs: Uint8Array[],
  service: { threshold: number; holders: KeyHolder[] },
  ask: Ask,
  report?: HolderReport,
  doubts: HolderDoubts = holderDoubts(),
): Promise<string[]> {
  if (inputs.length === 0) return [];
  const { blinds, blinded } = await blindInputs(inputs);
  const outcome: HolderOutcome = { wrongShare: [], unavailable: [] };
  const unavailable = (holder: KeyHolder, error: unknown) => {
    const reason = error instanceof Error ? error.message : String(error);
    outcome.unavailable.push({ agency: holder.agency, reason });
    report?.unavailable(holder.agency, reason);
    doubts.doubt(holder.agency);
  };
  const wrong = (holder: KeyHolder) => {
    outcome.wrongShare.push(holder.agency);
    report?.wrongShare(holder.agency);
    doubts.doubt(holder.agency);
  };
  let holders = service.holders;
  if (canCrossCheck(service, doubts)) {
    const round = await crossChecked(blinded, service, ask, { unavailable, wrong }, doubts);
    if (round.agreed)
      try {
        return await combined(inputs, blinds, round.agreed);
      } catch {
        // An answer that is no element at all, the same from every holder: the proofs decide.
      }
    // The proofs say who was wrong; a holder that failed outright is not asked twice.
    holders = holders.filter((h) => !round.failed.has(h.agency));
  }
  return combined(inputs, blinds, await proofChecked(blinded, service.threshold, holders, ask, { unavailable, wrong }, doubts, outcome));
}

/**
 * Agreement among all n answers stands in for the proofs only when it takes t liars to fake it:
 * n − t + 1 of them can make wrong answers agree, so n ≥ 2t − 1. And it needs every answer, so
 * none of the holders may be in doubt.
 */
function canCrossCheck(service: { threshold: number; holders: KeyHolder[] }, doubts: HolderDoubts): boolean {
  const { threshold, holders } = service;
  return holders.length > threshold && holders.length >= 2 * threshold - 1 && !holders.some((h) => doubts.doubted(h.agency));
}

interface Failures {
  unavailable(holder: KeyHolder, error: unknown): void;
  wrong(holder: KeyHolder): void;
}

/**
 * Asks every holder without a proof: `agreed` is the first t answers when all n arrived in time
 * and every other agrees with their combination at its index. Otherwise undefined, with the
 * holders that failed outright (refused, down, a wrong count of elements); the late are doubted.
 */
async function crossChecked(
  blinded: Uint8Array[],
  service: { threshold: number; holders: KeyHolder[] },
  ask: Ask,
  failures: Failures,
  doubts: HolderDoubts,
): Promise<{ agreed?: Answered[]; failed: Set<string> }> {
  const { threshold, holders } = service;
  const answers: Answered[] = [];
  const failed = new Set<string>();
  let done = false;
  const started = Date.now();
  await new Promise<void>((resolve) => {
    let pending = holders.length;
    let grace: ReturnType<typeof setTimeout> | undefined;
    const settle = () => {
      pending -= 1;
      if (pending === 0 || failed.size > 0) {
        clearTimeout(grace);
        resolve();
      } else if (answers.length >= threshold && grace === undefined) grace = setTimeout(resolve, graceAfter(Date.now() - started));
    };
    for (const holder of holders)
      ask(holder, blinded, false).then(
        (answer) => {
          if (done) return;
          if (answer.evaluated.length === blinded.length) answers.push({ holder, answer });
          else {
            failed.add(holder.agency);
            failures.wrong(holder);
          }
          settle();
        },
        (error: unknown) => {
          if (done) return;
          failed.add(holder.agency);
          failures.unavailable(holder, error);
          settle();
        },
      );
  });
  done = true;
  if (answers.length < holders.length) {
    for (const h of holders) if (!failed.has(h.agency) && !answers.some((a) => a.holder === h)) doubts.doubt(h.agency);
    return { failed };
  }
  // The lowest indices as the basis, whatever the order of arrival: their Lagrange numerators are
  // the smallest, so combining and checking cost the fewest additions (4 per input for 2 of 3,
  // against 5 with share 3 in the basis).
  const basis = [...answers].sort((a, b) => a.holder.index - b.holder.index).slice(0, threshold);
  const checks = await Promise.all(
    answers
      .filter((a) => !basis.includes(a))
      .map(({ holder, answer }) =>
        agreesWithCombination(
          integerLagrange(
            basis.map((b) => b.holder.index),
            holder.index,
          ),
          basis.map((b) => b.answer.evaluated),
          answer.evaluated,
        ),
      ),
  );
  if (!checks.every((agrees) => agrees === true)) return { failed };
  for (const a of answers) doubts.trust(a.holder.agency);
  return { agreed: basis, failed };
}

/**
 * Asks `holders` with proofs, and returns the first t answers whose proofs verify. After t, an
 * answer must equal the combination of the t verified ones at the holder's index
 * (agreesWithCombination): exactly as strict, a few additions per element instead of the proof's
 * two multiplications, and checked after the batch is combined rather than delaying it.
 */
async function proofChecked(
  blinded: Uint8Array[],
  threshold: number,
  holders: KeyHolder[],
  ask: Ask,
  failures: Failures,
  doubts: HolderDoubts,
  outcome: HolderOutcome,
): Promise<Answered[]> {
  const verified: Answered[] = [];
  const started = Date.now();
  let thresholdAt: number | undefined;
  const correct = async (holder: KeyHolder, answer: HolderAnswer): Promise<boolean> => {
    if (answer.evaluated.length !== blinded.length) return false;
    if (verified.length >= threshold) {
      const basis = verified.slice(0, threshold);
      const agrees = await agreesWithCombination(
        integerLagrange(
          basis.map((v) => v.holder.index),
          holder.index,
        ),
        basis.map((v) => v.answer.evaluated),
        answer.evaluated,
      );
      if (agrees !== undefined) return agrees;
    }
    return answer.proof !== undefined && verifyEvaluation(holder.publicKey, blinded, answer.evaluated, answer.proof);
  };
  await new Promise<void>((resolve) => {
    let pending = holders.length;
    if (pending === 0) resolve();
    const settle = () => {
      pending -= 1;
      if (verified.length >= threshold || pending === 0) resolve();
    };
    for (const holder of holders)
      ask(holder, blinded, true).then(
        (answer) => {
          const arrived = Date.now();
          const check = async () => {
            // correct() refuses rather than throws: nothing here may fail unheard.
            if (await correct(holder, answer).catch(() => false)) {
              verified.push({ holder, answer });
              if (verified.length === threshold) thresholdAt = arrived;
              // Trusted for the next cross-check only if it kept up with the first t.
              if (thresholdAt === undefined || arrived - thresholdAt <= graceAfter(thresholdAt - started)) doubts.trust(holder.agency);
            } else failures.wrong(holder);
            settle();
          };
          if (verified.length >= threshold) setTimeout(() => void check(), 0);
          else void check();
        },
        (error: unknown) => {
          failures.unavailable(holder, error);
          settle();
        },
      );
  });
  if (verified.length < threshold) throw new PseudonymServiceUnavailable(threshold, outcome);
  return verified.slice(0, threshold);
}

/** The pseudonyms from t checked answers: Lagrange combination and unblinding, then RFC 9497 Finalize. */
async function combined(inputs: Uint8Array[], blinds: Uint8Array, chosen: Answered[]): Promise<string[]> {
  const { numerators, denominator } = integerLagrange(
    chosen.map((v) => v.holder.index),
    0,
  );
  // 1/(denominator·r) for every blind, with one inversion for the whole batch (Montgomery's trick).
  const unblinders = group.invertScalarsEach(blinds, Fn.toBytes(Fn.inv(Fn.create(denominator))));
  // Σ λ_i·Z_i = (1/denominator)·Σ m_i·Z_i: the public integer combination first (additions),
  // then one constant-time multiplication by the secret 1/(denominator·r) to unblind.
  const unblinded = await combineEvaluated(
    numerators,
    chosen.map((v) => v.answer.evaluated),
    unblinders,
  );
  return finalizeOutputs(inputs, unblinded).map(pseudonymOfOutput);
}
