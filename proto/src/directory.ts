// Directory entries: who to call, in which language, at what hour (UNODC rec. 6–7 of 2019).
// Each agency is the source of truth for its own entries.
import { z } from 'zod';
import { CHANNEL_TYPES, COMPETENCES, DIRECTORY_ROLES, LANGUAGE_CODES, WEEKDAYS } from './codes.js';
import { agencyId, code, countryCode, isoDate, networkId } from './fields.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM, e.g. 08:30');
const role = code(DIRECTORY_ROLES, 'a directory role, e.g. prosecutor');
const language = code(LANGUAGE_CODES, 'an ISO 639-1 language code, e.g. fr');
const timeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  },
  { message: 'must be an IANA time zone, e.g. Africa/Niamey' },
);

export const availability = z.strictObject({
  /** A 24/7 desk answers at any hour. */
  always: z.boolean(),
  timeZone,
  hours: z.array(z.strictObject({ days: z.array(code(WEEKDAYS, 'a weekday, e.g. mon')).min(1), from: hhmm, to: hhmm })).default([]),
});
export type Availability = z.infer<typeof availability>;

export const channel = z.strictObject({
  type: code(CHANNEL_TYPES, 'a channel type: phone, email, secure_messaging or fax'),
  value: z.string().trim().min(1).max(200),
  label: z.string().trim().max(80).optional(),
});

export const directoryEntry = z.strictObject({
  id: z.uuid(),
  agency: agencyId,
  country: countryCode,
  kind: code(['person', 'desk'] as const, 'person or desk'),
  name: z.string().trim().min(1).max(160),
  title: z.string().trim().max(160).optional(),
  roles: z.array(role).min(1, 'give at least one role'),
  competences: z.array(code(COMPETENCES, 'a competence, e.g. mla')).default([]),
  networks: z.array(networkId).default([]),
  postedIn: countryCode.optional(),
  covers: z.array(countryCode).default([]),
  languages: z.array(language).min(1, 'give at least one language'),
  availability,
  channels: z.array(channel).min(1, 'give at least one way to reach this contact'),
  notes: z.string().trim().max(1000).optional(),
  lastVerified: isoDate,
});
export type DirectoryEntry = z.infer<typeof directoryEntry>;
/** A list of entries, as in a seed file or an import. */
export const directoryEntries = z.array(directoryEntry);
export type DirectoryEntryInput = z.input<typeof directoryEntry>;

export const directoryFilter = z.strictObject({
  country: countryCode.optional(),
  role: role.optional(),
  language: language.optional(),
  text: z.string().trim().max(100).optional(),
});
export type DirectoryFilter = z.infer<typeof directoryFilter>;

/** The first-cut search: exact filters plus a case- and accent-insensitive text match. */
export function matchesDirectoryFilter(entry: DirectoryEntry, filter: DirectoryFilter): boolean {
  if (filter.country && entry.country !== filter.country && !entry.covers.includes(filter.country)) return false;
  if (filter.role && !entry.roles.includes(filter.role)) return false;
  if (filter.language && !entry.languages.includes(filter.language)) return false;
  if (filter.text) {
    const fold = (s: string) => s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
    const hay = fold([entry.name, entry.title ?? '', entry.notes ?? '', entry.agency].join(' '));
    if (!hay.includes(fold(filter.text))) return false;
  }
  return true;
}
