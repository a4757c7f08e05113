// The publish form's state and how it becomes proto's AlertInput. Kept apart from React so that
// the mapping (empty fields left out, numbers parsed, recipients only for AMBER) is tested directly.
import { type AlertInput, alertInput, fieldErrorsOf, LANGUAGE_CODES, timeErrors } from '@corridor/proto';
import { type ErrorsByPath, groupByPath, type TextFinding } from './field-errors';
import { activeLocale } from './labels';

/** The console's own check of an alert, with proto's schema, in the node's field paths. */
export function checkAlertInput(input: unknown): ErrorsByPath {
  const result = alertInput.safeParse(input);
  return result.success ? {} : groupByPath(fieldErrorsOf(result.error));
}

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
const count = (s: string) => (s.trim() === '' ? undefined : Number(s));
/** Leaves out the keys whose value is undefined, so optional fields are absent, not null. */
function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** A coordinate as typed: a decimal comma is read as a point (32,93 is 32.93); anything else goes to the schema to judge. */
const degrees = (s: string | undefined) => (s === undefined || s.trim() === '' ? undefined : Number(s.trim().replace(',', '.')));

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

/** Every message for the form, by field path: proto's schema plus the clock-dependent rules. */
export function checkAlertForm(f: AlertForm, now: Date): ErrorsByPath {
  const input = buildAlertInput(f);
  const errors = checkAlertInput(input);
  // A select left on "Choose…" is absent from the input; proto's message then names the codes
  // (e.g. "ITA, NER, NGA") that the officer never sees: say what to do instead.
  for (const path of Object.keys(errors)) {
    // Coordinates are typed, not chosen: their own message ("give both or neither") stands.
    if (isChoice(path) && valueAt(input, path) === undefined && valueAt(input, parentOf(path)) !== undefined) {
      errors[path] = ['Required: choose one from the list.'];
    }
  }
  if (f.validUntil && Number.isNaN(Date.parse(f.validUntil))) errors.validUntil = ['must be a date and time'];
  for (const [path, messages] of Object.entries(groupByPath(timeErrors(input, now)))) {
    errors[path] = [...(errors[path] ?? []), ...messages];
  }
  return errors;
}

const isChoice = (path: string) => path.includes('.') && !/\.(latitude|longitude)$/.test(path);
const parentOf = (path: string) => path.slice(0, path.lastIndexOf('.'));

function valueAt(root: unknown, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((v, key) => (typeof v === 'object' && v !== null ? (v as Record<string, unknown>)[key] : undefined), root);
}

// ---------------------------------------------------------------------------------------------
// Moving an identifier the node found in free text into the identifiers section.

/** The form's free-text fields, by the path proto's AlertInput gives them. */
function textField(path: string): { get: (f: AlertForm) => string; set: (f: AlertForm, v: string) => AlertForm } | null {
  const simple = { summary: 'summary', caseReference: 'caseReference', 'documentFraud.detectedAt.location': 'location' } as const;
  if (path in simple) {
    const key = simple[path as keyof typeof simple];
    return { get: (f) => f[key], set: (f, v) => ({ ...f, [key]: v }) };
  }
  const m = /^route\.waypoints\.(\d+)\.place$/.exec(path);
  if (!m) return null;
  const i = Number(m[1]);
  return {
    get: (f) => f.waypoints[i]?.place ?? '',
    set: (f, v) => ({ ...f, waypoints: f.waypoints.map((w, j) => (j === i ? { ...w, place: v } : w)) }),
  };
}

/** An offer the console shows at a field: this value, of this kind, out of the text (into a new identifier row unless it is one already). */
export interface MoveOffer {
  path: string;
  kind: string;
  value: string;
  /** Index of the identifier row it repeats; then it only leaves the text. */
  declared?: number;
}

/**
 * Reads the values the node found out of the form as it was sent. The node counts positions in
 * the trimmed text, as it stores it; the form keeps what the officer typed.
 */
export function moveOffers(form: AlertForm, findings: Record<string, TextFinding[]>): MoveOffer[] {
  return Object.entries(findings).flatMap(([path, found]) => {
    const field = textField(path);
    if (!field) return [];
    const text = field.get(form);
    const offset = text.length - text.trimStart().length;
    return found.map((f) => ({
      path,
      kind: f.kind,
      value: text.slice(offset + f.start, offset + f.end),
      ...(f.declared !== undefined ? { declared: f.declared } : {}),
    }));
  });
}

/** Takes the offered value out of its text (wherever it now is) and, unless declared already, adds it as an identifier row of its kind. */
export function moveToIdentifiers(form: AlertForm, offer: MoveOffer): AlertForm {
  const field = textField(offer.path);
  if (!field) return form;
  const text = field.get(form);
  const at = offer.value ? text.indexOf(offer.value) : -1;
  const before = text.slice(0, at).trimEnd();
  const after = text.slice(at + offer.value.length).trimStart();
  // One space where the value was, none before punctuation.
  const without = at < 0 ? text : `${before}${/^[,.;:!?)]/.test(after) || !after ? '' : ' '}${after}`.trim();
  const next = field.set(form, without);
  if (offer.declared !== undefined) return next;
  return { ...next, identifiers: [...next.identifiers, { kind: offer.kind, value: offer.value.trim(), qualifier: '' }] };
}
