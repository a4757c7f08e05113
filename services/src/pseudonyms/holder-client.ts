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
  /** A holder that has not answered within this (plus a little per element) is taken as not answering. */
  timeoutMs?: number;
  /** A holder that did not answer is not waited for again until this has passed: one probe then. */
  downForMs?: number;
  now?: () => number;
}

const DEFAULT_TIMEOUT_MS = 5_000;
const TIMEOUT_PER_ELEMENT_MS = 10;
const DEFAULT_DOWN_FOR_MS = 10_000;

export function createHolderClient(deps: HolderClientDeps): HolderClient {
  const now = deps.now ?? Date.now;
  // A holder cut off costs its timeout once, not on every publish and check: while it is taken as
  // down, a call that cannot reach the threshold without it is answered at once (and a publish held).
  const downUntil = new Map<string, number>();
  return {
    async ask(asker, holder, epoch, blinded) {
      const request: EvaluationRequest = { epoch, blinded: blinded.map((b) => base64urlEncode(b)) };
      if (holder.agency === deps.self) return decoded(await deps.evaluateHere(asker, request));
      const until = downUntil.get(holder.agency);
      if (until !== undefined && now() < until) throw new Error('did not answer in time');
      // Past its time, this call is the probe: the next ones wait for it only as long as it runs.
      if (until !== undefined) downUntil.set(holder.agency, now() + (deps.downForMs ?? DEFAULT_DOWN_FOR_MS));
      try {
        const answer = await overHttp(deps, asker, holder, request);
        downUntil.delete(holder.agency);
        return decoded(answer);
      } catch (e) {
        if ((e as Error).message === 'did not answer in time')
          downUntil.set(holder.agency, now() + (deps.downForMs ?? DEFAULT_DOWN_FOR_MS));
        throw e;
      }
    },
  };
}

function decoded(answer: EvaluationAnswer): HolderAnswer {
  return { evaluated: answer.evaluated.map(base64urlBytes), proof: base64urlBytes(answer.proof) };
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
      signal: AbortSignal.timeout((deps.timeoutMs ?? DEFAULT_TIMEOUT_MS) + TIMEOUT_PER_ELEMENT_MS * request.blinded.length),
    });
  } catch (e) {
    // Only a holder that let the call time out is taken as down: a refused connection costs nothing to try again.
    throw new Error((e as Error).name === 'TimeoutError' ? 'did not answer in time' : 'did not answer');
  }
  const body = (await response.json().catch(() => undefined)) as { error?: { code?: unknown } } | undefined;
  if (!response.ok) throw new Error(`refused: ${typeof body?.error?.code === 'string' ? body.error.code : `HTTP ${response.status}`}`);
  const parsed = evaluationAnswer.safeParse(body);
  if (!parsed.success) throw new Error('answered something other than an evaluation');
  return parsed.data;
}
