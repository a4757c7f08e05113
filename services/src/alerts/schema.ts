// The node's alert fields: listing and reading alerts under the release policy, publishing,
// amending and withdrawing this agency's own, their history, and the live feed.
import {
  type Alert,
  type AlertKey,
  alertKey,
  decodeAlertCursor,
  MAX_ALERTS_PER_BATCH,
  matchesSubscription,
  mayRelease,
  untilTokenExpiry,
  ValidationError,
} from '@corridor/proto';
import type { AlertWithCorrelations } from '@corridor/proto/graphql';
import { builder, contract, inputs, type NodeContext } from '../schema/builder.js';
import { AlertScopeEnum } from '../schema/types.js';
import { getSubscription } from '../subscriptions/subscription-store.js';
import { amendAlert, withdrawAlert } from './alert-lifecycle.js';
import { alertHistory, getAlert, listAlerts } from './alert-store.js';
import { alertAnswer, releaseToCaller } from './answer-release.js';
import { correlationsOf } from './correlation.js';
import { publishAlert, publishAlerts, withDecider } from './publish-alert.js';
import { previewRelease } from './release-preview.js';

builder.queryType({
  fields: (t) => ({
    alerts: t.field({
      type: [contract.AlertRef],
      description: 'Alerts in the network’s order (newest first, then agency, then id), after a cursor if given.',
      args: {
        scope: t.arg({ type: AlertScopeEnum, defaultValue: 'OWN', required: true }),
        kind: t.arg.string({ required: false }),
        limit: t.arg.int({ defaultValue: 100, required: true }),
        after: t.arg.string({ required: false, description: 'The cursor of the last alert already seen (proto alert-order).' }),
      },
      resolve: (_root, args, ctx) => answerAlerts(ctx, { ...args, after: args.after ? decodeAlertCursor(args.after) : null }),
    }),
    alert: t.field({
      type: contract.AlertRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, args, ctx) => {
        const a = await getAlert(ctx.services.db, String(args.id), ctx.claims.agency, ctx.services.agency.id);
        if (!a) return null;
        const [released] = await releaseToCaller(ctx.services, ctx.claims, [a], alertAnswer(ctx.services));
        return released ?? null;
      },
    }),
  }),
});

/**
 * Fills a page of `limit` alerts the caller may see. The release policy may hold some back, so
 * the node reads on past them (a bounded number of times) rather than answer a short page.
 */
async function answerAlerts(
  ctx: NodeContext,
  args: { scope: 'OWN' | 'RECEIVED' | 'ALL'; kind?: string | null; limit: number; after: AlertKey | null },
): Promise<Alert[]> {
  const limit = Math.min(Math.max(args.limit, 1), 1000);
  const answer = alertAnswer(ctx.services);
  const out: Alert[] = [];
  let after = args.after;
  for (let round = 0; round < 10 && out.length < limit; round++) {
    const want = limit - out.length;
    const page = await listAlerts(ctx.services.db, {
      self: ctx.services.agency.id,
      viewerAgency: ctx.claims.agency,
      scope: args.scope,
      kind: args.kind,
      limit: want,
      after,
    });
    out.push(...(await releaseToCaller(ctx.services, ctx.claims, page, answer)));
    const last = page[page.length - 1];
    if (page.length < want || !last) break;
    after = alertKey(last);
  }
  if (ctx.claims.agency !== ctx.services.agency.id) return out;
  // The agency's own users see the correlation notices this node knows of.
  const known = await correlationsOf(
    ctx.services.db,
    out.map((a) => a.id),
  );
  return out.map((a): AlertWithCorrelations => ({ ...a, correlations: known.get(a.id) ?? [] }));
}

builder.mutationType({
  fields: (t) => ({
    publishAlert: t.field({
      type: contract.AlertRef,
      description: 'Publishes an alert of this agency (proto alertInput). Identifiers are pseudonymized here.',
      args: { input: t.arg({ type: inputs.AlertInput, required: true }) },
      authScopes: { ownAgency: 'publish' },
      resolve: async (_root, args, ctx) => {
        try {
          const published = await publishAlert(ctx.services.publishContext, withDecider(args.input, ctx.claims.name), ctx.claims);
          ctx.services.log.info('alert published', { alert: published.id, kind: published.kind, tlp: published.tlp, user: ctx.claims.sub });
          return published;
        } catch (e) {
          // Logged by field path only: the values may hold personal identifiers.
          if (e instanceof ValidationError)
            ctx.services.log.info('alert refused', { user: ctx.claims.sub, fields: e.fieldErrors.map((f) => f.path) });
          throw e;
        }
      },
    }),
    publishAlerts: t.field({
      type: [contract.AlertRef],
      description: `Publishes up to ${MAX_ALERTS_PER_BATCH} alerts of this agency at once, all or none: one refused item refuses the call, each refused field named under its item (inputs[17].route.waypoints[0].country). Answers the stored alerts in input order.`,
      args: { inputs: t.arg({ type: [inputs.AlertInput], required: true }) },
      authScopes: { ownAgency: 'publish' },
      resolve: async (_root, args, ctx) => {
        try {
          const published = await publishAlerts(
            ctx.services.publishContext,
            args.inputs.map((i) => withDecider(i, ctx.claims.name)),
            ctx.claims,
          );
          ctx.services.log.info('alerts published', { count: published.length, user: ctx.claims.sub });
          return published;
        } catch (e) {
          // Logged by field path only: the values may hold personal identifiers.
          if (e instanceof ValidationError)
            ctx.services.log.info('alerts refused', { user: ctx.claims.sub, fields: e.fieldErrors.map((f) => f.path).slice(0, 50) });
          throw e;
        }
      },
    }),
  }),
});

