/* eslint-disable */
import * as types from './graphql';
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
    "\n  query Me {\n    me { subject name agency agencyName country roles networks }\n    agencies { id name country }\n  }\n": typeof types.MeDocument,
    "query MyActivity { myActivity { alert consultation request protection } }": typeof types.MyActivityDocument,
    "mutation MarkActivitySeen($kind: String!) { markActivitySeen(kind: $kind) { alert consultation request protection } }": typeof types.MarkActivitySeenDocument,
    "subscription Activity { activity { kind id consultationId } }": typeof types.ActivityDocument,
    "\n  mutation AmendAlert($id: ID!, $input: AlertInput!, $revision: Int) {\n    amendAlert(id: $id, input: $input, revision: $revision) { ...AlertFields }\n  }\n": typeof types.AmendAlertDocument,
    "\n  mutation WithdrawAlert($id: ID!, $reason: String, $revision: Int) {\n    withdrawAlert(id: $id, reason: $reason, revision: $revision) { ...AlertFields }\n  }\n": typeof types.WithdrawAlertDocument,
    "\n  fragment AlertFields on Alert {\n    id\n    kind\n    tlp\n    recipients\n    createdAt\n    validUntil\n    summary\n    summaryLanguage\n    revision\n    status\n    changes\n    withdrawalReason\n    routeDetails {\n      transport\n      concealment\n      communicationPlatforms\n      priceObserved { amount currency }\n      migrantCount\n      vulnerablePersons { children unaccompaniedMinors pregnantWomen }\n      window { from to }\n    }\n    documentFraud { documentType issuingState fraudType featuresAffected detectedAt { place location flight } }\n    signingKey\n    expired\n    caseReference\n    protection\n    handlingCode\n    handlingConditions\n    evidence { use legalBasis decidedBy }\n    redacted\n    correlations { alertId agency kinds }\n    origin { agency country }\n    grading { source information }\n    route { region waypoints { country place mode latitude longitude } }\n    identifiers { kind pseudonym epoch }\n  }\n": typeof types.AlertFieldsFragmentDoc,
    "\n  fragment EntryFields on DirectoryEntry {\n    id agency country kind name title roles competences networks postedIn covers routes languages notes\n    lastVerified verifiedBy retiredAt spoc stale redacted\n    availability { always timeZone hours { days from to } absences { from to note } }\n    channels { type value label }\n  }\n": typeof types.EntryFieldsFragmentDoc,
    "\n  mutation AskPermission($input: PermissionRequestInput!) {\n    askPermission(input: $input) { id }\n  }\n": typeof types.AskPermissionDocument,
    "\n  query HitCheck($identifier: IdentifierInput!) {\n    hitCheck(identifier: $identifier) {\n      hit\n      answers {\n        agency\n        hit\n        alerts { id revision kind createdAt matched handlingCode }\n        contact { id name kind spoc availability { always timeZone } channels { type value label } redacted }\n      }\n      sources { agency ok latencyMs error }\n    }\n  }\n": typeof types.HitCheckDocument,
    "\n  fragment RequestFields on Request {\n    id consultationId requestType urgent directlyAccessible summary senderReference receiverReference\n    deadline warnAt status sentAt answeredAt answer reason escalatedAt escalatedTo\n    sendingAuthority { agency entryId name }\n    receivingAuthority { agency entryId name }\n    history { at agency author status note }\n  }\n": typeof types.RequestFieldsFragmentDoc,
    "\n  fragment ConsultationFields on Consultation {\n    id openedBy counterpart subject openedAt lastAt protection\n    about { alertId entryId }\n    messages { id from author at body protection handlingCode handlingConditions evidence { use legalBasis decidedBy } }\n    requests { ...RequestFields }\n    permissions { id alertId purpose passTo reason askedBy askedByAuthor askedAt status answeredBy answeredAt legalBasis note }\n  }\n": typeof types.ConsultationFieldsFragmentDoc,
    "query Consultations { consultations { ...ConsultationFields } }": typeof types.ConsultationsDocument,
    "mutation OpenConsultation($input: OpenConsultationInput!) { openConsultation(input: $input) { ...ConsultationFields } }": typeof types.OpenConsultationDocument,
    "mutation AddConsultationMessage($id: ID!, $input: ConsultationMessageInput!) { addConsultationMessage(id: $id, input: $input) { ...ConsultationFields } }": typeof types.AddConsultationMessageDocument,
    "mutation CreateRequest($consultationId: ID!, $input: RequestInput!) { createRequest(consultationId: $consultationId, input: $input) { ...ConsultationFields } }": typeof types.CreateRequestDocument,
    "mutation SetRequestStatus($requestId: ID!, $input: RequestStatusInput!) { setRequestStatus(requestId: $requestId, input: $input) { ...ConsultationFields } }": typeof types.SetRequestStatusDocument,
    "mutation EscalateRequest($requestId: ID!) { escalateRequest(requestId: $requestId) { ...ConsultationFields } }": typeof types.EscalateRequestDocument,
    "query Authorities($filter: DirectoryFilterInput) { directory(filter: $filter) { entries { id agency name roles spoc } } }": typeof types.AuthoritiesDocument,
    "mutation AnswerPermission($permissionId: ID!, $input: PermissionAnswerInput!) { answerPermission(permissionId: $permissionId, input: $input) { ...ConsultationFields } }": typeof types.AnswerPermissionDocument,
    "\n  query Directory($filter: DirectoryFilterInput) {\n    directory(filter: $filter) {\n      total\n      entries { ...EntryFields }\n      sources { agency ok latencyMs error }\n    }\n  }\n": typeof types.DirectoryDocument,
    "query OwnDirectory { ownDirectory(includeRetired: true) { ...EntryFields } directoryToVerify { ...EntryFields } }": typeof types.OwnDirectoryDocument,
    "mutation CreateDirectoryEntry($entry: DirectoryEntryInput!) { createDirectoryEntry(entry: $entry) { ...EntryFields } }": typeof types.CreateDirectoryEntryDocument,
    "mutation UpdateDirectoryEntry($id: ID!, $entry: DirectoryEntryInput!) { updateDirectoryEntry(id: $id, entry: $entry) { ...EntryFields } }": typeof types.UpdateDirectoryEntryDocument,
    "mutation VerifyDirectoryEntry($id: ID!) { verifyDirectoryEntry(id: $id) { ...EntryFields } }": typeof types.VerifyDirectoryEntryDocument,
    "mutation RetireDirectoryEntry($id: ID!) { retireDirectoryEntry(id: $id) { ...EntryFields } }": typeof types.RetireDirectoryEntryDocument,
    "mutation DesignateSinglePointOfContact($entryId: ID!) { designateSinglePointOfContact(entryId: $entryId) { ...EntryFields } }": typeof types.DesignateSinglePointOfContactDocument,
    "mutation ImportDirectoryCsv($csv: String!) { importDirectoryCsv(csv: $csv) { applied created updated unchanged problems { row field message } } }": typeof types.ImportDirectoryCsvDocument,
    "query Alerts($kind: String, $limit: Int!) { alerts(kind: $kind, limit: $limit) { alerts { ...AlertFields } sources { agency ok latencyMs error } } }": typeof types.AlertsDocument,
    "subscription AlertFeed { alertFeed { ...AlertFields } }": typeof types.AlertFeedDocument,
    "query ProtectionNotices { protectionNotices(limit: 20) { id source sourceId originAgency country flags contacts { entryId name } at } }": typeof types.ProtectionNoticesDocument,
    "\n  fragment SubscriptionFields on RouteSubscription {\n    kinds\n    regions\n    countries\n    minimumGrading { source information }\n  }\n": typeof types.SubscriptionFieldsFragmentDoc,
    "query MyRoutes { mySubscription { ...SubscriptionFields } subscribedAlerts(limit: 200) { read alert { ...AlertFields } } }": typeof types.MyRoutesDocument,
    "mutation SetSubscription($filter: RouteSubscriptionInput!) { setSubscription(filter: $filter) { ...SubscriptionFields } }": typeof types.SetSubscriptionDocument,
    "mutation MarkAlertsRead($ids: [ID!]!) { markAlertsRead(ids: $ids) }": typeof types.MarkAlertsReadDocument,
    "subscription SubscribedFeed { alertFeed(subscribed: true) { ...AlertFields } }": typeof types.SubscribedFeedDocument,
    "\n  mutation PublishAlert($input: AlertInput!) {\n    publishAlert(input: $input) { ...AlertFields heldBecause }\n  }\n": typeof types.PublishAlertDocument,
    "\n  mutation PublishAlerts($inputs: [AlertInput!]!) {\n    publishAlerts(inputs: $inputs) { id heldBecause }\n  }\n": typeof types.PublishAlertsDocument,
    "\n  query ReleasePreview($input: AlertInput!) {\n    releasePreview(input: $input) { agency name country receives reason rule policyVersion withheld readers { role rule withheld } }\n  }\n": typeof types.ReleasePreviewDocument,
    "\n  query Requests($overdueOnly: Boolean!) {\n    requests(overdueOnly: $overdueOnly) { request { ...RequestFields } consultationId subject direction overdue }\n  }\n": typeof types.RequestsDocument,
    "\n  query PurgeReport($from: String, $to: String) {\n    purgeReport(from: $from, to: $to) {\n      from to retentionVersion truncated\n      periods { kind period }\n      counts { kind count }\n      items { kind itemId originAgency own lapsedAt purgedAt rule hash }\n    }\n  }\n": typeof types.PurgeReportDocument,
    "\n  fragment StatisticsFigureFields on StatisticsFigure {\n    by { direction kind region requestType status flag country month }\n    count suppressed medianDays\n  }\n": typeof types.StatisticsFigureFieldsFragmentDoc,
    "\n  query Statistics($from: String, $to: String) {\n    statistics(from: $from, to: $to) {\n      format agency generatedAt threshold notes\n      period { from to }\n      tables {\n        name dimensions\n        rows { ...StatisticsFigureFields }\n        totals { ...StatisticsFigureFields }\n      }\n    }\n  }\n": typeof types.StatisticsDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me { subject name agency agencyName country roles networks }\n    agencies { id name country }\n  }\n": types.MeDocument,
    "query MyActivity { myActivity { alert consultation request protection } }": types.MyActivityDocument,
    "mutation MarkActivitySeen($kind: String!) { markActivitySeen(kind: $kind) { alert consultation request protection } }": types.MarkActivitySeenDocument,
    "subscription Activity { activity { kind id consultationId } }": types.ActivityDocument,
    "\n  mutation AmendAlert($id: ID!, $input: AlertInput!, $revision: Int) {\n    amendAlert(id: $id, input: $input, revision: $revision) { ...AlertFields }\n  }\n": types.AmendAlertDocument,
    "\n  mutation WithdrawAlert($id: ID!, $reason: String, $revision: Int) {\n    withdrawAlert(id: $id, reason: $reason, revision: $revision) { ...AlertFields }\n  }\n": types.WithdrawAlertDocument,
    "\n  fragment AlertFields on Alert {\n    id\n    kind\n    tlp\n    recipients\n    createdAt\n    validUntil\n    summary\n    summaryLanguage\n    revision\n    status\n    changes\n    withdrawalReason\n    routeDetails {\n      transport\n      concealment\n      communicationPlatforms\n      priceObserved { amount currency }\n      migrantCount\n      vulnerablePersons { children unaccompaniedMinors pregnantWomen }\n      window { from to }\n    }\n    documentFraud { documentType issuingState fraudType featuresAffected detectedAt { place location flight } }\n    signingKey\n    expired\n    caseReference\n    protection\n    handlingCode\n    handlingConditions\n    evidence { use legalBasis decidedBy }\n    redacted\n    correlations { alertId agency kinds }\n    origin { agency country }\n    grading { source information }\n    route { region waypoints { country place mode latitude longitude } }\n    identifiers { kind pseudonym epoch }\n  }\n": types.AlertFieldsFragmentDoc,
    "\n  fragment EntryFields on DirectoryEntry {\n    id agency country kind name title roles competences networks postedIn covers routes languages notes\n    lastVerified verifiedBy retiredAt spoc stale redacted\n    availability { always timeZone hours { days from to } absences { from to note } }\n    channels { type value label }\n  }\n": types.EntryFieldsFragmentDoc,
    "\n  mutation AskPermission($input: PermissionRequestInput!) {\n    askPermission(input: $input) { id }\n  }\n": types.AskPermissionDocument,
    "\n  query HitCheck($identifier: IdentifierInput!) {\n    hitCheck(identifier: $identifier) {\n      hit\n      answers {\n        agency\n        hit\n        alerts { id revision kind createdAt matched handlingCode }\n        contact { id name kind spoc availability { always timeZone } channels { type value label } redacted }\n      }\n      sources { agency ok latencyMs error }\n    }\n  }\n": types.HitCheckDocument,
    "\n  fragment RequestFields on Request {\n    id consultationId requestType urgent directlyAccessible summary senderReference receiverReference\n    deadline warnAt status sentAt answeredAt answer reason escalatedAt escalatedTo\n    sendingAuthority { agency entryId name }\n    receivingAuthority { agency entryId name }\n    history { at agency author status note }\n  }\n": types.RequestFieldsFragmentDoc,
    "\n  fragment ConsultationFields on Consultation {\n    id openedBy counterpart subject openedAt lastAt protection\n    about { alertId entryId }\n    messages { id from author at body protection handlingCode handlingConditions evidence { use legalBasis decidedBy } }\n    requests { ...RequestFields }\n    permissions { id alertId purpose passTo reason askedBy askedByAuthor askedAt status answeredBy answeredAt legalBasis note }\n  }\n": types.ConsultationFieldsFragmentDoc,
    "query Consultations { consultations { ...ConsultationFields } }": types.ConsultationsDocument,
    "mutation OpenConsultation($input: OpenConsultationInput!) { openConsultation(input: $input) { ...ConsultationFields } }": types.OpenConsultationDocument,
    "mutation AddConsultationMessage($id: ID!, $input: ConsultationMessageInput!) { addConsultationMessage(id: $id, input: $input) { ...ConsultationFields } }": types.AddConsultationMessageDocument,
    "mutation CreateRequest($consultationId: ID!, $input: RequestInput!) { createRequest(consultationId: $consultationId, input: $input) { ...ConsultationFields } }": types.CreateRequestDocument,
    "mutation SetRequestStatus($requestId: ID!, $input: RequestStatusInput!) { setRequestStatus(requestId: $requestId, input: $input) { ...ConsultationFields } }": types.SetRequestStatusDocument,
    "mutation EscalateRequest($requestId: ID!) { escalateRequest(requestId: $requestId) { ...ConsultationFields } }": types.EscalateRequestDocument,
    "query Authorities($filter: DirectoryFilterInput) { directory(filter: $filter) { entries { id agency name roles spoc } } }": types.AuthoritiesDocument,
    "mutation AnswerPermission($permissionId: ID!, $input: PermissionAnswerInput!) { answerPermission(permissionId: $permissionId, input: $input) { ...ConsultationFields } }": types.AnswerPermissionDocument,
    "\n  query Directory($filter: DirectoryFilterInput) {\n    directory(filter: $filter) {\n      total\n      entries { ...EntryFields }\n      sources { agency ok latencyMs error }\n    }\n  }\n": types.DirectoryDocument,
    "query OwnDirectory { ownDirectory(includeRetired: true) { ...EntryFields } directoryToVerify { ...EntryFields } }": types.OwnDirectoryDocument,
    "mutation CreateDirectoryEntry($entry: DirectoryEntryInput!) { createDirectoryEntry(entry: $entry) { ...EntryFields } }": types.CreateDirectoryEntryDocument,
    "mutation UpdateDirectoryEntry($id: ID!, $entry: DirectoryEntryInput!) { updateDirectoryEntry(id: $id, entry: $entry) { ...EntryFields } }": types.UpdateDirectoryEntryDocument,
    "mutation VerifyDirectoryEntry($id: ID!) { verifyDirectoryEntry(id: $id) { ...EntryFields } }": types.VerifyDirectoryEntryDocument,
    "mutation RetireDirectoryEntry($id: ID!) { retireDirectoryEntry(id: $id) { ...EntryFields } }": types.RetireDirectoryEntryDocument,
    "mutation DesignateSinglePointOfContact($entryId: ID!) { designateSinglePointOfContact(entryId: $entryId) { ...EntryFields } }": types.DesignateSinglePointOfContactDocument,
    "mutation ImportDirectoryCsv($csv: String!) { importDirectoryCsv(csv: $csv) { applied created updated unchanged problems { row field message } } }": types.ImportDirectoryCsvDocument,
    "query Alerts($kind: String, $limit: Int!) { alerts(kind: $kind, limit: $limit) { alerts { ...AlertFields } sources { agency ok latencyMs error } } }": types.AlertsDocument,
    "subscription AlertFeed { alertFeed { ...AlertFields } }": types.AlertFeedDocument,
    "query ProtectionNotices { protectionNotices(limit: 20) { id source sourceId originAgency country flags contacts { entryId name } at } }": types.ProtectionNoticesDocument,
    "\n  fragment SubscriptionFields on RouteSubscription {\n    kinds\n    regions\n    countries\n    minimumGrading { source information }\n  }\n": types.SubscriptionFieldsFragmentDoc,
    "query MyRoutes { mySubscription { ...SubscriptionFields } subscribedAlerts(limit: 200) { read alert { ...AlertFields } } }": types.MyRoutesDocument,
    "mutation SetSubscription($filter: RouteSubscriptionInput!) { setSubscription(filter: $filter) { ...SubscriptionFields } }": types.SetSubscriptionDocument,
    "mutation MarkAlertsRead($ids: [ID!]!) { markAlertsRead(ids: $ids) }": types.MarkAlertsReadDocument,
    "subscription SubscribedFeed { alertFeed(subscribed: true) { ...AlertFields } }": types.SubscribedFeedDocument,
    "\n  mutation PublishAlert($input: AlertInput!) {\n    publishAlert(input: $input) { ...AlertFields heldBecause }\n  }\n": types.PublishAlertDocument,
    "\n  mutation PublishAlerts($inputs: [AlertInput!]!) {\n    publishAlerts(inputs: $inputs) { id heldBecause }\n  }\n": types.PublishAlertsDocument,
    "\n  query ReleasePreview($input: AlertInput!) {\n    releasePreview(input: $input) { agency name country receives reason rule policyVersion withheld readers { role rule withheld } }\n  }\n": types.ReleasePreviewDocument,
    "\n  query Requests($overdueOnly: Boolean!) {\n    requests(overdueOnly: $overdueOnly) { request { ...RequestFields } consultationId subject direction overdue }\n  }\n": types.RequestsDocument,
    "\n  query PurgeReport($from: String, $to: String) {\n    purgeReport(from: $from, to: $to) {\n      from to retentionVersion truncated\n      periods { kind period }\n      counts { kind count }\n      items { kind itemId originAgency own lapsedAt purgedAt rule hash }\n    }\n  }\n": types.PurgeReportDocument,
    "\n  fragment StatisticsFigureFields on StatisticsFigure {\n    by { direction kind region requestType status flag country month }\n    count suppressed medianDays\n  }\n": types.StatisticsFigureFieldsFragmentDoc,
    "\n  query Statistics($from: String, $to: String) {\n    statistics(from: $from, to: $to) {\n      format agency generatedAt threshold notes\n      period { from to }\n      tables {\n        name dimensions\n        rows { ...StatisticsFigureFields }\n        totals { ...StatisticsFigureFields }\n      }\n    }\n  }\n": types.StatisticsDocument,
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
export function graphql(source: "\n  query Me {\n    me { subject name agency agencyName country roles networks }\n    agencies { id name country }\n  }\n"): (typeof documents)["\n  query Me {\n    me { subject name agency agencyName country roles networks }\n    agencies { id name country }\n  }\n"];
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
export function graphql(source: "subscription Activity { activity { kind id consultationId } }"): (typeof documents)["subscription Activity { activity { kind id consultationId } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AmendAlert($id: ID!, $input: AlertInput!, $revision: Int) {\n    amendAlert(id: $id, input: $input, revision: $revision) { ...AlertFields }\n  }\n"): (typeof documents)["\n  mutation AmendAlert($id: ID!, $input: AlertInput!, $revision: Int) {\n    amendAlert(id: $id, input: $input, revision: $revision) { ...AlertFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawAlert($id: ID!, $reason: String, $revision: Int) {\n    withdrawAlert(id: $id, reason: $reason, revision: $revision) { ...AlertFields }\n  }\n"): (typeof documents)["\n  mutation WithdrawAlert($id: ID!, $reason: String, $revision: Int) {\n    withdrawAlert(id: $id, reason: $reason, revision: $revision) { ...AlertFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertFields on Alert {\n    id\n    kind\n    tlp\n    recipients\n    createdAt\n    validUntil\n    summary\n    summaryLanguage\n    revision\n    status\n    changes\n    withdrawalReason\n    routeDetails {\n      transport\n      concealment\n      communicationPlatforms\n      priceObserved { amount currency }\n      migrantCount\n      vulnerablePersons { children unaccompaniedMinors pregnantWomen }\n      window { from to }\n    }\n    documentFraud { documentType issuingState fraudType featuresAffected detectedAt { place location flight } }\n    signingKey\n    expired\n    caseReference\n    protection\n    handlingCode\n    handlingConditions\n    evidence { use legalBasis decidedBy }\n    redacted\n    correlations { alertId agency kinds }\n    origin { agency country }\n    grading { source information }\n    route { region waypoints { country place mode latitude longitude } }\n    identifiers { kind pseudonym epoch }\n  }\n"): (typeof documents)["\n  fragment AlertFields on Alert {\n    id\n    kind\n    tlp\n    recipients\n    createdAt\n    validUntil\n    summary\n    summaryLanguage\n    revision\n    status\n    changes\n    withdrawalReason\n    routeDetails {\n      transport\n      concealment\n      communicationPlatforms\n      priceObserved { amount currency }\n      migrantCount\n      vulnerablePersons { children unaccompaniedMinors pregnantWomen }\n      window { from to }\n    }\n    documentFraud { documentType issuingState fraudType featuresAffected detectedAt { place location flight } }\n    signingKey\n    expired\n    caseReference\n    protection\n    handlingCode\n    handlingConditions\n    evidence { use legalBasis decidedBy }\n    redacted\n    correlations { alertId agency kinds }\n    origin { agency country }\n    grading { source information }\n    route { region waypoints { country place mode latitude longitude } }\n    identifiers { kind pseudonym epoch }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EntryFields on DirectoryEntry {\n    id agency country kind name title roles competences networks postedIn covers routes languages notes\n    lastVerified verifiedBy retiredAt spoc stale redacted\n    availability { always timeZone hours { days from to } absences { from to note } }\n    channels { type value label }\n  }\n"): (typeof documents)["\n  fragment EntryFields on DirectoryEntry {\n    id agency country kind name title roles competences networks postedIn covers routes languages notes\n    lastVerified verifiedBy retiredAt spoc stale redacted\n    availability { always timeZone hours { days from to } absences { from to note } }\n    channels { type value label }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AskPermission($input: PermissionRequestInput!) {\n    askPermission(input: $input) { id }\n  }\n"): (typeof documents)["\n  mutation AskPermission($input: PermissionRequestInput!) {\n    askPermission(input: $input) { id }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HitCheck($identifier: IdentifierInput!) {\n    hitCheck(identifier: $identifier) {\n      hit\n      answers {\n        agency\n        hit\n        alerts { id revision kind createdAt matched handlingCode }\n        contact { id name kind spoc availability { always timeZone } channels { type value label } redacted }\n      }\n      sources { agency ok latencyMs error }\n    }\n  }\n"): (typeof documents)["\n  query HitCheck($identifier: IdentifierInput!) {\n    hitCheck(identifier: $identifier) {\n      hit\n      answers {\n        agency\n        hit\n        alerts { id revision kind createdAt matched handlingCode }\n        contact { id name kind spoc availability { always timeZone } channels { type value label } redacted }\n      }\n      sources { agency ok latencyMs error }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestFields on Request {\n    id consultationId requestType urgent directlyAccessible summary senderReference receiverReference\n    deadline warnAt status sentAt answeredAt answer reason escalatedAt escalatedTo\n    sendingAuthority { agency entryId name }\n    receivingAuthority { agency entryId name }\n    history { at agency author status note }\n  }\n"): (typeof documents)["\n  fragment RequestFields on Request {\n    id consultationId requestType urgent directlyAccessible summary senderReference receiverReference\n    deadline warnAt status sentAt answeredAt answer reason escalatedAt escalatedTo\n    sendingAuthority { agency entryId name }\n    receivingAuthority { agency entryId name }\n    history { at agency author status note }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsultationFields on Consultation {\n    id openedBy counterpart subject openedAt lastAt protection\n    about { alertId entryId }\n    messages { id from author at body protection handlingCode handlingConditions evidence { use legalBasis decidedBy } }\n    requests { ...RequestFields }\n    permissions { id alertId purpose passTo reason askedBy askedByAuthor askedAt status answeredBy answeredAt legalBasis note }\n  }\n"): (typeof documents)["\n  fragment ConsultationFields on Consultation {\n    id openedBy counterpart subject openedAt lastAt protection\n    about { alertId entryId }\n    messages { id from author at body protection handlingCode handlingConditions evidence { use legalBasis decidedBy } }\n    requests { ...RequestFields }\n    permissions { id alertId purpose passTo reason askedBy askedByAuthor askedAt status answeredBy answeredAt legalBasis note }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Consultations { consultations { ...ConsultationFields } }"): (typeof documents)["query Consultations { consultations { ...ConsultationFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation OpenConsultation($input: OpenConsultationInput!) { openConsultation(input: $input) { ...ConsultationFields } }"): (typeof documents)["mutation OpenConsultation($input: OpenConsultationInput!) { openConsultation(input: $input) { ...ConsultationFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AddConsultationMessage($id: ID!, $input: ConsultationMessageInput!) { addConsultationMessage(id: $id, input: $input) { ...ConsultationFields } }"): (typeof documents)["mutation AddConsultationMessage($id: ID!, $input: ConsultationMessageInput!) { addConsultationMessage(id: $id, input: $input) { ...ConsultationFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateRequest($consultationId: ID!, $input: RequestInput!) { createRequest(consultationId: $consultationId, input: $input) { ...ConsultationFields } }"): (typeof documents)["mutation CreateRequest($consultationId: ID!, $input: RequestInput!) { createRequest(consultationId: $consultationId, input: $input) { ...ConsultationFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetRequestStatus($requestId: ID!, $input: RequestStatusInput!) { setRequestStatus(requestId: $requestId, input: $input) { ...ConsultationFields } }"): (typeof documents)["mutation SetRequestStatus($requestId: ID!, $input: RequestStatusInput!) { setRequestStatus(requestId: $requestId, input: $input) { ...ConsultationFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation EscalateRequest($requestId: ID!) { escalateRequest(requestId: $requestId) { ...ConsultationFields } }"): (typeof documents)["mutation EscalateRequest($requestId: ID!) { escalateRequest(requestId: $requestId) { ...ConsultationFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Authorities($filter: DirectoryFilterInput) { directory(filter: $filter) { entries { id agency name roles spoc } } }"): (typeof documents)["query Authorities($filter: DirectoryFilterInput) { directory(filter: $filter) { entries { id agency name roles spoc } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation AnswerPermission($permissionId: ID!, $input: PermissionAnswerInput!) { answerPermission(permissionId: $permissionId, input: $input) { ...ConsultationFields } }"): (typeof documents)["mutation AnswerPermission($permissionId: ID!, $input: PermissionAnswerInput!) { answerPermission(permissionId: $permissionId, input: $input) { ...ConsultationFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Directory($filter: DirectoryFilterInput) {\n    directory(filter: $filter) {\n      total\n      entries { ...EntryFields }\n      sources { agency ok latencyMs error }\n    }\n  }\n"): (typeof documents)["\n  query Directory($filter: DirectoryFilterInput) {\n    directory(filter: $filter) {\n      total\n      entries { ...EntryFields }\n      sources { agency ok latencyMs error }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query OwnDirectory { ownDirectory(includeRetired: true) { ...EntryFields } directoryToVerify { ...EntryFields } }"): (typeof documents)["query OwnDirectory { ownDirectory(includeRetired: true) { ...EntryFields } directoryToVerify { ...EntryFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation CreateDirectoryEntry($entry: DirectoryEntryInput!) { createDirectoryEntry(entry: $entry) { ...EntryFields } }"): (typeof documents)["mutation CreateDirectoryEntry($entry: DirectoryEntryInput!) { createDirectoryEntry(entry: $entry) { ...EntryFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation UpdateDirectoryEntry($id: ID!, $entry: DirectoryEntryInput!) { updateDirectoryEntry(id: $id, entry: $entry) { ...EntryFields } }"): (typeof documents)["mutation UpdateDirectoryEntry($id: ID!, $entry: DirectoryEntryInput!) { updateDirectoryEntry(id: $id, entry: $entry) { ...EntryFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation VerifyDirectoryEntry($id: ID!) { verifyDirectoryEntry(id: $id) { ...EntryFields } }"): (typeof documents)["mutation VerifyDirectoryEntry($id: ID!) { verifyDirectoryEntry(id: $id) { ...EntryFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RetireDirectoryEntry($id: ID!) { retireDirectoryEntry(id: $id) { ...EntryFields } }"): (typeof documents)["mutation RetireDirectoryEntry($id: ID!) { retireDirectoryEntry(id: $id) { ...EntryFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation DesignateSinglePointOfContact($entryId: ID!) { designateSinglePointOfContact(entryId: $entryId) { ...EntryFields } }"): (typeof documents)["mutation DesignateSinglePointOfContact($entryId: ID!) { designateSinglePointOfContact(entryId: $entryId) { ...EntryFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation ImportDirectoryCsv($csv: String!) { importDirectoryCsv(csv: $csv) { applied created updated unchanged problems { row field message } } }"): (typeof documents)["mutation ImportDirectoryCsv($csv: String!) { importDirectoryCsv(csv: $csv) { applied created updated unchanged problems { row field message } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query Alerts($kind: String, $limit: Int!) { alerts(kind: $kind, limit: $limit) { alerts { ...AlertFields } sources { agency ok latencyMs error } } }"): (typeof documents)["query Alerts($kind: String, $limit: Int!) { alerts(kind: $kind, limit: $limit) { alerts { ...AlertFields } sources { agency ok latencyMs error } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription AlertFeed { alertFeed { ...AlertFields } }"): (typeof documents)["subscription AlertFeed { alertFeed { ...AlertFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query ProtectionNotices { protectionNotices(limit: 20) { id source sourceId originAgency country flags contacts { entryId name } at } }"): (typeof documents)["query ProtectionNotices { protectionNotices(limit: 20) { id source sourceId originAgency country flags contacts { entryId name } at } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubscriptionFields on RouteSubscription {\n    kinds\n    regions\n    countries\n    minimumGrading { source information }\n  }\n"): (typeof documents)["\n  fragment SubscriptionFields on RouteSubscription {\n    kinds\n    regions\n    countries\n    minimumGrading { source information }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query MyRoutes { mySubscription { ...SubscriptionFields } subscribedAlerts(limit: 200) { read alert { ...AlertFields } } }"): (typeof documents)["query MyRoutes { mySubscription { ...SubscriptionFields } subscribedAlerts(limit: 200) { read alert { ...AlertFields } } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation SetSubscription($filter: RouteSubscriptionInput!) { setSubscription(filter: $filter) { ...SubscriptionFields } }"): (typeof documents)["mutation SetSubscription($filter: RouteSubscriptionInput!) { setSubscription(filter: $filter) { ...SubscriptionFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation MarkAlertsRead($ids: [ID!]!) { markAlertsRead(ids: $ids) }"): (typeof documents)["mutation MarkAlertsRead($ids: [ID!]!) { markAlertsRead(ids: $ids) }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "subscription SubscribedFeed { alertFeed(subscribed: true) { ...AlertFields } }"): (typeof documents)["subscription SubscribedFeed { alertFeed(subscribed: true) { ...AlertFields } }"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishAlert($input: AlertInput!) {\n    publishAlert(input: $input) { ...AlertFields heldBecause }\n  }\n"): (typeof documents)["\n  mutation PublishAlert($input: AlertInput!) {\n    publishAlert(input: $input) { ...AlertFields heldBecause }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishAlerts($inputs: [AlertInput!]!) {\n    publishAlerts(inputs: $inputs) { id heldBecause }\n  }\n"): (typeof documents)["\n  mutation PublishAlerts($inputs: [AlertInput!]!) {\n    publishAlerts(inputs: $inputs) { id heldBecause }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ReleasePreview($input: AlertInput!) {\n    releasePreview(input: $input) { agency name country receives reason rule policyVersion withheld readers { role rule withheld } }\n  }\n"): (typeof documents)["\n  query ReleasePreview($input: AlertInput!) {\n    releasePreview(input: $input) { agency name country receives reason rule policyVersion withheld readers { role rule withheld } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Requests($overdueOnly: Boolean!) {\n    requests(overdueOnly: $overdueOnly) { request { ...RequestFields } consultationId subject direction overdue }\n  }\n"): (typeof documents)["\n  query Requests($overdueOnly: Boolean!) {\n    requests(overdueOnly: $overdueOnly) { request { ...RequestFields } consultationId subject direction overdue }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query PurgeReport($from: String, $to: String) {\n    purgeReport(from: $from, to: $to) {\n      from to retentionVersion truncated\n      periods { kind period }\n      counts { kind count }\n      items { kind itemId originAgency own lapsedAt purgedAt rule hash }\n    }\n  }\n"): (typeof documents)["\n  query PurgeReport($from: String, $to: String) {\n    purgeReport(from: $from, to: $to) {\n      from to retentionVersion truncated\n      periods { kind period }\n      counts { kind count }\n      items { kind itemId originAgency own lapsedAt purgedAt rule hash }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment StatisticsFigureFields on StatisticsFigure {\n    by { direction kind region requestType status flag country month }\n    count suppressed medianDays\n  }\n"): (typeof documents)["\n  fragment StatisticsFigureFields on StatisticsFigure {\n    by { direction kind region requestType status flag country month }\n    count suppressed medianDays\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Statistics($from: String, $to: String) {\n    statistics(from: $from, to: $to) {\n      format agency generatedAt threshold notes\n      period { from to }\n      tables {\n        name dimensions\n        rows { ...StatisticsFigureFields }\n        totals { ...StatisticsFigureFields }\n      }\n    }\n  }\n"): (typeof documents)["\n  query Statistics($from: String, $to: String) {\n    statistics(from: $from, to: $to) {\n      format agency generatedAt threshold notes\n      period { from to }\n      tables {\n        name dimensions\n        rows { ...StatisticsFigureFields }\n        totals { ...StatisticsFigureFields }\n      }\n    }\n  }\n"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;