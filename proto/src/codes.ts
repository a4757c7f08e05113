// Code lists shared by every node and console. Alerts carry codes, not prose (DESIGN principle 6),
// so each console renders them in its own language; the English labels here are the fallback.
import { COUNTRY_NAMES } from './country-names.js';

export { COUNTRY_NAMES };
export type CountryCode = keyof typeof COUNTRY_NAMES;
export const COUNTRY_CODES = Object.keys(COUNTRY_NAMES) as CountryCode[];

/**
 * Issuing states and organisations as travel documents write them (ICAO Doc 9303, Part 3): the
 * ISO 3166-1 alpha-3 code, except Germany's `D`, plus the codes for British nationality
 * categories, international organisations, and stateless persons and refugees.
 */
const ICAO_SPECIAL_ISSUERS = {
  D: 'Germany',
  GBD: 'United Kingdom — British Overseas Territories citizen',
  GBN: 'United Kingdom — British National (Overseas)',
  GBO: 'United Kingdom — British Overseas citizen',
  GBP: 'United Kingdom — British Protected person',
  GBS: 'United Kingdom — British subject',
  EUE: 'European Union',
  UNO: 'United Nations Organization',
  UNA: 'United Nations specialized agency',
  UNK: 'United Nations Interim Administration Mission in Kosovo',
  XBA: 'African Development Bank',
  XCC: 'Caribbean Community (CARICOM)',
  XCO: 'Common Market for Eastern and Southern Africa (COMESA)',
  XEC: 'Economic Community of West African States (ECOWAS)',
  XPO: 'International Criminal Police Organization (INTERPOL)',
  XOM: 'Sovereign Military Order of Malta',
  XXA: 'Stateless person (1954 Convention)',
  XXB: 'Refugee (1951 Convention)',
  XXC: 'Refugee (other than the 1951 Convention)',
  XXX: 'Person of unspecified nationality',
} as const;
export type IssuingStateCode = Exclude<CountryCode, 'DEU'> | keyof typeof ICAO_SPECIAL_ISSUERS;
export const ISSUING_STATE_NAMES: Record<IssuingStateCode, string> = {
  ...(Object.fromEntries(Object.entries(COUNTRY_NAMES).filter(([code]) => code !== 'DEU')) as Record<Exclude<CountryCode, 'DEU'>, string>),
  ...ICAO_SPECIAL_ISSUERS,
};
export const ISSUING_STATE_CODES = Object.keys(ISSUING_STATE_NAMES) as IssuingStateCode[];

/** Traffic Light Protocol 2.0 (FIRST), from least to most restricted. */
export const TLP_LEVELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
type Tlp = (typeof TLP_LEVELS)[number];
export const TLP_LABELS: Record<Tlp, string> = {
  CLEAR: 'TLP:CLEAR — no limit on disclosure',
  GREEN: 'TLP:GREEN — the whole Corridor network',
  AMBER: 'TLP:AMBER — only the agencies named, on a need-to-know basis',
  'AMBER+STRICT': 'TLP:AMBER+STRICT — only the agencies named, not their partners',
  RED: 'TLP:RED — never leaves the originating agency',
};

export const ALERT_KINDS = ['route', 'document_fraud'] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  route: 'Route alert',
  document_fraud: 'Document-fraud alert',
};

/** Source reliability of the 4x4 evaluation system (Europol / UK 4x4). */
export const SOURCE_RELIABILITY = ['A', 'B', 'C', 'X'] as const;
type SourceReliability = (typeof SOURCE_RELIABILITY)[number];
export const SOURCE_RELIABILITY_LABELS: Record<SourceReliability, string> = {
  A: 'A — no doubt about the source (always reliable)',
  B: 'B — source mostly reliable',
  C: 'C — source mostly not reliable',
  X: 'X — reliability cannot be assessed',
};

