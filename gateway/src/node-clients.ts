// One kept-alive HTTP executor per agency node. The caller's own token travels with every call:
// nodes verify it themselves; the gateway adds no identity of its own.

import type { Membership } from '@corridor/proto';
import { buildHTTPExecutor } from '@graphql-tools/executor-http';
import { type DocumentNode, type ExecutionResult, OperationTypeNode, parse } from 'graphql';

export type NodeExecutor = ReturnType<typeof buildHTTPExecutor>;

export interface NodeClient {
  agency: string;
  execute<T>(
    document: DocumentNode,
    variables: Record<string, unknown>,
    authorization: string,
    signal?: AbortSignal,
  ): Promise<ExecutionResult<T>>;
  subscribe<T>(
    document: DocumentNode,
    variables: Record<string, unknown>,
    authorization: string,
    signal: AbortSignal,
  ): Promise<AsyncIterable<ExecutionResult<T>> | ExecutionResult<T>>;
}

export function createNodeClients(membership: Membership): Map<string, NodeClient> {
  return new Map(
    membership.agencies.map((a) => {
      const executor = buildHTTPExecutor({
        endpoint: a.nodeUrl,
        headers: (req) => ({ authorization: (req?.context as { authorization?: string } | undefined)?.authorization ?? '' }),
      });
      const client: NodeClient = {
        agency: a.id,
        async execute<T>(document: DocumentNode, variables: Record<string, unknown>, authorization: string, signal?: AbortSignal) {
          return (await executor({ document, variables, context: { authorization }, ...(signal ? { signal } : {}) })) as ExecutionResult<T>;
        },
        async subscribe<T>(document: DocumentNode, variables: Record<string, unknown>, authorization: string, signal: AbortSignal) {
          return (await executor({
            document,
            variables,
            context: { authorization },
            operationType: OperationTypeNode.SUBSCRIPTION,
            signal,
          })) as AsyncIterable<ExecutionResult<T>> | ExecutionResult<T>;
        },
      };
      return [a.id, client];
    }),
  );
}

export const gql = (source: string): DocumentNode => parse(source);
