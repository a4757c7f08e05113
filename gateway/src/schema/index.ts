// The gateway API: the caller, the members, the federated directory and alerts, publishing at
// the caller's own node, and the caller's node's live feed.

import { alertKey, decodeAlertCursor, encodeAlertCursor, MAX_ALERTS_PER_BATCH, untilTokenExpiry } from '@corridor/proto';
import type { AlertFields, HitAnswerView } from '@corridor/proto/graphql';
import { GraphQLError } from 'graphql';
import { checkBatches, type OtherAnswer } from '../check-batches.js';
import { mergeAlerts } from '../merge.js';
import { graphql } from '../node-gql/index.js';
import {
  ALERTS_QUERY,
  AMEND_MUTATION,
  AUDIT_HEADS_QUERY,
  AUDIT_LOG_QUERY,
  FEED_SUBSCRIPTION,
  PUBLISH_MUTATION,
  PURGE_REPORT_QUERY,
  SUBSCRIBED_ALERTS_QUERY,
  VERIFY_AUDIT_QUERY,
  WITHDRAW_MUTATION,
} from '../node-queries.js';
import { builder, contract, type GatewayContext, inputs } from './builder.js';
import './activity.js';
import './consultations.js';
import './directory.js';
import './statistics.js';
import { forwardToOwnNode, fromOwnNode, ownNode } from './own-node.js';
import { askNodes, askNodesWith, gatheredResult } from './shared.js';

const AlertResult = gatheredResult<{ alerts: AlertFields[]; nextCursor: string | null }>('AlertResult', (t) => ({
  alerts: t.field({ type: [contract.AlertRef], resolve: (r) => r.alerts }),
  nextCursor: t.exposeString('nextCursor', {
    nullable: true,
    description: 'Pass as `after` for the next page; null when this page was the last.',
  }),
}));

/**
 * The caller as their token names them, bound to the membership (proto claim-mapping.ts): country is
 * their agency's, networks only those the membership lists their agency in, whatever the token says.
 */
const Me = builder.objectRef<Pick<GatewayContext, 'claims' | 'membership'>>('Me').implement({
  fields: (t) => ({
    subject: t.string({ resolve: ({ claims }) => claims.sub }),
    name: t.string({ resolve: ({ claims }) => claims.name }),
    agency: t.string({ resolve: ({ claims }) => claims.agency }),
    agencyName: t.string({
      resolve: ({ claims, membership }) => membership.agencies.find((a) => a.id === claims.agency)?.name ?? claims.agency,
    }),
    country: t.string({ resolve: ({ claims }) => claims.country }),
    roles: t.stringList({ resolve: ({ claims }) => claims.roles }),
    networks: t.stringList({ resolve: ({ claims }) => claims.networks }),
  }),
});

const Agency = builder.objectRef<{ id: string; name: string; country: string }>('Agency').implement({
  fields: (t) => ({ id: t.exposeID('id'), name: t.exposeString('name'), country: t.exposeString('country') }),
});

builder.queryType({
  fields: (t) => ({
    me: t.field({ type: Me, resolve: (_r, _a, { claims, membership }) => ({ claims, membership }) }),
    agencies: t.field({
      type: [Agency],
      resolve: (_r, _a, ctx) => ctx.membership.agencies.map((a) => ({ id: a.id, name: a.name, country: a.country })),
    }),
    alerts: t.field({
      type: AlertResult,
      description: 'Alerts of every agency that the caller may see, newest first, a page at a time.',
      args: {
        kind: t.arg.string({ required: false }),
        limit: t.arg.int({ defaultValue: 100, required: true }),
        after: t.arg.string({ required: false, description: 'The nextCursor of the page before.' }),
      },
      resolve: async (_r, args, ctx) => {
        const limit = Math.min(Math.max(args.limit, 1), 1000);
        // A bad cursor is one clear error here instead of one per node.
        if (args.after) decodeAlertCursor(args.after);
        // Every node pages in the network's one order from the same key, so the first `limit` of
        // the merged answers are exactly the next page, wherever each alert is held.
        const { answers, sources } = await askNodes(ctx, 'alerts', ALERTS_QUERY, {
          kind: args.kind ?? null,
          limit,
          after: args.after ?? null,
        });
        const alerts = mergeAlerts(
          answers.map((a) => a.data.alerts),
          limit,
        );
        const last = alerts[limit - 1];
        return { alerts, sources, nextCursor: last ? encodeAlertCursor(alertKey(last)) : null };
      },
    }),
  }),
});

