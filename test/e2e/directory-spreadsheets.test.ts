// Directory files as agencies have them (issue 16): an export re-imports unchanged (verification
// dates and channel labels kept), a spreadsheet saved by Excel in French settings imports with its
// numbers in E.164, and an administrator cannot import another agency's entries as their own —
// tried as a hostile member would, with their own credentials, against the gateway.
import { readFileSync } from 'node:fs';
import { type DirectoryEntry, type DirectoryEntryInput, directoryEntry, directoryToCsv, readSpreadsheetText } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { directoryEntryOf } from '../support/fixtures.js';
import { gql } from '../support/graphql.js';
import { adminOf, officersAnd, startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const deskOf = (agency: string, country: DirectoryEntryInput['country'], over: Partial<DirectoryEntryInput>) =>
  directoryEntryOf(agency, country, { kind: 'desk', lastVerified: '2026-03-02', verifiedBy: 'Seeded Admin', ...over });

// Seeded as written before the directory kept numbers in E.164: the node brings them into it at start.
const permanence = deskOf('ne-ppn', 'NER', {
  name: 'Pôle judiciaire — permanence',
  roles: ['prosecutor'],
  languages: ['fr', 'ha'],
  channels: [
    { type: 'phone', value: '+227 20 72 00 00', label: 'permanence; nuit' },
    { type: 'fax', value: '20 72 00 01', label: 'greffe' },
    { type: 'email', value: 'permanence@ne-ppn.example.org', label: 'bureau [1]' },
  ],
  notes: '=HYPERLINK("http://evil.example") is not a formula',
});
const sala = deskOf('it-polfr', 'ITA', { name: 'Sala operativa', channels: [{ type: 'phone', value: '+39 06 4686 1' }] });

const fixture = useTestNetwork(
  () =>
    startTestNetwork({
      directory: { 'ne-ppn': [permanence], 'it-polfr': [sala] },
      users: officersAnd(adminOf('ne-ppn', 'Idrissa Maïga'), adminOf('it-polfr', 'Elena Conti')),
    }),
  120_000,
);

const ENTRY_FIELDS = `id agency country kind name title roles competences networks postedIn covers languages
  availability { always timeZone hours { days from to } absences { from to note } }
  channels { type value label } routes notes lastVerified verifiedBy retiredAt`;

/** GraphQL's nulls left out, as proto leaves an absent field out. */
function withoutNullsDeep(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNullsDeep);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null)
      .map(([k, v]) => [k, withoutNullsDeep(v)]),
  );
}

async function asUser<T>(user: string, query: string, variables: Record<string, unknown> = {}) {
  return gql<T>(fixture.net.gatewayUrl, await fixture.net.token(user), query, variables);
}

/** The agency's own entries, as the console's export reads them. */
async function ownDirectory(admin: string): Promise<DirectoryEntry[]> {
  const r = await asUser<{ ownDirectory: unknown[] }>(admin, `{ ownDirectory(includeRetired: true) { ${ENTRY_FIELDS} } }`);
  expect(r.errors).toBeUndefined();
  return (r.data?.ownDirectory ?? []).map((e) => directoryEntry.parse(withoutNullsDeep(e)));
}

interface ImportOutcome {
  applied: boolean;
  created: number;
  updated: number;
  unchanged: number;
  problems: { row: number; field: string; message: string }[];
}

async function importCsv(admin: string, csv: string): Promise<ImportOutcome> {
  const r = await asUser<{ importDirectoryCsv: ImportOutcome }>(
    admin,
    'mutation($csv: String!) { importDirectoryCsv(csv: $csv) { applied created updated unchanged problems { row field message } } }',
    { csv },
  );
  expect(r.errors).toBeUndefined();
  return r.data?.importDirectoryCsv as ImportOutcome;
}

