// Hit / no-hit checks (issue 5) travel to each node in batches (issue 14): the checks that reach
// the gateway in the same moment go to the asker's own node as one ownHitChecks request and to
// every other node as one hitChecks request, where each costed a request of its own. Each item
// still carries its own user's token (the caller's own at their node, one delegated to that node
// elsewhere), and the node verifies, rate-limits, releases and audits it under that user; a
// refused item is refused alone, with the words and code a request of its own would have had.
import { MAX_BATCHED_CHECKS } from '@corridor/proto';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, type ExecutionResult, print } from 'graphql';
import type { NodeClient, Variables } from './node-clients.js';
import type { HitCheckItemInput, HitChecksQuery, OwnHitCheckItemInput, OwnHitChecksQuery } from './node-gql/graphql.js';
import { HIT_CHECKS_QUERY, OWN_HIT_CHECKS_QUERY } from './node-queries.js';
import { type Batcher, tickBatcher } from './tick-batcher.js';

/**
 * One batch under way per node and kind: the checks that arrive meanwhile go in the next. Under
 * load a check waits at most one node round trip more; in return a node answers dozens of checks
 * with the parsing, verifying, lookup and audit append of one.
 */
const BATCHING = { maxBatch: MAX_BATCHED_CHECKS, inFlight: 1 };

type OwnOutcome = OwnHitChecksQuery['ownHitChecks'][number];
type OtherOutcome = HitChecksQuery['hitChecks'][number];
export type OwnCheck = NonNullable<OwnOutcome['check']>;
export type OtherAnswer = NonNullable<OtherOutcome['answer']>;

/** What one item got: its answer, or a GraphQL error as a request of its own would have got it. */
export type ItemResult<T> = { data: T } | { error: { message: string; extensions: Record<string, unknown> } };

interface Batchers {
  own: Batcher<OwnHitCheckItemInput, ItemResult<OwnCheck>>;
  other: Batcher<HitCheckItemInput & { deadlineMs: number }, ItemResult<OtherAnswer>>;
}

// By client: a client replaced (new address or pins) gets batchers of its own.
const byClient = new WeakMap<NodeClient, Batchers>();

export function checkBatches(client: NodeClient): Batchers {
  let b = byClient.get(client);
  if (!b) {
    b = {
      own: tickBatcher(
        (items) =>
          sendEach(items, (part) => post(client, OWN_HIT_CHECKS_QUERY, { items: part }, part[0]?.authorization as string)).then((results) =>
            results.map((r) =>
              itemOf(
                client,
                r,
                (d) => d.ownHitChecks,
                (o) => o.check,
              ),
            ),
          ),
        BATCHING,
      ),
      other: tickBatcher(
        (items) =>
          sendEach(items, (part) =>
            post(
              client,
              HIT_CHECKS_QUERY,
              { items: part.map(({ authorization, pseudonyms }) => ({ authorization, pseudonyms })) },
              part[0]?.authorization as string,
              AbortSignal.timeout(Math.max(...part.map((i) => i.deadlineMs))),
            ),
          ).then((results) =>
            results.map((r) =>
              itemOf(
                client,
                r,
                (d) => d.hitChecks,
                (o) => o.answer,
              ),
            ),
          ),
        BATCHING,
      ),
    };
    byClient.set(client, b);
  }
  return b;
}

const printed = new WeakMap<DocumentNode, string>();

/**
 * One POST of `document` with its JSON text built once: graphql-tools' HTTP executor, which the
 * other fields go through, prints the document, looks for files to upload and streams the body
 * on every call, which a CPU profile of the gateway showed costing more than the batch saves.
 * The same connection as the node's client (its pins, its CA).
 */
async function post<R, V extends Variables>(
  client: NodeClient,
  document: TypedDocumentNode<R, V>,
  variables: V,
  authorization: string,
  signal?: AbortSignal,
): Promise<ExecutionResult<R>> {
  let query = printed.get(document);
  if (query === undefined) {
    query = print(document);
    printed.set(document, query);
  }
  const res = await client.fetch(client.endpoint, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json', authorization },
    body: JSON.stringify({ query, variables }),
    ...(signal ? { signal } : {}),
  });
  const type = res.headers.get('content-type') ?? '';
  if (!type.includes('json')) throw new Error(`agency ${client.agency} answered HTTP ${res.status}`);
  return (await res.json()) as ExecutionResult<R>;
}

/** One item's outcome within a batch's answer; a batch refused as a whole is each item's refusal. */
type BatchAnswer<D> = { result: ExecutionResult<D>; index: number };

/**
 * Sends the batch; when the node refuses it as a whole (the token that opened it expired in the
 * meantime, say) while it held several checks, each is sent again alone, so that one user's
 * token or input never costs another user their answer.
 */
async function sendEach<I, D>(items: I[], send: (part: I[]) => Promise<ExecutionResult<D>>): Promise<BatchAnswer<D>[]> {
  const whole = await send(items);
  if (!whole.errors?.length || items.length === 1) return items.map((_, index) => ({ result: whole, index }));
  return Promise.all(items.map(async (item) => ({ result: await send([item]), index: 0 })));
}

function itemOf<D, O extends { refusal: { code: string; message: string; details: string } | null }, T>(
  client: NodeClient,
  { result, index }: BatchAnswer<D>,
  list: (data: D) => O[],
  value: (outcome: O) => T | null,
): ItemResult<T> {
  const error = result.errors?.[0];
  if (error) return { error: { message: error.message, extensions: { ...(error.extensions ?? {}) } } };
  const outcome = result.data ? list(result.data)[index] : undefined;
  const answer = outcome && value(outcome);
  if (answer) return { data: answer };
  const refusal = outcome?.refusal;
  if (!refusal) return { error: { message: `agency ${client.agency} did not answer`, extensions: { code: 'NODE_UNAVAILABLE' } } };
  return { error: { message: refusal.message, extensions: { code: refusal.code, ...detailsOf(refusal.details) } } };
}

function detailsOf(json: string): Record<string, unknown> {
  try {
    const d: unknown = JSON.parse(json);
    return d && typeof d === 'object' && !Array.isArray(d) ? (d as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
