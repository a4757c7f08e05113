// The node API: this agency's directory and alerts, publishing, and the live feed.
import {
  type Alert,
  type AlertKey,
  agencyId,
  agencyOf,
  alertKey,
  decodeAlertCursor,
  hitCheckRequest,
  identifierErrors,
  identifierInput,
  matchesSubscription,
  mayRelease,
  parseOrThrow,
  pseudonymizeUnderAll,
  untilTokenExpiry,
  ValidationError,
} from '@corridor/proto';
import type { AlertWithCorrelations, JsonObject } from '@corridor/proto/graphql';
import { amendAlert, withdrawAlert } from '../alerts/alert-lifecycle.js';
import { alertHistory, getAlert, listAlerts } from '../alerts/alert-store.js';
import { type Answer, releaseToCaller } from '../alerts/answer-release.js';
import { correlationsOf } from '../alerts/correlation.js';
import { publishAlert } from '../alerts/publish-alert.js';
import { heldHeadsOf, verifyAuditWithHeads } from '../audit/audit-heads.js';
import { listAudit } from '../audit/audit-log.js';
import { answerHitCheck } from '../hit-check/hit-check.js';
import { releaseAlert } from '../policy/release.js';
import { getSubscription, markRead, setSubscription, subscribedAlerts } from '../subscriptions/subscription-store.js';
import {
  AlertRef,
  AuditEntryRef,
  AuditHeadHeldRef,
  AuditHeadInput,
  AuditVerificationRef,
  builder,
  HitAnswerRef,
  type NodeContext,
  PseudonymRef,
  SubscribedAlertRef,
} from './builder.js';
import '../consultations/schema.js';
import '../directory/schema.js';
import '../statistics/schema.js';
import { AlertScopeEnum } from './types.js';

builder.queryType({
  fields: (t) => ({
    alerts: t.field({
      type: [AlertRef],
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
      type: AlertRef,
      nullable: true,
      args: { id: t.arg.id({ required: true }) },
      resolve: async (_root, args, ctx) => {
        const a = await getAlert(ctx.services.db, String(args.id), ctx.claims.agency, ctx.services.agency.id);
        if (!a) return null;
        const [released] = await releaseToCaller(ctx.services, ctx.claims, [a], alertAnswer(ctx));
        return released ?? null;
      },
    }),
  }),
});

function alertAnswer(ctx: NodeContext): Answer<Alert> {
  const policy = ctx.services.policy();
  const self = agencyOf(ctx.services.membership(), ctx.services.agency.id) ?? ctx.services.agency;
  return {
    resource: 'alert',
    decide: (a, to) => {
      const released = releaseAlert(policy, self, withoutCorrelations(a), to);
      return released && { ...released, item: withoutCorrelations(released.item) };
    },
    ref: (a) => `${a.id}@${a.revision}`,
  };
}

/** Correlations are this agency's own knowledge: never part of what it releases to another. */
function withoutCorrelations(a: Alert): Alert {
  if (!('correlations' in a)) return a;
  const { correlations: _, ...rest } = a as AlertWithCorrelations;
  return rest;
}

/**
 * Fills a page of `limit` alerts the caller may see. The release policy may hold some back, so
 * the node reads on past them (a bounded number of times) rather than answer a short page.
 */
async function answerAlerts(
  ctx: NodeContext,
  args: { scope: 'OWN' | 'RECEIVED' | 'ALL'; kind?: string | null; limit: number; after: AlertKey | null },
): Promise<Alert[]> {
  const limit = Math.min(Math.max(args.limit, 1), 1000);
  const answer = alertAnswer(ctx);
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
      type: AlertRef,
      description: 'Publishes an alert of this agency (proto alertInput). Identifiers are pseudonymized here.',
      args: { input: t.arg({ type: 'JSONObject', required: true }) },
      authScopes: { ownAgency: 'publish' },
      resolve: async (_root, args, ctx) => {
        try {
          const published = await publishAlert(ctx.services.publishContext, args.input);
          ctx.services.log.info('alert published', { alert: published.id, kind: published.kind, tlp: published.tlp, user: ctx.claims.sub });
          await raiseProtectionNotices(ctx, published);
          return published;
        } catch (e) {
          // Logged by field path only: the values may hold personal identifiers.
          if (e instanceof ValidationError)
            ctx.services.log.info('alert refused', { user: ctx.claims.sub, fields: e.fieldErrors.map((f) => f.path) });
          throw e;
        }
      },
    }),
  }),
});

