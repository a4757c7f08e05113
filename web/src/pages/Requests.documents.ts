// The requests the agency tracks, overdue first on demand.
// Typed from the gateway's schema by codegen (web/codegen.ts finds every graphql() call under src/).
import { graphql } from '../gql';

export const RequestsQuery = graphql(`
  query Requests($overdueOnly: Boolean!) {
    requests(overdueOnly: $overdueOnly) { request { ...RequestFields } consultationId subject direction overdue }
  }
`);