builder.queryFields((t) => ({
  releasePreview: t.field({
    type: [contract.ReleasePreviewItemRef],
    description:
      "Who would receive a draft alert of the caller's agency, per other member agency, under its release policy in force: asked of its own node, which stores and sends nothing.",
    args: { input: t.arg({ type: inputs.AlertInput, required: true }) },
    resolve: fromOwnNode(
      graphql(`query ReleasePreview($input: AlertInput!) {
        releasePreview(input: $input) { agency name country receives reason rule policyVersion withheld readers { role rule withheld } }
      }`),
    ),
  }),
}));

builder.mutationType({
  fields: (t) => ({
    publishAlert: t.field({
      type: contract.AlertRef,
      description: "Publishes an alert at the caller's own agency node, which validates and pseudonymizes it.",
      args: { input: t.arg({ type: inputs.AlertInput, required: true }) },
      resolve: async (_r, args, ctx) => await forwardToOwnNode(ctx, PUBLISH_MUTATION, { input: args.input }),
    }),
    publishAlerts: t.field({
      type: [contract.AlertRef],
      description: `Publishes up to ${MAX_ALERTS_PER_BATCH} alerts at the caller's own agency node, all or none: one refused item refuses the call, each refused field named under its item (inputs[17].route.waypoints[0].country). Answers the stored alerts in input order.`,
      args: { inputs: t.arg({ type: [inputs.AlertInput], required: true }) },
      resolve: fromOwnNode(
        graphql(`mutation PublishBatch($inputs: [AlertInput!]!) { publishAlerts(inputs: $inputs) { ...NodeAlertFields } }`),
      ),
    }),
    amendAlert: t.field({
      type: contract.AlertRef,
      description: "Issues a new revision of one of the caller's agency's alerts, at its own node.",
      args: {
        id: t.arg.id({ required: true }),
        input: t.arg({ type: inputs.AlertInput, required: true }),
        revision: t.arg.int({
          required: false,
          description: 'The revision the officer was looking at; a later one makes this a CONFLICT.',
        }),
      },
      resolve: async (_r, args, ctx) =>
        await forwardToOwnNode(ctx, AMEND_MUTATION, { id: args.id, input: args.input, revision: args.revision ?? null }),
    }),
    withdrawAlert: t.field({
      type: contract.AlertRef,
      description: "Withdraws one of the caller's agency's alerts, at its own node, saying why.",
      args: {
        id: t.arg.id({ required: true }),
        reason: t.arg.string({ required: false, description: 'Required: why the alert no longer holds; partners read it.' }),
        revision: t.arg.int({
          required: false,
          description: 'The revision the officer was looking at; a later one makes this a CONFLICT.',
        }),
      },
      resolve: async (_r, args, ctx) =>
        await forwardToOwnNode(ctx, WITHDRAW_MUTATION, {
          id: args.id,
          reason: args.reason ?? null,
          revision: args.revision ?? null,
        }),
    }),
  }),
});

builder.queryFields((t) => ({
  alertHistory: t.field({
    type: [contract.AlertRef],
    description: "Every revision the caller's own node holds of an alert, oldest first: its own alerts' and those it received.",
    args: { id: t.arg.id({ required: true }) },
    resolve: fromOwnNode(graphql(`query AlertHistory($id: ID!) { alertHistory(id: $id) { ...NodeAlertFields } }`)),
  }),
  mySubscription: t.field({
    type: contract.RouteSubscriptionRef,
    nullable: true,
    description: "The caller's route subscription (proto routeSubscription), kept at their own node.",
    resolve: fromOwnNode(graphql(`query MySubscription { mySubscription { ...NodeSubscriptionFields } }`)),
  }),
  subscribedAlerts: t.field({
    type: [contract.SubscribedAlertRef],
    description: "Alerts at the caller's node matching their subscription, newest first, read or unread.",
    args: { unreadOnly: t.arg.boolean({ defaultValue: false, required: true }), limit: t.arg.int({ defaultValue: 200, required: true }) },
    resolve: async (_r, args, ctx) => {
      const list = await forwardToOwnNode(ctx, SUBSCRIBED_ALERTS_QUERY, args);
      return list.map((s) => ({ read: s.read, alert: s.alert }));
    },
  }),
}));

