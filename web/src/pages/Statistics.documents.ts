// The console's statistics operation (issue 7, item 4), typed from the gateway's schema by codegen.
// The figures travel as one JSONObject (proto statisticsReport), which the page parses itself, so
// the document is typed by hand to that shape: it holds before codegen has seen the field and after.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import { graphql } from '../gql';

export const StatisticsQuery = graphql(`
  query Statistics($from: String, $to: String) {
    statistics(from: $from, to: $to)
  }
`) as TypedDocumentNode<{ statistics: Record<string, unknown> }, { from?: string | null; to?: string | null }>;