/** Information credibility of the 4x4 evaluation system. */
export const INFORMATION_CREDIBILITY = ['1', '2', '3', '4'] as const;
type InformationCredibility = (typeof INFORMATION_CREDIBILITY)[number];
export const INFORMATION_CREDIBILITY_LABELS: Record<InformationCredibility, string> = {
  '1': '1 — known to be true without reservation',
  '2': '2 — known personally to the source, not to the officer',
  '3': '3 — not known personally to the source, corroborated',
  '4': '4 — cannot be judged',
};

/** Smuggling routes as UNODC and Frontex name them; the token is used in NATS subjects. */
export const ROUTE_REGIONS = [
  'central-mediterranean',
  'western-mediterranean',
  'eastern-mediterranean',
  'western-balkans',
  'west-african-atlantic',
  'eastern-land-border',
  'horn-of-africa',
  'southern-africa',
  'central-america',
  'south-east-asia',
  'other',
] as const;
export type RouteRegion = (typeof ROUTE_REGIONS)[number];
export const ROUTE_REGION_LABELS: Record<RouteRegion, string> = {
  'central-mediterranean': 'Central Mediterranean',
  'western-mediterranean': 'Western Mediterranean',
  'eastern-mediterranean': 'Eastern Mediterranean',
  'western-balkans': 'Western Balkans',
  'west-african-atlantic': 'West African Atlantic',
  'eastern-land-border': 'Eastern land border',
  'horn-of-africa': 'Horn of Africa / Eastern route',
  'southern-africa': 'Southern route (Africa)',
  'central-america': 'Central America – North America',
  'south-east-asia': 'South-East Asia – Pacific',
  other: 'Other route',
};

export const TRANSPORT_MODES = ['land', 'sea', 'air'] as const;
type TransportMode = (typeof TRANSPORT_MODES)[number];
export const TRANSPORT_MODE_LABELS: Record<TransportMode, string> = { land: 'Land', sea: 'Sea', air: 'Air' };

export const TRANSPORT_MEANS = [
  'truck',
  'van',
  'car',
  'bus',
  'pickup',
  'on_foot',
  'train',
  'rubber_boat',
  'wooden_boat',
  'fishing_vessel',
  'sailing_boat',
  'merchant_vessel',
  'commercial_flight',
  'private_flight',
] as const;
type TransportMeans = (typeof TRANSPORT_MEANS)[number];
export const TRANSPORT_MEANS_LABELS: Record<TransportMeans, string> = {
  truck: 'Truck / lorry',
  van: 'Van',
  car: 'Car',
  bus: 'Bus',
  pickup: 'Pick-up (desert crossing)',
  on_foot: 'On foot',
  train: 'Train',
  rubber_boat: 'Rubber boat',
  wooden_boat: 'Wooden boat',
  fishing_vessel: 'Fishing vessel',
  sailing_boat: 'Sailing boat / yacht',
  merchant_vessel: 'Merchant vessel',
  commercial_flight: 'Commercial flight',
  private_flight: 'Private flight',
};

export const CONCEALMENT_METHODS = [
  'none',
  'cargo_compartment',
  'hidden_compartment',
  'among_goods',
  'under_deck',
  'container',
  'fraudulent_documents',
] as const;
export type Concealment = (typeof CONCEALMENT_METHODS)[number];
export const CONCEALMENT_LABELS: Record<Concealment, string> = {
  none: 'No concealment',
  cargo_compartment: 'Cargo compartment',
  hidden_compartment: 'Purpose-built hidden compartment',
  among_goods: 'Hidden among goods',
  under_deck: 'Below deck',
  container: 'Shipping container',
  fraudulent_documents: 'Travelling on fraudulent documents',
};

/** Platforms smugglers use to advertise and coordinate (UNODC rec. 24). Handles are pseudonymized. */
export const COMMUNICATION_PLATFORMS = [
  'facebook',
  'whatsapp',
  'telegram',
  'signal',
  'viber',
  'tiktok',
  'instagram',
  'phone_call',
  'sms',
  'other',
] as const;
type CommunicationPlatform = (typeof COMMUNICATION_PLATFORMS)[number];
export const COMMUNICATION_PLATFORM_LABELS: Record<CommunicationPlatform, string> = {
  facebook: 'Facebook',
  whatsapp: 'WhatsApp',
  telegram: 'Telegram',
  signal: 'Signal',
  viber: 'Viber',
  tiktok: 'TikTok',
  instagram: 'Instagram',
  phone_call: 'Phone call',
  sms: 'SMS',
  other: 'Other',
};

