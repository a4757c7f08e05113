// The node's route subscription fields, for this agency's own users: their subscription, the
// alerts matching it with read marks, and marking alerts read.
import { builder, contract, inputs } from '../schema/builder.js';
import { getSubscription, markRead, setSubscription, subscribedAlerts } from './subscription-store.js';

builder.queryFields((t) => ({
  mySubscription: t.field({
    type: contract.RouteSubscriptionRef,
    nullable: true,
    description: 'The caller’s route subscription (proto routeSubscription), or null.',
    authScopes: { ownAgency: 'keep subscriptions' },
    resolve: (_root, _args, ctx) => getSubscription(ctx.services.db, ctx.claims.sub),
  }),
  subscribedAlerts: t.field({
    type: [contract.SubscribedAlertRef],
    description: 'Alerts held here that match the caller’s subscription, newest first, read or unread.',
    args: { unreadOnly: t.arg.boolean({ defaultValue: false, required: true }), limit: t.arg.int({ defaultValue: 200, required: true }) },
    authScopes: { ownAgency: 'keep subscriptions' },
    resolve: (_root, args, ctx) => subscribedAlerts(ctx.services.db, ctx.claims.sub, args),
  }),
}));

builder.mutationFields((t) => ({
  setSubscription: t.field({
    type: contract.RouteSubscriptionRef,
    description: 'Replaces the caller’s route subscription (proto routeSubscription).',
    args: { filter: t.arg({ type: inputs.RouteSubscriptionInput, required: true }) },
    authScopes: { ownAgency: 'keep subscriptions' },
    resolve: async (_root, args, ctx) => {
      const filter = await setSubscription(ctx.services.db, ctx.claims.sub, args.filter);
      // The officer's open activity streams filter alerts by it: they read it again.
      ctx.services.feed.publish('subscriptionChanged', ctx.claims.sub);
      return filter;
    },
  }),
  markAlertsRead: t.int({
    description: 'Marks alerts read for the caller; answers how many were newly marked.',
    args: { ids: t.arg.idList({ required: true }) },
    authScopes: { ownAgency: 'keep subscriptions' },
    resolve: (_root, args, ctx) => markRead(ctx.services.db, ctx.claims.sub, args.ids.map(String)),
  }),
}));
