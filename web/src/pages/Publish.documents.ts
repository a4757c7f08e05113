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
    publishAlerts(inputs: $inputs) { id heldBecause }
  }
`);

/** Who would receive the draft, asked of the caller's own node: nothing is stored or sent. */
export const ReleasePreviewQuery = graphql(`
  query ReleasePreview($input: AlertInput!) {
    releasePreview(input: $input) { agency name country receives reason rule policyVersion withheld readers { role rule withheld } }
  }
`);