/** The alert is stored and on its way; a notice missed here is raised when the node next starts. */
async function raiseProtectionNotices(ctx: NodeContext, a: Alert): Promise<void> {
  try {
    await ctx.services.protection.fromAlerts([a]);
  } catch (e) {
    ctx.services.log.error('raising a protection notice failed', { alert: a.id, error: (e as Error).message });
  }
}

builder.mutationFields((t) => ({
  amendAlert: t.field({
    type: AlertRef,
    description: 'Issues a new revision of an alert of this agency with new content (proto alertInput); kind, TLP and recipients stay.',
    args: {
      id: t.arg.id({ required: true }),
      input: t.arg({ type: 'JSONObject', required: true }),
      revision: t.arg.int({ required: false, description: 'The revision the officer was looking at; a later one makes this a CONFLICT.' }),
    },
    authScopes: { ownAgency: 'amend alerts' },
    resolve: async (_root, args, ctx) => {
      const amended = await amendAlert(ctx.services.publishContext, String(args.id), args.input, args.revision);
      ctx.services.log.info('alert amended', { alert: amended.id, revision: amended.revision, user: ctx.claims.sub });
      await raiseProtectionNotices(ctx, amended);
      return amended;
    },
  }),
  withdrawAlert: t.field({
    type: AlertRef,
    description: 'Issues a last revision saying the alert no longer holds.',
    args: {
      id: t.arg.id({ required: true }),
      revision: t.arg.int({ required: false, description: 'The revision the officer was looking at; a later one makes this a CONFLICT.' }),
    },
    authScopes: { ownAgency: 'withdraw alerts' },
    resolve: async (_root, args, ctx) => {
      const withdrawn = await withdrawAlert(ctx.services.publishContext, String(args.id), args.revision);
      ctx.services.log.info('alert withdrawn', { alert: withdrawn.id, revision: withdrawn.revision, user: ctx.claims.sub });
      return withdrawn;
    },
  }),
}));

builder.queryFields((t) => ({
  alertHistory: t.field({
    type: [AlertRef],
    description: 'Every revision this node holds of an alert, oldest first; for this agency’s own users (audit).',
    args: { id: t.arg.id({ required: true }) },
    authScopes: { ownAgency: 'read alert history' },
    resolve: (_root, args, ctx) => alertHistory(ctx.services.db, String(args.id)),
  }),
}));

builder.queryFields((t) => ({
  auditLog: t.field({
    type: [AuditEntryRef],
    description: 'Releases of this agency’s data to other agencies, newest first; for its administrators.',
    args: {
      limit: t.arg.int({ defaultValue: 100, required: true }),
      before: t.arg.string({ required: false, description: 'Rows before this seq (paging back).' }),
      agency: t.arg.string({ required: false, description: 'Only releases to this agency.' }),
    },
    authScopes: { administrators: 'read the release audit' },
    resolve: (_root, args, ctx) => {
      if (args.before != null && !/^\d{1,18}$/.test(args.before))
        throw new ValidationError('audit query', [{ path: 'before', rule: 'seq', message: 'must be a row number' }]);
      return listAudit(ctx.services.db, args);
    },
  }),
  verifyAuditLog: t.field({
    type: AuditVerificationRef,
    description:
      'Recomputes the audit’s hash chain and names the first row that does not verify; compares it with the signed heads partners hold (as the gateway collected them), naming truncation, rewrite and equivocation.',
    args: {
      heads: t.arg({ type: [AuditHeadInput], required: false, description: 'The heads partners answered to auditHeads.' }),
      answered: t.arg.stringList({
        required: false,
        description: 'The partners that answered auditHeads, also those holding no head: each should hold a head of the older rows.',
      }),
    },
    authScopes: { administrators: 'read the release audit' },
    resolve: (_root, args, ctx) => {
      const heads = args.heads ?? [];
      const answered = args.answered ?? [];
      const problems = [
        ...(heads.length > MAX_HEADS_COMPARED || heads.some((h) => h.jws.length > 4096 || !agencyId.safeParse(h.holder).success)
          ? [
              {
                path: 'heads',
                rule: 'size',
                message: `at most ${MAX_HEADS_COMPARED} heads, each held by an agency id, a JWS of at most 4096 characters`,
              },
            ]
          : []),
        ...(answered.length > MAX_HEADS_COMPARED || answered.some((a) => !agencyId.safeParse(a).success)
          ? [{ path: 'answered', rule: 'agency', message: `at most ${MAX_HEADS_COMPARED} agency ids` }]
          : []),
      ];
      if (problems.length > 0) throw new ValidationError('audit heads', problems);
      return verifyAuditWithHeads(ctx.services.db, ctx.services.agency.id, ctx.services.membership(), heads, {
        answered,
        schedule: ctx.services.auditHeadSchedule,
      });
    },
  }),
  auditHeads: t.field({
    type: [AuditHeadHeldRef],
    description:
      'The signed heads of the caller’s agency’s release audit that this node received and keeps, highest row first; for that agency’s administrators.',
    args: { limit: t.arg.int({ defaultValue: 20, required: true }) },
    // Another agency's administrators ask here about their own chain only: the heads carry nothing of this agency.
    authScopes: { anyAgencyAdministrator: 'read the audit heads held of it' },
    resolve: (_root, args, ctx) => heldHeadsOf(ctx.services.db, ctx.services.agency.id, ctx.claims.agency, args.limit),
  }),
}));

