// What the gateway asks each node, and how a node's answer is read back into proto's shapes.
import type { Alert, DirectoryEntry } from '@corridor/proto';
import { gql } from './node-clients.js';

const ALERT_SELECTION = `id kind tlp recipients createdAt validUntil summary revision status details signature caseReference protection redacted
  correlations { alertId agency kinds }
  origin { agency country } grading { source information }
  route { region waypoints { country place mode } } identifiers { kind pseudonym epoch }`;

const ENTRY_SELECTION = `id agency country kind name title roles competences networks postedIn covers routes languages
    availability { always timeZone hours { days from to } absences { from to note } } channels { type value label } notes
    lastVerified verifiedBy retiredAt stale redacted`;

export const DIRECTORY_QUERY = gql(
  `query Directory($filter: DirectoryFilterInput) { directory(filter: $filter) { total entries { ${ENTRY_SELECTION} } } }`,
);

export const OWN_DIRECTORY_QUERY = gql(
  `query OwnDirectory($includeRetired: Boolean!) { ownDirectory(includeRetired: $includeRetired) { ${ENTRY_SELECTION} } }`,
);

export const DIRECTORY_TO_VERIFY_QUERY = gql(`query DirectoryToVerify { directoryToVerify { ${ENTRY_SELECTION} } }`);

export const DIRECTORY_HISTORY_QUERY = gql(
  'query DirectoryEntryHistory($id: ID!) { directoryEntryHistory(id: $id) { seq change subject name at } }',
);

export const CREATE_ENTRY_MUTATION = gql(
  `mutation CreateDirectoryEntry($entry: JSONObject!) { createDirectoryEntry(entry: $entry) { ${ENTRY_SELECTION} } }`,
);

export const UPDATE_ENTRY_MUTATION = gql(
  `mutation UpdateDirectoryEntry($id: ID!, $entry: JSONObject!) { updateDirectoryEntry(id: $id, entry: $entry) { ${ENTRY_SELECTION} } }`,
);

export const VERIFY_ENTRY_MUTATION = gql(
  `mutation VerifyDirectoryEntry($id: ID!) { verifyDirectoryEntry(id: $id) { ${ENTRY_SELECTION} } }`,
);

export const RETIRE_ENTRY_MUTATION = gql(
  `mutation RetireDirectoryEntry($id: ID!) { retireDirectoryEntry(id: $id) { ${ENTRY_SELECTION} } }`,
);

export const IMPORT_CSV_MUTATION = gql(
  'mutation ImportDirectoryCsv($csv: String!) { importDirectoryCsv(csv: $csv) { applied created updated problems { row field message } } }',
);

/** Asked of the caller's own node only: the raw identifier goes nowhere else. */
export const IDENTIFIER_PSEUDONYMS_QUERY = gql(
  'query IdentifierPseudonyms($identifier: JSONObject!) { identifierPseudonyms(identifier: $identifier) { kind pseudonym epoch } }',
);

export const HIT_CHECK_QUERY = gql(`query HitCheck($pseudonyms: [JSONObject!]!) { hitCheck(pseudonyms: $pseudonyms) {
  agency hit alerts { id revision kind createdAt matched } contact { ${ENTRY_SELECTION} } } }`);

export const ALERTS_QUERY = gql(
  `query Alerts($kind: String, $limit: Int!, $after: String) { alerts(scope: OWN, kind: $kind, limit: $limit, after: $after) { ${ALERT_SELECTION} } }`,
);

const AUDIT_SELECTION = 'seq at channel agency subject resource items rule policyVersion hash';

export const AUDIT_LOG_QUERY = gql(
  `query AuditLog($limit: Int!, $before: String, $agency: String) { auditLog(limit: $limit, before: $before, agency: $agency) { ${AUDIT_SELECTION} } }`,
);

export const VERIFY_AUDIT_QUERY = gql(
  `query VerifyAudit($heads: [AuditHeadInput!], $answered: [String!]) { verifyAuditLog(heads: $heads, answered: $answered) {
    ok checked brokenAt problem unanswered partners { agency seq hash at ok problem } problems { kind seq agencies message } } }`,
);

