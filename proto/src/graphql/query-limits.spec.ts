import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { QUERY_LIMITS, QUERY_TOO_COMPLEX, queryLimitPlugins } from './query-limits.js';

// A schema that lets a query nest and fan out as far as it likes, with a resolver that counts calls.
let resolved = 0;
const yoga = createYoga({
  schema: createSchema({
    typeDefs: 'type Node { child: Node list: [Node!]! value: Int } type Query { root: Node }',
    resolvers: {
      Query: { root: () => ({}) },
      Node: { child: () => ({}), list: () => [{}, {}], value: () => ++resolved },
    },
  }),
  plugins: queryLimitPlugins(QUERY_LIMITS.bodyBytes) as never,
  logging: false,
});

async function ask(query: string) {
  const res = await yoga.fetch('http://node/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query }),
  });
  return {
    status: res.status,
    body: (await res.json()) as { data?: unknown; errors?: { message: string; extensions?: { code?: string } }[] },
  };
}

const nest = (levels: number) => `{ root { ${'child { '.repeat(levels)} value ${'} '.repeat(levels)} } }`;

describe('query limits', () => {
  it.each([
    ['too deep', nest(QUERY_LIMITS.depth + 2)],
    ['too many aliases', `{ root { ${Array.from({ length: QUERY_LIMITS.aliases + 1 }, (_, i) => `a${i}: value`).join(' ')} } }`],
    ['too long', `{ root { ${Array.from({ length: QUERY_LIMITS.tokens }, () => 'value').join(' ')} } }`],
    [
      'too costly',
      `{ root { ${'list { '.repeat(8)} ${Array.from({ length: 40 }, (_, i) => `v${i % 10}: value`).join(' ')} ${'} '.repeat(8)} } }`,
    ],
  ])('refuses a query %s with %s, before anything is resolved', async (_what, query) => {
    resolved = 0;
    const { status, body } = await ask(query);
    expect(status).toBe(400);
    expect(body.errors?.[0]?.extensions?.code).toBe(QUERY_TOO_COMPLEX);
    expect(resolved).toBe(0);
  });

  it('answers a query within every limit', async () => {
    const { status, body } = await ask(nest(3));
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });
});
