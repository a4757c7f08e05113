// A key holder's evaluation (issue 18): with this node's share of the oblivious epoch's key, for a
// requesting agency within its limits, recorded in this node's audit chain (which agency, which
// user, how many values, when; refusals too) before the answer leaves. The holder sees blinded
// elements only: nothing it records or answers says which identifiers were asked about.
import { createHash } from 'node:crypto';
import {
  type AccessClaims,
  base64urlBytes,
  base64urlEncode,
  CorridorError,
  type EvaluationAnswer,
  type EvaluationRequest,
  evaluateBlinded,
  evaluateOnly,
  evaluationRequest,
  type Membership,
  parseOrThrow,
  ValidationError,
} from '@corridor/proto';
import type { AuditRecord } from '../audit/audit-log.js';
import type { GroupWriter } from '../group-commit.js';
import { RateLimitedError } from '../hit-check/check-limits.js';
import type { EvaluationLimiter } from './evaluation-limits.js';
import type { KeyShareConfig } from './key-share.js';

export class NotAKeyHolderError extends CorridorError {
  readonly code = 'NOT_A_KEY_HOLDER' as const;
}

export interface KeyHolderDeps {
  agency: string;
  share: KeyShareConfig | undefined;
  membership: () => Membership;
  limits: EvaluationLimiter;
  audit: GroupWriter<AuditRecord[]>;
}

export type KeyHolder = (asker: AccessClaims, request: unknown) => Promise<EvaluationAnswer>;

/**
 * The batches this holder answered without a proof in the last minute, by asking agency: when
 * their answers disagree, or one holder fails, the requester asks the same batch again with
 * proofs (proto oblivious-pseudonym.ts), and that one repeat is not charged to the agency's budget
 * a second time. It gains nothing it did not have: the same elements, evaluated as before, and a
 * proof that they were. Once only, so a repeat cannot be had for free again and again.
 */
function unprovedBatches(forMs = 60_000, most = 10_000, now: () => number = Date.now) {
  const until = new Map<string, number>();
  const keyOf = (agency: string, request: EvaluationRequest) =>
    createHash('sha256')
      .update(`${agency}\n${request.epoch}\n${request.blinded.join(',')}`)
      .digest('base64url');
  return {
    remember(agency: string, request: EvaluationRequest): void {
      until.set(keyOf(agency, request), now() + forMs);
      // Oldest first (a Map keeps insertion order): a flood of batches forgets the oldest, which
      // only means their repeat is charged.
      for (const key of until.keys()) {
        if (until.size <= most) break;
        until.delete(key);
      }
    },
    /** True, once, for a batch remembered within the minute. */
    take(agency: string, request: EvaluationRequest): boolean {
      const key = keyOf(agency, request);
      const fresh = (until.get(key) ?? 0) > now();
      until.delete(key);
      return fresh;
    },
  };
}

export function createKeyHolder(deps: KeyHolderDeps): KeyHolder {
  const unproved = unprovedBatches();
  return async (asker, body) => {
    const request: EvaluationRequest = parseOrThrow(evaluationRequest, body, 'evaluation request');
    const service = deps.membership().pseudonymService;
    const { share } = deps;
    if (!service || !share || service.epoch !== request.epoch || share.epoch !== request.epoch)
      throw new NotAKeyHolderError(`agency ${deps.agency} holds no share of pseudonym epoch ${request.epoch}`);
    const record = (rule: string): AuditRecord => ({
      channel: 'pseudonym',
      agency: asker.agency,
      subject: asker.sub,
      resource: 'pseudonym_evaluation',
      items: [String(request.blinded.length)],
      rule,
      policyVersion: 0,
    });
    const repeat = request.proof !== false && unproved.take(asker.agency, request);
    try {
      if (!repeat) await deps.limits.spend(service, asker.agency, request.blinded.length);
    } catch (e) {
      if (e instanceof RateLimitedError) await deps.audit([record('refused: over the limit')]);
      throw e;
    }
    let blinded: Uint8Array[];
    let answer: { evaluated: Uint8Array[]; proof?: Uint8Array };
    try {
      blinded = request.blinded.map(base64urlBytes);
      // Without a proof when the requester will check this answer against the other holders'.
      answer =
        request.proof === false
          ? { evaluated: await evaluateOnly(share.secretKey, blinded) }
          : await evaluateBlinded(share.secretKey, share.publicKey, blinded);
    } catch {
      // The shape was checked above: what fails here is an encoding that is not a group element.
      throw new ValidationError('evaluation request', [
        { path: 'blinded', rule: 'element', message: 'every blinded value must be a valid ristretto255 element, not the identity' },
      ]);
    }
    const evaluatedUnder = `evaluated under share ${share.index} of epoch ${share.epoch}`;
    await deps.audit([record(repeat ? `${evaluatedUnder}, again with a proof (counted when first asked)` : evaluatedUnder)]);
    if (request.proof === false) unproved.remember(asker.agency, request);
    const evaluated = answer.evaluated.map((e) => base64urlEncode(e));
    return answer.proof ? { evaluated, proof: base64urlEncode(answer.proof) } : { evaluated };
  };
}
