// The public face of the Corridor contract: services, gateway, console, deploy and the tests import
// `@corridor/proto` and nothing deeper. Names are listed, not re-exported wholesale, so that what
// other packages depend on is a decision made here: a name joins this list when another package
// first imports it, and leaves it when the last one stops (public-face.spec.ts holds both).
// Modules inside proto import each other by path; what only a sibling module or a spec needs is
// exported from its module but not from here. Servers' GraphQL pieces are `@corridor/proto/graphql`.
export { createTokenVerifier, DEFAULT_MAX_TOKEN_LIFETIME_S } from './access-token.js';
export { ACTIVITY_KINDS, type ActivityCounts, type ActivityEvent, type ActivityKind, activitySeenInput } from './activity.js';
export {
  type Alert,
  type AlertInput,
  alert,
  alertEndsAt,
  alertInput,
  type IdentifierInput,
  identifierInput,
  type PseudonymizedIdentifier,
  timeErrors,
  type ValidAlertInput,
  withdrawalInput,
} from './alert.js';
export {
  type BatchAnswer,
  batchItemPath,
  batchSizeErrors,
  type LineRefusal,
  MAX_ALERTS_PER_BATCH,
  type UploadProgress,
  type UploadResult,
  uploadNdjson,
} from './alert-batch.js';
export { alertChanges } from './alert-changes.js';
export { desksForAlerts } from './alert-desk.js';
export { type AlertKey, alertKey, compareAlertKeys, decodeAlertCursor, encodeAlertCursor, type KeyedAlert } from './alert-order.js';
export { type AlertSigner, createAlertSigner, type SignatureEngine, verifyAlertSignature, verifySignedBy } from './alert-signature.js';
export { statutoryDueAt } from './answer-times.js';
export { type AuditHead, type AuditHeadSigner, createAuditHeadSigner, verifyAuditHead } from './audit-head.js';
export { AuthError, type AuthFailure, bearerToken, type TokenVerifier } from './bearer-token.js';
export { canonicalJson } from './canonical-json.js';
export { type AccessClaims, accessClaims } from './claims.js';
export {
  ALERT_KIND_LABELS,
  ALERT_KINDS,
  type AlertKind,
  COMMUNICATION_PLATFORM_LABELS,
  COMMUNICATION_PLATFORMS,
  COMPETENCE_LABELS,
  COMPETENCES,
  CONCEALMENT_LABELS,
  CONCEALMENT_METHODS,
  COUNTRY_NAMES,
  type Competence,
  type CountryCode,
  DETECTION_PLACE_LABELS,
  DETECTION_PLACES,
  DIRECTORY_ROLE_LABELS,
  DIRECTORY_ROLES,
  type DirectoryRole,
  DOCUMENT_FEATURE_LABELS,
  DOCUMENT_FEATURES,
  DOCUMENT_TYPE_LABELS,
  DOCUMENT_TYPES,
  EVIDENCE_USE_LABELS,
  EVIDENCE_USES,
  FRAUD_TYPE_LABELS,
  FRAUD_TYPES,
  HANDLING_CODE_LABELS,
  HANDLING_CODES,
  IDENTIFIER_KIND_LABELS,
  IDENTIFIER_KINDS,
  type IdentifierKind,
  INFORMATION_CREDIBILITY,
  INFORMATION_CREDIBILITY_LABELS,
  ISSUING_STATE_NAMES,
  LANGUAGE_CODES,
  type LanguageCode,
  PERMISSION_PURPOSE_LABELS,
  PERMISSION_PURPOSES,
  type PermissionPurpose,
  PROTECTION_FLAG_LABELS,
  PROTECTION_FLAGS,
  type ProtectionFlag,
  REQUEST_REFUSAL_GROUND_LABELS,
  REQUEST_REFUSAL_GROUNDS,
  REQUEST_STATUS_LABELS,
  REQUEST_TYPE_LABELS,
  REQUEST_TYPES,
  type RequestStatus,
  type RequestType,
  ROUTE_REGION_LABELS,
  ROUTE_REGIONS,
  type RouteRegion,
  SOURCE_RELIABILITY,
  SOURCE_RELIABILITY_LABELS,
  TLP_LABELS,
  TLP_LEVELS,
  TRANSPORT_MEANS,
  TRANSPORT_MEANS_LABELS,
  TRANSPORT_MODE_LABELS,
  TRANSPORT_MODES,
  USER_ROLES,
  type UserRole,
  WEEKDAYS,
  type Weekday,
} from './codes.js';
export {
  CLOSED_REQUEST_STATUSES,
  type ConsultationEvent,
  type ConsultationState,
  clockRuns,
  consultationEvent,
  consultationMessageInput,
  consultationSubject,
  foldConsultation,
  grantsOf,
  isOverdue,
  openConsultationInput,
  type PermissionState,
  parseConsultationSubject,
  permissionAnswerInput,
  permissionRequestInput,
  REQUEST_TRANSITIONS,
  type RequestState,
  requestDeadlineInput,
  requestInput,
  requestRoleProblem,
  requestStatusInput,
  requestTimeErrors,
  statusChangeProblem,
} from './consultation.js';
export { type CorrelationNotice, correlationNotice, correlationSubject, parseCorrelationSubject } from './correlation.js';
export {
  ACCESS_TOKEN_TYPE,
  agencyOfNodeUrn,
  createDelegationSigner,
  createDelegationVerifier,
  DELEGATION_TOKEN_TYPE,
  type DelegationSigner,
  isDelegationToken,
  JWT_TOKEN_TYPE,
  nodeUrn,
  TOKEN_EXCHANGE_GRANT,
  tokenExchangeUrl,
} from './delegation-token.js';
export {
  DIRECTORY_SEARCH_LIMIT,
  type DirectoryEntry,
  type DirectoryEntryDraft,
  type DirectoryEntryInput,
  type DirectoryFilter,
  directoryEntries,
  directoryEntry,
  directoryEntryDraft,
  directoryFilter,
  isTimeZone,
} from './directory.js';
export {
  directoryColumnOf,
  directoryRecordOf,
  directoryToCsv,
  parseDirectoryCsv,
  parseDirectoryRecord,
  sameDirectoryContent,
} from './directory-csv.js';
export { isDirectoryE164, isTelephoneChannel, readDirectoryPhone } from './directory-phone.js';
export {
  DEFAULT_STALE_AFTER_DAYS,
  directoryOrder,
  directorySearchText,
  foldText,
  isStale,
  type RankedEntry,
  reachability,
  searchWords,
} from './directory-ranking.js';
export {
  CorridorError,
  type FieldError,
  fieldErrorsOf,
  nulByteErrors,
  OperatorError,
  parseOrThrow,
  ValidationError,
} from './errors.js';
export { alertToMispEvent, type MispEvent, mispManifestEntry } from './exchange/misp.js';
export {
  alertLocationId,
  alertReportId,
  alertToStix,
  CORRIDOR_EXTENSION_DEFINITION,
  CORRIDOR_EXTENSION_SCHEMA,
  EXCHANGE_EPOCH,
  EXPORTABLE_TLP,
  STIX_MEDIA_TYPE,
  type StixObject,
  sharedStixObjects,
} from './exchange/stix.js';
export {
  acceptsTaxii,
  alertCollectionId,
  pathSegment,
  TAXII_DEFAULT_LIMIT,
  TAXII_MAX_LIMIT,
  TAXII_PATH,
  taxiiAlertCollection,
  taxiiApiRoot,
  taxiiDiscovery,
  taxiiError,
  taxiiResponse,
  taxiiWriteRefusal,
} from './exchange/taxii.js';
export { untilTokenExpiry } from './feed-expiry.js';
export { agencyId, isUuid, type Jwks, newId, type PublicJwk } from './fields.js';
export { permissionNeeded } from './handling.js';
export { hitCheckRequest, MAX_BATCHED_CHECKS } from './hit-check.js';
/** ISO 3166-1 alpha-3 → alpha-2: consoles name countries with Intl.DisplayNames, which speaks alpha-2. */
export { ALPHA2 as COUNTRY_ALPHA2 } from './identifiers/country-alpha2.js';
export { freeTextErrors } from './identifiers/free-text-errors.js';
export { identifierErrors } from './identifiers/index.js';
export { INBOX_RETENTION } from './inbox-retention.js';
export { JWKS_FETCH_DEFAULTS } from './issuer-keys.js';
export {
  agencyOf,
  type LiaisonPost,
  type MemberAgency,
  type Membership,
  memberAgency,
  membership,
  type NetworkRecord,
} from './membership.js';
export {
  checkSuccessor,
  openSignedMembership,
  parseTrustAnchor,
  signedMembership,
  signMembership,
} from './membership-signature.js';
export {
  defaultMembershipPollMs,
  type MembershipSource,
  membershipLogLine,
  membershipReader,
  openMembershipSource,
} from './membership-source.js';
export { keysInUse, type NetworkKeyring, parseNetworkKeyring, pseudonymizeUnderAll } from './network-keys.js';
export { directoryScope, liaisonPostsAt, recordedNetworksOf } from './network-records.js';
export { groupArithmetic } from './oprf/group.js';
export {
  type HolderAnswer,
  type HolderDoubts,
  holderDoubts,
  type KeyHolder,
  obliviousPseudonyms,
  PseudonymServiceUnavailable,
  pseudonymInput,
} from './oprf/oblivious-pseudonym.js';
export {
  type EvaluationAnswer,
  type EvaluationLimits,
  type EvaluationRequest,
  evaluationAnswer,
  evaluationRequest,
  keyHoldersOf,
  limitsFor,
  MAX_BLINDED_PER_REQUEST,
  type PseudonymService,
  pseudonymServiceUrl,
} from './oprf/pseudonym-service.js';
export { evaluateBlinded, evaluateOnly } from './oprf/ristretto-oprf.js';
export { sharePublicKey, splitNewKey } from './oprf/threshold-key.js';
export { phoneForReader } from './phone-display.js';
export { base64urlBytes, base64urlEncode, canonicalize, pseudonymize } from './pseudonym.js';
export { mayRelease } from './release.js';
export {
  decideRelease,
  REDACTABLE_FIELDS,
  type Receiver,
  type ReleasePolicy,
  type ReleasePolicyInput,
  redactAlert,
  redactDirectoryEntry,
  releasePolicy,
} from './release-policy.js';
export type { ReleasePreviewItem, ReleasePreviewReason } from './release-preview.js';
export {
  defaultRetention,
  type RetentionDocument,
  type RetentionDocumentInput,
  retentionDocument,
  retentionPeriodsMs,
} from './retention.js';
export { matchesSubscription, type RouteSubscription, routeSubscription } from './route-subscription.js';
export { resolveGatewaySettings } from './settings/gateway-settings.js';
export { resolveNodeSettings } from './settings/node-settings.js';
export { nameFileKey, type ResolvedSettings, SettingsError } from './settings/settings-file.js';
export { type SignInAgencies, type SignInAgency, signInAgencies } from './sign-in-agencies.js';
export { readSpreadsheetText } from './spreadsheet-text.js';
export {
  DEFAULT_SMALL_COUNT_THRESHOLD,
  type RawStatistics,
  STATISTICS_PERIOD_WORDS,
  type StatisticsFigure,
  type StatisticsReport,
  type StatisticsTable,
  statisticsPeriod,
  statisticsReport,
  statisticsToCsv,
  statisticsToJson,
  suppressStatistics,
} from './statistics.js';
export { reportFromAnswer, type StatisticsAnswer } from './statistics-answer.js';
export { STATISTICS_DIMENSION_LABELS, STATISTICS_TABLE_LABELS, type StatisticsDimension } from './statistics-codes.js';
export {
  auditHeadSubject,
  inboxFilterFor,
  inboxSubject,
  parseAlertSubject,
  parseAuditHeadSubject,
  partnerInboxSubjects,
} from './subjects.js';
export { toVCard, toVCards, type VCardVersion, vcardFileName } from './vcard.js';
export { writeWeekdays } from './weekday-runs.js';
