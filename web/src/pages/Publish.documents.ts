// Publishing an alert.
// Typed from the gateway's schema by codegen (web/codegen.ts finds every graphql() call under src/).
import { graphql } from '../gql';

export const PublishAlertMutation = graphql(`
  mutation PublishAlert($input: AlertInput!) {
    publishAlert(input: $input) { ...AlertFields heldBecause }
  }
`);

/** A batch of an NDJSON upload: up to 1,000 alerts, all published or none. */
export const PublishAlertsMutation = graphql(`
  mutation PublishAlerts($inputs: [AlertInput!]!) {
    publishAlerts(inputs: $inputs) { id }
  }
`);
