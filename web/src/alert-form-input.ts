// The publish form's state and how it becomes proto's AlertInput, without proto's schemas: the
// feed's amend form builds its input here too, and must not load zod with the feed.
import { type AlertInput, LANGUAGE_CODES } from '@corridor/proto';
import { activeLocale } from './labels';

export type AlertFormKind = 'route' | 'document_fraud';

export interface WaypointRow {
  country: string;
  place: string;
  mode: string;
  /** Decimal degrees as typed; optional so that a draft kept from before they existed still loads. */
  latitude?: string;
  longitude?: string;
}

export interface IdentifierRow {
  kind: string;
  value: string;
  qualifier: string;
}

export interface AlertForm {
  kind: AlertFormKind;
  tlp: string;
  recipients: string[];
  source: string;
  information: string;
  summary: string;
  /** The language the summary is written in (ISO 639-1), '' for not stated; the console's language to start with. */
  summaryLanguage: string;
  /** As the browser's datetime-local input gives it: local time, no zone. */
  validUntil: string;
  /** The agency's own case or file reference (the release policy decides who sees it). */
  caseReference: string;
  /** Vulnerable persons flagged (proto PROTECTION_FLAGS). */
  protection: string[];
  /** What partners may do with it (proto HANDLING_CODES), H0 to start with; H3's restrictions in words. */
  handlingCode: string;
  handlingConditions: string;
  /** Whether it may be used as evidence (proto EVIDENCE_USES), "ask the owner" to start with, and on what legal basis. */
  evidenceUse: string;
  evidenceLegalBasis: string;
  identifiers: IdentifierRow[];
  // Route alert
  region: string;
  waypoints: WaypointRow[];
  transport: string;
  concealment: string;
  platforms: string[];
  price: string;
  currency: string;
  migrants: string;
  children: string;
  unaccompanied: string;
  pregnant: string;
  // Document-fraud alert
  documentType: string;
  issuingState: string;
  fraudType: string;
  features: string[];
  detectionPlace: string;
  location: string;
  flight: string;
}

/** The console's language as a summary's language: what an officer most likely writes in. */
function consoleLanguage(): string {
  const code = activeLocale().slice(0, 2);
  return (LANGUAGE_CODES as readonly string[]).includes(code) ? code : '';
}

/** A fresh form. Codes with no safe default (countries, document type, fraud type) start empty on purpose. */
export function emptyAlertForm(kind: AlertFormKind): AlertForm {
  return {
    kind,
    tlp: 'GREEN',
    recipients: [],
    // The 4x4 system's honest default: not assessed. The officer grades it up, knowingly.
    source: 'X',
    information: '4',
    summary: '',
    summaryLanguage: consoleLanguage(),
    validUntil: '',
    caseReference: '',
    protection: [],
    handlingCode: 'H0',
    handlingConditions: '',
    evidenceUse: 'with_permission',
    evidenceLegalBasis: '',
    identifiers: [],
    region: 'central-mediterranean',
    waypoints: [
      { country: '', place: '', mode: '', latitude: '', longitude: '' },
      { country: '', place: '', mode: '', latitude: '', longitude: '' },
    ],
    transport: '',
    concealment: '',
    platforms: [],
    price: '',
    currency: 'EUR',
    migrants: '',
    children: '',
    unaccompanied: '',
    pregnant: '',
    documentType: '',
    issuingState: '',
    fraudType: '',
    features: [],
    detectionPlace: '',
    location: '',
    flight: '',
  };
}

export const isRestrictedTlp = (tlp: string) => tlp === 'AMBER' || tlp === 'AMBER+STRICT';

const text = (s: string) => (s.trim() === '' ? undefined : s.trim());
/** A number field: empty is "not given"; anything else goes as typed, for the schema to judge. */
/** A coordinate as typed: a decimal comma is read as a point (32,93 is 32.93); anything else goes to the schema to judge. */
const degrees = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : Number(s.trim().replace(',', '.')));
const count = (s: string) => (s.trim() === '' ? undefined : Number(s));
/** Leaves out the keys whose value is undefined, so optional fields are absent, not null. */
function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A select left on its empty option is sent as absent, so the schema says "is required". */
const chosen = (s: string) => (s === '' ? undefined : s);

export function buildAlertInput(f: AlertForm): AlertInput {
  const common = defined({
    tlp: chosen(f.tlp),
    recipients: isRestrictedTlp(f.tlp) ? f.recipients : [],
    grading: defined({ source: chosen(f.source), information: chosen(f.information) }),
    summary: f.summary,
    summaryLanguage: chosen(f.summaryLanguage ?? ''),
    validUntil: f.validUntil && !Number.isNaN(Date.parse(f.validUntil)) ? new Date(f.validUntil).toISOString() : undefined,
    identifiers: f.identifiers.map((i) => defined({ kind: chosen(i.kind), value: i.value, qualifier: text(i.qualifier) })),
    caseReference: text(f.caseReference),
    protection: f.protection.length > 0 ? f.protection : undefined,
    // A draft kept from before these fields existed sends the defaults a fresh form has.
    handlingCode: chosen(f.handlingCode ?? 'H0'),
    handlingConditions: text(f.handlingConditions ?? ''),
    // An alert amended that never stated a use states none unless the officer chooses one.
    evidence: chosen(f.evidenceUse ?? 'with_permission')
      ? defined({ use: chosen(f.evidenceUse ?? 'with_permission'), legalBasis: text(f.evidenceLegalBasis ?? '') })
      : undefined,
  });
  if (f.kind === 'route') {
    const vulnerable = defined({
      children: count(f.children),
      unaccompaniedMinors: count(f.unaccompanied),
      pregnantWomen: count(f.pregnant),
    });
    return {
      kind: 'route',
      ...common,
      route: {
        region: f.region,
        waypoints: f.waypoints.map((w) =>
          defined({
            country: chosen(w.country),
            place: text(w.place),
            mode: chosen(w.mode),
            latitude: degrees(w.latitude),
            longitude: degrees(w.longitude),
          }),
        ),
      },
      routeDetails: defined({
        transport: chosen(f.transport),
        concealment: chosen(f.concealment),
        communicationPlatforms: f.platforms,
        priceObserved: text(f.price) ? { amount: Number(f.price), currency: f.currency.trim().toUpperCase() } : undefined,
        migrantCount: count(f.migrants),
        vulnerablePersons: Object.keys(vulnerable).length > 0 ? vulnerable : undefined,
      }),
    } as AlertInput;
  }
  return {
    kind: 'document_fraud',
    ...common,
    documentFraud: defined({
      documentType: chosen(f.documentType),
      issuingState: chosen(f.issuingState),
      fraudType: chosen(f.fraudType),
      featuresAffected: f.features,
      detectedAt: defined({ place: chosen(f.detectionPlace), location: text(f.location), flight: text(f.flight)?.toUpperCase() }),
    }),
  } as AlertInput;
}
