// What the gateway asks nodes beyond forwarding a field as it is (fanned-out queries, answers it
// reshapes), written against the node's printed schema (services/schema.graphql):
// `pnpm --filter @corridor/gateway run codegen` types each document's variables and answer from it
// (node-gql/), and node-documents.spec.ts validates them, and those written at the fields that
// forward them (`fromOwnNode(graphql(…))`), against it.
import { graphql } from './node-gql/index.js';

// Fragments, not string interpolation: codegen reads each document as written, and a spread
// fragment is appended to the documents that use it.
graphql(`fragment NodeAlertFields on Alert {
  id kind tlp recipients createdAt validUntil summary summaryLanguage revision status signature caseReference protection redacted changes withdrawalReason heldBecause
  handlingCode handlingConditions evidence { use legalBasis decidedBy }
  correlations { alertId agency kinds }
  routeDetails {
    transport concealment communicationPlatforms priceObserved { amount currency } migrantCount
    vulnerablePersons { children unaccompaniedMinors pregnantWomen } window { from to }
  }
  documentFraud { documentType issuingState fraudType featuresAffected detectedAt { place location flight } }
  origin { agency country } grading { source information }
  route { region waypoints { country place mode latitude longitude } } identifiers { kind pseudonym epoch }
}`);

graphql(`fragment NodeEntryFields on DirectoryEntry {
  id agency country kind name title roles competences networks postedIn covers routes languages
  availability { always timeZone hours { days from to } absences { from to note } } channels { type value label } notes
  lastVerified verifiedBy retiredAt spoc stale redacted
}`);

graphql(`fragment NodeSubscriptionFields on RouteSubscription { kinds regions countries minimumGrading { source information } }`);

export const DIRECTORY_QUERY = graphql(
  `query Directory($filter: DirectoryFilterInput) { directory(filter: $filter) { total entries { ...NodeEntryFields } } }`,
);

/**
 * The checks that reach the gateway in one moment, sent to a node as one request (check-batches.ts):
 * each item under its user's token, answered or refused on its own. ownHitChecks is asked of the
 * callers' own node only: the raw identifiers go nowhere else.
 */
export const OWN_HIT_CHECKS_QUERY = graphql(`query OwnHitChecks($items: [OwnHitCheckItemInput!]!) { ownHitChecks(items: $items) {
  check { pseudonyms { kind pseudonym epoch }
    answer { agency hit alerts { id revision kind createdAt matched handlingCode } contact { ...NodeEntryFields } } }
  refusal { code message details } } }`);

export const HIT_CHECKS_QUERY = graphql(`query HitChecks($items: [HitCheckItemInput!]!) { hitChecks(items: $items) {
  answer { agency hit alerts { id revision kind createdAt matched handlingCode } contact { ...NodeEntryFields } }
  refusal { code message details } } }`);

export const ALERTS_QUERY = graphql(
  `query Alerts($kind: String, $limit: Int!, $after: String) { alerts(scope: OWN, kind: $kind, limit: $limit, after: $after) { ...NodeAlertFields } }`,
);

export const AUDIT_LOG_QUERY = graphql(
  `query AuditLog($limit: Int!, $before: String, $agency: String) { auditLog(limit: $limit, before: $before, agency: $agency) { seq at channel agency subject resource items rule policyVersion hash } }`,
);

export const PURGE_REPORT_QUERY = graphql(
  `query PurgeReport($from: String, $to: String) { purgeReport(from: $from, to: $to) {
    from to retentionVersion truncated periods { kind period } counts { kind count }
    items { kind itemId originAgency own revisions lapsedAt purgedAt rule retentionVersion hash } } }`,
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
  `mutation Withdraw($id: ID!, $reason: String, $revision: Int) { withdrawAlert(id: $id, reason: $reason, revision: $revision) { ...NodeAlertFields } }`,
);

export const FEED_SUBSCRIPTION = graphql(
  `subscription Feed($subscribed: Boolean!) { alertFeed(subscribed: $subscribed) { ...NodeAlertFields } }`,
);

export const SUBSCRIBED_ALERTS_QUERY = graphql(
  `query SubscribedAlerts($unreadOnly: Boolean!, $limit: Int!) { subscribedAlerts(unreadOnly: $unreadOnly, limit: $limit) { read alert { ...NodeAlertFields } } }`,
);

// Consultations (issue 7) and statistics: asked of the caller's own node only. The documents stand
// at their fields (schema/consultations.ts, schema/statistics.ts); the fragments they share, here.
graphql(`fragment NodeRequestFields on Request {
  id consultationId requestType urgent directlyAccessible summary senderReference receiverReference deadline warnAt status
  sentAt answeredAt answer reason escalatedAt escalatedTo
  sendingAuthority { agency entryId name } receivingAuthority { agency entryId name }
  history { at agency author status note }
}`);

graphql(`fragment NodeConsultationFields on Consultation {
  id openedBy counterpart subject about { alertId entryId } openedAt lastAt protection
  messages { id from author at body protection handlingCode handlingConditions evidence { use legalBasis decidedBy } }
  requests { ...NodeRequestFields }
  permissions { id alertId purpose passTo reason askedBy askedByAuthor askedAt status answeredBy answeredAt legalBasis note }
}`);

graphql(`fragment NodeStatisticsFigureFields on StatisticsFigure {
  by { direction kind region requestType status flag country month } count suppressed medianDays
}`);
