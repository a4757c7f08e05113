// What several gateway fields share: which nodes answered a fanned-out query, and forwarding a
// question to the caller's own agency node alone.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { GraphQLError } from 'graphql';
import type { SourceStatus } from '../fan-out.js';
import type { Variables } from '../node-clients.js';
import { builder, type GatewayContext } from './builder.js';

export const SourceRef = builder.objectRef<SourceStatus>('Source').implement({
  description: 'How one agency node answered this query.',
  fields: (t) => ({
    agency: t.exposeString('agency'),
    ok: t.exposeBoolean('ok'),
    latencyMs: t.exposeInt('latencyMs'),
    error: t.exposeString('error', { nullable: true }),
  }),
});

/** Each node that failed becomes an error naming its agency, next to the others' data. */
export function reportMissing(ctx: GatewayContext, sources: SourceStatus[], field: string): void {
  for (const s of sources.filter((x) => !x.ok)) {
    ctx.nodeErrors.push(
      new GraphQLError(`agency ${s.agency} did not answer: ${s.error}`, {
        path: [field],
        extensions: { code: 'NODE_UNAVAILABLE', agency: s.agency },
      }),
    );
  }
}

/** The Authorization header for `agency`'s node: the caller's own for their node, a delegated one elsewhere. */
export function authorizationFor(ctx: GatewayContext): (agency: string) => Promise<string> {
  const caller = { authorization: ctx.authorization, agency: ctx.claims.agency };
  return (agency) => ctx.delegatedTokens.authorizationFor(caller, agency);
}

/**
 * What only the caller's own agency node holds or may change (its alerts, the caller's
 * subscription) is asked there alone; the node checks the token again.
 */
export async function forwardToOwnNode<R extends { [field: string]: unknown }, V extends Variables, F extends keyof R & string>(
  ctx: GatewayContext,
  document: TypedDocumentNode<R, V>,
  variables: V,
  field: F,
): Promise<R[F]> {
  const node = ctx.nodes.get(ctx.claims.agency);
  if (!node) {
    throw new GraphQLError(`agency ${ctx.claims.agency} has no node in the network`, {
      extensions: { code: 'NODE_UNAVAILABLE', agency: ctx.claims.agency },
    });
  }
  const result = await node.execute(document, variables, ctx.authorization);
  const error = result.errors?.[0];
  if (error || !result.data || !(field in result.data)) {
    // The node's own words and codes (VALIDATION_FAILED with fieldErrors, CONFLICT) reach the console unchanged.
    throw new GraphQLError(error?.message ?? `agency ${ctx.claims.agency} did not answer`, {
      extensions: { agency: ctx.claims.agency, ...(error?.extensions ?? { code: 'NODE_UNAVAILABLE' }) },
    });
  }
  return result.data[field];
}
