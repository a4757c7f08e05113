// Directory entries as CSV (RFC 4180), for bulk onboarding and export. Administrators prepare these
// files by hand or in a spreadsheet, so the node (which imports, authoritatively) and the console
// (which exports, and pre-checks a file before sending it) must read them the same way: both call
// this module. Parsing and quoting are papaparse's; it runs in the browser and in Node alike.
//
// The file
//   - Text as spreadsheets save it (spreadsheet-text.ts reads the bytes: UTF-8 with or without a
//     byte-order mark, UTF-16 with one, Windows-1252); text already garbled (U+FFFD, "Ã©") is
//     refused. Cells separated by commas, or by semicolons as Excel writes CSV where the decimal
//     sign is a comma (French, Italian, German settings), or by tabs (Unicode text): the header
//     says which, since only one of them splits it into column names. CRLF or LF line ends, cells
//     quoted with `"` when they hold the separator, a quote (doubled: `""`) or a line break. Blank
//     lines are skipped; surrounding spaces in cells are ignored.
//   - An export is UTF-8 with a byte-order mark (so that Excel shows accents), comma-separated,
//     with CRLF line ends, as Excel's own "CSV UTF-8" is.
//   - Row 1 names the columns (any order, not case-sensitive): id, kind, name, title, roles,
//     competences, networks, country, posted_in, covers, routes, languages, always, time_zone,
//     hours, absences, phone, email, secure_messaging, fax, notes. Required: name, kind, roles,
//     country, languages, time_zone. An export also writes agency, last_verified, verified_by and
//     retired_at at the end; an import ignores those four, so an exported file can be edited and
//     imported again. Any other column is refused.
//   - At most 5,000 entries per file.
//
// The cells (an empty cell means absent, or an empty list)
//   id                 empty for a new entry; the UUID of one of the agency's own entries to replace
//                      it. A row whose agency cell names another agency is refused (and the node
//                      refuses an id that is not one of its own entries).
//   kind               `person` or `desk`.
//   name, title, notes free text; notes may span lines.
//   roles, competences, networks, covers, routes, languages
//                      lists separated by `;`, e.g. `prosecutor;central_authority_mla`, with the
//                      codes of codes.ts (countries as ISO 3166-1 alpha-3, e.g. `NER;TCD`).
//   country, posted_in ISO 3166-1 alpha-3, e.g. `ITA`.
//   always             `yes` for a 24/7 desk; `no` or empty otherwise (`true`/`false`, `1`/`0` too).
//   time_zone          IANA name, e.g. `Africa/Niamey`.
//   hours              spans separated by `;`, each `<days> HH:MM-HH:MM` in the contact's time zone:
//                      `mon-fri 08:00-17:00; sat 09:00-12:00`. Days are `mon`…`sun`, as a range
//                      (`mon-fri`, or wrapping past Sunday: `sat-mon`), a list (`mon,wed`) or both
//                      (`mon-wed,fri`). A span must end after it starts: a night shift is two spans.
//   absences           periods separated by `;`, each `YYYY-MM-DD..YYYY-MM-DD` (inclusive) with an
//                      optional note after it: `2026-12-20..2027-01-03 Christmas leave; 2027-02-01..2027-02-01`.
//                      A single date `2027-02-01` is one day.
//   phone, email, secure_messaging, fax
//                      one or more values separated by `;`, each with an optional label in square
//                      brackets after it: `+39 06 4686 [switchboard]; +39 333 000 0000 [duty mobile]`.
//                      Phone and fax numbers are stored in E.164 (directory-phone.ts): a national
//                      form is read in the entry's country, and a number a spreadsheet turned into
//                      scientific notation (`2.34100000199E+11`) is refused.
//   In list cells a `;` that belongs to a value is written `\;` and a backslash `\\`.
//   Codes are not case-sensitive (`ITA`, `ita`); they are stored as codes.ts writes them.
//   A leading `'` before `=`, `+`, `-`, `@`, a tab, a carriage return or a line feed is dropped: the
//   export writes it to keep spreadsheets from running a cell as a formula (below).
//
// Parsing never stops at the first problem: an administrator fixing a 2,000-line file wants every
// problem of every row at once. Rows are numbered as a spreadsheet numbers them, the header being
// row 1, so a problem can be found in the file.
import Papa from 'papaparse';
import { canonicalJson } from './canonical-json.js';
import { CHANNEL_TYPES, type ChannelType, WEEKDAYS, type Weekday } from './codes.js';
import { type DirectoryEntry, type DirectoryEntryDraft, directoryEntryDraft } from './directory.js';
import { isDirectoryE164 } from './directory-phone.js';
import { fieldErrorsOf } from './errors.js';
import { isUuid } from './fields.js';
import { mojibakeIn } from './spreadsheet-text.js';
import { writeWeekdays } from './weekday-runs.js';

