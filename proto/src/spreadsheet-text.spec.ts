import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDirectoryCsv } from './directory-csv.js';
import { readSpreadsheetText } from './spreadsheet-text.js';

/** A fixture's bytes: saved by LibreOffice, or reproduced as test/fixtures/spreadsheets/README.md documents. */
const fixture = (name: string) => new Uint8Array(readFileSync(new URL(`../../test/fixtures/spreadsheets/${name}`, import.meta.url)));

/** What an import of the file says: the encoding read, and every problem or the names and phones read. */
function importOf(name: string) {
  const read = readSpreadsheetText(fixture(name));
  if ('problem' in read) return { problem: read.problem };
  const { rows, problems } = parseDirectoryCsv(read.text);
  return {
    encoding: read.encoding,
    problems,
    entries: rows.map((r) => [r.draft.name, r.draft.roles, r.draft.channels.filter((c) => c.type === 'phone'), r.draft.notes]),
  };
}

const ENTRIES = [
  ['Émilie Dupré', ['liaison_officer'], [{ type: 'phone', value: '+33140076060', label: 'bureau' }], 'Officier de liaison, Niamey'],
  [
    'Questura di Agrigento – Ufficio immigrazione',
    ['border_control'],
    [{ type: 'phone', value: '+390922483111' }],
    'Sbarchi a Lampedusa: chiamare prima “sala operativa”',
  ],
  // A national number is read in the entry's country.
  ['Niccolò Ferri', ['prosecutor', 'central_authority_mla'], [{ type: 'phone', value: '+390922483200' }], undefined],
];

describe('spreadsheet files as Excel and LibreOffice save them', () => {
  it.each([
    ['excel-csv-utf8-comma.csv', 'utf-8'],
    ['excel-csv-utf8-semicolon-fr.csv', 'utf-8'],
    ['excel-csv-windows-1252-comma.csv', 'windows-1252'],
    ['excel-csv-windows-1252-semicolon-it.csv', 'windows-1252'],
    ['libreoffice-windows-1252-semicolon.csv', 'windows-1252'],
    ['libreoffice-utf8-comma.csv', 'utf-8'],
    ['libreoffice-unicode-tab.csv', 'utf-16le'],
    ['libreoffice-unicode-semicolon.csv', 'utf-16le'],
    ['utf16be-bom-comma.csv', 'utf-16be'],
  ])('imports %s (%s) with every accent, separator and label as written', (name, encoding) => {
    expect(importOf(name)).toEqual({ encoding, problems: [], entries: ENTRIES });
  });

  it('refuses a phone a spreadsheet turned into scientific notation, naming the row and column', () => {
    expect(importOf('excel-scientific-phone-fr.csv')).toMatchObject({
      problems: [{ row: 4, field: 'phone', message: expect.stringMatching(/^"2,34100000199E\+11" is a number in scientific notation/) }],
    });
  });

  it.each([
    ['refused-windows-1251.csv', /^the file is neither UTF-8 nor Western European text \(Windows-1252\)/],
    ['refused-mojibake.csv', /^the file holds garbled text \("Ã‰"\)/],
    ['refused-replacement-characters.csv', /^the file holds garbled text \("\uFFFD"\)/],
  ])('refuses %s rather than import mojibake', (name, message) => {
    const result = importOf(name);
    const said = 'problem' in result ? result.problem : result.problems.map((p) => p.message).join('\n');
    expect(said).toMatch(message);
    expect('entries' in result ? result.entries : []).toEqual([]);
  });

  it('refuses UTF-16 without a byte-order mark, and a UTF-8 mark over bytes that are not UTF-8', () => {
    const utf16 = fixture('libreoffice-unicode-tab.csv').subarray(2);
    expect(readSpreadsheetText(utf16)).toEqual({ problem: expect.stringMatching(/^the file holds NUL bytes/) });
    const broken = new Uint8Array([0xef, 0xbb, 0xbf, 0x6e, 0xe9]);
    expect(readSpreadsheetText(broken)).toEqual({ problem: expect.stringMatching(/^the file begins with the byte-order mark of UTF-8/) });
  });
});

describe('the separator of a file', () => {
  it('refuses a header that no separator splits into column names, saying what the first line must be', () => {
    expect(parseDirectoryCsv('name|kind|roles\nA|person|consular\n').problems).toEqual([
      {
        row: 1,
        field: '',
        message:
          'the separator of the file cannot be told: its first line does not name the columns separated by commas, semicolons or tabs. The first line must name the columns, e.g. id,kind,name,title,…',
      },
    ]);
  });
});

describe('another agency’s entries', () => {
  it('refuses a row whose agency cell names another agency, naming row and field, and applies nothing', () => {
    const csv = [
      'id,name,kind,roles,country,languages,time_zone,phone,agency',
      '0192f1e4-7a2b-7c3d-8e4f-5a6b7c8d9e01,A,person,consular,ITA,it,Europe/Rome,+39 06 4686 1,it-dcis',
      '0192f1e4-7a2b-7c3d-8e4f-5a6b7c8d9e02,B,person,consular,NER,fr,Africa/Niamey,+227 20 72 34 56,ne-ppn',
    ].join('\r\n');
    const { rows, problems } = parseDirectoryCsv(csv, { agency: 'it-dcis' });
    expect(problems).toEqual([
      {
        row: 3,
        field: 'agency',
        message: `the entry is "ne-ppn"'s, not it-dcis's: an agency imports only its own entries (leave agency and id empty to add it as a new entry of yours)`,
      },
    ]);
    expect(rows.map((r) => r.draft.name)).toEqual(['A']);
  });
});
