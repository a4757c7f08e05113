// An officer's live activity (issue 15, "Nothing missed") is their own node's: the counts since
// they last opened each page, marking a page opened, and the stream that says something changed.
// All three are asked of the caller's own node only, with the caller's own token: no argument
// names another agency, and the node refuses a token of any other agency's user.
import { untilTokenExpiry } from '@corridor/proto';
import { GraphQLError } from 'graphql';
import { graphql } from '../node-gql/index.js';
import { builder, contract, type GatewayContext } from './builder.js';
import { fromOwnNode, ownNode } from './own-node.js';

const ACTIVITY_SUBSCRIPTION = graphql(`subscription Activity { activity { kind id consultationId } }`);

builder.queryFields((t) => ({
  myActivity: t.field({
    type: contract.ActivityCountsRef,
    description: 'What arrived for the caller since they last opened the page showing each kind, counted at their own node.',
    resolve: fromOwnNode(graphql(`query MyActivity { myActivity { alert consultation request protection } }`)),
  }),
}));

builder.mutationFields((t) => ({
  markActivitySeen: t.field({
    type: contract.ActivityCountsRef,
    description:
      'The caller opened the page showing this kind (alert, consultation, request, protection) now; answers the counts after it.',
    args: { kind: t.arg.string({ required: true }) },
    resolve: fromOwnNode(
      graphql(`mutation MarkActivitySeen($kind: String!) { markActivitySeen(kind: $kind) { alert consultation request protection } }`),
    ),
  }),
}));

builder.subscriptionFields((t) => ({
  activity: t.field({
    type: contract.ActivityEventRef,
    description:
      'Each time something arrives or changes for the caller at their own node: its kind and id only. Re-read myActivity and the page that shows it.',
    // The stream ends when the caller's token expires, as the alert feed does.
    subscribe: (_r, _a, ctx) => untilTokenExpiry(relayActivity(ctx), ctx.claims.exp),
    resolve: (e) => e,
  }),
}));

/**
 * The caller's node's activity stream, one upstream per caller: it is the caller's own, so nothing
 * is shared. The upstream is closed when the caller goes away (the request's signal): a generator
 * waiting for the node's next event would otherwise hear of it only at that event.
 */
async function* relayActivity(ctx: GatewayContext) {
  const node = ownNode(ctx);
  const agency = ctx.claims.agency;
  const refused = (message: string) => new GraphQLError(message, { extensions: { code: 'NODE_UNAVAILABLE', agency } });
  const abort = new AbortController();
  const callerGone = () => abort.abort();
  ctx.request.signal.addEventListener('abort', callerGone, { once: true });
  try {
    const result = await node.subscribe(ACTIVITY_SUBSCRIPTION, {}, ctx.authorization, abort.signal);
    if (!(Symbol.asyncIterator in result)) {
      // The node's own refusal (FORBIDDEN, UNAUTHENTICATED) reaches the console as it said it.
      const error = result.errors?.[0];
      throw new GraphQLError(error?.message ?? `agency ${agency} refused the activity stream`, {
        extensions: { agency, ...(error?.extensions ?? { code: 'NODE_UNAVAILABLE' }) },
      });
    }
    for await (const event of result) {
      if (event.data?.activity) yield event.data.activity;
      else if (event.errors?.length) throw refused(event.errors[0]?.message ?? 'activity stream error');
    }
  } catch (e) {
    if (abort.signal.aborted) return;
    // The connection to the node broke: the node's to answer for, by name, not a defect here.
    if (e instanceof GraphQLError) throw e;
    throw refused(`agency ${agency}'s activity stream broke off: ${(e as Error).message}`);
  } finally {
    ctx.request.signal.removeEventListener('abort', callerGone);
    abort.abort();
  }
}