/** The columns an import reads, in the order an export writes them. */
export const DIRECTORY_CSV_COLUMNS = [
  'id',
  'kind',
  'name',
  'title',
  'roles',
  'competences',
  'networks',
  'country',
  'posted_in',
  'covers',
  'routes',
  'languages',
  'always',
  'time_zone',
  'hours',
  'absences',
  'phone',
  'email',
  'secure_messaging',
  'fax',
  'notes',
] as const;
type DirectoryCsvColumn = (typeof DIRECTORY_CSV_COLUMNS)[number];

/** What an export adds after the import columns: set by the node, so an import ignores them. */
const DIRECTORY_CSV_RECORD_COLUMNS = ['agency', 'last_verified', 'verified_by', 'retired_at'] as const;
/** The header of an export. */
export const DIRECTORY_CSV_EXPORT_COLUMNS = [...DIRECTORY_CSV_COLUMNS, ...DIRECTORY_CSV_RECORD_COLUMNS] as const;

const DIRECTORY_CSV_REQUIRED_COLUMNS = ['name', 'kind', 'roles', 'country', 'languages', 'time_zone'] as const;

/** Beyond this an import is a migration, not an onboarding; it also bounds the work of a pre-check in the browser. */
const DIRECTORY_CSV_MAX_ROWS = 5000;

interface DirectoryCsvRow {
  /** The row in the file (the header is row 1). */
  row: number;
  /** The entry to replace; absent for a new entry. */
  id?: string;
  draft: DirectoryEntryDraft;
}

interface DirectoryCsvProblem {
  row: number;
  /** The column, or `''` for the row (or the file) as a whole. */
  field: string;
  message: string;
}

interface DirectoryCsvParseResult {
  /** The rows without problems. When `problems` is not empty, callers apply none of them. */
  rows: DirectoryCsvRow[];
  problems: DirectoryCsvProblem[];
}

const CHANNEL_COLUMNS: Record<ChannelType, DirectoryCsvColumn> = {
  phone: 'phone',
  email: 'email',
  secure_messaging: 'secure_messaging',
  fax: 'fax',
};

/** Draft fields written as `;`-separated lists, by the column that holds them. */
const LIST_FIELDS = {
  roles: 'roles',
  competences: 'competences',
  networks: 'networks',
  covers: 'covers',
  routes: 'routes',
  languages: 'languages',
} as const satisfies Partial<Record<DirectoryCsvColumn, keyof DirectoryEntryDraft>>;
type ListColumn = keyof typeof LIST_FIELDS;

// ---------------------------------------------------------------------------------------------
// Cells of lists: `;` separates, `\;` and `\\` keep a semicolon or backslash inside a value. A
// backslash before anything else is kept as written, so a hand-typed `C:\docs` survives.

/** One item of a list cell as read: its value, or why it cannot be read. */
type ItemResult<T> = { value: T } | { error: string };

/** Reads each item of a list cell; the items as written are kept for the entry's source. */
function readListCell<T>(cell: string, read: (item: string) => ItemResult<T>): { values: T[]; items: string[]; errors: string[] } {
  const items = splitList(cell);
  const values: T[] = [];
  const errors: string[] = [];
  for (const result of items.map(read)) {
    if ('error' in result) errors.push(result.error);
    else values.push(result.value);
  }
  return { values, items, errors };
}

