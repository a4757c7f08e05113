// The agency's statistics for voluntary reporting (issue 7, item 4): for its administrators only,
// already suppressed (proto statistics.ts), as the report (a StatisticsReport) or as the CSV file.
import { statisticsToCsv } from '@corridor/proto';
import { builder, contract, type NodeContext } from '../schema/builder.js';
import { agencyStatistics } from './statistics.js';

const EXPORT = 'export the agency’s statistics';

async function report(ctx: NodeContext, args: { from?: string | null; to?: string | null }) {
  const r = await agencyStatistics(ctx.services.db, {
    agency: ctx.services.agency.id,
    from: args.from,
    to: args.to,
    threshold: ctx.services.statsMinCount,
    now: new Date(),
  });
  ctx.services.log.info('statistics exported', { user: ctx.claims.sub, from: r.period.from, to: r.period.to });
  return r;
}

const FROM = 'First month reported, `YYYY-MM` (UTC); from the beginning when absent.';
const TO = 'Last month reported, included, `YYYY-MM` (UTC); up to now when absent.';

builder.queryFields((t) => ({
  statistics: t.field({
    type: contract.StatisticsReportRef,
    description:
      'This agency’s figures for reporting (proto statisticsReport): alerts, requests, time to answer, protection notices, with small counts suppressed. For its administrators.',
    args: { from: t.arg.string({ required: false, description: FROM }), to: t.arg.string({ required: false, description: TO }) },
    authScopes: { administrators: EXPORT },
    resolve: (_root, args, ctx) => report(ctx, args),
  }),
  statisticsCsv: t.string({
    description: 'The same figures as one CSV file (proto statisticsToCsv). For its administrators.',
    args: { from: t.arg.string({ required: false, description: FROM }), to: t.arg.string({ required: false, description: TO }) },
    authScopes: { administrators: EXPORT },
    resolve: async (_root, args, ctx) => statisticsToCsv(await report(ctx, args)),
  }),
}));
