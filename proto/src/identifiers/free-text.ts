// Finds what looks like a personal identifier in free text, which travels to partners as written.
// Two questions: does the text repeat an identifier declared on the same item, in any written
// form (canonical forms compared, as pseudonyms are)? And does it hold something shaped like one
// (a phone number libphonenumber-js finds, an IBAN whose check digits hold, an e-mail address, a
// handle, a document number, a vehicle plate)? The shapes are tuned against the innocent text
// alerts are full of (dates, times, flight numbers, prices, counts, file references): the tables
// in free-text.spec.ts say what must and must not be found. Pure: no I/O, nothing logged.
import { electronicFormatIBAN, getCountrySpecifications, isValidIBAN } from 'ibantools';
import { findPhoneNumbersInText, parsePhoneNumberFromString, type CountryCode as Region } from 'libphonenumber-js/max';
import type { IdentifierInput } from '../alert.js';
import type { CountryCode, IdentifierKind } from '../codes.js';
import { ALPHA2 } from './country-alpha2.js';
import { canonicalIdentifier } from './index.js';
import { foldAlnum } from './text.js';

/** Where an identifier sits in a text, and of which kind; `declared`: the index of the identifier it repeats. */
export interface TextFinding {
  kind: IdentifierKind;
  start: number;
  end: number;
  declared?: number;
}

export interface FreeTextContext {
  /** The identifiers declared on the same item, raw, as the officer typed them. */
  declared?: readonly Pick<IdentifierInput, 'kind' | 'value' | 'qualifier'>[];
  /** Countries the item concerns (ISO alpha-3): national phone numbers are read as theirs. */
  countries?: readonly string[];
}

const ALNUM = /[\p{L}\p{N}]/u;
const isAlnumAt = (text: string, i: number) => i >= 0 && i < text.length && ALNUM.test(text[i] as string);

/** The text folded like identifiers are (any script in Latin letters, upper case, letters and digits only), with each folded character's source index. */
function foldWithIndex(text: string): { folded: string; at: number[] } {
  let folded = '';
  const at: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    // Plain ASCII needs no transliteration table.
    const part = c < '\u0080' ? (/[A-Za-z0-9]/.test(c) ? c.toUpperCase() : '') : foldAlnum(c);
    folded += part;
    for (let k = 0; k < part.length; k++) at.push(i);
  }
  return { folded, at };
}

/** Occurrences of a folded needle that start and end at word edges of the original text. */
function foldedOccurrences(text: string, folded: ReturnType<typeof foldWithIndex>, needle: string): [number, number][] {
  const out: [number, number][] = [];
  if (needle.length === 0) return out;
  for (let i = folded.folded.indexOf(needle); i >= 0; i = folded.folded.indexOf(needle, i + 1)) {
    const start = folded.at[i] as number;
    const end = (folded.at[i + needle.length - 1] as number) + 1;
    if (!isAlnumAt(text, start - 1) && !isAlnumAt(text, end)) out.push([start, end]);
  }
  return out;
}

