import { createSchema, createYoga } from 'graphql-yoga';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AuthError } from '../bearer-token.js';
import type { AccessClaims } from '../claims.js';
import { queryLimitPlugins } from './query-limits.js';
import { useBearerAuth } from './use-bearer-auth.js';

// A server with the real bearer plugin: "Bearer <user>" is user <user> of agency "a" (b-... of agency "b").
const yoga = createYoga({
  schema: createSchema({
    typeDefs: 'type Query { me: String } type Subscription { me: String, echo(text: String!): String }',
    resolvers: {
      Query: { me: (_: unknown, __: unknown, ctx: { claims: AccessClaims }) => ctx.claims.sub },
      Subscription: {
        me: {
          subscribe: async function* (_: unknown, __: unknown, ctx: { claims: AccessClaims }) {
            yield { me: ctx.claims.sub };
          },
        },
        echo: {
          subscribe: async function* (_: unknown, args: { text: string }) {
            yield { echo: args.text };
          },
        },
      },
    },
  }),
  logging: false,
  plugins: [
    ...queryLimitPlugins(1024 * 1024),
    useBearerAuth(
      {
        async verify(authorization) {
          const user = /^Bearer (\w[\w-]*)$/.exec(authorization ?? '')?.[1];
          if (!user) throw new AuthError('missing', 'no access token: send Authorization: Bearer <token>');
          return { iss: 'https://issuer.example', sub: user, agency: user.startsWith('b-') ? 'b' : 'a' } as AccessClaims;
        },
      },
      () => undefined,
    ),
  ],
});

const TOKEN = 'x-graphql-event-stream-token';
const as = (user: string, headers: Record<string, string> = {}) => ({ authorization: `Bearer ${user}`, ...headers });
const reserve = (user: string) => yoga.fetch('http://node/graphql', { method: 'PUT', headers: as(user) });

afterEach(() => {
  vi.useRealTimers();
});

