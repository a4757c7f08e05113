// The alert feed: recent alerts, the live feed and the protection notices beside it.
// Typed from the gateway's schema by codegen (web/codegen.ts finds every graphql() call under src/).
import { graphql } from '../gql';

export const AlertsQuery = graphql(
  `query Alerts($kind: String, $limit: Int!) { alerts(kind: $kind, limit: $limit) { alerts { ...AlertFields } sources { agency ok latencyMs error } } }`,
);

export const AlertFeedSubscription = graphql(`subscription AlertFeed { alertFeed { ...AlertFields } }`);

export const ProtectionNoticesQuery = graphql(
  `query ProtectionNotices { protectionNotices(limit: 20) { id source sourceId originAgency country flags contacts { entryId name } at } }`,
);
