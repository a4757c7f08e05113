// A directory entry as a vCard (RFC 6350, version 4.0; or RFC 2426, version 3.0, for the contact
// apps that read only that), so an officer can keep a contact in the phone's address book and call
// it when the console is out of reach. Written by hand: the npm vCard writers are unmaintained, and
// the format is small enough to follow the RFCs line by line.
//
// What differs between the two versions, as contact apps read them:
//   - a number: 4.0 `TEL;VALUE=uri;TYPE=work,voice;LABEL="switchboard":tel:+390646861`; 3.0
//     `item1.TEL;TYPE=WORK,VOICE:+390646861` with `item1.X-ABLabel:switchboard`, the grouping by
//     which iOS, macOS and Android (Google Contacts) show a custom label. An e-mail address alike.
//   - 4.0 says a desk is an organisation with KIND:org, 3.0 with X-ABShowAs:COMPANY (Apple's);
//     languages (LANG) exist only in 4.0.
//   - N (family;given;;;) is in both: the entry holds one name, so a person's last word is taken as
//     the family name and the rest as given names, as contact apps sort them; a desk's whole name
//     is its N.
import anyAscii from 'any-ascii';
import { COMPETENCE_LABELS, COUNTRY_NAMES, DIRECTORY_ROLE_LABELS, type Weekday } from './codes.js';
import type { DirectoryEntry } from './directory.js';
import { writeWeekdays } from './weekday-runs.js';

const CRLF = '\r\n';

/**
 * A text value escaped per RFC 6350 §3.4 and the `text` rule of §4.1: backslash, comma and newline
 * are escaped. A semicolon is left as is: outside compound values §3.4 makes escaping it optional,
 * the §4.1 grammar has no `\;` in plain text, and parsers that follow it (ical.js among them) would
 * show the backslash.
 */
function text(value: string): string {
  return value.replace(/\r\n|\r/g, '\n').replace(/[\\,\n]/g, (c) => (c === '\n' ? '\\n' : `\\${c}`));
}

/** A component of a compound value (ORG, ADR): there the semicolon separates components, so it is escaped too. */
function component(value: string): string {
  return text(value).replace(/;/g, '\\;');
}

/**
 * Folds a content line to at most 75 octets per physical line (RFC 6350 §3.2): CRLF then one space,
 * which counts towards the next line's 75. Counted in UTF-8 bytes, and cut only between code
 * points, so no multi-byte character is split across lines.
 */
function foldLine(line: string): string {
  const encoder = new TextEncoder();
  if (encoder.encode(line).length <= 75) return line;
  const lines: string[] = [];
  let current = '';
  let size = 0;
  let limit = 75;
  for (const ch of line) {
    const bytes = encoder.encode(ch).length;
    if (size + bytes > limit) {
      lines.push(current);
      current = ' ';
      size = 1;
      limit = 75;
    }
    current += ch;
    size += bytes;
  }
  lines.push(current);
  return lines.join(CRLF);
}

const DAY_NAMES: Record<Weekday, string> = { mon: 'Mon', tue: 'Tue', wed: 'Wed', thu: 'Thu', fri: 'Fri', sat: 'Sat', sun: 'Sun' };

/** `Mon–Fri`, `Sat–Mon`, `Mon, Wed`: how a person writes opening days. */
function daysText(days: readonly Weekday[]): string {
  return writeWeekdays(days, (d) => DAY_NAMES[d], '–', ', ');
}

function hoursText(entry: DirectoryEntry): string | undefined {
  const { always, hours, timeZone } = entry.availability;
  if (always) return '24/7';
  if (hours.length === 0) return undefined;
  return `${hours.map((h) => `${daysText(h.days)} ${h.from}–${h.to}`).join('; ')} (${timeZone})`;
}

export type VCardVersion = '4.0' | '3.0';

/**
 * A parameter value (RFC 6350 §5, with RFC 6868's caret escapes for a quote, a caret and a line
 * break), always quoted so that a label's `:`, `;` or `,` stays inside it.
 */
function paramValue(value: string): string {
  return `"${value
    .replace(/\^/g, '^^')
    .replace(/\r\n|\r|\n/g, '^n')
    .replace(/"/g, "^'")}"`;
}

/** The property lines of one number or address, with its label where the version can hold it. */
function labelled(version: VCardVersion, group: () => string, property: string, value: string, label: string | undefined): string[] {
  if (!label) return [`${property}:${value}`];
  if (version === '4.0') return [`${property};LABEL=${paramValue(label)}:${value}`];
  const item = group();
  return [`${item}.${property}:${value}`, `${item}.X-ABLabel:${text(label)}`];
}

/** A telephone number as a tel URI (RFC 3966) when it is international; otherwise as written. */
function telLines(
  version: VCardVersion,
  group: () => string,
  channel: { value: string; label?: string | undefined },
  type: 'voice' | 'fax',
): string[] {
  const { value, label } = channel;
  // A tel URI without `+` is a local number, which RFC 3966 allows only with a phone-context the
  // directory does not know; and a number with words in it would lose them. The directory keeps
  // numbers in E.164 (directory-phone.ts); one written before it did stays free text, which
  // RFC 6350 §6.4.1 still allows.
  const international = /^\+[\d\s().\-/]+$/.test(value);
  if (version === '3.0') {
    const number = international ? `+${value.replace(/\D/g, '')}` : text(value);
    return labelled(version, group, `TEL;TYPE=WORK,${type.toUpperCase()}`, number, label);
  }
  if (international) return labelled(version, group, `TEL;VALUE=uri;TYPE=work,${type}`, `tel:+${value.replace(/\D/g, '')}`, label);
  return labelled(version, group, `TEL;VALUE=text;TYPE=work,${type}`, text(value), label);
}

