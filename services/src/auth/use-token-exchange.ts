// POST /token: the RFC 8693 token exchange. A user of this node's agency trades their access token
// for a delegated token addressed to one other node (`audience`), which the gateway sends there
// instead of the user's own token. Only this agency's users, only from an access token (never from a
// delegated one: a token made for one node must not buy tokens for others), one audience per token.
import {
  ACCESS_TOKEN_TYPE,
  type AccessClaims,
  AuthError,
  agencyOfNodeUrn,
  type DelegationSigner,
  JWT_TOKEN_TYPE,
  type Membership,
  TOKEN_EXCHANGE_GRANT,
  type TokenVerifier,
} from '@corridor/proto';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from '../log.js';

export const TOKEN_EXCHANGE_PATH = '/token';

/**
 * The largest form the exchange reads: five parameters and one access token. Providers' tokens run
 * to 1–2 KiB (more with many roles); 16 KiB leaves room and stops a member from making the node
 * buffer a gigabyte. Yoga's own body limit covers its request parsers only, not this endpoint.
 */
export const TOKEN_EXCHANGE_MAX_BYTES = 16 * 1024;

export interface TokenExchangeDeps {
  agency: string;
  membership: () => Membership;
  /** Verifies user access tokens of any member; the exchange itself keeps this agency's only. */
  access: TokenVerifier;
  signer: DelegationSigner;
  log: Logger;
}

type ExchangeError = 'invalid_request' | 'invalid_target' | 'invalid_grant' | 'unsupported_grant_type';

/** RFC 6749 §5.2: a JSON error body, never cached. */
function refuse(error: ExchangeError, description: string, status = 400): Response {
  return Response.json({ error, error_description: description }, { status, headers: { 'cache-control': 'no-store' } });
}

const TOO_LARGE = `the request body is over ${TOKEN_EXCHANGE_MAX_BYTES} bytes, the token endpoint's limit`;

/**
 * The body as text, or undefined once it passes `max` bytes: read chunk by chunk and abandoned
 * there, so a sender streaming without a Content-Length (chunked) costs at most `max` bytes.
 */
export async function cappedText(request: Request, max: number): Promise<string | undefined> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export function useTokenExchange(deps: TokenExchangeDeps): Plugin {
  return {
    async onRequest({ request, url, endResponse }) {
      if (url.pathname !== TOKEN_EXCHANGE_PATH) return;
      endResponse(await exchange(request, deps));
    },
  };
}

/** One exchange: the delegated token, or an RFC 6749 refusal naming the parameter at fault. */
export async function exchange(request: Request, deps: TokenExchangeDeps): Promise<Response> {
  if (request.method !== 'POST') return refuse('invalid_request', 'the token endpoint takes POST only');
  if (!(request.headers.get('content-type') ?? '').toLowerCase().startsWith('application/x-www-form-urlencoded'))
    return refuse('invalid_request', 'the request must be form-encoded (application/x-www-form-urlencoded)');
  // A declared length over the limit is refused before any byte of the body is read.
  const declared = request.headers.get('content-length');
  if (declared !== null && !(Number(declared) <= TOKEN_EXCHANGE_MAX_BYTES)) return refuse('invalid_request', TOO_LARGE, 413);
  const text = await cappedText(request, TOKEN_EXCHANGE_MAX_BYTES);
  if (text === undefined) return refuse('invalid_request', TOO_LARGE, 413);
  const form = new URLSearchParams(text);
  // RFC 6749 §3.2: a parameter may appear once; RFC 8693 allows several audiences, Corridor one.
  for (const name of new Set(form.keys()))
    if (form.getAll(name).length > 1) return refuse('invalid_request', `${name}: may be given once only`);
  const grantType = form.get('grant_type');
  if (!grantType) return refuse('invalid_request', 'grant_type: is required');
  if (grantType !== TOKEN_EXCHANGE_GRANT) return refuse('unsupported_grant_type', `grant_type: must be ${TOKEN_EXCHANGE_GRANT}`);
  const subjectToken = form.get('subject_token');
  if (!subjectToken) return refuse('invalid_request', "subject_token: is required (the user's access token)");
  const subjectType = form.get('subject_token_type');
  if (subjectType !== ACCESS_TOKEN_TYPE && subjectType !== JWT_TOKEN_TYPE)
    return refuse('invalid_request', `subject_token_type: must be ${ACCESS_TOKEN_TYPE}`);
  const requested = form.get('requested_token_type');
  if (requested !== null && requested !== JWT_TOKEN_TYPE)
    return refuse('invalid_request', `requested_token_type: only ${JWT_TOKEN_TYPE} is issued`);
  if (form.has('resource')) return refuse('invalid_target', 'resource: not supported; name the target node as audience');
  const audience = form.get('audience');
  if (!audience) return refuse('invalid_request', 'audience: is required (urn:corridor:node:<agency id> of the target node)');
  const target = agencyOfNodeUrn(audience);
  if (!target || !deps.membership().agencies.some((a) => a.id === target))
    return refuse('invalid_target', `audience: ${JSON.stringify(audience.slice(0, 80))} is not the node of a member agency`);

  let user: AccessClaims;
  try {
    user = await deps.access.verify(`Bearer ${subjectToken}`);
  } catch (e) {
    if (!(e instanceof AuthError)) throw e;
    return refuse('invalid_grant', `subject_token: ${e.message}`);
  }
  if (user.agency !== deps.agency)
    return refuse(
      'invalid_grant',
      `subject_token: this node exchanges tokens of agency ${deps.agency}'s users only, not of ${user.agency}`,
    );

  const { token, expiresIn } = await deps.signer.mint(user, target);
  deps.log.info('token exchanged', { audience: target, expiresIn });
  return Response.json(
    { access_token: token, issued_token_type: JWT_TOKEN_TYPE, token_type: 'N_A', expires_in: expiresIn },
    { headers: { 'cache-control': 'no-store', pragma: 'no-cache' } },
  );
}