describe('directory files in and out', () => {
  it('keeps numbers in E.164, with their labels, from a seed written before', async () => {
    const [entry] = await ownDirectory('ne-ppn-admin');
    expect(entry?.channels).toEqual([
      { type: 'phone', value: '+22720720000', label: 'permanence; nuit' },
      { type: 'fax', value: '+22720720001', label: 'greffe' },
      { type: 'email', value: 'permanence@ne-ppn.example.org', label: 'bureau [1]' },
    ]);
    expect(entry).toMatchObject({ lastVerified: '2026-03-02', verifiedBy: 'Seeded Admin' });
  });

  it('re-imports an export unchanged: verification dates and channel labels kept, nothing written', async () => {
    const before = await ownDirectory('ne-ppn-admin');
    const csv = directoryToCsv(before);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(await importCsv('ne-ppn-admin', csv)).toEqual({ applied: true, created: 0, updated: 0, unchanged: 1, problems: [] });
    expect(await ownDirectory('ne-ppn-admin')).toEqual(before);
    const history = await asUser<{ directoryEntryHistory: { change: string }[] }>(
      'ne-ppn-admin',
      'query($id: ID!) { directoryEntryHistory(id: $id) { change } }',
      { id: permanence.id },
    );
    expect(history.data?.directoryEntryHistory.map((c) => c.change)).toEqual(['seeded', 'edited']);
  });

  it('imports a file Excel saved in French settings (BOM, semicolons, CRLF), its numbers in E.164', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/spreadsheets/excel-csv-utf8-semicolon-fr.csv', import.meta.url)));
    const read = readSpreadsheetText(bytes);
    if ('problem' in read) throw new Error(read.problem);
    expect(await importCsv('it-polfr-admin', read.text)).toEqual({ applied: true, created: 3, updated: 0, unchanged: 0, problems: [] });
    const byName = new Map((await ownDirectory('it-polfr-admin')).map((e) => [e.name, e]));
    expect(byName.get('Émilie Dupré')?.channels[0]).toEqual({ type: 'phone', value: '+33140076060', label: 'bureau' });
    expect(byName.get('Niccolò Ferri')).toMatchObject({
      channels: [
        { type: 'phone', value: '+390922483200' },
        { type: 'email', value: 'n.ferri@giustizia.example.it' },
      ],
      verifiedBy: 'Elena Conti',
    });
  });

  it('refuses a phone a spreadsheet turned into scientific notation, naming row and column, and imports nothing', async () => {
    const before = await ownDirectory('it-polfr-admin');
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/spreadsheets/excel-scientific-phone-fr.csv', import.meta.url)));
    const read = readSpreadsheetText(bytes);
    if ('problem' in read) throw new Error(read.problem);
    const outcome = await importCsv('it-polfr-admin', read.text);
    expect(outcome).toMatchObject({ applied: false, problems: [{ row: 4, field: 'phone' }] });
    expect(outcome.problems[0]?.message).toMatch(/^"2,34100000199E\+11" is a number in scientific notation/);
    expect(await ownDirectory('it-polfr-admin')).toEqual(before);
  });
});

describe('another agency’s entries, imported by a hostile administrator', () => {
  /** What Italy's administrator can read of Niger's entries: the gateway's federated search. */
  async function nigerEntriesSeenByItaly(): Promise<DirectoryEntry[]> {
    const r = await asUser<{ directory: { entries: unknown[] } }>(
      'it-polfr-admin',
      `query($filter: DirectoryFilterInput) { directory(filter: $filter) { entries { ${ENTRY_FIELDS} } } }`,
      { filter: { country: 'NER' } },
    );
    expect(r.errors).toBeUndefined();
    return (r.data?.directory.entries ?? []).map((e) => directoryEntry.parse(withoutNullsDeep(e)));
  }

  it('refuses rows naming another agency, at the agency column, and applies none', async () => {
    const theirs = await nigerEntriesSeenByItaly();
    expect(theirs.map((e) => e.id)).toEqual([permanence.id]);
    const mine = await ownDirectory('it-polfr-admin');
    const outcome = await importCsv('it-polfr-admin', directoryToCsv([...mine, ...theirs]));
    expect(outcome).toMatchObject({ applied: false, created: 0, updated: 0 });
    expect(outcome.problems).toEqual([
      {
        row: mine.length + 2,
        field: 'agency',
        message: `the entry is "ne-ppn"'s, not it-polfr's: an agency imports only its own entries (leave agency and id empty to add it as a new entry of yours)`,
      },
    ]);
    expect(await ownDirectory('it-polfr-admin')).toEqual(mine);
  });

  it('refuses another agency’s id with the agency column left out, at the id column, and changes neither agency', async () => {
    const [theirs] = await nigerEntriesSeenByItaly();
    const mine = await ownDirectory('it-polfr-admin');
    // The agency cell emptied, as an attacker would to pass the entry off as Italy's under Niger's id.
    const csv = directoryToCsv([theirs as DirectoryEntry]).replace(',ne-ppn,', ',,');
    const outcome = await importCsv('it-polfr-admin', csv);
    expect(outcome).toEqual({
      applied: false,
      created: 0,
      updated: 0,
      unchanged: 0,
      problems: [
        {
          row: 2,
          field: 'id',
          message: `${permanence.id} is not an entry of it-polfr: an import changes only the agency’s own entries; leave the id empty to add a new one`,
        },
      ],
    });
    expect(await ownDirectory('it-polfr-admin')).toEqual(mine);
    expect((await nigerEntriesSeenByItaly()).map((e) => [e.id, e.agency, e.name])).toEqual([[permanence.id, 'ne-ppn', permanence.name]]);
  });
});
