// The node's audit fields: the release audit for this agency's administrators, its verification
// against the heads partners hold, and the heads this node holds of another agency's chain.
import { agencyId, ValidationError } from '@corridor/proto';
import { builder, contract } from '../schema/builder.js';
import { heldHeadsOf, verifyAuditWithHeads } from './audit-heads.js';
import { listAudit } from './audit-log.js';

builder.queryFields((t) => ({
  auditLog: t.field({
    type: [contract.AuditEntryRef],
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
    type: contract.AuditVerificationRef,
    description:
      'Recomputes the audit’s hash chain and names the first row that does not verify; compares it with the signed heads partners hold (as the gateway collected them), naming truncation, rewrite and equivocation.',
    args: {
      heads: t.arg({ type: [contract.AuditHeadInput], required: false, description: 'The heads partners answered to auditHeads.' }),
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
    type: [contract.AuditHeadHeldRef],
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
