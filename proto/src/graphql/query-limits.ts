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
  /**
   * Bytes of one request body (yoga's maxRequestBodySize; its default is 25 MB). The largest
   * legitimate request is a `publishAlerts` of 1,000 alerts: 0.6 MB with the test fixtures' alerts,
   * and 23.3 MB with every field of every alert at its maximum (23,274 bytes each, measured
   * 2026-11-30). 24 MiB takes every batch the contract allows, so a valid call is never refused for
   * its size; anything larger cannot be valid and is refused before it is read whole.
   */
  bodyBytes: 24 * 1024 * 1024,
} as const;

/**
 * A node takes a little more than the gateway: the gateway forwards a caller's batch in a document
 * of its own, whose query text (at most QUERY_LIMITS.tokens tokens) differs from the caller's.
 */
export const NODE_BODY_BYTES = QUERY_LIMITS.bodyBytes + 64 * 1024;

/** The code yoga gives a body over maxRequestBodySize (HTTP 413). */
const BODY_TOO_LARGE = 'REQUEST_ENTITY_TOO_LARGE';

/** The error code the console shows as "this request asks too much", whatever limit it broke. */
export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

// Armor refuses with a GraphQLError that has no code; this gives it one the console can read.
// Armor throws during parsing or validation, so the error is rewritten where the response is made.
const LIMIT_MESSAGE = /(depth|cost|aliases|token) limit of \d+ exceeded/i;

/** A limit's refusal with the code the console reads; any other error as it is. */
export function withQueryLimitCode<E extends { message: string; extensions?: Record<string, unknown> }>(error: E): E {
  return LIMIT_MESSAGE.test(error.message)
    ? { ...error, extensions: { ...error.extensions, code: QUERY_TOO_COMPLEX, http: { status: 400 } } }
    : error;
}

// Yoga says "Request body too large" without the limit; the caller needs it to split a batch.
function withLimitNamed(error: { message: string; extensions?: Record<string, unknown> }, maxBodyBytes: number) {
  return error.extensions?.code === BODY_TOO_LARGE
    ? {
        ...error,
        message: `the request body is over ${maxBodyBytes} bytes, the limit of one request: send a large batch in several calls`,
      }
    : error;
}

/**
 * The plugins both servers put first in their Yoga plugin list; `maxBodyBytes` is the server's
 * maxRequestBodySize, named in its refusal.
 */
export function queryLimitPlugins(maxBodyBytes: number) {
  return [
    maxTokensPlugin({ n: QUERY_LIMITS.tokens }),
    maxDepthPlugin({ n: QUERY_LIMITS.depth, flattenFragments: true }),
    maxAliasesPlugin({ n: QUERY_LIMITS.aliases }),
    costLimitPlugin({ maxCost: QUERY_LIMITS.cost, flattenFragments: true }),
    {
      onResultProcess({ result, setResult }: { result: unknown; setResult: (r: unknown) => void }) {
        const r = result as { errors?: readonly GraphQLError[] } | null;
        if (
          r &&
          !Array.isArray(r) &&
          Array.isArray(r.errors) &&
          r.errors.some((e) => LIMIT_MESSAGE.test(e.message) || e.extensions?.code === BODY_TOO_LARGE)
        )
          setResult({ ...r, errors: r.errors.map((e) => withLimitNamed(withQueryLimitCode(e.toJSON ? e.toJSON() : e), maxBodyBytes)) });
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
