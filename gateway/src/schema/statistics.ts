// The agency's statistics for reporting: asked of the caller's own node alone, which checks the
// administrator role and suppresses small counts itself; the gateway passes the answer through.
import { STATISTICS_PERIOD_WORDS } from '@corridor/proto';
import { graphql } from '../node-gql/index.js';
import { builder, contract } from './builder.js';
import { fromOwnNode } from './own-node.js';

builder.queryFields((t) => {
  const period = {
    from: t.arg.string({ required: false, description: STATISTICS_PERIOD_WORDS.from }),
    to: t.arg.string({ required: false, description: STATISTICS_PERIOD_WORDS.to }),
  };
  return {
    statistics: t.field({
      type: contract.StatisticsReportRef,
      description:
        "The caller's agency's figures for reporting (proto statisticsReport), small counts suppressed, from its own node (administrators).",
      args: period,
      resolve: fromOwnNode(
        graphql(`query Statistics($from: String, $to: String) {
          statistics(from: $from, to: $to) {
            format agency period { from to } generatedAt threshold notes
            tables { name dimensions rows { ...NodeStatisticsFigureFields } totals { ...NodeStatisticsFigureFields } }
          }
        }`),
      ),
    }),
    statisticsCsv: t.string({
      description: "The same figures as one CSV file (proto statisticsToCsv), from the caller's own node (administrators).",
      args: period,
      resolve: fromOwnNode(graphql(`query StatisticsCsv($from: String, $to: String) { statisticsCsv(from: $from, to: $to) }`)),
    }),
  };
});
