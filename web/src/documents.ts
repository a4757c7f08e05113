// Every GraphQL operation the console sends, typed from the gateway's schema by codegen.
import { graphql } from './gql';

export const AlertFieldsFragment = graphql(`
  fragment AlertFields on Alert {
    id
    kind
    tlp
    recipients
    createdAt
    validUntil
    summary
    revision
    status
    details
    signingKey
    expired
    caseReference
    redacted
    correlations { alertId agency kinds }
    origin { agency country }
    grading { source information }
    route { region waypoints { country place mode } }
    identifiers { kind pseudonym epoch }
  }
`);

export const MeQuery = graphql(`
  query Me {
    me { subject name agency agencyName country roles networks }
    agencies { id name country }
  }
`);

export const DirectoryQuery = graphql(`
  query Directory($filter: DirectoryFilterInput) {
    directory(filter: $filter) {
      entries {
        id agency country kind name title roles competences networks postedIn covers languages notes lastVerified
        availability { always timeZone hours { days from to } }
        channels { type value label }
        redacted
      }
      sources { agency ok latencyMs error }
    }
  }
`);

export const AlertsQuery = graphql(`
  query Alerts($kind: String, $limit: Int!) {
    alerts(kind: $kind, limit: $limit) {
      alerts { ...AlertFields }
      sources { agency ok latencyMs error }
    }
  }
`);

export const AlertFeedSubscription = graphql(`
  subscription AlertFeed {
    alertFeed { ...AlertFields }
  }
`);

export const PublishAlertMutation = graphql(`
  mutation PublishAlert($input: JSONObject!) {
    publishAlert(input: $input) { ...AlertFields }
  }
`);

export const MyRoutesQuery = graphql(`
  query MyRoutes {
    mySubscription
    subscribedAlerts(limit: 200) {
      read
      alert { ...AlertFields }
    }
  }
`);

export const SetSubscriptionMutation = graphql(`
  mutation SetSubscription($filter: JSONObject!) {
    setSubscription(filter: $filter)
  }
`);

export const MarkAlertsReadMutation = graphql(`
  mutation MarkAlertsRead($ids: [ID!]!) {
    markAlertsRead(ids: $ids)
  }
`);

export const SubscribedFeedSubscription = graphql(`
  subscription SubscribedFeed {
    alertFeed(subscribed: true) { ...AlertFields }
  }
`);

export const AmendAlertMutation = graphql(`
  mutation AmendAlert($id: ID!, $input: JSONObject!, $revision: Int) {
    amendAlert(id: $id, input: $input, revision: $revision) { ...AlertFields }
  }
`);

export const WithdrawAlertMutation = graphql(`
  mutation WithdrawAlert($id: ID!, $revision: Int) {
    withdrawAlert(id: $id, revision: $revision) { ...AlertFields }
  }
`);

export const HitCheckQuery = graphql(`
  query HitCheck($identifier: JSONObject!) {
    hitCheck(identifier: $identifier) {
      hit
      answers {
        agency
        hit
        alerts { id revision kind createdAt matched }
        contact { id name kind availability { always timeZone } channels { type value label } redacted }
      }
      sources { agency ok latencyMs error }
    }
  }
`);
