// What the gateway asks each node, written against the node's printed schema
// (services/schema.graphql): `pnpm --filter @corridor/gateway run codegen` types each document's
// variables and answer from it (node-gql/), and node-documents.spec.ts validates them against it.
import type { AlertFields } from '@corridor/proto/graphql';
import type { NodeAlertFieldsFragment } from './node-gql/graphql.js';
import { graphql } from './node-gql/index.js';

// Fragments, not string interpolation: codegen reads each document as written, and a spread
// fragment is appended to the documents that use it.
graphql(`fragment NodeAlertFields on Alert {
  id kind tlp recipients createdAt validUntil summary revision status signature caseReference protection redacted
  correlations { alertId agency kinds }
  routeDetails {
    transport concealment communicationPlatforms priceObserved { amount currency } migrantCount
    vulnerablePersons { children unaccompaniedMinors pregnantWomen } window { from to }
  }
  documentFraud { documentType issuingState fraudType featuresAffected detectedAt { place location flight } }
  origin { agency country } grading { source information }
  route { region waypoints { country place mode } } identifiers { kind pseudonym epoch }
}`);

graphql(`fragment NodeEntryFields on DirectoryEntry {
  id agency country kind name title roles competences networks postedIn covers routes languages
  availability { always timeZone hours { days from to } absences { from to note } } channels { type value label } notes
  lastVerified verifiedBy retiredAt stale redacted
}`);

graphql(`fragment NodeSubscriptionFields on RouteSubscription { kinds regions countries minimumGrading { source information } }`);

export const DIRECTORY_QUERY = graphql(
  `query Directory($filter: DirectoryFilterInput) { directory(filter: $filter) { total entries { ...NodeEntryFields } } }`,
);

export const OWN_DIRECTORY_QUERY = graphql(
  `query OwnDirectory($includeRetired: Boolean!) { ownDirectory(includeRetired: $includeRetired) { ...NodeEntryFields } }`,
);

export const DIRECTORY_TO_VERIFY_QUERY = graphql(`query DirectoryToVerify { directoryToVerify { ...NodeEntryFields } }`);

export const DIRECTORY_HISTORY_QUERY = graphql(
  `query DirectoryEntryHistory($id: ID!) { directoryEntryHistory(id: $id) { seq change subject name at } }`,
);

export const CREATE_ENTRY_MUTATION = graphql(
  `mutation CreateDirectoryEntry($entry: DirectoryEntryInput!) { createDirectoryEntry(entry: $entry) { ...NodeEntryFields } }`,
);

export const UPDATE_ENTRY_MUTATION = graphql(
  `mutation UpdateDirectoryEntry($id: ID!, $entry: DirectoryEntryInput!) { updateDirectoryEntry(id: $id, entry: $entry) { ...NodeEntryFields } }`,
);

export const VERIFY_ENTRY_MUTATION = graphql(
  `mutation VerifyDirectoryEntry($id: ID!) { verifyDirectoryEntry(id: $id) { ...NodeEntryFields } }`,
);

export const RETIRE_ENTRY_MUTATION = graphql(
  `mutation RetireDirectoryEntry($id: ID!) { retireDirectoryEntry(id: $id) { ...NodeEntryFields } }`,
);

export const IMPORT_CSV_MUTATION = graphql(
  `mutation ImportDirectoryCsv($csv: String!) { importDirectoryCsv(csv: $csv) { applied created updated problems { row field message } } }`,
);

/** Asked of the caller's own node only: the raw identifier goes nowhere else. */
export const IDENTIFIER_PSEUDONYMS_QUERY = graphql(
  `query IdentifierPseudonyms($identifier: IdentifierInput!) { identifierPseudonyms(identifier: $identifier) { kind pseudonym epoch } }`,
);

export const HIT_CHECK_QUERY = graphql(`query HitCheck($pseudonyms: [PseudonymInput!]!) { hitCheck(pseudonyms: $pseudonyms) {
  agency hit alerts { id revision kind createdAt matched } contact { ...NodeEntryFields } } }`);

export const ALERTS_QUERY = graphql(
  `query Alerts($kind: String, $limit: Int!, $after: String) { alerts(scope: OWN, kind: $kind, limit: $limit, after: $after) { ...NodeAlertFields } }`,
);

