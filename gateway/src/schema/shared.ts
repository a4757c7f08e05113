// What the gateway's fanned-out fields share: asking every node with the credentials each takes,
// reporting those that failed, and telling the caller which nodes answered.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { FieldMap } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { type FanOutResult, fanOutWith, type SourceStatus } from '../fan-out.js';
import type { NodeClient, Variables } from '../node-clients.js';
import { builder, type GatewayContext, type GatewaySchemaTypes } from './builder.js';

export const Agency = builder.objectRef<{ id: string; name: string; country: string }>('Agency').implement({
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name'), country: t.exposeString('country') }),
});

const SourceRef = builder.objectRef<SourceStatus>('Source').implement({
  description: 'How one agency node answered this query.',
  fields: (t) => ({
    agency: t.exposeString('agency'),
    ok: t.exposeBoolean('ok'),
    latencyMs: t.exposeInt('latencyMs'),
    error: t.exposeString('error', { nullable: true }),
  }),
});

/** An answer gathered from several nodes: its own fields, and how each node answered. */
type Gathered<Shape> = Shape & { sources: SourceStatus[] };

/** The object type of such an answer: `fields` declares its own fields, the sources are added here. */
export function gatheredResult<Shape extends object>(
  name: string,
  fields: (t: PothosSchemaTypes.ObjectFieldBuilder<GatewaySchemaTypes, Gathered<Shape>>) => FieldMap,
  description?: string,
) {
  return builder.objectRef<Gathered<Shape>>(name).implement({
    ...(description === undefined ? {} : { description }),
    fields: (t) => ({ ...fields(t), sources: t.field({ type: [SourceRef], resolve: (r) => r.sources }) }),
  });
}

/**
 * Asks `document` of every node (or of `nodes`) within the request's deadline; each node that
 * failed becomes an error on `field` naming its agency, next to the others' data.
 */
export function askNodes<T, V extends Variables>(
  ctx: GatewayContext,
  field: string,
  document: TypedDocumentNode<T, V>,
  variables: V,
  nodes: Iterable<NodeClient> = ctx.nodes.values(),
): Promise<FanOutResult<T>> {
  return askNodesWith(ctx, field, (client, authorization, signal) => client.execute(document, variables, authorization, signal), nodes);
}

/** askNodes with each node asked by `ask` (a batched request, check-batches.ts). */
export async function askNodesWith<T>(
  ctx: GatewayContext,
  field: string,
  ask: Parameters<typeof fanOutWith<T>>[1],
  nodes: Iterable<NodeClient> = ctx.nodes.values(),
): Promise<FanOutResult<T>> {
  const caller = { authorization: ctx.authorization, agency: ctx.claims.agency };
  // The caller's own token for their node, a delegated one elsewhere.
  const authorizationFor = (agency: string) => ctx.delegatedTokens.authorizationFor(caller, agency);
  const result = await fanOutWith(nodes, ask, authorizationFor, ctx.deadlineMs);
  for (const s of result.sources.filter((x) => !x.ok)) {
    ctx.nodeErrors.push(
      new GraphQLError(`agency ${s.agency} did not answer: ${s.error}`, {
        path: [field],
        extensions: { code: 'NODE_UNAVAILABLE', agency: s.agency },
      }),
    );
  }
  return result;
}
