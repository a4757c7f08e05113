// What several gateway fields share: which nodes answered a fanned-out query, and with what credentials each is asked.
import { GraphQLError } from 'graphql';
import type { SourceStatus } from '../fan-out.js';
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