export const DOCUMENT_TYPES = ['passport', 'identity_card', 'visa', 'residence_permit', 'breeder_document'] as const;
export type DocumentType = (typeof DOCUMENT_TYPES)[number];
export const DOCUMENT_TYPE_LABELS: Record<DocumentType, string> = {
  passport: 'Passport',
  identity_card: 'Identity card',
  visa: 'Visa',
  residence_permit: 'Residence permit',
  breeder_document: 'Breeder document (birth certificate, civil record)',
};

export const FRAUD_TYPES = [
  'counterfeit',
  'forged',
  'fraudulently_obtained_genuine',
  'impostor',
  'stolen_blank',
  'pseudo_document',
] as const;
type FraudType = (typeof FRAUD_TYPES)[number];
export const FRAUD_TYPE_LABELS: Record<FraudType, string> = {
  counterfeit: 'Counterfeit (entire reproduction)',
  forged: 'Forged / falsified (genuine document altered)',
  fraudulently_obtained_genuine: 'Fraudulently obtained genuine',
  impostor: 'Impostor / look-alike',
  stolen_blank: 'Stolen blank',
  pseudo_document: 'Pseudo-document (no issuing authority)',
};

export const DOCUMENT_FEATURES = [
  'biodata_page',
  'photo_substitution',
  'visa_page',
  'stamps',
  'mrz',
  'chip',
  'security_printing',
  'laminate',
  'binding',
  'personalisation',
] as const;
type DocumentFeature = (typeof DOCUMENT_FEATURES)[number];
export const DOCUMENT_FEATURE_LABELS: Record<DocumentFeature, string> = {
  biodata_page: 'Biodata page',
  photo_substitution: 'Photo substitution',
  visa_page: 'Visa page',
  stamps: 'Entry / exit stamps',
  mrz: 'Machine-readable zone (ICAO 9303)',
  chip: 'Chip (eMRTD)',
  security_printing: 'Security printing',
  laminate: 'Laminate / overlay',
  binding: 'Binding / stitching',
  personalisation: 'Personalisation technique',
};

export const DETECTION_PLACES = ['airport', 'land_crossing', 'seaport', 'inland', 'consulate'] as const;
type DetectionPlace = (typeof DETECTION_PLACES)[number];
export const DETECTION_PLACE_LABELS: Record<DetectionPlace, string> = {
  airport: 'Airport',
  land_crossing: 'Land border crossing',
  seaport: 'Seaport',
  inland: 'Inland check',
  consulate: 'Consulate / visa section',
};

/** Kinds of personal identifier that are pseudonymized before anything leaves a node. */
export const IDENTIFIER_KINDS = [
  'travel_document',
  'person',
  'phone',
  'email',
  'social_handle',
  'vehicle_plate',
  'vessel',
  'bank_account',
] as const;
export type IdentifierKind = (typeof IDENTIFIER_KINDS)[number];
export const IDENTIFIER_KIND_LABELS: Record<IdentifierKind, string> = {
  travel_document: 'Travel document number',
  person: 'Person (name and date of birth)',
  phone: 'Phone number',
  email: 'E-mail address',
  social_handle: 'Social-media handle',
  vehicle_plate: 'Vehicle plate',
  vessel: 'Vessel (IMO, MMSI or name)',
  bank_account: 'Bank account or transfer reference',
};

