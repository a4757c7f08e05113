// The purge report (retention/report.ts): for the agency's administrators, who pass it to the
// data-protection officer. It carries no personal data, but what was held and when is still the
// agency's own business.
import { type FieldError, ValidationError } from '@corridor/proto';
import { builder, contract } from '../schema/builder.js';
import { purgeReport } from './report.js';

const DAY_MS = 86_400_000;

function instant(value: string | null | undefined, path: string, errors: FieldError[]): Date | null {
  if (value == null) return null;
  const at = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(at.getTime()))
    errors.push({ path, rule: 'datetime', message: 'must be an ISO 8601 date and time, e.g. 2026-12-01T00:00:00Z' });
  return at;
}

builder.queryFields((t) => ({
  purgeReport: t.field({
    type: contract.PurgeReportRef,
    description:
      'What this node purged under its retention document between `from` and `to` (the last 30 days when absent): counts per kind, each item with its tombstone hash. For its administrators.',
    args: {
      from: t.arg.string({ required: false, description: 'ISO 8601 instant, included.' }),
      to: t.arg.string({ required: false, description: 'ISO 8601 instant, excluded; now when absent.' }),
    },
    authScopes: { administrators: 'read the purge report' },
    resolve: (_root, args, ctx) => {
      const errors: FieldError[] = [];
      const to = instant(args.to, 'to', errors) ?? new Date();
      const from = instant(args.from, 'from', errors) ?? new Date(to.getTime() - 30 * DAY_MS);
      if (errors.length === 0 && from > to) errors.push({ path: 'from', rule: 'order', message: 'must not be after to' });
      if (errors.length > 0) throw new ValidationError('purge report', errors);
      return purgeReport(ctx.services.db, ctx.services.retention(), from, to);
    },
  }),
}));
