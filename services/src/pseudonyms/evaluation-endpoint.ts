// POST /pseudonyms beside /graphql: a key holder's evaluation endpoint (issue 18). The caller shows
// the token any call on a user's behalf carries here (a token the user's own node delegated to this
// node alone, or an own user's access token), and this node verifies it as it verifies GraphQL
// requests; the requesting agency is the token's, never a claim of the body. Answers JSON:
// `{ evaluated, proof }`, or `{ error: { code, message, details } }` with a status to match.
import { AuthError, CorridorError, MAX_BLINDED_PER_REQUEST, type TokenVerifier } from '@corridor/proto';
import type { Plugin } from 'graphql-yoga';
import { cappedText } from '../auth/use-token-exchange.js';
import type { Logger } from '../log.js';
import type { KeyHolder } from './key-holder.js';

export const PSEUDONYM_PATH = '/pseudonyms';
/** A full batch of base64url elements and the JSON around them; no more is read. */
export const PSEUDONYM_MAX_BYTES = MAX_BLINDED_PER_REQUEST * 48 + 1024;

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  RATE_LIMITED: 429,
  VALIDATION_FAILED: 400,
  NOT_A_KEY_HOLDER: 404,
};

function answer(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { 'cache-control': 'no-store' } });
}

function refusal(code: string, message: string, details: Record<string, unknown> = {}): Response {
  return answer(STATUS[code] ?? 400, { error: { code, message, details } });
}

export function usePseudonymEvaluation(deps: { verifier: TokenVerifier; evaluate: KeyHolder; log: Logger }): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== PSEUDONYM_PATH) return;
      endResponse(await evaluation(request, deps));
    },
  };
}

async function evaluation(request: Request, deps: { verifier: TokenVerifier; evaluate: KeyHolder; log: Logger }): Promise<Response> {
  if (request.method !== 'POST') return refusal('VALIDATION_FAILED', 'the pseudonym service takes POST only');
  let asker: Awaited<ReturnType<TokenVerifier['verify']>>;
  try {
    asker = await deps.verifier.verify(request.headers.get('authorization') ?? undefined);
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
    return refusal('UNAUTHENTICATED', e.message, { reason: e.reason });
  }
  const text = await cappedText(request, PSEUDONYM_MAX_BYTES);
  if (text === undefined) return refusal('VALIDATION_FAILED', `the request body is over ${PSEUDONYM_MAX_BYTES} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refusal('VALIDATION_FAILED', 'the request body must be JSON: { "epoch": n, "blinded": [ … ] }');
  }
  try {
    return answer(200, await deps.evaluate(asker, body));
  } catch (e) {
    if (e instanceof CorridorError && e.toCaller) {
      deps.log.info('pseudonym evaluation refused', { agency: asker.agency, code: e.code });
      return refusal(e.code, e.message, e.details);
    }
    deps.log.error('pseudonym evaluation failed', { agency: asker.agency, error: (e as Error).message });
    return answer(500, { error: { code: 'INTERNAL', message: 'Unexpected error.', details: {} } });
  }
}
