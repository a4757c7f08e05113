// The English catalogue: the console's own text (en.json) and the code lists, whose English words
// are proto's labels (one source for them). Every other catalogue (fr, es, ar, it .json) has
// exactly these ids; i18n/catalogues.spec.ts fails naming any id missing or extra in a language.
import {
  ALERT_KIND_LABELS,
  COMMUNICATION_PLATFORM_LABELS,
  COMPETENCE_LABELS,
  CONCEALMENT_LABELS,
  DETECTION_PLACE_LABELS,
  DIRECTORY_ROLE_LABELS,
  DOCUMENT_FEATURE_LABELS,
  DOCUMENT_TYPE_LABELS,
  EVIDENCE_USE_LABELS,
  FRAUD_TYPE_LABELS,
  HANDLING_CODE_LABELS,
  IDENTIFIER_KIND_LABELS,
  INFORMATION_CREDIBILITY_LABELS,
  PERMISSION_PURPOSE_LABELS,
  PROTECTION_FLAG_LABELS,
  REQUEST_REFUSAL_GROUND_LABELS,
  REQUEST_STATUS_LABELS,
  REQUEST_TYPE_LABELS,
  ROUTE_REGION_LABELS,
  SOURCE_RELIABILITY_LABELS,
  STATISTICS_DIMENSION_LABELS,
  STATISTICS_TABLE_LABELS,
  TLP_LABELS,
  TRANSPORT_MEANS_LABELS,
  TRANSPORT_MODE_LABELS,
  type UserRole,
} from '@corridor/proto';
import UI from './en.json';

const CODE_LISTS = {
  kind: ALERT_KIND_LABELS,
  tlp: TLP_LABELS,
  region: ROUTE_REGION_LABELS,
  mode: TRANSPORT_MODE_LABELS,
  transport: TRANSPORT_MEANS_LABELS,
  concealment: CONCEALMENT_LABELS,
  platform: COMMUNICATION_PLATFORM_LABELS,
  documentType: DOCUMENT_TYPE_LABELS,
  fraudType: FRAUD_TYPE_LABELS,
  feature: DOCUMENT_FEATURE_LABELS,
  detectionPlace: DETECTION_PLACE_LABELS,
  identifierKind: IDENTIFIER_KIND_LABELS,
  source: SOURCE_RELIABILITY_LABELS,
  information: INFORMATION_CREDIBILITY_LABELS,
  role: DIRECTORY_ROLE_LABELS,
  competence: COMPETENCE_LABELS,
  protection: PROTECTION_FLAG_LABELS,
  requestType: REQUEST_TYPE_LABELS,
  requestStatus: REQUEST_STATUS_LABELS,
  handlingCode: HANDLING_CODE_LABELS,
  evidenceUse: EVIDENCE_USE_LABELS,
  permissionPurpose: PERMISSION_PURPOSE_LABELS,
  refusalGround: REQUEST_REFUSAL_GROUND_LABELS,
  // How a contact is reached: the directory's channel types, which proto names by code only.
  channel: { phone: 'Phone', email: 'E-mail', secure_messaging: 'Secure messaging', fax: 'Fax' },
  // What a signed-in user may do (their token's roles), which proto names by code only.
  userRole: {
    border_officer: 'Border officer',
    investigator: 'Investigator',
    prosecutor: 'Prosecutor',
    liaison_officer: 'Liaison officer',
    analyst: 'Analyst',
    administrator: 'Administrator',
    central_authority: 'Central authority',
  } satisfies Record<UserRole, string>,
  statisticsTable: STATISTICS_TABLE_LABELS,
  statisticsDimension: STATISTICS_DIMENSION_LABELS,
} as const;
export type CodeList = keyof typeof CODE_LISTS;
type CodeId = { [L in CodeList]: `code.${L}.${keyof (typeof CODE_LISTS)[L] & string}` }[CodeList];

export type MessageId = keyof typeof UI | CodeId;

export function codeMessage(list: CodeList, code: string): MessageId {
  return `code.${list}.${code}` as MessageId;
}

const CODES = Object.fromEntries(
  Object.entries(CODE_LISTS).flatMap(([list, table]) => Object.entries(table).map(([code, words]) => [`code.${list}.${code}`, words])),
) as Record<CodeId, string>;

export const EN: Record<MessageId, string> = { ...UI, ...CODES };

// react-intl's own ids are these: a message id that no catalogue has fails the typecheck.
declare global {
  namespace FormatjsIntl {
    interface Message {
      ids: MessageId;
    }
  }
}