/** Twenty heads from each of fifty partners. */
const MAX_HEADS_COMPARED = 1000;

builder.queryFields((t) => ({
  identifierPseudonyms: t.field({
    type: [PseudonymRef],
    description:
      'The pseudonyms of an identifier (proto identifierInput) under the network key in use, for a hit / no-hit check; for this agency’s own users, rate-limited. The raw value is neither stored nor logged.',
    args: { identifier: t.arg({ type: 'JSONObject', required: true }) },
    authScopes: { ownAgency: 'check identifiers' },
    resolve: async (_root, args, ctx) => {
      const identifier = parseOrThrow(identifierInput, args.identifier, 'identifier');
      // A value its kind cannot read (no issuing state, a date of birth that does not exist) is
      // the caller's to correct, at the field: `value` or `qualifier`, as the check form has them.
      const unreadable = identifierErrors([identifier]).map((e) => ({ ...e, path: e.path.replace(/^identifiers\.0\./, '') }));
      if (unreadable.length > 0) throw new ValidationError('identifier', unreadable);
      await ctx.services.checkLimits.pseudonymize(`${ctx.claims.agency}:${ctx.claims.sub}`);
      // Under every epoch in use: during a rotation, alerts of either epoch answer.
      return pseudonymizeUnderAll(identifier, ctx.services.publishContext.networkKey, new Date());
    },
  }),
  hitCheck: t.field({
    type: HitAnswerRef,
    description:
      'Whether this agency holds an alert carrying one of these pseudonyms that it releases to the caller; audited, rate-limited.',
    args: { pseudonyms: t.arg({ type: ['JSONObject'], required: true }) },
    resolve: async (_root, args, ctx) => {
      const pseudonyms = parseOrThrow(hitCheckRequest, args.pseudonyms, 'hit check');
      await ctx.services.checkLimits.answer(`${ctx.claims.agency}:${ctx.claims.sub}`);
      return answerHitCheck(ctx.services, ctx.claims, pseudonyms);
    },
  }),
}));

builder.queryFields((t) => ({
  mySubscription: t.field({
    type: 'JSONObject',
    nullable: true,
    description: 'The caller’s route subscription (proto routeSubscription), or null.',
    authScopes: { ownAgency: 'keep subscriptions' },
    resolve: async (_root, _args, ctx) => (await getSubscription(ctx.services.db, ctx.claims.sub)) as JsonObject | null,
  }),
  subscribedAlerts: t.field({
    type: [SubscribedAlertRef],
    description: 'Alerts held here that match the caller’s subscription, newest first, read or unread.',
    args: { unreadOnly: t.arg.boolean({ defaultValue: false, required: true }), limit: t.arg.int({ defaultValue: 200, required: true }) },
    authScopes: { ownAgency: 'keep subscriptions' },
    resolve: (_root, args, ctx) => subscribedAlerts(ctx.services.db, ctx.claims.sub, args),
  }),
}));

builder.mutationFields((t) => ({
  setSubscription: t.field({
    type: 'JSONObject',
    description: 'Replaces the caller’s route subscription (proto routeSubscription).',
    args: { filter: t.arg({ type: 'JSONObject', required: true }) },
    authScopes: { ownAgency: 'keep subscriptions' },
    resolve: async (_root, args, ctx) => (await setSubscription(ctx.services.db, ctx.claims.sub, args.filter)) as unknown as JsonObject,
  }),
  markAlertsRead: t.int({
    description: 'Marks alerts read for the caller; answers how many were newly marked.',
    args: { ids: t.arg.idList({ required: true }) },
    authScopes: { ownAgency: 'keep subscriptions' },
    resolve: (_root, args, ctx) => markRead(ctx.services.db, ctx.claims.sub, args.ids.map(String)),
  }),
}));

builder.subscriptionType({
  fields: (t) => ({
    alertFeed: t.field({
      type: AlertRef,
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
              ? ((await releaseToCaller(ctx.services, ctx.claims, [a], alertAnswer(ctx)))[0] ?? null)
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

export const schema = builder.toSchema();
