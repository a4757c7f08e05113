// graphql-sse's "single connection" mode (PROTOCOL.md of graphql-sse) beside Yoga's own SSE, which
// serves only "distinct connections": a client reserves a stream with PUT, opens it with GET, and
// sends operations with POST (DELETE to stop one), each carrying the reserved stream token. The
// protocol is graphql-sse's own handler (createHandler); what is ours is who may use a token and
// how an operation is run. Every request of the mode is authenticated as any other (the caller's
// bearer token, through useBearerAuth), and a stream token is bound to the caller who reserved it:
// it carries a MAC of the caller's issuer and subject under a secret of this process, so another
// caller (another user of the same agency, or a member of another agency who learnt the token) is
// refused, and nothing needs remembering. An operation is parsed, validated and run through Yoga's
// Envelop (its query limits, its context with the caller); one that cannot run has its errors
// streamed as its one result, where graphql-sse's client shows them.
import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { type DocumentNode, type ExecutionArgs, GraphQLError, getOperationAST } from 'graphql';
import type { ExecutionResult, OperationResult } from 'graphql-sse';
import { createHandler } from 'graphql-sse/lib/use/fetch';
import type { Plugin, YogaServerInstance } from 'graphql-yoga';
import type { AccessClaims } from '../claims.js';
import { withQueryLimitCode } from './query-limits.js';

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
type Handler = ReturnType<typeof createHandler>;
type Refusal = { message: string; locations?: unknown; path?: unknown; extensions?: Record<string, unknown> };

/** A refusal in graphql-sse's response form: GraphQL errors as JSON, as Yoga sends its own. */
function json(status: number, errors: Refusal[], headers: Record<string, string> = {}) {
  const init = { status, statusText: '', headers: { 'content-type': 'application/json; charset=utf-8', ...headers } };
  return [JSON.stringify({ errors }), init] as const;
}

/**
 * Errors that stop an operation before it runs (syntax, validation, query limits, variables, a
 * subscription refused at its start), sent into the stream as the operation's one result, as
 * graphql-sse does for a request that accepts an event stream: graphql-sse's client reads a POST
 * answered otherwise than 202 as a network failure and never shows its body, so a 400 would hide
 * the field the error names. `extensions.http` is Yoga's, not sent (as Yoga does). An error may
 * be of another copy of the graphql module than ours (Yoga's): it is read by its shape.
 */
function requestErrors(errors: readonly unknown[]): OperationResult {
  const refusals = errors.map((e): Refusal => {
    if (!(e instanceof Error) || e.name !== 'GraphQLError') throw e;
    const { message, locations, path, extensions = {} } = withQueryLimitCode((e as GraphQLError).toJSON());
    const { http: _http, ...rest } = extensions as { http?: unknown };
    return { message, ...(locations ? { locations } : {}), ...(path ? { path } : {}), extensions: rest };
  });
  // A result without `data` (GraphQL over HTTP's request error); graphql-sse tells a result from
  // execution arguments by the key, so it is there, undefined, and left out of the JSON sent.
  return { data: undefined, errors: refusals } as unknown as OperationResult;
}

const isAsyncIterable = (value: unknown): value is AsyncIterable<unknown> =>
  typeof value === 'object' && value !== null && Symbol.asyncIterator in value;

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
  /** The server context each request came with (the HTTP adapter's), for the operation's context. */
  const serverContexts = new WeakMap<Request, object>();
  let yoga: Pick<YogaServerInstance<object, Context>, 'fetchAPI' | 'getEnveloped'> | undefined;
  let handler: Handler | undefined;
  async function release(token: string) {
    if (!yoga || !handler) return;
    const request = new yoga.fetchAPI.Request(`http://release.invalid${endpoint}`, {
      headers: { accept: 'text/event-stream', [STREAM_TOKEN_HEADER]: token },
    });
    releasing.add(request);
    await (await handler(request)).body?.cancel();
  }

  /** An operation sent into a stream, run as Yoga runs one: its parser, rules, context and executor. */
  async function run(
    request: Request,
    params: { query: string; variables?: Record<string, unknown> | null; operationName?: string | null },
  ) {
    if (!yoga) throw new Error('the single connection mode serves only once Yoga is initialised');
    const enveloped = yoga.getEnveloped({ ...serverContexts.get(request), request, params });
    let document: DocumentNode;
    try {
      document = enveloped.parse(params.query);
    } catch (e) {
      return requestErrors([e]);
    }
    const invalid = enveloped.validate(enveloped.schema, document);
    if (invalid.length > 0) return requestErrors(invalid);
    // Yoga's parsing has refused a document whose operation cannot be told (OPERATION_RESOLUTION_FAILURE).
    const operation = getOperationAST(document, params.operationName);
    const args: ExecutionArgs = {
      schema: enveloped.schema,
      document,
      contextValue: await enveloped.contextFactory(),
      variableValues: params.variables,
      operationName: params.operationName,
    };
    const result: unknown = await (operation?.operation === 'subscription' ? enveloped.subscribe(args) : enveloped.execute(args));
    if (isAsyncIterable(result)) return result as OperationResult;
    // A result without `data` is a request error (variables, a subscription refused at its start).
    const { data, errors } = result as ExecutionResult;
    if (data === undefined) return requestErrors(errors ?? []);
    return result as OperationResult;
  }
  function releaseExpired(now: number) {
    for (const [token, [, , at]] of pending)
      if (now - at > STREAM_RESERVATIONS.ttlMs) {
        pending.delete(token);
        void release(token);
      }
  }

  const handlerOptions = {
    async authenticate(req: { raw: Request }) {
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
    onSubscribe: (req: { raw: Request }, params: Parameters<typeof run>[1]) => run(req.raw, params),
  };

  return {
    onYogaInit(payload) {
      yoga = payload.yoga;
      handler = createHandler(handlerOptions, payload.yoga.fetchAPI);
    },
    onRequest(payload) {
      const { request, url, endResponse, fetchAPI, serverContext } = payload;
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
      serverContexts.set(request, serverContext as object);
      const serve = handler as Handler;
      return serve(request).then(endResponse);
    },
  };
}
