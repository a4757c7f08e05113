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
  INFORMATION_CREDIBILITY_LABELS,
  ROUTE_REGION_LABELS,
  SOURCE_RELIABILITY_LABELS,
  TLP_LABELS,
  TRANSPORT_MEANS_LABELS,
  TRANSPORT_MODE_LABELS,
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

/** Countries sorted by name, for selects. */
export const COUNTRY_OPTIONS = Object.keys(COUNTRY_NAMES)
  .map((code) => ({ code, name: countryName(code) }))
  .sort((a, b) => a.name.localeCompare(b.name));
