// The routes an officer follows, and the alerts on them.
// Typed from the gateway's schema by codegen (web/codegen.ts finds every graphql() call under src/).
import { graphql } from '../gql';

export const SubscriptionFieldsFragment = graphql(`
  fragment SubscriptionFields on RouteSubscription {
    kinds
    regions
    countries
    minimumGrading { source information }
  }
`);

export const MyRoutesQuery = graphql(
  `query MyRoutes { mySubscription { ...SubscriptionFields } subscribedAlerts(limit: 200) { read alert { ...AlertFields } } }`,
);

export const SetSubscriptionMutation = graphql(
  `mutation SetSubscription($filter: RouteSubscriptionInput!) { setSubscription(filter: $filter) { ...SubscriptionFields } }`,
);

export const MarkAlertsReadMutation = graphql(`mutation MarkAlertsRead($ids: [ID!]!) { markAlertsRead(ids: $ids) }`);

export const SubscribedFeedSubscription = graphql(`subscription SubscribedFeed { alertFeed(subscribed: true) { ...AlertFields } }`);
