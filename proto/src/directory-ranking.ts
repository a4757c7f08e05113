// Who answers a directory search first: whoever can be reached now (a 24/7 desk, or a contact
// within their hours in their own time zone and not away), then whoever speaks the asking user's
// languages, then whoever was verified most recently. Nodes rank their own entries with this and
// the gateway ranks the merged answer with it, so both agree on one order.
import { COMPETENCE_LABELS, COUNTRY_NAMES, type CountryCode, DIRECTORY_ROLE_LABELS, ROUTE_REGION_LABELS, type Weekday } from './codes.js';
import { type DirectoryEntry, isTimeZone } from './directory.js';

export const DEFAULT_STALE_AFTER_DAYS = 180;

/** Lower case without accents: "Pôle Judiciaire" and "pole judiciaire" are the same words. */
export function foldText(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

let languageNames: Intl.DisplayNames | undefined;
function languageName(code: string): string {
  languageNames ??= new Intl.DisplayNames('en', { type: 'language' });
  return languageNames.of(code) ?? code;
}

/**
 * The folded text a free-text search looks in: names, agency, places (by name and code), what the
 * contact handles, routes and notes, so "extradition niger french" finds a French-speaking
 * extradition prosecutor covering Niger.
 */
export function directorySearchText(entry: DirectoryEntry, agencyName?: string): string {
  const countries = [entry.country, entry.postedIn, ...entry.covers].filter((c): c is CountryCode => c !== undefined);
  return foldText(
    [
      entry.name,
      entry.title,
      entry.agency,
      agencyName,
      ...countries.flatMap((c) => [c, COUNTRY_NAMES[c]]),
      ...entry.roles.map((r) => DIRECTORY_ROLE_LABELS[r]),
      ...entry.competences.map((c) => COMPETENCE_LABELS[c]),
      ...entry.routes.map((r) => ROUTE_REGION_LABELS[r]),
      ...entry.languages.map(languageName),
      ...entry.networks,
      entry.notes,
    ]
      .filter(Boolean)
      .join(' '),
  );
}

/** The query's words, folded: every one must occur in the search text. */
export function searchWords(text: string | undefined): string[] {
  return text
    ? foldText(text)
        .split(/[^\p{L}\p{N}]+/u)
        .filter(Boolean)
    : [];
}

export function matchesSearchText(searchText: string, text: string | undefined): boolean {
  return searchWords(text).every((w) => searchText.includes(w));
}

interface LocalClock {
  /** YYYY-MM-DD in the contact's time zone. */
  date: string;
  weekday: Weekday;
  /** HH:MM, 24-hour. */
  time: string;
}

const clocks = new Map<string, Intl.DateTimeFormat>();
/** The date, weekday and time it is in `timeZone` at `now`. */
export function localClock(timeZone: string, now: Date): LocalClock {
  let f = clocks.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'short',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(now).map((x) => [x.type, x.value]));
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    weekday: (p.weekday as string).toLowerCase() as Weekday,
    time: `${p.hour}:${p.minute}`,
  };
}

export type Reachability =
  | { reachable: true; why: 'always' | 'hours'; local: LocalClock }
  | { reachable: false; why: 'absent'; local: LocalClock; backOn: string }
  | { reachable: false; why: 'outside_hours' | 'no_hours'; local: LocalClock };

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/**
 * Can this contact be reached at `now`? Absences count even for a desk listed as 24/7.
 * `clockOf` lets a caller ranking many entries read each time zone's clock once.
 */
export function reachability(
  entry: Pick<RankedEntry, 'availability'>,
  now: Date,
  clockOf: (timeZone: string) => LocalClock = (tz) => localClock(tz, now),
): Reachability {
  const { always, timeZone, hours, absences } = entry.availability;
  const local = clockOf(timeZone);
  const away = absences.find((a) => a.from <= local.date && local.date <= a.to);
  if (away) return { reachable: false, why: 'absent', local, backOn: dayAfter(away.to) };
  if (always) return { reachable: true, why: 'always', local };
  if (hours.length === 0) return { reachable: false, why: 'no_hours', local };
  const open = hours.some((h) => h.days.includes(local.weekday) && h.from <= local.time && local.time < h.to);
  return open ? { reachable: true, why: 'hours', local } : { reachable: false, why: 'outside_hours', local };
}

/** Not confirmed by its agency for more than `staleAfterDays` days. */
export function isStale(entry: Pick<DirectoryEntry, 'lastVerified'>, now: Date, staleAfterDays = DEFAULT_STALE_AFTER_DAYS): boolean {
  return Date.parse(`${entry.lastVerified}T00:00:00Z`) < now.getTime() - staleAfterDays * 86_400_000;
}

/**
 * What ranking reads of an entry, so a node can rank from a few columns before reading whole
 * entries, and the gateway can rank nodes' answers, read back over GraphQL with codes as strings.
 */
export interface RankedEntry {
  id: string;
  name: string;
  /** The agency's 24/7 single point of contact: first among those reachable (issue 17). */
  spoc?: boolean | null;
  languages: readonly string[];
  lastVerified: string;
  availability: {
    always: boolean;
    timeZone: string;
    hours: readonly { days: readonly string[]; from: string; to: string }[];
    absences: readonly { from: string; to: string }[];
  };
}

/** The search order for a user who speaks `speaks`, at `now`: best first. */
export function directoryOrder<E extends RankedEntry>(now: Date, speaks: readonly string[] = []): (a: E, b: E) => number {
  const clocks = new Map<string, LocalClock>();
  const clockOf = (tz: string) => {
    let c = clocks.get(tz);
    if (!c) {
      c = localClock(tz, now);
      clocks.set(tz, c);
    }
    return c;
  };
  const key = new Map<E, [number, number, number]>();
  const keyOf = (e: E) => {
    let k = key.get(e);
    if (!k) {
      // A zone this runtime does not know (a partner's bad data, or a newer zone database there)
      // cannot say the contact is reachable: it ranks as not reachable rather than failing the search.
      const reachable = isTimeZone(e.availability.timeZone) && reachability(e, now, clockOf).reachable;
      k = [reachable ? 1 : 0, e.spoc ? 1 : 0, e.languages.filter((l) => speaks.includes(l)).length];
      key.set(e, k);
    }
    return k;
  };
  return (a, b) => {
    const [ra, sa, la] = keyOf(a);
    const [rb, sb, lb] = keyOf(b);
    return (
      rb - ra ||
      sb - sa ||
      lb - la ||
      b.lastVerified.localeCompare(a.lastVerified) ||
      a.name.localeCompare(b.name) ||
      a.id.localeCompare(b.id)
    );
  };
}