/** What a directory contact does (UNODC rec. 5–7). */
export const DIRECTORY_ROLES = [
  'border_control',
  'police_investigation',
  'immigration',
  'prosecutor',
  'central_authority_mla',
  'liaison_officer',
  'liaison_magistrate',
  'consular',
  'network_focal_point',
  'protection',
] as const;
export type DirectoryRole = (typeof DIRECTORY_ROLES)[number];
export const DIRECTORY_ROLE_LABELS: Record<DirectoryRole, string> = {
  border_control: 'Border control',
  police_investigation: 'Police investigation',
  immigration: 'Immigration',
  prosecutor: 'Prosecutor',
  central_authority_mla: 'Central authority (mutual legal assistance)',
  liaison_officer: 'Liaison officer',
  liaison_magistrate: 'Liaison magistrate',
  consular: 'Consular',
  network_focal_point: 'Network focal point',
  protection: 'Protection of migrants (child protection, victims)',
};

export const COMPETENCES = [
  'mla',
  'extradition',
  'joint_investigation_team',
  'document_examination',
  'financial_investigation',
  'informal_contact',
] as const;
export type Competence = (typeof COMPETENCES)[number];
export const COMPETENCE_LABELS: Record<Competence, string> = {
  mla: 'Mutual legal assistance',
  extradition: 'Extradition',
  joint_investigation_team: 'Joint investigation teams',
  document_examination: 'Document examination',
  financial_investigation: 'Financial investigation',
  informal_contact: 'Informal contact before a formal request',
};

/** ISO 639-1 codes of the languages the directory records; consoles name them with Intl.DisplayNames. */
export const LANGUAGE_CODES = [
  'ar',
  'am',
  'bn',
  'de',
  'el',
  'en',
  'es',
  'fa',
  'fr',
  'ha',
  'it',
  'ku',
  'mt',
  'ps',
  'pt',
  'ru',
  'so',
  'sq',
  'sr',
  'sw',
  'ti',
  'tr',
  'uk',
  'ur',
  'wo',
  'yo',
  'zh',
] as const;
export type LanguageCode = (typeof LANGUAGE_CODES)[number];

