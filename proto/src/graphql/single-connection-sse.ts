// graphql-sse's "single connection" mode (PROTOCOL.md of graphql-sse) beside Yoga's own SSE, which
// serves only "distinct connections": a client reserves a stream with PUT, opens it with GET, and
// sends operations with POST (DELETE to stop one), each carrying the reserved stream token. The
// handler is @graphql-yoga/plugin-graphql-sse's; what is ours is who may use a token. Every request
// of the mode is authenticated as any other (the caller's bearer token, through useBearerAuth), and
// a stream token is bound to the caller who reserved it: it carries a MAC of the caller's issuer
// and subject under a secret of this process, so another caller (another user of the same agency,
// or a member of another agency who learnt the token) is refused, and nothing needs remembering.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { useGraphQLSSE } from '@graphql-yoga/plugin-graphql-sse';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { AccessClaims } from '../claims.js';

/** The protocol's header (and `token` query parameter) naming a reserved stream. */
const STREAM_TOKEN_HEADER = 'x-graphql-event-stream-token';
const STREAM_TOKEN_PARAM = 'token';
/** Bytes of an operation sent into a stream: subscriptions are small; refused unread past this. */
const STREAM_OPERATION_MAX_BYTES = 64 * 1024;
/**
 * Reservations not yet opened that one caller, and one agency, may hold. The handler keeps a
 * reserved stream until it is opened, so without a bound a member could fill the server's memory;
 * one not opened within `ttlMs` (a client opens it at once) is released.
 */
const STREAM_RESERVATIONS = { perCaller: 8, perAgency: 256, ttlMs: 30_000 } as const;

type Authenticate = (request: Request) => Promise<AccessClaims>;
type GraphQLSSEPlugin = ReturnType<typeof useGraphQLSSE>;
type RequestPayload = Parameters<NonNullable<GraphQLSSEPlugin['onRequest']>>[0];
type Refusal = { message: string; extensions: Record<string, unknown> };

/** A refusal in graphql-sse's response form: GraphQL errors as JSON, as Yoga sends its own. */
function json(status: number, errors: Refusal[], headers: Record<string, string> = {}) {
  const init = { status, statusText: '', headers: { 'content-type': 'application/json; charset=utf-8', ...headers } };
  return [JSON.stringify({ errors }), init] as const;
}

/** useBearerAuth's refusal (HTTP status and challenge in `extensions.http`) as the same 401 Yoga gives. */
function refusal(error: GraphQLError) {
  const { http, ...extensions } = error.extensions as { http?: { status?: number; headers?: Record<string, string> } };
  return json(http?.status ?? 401, [{ message: error.message, extensions }], http?.headers ?? {});
}

function streamTokenOf(request: Request): string | null {
  return request.headers.get(STREAM_TOKEN_HEADER) ?? new URL(request.url).searchParams.get(STREAM_TOKEN_PARAM);
}

/** Whether a request belongs to the single connection mode (the distinct mode is Yoga's own). */
function isSingleConnection(request: Request): boolean {
  return request.method === 'PUT' || streamTokenOf(request) !== null;
}

/**
 * `endpoint` is the server's GraphQL path; `authenticate` verifies the request's bearer token and
 * records its caller for the context (useBearerAuth's), throwing AuthError when refused.
 */
