// How the demo writes its directory: each entry by what sets it apart, the builder filling in what
// follows from its agency and place in the list, and the lists an entry may leave empty.
import type { DirectoryEntryInput } from '@corridor/proto';
import type { AgencySpec } from './network.js';

type Entry = DirectoryEntryInput;
type Availability = Entry['availability'];
type Channel = Entry['channels'][number];
type Days = NonNullable<Availability['hours']>[number]['days'];

/** What an entry says of itself; its id, agency and country come from where it is listed. */
export type EntryDetails = Omit<Entry, 'id' | 'agency' | 'country' | 'kind' | 'name'>;

export const MONDAY_TO_FRIDAY: Days = ['mon', 'tue', 'wed', 'thu', 'fri'];

export const desk = (name: string, details: EntryDetails) => ({ kind: 'desk' as const, name, ...details });
export const person = (name: string, details: EntryDetails) => ({ kind: 'person' as const, name, ...details });

export const aroundTheClock = (timeZone: string): Availability => ({ always: true, timeZone, hours: [] });
/** Reachable from `from` to `to` on `days`, in the contact's own time zone. */
export const hoursIn = (timeZone: string, from: string, to: string, days: Days = MONDAY_TO_FRIDAY): Availability => ({
  always: false,
  timeZone,
  hours: [{ days: [...days], from, to }],
});

export const phone = (value: string, label?: string): Channel => ({ type: 'phone', value, ...(label ? { label } : {}) });
export const email = (value: string): Channel => ({ type: 'email', value });

/**
 * Every agency's entries with fixed ids, numbered by the agency's place in `agencies` and the
 * entry's in its list: a restarted demo then updates its entries rather than adding them again.
 */
export function demoDirectory(
  agencies: readonly AgencySpec[],
  entries: Record<string, ReturnType<typeof desk | typeof person>[]>,
): Record<string, Entry[]> {
  return Object.fromEntries(
    agencies.map((agency, a) => [
      agency.id,
      (entries[agency.id] ?? []).map((e, n) => ({
        id: `0196a4f2-${String(a + 1).padStart(4, '0')}-7000-8000-${String(n + 1).padStart(12, '0')}`,
        agency: agency.id,
        country: agency.country,
        competences: [],
        networks: [],
        covers: [],
        ...e,
      })),
    ]),
  );
}
