// Codes shown as words. Country and language names come from the browser's own CLDR data
// (Intl.DisplayNames) in the user's language, falling back to proto's English lists.
import {
  ALERT_KIND_LABELS,
  COMMUNICATION_PLATFORM_LABELS,
  COMPETENCE_LABELS,
  CONCEALMENT_LABELS,
  COUNTRY_NAMES,
  DETECTION_PLACE_LABELS,
  DIRECTORY_ROLE_LABELS,
  DOCUMENT_FEATURE_LABELS,
  DOCUMENT_TYPE_LABELS,
  FRAUD_TYPE_LABELS,
  IDENTIFIER_KIND_LABELS,
  INFORMATION_CREDIBILITY,
  INFORMATION_CREDIBILITY_LABELS,
  ISSUING_STATE_NAMES,
  LANGUAGE_CODES,
  ROUTE_REGION_LABELS,
  SOURCE_RELIABILITY,
  SOURCE_RELIABILITY_LABELS,
  TLP_LABELS,
  TRANSPORT_MEANS_LABELS,
  TRANSPORT_MODE_LABELS,
  WEEKDAYS,
  writeWeekdays,
} from '@corridor/proto';

const locale = typeof navigator === 'undefined' ? 'en' : navigator.language;
const languageNames = new Intl.DisplayNames([locale, 'en'], { type: 'language' });

export function countryName(code: string): string {
  return COUNTRY_NAMES[code as keyof typeof COUNTRY_NAMES] ?? code;
}

export function languageName(code: string): string {
  try {
    return languageNames.of(code) ?? code;
  } catch {
    return code;
  }
}

function lookup(table: Record<string, string>) {
  return (code: string | null | undefined): string => (code ? (table[code] ?? code) : '');
}

export const label = {
  kind: lookup(ALERT_KIND_LABELS),
  tlp: lookup(TLP_LABELS),
  region: lookup(ROUTE_REGION_LABELS),
  mode: lookup(TRANSPORT_MODE_LABELS),
  transport: lookup(TRANSPORT_MEANS_LABELS),
  concealment: lookup(CONCEALMENT_LABELS),
  platform: lookup(COMMUNICATION_PLATFORM_LABELS),
  documentType: lookup(DOCUMENT_TYPE_LABELS),
  fraudType: lookup(FRAUD_TYPE_LABELS),
  feature: lookup(DOCUMENT_FEATURE_LABELS),
  detectionPlace: lookup(DETECTION_PLACE_LABELS),
  identifierKind: lookup(IDENTIFIER_KIND_LABELS),
  source: lookup(SOURCE_RELIABILITY_LABELS),
  information: lookup(INFORMATION_CREDIBILITY_LABELS),
  role: lookup(DIRECTORY_ROLE_LABELS),
  competence: lookup(COMPETENCE_LABELS),
};

/** The grading's two scales (4x4: how reliable the source, how credible the information), as a select offers them. */
export const GRADING_SCALES = {
  source: { codes: SOURCE_RELIABILITY, labelOf: label.source },
  information: { codes: INFORMATION_CREDIBILITY, labelOf: label.information },
};
export type GradingScale = keyof typeof GRADING_SCALES;

/** A document's issuing state or organisation (ICAO 9303 code) in words. */
export function issuerName(code: string): string {
  return ISSUING_STATE_NAMES[code as keyof typeof ISSUING_STATE_NAMES] ?? countryName(code);
}

/** Codes in the order of their words, as selects list them. */
function byName(codes: readonly string[], nameOf: (code: string) => string): string[] {
  return [...codes].sort((a, b) => nameOf(a).localeCompare(nameOf(b)));
}

/** Issuing states and organisations, for the document form. */
export const ISSUER_CODES = byName(Object.keys(ISSUING_STATE_NAMES), issuerName);

export const COUNTRY_CODES = byName(Object.keys(COUNTRY_NAMES), countryName);

export const LANGUAGES_BY_NAME = byName(LANGUAGE_CODES, languageName);

const WEEKDAY_NAMES: Record<string, string> = {
  mon: 'Mon',
  tue: 'Tue',
  wed: 'Wed',
  thu: 'Thu',
  fri: 'Fri',
  sat: 'Sat',
  sun: 'Sun',
};
/** Days as words, consecutive runs joined: ["mon","tue","wed","thu","fri"] → "Mon–Fri". */
export function dayRange(days: readonly string[]): string {
  const known = WEEKDAYS.filter((d) => days.includes(d));
  return writeWeekdays(known, (d) => WEEKDAY_NAMES[d] as string, '–', ', ');
}

/** Office hours as one line, e.g. "Mon–Fri 08:00–17:00; Sat 09:00–12:00". */
export function hoursText(hours: readonly { days: readonly string[]; from: string; to: string }[]): string {
  return hours.map((h) => `${dayRange(h.days)} ${h.from}–${h.to}`).join('; ');
}

/** A date (YYYY-MM-DD) or date-time in words, e.g. "3 Nov 2026". */
export function dateText(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(locale, { day: 'numeric', month: 'short', year: 'numeric' });
}

export function dateTimeText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(locale, { day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
}
