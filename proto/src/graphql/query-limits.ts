// Limits on what one GraphQL request may ask, the same at the gateway and at every node, so that
// a query the console sends through the gateway is never refused by a node behind it, and a
// query too deep, too costly, too aliased or too long is refused before any data is read or any
// node is asked. The checks are GraphQL Armor's (Escape), the maintained Envelop plugins for it.
import { costLimitPlugin, costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesPlugin, maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthPlugin, maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxTokensPlugin } from '@escape.tech/graphql-armor-max-tokens';
import type { GraphQLError } from 'graphql';

export const QUERY_LIMITS = {
  /** Nesting: the deepest contract query (a hit answer's contact's availability hours) is 5. */
  depth: 10,
  /** GraphQL Armor's cost (objects 2, scalars 1, ×1.5 per level): the console's largest is about 600. */
  cost: 5000,
  aliases: 15,
  tokens: 2000,
} as const;

/** The error code the console shows as "this request asks too much", whatever limit it broke. */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

// Armor refuses with a GraphQLError that has no code; this gives it one the console can read.
// Armor throws during parsing or validation, so the error is rewritten where the response is made.
const LIMIT_MESSAGE = /(depth|cost|aliases|token) limit of \d+ exceeded/i;

function withCode(error: { message: string; extensions?: Record<string, unknown> }) {
  return LIMIT_MESSAGE.test(error.message)
    ? { ...error, extensions: { ...error.extensions, code: QUERY_TOO_COMPLEX, http: { status: 400 } } }
    : error;
}

/** The plugins both servers put first in their Yoga plugin list. */
export function queryLimitPlugins() {
  return [
    maxTokensPlugin({ n: QUERY_LIMITS.tokens }),
    maxDepthPlugin({ n: QUERY_LIMITS.depth, flattenFragments: true }),
    maxAliasesPlugin({ n: QUERY_LIMITS.aliases }),
    costLimitPlugin({ maxCost: QUERY_LIMITS.cost, flattenFragments: true }),
    {
      onResultProcess({ result, setResult }: { result: unknown; setResult: (r: unknown) => void }) {
        const r = result as { errors?: readonly GraphQLError[] } | null;
        if (r && !Array.isArray(r) && Array.isArray(r.errors) && r.errors.some((e) => LIMIT_MESSAGE.test(e.message)))
          setResult({ ...r, errors: r.errors.map((e) => withCode(e.toJSON ? e.toJSON() : e)) });
      },
    },
  ];
}

/** The same limits as validation rules, for checking documents ahead of time (the console's, in a spec). */
export function queryLimitRules() {
  return [
    maxDepthRule({ n: QUERY_LIMITS.depth, flattenFragments: true }),
    maxAliasesRule({ n: QUERY_LIMITS.aliases }),
    costLimitRule({ maxCost: QUERY_LIMITS.cost, flattenFragments: true }),
  ];
}