export const CHANNEL_TYPES = ['phone', 'email', 'secure_messaging', 'fax'] as const;
export type ChannelType = (typeof CHANNEL_TYPES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Vulnerable persons an alert or a consultation may flag (issue 7, protection first): a need for
 * protection, never a suspicion, and never tied to an identifier of the person.
 */
export const PROTECTION_FLAGS = [
  'child',
  'unaccompanied_child',
  'separated_child',
  'pregnant_woman',
  'person_with_disability',
  'person_in_danger',
] as const;
export type ProtectionFlag = (typeof PROTECTION_FLAGS)[number];
export const PROTECTION_FLAG_LABELS: Record<ProtectionFlag, string> = {
  child: 'Child',
  unaccompanied_child: 'Unaccompanied child',
  separated_child: 'Separated child',
  pregnant_woman: 'Pregnant woman',
  person_with_disability: 'Person with a disability',
  person_in_danger: 'Person in danger',
};

/** Formal requests a consultation may track (consultation.ts), and where each one stands. */
export const REQUEST_TYPES = ['mla', 'extradition', 'joint_investigation_team', 'information_request'] as const;
export type RequestType = (typeof REQUEST_TYPES)[number];
export const REQUEST_TYPE_LABELS: Record<RequestType, string> = {
  mla: 'Mutual legal assistance',
  extradition: 'Extradition',
  joint_investigation_team: 'Joint investigation team',
  information_request: 'Information request',
};

export const REQUEST_STATUSES = [
  'drafted',
  'sent',
  'received',
  'in_progress',
  'clarification_requested',
  'answered',
  'refused',
  'withdrawn',
] as const;
export type RequestStatus = (typeof REQUEST_STATUSES)[number];
export const REQUEST_STATUS_LABELS: Record<RequestStatus, string> = {
  drafted: 'Drafted',
  sent: 'Sent',
  received: 'Received',
  in_progress: 'In progress',
  clarification_requested: 'Clarification requested',
  answered: 'Answered',
  refused: 'Refused',
  withdrawn: 'Withdrawn',
};

/**
 * Why a request is refused, or why clarification is asked before it would have to be: the grounds
 * of Directive (EU) 2023/977, Art. 6(1)(a)–(h) (the only grounds on which a Single Point of
 * Contact may refuse), and Art. 6(3) (clarification asked for a request that would otherwise have
 * to be refused). The note of the status change says the rest in words.
 */
export const REQUEST_REFUSAL_GROUNDS = [
  'not_available',
  'requirements_not_met',
  'judicial_authorisation_refused',
  'personal_data_category',
  'inaccurate_or_outdated',
  'national_security',
  'investigation_or_safety',
  'legal_person_interests',
  'minor_offence',
  'not_an_offence',
  'originator_consent_withheld',
] as const;
export type RequestRefusalGround = (typeof REQUEST_REFUSAL_GROUNDS)[number];
export const REQUEST_REFUSAL_GROUND_LABELS: Record<RequestRefusalGround, string> = {
  not_available: 'Information not available (Art. 6(1)(a))',
  requirements_not_met: 'Request does not meet the requirements of Art. 4 (Art. 6(1)(b))',
  judicial_authorisation_refused: 'Judicial authorisation refused (Art. 6(1)(c))',
  personal_data_category: 'Personal data outside the categories of Art. 10(b) (Art. 6(1)(d))',
  inaccurate_or_outdated: 'Information inaccurate, incomplete or out of date (Art. 6(1)(e))',
  national_security: 'Essential national security interests (Art. 6(1)(f)(i))',
  investigation_or_safety: 'Would jeopardise an investigation or a person’s safety (Art. 6(1)(f)(ii))',
  legal_person_interests: 'Would unduly harm a legal person’s protected interests (Art. 6(1)(f)(iii))',
  minor_offence: 'Offence punishable by one year or less (Art. 6(1)(g)(i))',
  not_an_offence: 'Not a criminal offence here (Art. 6(1)(g)(ii))',
  originator_consent_withheld: 'The State that supplied it has not consented (Art. 6(1)(h))',
};

/** Roles carried in a user's access token: what the user may do, not what a contact does. */
export const USER_ROLES = [
  'border_officer',
  'investigator',
  'prosecutor',
  'central_authority',
  'liaison_officer',
  'analyst',
  'administrator',
] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * Who sends and answers formal requests (consultation.ts): under the MLA treaties and the UNTOC
 * (art. 18.13) these go between judicial and central authorities; officers consult informally.
 */
export const REQUEST_AUTHORITY_ROLES: readonly UserRole[] = ['prosecutor', 'central_authority'];

/**
 * Handling codes (as SIENA's): what the receiver may do with an item, beside who may see it (TLP).
 * Absent on items signed before they existed, which read as H0.
 */
export const HANDLING_CODES = ['H0', 'H1', 'H2', 'H3'] as const;
export type HandlingCode = (typeof HANDLING_CODES)[number];
export const HANDLING_CODE_LABELS: Record<HandlingCode, string> = {
  H0: 'H0 — no restriction beyond the law',
  H1: 'H1 — not to be used as evidence in judicial proceedings without the owner’s permission',
  H2: 'H2 — not to be passed on, or acted on, without the owner’s permission',
  H3: 'H3 — other restrictions, in words',
};

/** Whether an item may be used as evidence in judicial proceedings, as its owner decided. */
export const EVIDENCE_USES = ['permitted', 'with_permission', 'not_permitted'] as const;
export type EvidenceUse = (typeof EVIDENCE_USES)[number];
export const EVIDENCE_USE_LABELS: Record<EvidenceUse, string> = {
  permitted: 'May be used as evidence',
  with_permission: 'Ask the owner before using it as evidence',
  not_permitted: 'Not to be used as evidence',
};

/** What a receiver asks an item's owner leave to do (consultation.ts `permission_asked`). */
export const PERMISSION_PURPOSES = ['evidence', 'pass_on', 'act'] as const;
export type PermissionPurpose = (typeof PERMISSION_PURPOSES)[number];
export const PERMISSION_PURPOSE_LABELS: Record<PermissionPurpose, string> = {
  evidence: 'Use it as evidence in judicial proceedings',
  pass_on: 'Pass it on to another agency',
  act: 'Act on it',
};