const HitCheckResult = gatheredResult<{ hit: boolean; answers: HitAnswerView[] }>(
  'HitCheckResult',
  (t) => ({
    hit: t.exposeBoolean('hit', { description: 'True when at least one agency answered hit.' }),
    answers: t.field({ type: [contract.HitAnswerRef], resolve: (r) => r.answers }),
  }),
  'Every agency’s answer to a hit / no-hit check, and which agencies answered.',
);

builder.queryFields((t) => ({
  hitCheck: t.field({
    type: HitCheckResult,
    description:
      "Hit / no hit for an identifier (proto identifierInput): the caller's own node turns it into pseudonyms, every node answers for its own alerts under its policy. The raw value goes to the caller's own node only.",
    args: { identifier: t.arg({ type: inputs.IdentifierInput, required: true }) },
    resolve: async (_r, args, ctx) => {
      // The caller's own node pseudonymizes and answers for itself in one request; the other
      // nodes are then asked about the pseudonyms. Both go in batches with the checks of other
      // callers asked at the same moment (check-batches.ts), each under its own caller's token.
      const started = performance.now();
      const node = ownNode(ctx);
      const ownResult = await checkBatches(node).own({ authorization: ctx.authorization, identifier: args.identifier });
      if ('error' in ownResult)
        // The node's own words and codes (VALIDATION_FAILED with fieldErrors, RATE_LIMITED) reach the console unchanged.
        throw new GraphQLError(ownResult.error.message, { extensions: { agency: ctx.claims.agency, ...ownResult.error.extensions } });
      const own = ownResult.data;
      const ownSource = { agency: ctx.claims.agency, ok: true, latencyMs: Math.round(performance.now() - started), error: null };
      const others = [...ctx.nodes.values()].filter((n) => n.agency !== ctx.claims.agency);
      const { answers, sources } = await askNodesWith<OtherAnswer>(
        ctx,
        'hitCheck',
        async (client, authorization) => {
          const r = await checkBatches(client).other({ authorization, pseudonyms: own.pseudonyms, deadlineMs: ctx.deadlineMs });
          return 'error' in r ? { errors: [r.error] } : { data: r.data };
        },
        others,
      );
      const all = [own.answer, ...answers.map((a) => a.data)].sort(
        (a, b) => Number(b.hit) - Number(a.hit) || a.agency.localeCompare(b.agency),
      );
      // Sources in the membership's order, as every gathered answer lists them.
      const bySource = new Map([ownSource, ...sources].map((x) => [x.agency, x]));
      const ordered = [...ctx.nodes.keys()].flatMap((agency) => bySource.get(agency) ?? []);
      return { hit: all.some((a) => a.hit), answers: all, sources: ordered };
    },
  }),
}));

builder.queryFields((t) => ({
  auditLog: t.field({
    type: [contract.AuditEntryRef],
    description: "Releases of the caller's agency's data to other agencies, newest first, from its own node (administrators).",
    args: {
      limit: t.arg.int({ defaultValue: 100, required: true }),
      before: t.arg.string({ required: false }),
      agency: t.arg.string({ required: false }),
    },
    resolve: (_r, args, ctx) =>
      forwardToOwnNode(ctx, AUDIT_LOG_QUERY, { limit: args.limit, before: args.before ?? null, agency: args.agency ?? null }),
  }),
  purgeReport: t.field({
    type: contract.PurgeReportRef,
    description:
      "What the caller's agency's own node purged under its retention document in a period (administrators): counts per kind, items and tombstone hashes, for the data-protection officer.",
    args: { from: t.arg.string({ required: false }), to: t.arg.string({ required: false }) },
    resolve: (_r, args, ctx) => forwardToOwnNode(ctx, PURGE_REPORT_QUERY, { from: args.from ?? null, to: args.to ?? null }),
  }),
  verifyAuditLog: t.field({
    type: contract.AuditVerificationRef,
    description:
      "Verifies the caller's agency's release audit (administrators): every partner node is asked for the signed heads of that chain it holds, and the agency's own node recomputes the chain and compares them with it. Partners that did not answer are named.",
    resolve: async (_r, _a, ctx) => {
      const partners = [...ctx.nodes.values()].filter((n) => n.agency !== ctx.claims.agency);
      const { answers, sources } = await askNodes(ctx, 'verifyAuditLog', AUDIT_HEADS_QUERY, { limit: HEADS_PER_PARTNER }, partners);
      // A partner answers for what it holds: the holder is the partner that answered, whatever it says.
      const heads = answers.flatMap((a) => a.data.auditHeads.map((h) => ({ holder: a.agency, jws: h.jws })));
      const answered = answers.map((a) => a.agency);
      const verdict = await forwardToOwnNode(ctx, VERIFY_AUDIT_QUERY, { heads, answered });
      return { ...verdict, unanswered: sources.filter((s) => !s.ok).map((s) => s.agency) };
    },
  }),
}));