/** What of a declared identifier can be searched for in text, folded; too short a part would match ordinary words. */
function searchableParts(id: Pick<IdentifierInput, 'kind' | 'value' | 'qualifier'>): string[] {
  if (id.kind === 'person') {
    // Each name alone identifies the person declared on this very alert (a surname, a given name).
    return id.value
      .replace(/['’`]/g, '')
      .split(/[\s,\-–]+/)
      .map(foldAlnum)
      .filter((n) => n.length >= 3);
  }
  if (id.kind === 'phone') return []; // read as phone numbers, below: national and international forms differ in digits
  let canonical: string;
  try {
    canonical = canonicalIdentifier(id);
  } catch {
    canonical = foldAlnum(id.value);
  }
  // The canonical form's last part is the value itself (the qualifier comes first).
  const value = foldAlnum(canonical.split('|').at(-1) ?? '');
  return value.length >= 4 ? [value] : [];
}

function declaredPhone(id: Pick<IdentifierInput, 'kind' | 'value' | 'qualifier'>): { e164: string; region?: Region } | null {
  if (id.kind !== 'phone') return null;
  try {
    const e164 = canonicalIdentifier(id);
    const region = parsePhoneNumberFromString(e164)?.country;
    return region ? { e164, region } : { e164 };
  } catch {
    return null;
  }
}

function regionsOf(countries: readonly string[]): Region[] {
  const out = new Set<Region>();
  for (const c of countries) {
    const r = ALPHA2[c.trim().toUpperCase() as CountryCode];
    if (r) out.add(r as Region);
  }
  return [...out];
}

// Currencies seen along the routes, by code and in words.
const CURRENCIES = 'EUR|USD|GBP|CHF|CFA|XOF|XAF|NGN|GHS|LYD|TND|DZD|MAD|EGP|SDG|ETB|ERN|TRY|euros?|dollars?|naira|dinars?|francs?|cedis?';

// Innocent numbers that the shapes below would otherwise read as a document number: masked
// (replaced by a character that neither joins nor counts) before the shapes are looked for.
const INNOCENT = [
  /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/gi, // UUIDs (alert, entry ids)
  /\b(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?\b/g, // ISO dates and times
  /(?<![\w.])(?<!\d[./-])(?:0?[1-9]|[12]\d|3[01])([./-])(?:0?[1-9]|1[0-2])\1(?:\d{4}|\d{2})(?!\w|[./-]\d)/g, // 24.11.2026, 24/11/26
  /\b(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b/g, // 20261124
  /\b\d{1,2}[:h]\d{2}(?::\d{2})?\b/g, // 21:30, 21h30
  // Amounts with a currency: 2,500,000 CFA, EUR 1 500 000, € 3.000 (a named currency only: a
  // country code before a grouped number may be a document's issuer)
  new RegExp(`(?:[€$£]|\\b(?:${CURRENCIES})\\b)\\s?\\d{1,3}(?:[.,\\s]\\d{3})+(?:[.,]\\d{1,2})?\\b`, 'gi'),
  new RegExp(`\\b\\d{1,3}(?:[.,\\s]\\d{3})+(?:[.,]\\d{1,2})?\\s?(?:[€$£]|(?:${CURRENCIES})\\b)`, 'gi'),
  /-?\b\d{1,3}\.\d{3,}\s*,\s*-?\d{1,3}\.\d{3,}\b/g, // coordinates 13.5137, 2.1098
];

function maskInnocent(text: string): string {
  let masked = text;
  for (const re of INNOCENT) masked = masked.replace(re, (m) => '#'.repeat(m.length));
  return masked;
}

// A document number as printed or typed: groups of letters and digits joined by one space, dash
// or dot, optionally after a one- or two-letter upper-case prefix before digits (YA 1234567; not USA). Words do not join.
const DOCUMENT_CHAIN =
  /(?<![\p{L}\p{N}])(?:[A-Z]{1,2}[ .-](?=\d+(?![A-Za-z])))?[A-Za-z0-9]*\d[A-Za-z0-9]*(?:[ .-][A-Za-z0-9]*\d[A-Za-z0-9]*)*(?![\p{L}\p{N}])/gu;
const YEAR = /^(?:19[5-9]\d|20\d\d)$/;
const FILE_NUMBER_YEAR = /^\/(?:19[5-9]\d|20\d\d)(?!\d)/;

/** Splits a chain where a year stands next to a dash: PROC-2026-00123 is a file reference. */
function chainParts(chain: string, offset: number): [string, number][] {
  const parts: [string, number][] = [];
  const re = /[A-Za-z0-9]+/g;
  let start = -1;
  let last = 0;
  for (let m = re.exec(chain); m; m = re.exec(chain)) {
    const before = chain[m.index - 1];
    const after = chain[m.index + m[0].length];
    if (YEAR.test(m[0]) && (before === '-' || after === '-')) {
      if (start >= 0) parts.push([chain.slice(start, last), offset + start]);
      start = -1;
      continue;
    }
    if (start < 0) start = m.index;
    last = m.index + m[0].length;
  }
  if (start >= 0) parts.push([chain.slice(start, last), offset + start]);
  return parts;
}

function looksLikeDocumentNumber(candidate: string): boolean {
  const folded = foldAlnum(candidate);
  const digits = folded.replace(/\D/g, '').length;
  const letters = folded.length - digits;
  if (folded.length < 6 || folded.length > 20) return false;
  return letters > 0 ? digits >= 6 : digits >= 7;
}

// The same separator twice (AB-123-CD, AG 4417 NE): a flight and its airport (AZ869 FCO) is not a plate.
const PLATE = /(?<![\p{L}\p{N}])[A-Z]{1,3}([ -]?)\d{3,4}\1[A-Z]{1,3}(?![\p{L}\p{N}])/gu;
const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.[\p{L}]{2,}/gu;
const HANDLE = /(?<![\p{L}\p{N}._%+-])@[\p{L}\p{N}_.]{3,64}/gu;
const IBAN_START = /(?<![\p{L}\p{N}])[A-Za-z]{2}\d{2}(?:[ -]?[A-Za-z0-9]){8,34}/gu;
const IMO = /(?<![\p{L}\p{N}])IMO[\s:]*\d{7}(?![\p{L}\p{N}])/giu;

// ibantools builds its table of countries afresh at every call (a copy of every country's
// entry): made once here, it is not rebuilt for every alert's free text.
let countrySpecifications: ReturnType<typeof getCountrySpecifications> | undefined;

function ibans(text: string): TextFinding[] {
  const out: TextFinding[] = [];
  countrySpecifications ??= getCountrySpecifications();
  const specs = countrySpecifications;
  for (const m of text.matchAll(IBAN_START)) {
    const length = specs[m[0].slice(0, 2).toUpperCase()]?.chars;
    if (!length) continue;
    // Exactly as many letters and digits as the country's IBAN has, wherever the spaces fall.
    let count = 0;
    let end = 0;
    for (; end < m[0].length && count < length; end++) if (/[A-Za-z0-9]/.test(m[0][end] as string)) count++;
    const candidate = electronicFormatIBAN(m[0].slice(0, end)) ?? '';
    if (count === length && isValidIBAN(candidate)) out.push({ kind: 'bank_account', start: m.index, end: m.index + end });
  }
  return out;
}

function phones(text: string, regions: readonly Region[]): { start: number; end: number; e164: string }[] {
  const out = new Map<string, { start: number; end: number; e164: string }>();
  // 00 is the international prefix of most countries along the routes: read it as +, in place.
  const international = text.replace(/(?<![\p{L}\p{N}])(?<!\d[ .-])00(?=[1-9])/gu, ' +');
  // Without a default region, only international forms (+…, 00…) are read; with one, its national forms too.
  for (const region of [undefined, ...regions]) {
    for (const p of findPhoneNumbersInText(international, region ? { defaultCountry: region } : undefined)) {
      const start = text.startsWith('00', p.startsAt - 1) ? p.startsAt - 1 : p.startsAt;
      out.set(`${start}:${p.endsAt}`, { start, end: p.endsAt, e164: p.number.number });
    }
  }
  return [...out.values()];
}

interface PreparedContext {
  declared: { part: string; kind: IdentifierKind; index: number }[];
  declaredPhones: ({ e164: string; region?: Region } | null)[];
  regions: Region[];
}

// A document's fields are all read with one context: its declared identifiers are canonicalized once.
const preparedContexts = new WeakMap<FreeTextContext, PreparedContext>();

function prepared(context: FreeTextContext): PreparedContext {
  const cached = preparedContexts.get(context);
  if (cached) return cached;
  const ids = context.declared ?? [];
  const declaredPhones = ids.map(declaredPhone);
  const result: PreparedContext = {
    declared: ids.flatMap((id, index) => searchableParts(id).map((part) => ({ part, kind: id.kind, index }))),
    declaredPhones,
    regions: [...new Set([...regionsOf(context.countries ?? []), ...declaredPhones.flatMap((p) => (p?.region ? [p.region] : []))])],
  };
  preparedContexts.set(context, result);
  return result;
}

/** Digits in the longest run of digits cut only by spaces, dots, dashes or brackets: no phone number is shorter than six. */
function longestDigitRun(text: string): number {
  let longest = 0;
  for (const m of text.matchAll(/\d(?:[ .\-()/]{0,2}\d)*/g)) longest = Math.max(longest, m[0].replace(/\D/g, '').length);
  return longest;
}

const overlaps = (a: { start: number; end: number }, b: { start: number; end: number }) => a.start < b.end && b.start < a.end;

/**
 * Every place in `text` that repeats a declared identifier or is shaped like one. Findings do
 * not overlap: a repeated declared identifier wins over a shape, a precise shape over a loose one.
 */
export function findIdentifiersInText(text: string, context: FreeTextContext = {}): TextFinding[] {
  if (text.length === 0) return [];
  const { declared, declaredPhones, regions } = prepared(context);
  const found: TextFinding[] = [];
  const add = (f: TextFinding) => {
    if (!found.some((g) => overlaps(f, g))) found.push(f);
  };

  const folded = foldWithIndex(text);
  for (const { part, kind, index } of declared)
    for (const [start, end] of foldedOccurrences(text, folded, part)) add({ kind, start, end, declared: index });
  // Every shape below needs digits (a plate three, the others more) or an @: most fields of an
  // alert (codes, places) have neither, and reading them for phone numbers is the costly part.
  const digits = text.replace(/\D/g, '').length;
  if (digits < 3 && !text.includes('@')) return found.sort((a, b) => a.start - b.start);
  // Dates, times and amounts are masked for the phone reader too: 23.11.2026 is a possible number somewhere.
  const masked = maskInnocent(text);
  const phoneHits = longestDigitRun(masked) >= 6 ? phones(masked, regions) : [];
  for (const p of phoneHits) {
    const i = declaredPhones.findIndex((d) => d?.e164 === p.e164);
    add(i >= 0 ? { kind: 'phone', start: p.start, end: p.end, declared: i } : { kind: 'phone', start: p.start, end: p.end });
  }
  for (const f of ibans(text)) add(f);
  for (const m of text.matchAll(EMAIL)) add({ kind: 'email', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(HANDLE)) add({ kind: 'social_handle', start: m.index, end: m.index + m[0].length });
  for (const m of text.matchAll(IMO)) add({ kind: 'vessel', start: m.index, end: m.index + m[0].length });

  for (const m of masked.matchAll(PLATE)) add({ kind: 'vehicle_plate', start: m.index, end: m.index + m[0].length });
  for (const m of masked.matchAll(DOCUMENT_CHAIN)) {
    // A number over a year (1234567/2026) is how prosecutors' registers number their files.
    if (FILE_NUMBER_YEAR.test(masked.slice(m.index + m[0].length))) continue;
    for (const [part, start] of chainParts(m[0], m.index)) {
      if (looksLikeDocumentNumber(part)) add({ kind: 'travel_document', start, end: start + part.length });
    }
  }
  return found.sort((a, b) => a.start - b.start);
}

/** Words for a finding that never repeat the value: it may be written to a log on the way back. */
export function describeFinding(f: TextFinding): string {
  if (f.declared !== undefined) return `repeats identifier ${f.declared + 1}`;
  return `looks like ${KIND_WORDS[f.kind]}`;
}

const KIND_WORDS: Record<IdentifierKind, string> = {
  travel_document: 'a document number',
  person: 'a name',
  phone: 'a phone number',
  email: 'an e-mail address',
  social_handle: 'a social-media handle',
  vehicle_plate: 'a vehicle plate',
  vessel: 'a vessel number',
  bank_account: 'a bank account (IBAN)',
};
