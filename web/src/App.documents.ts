// Who is signed in, and the agencies the console names: asked once by the console's shell.
// Typed from the gateway's schema by codegen (web/codegen.ts finds every graphql() call under src/).
import { graphql } from './gql';

export const MeQuery = graphql(`
  query Me {
    me { subject name agency agencyName country roles networks }
    agencies { id name country }
  }
`);