function splitList(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const c = cell[i];
    const next = cell[i + 1];
    if (c === '\\' && (next === ';' || next === '\\')) {
      current += next;
      i++;
    } else if (c === ';') {
      items.push(current);
      current = '';
    } else {
      current += c;
    }
  }
  items.push(current);
  return items.map((s) => s.trim()).filter((s) => s !== '');
}

function joinList(items: readonly string[], separator = ';'): string {
  return items.map((s) => s.replace(/[\\;]/g, (c) => `\\${c}`)).join(separator);
}

// ---------------------------------------------------------------------------------------------
// Formula injection (OWASP "CSV Injection", owasp.org/www-community/attacks/CSV_Injection): a
// spreadsheet runs a cell beginning with =, +, -, @, a tab (0x09), a carriage return (0x0D) or a
// line feed (0x0A) as a formula, and an entry's text may come from anyone who can write an entry.
// Every cell of an export that begins so gets a leading `'`, which spreadsheets read as "text",
// and an import drops it again. One exception keeps phone numbers callable: a phone or fax cell of
// only numbers in E.164 (`+390646861; +393330000000`) is written as is; a spreadsheet can at worst
// read such a cell as a number (which is why an import refuses scientific notation).

const FORMULA_START = /^'*[=+\-@\t\r\n]/;

function defuseFormula(cell: string, column: string): string {
  if (!FORMULA_START.test(cell)) return cell;
  const telephone = column === 'phone' || column === 'fax';
  if (telephone && cell.split('; ').every(isDirectoryE164)) return cell;
  return `'${cell}`;
}

function undoDefuse(cell: string): string {
  return /^'+[=+\-@\t\r\n]/.test(cell) ? cell.slice(1) : cell;
}

// ---------------------------------------------------------------------------------------------
// Channels: `value [label]`. A `[` inside a value or a label is written `\[`, a `]` `\]`.

const LABELLED = /^(.*?)\s*(?<!\\)\[((?:[^\]\\]|\\.)*)\]$/s;

function readChannelItem(item: string): { value: string; label?: string } {
  const m = LABELLED.exec(item);
  const unbracket = (t: string) => t.replace(/\\([[\]])/g, '$1').trim();
  if (!m) return { value: unbracket(item) };
  const label = unbracket(m[2] ?? '');
  return label ? { value: unbracket(m[1] ?? ''), label } : { value: unbracket(m[1] ?? '') };
}

/** One item of a channel cell, escaped for the list (`\;`, `\\`) and for its label's brackets. */
function writeChannelItem(c: { value: string; label?: string | undefined }): string {
  const escaped = (t: string) => joinList([t]).replace(/[[\]]/g, (b) => `\\${b}`);
  return c.label ? `${escaped(c.value)} [${escaped(c.label)}]` : escaped(c.value);
}

// ---------------------------------------------------------------------------------------------
// Hours: `mon-fri 08:00-17:00; sat 09:00-12:00`.

