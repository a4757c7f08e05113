/* eslint-disable */
import * as types from './graphql.js';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "fragment NodeAlertFields on Alert {\n  id kind tlp recipients createdAt validUntil summary summaryLanguage revision status signature caseReference protection redacted changes withdrawalReason heldBecause\n  handlingCode handlingConditions evidence { use legalBasis decidedBy }\n  correlations { alertId agency kinds }\n  routeDetails {\n    transport concealment communicationPlatforms priceObserved { amount currency } migrantCount\n    vulnerablePersons { children unaccompaniedMinors pregnantWomen } window { from to }\n  }\n  documentFraud { documentType issuingState fraudType featuresAffected detectedAt { place location flight } }\n  origin { agency country } grading { source information }\n  route { region waypoints { country place mode latitude longitude } } identifiers { kind pseudonym epoch }\n}": typeof types.NodeAlertFieldsFragmentDoc,
    "fragment NodeEntryFields on DirectoryEntry {\n  id agency country kind name title roles competences networks postedIn covers routes languages\n  availability { always timeZone hours { days from to } absences { from to note } } channels { type value label } notes\n  lastVerified verifiedBy retiredAt spoc stale redacted\n}": typeof types.NodeEntryFieldsFragmentDoc,
    "fragment NodeSubscriptionFields on RouteSubscription { kinds regions countries minimumGrading { source information } }": typeof types.NodeSubscriptionFieldsFragmentDoc,
    "query Directory($filter: DirectoryFilterInput) { directory(filter: $filter) { total entries { ...NodeEntryFields } } }": typeof types.DirectoryDocument,
    "query OwnHitChecks($items: [OwnHitCheckItemInput!]!) { ownHitChecks(items: $items) {\n  check { pseudonyms { kind pseudonym epoch }\n    answer { agency hit alerts { id revision kind createdAt matched handlingCode } contact { ...NodeEntryFields } } }\n  refusal { code message details } } }": typeof types.OwnHitChecksDocument,
    "query HitChecks($items: [HitCheckItemInput!]!) { hitChecks(items: $items) {\n  answer { agency hit alerts { id revision kind createdAt matched handlingCode } contact { ...NodeEntryFields } }\n  refusal { code message details } } }": typeof types.HitChecksDocument,
    "query Alerts($kind: String, $limit: Int!, $after: String) { alerts(scope: OWN, kind: $kind, limit: $limit, after: $after) { ...NodeAlertFields } }": typeof types.AlertsDocument,
    "query AuditLog($limit: Int!, $before: String, $agency: String) { auditLog(limit: $limit, before: $before, agency: $agency) { seq at channel agency subject resource items rule policyVersion hash } }": typeof types.AuditLogDocument,
    "query PurgeReport($from: String, $to: String) { purgeReport(from: $from, to: $to) {\n    from to retentionVersion truncated periods { kind period } counts { kind count }\n    items { kind itemId originAgency own revisions lapsedAt purgedAt rule retentionVersion hash } } }": typeof types.PurgeReportDocument,
    "query VerifyAudit($heads: [AuditHeadInput!], $answered: [String!]) { verifyAuditLog(heads: $heads, answered: $answered) {\n    ok checked brokenAt problem unanswered partners { agency seq hash at ok problem } problems { kind seq agencies message } } }": typeof types.VerifyAuditDocument,
    "query AuditHeads($limit: Int!) { auditHeads(limit: $limit) { holder agency seq hash at receivedAt jws } }": typeof types.AuditHeadsDocument,
    "mutation Publish($input: AlertInput!) { publishAlert(input: $input) { ...NodeAlertFields } }": typeof types.PublishDocument,
    "mutation Amend($id: ID!, $input: AlertInput!, $revision: Int) { amendAlert(id: $id, input: $input, revision: $revision) { ...NodeAlertFields } }": typeof types.AmendDocument,
    "mutation Withdraw($id: ID!, $reason: String, $revision: Int) { withdrawAlert(id: $id, reason: $reason, revision: $revision) { ...NodeAlertFields } }": typeof types.WithdrawDocument,
    "subscription Feed($subscribed: Boolean!) { alertFeed(subscribed: $subscribed) { ...NodeAlertFields } }": typeof types.FeedDocument,
    "query SubscribedAlerts($unreadOnly: Boolean!, $limit: Int!) { subscribedAlerts(unreadOnly: $unreadOnly, limit: $limit) { read alert { ...NodeAlertFields } } }": typeof types.SubscribedAlertsDocument,
    "fragment NodeRequestFields on Request {\n  id consultationId requestType urgent directlyAccessible summary senderReference receiverReference deadline warnAt status\n  sentAt answeredAt answer reason escalatedAt escalatedTo\n  sendingAuthority { agency entryId name } receivingAuthority { agency entryId name }\n  history { at agency author status note }\n}": typeof types.NodeRequestFieldsFragmentDoc,
    "fragment NodeConsultationFields on Consultation {\n  id openedBy counterpart subject about { alertId entryId } openedAt lastAt protection\n  messages { id from author at body protection handlingCode handlingConditions evidence { use legalBasis decidedBy } }\n  requests { ...NodeRequestFields }\n  permissions { id alertId purpose passTo reason askedBy askedByAuthor askedAt status answeredBy answeredAt legalBasis note }\n}": typeof types.NodeConsultationFieldsFragmentDoc,
    "fragment NodeStatisticsFigureFields on StatisticsFigure {\n  by { direction kind region requestType status flag country month } count suppressed medianDays\n}": typeof types.NodeStatisticsFigureFieldsFragmentDoc,
    "subscription Activity { activity { kind id consultationId } }": typeof types.ActivityDocument,
    "query MyActivity { myActivity { alert consultation request protection } }": typeof types.MyActivityDocument,
    "mutation MarkActivitySeen($kind: String!) { markActivitySeen(kind: $kind) { alert consultation request protection } }": typeof types.MarkActivitySeenDocument,
    "query Consultations { consultations { ...NodeConsultationFields } }": typeof types.ConsultationsDocument,
    "query Consultation($id: ID!) { consultation(id: $id) { ...NodeConsultationFields } }": typeof types.ConsultationDocument,
    "query Requests($overdueOnly: Boolean!) { requests(overdueOnly: $overdueOnly) { request { ...NodeRequestFields } consultationId subject direction overdue } }": typeof types.RequestsDocument,
    "query ProtectionNotices($limit: Int!) { protectionNotices(limit: $limit) { id source sourceId originAgency country flags contacts { entryId name } at } }": typeof types.ProtectionNoticesDocument,
    "mutation OpenConsultation($input: OpenConsultationInput!) { openConsultation(input: $input) { ...NodeConsultationFields } }": typeof types.OpenConsultationDocument,
    "mutation AddConsultationMessage($id: ID!, $input: ConsultationMessageInput!) { addConsultationMessage(id: $id, input: $input) { ...NodeConsultationFields } }": typeof types.AddConsultationMessageDocument,
    "mutation CreateRequest($consultationId: ID!, $input: RequestInput!) { createRequest(consultationId: $consultationId, input: $input) { ...NodeConsultationFields } }": typeof types.CreateRequestDocument,
    "mutation AskPermission($input: PermissionRequestInput!, $consultationId: ID) { askPermission(input: $input, consultationId: $consultationId) { ...NodeConsultationFields } }": typeof types.AskPermissionDocument,
    "mutation AnswerPermission($permissionId: ID!, $input: PermissionAnswerInput!) { answerPermission(permissionId: $permissionId, input: $input) { ...NodeConsultationFields } }": typeof types.AnswerPermissionDocument,
    "mutation SetRequestStatus($requestId: ID!, $input: RequestStatusInput!) { setRequestStatus(requestId: $requestId, input: $input) { ...NodeConsultationFields } }": typeof types.SetRequestStatusDocument,
    "mutation SetRequestDeadline($requestId: ID!, $input: RequestDeadlineInput!) { setRequestDeadline(requestId: $requestId, input: $input) { ...NodeConsultationFields } }": typeof types.SetRequestDeadlineDocument,
    "mutation EscalateRequest($requestId: ID!) { escalateRequest(requestId: $requestId) { ...NodeConsultationFields } }": typeof types.EscalateRequestDocument,
    "query OwnDirectory($includeRetired: Boolean!) { ownDirectory(includeRetired: $includeRetired) { ...NodeEntryFields } }": typeof types.OwnDirectoryDocument,
    "query DirectoryToVerify { directoryToVerify { ...NodeEntryFields } }": typeof types.DirectoryToVerifyDocument,
    "query DirectoryEntryHistory($id: ID!) { directoryEntryHistory(id: $id) { seq change subject name at } }": typeof types.DirectoryEntryHistoryDocument,
    "mutation CreateDirectoryEntry($entry: DirectoryEntryInput!) { createDirectoryEntry(entry: $entry) { ...NodeEntryFields } }": typeof types.CreateDirectoryEntryDocument,
    "mutation UpdateDirectoryEntry($id: ID!, $entry: DirectoryEntryInput!) { updateDirectoryEntry(id: $id, entry: $entry) { ...NodeEntryFields } }": typeof types.UpdateDirectoryEntryDocument,
    "mutation VerifyDirectoryEntry($id: ID!) { verifyDirectoryEntry(id: $id) { ...NodeEntryFields } }": typeof types.VerifyDirectoryEntryDocument,
    "mutation RetireDirectoryEntry($id: ID!) { retireDirectoryEntry(id: $id) { ...NodeEntryFields } }": typeof types.RetireDirectoryEntryDocument,
    "mutation DesignateSinglePointOfContact($entryId: ID!) { designateSinglePointOfContact(entryId: $entryId) { ...NodeEntryFields } }": typeof types.DesignateSinglePointOfContactDocument,
    "mutation ImportDirectoryCsv($csv: String!) { importDirectoryCsv(csv: $csv) { applied created updated unchanged problems { row field message } } }": typeof types.ImportDirectoryCsvDocument,
    "query ReleasePreview($input: AlertInput!) {\n        releasePreview(input: $input) { agency name country receives reason rule policyVersion withheld readers { role rule withheld } }\n      }": typeof types.ReleasePreviewDocument,
    "mutation PublishBatch($inputs: [AlertInput!]!) { publishAlerts(inputs: $inputs) { ...NodeAlertFields } }": typeof types.PublishBatchDocument,
    "query AlertHistory($id: ID!) { alertHistory(id: $id) { ...NodeAlertFields } }": typeof types.AlertHistoryDocument,
    "query MySubscription { mySubscription { ...NodeSubscriptionFields } }": typeof types.MySubscriptionDocument,
    "mutation SetSubscription($filter: RouteSubscriptionInput!) { setSubscription(filter: $filter) { ...NodeSubscriptionFields } }": typeof types.SetSubscriptionDocument,
    "mutation MarkRead($ids: [ID!]!) { markAlertsRead(ids: $ids) }": typeof types.MarkReadDocument,
    "query Statistics($from: String, $to: String) {\n          statistics(from: $from, to: $to) {\n            format agency period { from to } generatedAt threshold notes\n            tables { name dimensions rows { ...NodeStatisticsFigureFields } totals { ...NodeStatisticsFigureFields } }\n          }\n        }": typeof types.StatisticsDocument,
    "query StatisticsCsv($from: String, $to: String) { statisticsCsv(from: $from, to: $to) }": typeof types.StatisticsCsvDocument,
};
const documents: Documents = {
    "fragment NodeAlertFields on Alert {\n  id kind tlp recipients createdAt validUntil summary summaryLanguage revision status signature caseReference protection redacted changes withdrawalReason heldBecause\n  handlingCode handlingConditions evidence { use legalBasis decidedBy }\n  correlations { alertId agency kinds }\n  routeDetails {\n    transport concealment communicationPlatforms priceObserved { amount currency } migrantCount\n    vulnerablePersons { children unaccompaniedMinors pregnantWomen } window { from to }\n  }\n  documentFraud { documentType issuingState fraudType featuresAffected detectedAt { place location flight } }\n  origin { agency country } grading { source information }\n  route { region waypoints { country place mode latitude longitude } } identifiers { kind pseudonym epoch }\n}": types.NodeAlertFieldsFragmentDoc,
    "fragment NodeEntryFields on DirectoryEntry {\n  id agency country kind name title roles competences networks postedIn covers routes languages\n  availability { always timeZone hours { days from to } absences { from to note } } channels { type value label } notes\n  lastVerified verifiedBy retiredAt spoc stale redacted\n}": types.NodeEntryFieldsFragmentDoc,
    "fragment NodeSubscriptionFields on RouteSubscription { kinds regions countries minimumGrading { source information } }": types.NodeSubscriptionFieldsFragmentDoc,
    "query Directory($filter: DirectoryFilterInput) { directory(filter: $filter) { total entries { ...NodeEntryFields } } }": types.DirectoryDocument,
    "query OwnHitChecks($items: [OwnHitCheckItemInput!]!) { ownHitChecks(items: $items) {\n  check { pseudonyms { kind pseudonym epoch }\n    answer { agency hit alerts { id revision kind createdAt matched handlingCode } contact { ...NodeEntryFields } } }\n  refusal { code message details } } }": types.OwnHitChecksDocument,
    "query HitChecks($items: [HitCheckItemInput!]!) { hitChecks(items: $items) {\n  answer { agency hit alerts { id revision kind createdAt matched handlingCode } contact { ...NodeEntryFields } }\n  refusal { code message details } } }": types.HitChecksDocument,
    "query Alerts($kind: String, $limit: Int!, $after: String) { alerts(scope: OWN, kind: $kind, limit: $limit, after: $after) { ...NodeAlertFields } }": types.AlertsDocument,
    "query AuditLog($limit: Int!, $before: String, $agency: String) { auditLog(limit: $limit, before: $before, agency: $agency) { seq at channel agency subject resource items rule policyVersion hash } }": types.AuditLogDocument,
    "query PurgeReport($from: String, $to: String) { purgeReport(from: $from, to: $to) {\n    from to retentionVersion truncated periods { kind period } counts { kind count }\n    items { kind itemId originAgency own revisions lapsedAt purgedAt rule retentionVersion hash } } }": types.PurgeReportDocument,
    "query VerifyAudit($heads: [AuditHeadInput!], $answered: [String!]) { verifyAuditLog(heads: $heads, answered: $answered) {\n    ok checked brokenAt problem unanswered partners { agency seq hash at ok problem } problems { kind seq agencies message } } }": types.VerifyAuditDocument,
    "query AuditHeads($limit: Int!) { auditHeads(limit: $limit) { holder agency seq hash at receivedAt jws } }": types.AuditHeadsDocument,
    "mutation Publish($input: AlertInput!) { publishAlert(input: $input) { ...NodeAlertFields } }": types.PublishDocument,
    "mutation Amend($id: ID!, $input: AlertInput!, $revision: Int) { amendAlert(id: $id, input: $input, revision: $revision) { ...NodeAlertFields } }": types.AmendDocument,
    "mutation Withdraw($id: ID!, $reason: String, $revision: Int) { withdrawAlert(id: $id, reason: $reason, revision: $revision) { ...NodeAlertFields } }": types.WithdrawDocument,
    "subscription Feed($subscribed: Boolean!) { alertFeed(subscribed: $subscribed) { ...NodeAlertFields } }": types.FeedDocument,
    "query SubscribedAlerts($unreadOnly: Boolean!, $limit: Int!) { subscribedAlerts(unreadOnly: $unreadOnly, limit: $limit) { read alert { ...NodeAlertFields } } }": types.SubscribedAlertsDocument,
    "fragment NodeRequestFields on Request {\n  id consultationId requestType urgent directlyAccessible summary senderReference receiverReference deadline warnAt status\n  sentAt answeredAt answer reason escalatedAt escalatedTo\n  sendingAuthority { agency entryId name } receivingAuthority { agency entryId name }\n  history { at agency author status note }\n}": types.NodeRequestFieldsFragmentDoc,
    "fragment NodeConsultationFields on Consultation {\n  id openedBy counterpart subject about { alertId entryId } openedAt lastAt protection\n  messages { id from author at body protection handlingCode handlingConditions evidence { use legalBasis decidedBy } }\n  requests { ...NodeRequestFields }\n  permissions { id alertId purpose passTo reason askedBy askedByAuthor askedAt status answeredBy answeredAt legalBasis note }\n}": types.NodeConsultationFieldsFragmentDoc,
    "fragment NodeStatisticsFigureFields on StatisticsFigure {\n  by { direction kind region requestType status flag country month } count suppressed medianDays\n}": types.NodeStatisticsFigureFieldsFragmentDoc,
    "subscription Activity { activity { kind id consultationId } }": types.ActivityDocument,
    "query MyActivity { myActivity { alert consultation request protection } }": types.MyActivityDocument,
    "mutation MarkActivitySeen($kind: String!) { markActivitySeen(kind: $kind) { alert consultation request protection } }": types.MarkActivitySeenDocument,
    "query Consultations { consultations { ...NodeConsultationFields } }": types.ConsultationsDocument,
    "query Consultation($id: ID!) { consultation(id: $id) { ...NodeConsultationFields } }": types.ConsultationDocument,
    "query Requests($overdueOnly: Boolean!) { requests(overdueOnly: $overdueOnly) { request { ...NodeRequestFields } consultationId subject direction overdue } }": types.RequestsDocument,
    "query ProtectionNotices($limit: Int!) { protectionNotices(limit: $limit) { id source sourceId originAgency country flags contacts { entryId name } at } }": types.ProtectionNoticesDocument,
    "mutation OpenConsultation($input: OpenConsultationInput!) { openConsultation(input: $input) { ...NodeConsultationFields } }": types.OpenConsultationDocument,
    "mutation AddConsultationMessage($id: ID!, $input: ConsultationMessageInput!) { addConsultationMessage(id: $id, input: $input) { ...NodeConsultationFields } }": types.AddConsultationMessageDocument,
    "mutation CreateRequest($consultationId: ID!, $input: RequestInput!) { createRequest(consultationId: $consultationId, input: $input) { ...NodeConsultationFields } }": types.CreateRequestDocument,
    "mutation AskPermission($input: PermissionRequestInput!, $consultationId: ID) { askPermission(input: $input, consultationId: $consultationId) { ...NodeConsultationFields } }": types.AskPermissionDocument,
    "mutation AnswerPermission($permissionId: ID!, $input: PermissionAnswerInput!) { answerPermission(permissionId: $permissionId, input: $input) { ...NodeConsultationFields } }": types.AnswerPermissionDocument,
    "mutation SetRequestStatus($requestId: ID!, $input: RequestStatusInput!) { setRequestStatus(requestId: $requestId, input: $input) { ...NodeConsultationFields } }": types.SetRequestStatusDocument,
    "mutation SetRequestDeadline($requestId: ID!, $input: RequestDeadlineInput!) { setRequestDeadline(requestId: $requestId, input: $input) { ...NodeConsultationFields } }": types.SetRequestDeadlineDocument,
    "mutation EscalateRequest($requestId: ID!) { escalateRequest(requestId: $requestId) { ...NodeConsultationFields } }": types.EscalateRequestDocument,
    "query OwnDirectory($includeRetired: Boolean!) { ownDirectory(includeRetired: $includeRetired) { ...NodeEntryFields } }": types.OwnDirectoryDocument,
    "query DirectoryToVerify { directoryToVerify { ...NodeEntryFields } }": types.DirectoryToVerifyDocument,
    "query DirectoryEntryHistory($id: ID!) { directoryEntryHistory(id: $id) { seq change subject name at } }": types.DirectoryEntryHistoryDocument,
    "mutation CreateDirectoryEntry($entry: DirectoryEntryInput!) { createDirectoryEntry(entry: $entry) { ...NodeEntryFields } }": types.CreateDirectoryEntryDocument,
    "mutation UpdateDirectoryEntry($id: ID!, $entry: DirectoryEntryInput!) { updateDirectoryEntry(id: $id, entry: $entry) { ...NodeEntryFields } }": types.UpdateDirectoryEntryDocument,
    "mutation VerifyDirectoryEntry($id: ID!) { verifyDirectoryEntry(id: $id) { ...NodeEntryFields } }": types.VerifyDirectoryEntryDocument,
    "mutation RetireDirectoryEntry($id: ID!) { retireDirectoryEntry(id: $id) { ...NodeEntryFields } }": types.RetireDirectoryEntryDocument,
    "mutation DesignateSinglePointOfContact($entryId: ID!) { designateSinglePointOfContact(entryId: $entryId) { ...NodeEntryFields } }": types.DesignateSinglePointOfContactDocument,
    "mutation ImportDirectoryCsv($csv: String!) { importDirectoryCsv(csv: $csv) { applied created updated unchanged problems { row field message } } }": types.ImportDirectoryCsvDocument,
    "query ReleasePreview($input: AlertInput!) {\n        releasePreview(input: $input) { agency name country receives reason rule policyVersion withheld readers { role rule withheld } }\n      }": types.ReleasePreviewDocument,
    "mutation PublishBatch($inputs: [AlertInput!]!) { publishAlerts(inputs: $inputs) { ...NodeAlertFields } }": types.PublishBatchDocument,
    "query AlertHistory($id: ID!) { alertHistory(id: $id) { ...NodeAlertFields } }": types.AlertHistoryDocument,
    "query MySubscription { mySubscription { ...NodeSubscriptionFields } }": types.MySubscriptionDocument,
    "mutation SetSubscription($filter: RouteSubscriptionInput!) { setSubscription(filter: $filter) { ...NodeSubscriptionFields } }": types.SetSubscriptionDocument,
    "mutation MarkRead($ids: [ID!]!) { markAlertsRead(ids: $ids) }": types.MarkReadDocument,
    "query Statistics($from: String, $to: String) {\n          statistics(from: $from, to: $to) {\n            format agency period { from to } generatedAt threshold notes\n            tables { name dimensions rows { ...NodeStatisticsFigureFields } totals { ...NodeStatisticsFigureFields } }\n          }\n        }": types.StatisticsDocument,
    "query StatisticsCsv($from: String, $to: String) { statisticsCsv(from: $from, to: $to) }": types.StatisticsCsvDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment NodeAlertFields on Alert {\n  id kind tlp recipients createdAt validUntil summary summaryLanguage revision status signature caseReference protection redacted changes withdrawalReason heldBecause\n  handlingCode handlingConditions evidence { use legalBasis decidedBy }\n  correlations { alertId agency kinds }\n  routeDetails {\n    transport concealment communicationPlatforms priceObserved { amount currency } migrantCount\n    vulnerablePersons { children unaccompaniedMinors pregnantWomen } window { from to }\n  }\n  documentFraud { documentType issuingState fraudType featuresAffected detectedAt { place location flight } }\n  origin { agency country } grading { source information }\n  route { region waypoints { country place mode latitude longitude } } identifiers { kind pseudonym epoch }\n}"): (typeof documents)["fragment NodeAlertFields on Alert {\n  id kind tlp recipients createdAt validUntil summary summaryLanguage revision status signature caseReference protection redacted changes withdrawalReason heldBecause\n  handlingCode handlingConditions evidence { use legalBasis decidedBy }\n  correlations { alertId agency kinds }\n  routeDetails {\n    transport concealment communicationPlatforms priceObserved { amount currency } migrantCount\n    vulnerablePersons { children unaccompaniedMinors pregnantWomen } window { from to }\n  }\n  documentFraud { documentType issuingState fraudType featuresAffected detectedAt { place location flight } }\n  origin { agency country } grading { source information }\n  route { region waypoints { country place mode latitude longitude } } identifiers { kind pseudonym epoch }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment NodeEntryFields on DirectoryEntry {\n  id agency country kind name title roles competences networks postedIn covers routes languages\n  availability { always timeZone hours { days from to } absences { from to note } } channels { type value label } notes\n  lastVerified verifiedBy retiredAt spoc stale redacted\n}"): (typeof documents)["fragment NodeEntryFields on DirectoryEntry {\n  id agency country kind name title roles competences networks postedIn covers routes languages\n  availability { always timeZone hours { days from to } absences { from to note } } channels { type value label } notes\n  lastVerified verifiedBy retiredAt spoc stale redacted\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment NodeSubscriptionFields on RouteSubscription { kinds regions countries minimumGrading { source information } }"): (typeof documents)["fragment NodeSubscriptionFields on RouteSubscription { kinds regions countries minimumGrading { source information } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Directory($filter: DirectoryFilterInput) { directory(filter: $filter) { total entries { ...NodeEntryFields } } }"): (typeof documents)["query Directory($filter: DirectoryFilterInput) { directory(filter: $filter) { total entries { ...NodeEntryFields } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OwnHitChecks($items: [OwnHitCheckItemInput!]!) { ownHitChecks(items: $items) {\n  check { pseudonyms { kind pseudonym epoch }\n    answer { agency hit alerts { id revision kind createdAt matched handlingCode } contact { ...NodeEntryFields } } }\n  refusal { code message details } } }"): (typeof documents)["query OwnHitChecks($items: [OwnHitCheckItemInput!]!) { ownHitChecks(items: $items) {\n  check { pseudonyms { kind pseudonym epoch }\n    answer { agency hit alerts { id revision kind createdAt matched handlingCode } contact { ...NodeEntryFields } } }\n  refusal { code message details } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query HitChecks($items: [HitCheckItemInput!]!) { hitChecks(items: $items) {\n  answer { agency hit alerts { id revision kind createdAt matched handlingCode } contact { ...NodeEntryFields } }\n  refusal { code message details } } }"): (typeof documents)["query HitChecks($items: [HitCheckItemInput!]!) { hitChecks(items: $items) {\n  answer { agency hit alerts { id revision kind createdAt matched handlingCode } contact { ...NodeEntryFields } }\n  refusal { code message details } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Alerts($kind: String, $limit: Int!, $after: String) { alerts(scope: OWN, kind: $kind, limit: $limit, after: $after) { ...NodeAlertFields } }"): (typeof documents)["query Alerts($kind: String, $limit: Int!, $after: String) { alerts(scope: OWN, kind: $kind, limit: $limit, after: $after) { ...NodeAlertFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditLog($limit: Int!, $before: String, $agency: String) { auditLog(limit: $limit, before: $before, agency: $agency) { seq at channel agency subject resource items rule policyVersion hash } }"): (typeof documents)["query AuditLog($limit: Int!, $before: String, $agency: String) { auditLog(limit: $limit, before: $before, agency: $agency) { seq at channel agency subject resource items rule policyVersion hash } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query PurgeReport($from: String, $to: String) { purgeReport(from: $from, to: $to) {\n    from to retentionVersion truncated periods { kind period } counts { kind count }\n    items { kind itemId originAgency own revisions lapsedAt purgedAt rule retentionVersion hash } } }"): (typeof documents)["query PurgeReport($from: String, $to: String) { purgeReport(from: $from, to: $to) {\n    from to retentionVersion truncated periods { kind period } counts { kind count }\n    items { kind itemId originAgency own revisions lapsedAt purgedAt rule retentionVersion hash } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query VerifyAudit($heads: [AuditHeadInput!], $answered: [String!]) { verifyAuditLog(heads: $heads, answered: $answered) {\n    ok checked brokenAt problem unanswered partners { agency seq hash at ok problem } problems { kind seq agencies message } } }"): (typeof documents)["query VerifyAudit($heads: [AuditHeadInput!], $answered: [String!]) { verifyAuditLog(heads: $heads, answered: $answered) {\n    ok checked brokenAt problem unanswered partners { agency seq hash at ok problem } problems { kind seq agencies message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditHeads($limit: Int!) { auditHeads(limit: $limit) { holder agency seq hash at receivedAt jws } }"): (typeof documents)["query AuditHeads($limit: Int!) { auditHeads(limit: $limit) { holder agency seq hash at receivedAt jws } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Publish($input: AlertInput!) { publishAlert(input: $input) { ...NodeAlertFields } }"): (typeof documents)["mutation Publish($input: AlertInput!) { publishAlert(input: $input) { ...NodeAlertFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Amend($id: ID!, $input: AlertInput!, $revision: Int) { amendAlert(id: $id, input: $input, revision: $revision) { ...NodeAlertFields } }"): (typeof documents)["mutation Amend($id: ID!, $input: AlertInput!, $revision: Int) { amendAlert(id: $id, input: $input, revision: $revision) { ...NodeAlertFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation Withdraw($id: ID!, $reason: String, $revision: Int) { withdrawAlert(id: $id, reason: $reason, revision: $revision) { ...NodeAlertFields } }"): (typeof documents)["mutation Withdraw($id: ID!, $reason: String, $revision: Int) { withdrawAlert(id: $id, reason: $reason, revision: $revision) { ...NodeAlertFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription Feed($subscribed: Boolean!) { alertFeed(subscribed: $subscribed) { ...NodeAlertFields } }"): (typeof documents)["subscription Feed($subscribed: Boolean!) { alertFeed(subscribed: $subscribed) { ...NodeAlertFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query SubscribedAlerts($unreadOnly: Boolean!, $limit: Int!) { subscribedAlerts(unreadOnly: $unreadOnly, limit: $limit) { read alert { ...NodeAlertFields } } }"): (typeof documents)["query SubscribedAlerts($unreadOnly: Boolean!, $limit: Int!) { subscribedAlerts(unreadOnly: $unreadOnly, limit: $limit) { read alert { ...NodeAlertFields } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment NodeRequestFields on Request {\n  id consultationId requestType urgent directlyAccessible summary senderReference receiverReference deadline warnAt status\n  sentAt answeredAt answer reason escalatedAt escalatedTo\n  sendingAuthority { agency entryId name } receivingAuthority { agency entryId name }\n  history { at agency author status note }\n}"): (typeof documents)["fragment NodeRequestFields on Request {\n  id consultationId requestType urgent directlyAccessible summary senderReference receiverReference deadline warnAt status\n  sentAt answeredAt answer reason escalatedAt escalatedTo\n  sendingAuthority { agency entryId name } receivingAuthority { agency entryId name }\n  history { at agency author status note }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment NodeConsultationFields on Consultation {\n  id openedBy counterpart subject about { alertId entryId } openedAt lastAt protection\n  messages { id from author at body protection handlingCode handlingConditions evidence { use legalBasis decidedBy } }\n  requests { ...NodeRequestFields }\n  permissions { id alertId purpose passTo reason askedBy askedByAuthor askedAt status answeredBy answeredAt legalBasis note }\n}"): (typeof documents)["fragment NodeConsultationFields on Consultation {\n  id openedBy counterpart subject about { alertId entryId } openedAt lastAt protection\n  messages { id from author at body protection handlingCode handlingConditions evidence { use legalBasis decidedBy } }\n  requests { ...NodeRequestFields }\n  permissions { id alertId purpose passTo reason askedBy askedByAuthor askedAt status answeredBy answeredAt legalBasis note }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment NodeStatisticsFigureFields on StatisticsFigure {\n  by { direction kind region requestType status flag country month } count suppressed medianDays\n}"): (typeof documents)["fragment NodeStatisticsFigureFields on StatisticsFigure {\n  by { direction kind region requestType status flag country month } count suppressed medianDays\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription Activity { activity { kind id consultationId } }"): (typeof documents)["subscription Activity { activity { kind id consultationId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyActivity { myActivity { alert consultation request protection } }"): (typeof documents)["query MyActivity { myActivity { alert consultation request protection } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MarkActivitySeen($kind: String!) { markActivitySeen(kind: $kind) { alert consultation request protection } }"): (typeof documents)["mutation MarkActivitySeen($kind: String!) { markActivitySeen(kind: $kind) { alert consultation request protection } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Consultations { consultations { ...NodeConsultationFields } }"): (typeof documents)["query Consultations { consultations { ...NodeConsultationFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Consultation($id: ID!) { consultation(id: $id) { ...NodeConsultationFields } }"): (typeof documents)["query Consultation($id: ID!) { consultation(id: $id) { ...NodeConsultationFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Requests($overdueOnly: Boolean!) { requests(overdueOnly: $overdueOnly) { request { ...NodeRequestFields } consultationId subject direction overdue } }"): (typeof documents)["query Requests($overdueOnly: Boolean!) { requests(overdueOnly: $overdueOnly) { request { ...NodeRequestFields } consultationId subject direction overdue } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProtectionNotices($limit: Int!) { protectionNotices(limit: $limit) { id source sourceId originAgency country flags contacts { entryId name } at } }"): (typeof documents)["query ProtectionNotices($limit: Int!) { protectionNotices(limit: $limit) { id source sourceId originAgency country flags contacts { entryId name } at } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OpenConsultation($input: OpenConsultationInput!) { openConsultation(input: $input) { ...NodeConsultationFields } }"): (typeof documents)["mutation OpenConsultation($input: OpenConsultationInput!) { openConsultation(input: $input) { ...NodeConsultationFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddConsultationMessage($id: ID!, $input: ConsultationMessageInput!) { addConsultationMessage(id: $id, input: $input) { ...NodeConsultationFields } }"): (typeof documents)["mutation AddConsultationMessage($id: ID!, $input: ConsultationMessageInput!) { addConsultationMessage(id: $id, input: $input) { ...NodeConsultationFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateRequest($consultationId: ID!, $input: RequestInput!) { createRequest(consultationId: $consultationId, input: $input) { ...NodeConsultationFields } }"): (typeof documents)["mutation CreateRequest($consultationId: ID!, $input: RequestInput!) { createRequest(consultationId: $consultationId, input: $input) { ...NodeConsultationFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AskPermission($input: PermissionRequestInput!, $consultationId: ID) { askPermission(input: $input, consultationId: $consultationId) { ...NodeConsultationFields } }"): (typeof documents)["mutation AskPermission($input: PermissionRequestInput!, $consultationId: ID) { askPermission(input: $input, consultationId: $consultationId) { ...NodeConsultationFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AnswerPermission($permissionId: ID!, $input: PermissionAnswerInput!) { answerPermission(permissionId: $permissionId, input: $input) { ...NodeConsultationFields } }"): (typeof documents)["mutation AnswerPermission($permissionId: ID!, $input: PermissionAnswerInput!) { answerPermission(permissionId: $permissionId, input: $input) { ...NodeConsultationFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetRequestStatus($requestId: ID!, $input: RequestStatusInput!) { setRequestStatus(requestId: $requestId, input: $input) { ...NodeConsultationFields } }"): (typeof documents)["mutation SetRequestStatus($requestId: ID!, $input: RequestStatusInput!) { setRequestStatus(requestId: $requestId, input: $input) { ...NodeConsultationFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetRequestDeadline($requestId: ID!, $input: RequestDeadlineInput!) { setRequestDeadline(requestId: $requestId, input: $input) { ...NodeConsultationFields } }"): (typeof documents)["mutation SetRequestDeadline($requestId: ID!, $input: RequestDeadlineInput!) { setRequestDeadline(requestId: $requestId, input: $input) { ...NodeConsultationFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EscalateRequest($requestId: ID!) { escalateRequest(requestId: $requestId) { ...NodeConsultationFields } }"): (typeof documents)["mutation EscalateRequest($requestId: ID!) { escalateRequest(requestId: $requestId) { ...NodeConsultationFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OwnDirectory($includeRetired: Boolean!) { ownDirectory(includeRetired: $includeRetired) { ...NodeEntryFields } }"): (typeof documents)["query OwnDirectory($includeRetired: Boolean!) { ownDirectory(includeRetired: $includeRetired) { ...NodeEntryFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DirectoryToVerify { directoryToVerify { ...NodeEntryFields } }"): (typeof documents)["query DirectoryToVerify { directoryToVerify { ...NodeEntryFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DirectoryEntryHistory($id: ID!) { directoryEntryHistory(id: $id) { seq change subject name at } }"): (typeof documents)["query DirectoryEntryHistory($id: ID!) { directoryEntryHistory(id: $id) { seq change subject name at } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateDirectoryEntry($entry: DirectoryEntryInput!) { createDirectoryEntry(entry: $entry) { ...NodeEntryFields } }"): (typeof documents)["mutation CreateDirectoryEntry($entry: DirectoryEntryInput!) { createDirectoryEntry(entry: $entry) { ...NodeEntryFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateDirectoryEntry($id: ID!, $entry: DirectoryEntryInput!) { updateDirectoryEntry(id: $id, entry: $entry) { ...NodeEntryFields } }"): (typeof documents)["mutation UpdateDirectoryEntry($id: ID!, $entry: DirectoryEntryInput!) { updateDirectoryEntry(id: $id, entry: $entry) { ...NodeEntryFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyDirectoryEntry($id: ID!) { verifyDirectoryEntry(id: $id) { ...NodeEntryFields } }"): (typeof documents)["mutation VerifyDirectoryEntry($id: ID!) { verifyDirectoryEntry(id: $id) { ...NodeEntryFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RetireDirectoryEntry($id: ID!) { retireDirectoryEntry(id: $id) { ...NodeEntryFields } }"): (typeof documents)["mutation RetireDirectoryEntry($id: ID!) { retireDirectoryEntry(id: $id) { ...NodeEntryFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DesignateSinglePointOfContact($entryId: ID!) { designateSinglePointOfContact(entryId: $entryId) { ...NodeEntryFields } }"): (typeof documents)["mutation DesignateSinglePointOfContact($entryId: ID!) { designateSinglePointOfContact(entryId: $entryId) { ...NodeEntryFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ImportDirectoryCsv($csv: String!) { importDirectoryCsv(csv: $csv) { applied created updated unchanged problems { row field message } } }"): (typeof documents)["mutation ImportDirectoryCsv($csv: String!) { importDirectoryCsv(csv: $csv) { applied created updated unchanged problems { row field message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ReleasePreview($input: AlertInput!) {\n        releasePreview(input: $input) { agency name country receives reason rule policyVersion withheld readers { role rule withheld } }\n      }"): (typeof documents)["query ReleasePreview($input: AlertInput!) {\n        releasePreview(input: $input) { agency name country receives reason rule policyVersion withheld readers { role rule withheld } }\n      }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation PublishBatch($inputs: [AlertInput!]!) { publishAlerts(inputs: $inputs) { ...NodeAlertFields } }"): (typeof documents)["mutation PublishBatch($inputs: [AlertInput!]!) { publishAlerts(inputs: $inputs) { ...NodeAlertFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AlertHistory($id: ID!) { alertHistory(id: $id) { ...NodeAlertFields } }"): (typeof documents)["query AlertHistory($id: ID!) { alertHistory(id: $id) { ...NodeAlertFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MySubscription { mySubscription { ...NodeSubscriptionFields } }"): (typeof documents)["query MySubscription { mySubscription { ...NodeSubscriptionFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetSubscription($filter: RouteSubscriptionInput!) { setSubscription(filter: $filter) { ...NodeSubscriptionFields } }"): (typeof documents)["mutation SetSubscription($filter: RouteSubscriptionInput!) { setSubscription(filter: $filter) { ...NodeSubscriptionFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MarkRead($ids: [ID!]!) { markAlertsRead(ids: $ids) }"): (typeof documents)["mutation MarkRead($ids: [ID!]!) { markAlertsRead(ids: $ids) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Statistics($from: String, $to: String) {\n          statistics(from: $from, to: $to) {\n            format agency period { from to } generatedAt threshold notes\n            tables { name dimensions rows { ...NodeStatisticsFigureFields } totals { ...NodeStatisticsFigureFields } }\n          }\n        }"): (typeof documents)["query Statistics($from: String, $to: String) {\n          statistics(from: $from, to: $to) {\n            format agency period { from to } generatedAt threshold notes\n            tables { name dimensions rows { ...NodeStatisticsFigureFields } totals { ...NodeStatisticsFigureFields } }\n          }\n        }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query StatisticsCsv($from: String, $to: String) { statisticsCsv(from: $from, to: $to) }"): (typeof documents)["query StatisticsCsv($from: String, $to: String) { statisticsCsv(from: $from, to: $to) }"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;