export const AUDIT_HEADS_QUERY = gql(
  'query AuditHeads($limit: Int!) { auditHeads(limit: $limit) { holder agency seq hash at receivedAt jws } }',
);

export const PUBLISH_MUTATION = gql(`mutation Publish($input: JSONObject!) { publishAlert(input: $input) { ${ALERT_SELECTION} } }`);

export const AMEND_MUTATION = gql(
  `mutation Amend($id: ID!, $input: JSONObject!, $revision: Int) { amendAlert(id: $id, input: $input, revision: $revision) { ${ALERT_SELECTION} } }`,
);

export const WITHDRAW_MUTATION = gql(
  `mutation Withdraw($id: ID!, $revision: Int) { withdrawAlert(id: $id, revision: $revision) { ${ALERT_SELECTION} } }`,
);

export const FEED_SUBSCRIPTION = gql(
  `subscription Feed($subscribed: Boolean!) { alertFeed(subscribed: $subscribed) { ${ALERT_SELECTION} } }`,
);

export const MY_SUBSCRIPTION_QUERY = gql('query MySubscription { mySubscription }');

export const SUBSCRIBED_ALERTS_QUERY = gql(
  `query SubscribedAlerts($unreadOnly: Boolean!, $limit: Int!) { subscribedAlerts(unreadOnly: $unreadOnly, limit: $limit) { read alert { ${ALERT_SELECTION} } } }`,
);

export const SET_SUBSCRIPTION_MUTATION = gql('mutation SetSubscription($filter: JSONObject!) { setSubscription(filter: $filter) }');

export const MARK_READ_MUTATION = gql('mutation MarkRead($ids: [ID!]!) { markAlertsRead(ids: $ids) }');

export type NodeAlert = Omit<Alert, 'routeDetails' | 'documentFraud'> & { details: Record<string, unknown> };

/** The node API carries kind-specific fields as `details`; put them back where proto has them. */
export function fromNodeAlert(a: NodeAlert): Alert {
  const { details, ...rest } = a;
  return (a.kind === 'route' ? { ...rest, routeDetails: details } : { ...rest, documentFraud: details }) as unknown as Alert;
}

export type NodeDirectoryEntry = DirectoryEntry;

// Consultations (issue 7): asked of the caller's own node only, which is party to them.
export const CONSULTATIONS_QUERY = gql('query Consultations { consultations }');
export const CONSULTATION_QUERY = gql('query Consultation($id: ID!) { consultation(id: $id) }');
export const REQUESTS_QUERY = gql(
  'query Requests($overdueOnly: Boolean!) { requests(overdueOnly: $overdueOnly) { request consultationId subject direction overdue } }',
);
export const PROTECTION_NOTICES_QUERY = gql('query ProtectionNotices($limit: Int!) { protectionNotices(limit: $limit) }');
export const OPEN_CONSULTATION_MUTATION = gql('mutation OpenConsultation($input: JSONObject!) { openConsultation(input: $input) }');
export const CONSULTATION_MESSAGE_MUTATION = gql(
  'mutation AddConsultationMessage($id: ID!, $input: JSONObject!) { addConsultationMessage(id: $id, input: $input) }',
);
export const CREATE_REQUEST_MUTATION = gql(
  'mutation CreateRequest($consultationId: ID!, $input: JSONObject!) { createRequest(consultationId: $consultationId, input: $input) }',
);
export const REQUEST_STATUS_MUTATION = gql(
  'mutation SetRequestStatus($requestId: ID!, $input: JSONObject!) { setRequestStatus(requestId: $requestId, input: $input) }',
);

// Statistics for reporting: the caller's own node, which checks the administrator role and suppresses small counts.
export const STATISTICS_QUERY = gql('query Statistics($from: String, $to: String) { statistics(from: $from, to: $to) }');
export const STATISTICS_CSV_QUERY = gql('query StatisticsCsv($from: String, $to: String) { statisticsCsv(from: $from, to: $to) }');