builder.mutationFields((t) => ({
  amendAlert: t.field({
    type: contract.AlertRef,
    description: 'Issues a new revision of an alert of this agency with new content (proto alertInput); kind, TLP and recipients stay.',
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: inputs.AlertInput, required: true }),
      revision: t.arg.int({ required: false, description: 'The revision the officer was looking at; a later one makes this a CONFLICT.' }),
    },
    authScopes: { ownAgency: 'amend alerts' },
    resolve: async (_root, args, ctx) => {
      const amended = await amendAlert(
        ctx.services.publishContext,
        String(args.id),
        withDecider(args.input, ctx.claims.name),
        args.revision,
        ctx.claims,
      );
      ctx.services.log.info('alert amended', { alert: amended.id, revision: amended.revision, user: ctx.claims.sub });
      return amended;
    },
  }),
  withdrawAlert: t.field({
    type: contract.AlertRef,
    description: 'Issues a last revision saying the alert no longer holds, and why (proto withdrawalInput).',
    args: {
      id: t.arg.id({ required: true }),
      // Optional in the schema so that a missing reason is a field error naming `reason`, not a parse error.
      reason: t.arg.string({ required: false, description: 'Required: why the alert no longer holds; partners read it.' }),
      revision: t.arg.int({ required: false, description: 'The revision the officer was looking at; a later one makes this a CONFLICT.' }),
    },
    authScopes: { ownAgency: 'withdraw alerts' },
    resolve: async (_root, args, ctx) => {
      const withdrawn = await withdrawAlert(
        ctx.services.publishContext,
        String(args.id),
        args.reason == null ? {} : { reason: args.reason },
        args.revision,
      );
      ctx.services.log.info('alert withdrawn', { alert: withdrawn.id, revision: withdrawn.revision, user: ctx.claims.sub });
      return withdrawn;
    },
  }),
}));

builder.queryFields((t) => ({
  alertHistory: t.field({
    type: [contract.AlertRef],
    description: 'Every revision this node holds of an alert, oldest first; for this agency’s own users (audit).',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { ownAgency: 'read alert history' },
    resolve: (_root, args, ctx) => alertHistory(ctx.services.db, String(args.id)),
  }),
}));

builder.queryFields((t) => ({
  releasePreview: t.field({
    type: [contract.ReleasePreviewItemRef],
    description:
      'Who would receive this draft alert of the agency, per other member agency, under the release policy and membership in force: nothing is stored, sent or pseudonymized; a bad draft is refused as publishAlert would refuse it.',
    args: { input: t.arg({ type: inputs.AlertInput, required: true }) },
    authScopes: { ownAgency: 'preview who receives alerts' },
    resolve: (_root, args, ctx) => previewRelease(ctx.services.publishContext, withDecider(args.input, ctx.claims.name)),
  }),
}));

builder.subscriptionType({
  fields: (t) => ({
    alertFeed: t.field({
      type: contract.AlertRef,
      description: 'Every alert stored at this node from now on (own or received) that the caller may see.',
      args: {
        subscribed: t.arg.boolean({
          defaultValue: false,
          required: true,
          description: 'Only alerts matching the caller’s route subscription.',
        }),
      },
      subscribe: async (_root, args, ctx) => {
        const subscription = args.subscribed ? await getSubscription(ctx.services.db, ctx.claims.sub) : null;
        const own = ctx.claims.agency === ctx.services.agency.id;
        // The node ends the stream itself when the token expires: it does not rely on the gateway to.
        const live = untilTokenExpiry(ctx.services.feed.subscribe('alert'), ctx.claims.exp);
        return released(live, async (a) => {
          if (subscription && !matchesSubscription(a, subscription)) return null;
          // A user of another agency connected here sees this agency's own alerts under its policy only.
          if (!own)
            return a.origin.agency === ctx.services.agency.id
              ? ((await releaseToCaller(ctx.services, ctx.claims, [a], alertAnswer(ctx.services)))[0] ?? null)
              : null;
          return mayRelease(a, ctx.claims.agency) ? a : null;
        });
      },
      resolve: (a) => a,
    }),
  }),
});

async function* released<T>(source: AsyncIterable<T>, release: (item: T) => Promise<T | null>): AsyncGenerator<T> {
  for await (const item of source) {
    const out = await release(item);
    if (out) yield out;
  }
}
