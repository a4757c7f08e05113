// One kept-alive HTTP executor per agency node. Each call carries the credentials it is given: the
// caller's own token to their own node, a token delegated to that node alone elsewhere
// (delegated-tokens.ts). Nodes verify them themselves; the gateway adds no identity of its own.

import type { MemberAgency, Membership } from '@corridor/proto';
import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { type DocumentNode, type ExecutionResult, OperationTypeNode, parse } from 'graphql';

/** A document's variables, as codegen types them (an object of named values). */
export type Variables = { [name: string]: unknown };

export type NodeExecutor = ReturnType<typeof buildHTTPExecutor>;

export interface NodeClient {
  agency: string;
  /** The node's GraphQL address, as the membership lists it. */
  endpoint: string;
  /** Asks one query or mutation; its answer is typed by the document, generated from the node's schema. */
  execute<R, V extends Variables>(
    document: TypedDocumentNode<R, V>,
    variables: V,
    authorization: string,
    signal?: AbortSignal,
  ): Promise<ExecutionResult<R>>;
  subscribe<R, V extends Variables>(
    document: TypedDocumentNode<R, V>,
    variables: V,
    authorization: string,
    signal: AbortSignal,
  ): Promise<AsyncIterable<ExecutionResult<R>> | ExecutionResult<R>>;
}

/** How nodes are reached: the network CA's fetch under TLS (caFetch), the global one otherwise. */
export type NodeFetch = typeof fetch;

export function createNodeClients(membership: Membership, nodeFetch: NodeFetch = fetch): Map<string, NodeClient> {
  return new Map(membership.agencies.map((a) => [a.id, nodeClient(a, nodeFetch)]));
}

/**
 * Brings the clients in line with a new membership version, in place: the map is the one every
 * request reads, so an added agency is asked from the next query on, a removed one no longer, and
 * a moved node at its new address. Queries already under way keep the clients they started with.
 */
export function syncNodeClients(
  clients: Map<string, NodeClient>,
  membership: Membership,
  nodeFetch: NodeFetch = fetch,
): { added: string[]; removed: string[]; moved: string[] } {
  const listed = new Map(membership.agencies.map((a) => [a.id, a]));
  const change = { added: [] as string[], removed: [] as string[], moved: [] as string[] };
  for (const id of [...clients.keys()]) {
    if (!listed.has(id)) {
      clients.delete(id);
      change.removed.push(id);
    }
  }
  for (const a of listed.values()) {
    const existing = clients.get(a.id);
    if (existing && existing.endpoint === a.nodeUrl) continue;
    clients.set(a.id, nodeClient(a, nodeFetch));
    (existing ? change.moved : change.added).push(a.id);
  }
  return change;
}

function nodeClient(a: MemberAgency, nodeFetch: NodeFetch): NodeClient {
  const executor = buildHTTPExecutor({
    endpoint: a.nodeUrl,
    fetch: nodeFetch,
    headers: (req) => ({ authorization: (req?.context as { authorization?: string } | undefined)?.authorization ?? '' }),
  });
  return {
    agency: a.id,
    endpoint: a.nodeUrl,
    async execute<R, V extends Variables>(document: TypedDocumentNode<R, V>, variables: V, authorization: string, signal?: AbortSignal) {
      const result = await executor<R, V>({ document, variables, context: { authorization }, ...(signal ? { signal } : {}) });
      // A query or mutation is answered once; only a subscription streams.
      if (isStream(result)) throw new Error(`agency ${a.id} answered a query with a stream`);
      return result;
    },
    async subscribe<R, V extends Variables>(document: TypedDocumentNode<R, V>, variables: V, authorization: string, signal: AbortSignal) {
      return executor<R, V>({ document, variables, context: { authorization }, operationType: OperationTypeNode.SUBSCRIPTION, signal });
    },
  };
}

function isStream<T extends object>(result: T | AsyncIterable<T>): result is AsyncIterable<T> {
  return Symbol.asyncIterator in result;
}

/** An untyped document, for specs that stand in for a node. */
export const gql = (source: string): DocumentNode => parse(source);
