// The node's activity fields (issue 15, "Nothing missed"), for this agency's own users: what
// arrived for the caller since they last opened each page, marking a page opened, and the live
// stream that says something changed. Another agency's user is refused at subscribe time, before
// any event: an agency's activity is its own officers' alone (who-may-call.spec.ts).
import { type ActivityEvent, activitySeenInput, parseOrThrow, untilTokenExpiry } from '@corridor/proto';
import { Repeater } from 'graphql-yoga';
import { builder, contract } from '../schema/builder.js';
import { getSubscription } from '../subscriptions/subscription-store.js';
import { activityCounts, alertActivity, consultationActivity } from './activity.js';
import { markSeen } from './activity-store.js';

const WHAT = 'follow the agency’s activity';

builder.queryFields((t) => ({
  myActivity: t.field({
    type: contract.ActivityCountsRef,
    description: 'What arrived for the caller since they last opened the page showing each kind (markActivitySeen).',
    authScopes: { ownAgency: WHAT },
    resolve: (_r, _a, ctx) => activityCounts(ctx.services.db, ctx.services.agency.id, ctx.claims.sub),
  }),
}));

builder.mutationFields((t) => ({
  markActivitySeen: t.field({
    type: contract.ActivityCountsRef,
    description: 'The caller opened the page showing this kind (proto ACTIVITY_KINDS) now; answers the counts after it.',
    args: { kind: t.arg.string({ required: true }) },
    authScopes: { ownAgency: WHAT },
    resolve: async (_r, args, ctx) => {
      const { kind } = parseOrThrow(activitySeenInput, { kind: args.kind }, 'activity kind');
      await markSeen(ctx.services.db, ctx.claims.sub, kind);
      return activityCounts(ctx.services.db, ctx.services.agency.id, ctx.claims.sub);
    },
  }),
}));

builder.subscriptionFields((t) => ({
  activity: t.field({
    type: contract.ActivityEventRef,
    description:
      'From now on, each time something arrives or changes for the caller (an alert on their routes, a consultation message, a request’s status, a protection notice): its kind and id only. Re-read the counts (myActivity) and the page.',
    authScopes: { ownAgency: WHAT },
    subscribe: async (_r, _a, ctx) => {
      const self = ctx.services.agency.id;
      const subject = ctx.claims.sub;
      // The officer's route subscription as it stands: read when the stream opens, and again
      // whenever they change it (subscriptions/schema.ts announces it), not at every alert.
      let subscription = await getSubscription(ctx.services.db, subject);
      const events = Repeater.merge([
        flatMap(ctx.services.feed.subscribe('alert'), (a) => alertActivity(a, self, subscription)),
        flatMap(ctx.services.feed.subscribe('consultationEvent'), consultationActivity),
        // Updates what the alerts are filtered by, and sends nothing itself.
        flatMap(ctx.services.feed.subscribe('subscriptionChanged'), async (changed): Promise<never[]> => {
          if (changed === subject) subscription = await getSubscription(ctx.services.db, subject);
          return [];
        }),
      ]);
      // The node ends the stream itself when the token expires, as it does the alert feed.
      return untilTokenExpiry(events, ctx.claims.exp);
    },
    resolve: (e: ActivityEvent) => e,
  }),
}));

async function* flatMap<T, U>(source: AsyncIterable<T>, f: (item: T) => readonly U[] | Promise<readonly U[]>): AsyncGenerator<U> {
  for await (const item of source) yield* await f(item);
}
