// A key holder's evaluation (issue 18): with this node's share of the oblivious epoch's key, for a
// requesting agency within its limits, recorded in this node's audit chain (which agency, which
// user, how many values, when; refusals too) before the answer leaves. The holder sees blinded
// elements only: nothing it records or answers says which identifiers were asked about.
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

export function createKeyHolder(deps: KeyHolderDeps): KeyHolder {
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
    try {
      await deps.limits.spend(service, asker.agency, request.blinded.length);
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
    await deps.audit([record(`evaluated under share ${share.index} of epoch ${share.epoch}`)]);
    const evaluated = answer.evaluated.map((e) => base64urlEncode(e));
    return answer.proof ? { evaluated, proof: base64urlEncode(answer.proof) } : { evaluated };
  };
}
