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
    protection
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

export const EntryFieldsFragment = graphql(`
  fragment EntryFields on DirectoryEntry {
    id agency country kind name title roles competences networks postedIn covers routes languages notes
    lastVerified verifiedBy retiredAt stale redacted
    availability { always timeZone hours { days from to } absences { from to note } }
    channels { type value label }
  }
`);

export const DirectoryQuery = graphql(`
  query Directory($filter: DirectoryFilterInput) {
    directory(filter: $filter) {
      total
      entries { ...EntryFields }
      sources { agency ok latencyMs error }
    }
  }
`);

export const OwnDirectoryQuery = graphql(`
  query OwnDirectory {
    ownDirectory(includeRetired: true) { ...EntryFields }
    directoryToVerify { ...EntryFields }
  }
`);

export const CreateEntryMutation = graphql(`
  mutation CreateDirectoryEntry($entry: JSONObject!) {
    createDirectoryEntry(entry: $entry) { ...EntryFields }
  }
`);

export const UpdateEntryMutation = graphql(`
  mutation UpdateDirectoryEntry($id: ID!, $entry: JSONObject!) {
    updateDirectoryEntry(id: $id, entry: $entry) { ...EntryFields }
  }
`);

export const VerifyEntryMutation = graphql(`
  mutation VerifyDirectoryEntry($id: ID!) {
    verifyDirectoryEntry(id: $id) { ...EntryFields }
  }
`);

export const RetireEntryMutation = graphql(`
  mutation RetireDirectoryEntry($id: ID!) {
    retireDirectoryEntry(id: $id) { ...EntryFields }
  }
`);

export const ImportDirectoryMutation = graphql(`
  mutation ImportDirectoryCsv($csv: String!) {
    importDirectoryCsv(csv: $csv) { applied created updated problems { row field message } }
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

// Consultations and tracked requests (issue 7): JSON shapes are proto's ConsultationState and
// RequestState, folded at the caller's node.
export const ConsultationsQuery = graphql(`
  query Consultations {
    consultations
  }
`);

export const RequestsQuery = graphql(`
  query Requests($overdueOnly: Boolean!) {
    requests(overdueOnly: $overdueOnly) { request consultationId subject direction overdue }
  }
`);

export const ProtectionNoticesQuery = graphql(`
  query ProtectionNotices {
    protectionNotices(limit: 20)
  }
`);

export const OpenConsultationMutation = graphql(`
  mutation OpenConsultation($input: JSONObject!) {
    openConsultation(input: $input)
  }
`);

export const ConsultationMessageMutation = graphql(`
  mutation AddConsultationMessage($id: ID!, $input: JSONObject!) {
    addConsultationMessage(id: $id, input: $input)
  }
`);

export const CreateRequestMutation = graphql(`
  mutation CreateRequest($consultationId: ID!, $input: JSONObject!) {
    createRequest(consultationId: $consultationId, input: $input)
  }
`);

export const RequestStatusMutation = graphql(`
  mutation SetRequestStatus($requestId: ID!, $input: JSONObject!) {
    setRequestStatus(requestId: $requestId, input: $input)
  }
`);

export const AuthoritiesQuery = graphql(`
  query Authorities($filter: DirectoryFilterInput) {
    directory(filter: $filter) {
      entries { id agency name roles }
    }
  }
`);
