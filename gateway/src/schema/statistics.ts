// The agency's statistics for reporting: asked of the caller's own node alone, which checks the
// administrator role and suppresses small counts itself; the gateway passes the answer through.
import { graphql } from '../node-gql/index.js';
import { builder } from './builder.js';
import { fromOwnNode } from './own-node.js';

const FROM = 'First month reported, `YYYY-MM` (UTC); from the beginning when absent.';
const TO = 'Last month reported, included, `YYYY-MM` (UTC); up to now when absent.';

builder.queryFields((t) => ({
  statistics: t.field({
    type: 'JSONObject',
    description:
      "The caller's agency's figures for reporting (proto statisticsReport), small counts suppressed, from its own node (administrators).",
    args: { from: t.arg.string({ required: false, description: FROM }), to: t.arg.string({ required: false, description: TO }) },
    resolve: fromOwnNode(graphql(`query Statistics($from: String, $to: String) { statistics(from: $from, to: $to) }`)),
  }),
  statisticsCsv: t.string({
    description: "The same figures as one CSV file (proto statisticsToCsv), from the caller's own node (administrators).",
    args: { from: t.arg.string({ required: false, description: FROM }), to: t.arg.string({ required: false, description: TO }) },
    resolve: fromOwnNode(graphql(`query StatisticsCsv($from: String, $to: String) { statisticsCsv(from: $from, to: $to) }`)),
  }),
}));