describe('graphql-sse single connection mode', () => {
  it('serves the reserver an operation sent into their stream, with their own claims', async () => {
    const token = await (await reserve('alice')).text();
    const stream = await yoga.fetch('http://node/graphql', { headers: as('alice', { accept: 'text/event-stream', [TOKEN]: token }) });
    expect(stream.status).toBe(200);
    const body = JSON.stringify({ query: 'subscription { me }', extensions: { operationId: 'op1' } });
    const sent = await yoga.fetch('http://node/graphql', {
      method: 'POST',
      headers: as('alice', { 'content-type': 'application/json', 'content-length': String(body.length), [TOKEN]: token }),
      body,
    });
    expect(sent.status).toBe(202);
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (!text.includes('"me":"alice"')) text += new TextDecoder().decode((await reader.read()).value);
    await reader.cancel();
  });

  it('refuses another user, of the same agency or another, holding the token, and a request without a valid bearer', async () => {
    const token = await (await reserve('alice')).text();
    for (const other of ['bob', 'b-carla']) {
      const open = await yoga.fetch('http://node/graphql', { headers: as(other, { accept: 'text/event-stream', [TOKEN]: token }) });
      expect(open.status).toBe(403);
      expect(await open.json()).toMatchObject({ errors: [{ extensions: { code: 'FORBIDDEN', field: TOKEN } }] });
    }
    const forged = await yoga.fetch('http://node/graphql', {
      headers: as('alice', { accept: 'text/event-stream', [TOKEN]: `${token.split('.')[0]}.AAAA` }),
    });
    expect(forged.status).toBe(403);
    // Stopping an operation is a request like the others: the reserver's alone, and with a bearer.
    for (const headers of [as('bob', { [TOKEN]: token }), { [TOKEN]: token }]) {
      const stop = await yoga.fetch('http://node/graphql?operationId=op1', { method: 'DELETE', headers });
      expect(stop.status).toBe('authorization' in headers ? 403 : 401);
    }
    const anonymous = await yoga.fetch('http://node/graphql', { method: 'PUT' });
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('www-authenticate')).toBe('Bearer realm="corridor"');
    expect(await anonymous.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED', reason: 'missing' } }] });
  });

  it('bounds the reservations a caller leaves unopened, and releases them once they expire', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const tokens = [];
    for (let i = 0; i < 8; i++) tokens.push(await (await reserve('dora')).text());
    const ninth = await reserve('dora');
    expect(ninth.status).toBe(429);
    expect(await ninth.json()).toMatchObject({ errors: [{ extensions: { code: 'RATE_LIMITED' } }] });
    // Another caller of the same agency is not held back by dora's.
    expect((await reserve('erin')).status).toBe(201);

    vi.setSystemTime(Date.now() + 31_000);
    expect((await reserve('dora')).status).toBe(201);
    // The expired reservation is gone from the handler: its token opens no reserved stream.
    const expired = await yoga.fetch('http://node/graphql', {
      headers: as('dora', { accept: 'text/event-stream', [TOKEN]: tokens[0] as string }),
    });
    expect(expired.status).not.toBe(200);
  });

  it('streams, as its one result, the errors of an operation that does not parse, passes the query limits, or is invalid for the schema', async () => {
    const token = await (await reserve('gina')).text();
    const stream = await yoga.fetch('http://node/graphql', { headers: as('gina', { accept: 'text/event-stream', [TOKEN]: token }) });
    const send = async (id: string, operation: Record<string, unknown>) => {
      const body = JSON.stringify({ ...operation, extensions: { operationId: id } });
      const sent = await yoga.fetch('http://node/graphql', {
        method: 'POST',
        headers: as('gina', { 'content-type': 'application/json', 'content-length': String(body.length), [TOKEN]: token }),
        body,
      });
      expect(sent.status, id).toBe(202);
    };
    await send('syntax', { query: '{ me' });
    await send('long', { query: `{ ${'me '.repeat(2100)}}` });
    await send('field', { query: 'subscription { mee }' });
    await send('variable', { query: 'subscription($t: String!) { echo(text: $t) }', variables: {} });
    await send('unnamed', { query: 'subscription A { me } subscription B { me }' });
    // Each operation's events: its result (`next`), then `complete`.
    const results = new Map<string, { errors?: { message: string; locations?: unknown; extensions?: Record<string, unknown> }[] }>();
    const reader = (stream.body as ReadableStream<Uint8Array>).getReader();
    let text = '';
    while (results.size < 5) {
      text += new TextDecoder().decode((await reader.read()).value);
      for (const [, data] of text.matchAll(/^event: next\ndata: (.*)$/gm)) {
        const { id, payload } = JSON.parse(data as string);
        results.set(id, payload);
      }
    }
    await reader.cancel();
    expect(results.get('syntax')).toEqual({
      errors: [
        {
          message: 'Syntax Error: Expected Name, found <EOF>.',
          locations: [{ line: 1, column: 5 }],
          extensions: { code: 'GRAPHQL_PARSE_FAILED' },
        },
      ],
    });
    expect(results.get('long')?.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    // The field is named, where graphql-sse's handler alone said "Unable to detect operation AST".
    expect(results.get('field')).toEqual({
      errors: [
        {
          message: 'Cannot query field "mee" on type "Subscription". Did you mean "me"?',
          locations: [{ line: 1, column: 16 }],
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
    expect(results.get('variable')?.errors?.map((e) => e.message)).toEqual(['Variable "$t" of required type "String!" was not provided.']);
    expect(results.get('unnamed')?.errors?.[0]?.extensions?.code).toBe('OPERATION_RESOLUTION_FAILURE');
    expect(results.get('field')).not.toHaveProperty('data');
  });

  it('reads an operation sent into a stream only when its Content-Length is within its bound', async () => {
    const token = await (await reserve('fred')).text();
    const big = await yoga.fetch('http://node/graphql', {
      method: 'POST',
      headers: as('fred', { 'content-type': 'application/json', 'content-length': String(64 * 1024 + 1), [TOKEN]: token }),
      body: '{}',
    });
    expect(big.status).toBe(413);
    expect(await big.json()).toMatchObject({ errors: [{ extensions: { code: 'BAD_REQUEST', field: 'content-length' } }] });
  });
});
