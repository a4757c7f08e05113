// Searching the network's directory.
// Typed from the gateway's schema by codegen (web/codegen.ts finds every graphql() call under src/).
import { graphql } from '../gql';

export const DirectoryQuery = graphql(`
  query Directory($filter: DirectoryFilterInput) {
    directory(filter: $filter) {
      total
      entries { ...EntryFields }
      sources { agency ok latencyMs error }
    }
  }
`);
