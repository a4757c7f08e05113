// The GraphQL face of the contract, for servers only (it needs @pothos/core and graphql); the
// console imports the package root, which does not pull these in. Like the root face, it lists
// only names the node or the gateway imports (public-face.spec.ts holds that).

export { defineContractInputs } from './contract-inputs.js';
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
  type DirectoryEntryFields,
  type DirectoryEntryView,
  defineContractTypes,
  type HitAlertView,
  type HitAnswerView,
  type PurgeReportView,
  type RequestEntryView,
  withoutNulls,
} from './contract-types.js';
export {
  caFetch,
  createWebServer,
  pinnedServerIdentity,
  retirableAgent,
  type ServerTlsFiles,
  serverTlsFrom,
} from './https.js';
export { corridorGraphQLError, createMaskError } from './mask-error.js';
export { renderOfflineGraphiQL } from './offline-graphiql.js';
export { NODE_BODY_BYTES, QUERY_LIMITS, queryLimitPlugins, queryLimitRules } from './query-limits.js';
export { keyPinOf, natsPinnedCert, tlsPinOf } from './tls-pin.js';
export { useBearerAuth } from './use-bearer-auth.js';
