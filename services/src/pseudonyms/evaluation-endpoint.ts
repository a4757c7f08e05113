// POST /pseudonyms beside /graphql: a key holder's evaluation endpoint (issue 18). The caller shows
// the token any call on a user's behalf carries here (a token the user's own node delegated to this
// node alone, or an own user's access token), and this node verifies it as it verifies GraphQL
// requests; the requesting agency is the token's, never a claim of the body. Answers JSON:
// `{ evaluated, proof? }`, or `{ error: { code, message, details } }` with a status to match.
// Served by the node's HTTP server itself, ahead of Yoga: every publish and check asks every key
// holder, and Yoga's Fetch-API request and response cost a holder about as much CPU as the rest of
// an alert's evaluation (see ARCHITECTURE, "Cost, measured").
import type { IncomingMessage, ServerResponse } from 'node:http';
import { AuthError, CorridorError, MAX_BLINDED_PER_REQUEST, type TokenVerifier } from '@corridor/proto';
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

interface EndpointDeps {
  verifier: TokenVerifier;
  evaluate: KeyHolder;
  log: Logger;
}

/** Answers the request and returns true when it is for /pseudonyms; false leaves it to the next handler. */
export type EvaluationEndpoint = (req: IncomingMessage, res: ServerResponse) => boolean;

export function evaluationEndpoint(deps: EndpointDeps): EvaluationEndpoint {
  return (req, res) => {
    if (pathOf(req.url) !== PSEUDONYM_PATH) return false;
    evaluation(req, deps).then(
      ({ status, body }) => send(res, status, body),
      (e: unknown) => {
        deps.log.error('pseudonym evaluation failed', { error: (e as Error).message });
        send(res, 500, { error: { code: 'INTERNAL', message: 'Unexpected error.', details: {} } });
      },
    );
    return true;
  };
}

function pathOf(url: string | undefined): string {
  const end = url?.indexOf('?') ?? -1;
  return end < 0 ? (url ?? '') : (url ?? '').slice(0, end);
}

function send(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
  });
  res.end(text);
}

type Answer = { status: number; body: unknown };

function refusal(code: string, message: string, details: Record<string, unknown> = {}): Answer {
  return { status: STATUS[code] ?? 400, body: { error: { code, message, details } } };
}

async function evaluation(req: IncomingMessage, deps: EndpointDeps): Promise<Answer> {
  if (req.method !== 'POST') {
    req.resume();
    return refusal('VALIDATION_FAILED', 'the pseudonym service takes POST only');
  }
  let asker: Awaited<ReturnType<TokenVerifier['verify']>>;
  try {
    asker = await deps.verifier.verify(req.headers.authorization);
  } catch (e) {
    req.resume();
    if (!(e instanceof AuthError)) throw e;
    return refusal('UNAUTHENTICATED', e.message, { reason: e.reason });
  }
  const text = await cappedBody(req, PSEUDONYM_MAX_BYTES);
  if (text === undefined) return refusal('VALIDATION_FAILED', `the request body is over ${PSEUDONYM_MAX_BYTES} bytes`);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return refusal('VALIDATION_FAILED', 'the request body must be JSON: { "epoch": n, "blinded": [ … ], "proof"?: false }');
  }
  try {
    return { status: 200, body: await deps.evaluate(asker, body) };
  } catch (e) {
    if (e instanceof CorridorError && e.toCaller) {
      deps.log.info('pseudonym evaluation refused', { agency: asker.agency, code: e.code });
      return refusal(e.code, e.message, e.details);
    }
    throw e;
  }
}

/** The body as text, or undefined once it passes `max` bytes (the rest is not read). */
function cappedBody(req: IncomingMessage, max: number): Promise<string | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    req.on('data', (chunk: Buffer) => {
      if (over) return;
      size += chunk.length;
      if (size > max) {
        over = true;
        resolve(undefined);
        req.resume();
      } else chunks.push(chunk);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', reject);
  });
}
