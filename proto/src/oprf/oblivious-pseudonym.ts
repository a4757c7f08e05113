// Oblivious pseudonyms (issue 18): the pseudonym of an identifier is the RFC 9497 VOPRF of its
// canonical form under a key split among key-holder agencies. The requesting node blinds each
// input, asks every holder at once, checks each holder's batch proof against that holder's share
// key from the membership, and combines the first `threshold` answers that verify. A holder whose
// proof fails is named; one that is down or refuses is passed over while enough others answer.
import { CorridorError } from '../errors.js';
import { base64urlEncode } from '../pseudonym.js';
import { agreesWithVerified, blindInput, combineEvaluated, Fn, finalizeOutput, verifyEvaluation } from './ristretto-oprf.js';
import { integerLagrange } from './threshold-key.js';

/** A key holder as the membership lists it. */
export interface KeyHolder {
  agency: string;
  index: number;
  /** Its share's public key, k_i·G. */
  publicKey: Uint8Array;
}

/** What a holder answers for a batch: one element per blinded input and one proof for all. */
export interface HolderAnswer {
  evaluated: Uint8Array[];
  proof: Uint8Array;
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
 * The pseudonyms of `inputs`: blinds them, hands the blinded elements to `ask` for every holder in
 * parallel, and combines the first `threshold` answers whose proofs verify. Throws
 * PseudonymServiceUnavailable when fewer than `threshold` verify. Answers arriving after that are
 * still checked (and a wrong one reported), so a holder cannot hide a wrong share by being slow.
 */
export async function obliviousPseudonyms(
  inputs: Uint8Array[],
  service: { threshold: number; holders: KeyHolder[] },
  ask: (holder: KeyHolder, blinded: Uint8Array[]) => Promise<HolderAnswer>,
  report?: HolderReport,
): Promise<string[]> {
  if (inputs.length === 0) return [];
  const blinds = inputs.map((input) => blindInput(input));
  const blinded = blinds.map((b) => b.blinded);
  const outcome: HolderOutcome = { wrongShare: [], unavailable: [] };
  const verified: { holder: KeyHolder; answer: HolderAnswer }[] = [];
  const { threshold, holders } = service;

  // Before t answers are verified, an answer's batch proof decides. After, the answer must equal
  // the combination of the t verified ones at the holder's index (see agreesWithVerified): exactly
  // as strict, a few additions per element instead of the proof's two multiplications.
  const correct = (holder: KeyHolder, answer: HolderAnswer): boolean => {
    if (verified.length >= threshold) {
      const basis = verified.slice(0, threshold);
      const lagrange = integerLagrange(
        basis.map((v) => v.holder.index),
        holder.index,
      );
      const agrees = agreesWithVerified(
        lagrange,
        basis.map((v) => v.answer.evaluated),
        answer.evaluated,
      );
      if (agrees !== undefined) return agrees;
    }
    return verifyEvaluation(holder.publicKey, blinded, answer.evaluated, answer.proof);
  };

  await new Promise<void>((resolve) => {
    let pending = holders.length;
    const settle = () => {
      pending -= 1;
      if (verified.length >= threshold || pending === 0) resolve();
    };
    for (const holder of holders)
      ask(holder, blinded).then(
        (answer) => {
          const check = () => {
            if (answer.evaluated.length === blinded.length && correct(holder, answer)) verified.push({ holder, answer });
            else {
              outcome.wrongShare.push(holder.agency);
              report?.wrongShare(holder.agency);
            }
            settle();
          };
          // An answer beyond the threshold is checked once the batch is combined, not before it:
          // it costs as much as the others' and would only delay pseudonyms that no longer need it.
          if (verified.length >= threshold) setTimeout(check, 0);
          else check();
        },
        (error: unknown) => {
          const reason = error instanceof Error ? error.message : String(error);
          outcome.unavailable.push({ agency: holder.agency, reason });
          report?.unavailable(holder.agency, reason);
          settle();
        },
      );
  });
  if (verified.length < threshold) throw new PseudonymServiceUnavailable(threshold, outcome);

  const chosen = verified.slice(0, threshold);
  const { numerators, denominator } = integerLagrange(
    chosen.map((v) => v.holder.index),
    0,
  );
  // One field inversion for the whole batch (Montgomery's trick) rather than one per blind.
  const unblinders = Fn.invertBatch(blinds.map((b) => b.blind));
  const perDenominator = Fn.inv(Fn.create(denominator));
  return inputs.map((input, j) => {
    const elements = chosen.map((v) => v.answer.evaluated[j] as Uint8Array);
    // Σ λ_i·Z_i = (1/denominator)·Σ m_i·Z_i: the public integer combination first (additions),
    // then one constant-time multiplication by the secret 1/(denominator·r) to unblind.
    const unblinded = combineEvaluated(numerators, elements, Fn.mul(perDenominator, unblinders[j] as bigint));
    return pseudonymOfOutput(finalizeOutput(input, unblinded));
  });
}
