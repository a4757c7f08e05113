// The node's hit / no-hit fields: pseudonymizing an identifier for this agency's own users, and
// answering whether this agency holds an alert carrying a pseudonym; both rate-limited.
import {
  hitCheckRequest,
  identifierErrors,
  identifierInput,
  type PseudonymizedIdentifier,
  parseOrThrow,
  pseudonymizeUnderAll,
  ValidationError,
} from '@corridor/proto';
import type { HitAnswerView } from '@corridor/proto/graphql';
import { builder, contract, inputs, type NodeContext } from '../schema/builder.js';
import { answerHitCheck } from './hit-check.js';

/** Pseudonymizes an identifier for one of this agency's own users, within their budget. */
async function pseudonymsFor(args: { identifier: unknown }, ctx: NodeContext) {
  const identifier = parseOrThrow(identifierInput, args.identifier, 'identifier');
  // A value its kind cannot read (no issuing state, a date of birth that does not exist) is
  // the caller's to correct, at the field: `value` or `qualifier`, as the check form has them.
  const unreadable = identifierErrors([identifier]).map((e) => ({ ...e, path: e.path.replace(/^identifiers\.0\./, '') }));
  if (unreadable.length > 0) throw new ValidationError('identifier', unreadable);
  await ctx.services.checkLimits.pseudonymize(`${ctx.claims.agency}:${ctx.claims.sub}`);
  // Under every epoch in use: during a rotation, alerts of either epoch answer.
  return pseudonymizeUnderAll(identifier, ctx.services.publishContext.networkKey, new Date());
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
