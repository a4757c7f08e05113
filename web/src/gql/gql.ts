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
    "\n  mutation AmendAlert($id: ID!, $input: AlertInput!, $revision: Int) {\n    amendAlert(id: $id, input: $input, revision: $revision) { ...AlertFields }\n  }\n": typeof types.AmendAlertDocument,
    "\n  mutation WithdrawAlert($id: ID!, $revision: Int) {\n    withdrawAlert(id: $id, revision: $revision) { ...AlertFields }\n  }\n": typeof types.WithdrawAlertDocument,
    "\n  fragment AlertFields on Alert {\n    id\n    kind\n    tlp\n    recipients\n    createdAt\n    validUntil\n    summary\n    revision\n    status\n    routeDetails {\n      transport\n      concealment\n      communicationPlatforms\n      priceObserved { amount currency }\n      migrantCount\n      vulnerablePersons { children unaccompaniedMinors pregnantWomen }\n      window { from to }\n    }\n    documentFraud { documentType issuingState fraudType featuresAffected detectedAt { place location flight } }\n    signingKey\n    expired\n    caseReference\n    protection\n    redacted\n    correlations { alertId agency kinds }\n    origin { agency country }\n    grading { source information }\n    route { region waypoints { country place mode } }\n    identifiers { kind pseudonym epoch }\n  }\n": typeof types.AlertFieldsFragmentDoc,
    "\n  fragment EntryFields on DirectoryEntry {\n    id agency country kind name title roles competences networks postedIn covers routes languages notes\n    lastVerified verifiedBy retiredAt stale redacted\n    availability { always timeZone hours { days from to } absences { from to note } }\n    channels { type value label }\n  }\n": typeof types.EntryFieldsFragmentDoc,
    "\n  query HitCheck($identifier: IdentifierInput!) {\n    hitCheck(identifier: $identifier) {\n      hit\n      answers {\n        agency\n        hit\n        alerts { id revision kind createdAt matched }\n        contact { id name kind availability { always timeZone } channels { type value label } redacted }\n      }\n      sources { agency ok latencyMs error }\n    }\n  }\n": typeof types.HitCheckDocument,
    "\n  fragment RequestFields on Request {\n    id consultationId requestType summary senderReference receiverReference deadline status sentAt answeredAt\n    sendingAuthority { agency entryId name }\n    receivingAuthority { agency entryId name }\n    history { at agency author status note }\n  }\n": typeof types.RequestFieldsFragmentDoc,
    "\n  fragment ConsultationFields on Consultation {\n    id openedBy counterpart subject openedAt lastAt protection\n    about { alertId entryId }\n    messages { id from author at body protection }\n    requests { ...RequestFields }\n  }\n": typeof types.ConsultationFieldsFragmentDoc,
    "\n  query Consultations {\n    consultations { ...ConsultationFields }\n  }\n": typeof types.ConsultationsDocument,
    "\n  mutation OpenConsultation($input: OpenConsultationInput!) {\n    openConsultation(input: $input) { ...ConsultationFields }\n  }\n": typeof types.OpenConsultationDocument,
    "\n  mutation AddConsultationMessage($id: ID!, $input: ConsultationMessageInput!) {\n    addConsultationMessage(id: $id, input: $input) { ...ConsultationFields }\n  }\n": typeof types.AddConsultationMessageDocument,
    "\n  mutation CreateRequest($consultationId: ID!, $input: RequestInput!) {\n    createRequest(consultationId: $consultationId, input: $input) { ...ConsultationFields }\n  }\n": typeof types.CreateRequestDocument,
    "\n  mutation SetRequestStatus($requestId: ID!, $input: RequestStatusInput!) {\n    setRequestStatus(requestId: $requestId, input: $input) { ...ConsultationFields }\n  }\n": typeof types.SetRequestStatusDocument,
    "\n  query Authorities($filter: DirectoryFilterInput) {\n    directory(filter: $filter) {\n      entries { id agency name roles }\n    }\n  }\n": typeof types.AuthoritiesDocument,
    "\n  query Directory($filter: DirectoryFilterInput) {\n    directory(filter: $filter) {\n      total\n      entries { ...EntryFields }\n      sources { agency ok latencyMs error }\n    }\n  }\n": typeof types.DirectoryDocument,
    "\n  query OwnDirectory {\n    ownDirectory(includeRetired: true) { ...EntryFields }\n    directoryToVerify { ...EntryFields }\n  }\n": typeof types.OwnDirectoryDocument,
    "\n  mutation CreateDirectoryEntry($entry: DirectoryEntryInput!) {\n    createDirectoryEntry(entry: $entry) { ...EntryFields }\n  }\n": typeof types.CreateDirectoryEntryDocument,
    "\n  mutation UpdateDirectoryEntry($id: ID!, $entry: DirectoryEntryInput!) {\n    updateDirectoryEntry(id: $id, entry: $entry) { ...EntryFields }\n  }\n": typeof types.UpdateDirectoryEntryDocument,
    "\n  mutation VerifyDirectoryEntry($id: ID!) {\n    verifyDirectoryEntry(id: $id) { ...EntryFields }\n  }\n": typeof types.VerifyDirectoryEntryDocument,
    "\n  mutation RetireDirectoryEntry($id: ID!) {\n    retireDirectoryEntry(id: $id) { ...EntryFields }\n  }\n": typeof types.RetireDirectoryEntryDocument,
    "\n  mutation ImportDirectoryCsv($csv: String!) {\n    importDirectoryCsv(csv: $csv) { applied created updated problems { row field message } }\n  }\n": typeof types.ImportDirectoryCsvDocument,
    "\n  query Alerts($kind: String, $limit: Int!) {\n    alerts(kind: $kind, limit: $limit) {\n      alerts { ...AlertFields }\n      sources { agency ok latencyMs error }\n    }\n  }\n": typeof types.AlertsDocument,
    "\n  subscription AlertFeed {\n    alertFeed { ...AlertFields }\n  }\n": typeof types.AlertFeedDocument,
    "\n  query ProtectionNotices {\n    protectionNotices(limit: 20) { id source sourceId originAgency country flags contacts { entryId name } at }\n  }\n": typeof types.ProtectionNoticesDocument,
    "\n  fragment SubscriptionFields on RouteSubscription {\n    kinds\n    regions\n    countries\n    minimumGrading { source information }\n  }\n": typeof types.SubscriptionFieldsFragmentDoc,
    "\n  query MyRoutes {\n    mySubscription { ...SubscriptionFields }\n    subscribedAlerts(limit: 200) {\n      read\n      alert { ...AlertFields }\n    }\n  }\n": typeof types.MyRoutesDocument,
    "\n  mutation SetSubscription($filter: RouteSubscriptionInput!) {\n    setSubscription(filter: $filter) { ...SubscriptionFields }\n  }\n": typeof types.SetSubscriptionDocument,
    "\n  mutation MarkAlertsRead($ids: [ID!]!) {\n    markAlertsRead(ids: $ids)\n  }\n": typeof types.MarkAlertsReadDocument,
    "\n  subscription SubscribedFeed {\n    alertFeed(subscribed: true) { ...AlertFields }\n  }\n": typeof types.SubscribedFeedDocument,
    "\n  mutation PublishAlert($input: AlertInput!) {\n    publishAlert(input: $input) { ...AlertFields }\n  }\n": typeof types.PublishAlertDocument,
    "\n  query Requests($overdueOnly: Boolean!) {\n    requests(overdueOnly: $overdueOnly) { request { ...RequestFields } consultationId subject direction overdue }\n  }\n": typeof types.RequestsDocument,
    "\n  fragment StatisticsFigureFields on StatisticsFigure {\n    by { direction kind region requestType status flag country month }\n    count suppressed medianDays\n  }\n": typeof types.StatisticsFigureFieldsFragmentDoc,
    "\n  query Statistics($from: String, $to: String) {\n    statistics(from: $from, to: $to) {\n      format agency generatedAt threshold notes\n      period { from to }\n      tables {\n        name dimensions\n        rows { ...StatisticsFigureFields }\n        totals { ...StatisticsFigureFields }\n      }\n    }\n  }\n": typeof types.StatisticsDocument,
};
const documents: Documents = {
    "\n  query Me {\n    me { subject name agency agencyName country roles networks }\n    agencies { id name country }\n  }\n": types.MeDocument,
    "\n  mutation AmendAlert($id: ID!, $input: AlertInput!, $revision: Int) {\n    amendAlert(id: $id, input: $input, revision: $revision) { ...AlertFields }\n  }\n": types.AmendAlertDocument,
    "\n  mutation WithdrawAlert($id: ID!, $revision: Int) {\n    withdrawAlert(id: $id, revision: $revision) { ...AlertFields }\n  }\n": types.WithdrawAlertDocument,
    "\n  fragment AlertFields on Alert {\n    id\n    kind\n    tlp\n    recipients\n    createdAt\n    validUntil\n    summary\n    revision\n    status\n    routeDetails {\n      transport\n      concealment\n      communicationPlatforms\n      priceObserved { amount currency }\n      migrantCount\n      vulnerablePersons { children unaccompaniedMinors pregnantWomen }\n      window { from to }\n    }\n    documentFraud { documentType issuingState fraudType featuresAffected detectedAt { place location flight } }\n    signingKey\n    expired\n    caseReference\n    protection\n    redacted\n    correlations { alertId agency kinds }\n    origin { agency country }\n    grading { source information }\n    route { region waypoints { country place mode } }\n    identifiers { kind pseudonym epoch }\n  }\n": types.AlertFieldsFragmentDoc,
    "\n  fragment EntryFields on DirectoryEntry {\n    id agency country kind name title roles competences networks postedIn covers routes languages notes\n    lastVerified verifiedBy retiredAt stale redacted\n    availability { always timeZone hours { days from to } absences { from to note } }\n    channels { type value label }\n  }\n": types.EntryFieldsFragmentDoc,
    "\n  query HitCheck($identifier: IdentifierInput!) {\n    hitCheck(identifier: $identifier) {\n      hit\n      answers {\n        agency\n        hit\n        alerts { id revision kind createdAt matched }\n        contact { id name kind availability { always timeZone } channels { type value label } redacted }\n      }\n      sources { agency ok latencyMs error }\n    }\n  }\n": types.HitCheckDocument,
    "\n  fragment RequestFields on Request {\n    id consultationId requestType summary senderReference receiverReference deadline status sentAt answeredAt\n    sendingAuthority { agency entryId name }\n    receivingAuthority { agency entryId name }\n    history { at agency author status note }\n  }\n": types.RequestFieldsFragmentDoc,
    "\n  fragment ConsultationFields on Consultation {\n    id openedBy counterpart subject openedAt lastAt protection\n    about { alertId entryId }\n    messages { id from author at body protection }\n    requests { ...RequestFields }\n  }\n": types.ConsultationFieldsFragmentDoc,
    "\n  query Consultations {\n    consultations { ...ConsultationFields }\n  }\n": types.ConsultationsDocument,
    "\n  mutation OpenConsultation($input: OpenConsultationInput!) {\n    openConsultation(input: $input) { ...ConsultationFields }\n  }\n": types.OpenConsultationDocument,
    "\n  mutation AddConsultationMessage($id: ID!, $input: ConsultationMessageInput!) {\n    addConsultationMessage(id: $id, input: $input) { ...ConsultationFields }\n  }\n": types.AddConsultationMessageDocument,
    "\n  mutation CreateRequest($consultationId: ID!, $input: RequestInput!) {\n    createRequest(consultationId: $consultationId, input: $input) { ...ConsultationFields }\n  }\n": types.CreateRequestDocument,
    "\n  mutation SetRequestStatus($requestId: ID!, $input: RequestStatusInput!) {\n    setRequestStatus(requestId: $requestId, input: $input) { ...ConsultationFields }\n  }\n": types.SetRequestStatusDocument,
    "\n  query Authorities($filter: DirectoryFilterInput) {\n    directory(filter: $filter) {\n      entries { id agency name roles }\n    }\n  }\n": types.AuthoritiesDocument,
    "\n  query Directory($filter: DirectoryFilterInput) {\n    directory(filter: $filter) {\n      total\n      entries { ...EntryFields }\n      sources { agency ok latencyMs error }\n    }\n  }\n": types.DirectoryDocument,
    "\n  query OwnDirectory {\n    ownDirectory(includeRetired: true) { ...EntryFields }\n    directoryToVerify { ...EntryFields }\n  }\n": types.OwnDirectoryDocument,
    "\n  mutation CreateDirectoryEntry($entry: DirectoryEntryInput!) {\n    createDirectoryEntry(entry: $entry) { ...EntryFields }\n  }\n": types.CreateDirectoryEntryDocument,
    "\n  mutation UpdateDirectoryEntry($id: ID!, $entry: DirectoryEntryInput!) {\n    updateDirectoryEntry(id: $id, entry: $entry) { ...EntryFields }\n  }\n": types.UpdateDirectoryEntryDocument,
    "\n  mutation VerifyDirectoryEntry($id: ID!) {\n    verifyDirectoryEntry(id: $id) { ...EntryFields }\n  }\n": types.VerifyDirectoryEntryDocument,
    "\n  mutation RetireDirectoryEntry($id: ID!) {\n    retireDirectoryEntry(id: $id) { ...EntryFields }\n  }\n": types.RetireDirectoryEntryDocument,
    "\n  mutation ImportDirectoryCsv($csv: String!) {\n    importDirectoryCsv(csv: $csv) { applied created updated problems { row field message } }\n  }\n": types.ImportDirectoryCsvDocument,
    "\n  query Alerts($kind: String, $limit: Int!) {\n    alerts(kind: $kind, limit: $limit) {\n      alerts { ...AlertFields }\n      sources { agency ok latencyMs error }\n    }\n  }\n": types.AlertsDocument,
    "\n  subscription AlertFeed {\n    alertFeed { ...AlertFields }\n  }\n": types.AlertFeedDocument,
    "\n  query ProtectionNotices {\n    protectionNotices(limit: 20) { id source sourceId originAgency country flags contacts { entryId name } at }\n  }\n": types.ProtectionNoticesDocument,
    "\n  fragment SubscriptionFields on RouteSubscription {\n    kinds\n    regions\n    countries\n    minimumGrading { source information }\n  }\n": types.SubscriptionFieldsFragmentDoc,
    "\n  query MyRoutes {\n    mySubscription { ...SubscriptionFields }\n    subscribedAlerts(limit: 200) {\n      read\n      alert { ...AlertFields }\n    }\n  }\n": types.MyRoutesDocument,
    "\n  mutation SetSubscription($filter: RouteSubscriptionInput!) {\n    setSubscription(filter: $filter) { ...SubscriptionFields }\n  }\n": types.SetSubscriptionDocument,
    "\n  mutation MarkAlertsRead($ids: [ID!]!) {\n    markAlertsRead(ids: $ids)\n  }\n": types.MarkAlertsReadDocument,
    "\n  subscription SubscribedFeed {\n    alertFeed(subscribed: true) { ...AlertFields }\n  }\n": types.SubscribedFeedDocument,
    "\n  mutation PublishAlert($input: AlertInput!) {\n    publishAlert(input: $input) { ...AlertFields }\n  }\n": types.PublishAlertDocument,
    "\n  query Requests($overdueOnly: Boolean!) {\n    requests(overdueOnly: $overdueOnly) { request { ...RequestFields } consultationId subject direction overdue }\n  }\n": types.RequestsDocument,
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
export function graphql(source: "\n  mutation AmendAlert($id: ID!, $input: AlertInput!, $revision: Int) {\n    amendAlert(id: $id, input: $input, revision: $revision) { ...AlertFields }\n  }\n"): (typeof documents)["\n  mutation AmendAlert($id: ID!, $input: AlertInput!, $revision: Int) {\n    amendAlert(id: $id, input: $input, revision: $revision) { ...AlertFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation WithdrawAlert($id: ID!, $revision: Int) {\n    withdrawAlert(id: $id, revision: $revision) { ...AlertFields }\n  }\n"): (typeof documents)["\n  mutation WithdrawAlert($id: ID!, $revision: Int) {\n    withdrawAlert(id: $id, revision: $revision) { ...AlertFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment AlertFields on Alert {\n    id\n    kind\n    tlp\n    recipients\n    createdAt\n    validUntil\n    summary\n    revision\n    status\n    routeDetails {\n      transport\n      concealment\n      communicationPlatforms\n      priceObserved { amount currency }\n      migrantCount\n      vulnerablePersons { children unaccompaniedMinors pregnantWomen }\n      window { from to }\n    }\n    documentFraud { documentType issuingState fraudType featuresAffected detectedAt { place location flight } }\n    signingKey\n    expired\n    caseReference\n    protection\n    redacted\n    correlations { alertId agency kinds }\n    origin { agency country }\n    grading { source information }\n    route { region waypoints { country place mode } }\n    identifiers { kind pseudonym epoch }\n  }\n"): (typeof documents)["\n  fragment AlertFields on Alert {\n    id\n    kind\n    tlp\n    recipients\n    createdAt\n    validUntil\n    summary\n    revision\n    status\n    routeDetails {\n      transport\n      concealment\n      communicationPlatforms\n      priceObserved { amount currency }\n      migrantCount\n      vulnerablePersons { children unaccompaniedMinors pregnantWomen }\n      window { from to }\n    }\n    documentFraud { documentType issuingState fraudType featuresAffected detectedAt { place location flight } }\n    signingKey\n    expired\n    caseReference\n    protection\n    redacted\n    correlations { alertId agency kinds }\n    origin { agency country }\n    grading { source information }\n    route { region waypoints { country place mode } }\n    identifiers { kind pseudonym epoch }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment EntryFields on DirectoryEntry {\n    id agency country kind name title roles competences networks postedIn covers routes languages notes\n    lastVerified verifiedBy retiredAt stale redacted\n    availability { always timeZone hours { days from to } absences { from to note } }\n    channels { type value label }\n  }\n"): (typeof documents)["\n  fragment EntryFields on DirectoryEntry {\n    id agency country kind name title roles competences networks postedIn covers routes languages notes\n    lastVerified verifiedBy retiredAt stale redacted\n    availability { always timeZone hours { days from to } absences { from to note } }\n    channels { type value label }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query HitCheck($identifier: IdentifierInput!) {\n    hitCheck(identifier: $identifier) {\n      hit\n      answers {\n        agency\n        hit\n        alerts { id revision kind createdAt matched }\n        contact { id name kind availability { always timeZone } channels { type value label } redacted }\n      }\n      sources { agency ok latencyMs error }\n    }\n  }\n"): (typeof documents)["\n  query HitCheck($identifier: IdentifierInput!) {\n    hitCheck(identifier: $identifier) {\n      hit\n      answers {\n        agency\n        hit\n        alerts { id revision kind createdAt matched }\n        contact { id name kind availability { always timeZone } channels { type value label } redacted }\n      }\n      sources { agency ok latencyMs error }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment RequestFields on Request {\n    id consultationId requestType summary senderReference receiverReference deadline status sentAt answeredAt\n    sendingAuthority { agency entryId name }\n    receivingAuthority { agency entryId name }\n    history { at agency author status note }\n  }\n"): (typeof documents)["\n  fragment RequestFields on Request {\n    id consultationId requestType summary senderReference receiverReference deadline status sentAt answeredAt\n    sendingAuthority { agency entryId name }\n    receivingAuthority { agency entryId name }\n    history { at agency author status note }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment ConsultationFields on Consultation {\n    id openedBy counterpart subject openedAt lastAt protection\n    about { alertId entryId }\n    messages { id from author at body protection }\n    requests { ...RequestFields }\n  }\n"): (typeof documents)["\n  fragment ConsultationFields on Consultation {\n    id openedBy counterpart subject openedAt lastAt protection\n    about { alertId entryId }\n    messages { id from author at body protection }\n    requests { ...RequestFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Consultations {\n    consultations { ...ConsultationFields }\n  }\n"): (typeof documents)["\n  query Consultations {\n    consultations { ...ConsultationFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation OpenConsultation($input: OpenConsultationInput!) {\n    openConsultation(input: $input) { ...ConsultationFields }\n  }\n"): (typeof documents)["\n  mutation OpenConsultation($input: OpenConsultationInput!) {\n    openConsultation(input: $input) { ...ConsultationFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation AddConsultationMessage($id: ID!, $input: ConsultationMessageInput!) {\n    addConsultationMessage(id: $id, input: $input) { ...ConsultationFields }\n  }\n"): (typeof documents)["\n  mutation AddConsultationMessage($id: ID!, $input: ConsultationMessageInput!) {\n    addConsultationMessage(id: $id, input: $input) { ...ConsultationFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateRequest($consultationId: ID!, $input: RequestInput!) {\n    createRequest(consultationId: $consultationId, input: $input) { ...ConsultationFields }\n  }\n"): (typeof documents)["\n  mutation CreateRequest($consultationId: ID!, $input: RequestInput!) {\n    createRequest(consultationId: $consultationId, input: $input) { ...ConsultationFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetRequestStatus($requestId: ID!, $input: RequestStatusInput!) {\n    setRequestStatus(requestId: $requestId, input: $input) { ...ConsultationFields }\n  }\n"): (typeof documents)["\n  mutation SetRequestStatus($requestId: ID!, $input: RequestStatusInput!) {\n    setRequestStatus(requestId: $requestId, input: $input) { ...ConsultationFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Authorities($filter: DirectoryFilterInput) {\n    directory(filter: $filter) {\n      entries { id agency name roles }\n    }\n  }\n"): (typeof documents)["\n  query Authorities($filter: DirectoryFilterInput) {\n    directory(filter: $filter) {\n      entries { id agency name roles }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Directory($filter: DirectoryFilterInput) {\n    directory(filter: $filter) {\n      total\n      entries { ...EntryFields }\n      sources { agency ok latencyMs error }\n    }\n  }\n"): (typeof documents)["\n  query Directory($filter: DirectoryFilterInput) {\n    directory(filter: $filter) {\n      total\n      entries { ...EntryFields }\n      sources { agency ok latencyMs error }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query OwnDirectory {\n    ownDirectory(includeRetired: true) { ...EntryFields }\n    directoryToVerify { ...EntryFields }\n  }\n"): (typeof documents)["\n  query OwnDirectory {\n    ownDirectory(includeRetired: true) { ...EntryFields }\n    directoryToVerify { ...EntryFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation CreateDirectoryEntry($entry: DirectoryEntryInput!) {\n    createDirectoryEntry(entry: $entry) { ...EntryFields }\n  }\n"): (typeof documents)["\n  mutation CreateDirectoryEntry($entry: DirectoryEntryInput!) {\n    createDirectoryEntry(entry: $entry) { ...EntryFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation UpdateDirectoryEntry($id: ID!, $entry: DirectoryEntryInput!) {\n    updateDirectoryEntry(id: $id, entry: $entry) { ...EntryFields }\n  }\n"): (typeof documents)["\n  mutation UpdateDirectoryEntry($id: ID!, $entry: DirectoryEntryInput!) {\n    updateDirectoryEntry(id: $id, entry: $entry) { ...EntryFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation VerifyDirectoryEntry($id: ID!) {\n    verifyDirectoryEntry(id: $id) { ...EntryFields }\n  }\n"): (typeof documents)["\n  mutation VerifyDirectoryEntry($id: ID!) {\n    verifyDirectoryEntry(id: $id) { ...EntryFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation RetireDirectoryEntry($id: ID!) {\n    retireDirectoryEntry(id: $id) { ...EntryFields }\n  }\n"): (typeof documents)["\n  mutation RetireDirectoryEntry($id: ID!) {\n    retireDirectoryEntry(id: $id) { ...EntryFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation ImportDirectoryCsv($csv: String!) {\n    importDirectoryCsv(csv: $csv) { applied created updated problems { row field message } }\n  }\n"): (typeof documents)["\n  mutation ImportDirectoryCsv($csv: String!) {\n    importDirectoryCsv(csv: $csv) { applied created updated problems { row field message } }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Alerts($kind: String, $limit: Int!) {\n    alerts(kind: $kind, limit: $limit) {\n      alerts { ...AlertFields }\n      sources { agency ok latencyMs error }\n    }\n  }\n"): (typeof documents)["\n  query Alerts($kind: String, $limit: Int!) {\n    alerts(kind: $kind, limit: $limit) {\n      alerts { ...AlertFields }\n      sources { agency ok latencyMs error }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription AlertFeed {\n    alertFeed { ...AlertFields }\n  }\n"): (typeof documents)["\n  subscription AlertFeed {\n    alertFeed { ...AlertFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query ProtectionNotices {\n    protectionNotices(limit: 20) { id source sourceId originAgency country flags contacts { entryId name } at }\n  }\n"): (typeof documents)["\n  query ProtectionNotices {\n    protectionNotices(limit: 20) { id source sourceId originAgency country flags contacts { entryId name } at }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  fragment SubscriptionFields on RouteSubscription {\n    kinds\n    regions\n    countries\n    minimumGrading { source information }\n  }\n"): (typeof documents)["\n  fragment SubscriptionFields on RouteSubscription {\n    kinds\n    regions\n    countries\n    minimumGrading { source information }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query MyRoutes {\n    mySubscription { ...SubscriptionFields }\n    subscribedAlerts(limit: 200) {\n      read\n      alert { ...AlertFields }\n    }\n  }\n"): (typeof documents)["\n  query MyRoutes {\n    mySubscription { ...SubscriptionFields }\n    subscribedAlerts(limit: 200) {\n      read\n      alert { ...AlertFields }\n    }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation SetSubscription($filter: RouteSubscriptionInput!) {\n    setSubscription(filter: $filter) { ...SubscriptionFields }\n  }\n"): (typeof documents)["\n  mutation SetSubscription($filter: RouteSubscriptionInput!) {\n    setSubscription(filter: $filter) { ...SubscriptionFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation MarkAlertsRead($ids: [ID!]!) {\n    markAlertsRead(ids: $ids)\n  }\n"): (typeof documents)["\n  mutation MarkAlertsRead($ids: [ID!]!) {\n    markAlertsRead(ids: $ids)\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  subscription SubscribedFeed {\n    alertFeed(subscribed: true) { ...AlertFields }\n  }\n"): (typeof documents)["\n  subscription SubscribedFeed {\n    alertFeed(subscribed: true) { ...AlertFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  mutation PublishAlert($input: AlertInput!) {\n    publishAlert(input: $input) { ...AlertFields }\n  }\n"): (typeof documents)["\n  mutation PublishAlert($input: AlertInput!) {\n    publishAlert(input: $input) { ...AlertFields }\n  }\n"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Requests($overdueOnly: Boolean!) {\n    requests(overdueOnly: $overdueOnly) { request { ...RequestFields } consultationId subject direction overdue }\n  }\n"): (typeof documents)["\n  query Requests($overdueOnly: Boolean!) {\n    requests(overdueOnly: $overdueOnly) { request { ...RequestFields } consultationId subject direction overdue }\n  }\n"];
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