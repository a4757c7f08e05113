// Checking an identifier across the network.
// Typed from the gateway's schema by codegen (web/codegen.ts finds every graphql() call under src/).
import { graphql } from '../gql';

export const HitCheckQuery = graphql(`
  query HitCheck($identifier: IdentifierInput!) {
    hitCheck(identifier: $identifier) {
      hit
      answers {
        agency
        hit
        alerts { id revision kind createdAt matched handlingCode }
        contact { id name kind spoc availability { always timeZone } channels { type value label } redacted }
      }
      sources { agency ok latencyMs error }
    }
  }
`);
