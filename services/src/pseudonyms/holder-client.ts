// Asking a key holder to evaluate a batch of blinded elements: over HTTP to its node's
// `/pseudonyms`, with a token this node delegates for the asking user to that node alone (the same
// trust path as every other call on a user's behalf: proto delegation-token.ts). When this node is
// itself a holder it evaluates in-process, under the same limits and audit.
import {
  type AccessClaims,
  agencyOf,
  base64urlBytes,
  base64urlEncode,
  type DelegationSigner,
  type EvaluationAnswer,
  type EvaluationRequest,
  evaluationAnswer,
  type HolderAnswer,
  type KeyHolder,
  type Membership,
  pseudonymServiceUrl,
} from '@corridor/proto';

export interface HolderClient {
  /** The holder's answer, or an Error whose message says briefly why not (never an address). */
  ask(asker: AccessClaims, holder: KeyHolder, epoch: number, blinded: Uint8Array[]): Promise<HolderAnswer>;
}

export interface HolderClientDeps {
  self: string;
  membership: () => Membership;
  signer: DelegationSigner;
  /** This node's own evaluation, when it is a holder. */
  evaluateHere: (asker: AccessClaims, request: EvaluationRequest) => Promise<EvaluationAnswer>;
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 15_000;

export function createHolderClient(deps: HolderClientDeps): HolderClient {
  return {
    async ask(asker, holder, epoch, blinded) {
      const request: EvaluationRequest = { epoch, blinded: blinded.map((b) => base64urlEncode(b)) };
      const answer = holder.agency === deps.self ? await deps.evaluateHere(asker, request) : await overHttp(deps, asker, holder, request);
      return { evaluated: answer.evaluated.map(base64urlBytes), proof: base64urlBytes(answer.proof) };
    },
  };
}

async function overHttp(
  deps: HolderClientDeps,
  asker: AccessClaims,
  holder: KeyHolder,
  request: EvaluationRequest,
): Promise<EvaluationAnswer> {
  const entry = agencyOf(deps.membership(), holder.agency);
  if (!entry) throw new Error('not a member any more');
  const { token } = await deps.signer.mint(asker, holder.agency);
  let response: Response;
  try {
    response = await fetch(pseudonymServiceUrl(entry.nodeUrl), {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(request),
      signal: AbortSignal.timeout(deps.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
  } catch {
    throw new Error('did not answer');
  }
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: unknown } } | undefined;
  if (!response.ok) throw new Error(`refused: ${typeof body?.error?.code === 'string' ? body.error.code : `HTTP ${response.status}`}`);
  const parsed = evaluationAnswer.safeParse(body);
  if (!parsed.success) throw new Error('answered something other than an evaluation');
  return parsed.data;
}
