// A directory entry as the gateway answers it, turned back into proto's shape for what the
// console makes of it locally: reachability, vCards, CSV, and the edit form's starting values.
import { type DirectoryEntry, directoryToCsv } from '@corridor/proto';
import type { EntryFieldsFragment } from './gql/graphql';

/** GraphQL says null where proto leaves a field out; codes come back as plain strings. */
export function entryFromGraphQL(e: EntryFieldsFragment): DirectoryEntry {
  const { stale: _s, redacted: _r, __typename: _t, ...rest } = e as EntryFieldsFragment & { __typename?: string };
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(rest)) if (v !== null) out[k] = v;
  const a = e.availability;
  out.availability = {
    always: a.always,
    timeZone: a.timeZone,
    hours: a.hours.map((h) => ({ days: h.days, from: h.from, to: h.to })),
    absences: a.absences.map((x) => ({ from: x.from, to: x.to, ...(x.note ? { note: x.note } : {}) })),
  };
  out.channels = e.channels.map((c) => ({ type: c.type, value: c.value, ...(c.label ? { label: c.label } : {}) }));
  return out as unknown as DirectoryEntry;
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

/** Offers entries to the user as a directory CSV file, the same columns an import takes. */
export function downloadCsv(fileName: string, entries: readonly EntryFieldsFragment[]): void {
  download(fileName, directoryToCsv(entries.map(entryFromGraphQL)), 'text/csv');
}