export function useSingleConnectionSse<Context extends object>(endpoint: string, authenticate: Authenticate): Plugin<Context> {
  const secret = new Uint8Array(randomBytes(32));
  const ownerOf = (claims: AccessClaims) => `${claims.iss}\n${claims.sub}`;
  const mac = (nonce: string, owner: string) => createHmac('sha256', secret).update(`${nonce}\n${owner}`).digest('base64url');
  const ownedBy = (token: string, owner: string) => {
    const [nonce, tag, extra] = token.split('.');
    if (!nonce || !tag || extra !== undefined) return false;
    const expected = Buffer.from(mac(nonce, owner));
    const given = Buffer.from(tag);
    return expected.length === given.length && timingSafeEqual(expected, given);
  };
  /** Reserved and not yet opened: token → [caller, agency, when]. */
  const pending = new Map<string, [string, string, number]>();
  const count = (index: 0 | 1, key: string) => [...pending.values()].filter((p) => p[index] === key).length;
  /** The handler's own way to forget a stream is its opening being cancelled: done here, from inside. */
  const releasing = new WeakSet<Request>();
  let fetchAPI: RequestPayload['fetchAPI'] | undefined;
  async function release(token: string) {
    if (!fetchAPI) return;
    const request = new fetchAPI.Request(`http://release.invalid${endpoint}`, {
      headers: { accept: 'text/event-stream', [STREAM_TOKEN_HEADER]: token },
    });
    releasing.add(request);
    let response: Response | undefined;
    await sse.onRequest?.({
      request,
      url: new URL(request.url),
      fetchAPI,
      serverContext: {},
      endResponse: (r: Response) => {
        response = r;
      },
    } as unknown as RequestPayload);
    await response?.body?.cancel();
  }
  function releaseExpired(now: number) {
    for (const [token, [, , at]] of pending)
      if (now - at > STREAM_RESERVATIONS.ttlMs) {
        pending.delete(token);
        void release(token);
      }
  }

  const sse = useGraphQLSSE({
    endpoint,
    async authenticate(req) {
      if (releasing.has(req.raw)) return streamTokenOf(req.raw);
      let claims: AccessClaims;
      try {
        claims = await authenticate(req.raw);
      } catch (e) {
        if (e instanceof GraphQLError) return refusal(e);
        throw e;
      }
      const owner = ownerOf(claims);
      const given = streamTokenOf(req.raw);
      if (given === null) {
        releaseExpired(Date.now());
        if (count(0, owner) >= STREAM_RESERVATIONS.perCaller || count(1, claims.agency) >= STREAM_RESERVATIONS.perAgency)
          return json(429, [
            {
              message: 'too many event streams reserved and not opened: open or forget one before reserving another',
              extensions: { code: 'RATE_LIMITED' },
            },
          ]);
        const nonce = randomUUID();
        const token = `${nonce}.${mac(nonce, owner)}`;
        pending.set(token, [owner, claims.agency, Date.now()]);
        return token;
      }
      if (!ownedBy(given, owner))
        return json(403, [
          {
            message: `the ${STREAM_TOKEN_HEADER} was not reserved by this caller: reserve a stream of your own with PUT`,
            extensions: { code: 'FORBIDDEN', field: STREAM_TOKEN_HEADER },
          },
        ]);
      if (req.raw.headers.get('accept') === 'text/event-stream') pending.delete(given);
      return given;
    },
  });

  return {
    // The handler's operations get the context Yoga builds for the request (useBearerAuth's caller).
    onYogaInit(payload) {
      fetchAPI = payload.yoga.fetchAPI;
      return (sse.onYogaInit as Plugin<Context>['onYogaInit'])?.(payload);
    },
    onRequest(payload) {
      const { request, url, endResponse, fetchAPI } = payload;
      if (url.pathname !== endpoint || !isSingleConnection(request)) return;
      if (request.method === 'POST') {
        // graphql-sse reads the body whole: bound it before it is read.
        const length = Number(request.headers.get('content-length') ?? Number.NaN);
        if (!Number.isSafeInteger(length) || length > STREAM_OPERATION_MAX_BYTES) {
          const [body, init] = json(Number.isSafeInteger(length) ? 413 : 411, [
            {
              message: `an operation sent into an event stream needs a Content-Length of at most ${STREAM_OPERATION_MAX_BYTES} bytes`,
              extensions: { code: 'BAD_REQUEST', field: 'content-length' },
            },
          ]);
          return endResponse(new fetchAPI.Response(body, init));
        }
      }
      // The handler parses the operation outside Yoga's pipeline: a syntax error, or a document over
      // the token limit, is thrown from there, and answered here as Yoga answers it (400, its message).
      // (The error is of the graphql module Yoga loads, which may be another copy than ours: told by its name.)
      const refuseUnparsable = (e: unknown) => {
        if (!(e instanceof Error) || e.name !== 'GraphQLError') throw e;
        const extensions = (e as GraphQLError).extensions ?? {};
        const code = /(depth|cost|aliases|token) limit of \d+ exceeded/i.test(e.message)
          ? 'QUERY_TOO_COMPLEX'
          : (extensions.code ?? 'GRAPHQL_PARSE_FAILED');
        const [body, init] = json(400, [{ message: e.message, extensions: { ...extensions, code } }]);
        endResponse(new fetchAPI.Response(body, init));
      };
      return Promise.resolve()
        .then(() => sse.onRequest?.(payload))
        .catch(refuseUnparsable);
    },
  };
}