/** N's components: family name; given names; (additional; prefixes; suffixes, unknown). */
function structuredName(entry: DirectoryEntry): string {
  const words = entry.name.trim().split(/\s+/);
  if (entry.kind !== 'person' || words.length < 2) return `${component(entry.name)};;;;`;
  const family = words.at(-1) ?? '';
  return `${component(family)};${component(words.slice(0, -1).join(' '))};;;`;
}

/** `scheme:rest` with no spaces: a value IMPP can carry as the URI RFC 6350 §6.4.3 requires. */
const looksLikeUri = (value: string): boolean => /^[a-z][a-z0-9+.-]*:\S+$/i.test(value);

/** RFC 6350 §4.3.5 timestamp: the day the entry was last verified, at midnight UTC. */
const revision = (date: string): string => `${date.replaceAll('-', '')}T000000Z`;

/**
 * One contact card, in vCard 4.0 unless `version` asks for 3.0. `agencyName` names the agency in
 * ORG; without it the agency id stands in.
 */
export function toVCard(entry: DirectoryEntry, opts: { agencyName?: string; version?: VCardVersion } = {}): string {
  const version = opts.version ?? '4.0';
  const lines = ['BEGIN:VCARD', `VERSION:${version}`, `UID:urn:uuid:${entry.id}`];
  if (version === '4.0') lines.push(`KIND:${entry.kind === 'person' ? 'individual' : 'org'}`);
  lines.push(`FN:${text(entry.name)}`);
  lines.push(`N:${structuredName(entry)}`);
  if (version === '3.0' && entry.kind === 'desk') lines.push('X-ABShowAs:COMPANY');
  lines.push(`ORG:${component(opts.agencyName ?? entry.agency)}`);
  if (entry.title) lines.push(`TITLE:${text(entry.title)}`);
  lines.push(`ROLE:${text(entry.roles.map((r) => DIRECTORY_ROLE_LABELS[r]).join(', '))}`);

  let items = 0;
  const group = () => `item${++items}`;
  const noteLines: string[] = [];
  for (const c of entry.channels) {
    if (c.type === 'phone') lines.push(...telLines(version, group, c, 'voice'));
    else if (c.type === 'fax') lines.push(...telLines(version, group, c, 'fax'));
    else if (c.type === 'email')
      lines.push(...labelled(version, group, version === '4.0' ? 'EMAIL;TYPE=work' : 'EMAIL;TYPE=INTERNET,WORK', text(c.value), c.label));
    else if (looksLikeUri(c.value)) lines.push(`IMPP:${c.value}`);
    else noteLines.push(`Secure messaging: ${c.value}${c.label ? ` (${c.label})` : ''}`);
  }
  // PREF orders the languages as the entry does (1 = most preferred; RFC 6350 allows 1 to 100).
  if (version === '4.0')
    entry.languages.forEach((l, i) => {
      lines.push(`LANG;PREF=${Math.min(i + 1, 100)}:${l}`);
    });
  // TZ as text holds the IANA name itself (RFC 6350 §6.5.1), which the consoles already show.
  lines.push(`TZ;VALUE=text:${text(entry.availability.timeZone)}`);
  // ADR has seven components (§6.3.1); only the last, the country name, is known.
  lines.push(`ADR;TYPE=work:;;;;;;${component(COUNTRY_NAMES[entry.country])}`);
  // CATEGORIES is a list: the commas between networks are separators, each network is escaped.
  if (entry.networks.length > 0) lines.push(`CATEGORIES:${entry.networks.map(text).join(',')}`);

  const hours = hoursText(entry);
  const notes = [
    hours ? `Hours: ${hours}` : undefined,
    entry.competences.length ? `Handles: ${entry.competences.map((c) => COMPETENCE_LABELS[c]).join(', ')}` : undefined,
    entry.postedIn ? `Posted in: ${COUNTRY_NAMES[entry.postedIn]}` : undefined,
    ...noteLines,
    entry.notes,
  ].filter((n): n is string => Boolean(n));
  if (notes.length > 0) lines.push(`NOTE:${text(notes.join('\n'))}`);
  lines.push(`REV:${revision(entry.lastVerified)}`);
  lines.push('END:VCARD');
  return lines.map((l) => foldLine(l) + CRLF).join('');
}

/** Several cards in one file, as address books import them, all of one version. */
export function toVCards(
  entries: readonly DirectoryEntry[],
  opts: { agencyName?: (agencyId: string) => string | undefined; version?: VCardVersion } = {},
): string {
  const version = opts.version ?? '4.0';
  return entries
    .map((e) => {
      const agencyName = opts.agencyName?.(e.agency);
      return toVCard(e, agencyName === undefined ? { version } : { agencyName, version });
    })
    .join('');
}

/** A file name any system accepts: the name in ASCII letters and digits, e.g. `pole-judiciaire-niamey.vcf`. */
export function vcardFileName(entry: Pick<DirectoryEntry, 'name'>): string {
  const slug = anyAscii(entry.name)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, 60)
    .replace(/^-+|-+$/g, '');
  return `${slug || 'contact'}.vcf`;
}
