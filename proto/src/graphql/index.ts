// The GraphQL face of the contract, for servers only (it needs @pothos/core and graphql); the
// console imports the package root, which does not pull these in.
export {
  type AlertCorrelationView,
  type AlertFields,
  type AlertWithCorrelations,
  type AuditEntryView,
  type AuditHeadHeldView,
  type AuditPartnerHeadView,
  type AuditProblemKind,
  type AuditProblemView,
  type AuditVerificationView,
  type ContractBuilder,
  type ContractSchemaTypes,
  type DirectoryChangeView,
  type DirectoryEntryFields,
  type DirectoryEntryView,
  type DirectoryImportView,
  type DirectoryPageView,
  defineContractTypes,
  type HitAlertView,
  type HitAnswerView,
  type ImportProblemView,
  type JsonObject,
  type RequestEntryView,
  withoutNulls,
} from './contract-types.js';
export { QUERY_LIMITS, QUERY_TOO_COMPLEX, queryLimitPlugins, queryLimitRules } from './query-limits.js';
export { AUTH_REALM, type BearerAuthOptions, bearerChallenge, unauthenticated, useBearerAuth } from './use-bearer-auth.js';
