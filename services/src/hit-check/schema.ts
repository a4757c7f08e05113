// The node's hit / no-hit fields: pseudonymizing an identifier for this agency's own users, and
// answering whether this agency holds an alert carrying a pseudonym; both rate-limited.
import {
  hitCheckRequest,
  identifierErrors,
  identifierInput,
  MAX_BATCHED_CHECKS,
  type PseudonymizedIdentifier,
  parseOrThrow,
  ValidationError,
} from '@corridor/proto';
import type { HitAnswerView } from '@corridor/proto/graphql';
import { GraphQLError } from 'graphql';
import { builder, contract, inputs, type NodeContext } from '../schema/builder.js';
import { answerHitCheck, answerHitChecks } from './hit-check.js';
import { type ItemRefusal, settleEach } from './item-refusal.js';

/** Pseudonymizes an identifier for one of this agency's own users, within their budget. */
async function pseudonymsFor(args: { identifier: unknown }, ctx: NodeContext) {
  const identifier = parseOrThrow(identifierInput, args.identifier, 'identifier');
  // A value its kind cannot read (no issuing state, a date of birth that does not exist) is
  // the caller's to correct, at the field: `value` or `qualifier`, as the check form has them.
  const unreadable = identifierErrors([identifier]).map((e) => ({ ...e, path: e.path.replace(/^identifiers\.0\./, '') }));
  if (unreadable.length > 0) throw new ValidationError('identifier', unreadable);
  await ctx.services.checkLimits.pseudonymize(`${ctx.claims.agency}:${ctx.claims.sub}`);
  // Under every epoch in use: during a rotation, alerts of either epoch answer.
  const [pseudonyms] = await ctx.services.publishContext.pseudonymizer.pseudonymize([identifier], new Date(), ctx.claims);
  return pseudonyms as PseudonymizedIdentifier[];
}

const OwnHitCheck = builder.objectRef<{ pseudonyms: PseudonymizedIdentifier[]; answer: HitAnswerView }>('OwnHitCheck').implement({
  description: 'An identifier’s pseudonyms, and this agency’s own answer to a check for them.',
  fields: (t) => ({
    pseudonyms: t.field({ type: [contract.PseudonymRef], resolve: (r) => r.pseudonyms }),
    answer: t.field({ type: contract.HitAnswerRef, resolve: (r) => r.answer }),
  }),
});

builder.queryFields((t) => ({
  ownHitCheck: t.field({
    type: OwnHitCheck,
    description:
      'identifierPseudonyms and hitCheck at once, for this agency’s own users: the pseudonyms to ask the other agencies about, and this agency’s answer (audited, both budgets spent). One request where the gateway made two, one after the other.',
    args: { identifier: t.arg({ type: inputs.IdentifierInput, required: true }) },
    authScopes: { ownAgency: 'check identifiers' },
    resolve: async (_root, args, ctx) => {
      const pseudonyms = await pseudonymsFor(args, ctx);
      await ctx.services.checkLimits.answer(`${ctx.claims.agency}:${ctx.claims.sub}`);
      return { pseudonyms, answer: await answerHitCheck(ctx.services, ctx.claims, pseudonyms) };
    },
  }),
  identifierPseudonyms: t.field({
    type: [contract.PseudonymRef],
    description:
      'The pseudonyms of an identifier (proto identifierInput) under the network key in use, for a hit / no-hit check; for this agency’s own users, rate-limited. The raw value is neither stored nor logged.',
    args: { identifier: t.arg({ type: inputs.IdentifierInput, required: true }) },
    authScopes: { ownAgency: 'check identifiers' },
    resolve: (_root, args, ctx) => pseudonymsFor(args, ctx),
  }),
  hitCheck: t.field({
    type: contract.HitAnswerRef,
    description:
      'Whether this agency holds an alert carrying one of these pseudonyms that it releases to the caller; audited, rate-limited.',
    args: { pseudonyms: t.arg({ type: [inputs.PseudonymInput], required: true }) },
    resolve: async (_root, args, ctx) => {
      const pseudonyms = parseOrThrow(hitCheckRequest, args.pseudonyms, 'hit check');
      await ctx.services.checkLimits.answer(`${ctx.claims.agency}:${ctx.claims.sub}`);
      return answerHitCheck(ctx.services, ctx.claims, pseudonyms);
    },
  }),
}));

// Batched checks (issue 14): the gateway sends the checks that reach it in the same moment to each
// node as one request, so that a node parses, verifies and answers one HTTP request, makes one
// lookup and one audit append for many checks. The request's own token only opens it; each item
// carries the token of the user who asked it, verified here as a request of its own would be, and
// is rate-limited, released and audited under that user. Items are answered one by one: a refusal
// (rate limit, bad identifier, token) is that item's answer and fails none of the others.

const BatchItemRefusal = builder.objectRef<ItemRefusal>('BatchItemRefusal').implement({
  description: 'Why one item of a batch was refused: what a request of its own would have answered as a GraphQL error.',
  fields: (t) => ({
    code: t.exposeString('code'),
    message: t.exposeString('message'),
    details: t.exposeString('details', { description: 'The error’s extensions besides its code, as JSON.' }),
  }),
});

