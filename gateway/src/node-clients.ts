// One kept-alive HTTP executor per agency node. Each call carries the credentials it is given: the
// caller's own token to their own node, a token delegated to that node alone elsewhere
// (delegated-tokens.ts). Nodes verify them themselves; the gateway adds no identity of its own.
// Each client reaches its node through a connection of its own (NodeConnect): under TLS it accepts
// only the keys the agency's membership entry pins, so it is replaced when those change.

import type { MemberAgency, Membership } from '@corridor/proto';
import { caFetch } from '@corridor/proto/graphql';
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
  /** The pins its connection accepts, as the membership lists them. */
  tlsPins: readonly string[] | undefined;
  /** How this node is reached: the token exchange at it goes the same way. */
  fetch: typeof fetch;
  /** Replaced by a new client: its connections close once their requests end. */
  close(): void;
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

/** How one agency's node is reached; `close` keeps none of its connections for later requests. */
export interface NodeConnection {
  fetch: typeof fetch;
  close(): void;
}

/** Opens the way to an agency's node (nodeConnect). */
export type NodeConnect = (agency: MemberAgency) => NodeConnection;

export const plainConnect: NodeConnect = () => ({ fetch, close() {} });

/**
 * How the gateway reaches nodes. With the network's CA (CORRIDOR_NODE_CA), over https only, to a
 * certificate of that CA on one of the agency's pinned keys when its entry lists pins. Without a
 * CA, an agency that lists pins is still asked over https only and on those keys (the system's
 * CAs then sign its certificate): its pins are never silently ignored. Others: the global fetch.
 */
export function nodeConnect(caFile: string | undefined): NodeConnect {
  return (a) => {
    if (caFile === undefined && a.tlsPins === undefined) return plainConnect(a);
    const send = caFetch(caFile, a.tlsPins ? { agency: a.id, pins: a.tlsPins } : undefined);
    return { fetch: send, close: () => send.close() };
  };
}

export function createNodeClients(membership: Membership, connect: NodeConnect = nodeConnect(undefined)): Map<string, NodeClient> {
  return new Map(membership.agencies.map((a) => [a.id, nodeClient(a, connect(a))]));
}

/**
 * Brings the clients in line with a new membership version, in place: the map is the one every
 * request reads, so an added agency is asked from the next query on, a removed one no longer, a
 * moved node at its new address, a node with new pins under them. A replaced client's kept-alive
 * connections, verified under the old pins, are never reused; queries already under way (a feed
 * streaming) keep the client they started with until they end.
 */
export function syncNodeClients(
  clients: Map<string, NodeClient>,
  membership: Membership,
  connect: NodeConnect = nodeConnect(undefined),
): { added: string[]; removed: string[]; moved: string[]; repinned: string[] } {
  const listed = new Map(membership.agencies.map((a) => [a.id, a]));
  const change = { added: [] as string[], removed: [] as string[], moved: [] as string[], repinned: [] as string[] };
  for (const [id, client] of [...clients]) {
    if (!listed.has(id)) {
      clients.delete(id);
      client.close();
      change.removed.push(id);
    }
  }
  for (const a of listed.values()) {
    const existing = clients.get(a.id);
    const moved = existing !== undefined && existing.endpoint !== a.nodeUrl;
    const repinned = existing !== undefined && !samePins(existing.tlsPins, a.tlsPins);
    if (existing && !moved && !repinned) continue;
    clients.set(a.id, nodeClient(a, connect(a)));
    existing?.close();
    (moved ? change.moved : repinned ? change.repinned : change.added).push(a.id);
  }
  return change;
}

function samePins(a: readonly string[] | undefined, b: readonly string[] | undefined): boolean {
  return a?.length === b?.length && (a ?? []).every((pin) => b?.includes(pin));
}

function nodeClient(a: MemberAgency, connection: NodeConnection): NodeClient {
  const executor = buildHTTPExecutor({
    endpoint: a.nodeUrl,
    fetch: connection.fetch,
    // Deduplicating identical requests in flight makes the executor structuredClone every answer
    // (its own copy for each waiter): a third of the gateway's CPU on a fan-out of directory
    // answers (CPU profile, 2026-11-30). Identical requests at once are rare here, and each must
    // reach the node anyway so that the node audits every answer it releases.
    deduplicateInflightRequests: false,
    headers: (req) => ({ authorization: (req?.context as { authorization?: string } | undefined)?.authorization ?? '' }),
  });
  return {
    agency: a.id,
    endpoint: a.nodeUrl,
    tlsPins: a.tlsPins,
    fetch: connection.fetch,
    close: () => connection.close(),
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
