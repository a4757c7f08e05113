// An officer's activity: the counts since each page was last opened, marking a page opened, and
// the stream that says something changed. Typed from the gateway's schema by codegen.
import { graphql } from '../gql';

export const MyActivityQuery = graphql(`query MyActivity { myActivity { alert consultation request protection } }`);

export const MarkActivitySeenMutation = graphql(
  `mutation MarkActivitySeen($kind: String!) { markActivitySeen(kind: $kind) { alert consultation request protection } }`,
);

export const ActivitySubscription = graphql(`subscription Activity { activity { kind id consultationId } }`);
