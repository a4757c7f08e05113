// What opening a STIX bundle or a MISP event gives the Publish page: a draft of the form, never an
// alert, and the list of what the file held that the draft does not (so nothing is dropped
// unseen). The officer checks, completes and presses Publish as for any alert; identifiers the
// file names go into the form's identifier rows, which the node pseudonymizes, and every text the
// draft takes is checked by the node's free-text guard like typed text.
import {
  COMMUNICATION_PLATFORM_LABELS,
  COMMUNICATION_PLATFORMS,
  CONCEALMENT_LABELS,
  CONCEALMENT_METHODS,
  COUNTRY_ALPHA2,
  COUNTRY_NAMES,
  LANGUAGE_CODES,
  ROUTE_REGION_LABELS,
  ROUTE_REGIONS,
  TRANSPORT_MEANS,
  TRANSPORT_MEANS_LABELS,
} from '@corridor/proto';
import { type AlertForm, emptyAlertForm, type IdentifierRow, type WaypointRow } from '../alert-form-input';

export type ExchangeFormat = 'stix' | 'misp';

/** Why something of the file is not in the draft; each has its sentence in the catalogues (`import.notTaken.<reason>`). */
export const NOT_TAKEN_REASONS = [
  /** An object, attribute or tag of a kind an alert has no field for. */
  'unused_kind',
  /** STIX extension properties (`x_…`, `extensions`): read by no field. */
  'extension',
  /** A place whose country cannot be read as a country code or name. */
  'no_country',
  /** A second report or event in one file: the draft is made from the first. */
  'second_report',
  /** Text the file holds besides the summary (notes, comments, text attributes): read it, take what matters. */
  'text',
  /** A marking other than TLP (statements, PAP…): the alert's TLP is chosen from TLP markings only. */
  'marking',
  /** An identifier of a kind the alert cannot hold, or one found twice. */
  'identifier',
] as const;
export type NotTakenReason = (typeof NOT_TAKEN_REASONS)[number];

export interface NotTaken {
  /** Where in the file: `objects[4]`, `Event.Attribute[2]`, `Event.Tag[0]`. */
  at: string;
  /** What it is, in the file's own terms (`malware "Lockbit"`, `ip-dst`, `x_opencti_score`). */
  what: string;
  reason: NotTakenReason;
}

export interface ImportedDraft {
  format: ExchangeFormat;
  form: AlertForm;
  notTaken: NotTaken[];
}

/** The file's problems that refuse it whole; each has its sentence (`import.error.<problem>`). */
export const IMPORT_PROBLEMS = [
  'not_json',
  'too_large',
  'unknown_format',
  'missing',
  'wrong_type',
  'out_of_range',
  'spec_version',
] as const;
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];

/** A file that cannot be read as a STIX 2.1 bundle or a MISP event: which field, what is wrong. */
export class ImportFileError extends Error {
  constructor(
    readonly problem: ImportProblem,
    /** The field, as a path in the file (`objects[2].latitude`); empty for the whole file. */
    readonly field: string,
  ) {
    super(`${field || 'file'}: ${problem}`);
    this.name = 'ImportFileError';
  }
}

// ---------------------------------------------------------------------------------------------
// Reading JSON values as a field expects them, refusing at their path otherwise.

export type Json = Record<string, unknown>;
export const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** `at`'s field `key` (`Event.info`), or `key` alone at the file's top. */
export const fieldPath = (at: string, key: string) => (at ? `${at}.${key}` : key);

export function optionalText(o: Json, key: string, at: string): string | undefined {
  const v = o[key];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') throw new ImportFileError('wrong_type', fieldPath(at, key));
  return v.trim() === '' ? undefined : v.trim();
}

export function optionalList(o: Json, key: string, at: string): unknown[] {
  const v = o[key];
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw new ImportFileError('wrong_type', fieldPath(at, key));
  return v;
}

/** Degrees, as a number or numeric text (MISP keeps them as text), within ±limit. */
export function optionalDegrees(v: unknown, limit: 90 | 180, at: string): string | undefined {
  if (v === undefined || v === null || v === '') return undefined;
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v.trim()) : Number.NaN;
  if (!Number.isFinite(n)) throw new ImportFileError('wrong_type', at);
  if (Math.abs(n) > limit) throw new ImportFileError('out_of_range', at);
  return String(n);
}

// ---------------------------------------------------------------------------------------------
// Codes of the file read as the alert's.

const ALPHA3_OF_ALPHA2 = new Map(Object.entries(COUNTRY_ALPHA2).map(([a3, a2]) => [a2, a3]));
const COUNTRY_BY_NAME = new Map(Object.entries(COUNTRY_NAMES).map(([a3, name]) => [fold(name), a3]));

function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9+]+/g, ' ')
    .trim();
}

/** A country as ISO 3166 alpha-2 (STIX), alpha-3 or its English name (MISP): the alert's alpha-3, or undefined. */
export function countryCode(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const v = value.trim();
  const upper = v.toUpperCase();
  if (upper.length === 3 && upper in COUNTRY_NAMES) return upper;
  if (upper.length === 2) return ALPHA3_OF_ALPHA2.get(upper);
  return COUNTRY_BY_NAME.get(fold(v));
}

