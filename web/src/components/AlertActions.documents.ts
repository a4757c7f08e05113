// Amending and withdrawing an alert from its card.
// Typed from the gateway's schema by codegen (web/codegen.ts finds every graphql() call under src/).
import { graphql } from '../gql';

export const AmendAlertMutation = graphql(`
  mutation AmendAlert($id: ID!, $input: AlertInput!, $revision: Int) {
    amendAlert(id: $id, input: $input, revision: $revision) { ...AlertFields }
  }
`);

export const WithdrawAlertMutation = graphql(`
  mutation WithdrawAlert($id: ID!, $reason: String, $revision: Int) {
    withdrawAlert(id: $id, reason: $reason, revision: $revision) { ...AlertFields }
  }
`);