const SPAN = /^(\S.*?)\s+(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/;
const HOURS_EXAMPLE = 'mon-fri 08:00-17:00';

type DaysResult = { days: Weekday[] } | { error: string };

function parseDays(text: string): DaysResult {
  const days: Weekday[] = [];
  for (const part of text.split(',').map((s) => s.trim().toLowerCase())) {
    const range = /^([a-z]+)\s*[-–]\s*([a-z]+)$/.exec(part);
    const names = range ? [range[1] ?? '', range[2] ?? ''] : [part];
    const indexes = names.map((n) => WEEKDAYS.indexOf(n as Weekday));
    const unknown = names.find((_, i) => indexes[i] === -1);
    if (unknown !== undefined) return { error: `"${unknown}" is not a day: write mon, tue, wed, thu, fri, sat or sun` };
    const [from = 0, to = from] = indexes;
    if (range && from === to) return { error: `"${part}" is ambiguous: write ${names[0]} alone, or a range of several days` };
    // A range may wrap past Sunday (sat-mon), as weekend shifts do.
    for (let d = from; ; d = (d + 1) % 7) {
      days.push(WEEKDAYS[d] as Weekday);
      if (d === to) break;
    }
  }
  return { days };
}

interface HoursSpan {
  days: Weekday[];
  from: string;
  to: string;
}

function readSpan(item: string): ItemResult<HoursSpan> {
  const m = SPAN.exec(item);
  if (!m) return { error: `${quote(item)} is not like "${HOURS_EXAMPLE}"` };
  const days = parseDays(m[1] ?? '');
  if ('error' in days) return { error: `${quote(item)}: ${days.error}` };
  return { value: { days: days.days, from: padTime(m[2] ?? ''), to: padTime(m[3] ?? '') } };
}

const padTime = (t: string): string => (t.length === 4 ? `0${t}` : t);

function formatDays(days: readonly Weekday[]): string {
  return writeWeekdays(days, (d) => d, '-', ',');
}

// ---------------------------------------------------------------------------------------------
// Absences: `2026-12-20..2027-01-03 Christmas leave`.

const ABSENCE = /^(\d{4}-\d{2}-\d{2})(?:\s*\.\.\s*(\d{4}-\d{2}-\d{2}))?(?:\s+(.*))?$/s;
const ABSENCE_EXAMPLE = '2026-12-20..2027-01-03 Christmas leave';

interface AbsencePeriod {
  from: string;
  to: string;
  note?: string;
}

function readAbsence(item: string): ItemResult<AbsencePeriod> {
  const m = ABSENCE.exec(item);
  if (!m?.[1]) return { error: `${quote(item)} is not like "${ABSENCE_EXAMPLE}"` };
  const note = m[3]?.trim();
  return { value: { from: m[1], to: m[2] ?? m[1], ...(note ? { note } : {}) } };
}

// ---------------------------------------------------------------------------------------------

const BOOLEANS = new Map<string, boolean>([
  ['yes', true],
  ['true', true],
  ['1', true],
  ['no', false],
  ['false', false],
  ['0', false],
  ['', false],
]);

/** A value as a message shows it: quoted, and cut short so a long note does not drown the message. */
function quote(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ');
  return JSON.stringify(oneLine.length > 40 ? `${oneLine.slice(0, 39)}…` : oneLine);
}

/** What the administrator wrote for each part of the draft, to name it in a message. */
interface RowSource {
  lists: Partial<Record<ListColumn, string[]>>;
  single: Partial<Record<'kind' | 'country' | 'posted_in' | 'time_zone', string>>;
  hours: string[];
  absences: string[];
  channels: { column: DirectoryCsvColumn; value: string }[];
}

const DRAFT_FIELD_COLUMNS: Record<string, DirectoryCsvColumn> = {
  kind: 'kind',
  name: 'name',
  title: 'title',
  country: 'country',
  postedIn: 'posted_in',
  notes: 'notes',
  ...LIST_FIELDS,
};

/** Maps a zod issue path of the draft back to the column, and the item the administrator wrote there. */
function locate(path: readonly PropertyKey[], source: RowSource): { field: string; wrote?: string } {
  const [head, second, third] = path;
  const index = typeof second === 'number' ? second : undefined;
  if (head === 'availability') {
    if (second === 'always') return { field: 'always' };
    if (second === 'timeZone') return { field: 'time_zone', wrote: source.single.time_zone };
    if (second === 'hours') return { field: 'hours', wrote: typeof third === 'number' ? source.hours[third] : undefined };
    if (second === 'absences') return { field: 'absences', wrote: typeof third === 'number' ? source.absences[third] : undefined };
    return { field: '' };
  }
  if (head === 'channels') {
    const channel = index === undefined ? undefined : source.channels[index];
    return channel ? { field: channel.column, wrote: channel.value } : { field: '' };
  }
  const column = typeof head === 'string' ? DRAFT_FIELD_COLUMNS[head] : undefined;
  if (!column) return { field: '' };
  if (column in LIST_FIELDS) return { field: column, wrote: index === undefined ? undefined : source.lists[column as ListColumn]?.[index] };
  if (column === 'kind' || column === 'country' || column === 'posted_in') return { field: column, wrote: source.single[column] };
  return { field: column };
}

type Cells = Partial<Record<DirectoryCsvColumn, string>>;

function parseRow(row: number, cells: Cells): { row?: DirectoryCsvRow; problems: DirectoryCsvProblem[] } {
  const problems: DirectoryCsvProblem[] = [];
  const problem = (field: string, message: string) => problems.push({ row, field, message });
  const cell = (c: DirectoryCsvColumn): string => cells[c] ?? '';
  const source: RowSource = { lists: {}, single: {}, hours: [], absences: [], channels: [] };

  let id: string | undefined;
  if (cell('id')) {
    if (isUuid(cell('id'))) id = cell('id').toLowerCase();
    else
      problem(
        'id',
        `${quote(cell('id'))} is not an entry id (a UUID such as 0192f1e4-7a2b-7c3d-8e4f-5a6b7c8d9e0f): leave it empty for a new entry`,
      );
  }

  const lists = {} as Record<ListColumn, string[]>;
  for (const column of Object.keys(LIST_FIELDS) as ListColumn[]) {
    // Countries are upper case in codes.ts, every other code lower case; network ids are ids, not codes.
    const normalise =
      column === 'covers' ? (s: string) => s.toUpperCase() : column === 'networks' ? (s: string) => s : (s: string) => s.toLowerCase();
    lists[column] = splitList(cell(column)).map(normalise);
    source.lists[column] = splitList(cell(column));
  }
  const single = (column: 'kind' | 'country' | 'posted_in' | 'time_zone') => {
    const value = cell(column);
    if (value) source.single[column] = value;
    return value || undefined;
  };
  const kind = single('kind')?.toLowerCase();
  const country = single('country')?.toUpperCase();
  const postedIn = single('posted_in')?.toUpperCase();
  const timeZone = single('time_zone');

  const alwaysCell = cell('always').toLowerCase();
  const always = BOOLEANS.get(alwaysCell);
  if (always === undefined) problem('always', `${quote(cell('always'))} is not yes or no`);

  const hours = readListCell(cell('hours'), readSpan);
  source.hours = hours.items;
  for (const e of hours.errors) problem('hours', e);
  const absences = readListCell(cell('absences'), readAbsence);
  source.absences = absences.items;
  for (const e of absences.errors) problem('absences', e);

  const channels: { type: ChannelType; value: string; label?: string }[] = [];
  for (const type of CHANNEL_TYPES) {
    const column = CHANNEL_COLUMNS[type];
    for (const item of splitList(cell(column))) {
      channels.push({ type, ...readChannelItem(item) });
      source.channels.push({ column, value: readChannelItem(item).value });
    }
  }

  // Built loosely on purpose: the draft schema, not this function, decides what is valid.
  const input: Record<string, unknown> = {
    kind,
    name: cell('name') || undefined,
    title: cell('title') || undefined,
    roles: lists.roles,
    competences: lists.competences,
    networks: lists.networks,
    country,
    postedIn,
    covers: lists.covers,
    routes: lists.routes,
    languages: lists.languages,
    // A cell that could not be read was reported above; a neutral value keeps zod from saying it twice.
    availability: {
      always: always ?? false,
      timeZone,
      hours: hours.errors.length ? [] : hours.values,
      absences: absences.errors.length ? [] : absences.values,
    },
    channels,
    notes: cell('notes') || undefined,
  };
  // Absent, not undefined: the draft then has exactly the keys an entry written by hand would have.
  for (const key of Object.keys(input)) if (input[key] === undefined) delete input[key];
  const parsed = directoryEntryDraft.safeParse(input);
  if (!parsed.success) {
    // fieldErrorsOf gives the console's wording; the issue's path says which cell and item it was.
    const messages = fieldErrorsOf(parsed.error).map((e) => e.message);
    parsed.error.issues.forEach((issue, i) => {
      const { field, wrote } = locate(issue.path, source);
      const predicate = issue.code === 'custom' ? (issue.params as { predicate?: string } | undefined)?.predicate : undefined;
      const message = (wrote === undefined ? undefined : predicate) ?? messages[i] ?? issue.message;
      problem(field, wrote === undefined ? message : `${quote(wrote)} ${message}`);
    });
  }
  // Left to right, as the administrator reads the row; problems of the whole row last.
  const order = (field: string) =>
    field === '' ? DIRECTORY_CSV_COLUMNS.length : DIRECTORY_CSV_COLUMNS.indexOf(field as DirectoryCsvColumn);
  problems.sort((a, b) => order(a.field) - order(b.field));
  // A single-day absence is both its first and last day: one wrong date, said once.
  const unique = problems.filter((p, i) => problems.findIndex((q) => q.field === p.field && q.message === p.message) === i);
  if (unique.length > 0 || !parsed.success) return { problems: unique };
  return { row: { row, ...(id ? { id } : {}), draft: parsed.data }, problems };
}

/**
 * Checks one entry written as a row's cells (the console's edit form), exactly as an import
 * checks a row. Problems name the column; the draft is there only when there is none.
 */
export function parseDirectoryRecord(cells: Partial<Record<string, string>>): {
  draft?: DirectoryEntryDraft;
  problems: { field: string; message: string }[];
} {
  const byColumn: Cells = {};
  for (const c of DIRECTORY_CSV_COLUMNS) byColumn[c] = (cells[c] ?? '').trim();
  const result = parseRow(0, byColumn);
  const problems = result.problems.map(({ field, message }) => ({ field, message }));
  return result.row && problems.length === 0 ? { draft: result.row.draft, problems } : { problems };
}

/**
 * The column (form field) a path of the entry draft is written in, e.g. `availability.hours.0.to`
 * → `hours`, as a node's VALIDATION_FAILED names it; '' for the entry as a whole.
 */
export function directoryColumnOf(path: string): string {
  const parts = path.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (parts[0] === 'channels') return '';
  return locate(parts, { lists: {}, single: {}, hours: [], absences: [], channels: [] }).field;
}

const QUOTE_PROBLEMS: Record<string, string> = {
  MissingQuotes: 'a quoted cell is never closed: a cell that starts with " must end with "',
  InvalidQuotes: 'a quote inside a quoted cell must be doubled (""), and nothing may follow the closing "',
};

const SEPARATORS = [',', ';', '\t'] as const;
const SEPARATOR_NAMES: Record<(typeof SEPARATORS)[number], string> = { ',': 'commas', ';': 'semicolons', '\t': 'tabs' };

/**
 * The separator of a file: the one that splits its header into column names of the directory file.
 * Only the header is read (cells below may hold any of the three), with papaparse's own quoting.
 */
function separatorOf(text: string): { separator: (typeof SEPARATORS)[number] } | { problem: string } {
  const known = new Set<string>([...DIRECTORY_CSV_COLUMNS, ...DIRECTORY_CSV_RECORD_COLUMNS]);
  const fits = SEPARATORS.filter((separator) => {
    const header = Papa.parse<string[]>(text, { delimiter: separator, preview: 1 }).data[0] ?? [];
    const names = header.map((c) => c.trim().toLowerCase()).filter((c) => c !== '');
    return names.length >= 2 && names.filter((n) => known.has(n)).length >= 2;
  });
  const [separator] = fits;
  if (separator !== undefined && fits.length === 1) return { separator };
  const why =
    fits.length === 0
      ? 'its first line does not name the columns separated by commas, semicolons or tabs'
      : `its first line names the columns separated by both ${fits.map((f) => SEPARATOR_NAMES[f]).join(' and ')}`;
  return {
    problem: `the separator of the file cannot be told: ${why}. The first line must name the columns, e.g. ${DIRECTORY_CSV_COLUMNS.slice(0, 4).join(',')},…`,
  };
}

/**
 * Reads a directory CSV file (see the header of this module for its format) and checks every row.
 * `agency`, when given, is the importing agency: a row whose agency cell names another is refused.
 */
export function parseDirectoryCsv(text: string, opts: { agency?: string } = {}): DirectoryCsvParseResult {
  const problems: DirectoryCsvProblem[] = [];
  const fileProblem = (message: string, field = '') => problems.push({ row: 1, field, message });
  const body = text.replace(/^\uFEFF/, '');
  if (body.trim() === '') {
    fileProblem(`the file is empty: its first line must name the columns, e.g. ${DIRECTORY_CSV_COLUMNS.join(',')}`);
    return { rows: [], problems };
  }
  const garbled = mojibakeIn(body);
  if (garbled !== undefined) {
    const row = body.slice(0, body.indexOf(garbled)).split('\n').length;
    return {
      rows: [],
      problems: [
        {
          row,
          field: '',
          message: `the file holds garbled text (${JSON.stringify(garbled)}): a program read it in the wrong encoding before saving it. Open the original and save it as "CSV UTF-8"`,
        },
      ],
    };
  }
  const separator = separatorOf(body);
  if ('problem' in separator) return { rows: [], problems: [{ row: 1, field: '', message: separator.problem }] };
  const parsed = Papa.parse<string[]>(body, { delimiter: separator.separator, header: false, skipEmptyLines: false });

  // A broken quote swallows the rest of the file into one cell, so nothing after it can be trusted.
  const quoteErrors = parsed.errors.filter((e) => e.type === 'Quotes');
  if (quoteErrors.length > 0) {
    const first = quoteErrors.reduce((a, b) => ((a.row ?? 0) <= (b.row ?? 0) ? a : b));
    return { rows: [], problems: [{ row: (first.row ?? 0) + 1, field: '', message: QUOTE_PROBLEMS[first.code] ?? first.message }] };
  }

  const records = parsed.data.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => c.trim()) }));
  const isBlank = (cells: string[]) => cells.every((c) => c === '');
  const headerRecord = records[0];
  if (!headerRecord || isBlank(headerRecord.cells)) {
    fileProblem(`the file is empty: its first line must name the columns, e.g. ${DIRECTORY_CSV_COLUMNS.join(',')}`);
    return { rows: [], problems };
  }
  const dataRecords = records.slice(1).filter((r) => !isBlank(r.cells));

  const header = headerRecord.cells.map((c) => c.toLowerCase());
  const known = new Set<string>([...DIRECTORY_CSV_COLUMNS, ...DIRECTORY_CSV_RECORD_COLUMNS]);
  const columnAt = new Map<number, DirectoryCsvColumn>();
  let fatal = false;
  for (const [i, name] of header.entries()) {
    if (name === '') {
      // Spreadsheets often write trailing empty header cells; only a named column matters.
      if (dataRecords.some((r) => (r.cells[i] ?? '') !== '')) fileProblem(`column ${i + 1} has cells but no name in the header`);
    } else if (!known.has(name)) {
      fileProblem(`${quote(name)} is not a column of the directory file; the columns are ${DIRECTORY_CSV_COLUMNS.join(', ')}`, name);
    } else if (header.indexOf(name) !== i) {
      fileProblem(`the column ${name} appears twice`, name);
      fatal = true;
    } else if ((DIRECTORY_CSV_COLUMNS as readonly string[]).includes(name)) {
      columnAt.set(i, name as DirectoryCsvColumn);
    }
  }
  const missing = DIRECTORY_CSV_REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length > 0) {
    fileProblem(`the header lacks the required column${missing.length === 1 ? '' : 's'} ${missing.join(', ')}`);
    fatal = true;
  }
  if (dataRecords.length === 0) {
    fileProblem('the file has no entries below the header');
    return { rows: [], problems };
  }
  if (dataRecords.length > DIRECTORY_CSV_MAX_ROWS) {
    fileProblem(`the file has ${dataRecords.length} entries; import at most ${DIRECTORY_CSV_MAX_ROWS} at a time, in several files`);
    return { rows: [], problems };
  }
  // Without the columns every row would repeat the header's problem; say it once.
  if (fatal) return { rows: [], problems };

  const rows: DirectoryCsvRow[] = [];
  const idRows = new Map<string, number>();
  for (const { row, cells } of dataRecords) {
    const extra = cells.slice(header.length).filter((c) => c !== '');
    if (extra.length > 0)
      problems.push({ row, field: '', message: `the row has ${cells.length} cells but the header names ${header.length} columns` });
    const byColumn: Cells = {};
    for (const [i, column] of columnAt) byColumn[column] = undoDefuse(cells[i] ?? '');
    const result = parseRow(row, byColumn);
    problems.push(...result.problems);
    const agencyAt = header.indexOf('agency');
    const agency = agencyAt === -1 ? '' : (cells[agencyAt] ?? '');
    if (opts.agency !== undefined && agency !== '' && agency !== opts.agency) {
      problems.push({
        row,
        field: 'agency',
        message: `the entry is ${quote(agency)}'s, not ${opts.agency}'s: an agency imports only its own entries (leave agency and id empty to add it as a new entry of yours)`,
      });
      continue;
    }
    const id = byColumn.id && isUuid(byColumn.id) ? byColumn.id.toLowerCase() : undefined;
    if (id !== undefined) {
      const first = idRows.get(id);
      if (first !== undefined) {
        problems.push({ row, field: 'id', message: `the same id is already on row ${first}: one row per entry` });
        continue;
      }
      idRows.set(id, row);
    }
    if (result.row && extra.length === 0) rows.push(result.row);
  }
  return { rows, problems };
}

