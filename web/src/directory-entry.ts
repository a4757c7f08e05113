// A directory entry as the gateway answers it, turned back into proto's shape for what the
// console makes of it locally: reachability, vCards, CSV, and the edit form's starting values.
// The files themselves are written in contact-files.ts, fetched only when an officer saves one.
import type { DirectoryEntry } from '@corridor/proto';
import type { EntryFieldsFragment } from './gql/graphql';

/**
 * GraphQL says null where proto leaves a field out: those are left out. The codes come back as
 * plain strings, which proto's type names by their values; the node checked them with proto
 * before storing the entry, so they are taken as proto's codes.
 */
export function entryFromGraphQL(e: EntryFieldsFragment): DirectoryEntry {
  const a = e.availability;
  const entry = {
    id: e.id,
    agency: e.agency,
    country: e.country,
    kind: e.kind,
    name: e.name,
    ...(e.title !== null ? { title: e.title } : {}),
    roles: e.roles,
    competences: e.competences,
    networks: e.networks,
    ...(e.postedIn !== null ? { postedIn: e.postedIn } : {}),
    covers: e.covers,
    languages: e.languages,
    availability: {
      always: a.always,
      timeZone: a.timeZone,
      hours: a.hours.map((h) => ({ days: h.days, from: h.from, to: h.to })),
      absences: a.absences.map((x) => ({ from: x.from, to: x.to, ...(x.note ? { note: x.note } : {}) })),
    },
    channels: e.channels.map((c) => ({ type: c.type, value: c.value, ...(c.label ? { label: c.label } : {}) })),
    routes: e.routes,
    ...(e.notes !== null ? { notes: e.notes } : {}),
    lastVerified: e.lastVerified,
    ...(e.verifiedBy !== null ? { verifiedBy: e.verifiedBy } : {}),
    ...(e.retiredAt !== null ? { retiredAt: e.retiredAt } : {}),
  };
  return entry as DirectoryEntry;
}

/** Offers `text` to the user as a file to save. */
export function download(fileName: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * Runs `use` with the file writers (contact-files.ts), fetched on first use so that the first load
 * does not carry them; if they cannot be fetched, the officer is told why nothing was saved.
 */
export function withContactFiles(use: (files: typeof import('./contact-files')) => void): void {
  import('./contact-files').then(use, (e: Error) => alert(`The file could not be prepared: ${e.message}`));
}
