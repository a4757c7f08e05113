// The files an officer saves from the directory: a CSV of entries, one contact's vCard, and a
// result list as one vCard file. Their writers are heavy for the browser (papaparse; any-ascii's
// transliteration table, over 500 kB, for the vCard's file name), so pages reach this module only
// when a file is asked for, through withContactFiles (directory-entry.ts).
import { directoryToCsv, toVCard, toVCards, type VCardVersion, vcardFileName } from '@corridor/proto';
import { download, entryFromGraphQL } from './directory-entry';
import type { EntryFieldsFragment } from './gql/graphql';

/** Offers entries to the user as a directory CSV file, the same columns an import takes. */
export function downloadCsv(fileName: string, entries: readonly EntryFieldsFragment[]): void {
  download(fileName, directoryToCsv(entries.map(entryFromGraphQL)), 'text/csv');
}

/** Offers one entry to the user as a vCard, named after the contact in ASCII letters. */
export function downloadVCard(entry: EntryFieldsFragment, agencyName: string): void {
  const card = entryFromGraphQL(entry);
  download(vcardFileName(card), toVCard(card, { agencyName }), 'text/vcard');
}

/** Offers entries to the user as one vCard file, in the version the contact app reads (4.0 unless it needs 3.0). */
export function downloadVCards(
  fileName: string,
  entries: readonly EntryFieldsFragment[],
  agencyName: (id: string) => string,
  version: VCardVersion,
): void {
  download(fileName, toVCards(entries.map(entryFromGraphQL), { agencyName, version }), 'text/vcard');
}