export const AUDIT_LOG_QUERY = graphql(
  `query AuditLog($limit: Int!, $before: String, $agency: String) { auditLog(limit: $limit, before: $before, agency: $agency) { seq at channel agency subject resource items rule policyVersion hash } }`,
);

export const VERIFY_AUDIT_QUERY = graphql(
  `query VerifyAudit($heads: [AuditHeadInput!], $answered: [String!]) { verifyAuditLog(heads: $heads, answered: $answered) {
    ok checked brokenAt problem unanswered partners { agency seq hash at ok problem } problems { kind seq agencies message } } }`,
);

export const AUDIT_HEADS_QUERY = graphql(
  `query AuditHeads($limit: Int!) { auditHeads(limit: $limit) { holder agency seq hash at receivedAt jws } }`,
);

export const PUBLISH_MUTATION = graphql(`mutation Publish($input: AlertInput!) { publishAlert(input: $input) { ...NodeAlertFields } }`);

export const AMEND_MUTATION = graphql(
  `mutation Amend($id: ID!, $input: AlertInput!, $revision: Int) { amendAlert(id: $id, input: $input, revision: $revision) { ...NodeAlertFields } }`,
);

export const WITHDRAW_MUTATION = graphql(
  `mutation Withdraw($id: ID!, $revision: Int) { withdrawAlert(id: $id, revision: $revision) { ...NodeAlertFields } }`,
);

export const FEED_SUBSCRIPTION = graphql(
  `subscription Feed($subscribed: Boolean!) { alertFeed(subscribed: $subscribed) { ...NodeAlertFields } }`,
);

export const MY_SUBSCRIPTION_QUERY = graphql(`query MySubscription { mySubscription { ...NodeSubscriptionFields } }`);

export const SUBSCRIBED_ALERTS_QUERY = graphql(
  `query SubscribedAlerts($unreadOnly: Boolean!, $limit: Int!) { subscribedAlerts(unreadOnly: $unreadOnly, limit: $limit) { read alert { ...NodeAlertFields } } }`,
);

export const SET_SUBSCRIPTION_MUTATION = graphql(
  `mutation SetSubscription($filter: RouteSubscriptionInput!) { setSubscription(filter: $filter) { ...NodeSubscriptionFields } }`,
);

export const MARK_READ_MUTATION = graphql(`mutation MarkRead($ids: [ID!]!) { markAlertsRead(ids: $ids) }`);

/** A node's alert is served as it came: its fields are proto's, under proto's names. */
export function fromNodeAlert(alert: NodeAlertFieldsFragment): AlertFields {
  return alert;
}

// Consultations (issue 7): asked of the caller's own node only, which is party to them.
export const CONSULTATIONS_QUERY = graphql(`query Consultations { consultations }`);
export const CONSULTATION_QUERY = graphql(`query Consultation($id: ID!) { consultation(id: $id) }`);
export const REQUESTS_QUERY = graphql(
  `query Requests($overdueOnly: Boolean!) { requests(overdueOnly: $overdueOnly) { request consultationId subject direction overdue } }`,
);
export const PROTECTION_NOTICES_QUERY = graphql(`query ProtectionNotices($limit: Int!) { protectionNotices(limit: $limit) }`);
export const OPEN_CONSULTATION_MUTATION = graphql(`mutation OpenConsultation($input: JSONObject!) { openConsultation(input: $input) }`);
export const CONSULTATION_MESSAGE_MUTATION = graphql(
  `mutation AddConsultationMessage($id: ID!, $input: JSONObject!) { addConsultationMessage(id: $id, input: $input) }`,
);
export const CREATE_REQUEST_MUTATION = graphql(
  `mutation CreateRequest($consultationId: ID!, $input: JSONObject!) { createRequest(consultationId: $consultationId, input: $input) }`,
);
export const REQUEST_STATUS_MUTATION = graphql(
  `mutation SetRequestStatus($requestId: ID!, $input: JSONObject!) { setRequestStatus(requestId: $requestId, input: $input) }`,
);

// Statistics for reporting: the caller's own node, which checks the administrator role and suppresses small counts.
export const STATISTICS_QUERY = graphql(`query Statistics($from: String, $to: String) { statistics(from: $from, to: $to) }`);
export const STATISTICS_CSV_QUERY = graphql(`query StatisticsCsv($from: String, $to: String) { statisticsCsv(from: $from, to: $to) }`);
