// Sends one query to every node at once, each with its own deadline, and waits for all of them:
// a slow or dead node costs at most the deadline and is reported by name; the others still answer.
// Each node gets its own credentials (delegated-tokens.ts): a failed exchange is that node's error.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { NodeClient, Variables } from './node-clients.js';

export interface SourceStatus {
  agency: string;
  ok: boolean;
  latencyMs: number;
  error: string | null;
}

export interface FanOutResult<T> {
  answers: { agency: string; data: T }[];
  sources: SourceStatus[];
}

/** What a node answered: its data, or its errors (an ExecutionResult, or one item of a batch). */
export interface NodeAnswer<T> {
  data?: T | null | undefined;
  errors?: readonly { message: string }[] | undefined;
}

type Settled<T> = { agency: string; latencyMs: number; data: T } | { agency: string; latencyMs: number; error: string };

export function fanOut<T, V extends Variables = Variables>(
  clients: Iterable<NodeClient>,
  document: TypedDocumentNode<T, V>,
  variables: V,
  /** The Authorization header for one agency's node. */
  authorizationFor: (agency: string) => Promise<string>,
  deadlineMs: number,
): Promise<FanOutResult<T>> {
  return fanOutWith(
    clients,
    (client, authorization, signal) => client.execute(document, variables, authorization, signal),
    authorizationFor,
    deadlineMs,
  );
}

/** fanOut with each node asked by `ask` (a batched request, check-batches.ts) instead of one document. */
export async function fanOutWith<T>(
  clients: Iterable<NodeClient>,
  ask: (client: NodeClient, authorization: string, signal: AbortSignal) => Promise<NodeAnswer<T>>,
  authorizationFor: (agency: string) => Promise<string>,
  deadlineMs: number,
): Promise<FanOutResult<T>> {
  // Every node is asked in the same tick, so one deadline serves them all: an AbortSignal and a
  // timer per node cost the gateway about 0.1 ms of CPU each (Node makes every signal transferable).
  const signal = AbortSignal.timeout(deadlineMs);
  const expired = new Promise<never>((_, reject) =>
    signal.addEventListener('abort', () => reject(new Error(`no answer within ${deadlineMs} ms`)), { once: true }),
  );
  // Nobody may be left waiting on it when every node answered in time.
  expired.catch(() => {});
  const settled = await Promise.all(
    [...clients].map(async (client): Promise<Settled<T>> => {
      const started = performance.now();
      try {
        const result = await Promise.race([
          authorizationFor(client.agency).then((authorization) => ask(client, authorization, signal)),
          expired,
        ]);
        const latencyMs = Math.round(performance.now() - started);
        if (result.errors?.length || !result.data) {
          return { agency: client.agency, latencyMs, error: result.errors?.map((e) => e.message).join('; ') || 'empty answer' };
        }
        return { agency: client.agency, latencyMs, data: result.data };
      } catch (e) {
        return { agency: client.agency, latencyMs: Math.round(performance.now() - started), error: (e as Error).message };
      }
    }),
  );
  return {
    answers: settled.flatMap((s) => ('data' in s ? [{ agency: s.agency, data: s.data }] : [])),
    sources: settled.map((s) => ({
      agency: s.agency,
      ok: 'data' in s,
      latencyMs: s.latencyMs,
      error: 'error' in s ? s.error : null,
    })),
  };
}