const HitCheckItemInput = builder.inputType('HitCheckItemInput', {
  fields: (t) => ({
    authorization: t.string({ required: true, description: 'The Authorization header a request of its own would carry.' }),
    pseudonyms: t.field({ type: [inputs.PseudonymInput], required: true }),
  }),
});

const OwnHitCheckItemInput = builder.inputType('OwnHitCheckItemInput', {
  fields: (t) => ({
    authorization: t.string({ required: true, description: 'The Authorization header a request of its own would carry.' }),
    identifier: t.field({ type: inputs.IdentifierInput, required: true }),
  }),
});

const HitCheckOutcome = builder.objectRef<{ value: HitAnswerView | null; refusal: ItemRefusal | null }>('HitCheckOutcome').implement({
  fields: (t) => ({
    answer: t.field({ type: contract.HitAnswerRef, nullable: true, resolve: (o) => o.value }),
    refusal: t.field({ type: BatchItemRefusal, nullable: true, resolve: (o) => o.refusal }),
  }),
});

const OwnHitCheckOutcome = builder
  .objectRef<{ value: { pseudonyms: PseudonymizedIdentifier[]; answer: HitAnswerView } | null; refusal: ItemRefusal | null }>(
    'OwnHitCheckOutcome',
  )
  .implement({
    fields: (t) => ({
      check: t.field({ type: OwnHitCheck, nullable: true, resolve: (o) => o.value }),
      refusal: t.field({ type: BatchItemRefusal, nullable: true, resolve: (o) => o.refusal }),
    }),
  });

function batchOf<T>(items: readonly T[]): readonly T[] {
  if (items.length === 0 || items.length > MAX_BATCHED_CHECKS)
    throw new ValidationError('items', [
      { path: 'items', rule: 'batch_size', message: `give between 1 and ${MAX_BATCHED_CHECKS} checks in one batch` },
    ]);
  return items;
}

/** Who asks one item: its own token, verified as useBearerAuth verifies a request's. */
const itemClaims = (ctx: NodeContext, authorization: string) => ctx.services.verifier.verify(authorization);

builder.queryFields((t) => ({
  hitChecks: t.field({
    type: [HitCheckOutcome],
    description: `hitCheck for up to ${MAX_BATCHED_CHECKS} checks of any users at once, each under its own token; each answered or refused on its own, in order.`,
    args: { items: t.arg({ type: [HitCheckItemInput], required: true }) },
    resolve: async (_root, args, ctx) => {
      const items = batchOf(args.items);
      // Each item's caller, request and budget, as hitCheck checks them, before anything is looked up.
      const admitted = await Promise.allSettled(
        items.map(async (item) => {
          const claims = await itemClaims(ctx, item.authorization);
          const pseudonyms = parseOrThrow(hitCheckRequest, item.pseudonyms, 'hit check');
          await ctx.services.checkLimits.answer(`${claims.agency}:${claims.sub}`);
          return { claims, pseudonyms };
        }),
      );
      const checks = admitted.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
      const answers = answerHitChecks(ctx.services, checks);
      let next = 0;
      return settleEach(
        admitted.map((a) => (a.status === 'fulfilled' ? (answers[next++] as Promise<HitAnswerView>) : Promise.reject(a.reason))),
        ctx.services.log,
      );
    },
  }),
  ownHitChecks: t.field({
    type: [OwnHitCheckOutcome],
    description: `ownHitCheck for up to ${MAX_BATCHED_CHECKS} checks of this agency’s users at once, each under its own token; each answered or refused on its own, in order.`,
    args: { items: t.arg({ type: [OwnHitCheckItemInput], required: true }) },
    authScopes: { ownAgency: 'check identifiers' },
    resolve: async (_root, args, ctx) => {
      const items = batchOf(args.items);
      const admitted = await Promise.allSettled(
        items.map(async (item) => {
          const claims = await itemClaims(ctx, item.authorization);
          // What the ownAgency scope refuses for a request of its own (guards.ts).
          if (claims.agency !== ctx.services.agency.id)
            throw new GraphQLError(`only users of agency ${ctx.services.agency.id} check identifiers at this node`, {
              extensions: { code: 'FORBIDDEN' },
            });
          const own = { ...ctx, claims };
          const pseudonyms = await pseudonymsFor(item, own);
          await ctx.services.checkLimits.answer(`${claims.agency}:${claims.sub}`);
          return { claims, pseudonyms };
        }),
      );
      const checks = admitted.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
      const answers = answerHitChecks(ctx.services, checks);
      let next = 0;
      return settleEach(
        admitted.map((a) => {
          if (a.status === 'rejected') return Promise.reject(a.reason);
          const { pseudonyms } = a.value;
          return (answers[next++] as Promise<HitAnswerView>).then((answer) => ({ pseudonyms, answer }));
        }),
        ctx.services.log,
      );
    },
  }),
}));
