// Directory entries: who to call, in which language, at what hour (UNODC rec. 6–7 of 2019).
// Each agency is the source of truth for its own entries; directory-ranking.ts says who is
// reachable now and in what order a search answers.
import { z } from 'zod';
import { CHANNEL_TYPES, COMPETENCES, DIRECTORY_ROLES, LANGUAGE_CODES, ROUTE_REGIONS, WEEKDAYS } from './codes.js';
import { isTelephoneChannel, readDirectoryPhone } from './directory-phone.js';
import { agencyId, code, countryCode, isoDate, isoDateTime, networkId } from './fields.js';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time of day as HH:MM, e.g. 08:30');
/** An end of hours may be midnight, written 24:00, so a shift can run to the end of the day. */
const endOfHours = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, 'must be a time of day as HH:MM, e.g. 17:30, or 24:00 for midnight');
const role = code(DIRECTORY_ROLES, 'a directory role, e.g. prosecutor');
const language = code(LANGUAGE_CODES, 'an ISO 639-1 language code, e.g. fr');
// Building an Intl.DateTimeFormat per check made a 5,000-row import spend seconds here.
const knownTimeZones = new Map<string, boolean>();
/**
 * Whether this runtime knows `tz` as an IANA time zone. Runtimes' zone databases differ by
 * version, so a zone one node accepted may be unknown to the gateway: readers check it too.
 */
export function isTimeZone(tz: string): boolean {
  let ok = knownTimeZones.get(tz);
  if (ok === undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      ok = true;
    } catch {
      ok = false;
    }
    if (knownTimeZones.size < 1000) knownTimeZones.set(tz, ok);
  }
  return ok;
}
const timeZone = z.string().refine(isTimeZone, { message: 'must be an IANA time zone, e.g. Africa/Niamey' });

/** Opening hours on the given days, in the contact's time zone; a night shift is two spans. */
const hours = z
  .strictObject({ days: z.array(code(WEEKDAYS, 'a weekday, e.g. mon')).min(1, 'give at least one day'), from: hhmm, to: endOfHours })
  .refine((h) => h.from < h.to, { message: 'must end after it starts; split a night shift at midnight', path: ['to'] });

/** Days away (leave, mission), inclusive, as dates in the contact's time zone. */
const absence = z
  .strictObject({ from: isoDate, to: isoDate, note: z.string().trim().max(120).optional() })
  .refine((a) => a.from <= a.to, { message: 'must not be before the first day away', path: ['to'] });

export const availability = z.strictObject({
  /** A 24/7 desk answers at any hour. */
  always: z.boolean(),
  timeZone,
  hours: z.array(hours).max(14).default([]),
  absences: z.array(absence).max(20).default([]),
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
  /** Smuggling routes this contact works on (route regions), for liaison officers posted along them. */
  routes: z.array(code(ROUTE_REGIONS, 'a route region, e.g. central-mediterranean')).default([]),
  notes: z.string().trim().max(1000).optional(),
  /** The day an administrator last confirmed the entry; stale after a set period (directory-ranking.ts). */
  lastVerified: isoDate,
  /** Who confirmed it that day (the administrator's name). */
  verifiedBy: z.string().trim().max(160).optional(),
  /** Set when the agency retires the entry: it leaves every search, and stays at the node for the record. */
  retiredAt: isoDateTime.optional(),
  /**
   * The agency's 24/7 single point of contact (Directive 2023/977 Art. 14): at most one entry of
   * an agency, designated by its administrator (never written with the entry), a desk reachable
   * at any hour. It comes first where urgency matters: a hit's answer, urgent requests, escalations.
   */
  spoc: z.boolean().optional(),
});
export type DirectoryEntry = z.infer<typeof directoryEntry>;

/**
 * What an administrator writes when creating or editing an entry: the node sets the id, the
 * agency, and the verification (writing an entry is confirming it).
 */
export const directoryEntryDraft = directoryEntry
  .omit({ id: true, agency: true, lastVerified: true, verifiedBy: true, retiredAt: true, spoc: true })
  // Phone and fax numbers are read in the entry's country and stored in E.164 (directory-phone.ts).
  // Checked even when other fields are wrong, so that every problem is said at once.
  .check(
    z.superRefine(
      (d: { country?: unknown; channels?: unknown }, ctx) => {
        const channels = Array.isArray(d.channels) ? (d.channels as { type?: unknown; value?: unknown }[]) : [];
        channels.forEach((c, i) => {
          if (typeof c?.value !== 'string' || typeof c.type !== 'string' || !isTelephoneChannel(c.type) || c.value.trim() === '') return;
          const reading = readDirectoryPhone(c.value, typeof d.country === 'string' ? d.country : undefined);
          const message =
            'error' in reading
              ? reading.error
              : reading.extension !== undefined
                ? `has an extension: write the number alone, and "ext. ${reading.extension}" in its label`
                : undefined;
          // The console groups errors by column: the message says which of several numbers it is.
          // A spreadsheet import quotes the cell's item instead, and takes the predicate alone.
          if (message)
            ctx.addIssue({
              code: 'custom',
              path: ['channels', i, 'value'],
              message: `channel ${i + 1} (${c.type}) ${message}`,
              params: { predicate: message },
              input: c.value,
            });
        });
      },
      { when: (p) => typeof p.value === 'object' && p.value !== null },
    ),
  )
  .overwrite((d) => ({
    ...d,
    channels: d.channels.map((c) => {
      if (!isTelephoneChannel(c.type)) return c;
      const reading = readDirectoryPhone(c.value, d.country);
      return 'e164' in reading ? { ...c, value: reading.e164 } : c;
    }),
  }));
export type DirectoryEntryDraft = z.infer<typeof directoryEntryDraft>;
/** A list of entries, as in a seed file or an import. */
export const directoryEntries = z.array(directoryEntry);
export type DirectoryEntryInput = z.input<typeof directoryEntry>;

export const DIRECTORY_SEARCH_LIMIT = 50;

export const directoryFilter = z.strictObject({
  /** Based in, posted in or covering this country. */
  country: countryCode.optional(),
  role: role.optional(),
  competence: code(COMPETENCES, 'a competence, e.g. mla').optional(),
  language: language.optional(),
  network: networkId.optional(),
  route: code(ROUTE_REGIONS, 'a route region, e.g. central-mediterranean').optional(),
  /** Only 24/7 desks. */
  always: z.boolean().optional(),
  /** Only contacts reachable at the moment of the search: in their hours, not away (directory-ranking.ts). */
  reachableNow: z.boolean().optional(),
  /** Every word must appear in the name, title, agency, places or notes (case and accents ignored). */
  text: z.string().trim().max(100).optional(),
  /** The asking user's languages: contacts who speak them rank first among the reachable. */
  speaks: z.array(language).max(10).optional(),
  /** How many of the best-ranked entries each node returns, and the gateway keeps. */
  limit: z.number().int().min(1).max(200).optional(),
});
export type DirectoryFilter = z.infer<typeof directoryFilter>;