// ---------------------------------------------------------------------------------------------

/**
 * One entry as the cells of its row, before export's formula guard: the console's edit form
 * starts from these, so a form and a file say the same thing the same way.
 */
export function directoryRecordOf(entry: DirectoryEntry): Record<(typeof DIRECTORY_CSV_EXPORT_COLUMNS)[number], string> {
  const { availability } = entry;
  const channelCell = (type: ChannelType) =>
    entry.channels
      .filter((c) => c.type === type)
      .map(writeChannelItem)
      .join('; ');
  const cells: Record<(typeof DIRECTORY_CSV_EXPORT_COLUMNS)[number], string> = {
    id: entry.id,
    kind: entry.kind,
    name: entry.name,
    title: entry.title ?? '',
    roles: joinList(entry.roles),
    competences: joinList(entry.competences),
    networks: joinList(entry.networks),
    country: entry.country,
    posted_in: entry.postedIn ?? '',
    covers: joinList(entry.covers),
    routes: joinList(entry.routes),
    languages: joinList(entry.languages),
    always: availability.always ? 'yes' : 'no',
    time_zone: availability.timeZone,
    hours: joinList(
      availability.hours.map((h) => `${formatDays(h.days)} ${h.from}-${h.to}`),
      '; ',
    ),
    absences: joinList(
      availability.absences.map((a) => `${a.from}..${a.to}${a.note ? ` ${a.note}` : ''}`),
      '; ',
    ),
    phone: channelCell('phone'),
    email: channelCell('email'),
    secure_messaging: channelCell('secure_messaging'),
    fax: channelCell('fax'),
    notes: entry.notes ?? '',
    agency: entry.agency,
    last_verified: entry.lastVerified,
    verified_by: entry.verifiedBy ?? '',
    retired_at: entry.retiredAt ?? '',
  };
  return cells;
}

