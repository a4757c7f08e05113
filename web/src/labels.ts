// Codes shown as words in the console's chosen language. Country and language names come from the
// browser's own CLDR data (Intl.DisplayNames); the other code lists from the message catalogues
// (i18n/messages), whose English entries are proto's labels. Dates and numbers go through Intl.
//
// The language is held here, set by the I18nProvider before its tree renders (and the tree is
// rendered anew when it changes), so that code lists built outside React (a select's options, a
// sorted list of countries) follow it without every caller threading the locale through.
import {
  COUNTRY_ALPHA2,
  COUNTRY_NAMES,
  INFORMATION_CREDIBILITY,
  ISSUING_STATE_NAMES,
  LANGUAGE_CODES,
  SOURCE_RELIABILITY,
  WEEKDAYS,
  writeWeekdays,
} from '@corridor/proto';
import { type CodeList, codeMessage, EN, type MessageId } from './i18n/messages/en';

let active = { locale: 'en', messages: EN as Record<string, string> };
let countries = new Intl.DisplayNames(['en'], { type: 'region' });
let languages = new Intl.DisplayNames(['en'], { type: 'language' });
const sorted = new Map<string, string[]>();

/** The pseudo-locale formats like English; the catalogue's own text shows it is in use. */
const intlLocale = (locale: string) => (locale === 'en-XA' ? 'en' : locale);

export function setLabelLocale(locale: string, messages: Record<string, string>): void {
  if (active.locale === locale && active.messages === messages) return;
  active = { locale, messages };
  countries = new Intl.DisplayNames([intlLocale(locale), 'en'], { type: 'region' });
  languages = new Intl.DisplayNames([intlLocale(locale), 'en'], { type: 'language' });
  sorted.clear();
}

export function activeLocale(): string {
  return intlLocale(active.locale);
}

/** A message without arguments, for code lists and for text built outside a component. */
export function messageText(id: MessageId): string {
  return active.messages[id] ?? EN[id];
}

export function countryName(code: string): string {
  const english = COUNTRY_NAMES[code as keyof typeof COUNTRY_NAMES];
  if (active.locale === 'en') return english ?? code;
  const two = COUNTRY_ALPHA2[code as keyof typeof COUNTRY_ALPHA2];
  try {
    return (two && countries.of(two)) || english || code;
  } catch {
    return english ?? code;
  }
}

export function languageName(code: string): string {
  try {
    return languages.of(code) ?? code;
  } catch {
    return code;
  }
}

function lookup(list: CodeList) {
  return (code: string | null | undefined): string =>
    code ? (active.messages[codeMessage(list, code)] ?? EN[codeMessage(list, code)] ?? code) : '';
}

export const label = {
  kind: lookup('kind'),
  tlp: lookup('tlp'),
  region: lookup('region'),
  mode: lookup('mode'),
  transport: lookup('transport'),
  concealment: lookup('concealment'),
  platform: lookup('platform'),
  documentType: lookup('documentType'),
  fraudType: lookup('fraudType'),
  feature: lookup('feature'),
  detectionPlace: lookup('detectionPlace'),
  identifierKind: lookup('identifierKind'),
  source: lookup('source'),
  information: lookup('information'),
  role: lookup('role'),
  competence: lookup('competence'),
  protection: lookup('protection'),
  requestType: lookup('requestType'),
  requestStatus: lookup('requestStatus'),
  handlingCode: lookup('handlingCode'),
  evidenceUse: lookup('evidenceUse'),
  permissionPurpose: lookup('permissionPurpose'),
  refusalGround: lookup('refusalGround'),
  channel: lookup('channel'),
  userRole: lookup('userRole'),
  statisticsTable: lookup('statisticsTable'),
  statisticsDimension: lookup('statisticsDimension'),
};

/** What an owner's release policy may withhold (proto REDACTABLE_FIELDS.alert), in words: on a received card and in the publish form's preview. */
const WITHHELD: Record<string, MessageId> = {
  caseReference: 'alert.withheld.caseReference',
  identifiers: 'alert.withheld.identifiers',
  'route.places': 'alert.withheld.places',
  'routeDetails.priceObserved': 'alert.withheld.price',
  'documentFraud.detectionDetails': 'alert.withheld.detection',
};

export function withheldFieldText(field: string): string {
  const id = WITHHELD[field];
  return id ? messageText(id) : field;
}

/** The grading's two scales (4x4: how reliable the source, how credible the information), as a select offers them. */
export const GRADING_SCALES = {
  source: { codes: SOURCE_RELIABILITY, labelOf: label.source },
  information: { codes: INFORMATION_CREDIBILITY, labelOf: label.information },
};
export type GradingScale = keyof typeof GRADING_SCALES;

/** A document's issuing state or organisation (ICAO 9303 code) in words. */
export function issuerName(code: string): string {
  if (code === 'D') return countryName('DEU');
  if (code in COUNTRY_NAMES) return countryName(code);
  return ISSUING_STATE_NAMES[code as keyof typeof ISSUING_STATE_NAMES] ?? code;
}

/** Codes in the order of their words in the chosen language, as selects list them. */
function byName(list: string, codes: () => readonly string[], nameOf: (code: string) => string): string[] {
  let done = sorted.get(list);
  if (!done) {
    const collator = new Intl.Collator(activeLocale());
    done = [...codes()].sort((a, b) => collator.compare(nameOf(a), nameOf(b)));
    sorted.set(list, done);
  }
  return done;
}

/** Issuing states and organisations, for the document form. */
export const issuerCodes = () => byName('issuer', () => Object.keys(ISSUING_STATE_NAMES), issuerName);

export const countryCodes = () => byName('country', () => Object.keys(COUNTRY_NAMES), countryName);

export const languagesByName = () => byName('language', () => LANGUAGE_CODES, languageName);

/** Days as words, consecutive runs joined: ["mon","tue","wed","thu","fri"] → "Mon–Fri". */
export function dayRange(days: readonly string[]): string {
  const known = WEEKDAYS.filter((d) => days.includes(d));
  // 1 January 2024 was a Monday: the week's days in the chosen language, Monday first as WEEKDAYS.
  const weekday = new Intl.DateTimeFormat(activeLocale(), { weekday: 'short', timeZone: 'UTC' });
  return writeWeekdays(known, (d) => weekday.format(Date.UTC(2024, 0, 1 + WEEKDAYS.indexOf(d))), '–', ', ');
}

/** Office hours as one line, e.g. "Mon–Fri 08:00–17:00; Sat 09:00–12:00". */
export function hoursText(hours: readonly { days: readonly string[]; from: string; to: string }[]): string {
  return hours.map((h) => `${dayRange(h.days)} ${h.from}–${h.to}`).join('; ');
}

/** A date (YYYY-MM-DD) or date-time in words, e.g. "3 Nov 2026". */
export function dateText(iso: string): string {
  const d = new Date(iso.length === 10 ? `${iso}T12:00:00Z` : iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(activeLocale(), { day: 'numeric', month: 'short', year: 'numeric' });
}

export function dateTimeText(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime())
    ? iso
    : d.toLocaleString(activeLocale(), {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
      });
}

/** A count or amount in the chosen language's digits and separators. */
export function numberText(n: number): string {
  return n.toLocaleString(activeLocale());
}