const TLP_WORDS: Record<string, string> = {
  clear: 'CLEAR',
  white: 'CLEAR',
  green: 'GREEN',
  amber: 'AMBER',
  'amber+strict': 'AMBER+STRICT',
  red: 'RED',
};
const TLP_ORDER = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'];

/** `amber`, `TLP:AMBER+STRICT`, `tlp:white` → the alert's TLP level; undefined for anything else. */
export function tlpLevel(word: string): string | undefined {
  return TLP_WORDS[
    word
      .trim()
      .toLowerCase()
      .replace(/^tlp:\s*/, '')
  ];
}

/** Of several TLP markings, the most restricted holds: a file is never shared wider than it says. */
export function strictest(levels: string[]): string | undefined {
  return levels.reduce<string | undefined>((a, b) => (a === undefined || TLP_ORDER.indexOf(b) > TLP_ORDER.indexOf(a) ? b : a), undefined);
}

function codeFrom<T extends string>(codes: readonly T[], labels: Record<T, string>, word: string): T | undefined {
  const w = fold(word.replace(/^[^:=]*[:=]\s*/, '').replace(/"/g, ''));
  return codes.find((c) => fold(c) === w || fold(labels[c]) === w);
}

/**
 * A label or tag read as modus operandi (transport, concealment, platform) or as the route's
 * region: by the code or its English name (`rubber_boat`, `Rubber boat`, `corridor:transport="rubber-boat"`).
 */
export function modusOperandi(word: string): Partial<Pick<AlertForm, 'transport' | 'concealment' | 'region'>> & { platform?: string } {
  const transport = codeFrom(TRANSPORT_MEANS, TRANSPORT_MEANS_LABELS, word);
  if (transport) return { transport };
  const concealment = codeFrom(CONCEALMENT_METHODS, CONCEALMENT_LABELS, word);
  if (concealment) return { concealment };
  const platform = codeFrom(COMMUNICATION_PLATFORMS, COMMUNICATION_PLATFORM_LABELS, word);
  if (platform && platform !== 'other') return { platform };
  const region = codeFrom(ROUTE_REGIONS, ROUTE_REGION_LABELS, word);
  if (region && region !== 'other') return { region };
  return {};
}

// ---------------------------------------------------------------------------------------------
// Building the draft.

/** Collects what the file gives, then makes the form: a route alert, as the officer would start one. */
export class DraftBuilder {
  readonly notTaken: NotTaken[] = [];
  private readonly form: AlertForm = emptyAlertForm('route');
  private readonly waypoints: WaypointRow[] = [];
  private readonly identifiers: IdentifierRow[] = [];
  private readonly tlps: string[] = [];

  constructor(private readonly format: ExchangeFormat) {}

  skip(at: string, what: string, reason: NotTakenReason) {
    this.notTaken.push({ at, what, reason });
  }

  summary(title: string | undefined, description: string | undefined) {
    this.form.summary = [title, description].filter((s) => s !== undefined && s !== '').join('\n\n');
  }

  /** The summary's language, when the file states one the alert can carry (STIX `lang`, RFC 5646). */
  language(tag: string | undefined) {
    const code = tag?.slice(0, 2).toLowerCase();
    if (code && (LANGUAGE_CODES as readonly string[]).includes(code)) this.form.summaryLanguage = code;
  }

  tlp(level: string) {
    this.tlps.push(level);
  }

  /** A label or tag: modus operandi if it reads as one, listed otherwise. */
  label(at: string, word: string) {
    const mo = modusOperandi(word);
    if (mo.platform) {
      if (!this.form.platforms.includes(mo.platform)) this.form.platforms = [...this.form.platforms, mo.platform];
    } else if (mo.transport) this.form.transport = mo.transport;
    else if (mo.concealment) this.form.concealment = mo.concealment;
    else if (mo.region) this.form.region = mo.region;
    else this.skip(at, word, 'unused_kind');
  }

  waypoint(row: WaypointRow) {
    this.waypoints.push(row);
  }

  identifier(at: string, row: IdentifierRow) {
    const seen = this.identifiers.some((i) => i.kind === row.kind && i.value === row.value && i.qualifier === row.qualifier);
    if (seen) this.skip(at, row.kind, 'identifier');
    else this.identifiers.push(row);
  }

  validUntil(iso: string | undefined) {
    if (!iso || Number.isNaN(Date.parse(iso))) return;
    // The form's datetime-local field holds local time without a zone.
    const d = new Date(iso);
    const local = new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    if (!this.form.validUntil || local < this.form.validUntil) this.form.validUntil = local;
  }

  build(): ImportedDraft {
    const level = strictest(this.tlps);
    const waypoints = [...this.waypoints];
    // A route has at least two waypoints: empty rows for the officer to complete.
    while (waypoints.length < 2) waypoints.push({ country: '', place: '', mode: '', latitude: '', longitude: '' });
    return {
      format: this.format,
      // Without a TLP marking the officer chooses one: the console's GREEN is not assumed for a file from outside.
      form: { ...this.form, tlp: level ?? '', waypoints, identifiers: this.identifiers },
      // In the file's order, whatever order the reading took.
      notTaken: [...this.notTaken].sort((a, b) => a.at.localeCompare(b.at, 'en', { numeric: true })),
    };
  }
}