/** The newest heads each partner holds: enough to span a split view served since the last few heads. */
const HEADS_PER_PARTNER = 20;

builder.mutationFields((t) => ({
  setSubscription: t.field({
    type: contract.RouteSubscriptionRef,
    description: "Replaces the caller's route subscription at their own node.",
    args: { filter: t.arg({ type: inputs.RouteSubscriptionInput, required: true }) },
    resolve: fromOwnNode(
      graphql(
        `mutation SetSubscription($filter: RouteSubscriptionInput!) { setSubscription(filter: $filter) { ...NodeSubscriptionFields } }`,
      ),
    ),
  }),
  markAlertsRead: t.int({
    description: 'Marks alerts read for the caller; answers how many were newly marked.',
    args: { ids: t.arg.idList({ required: true }) },
    resolve: fromOwnNode(graphql(`mutation MarkRead($ids: [ID!]!) { markAlertsRead(ids: $ids) }`)),
  }),
}));

builder.subscriptionType({
  fields: (t) => ({
    alertFeed: t.field({
      type: contract.AlertRef,
      description: "New alerts the caller may see, as stored at the caller's own agency node.",
      args: {
        subscribed: t.arg.boolean({
          defaultValue: false,
          required: true,
          description: "Only alerts matching the caller's route subscription.",
        }),
      },
      // The stream ends when the caller's token expires; the console then asks them to sign in again.
      subscribe: (_r, args, ctx) => untilTokenExpiry(relayFeed(ctx, args.subscribed), ctx.claims.exp),
      resolve: (a) => a,
    }),
  }),
});

/**
 * What the caller's own node reads of their token to answer the feed (services alerts/schema.ts):
 * their agency (and through it their node), roles and networks; with the route filter on, the
 * user's own subscription. Callers under one key are sent the same events, so they share one
 * upstream feed (shared-feeds.ts).
 */
export function feedKey(ctx: Pick<GatewayContext, 'claims'> & { node: string }, subscribed: boolean): string {
  const { claims } = ctx;
  return JSON.stringify([
    ctx.node,
    claims.agency,
    [...claims.roles].sort(),
    [...claims.networks].sort(),
    subscribed ? ['route-subscription', claims.sub] : ['all'],
  ]);
}

function relayFeed(ctx: GatewayContext, subscribed: boolean) {
  const node = ownNode(ctx);
  const agency = ctx.claims.agency;
  const refused = (message: string) => new GraphQLError(message, { extensions: { code: 'NODE_UNAVAILABLE', agency } });
  return ctx.sharedFeeds.join(
    feedKey({ claims: ctx.claims, node: node.endpoint }, subscribed),
    { authorization: ctx.authorization, exp: ctx.claims.exp },
    async (authorization, signal) => {
      const result = await node.subscribe(FEED_SUBSCRIPTION, { subscribed }, authorization, signal);
      if (!(Symbol.asyncIterator in result))
        throw refused(`agency ${agency} refused the feed: ${result.errors?.[0]?.message ?? 'no stream'}`);
      return (async function* () {
        try {
          for await (const event of result) {
            if (event.data?.alertFeed) yield event.data.alertFeed;
            else if (event.errors?.length) throw refused(event.errors[0]?.message ?? 'feed error');
          }
        } catch (e) {
          // The connection to the node broke: the node's to answer for, by name, not a defect here.
          if (e instanceof GraphQLError || signal.aborted) throw e;
          throw refused(`agency ${agency}'s feed broke off: ${(e as Error).message}`);
        }
      })();
    },
  );
}

export const schema = builder.toSchema();
