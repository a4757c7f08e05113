// Asking the owner of a partner's alert for leave to use it as evidence, pass it on or act on it.
// Typed from the gateway's schema by codegen (web/codegen.ts finds every graphql() call under src/).
import { graphql } from '../gql';

export const AskPermissionMutation = graphql(`
  mutation AskPermission($input: PermissionRequestInput!) {
    askPermission(input: $input) { id }
  }
`);