function toRecord(entry: DirectoryEntry): string[] {
  const cells = directoryRecordOf(entry);
  return DIRECTORY_CSV_EXPORT_COLUMNS.map((c) => defuseFormula(cells[c], c));
}

/**
 * Whether an imported row says what the entry already says. A file holds an entry's channels
 * grouped by type (one column each), so channels are compared in that grouping: an entry whose
 * phone came before its fax still equals its own export.
 */
export function sameDirectoryContent(entry: DirectoryEntryDraft, row: DirectoryEntryDraft): boolean {
  const grouped = (d: DirectoryEntryDraft) => ({ ...d, channels: CHANNEL_TYPES.flatMap((t) => d.channels.filter((c) => c.type === t)) });
  return canonicalJson(grouped(entry)) === canonicalJson(grouped(row));
}

/**
 * The entries as a CSV file in the format `parseDirectoryCsv` reads, so an exported file can be
 * edited and imported again: UTF-8 with a byte-order mark, as Excel's "CSV UTF-8" (without the
 * mark Excel reads the file in the computer's code page and garbles every accent). Channels come
 * out grouped by type, in column order, each with its label.
 */
export function directoryToCsv(entries: readonly DirectoryEntry[]): string {
  // RFC 4180 ends every record with CRLF, the last one included.
  return `\uFEFF${Papa.unparse([[...DIRECTORY_CSV_EXPORT_COLUMNS], ...entries.map(toRecord)], { newline: '\r\n', quotes: false })}\r\n`;
}
