// Creating or editing one directory entry. The form's values are the cells of a row of the
// directory CSV (proto directory-csv), so hours, absences and channels are written here exactly
// as in an import file, and checked by the same code before anything is sent.
import {
  COMPETENCES,
  DIRECTORY_ROLES,
  type DirectoryEntryDraft,
  directoryRecordOf,
  LANGUAGE_CODES,
  parseDirectoryRecord,
  ROUTE_REGIONS,
} from '@corridor/proto';
import { type FormEvent, useState } from 'react';
import { entryFromGraphQL } from '../directory-entry';
import type { EntryFieldsFragment } from '../gql/graphql';
import { COUNTRY_OPTIONS, label, languageName } from '../labels';
import { Checkboxes, Field, FieldGroup } from './Field';

type Record_ = Record<string, string>;

const LANGUAGE_OPTIONS = [...LANGUAGE_CODES].sort((a, b) => languageName(a).localeCompare(languageName(b)));
const TIME_ZONES: string[] = (() => {
  try {
    return (Intl as unknown as { supportedValuesOf(k: string): string[] }).supportedValuesOf('timeZone');
  } catch {
    return [];
  }
})();

const EMPTY: Record_ = { kind: 'person', always: 'no', time_zone: 'UTC', hours: 'mon-fri 08:00-17:00' };

const list = (cell: string | undefined) =>
  cell
    ? cell
        .split(';')
        .map((s) => s.trim())
        .filter(Boolean)
    : [];

/** Field errors by CSV column (the form's field names), from the check here or from the node. */
export type EntryErrors = Record<string, string[]>;

export function EntryForm({
  entry,
  busy,
  serverErrors,
  onSubmit,
  onCancel,
}: {
  entry?: EntryFieldsFragment;
  busy: boolean;
  serverErrors: EntryErrors;
  onSubmit: (draft: DirectoryEntryDraft) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState<Record_>(() => (entry ? directoryRecordOf(entryFromGraphQL(entry)) : EMPTY));
  const [errors, setErrors] = useState<EntryErrors>({});
  const set = (column: string) => (value: string) => setValues((v) => ({ ...v, [column]: value }));
  const setList = (column: string) => (codes: string[]) => set(column)(codes.join(';'));
  const shown = (column: string) => [...(errors[column] ?? []), ...(serverErrors[column] ?? [])];
  const text = (column: string, labelText: string, opts: { hint?: string; placeholder?: string; required?: boolean } = {}) => (
    <Field id={`entry-${column}`} path={column} label={labelText} errors={shown(column)} hint={opts.hint}>
      <input
        id={`entry-${column}`}
        value={values[column] ?? ''}
        placeholder={opts.placeholder}
        required={opts.required}
        onChange={(e) => set(column)(e.target.value)}
      />
    </Field>
  );

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const checked = parseDirectoryRecord(values);
    const byColumn: EntryErrors = {};
    for (const p of checked.problems) byColumn[p.field || 'name'] = [...(byColumn[p.field || 'name'] ?? []), p.message];
    setErrors(byColumn);
    if (checked.draft && checked.problems.length === 0) onSubmit(checked.draft);
  };

  return (
    <form className="entry-form" aria-label={entry ? `Edit ${entry.name}` : 'New directory entry'} onSubmit={submit} noValidate>
      <FieldGroup id="entry-kind" path="kind" legend="Person or desk" errors={shown('kind')}>
        {(['person', 'desk'] as const).map((k) => (
          <label key={k} htmlFor={`entry-kind-${k}`}>
            <input id={`entry-kind-${k}`} type="radio" name="entry-kind" checked={values.kind === k} onChange={() => set('kind')(k)} />
            {k === 'person' ? 'A person' : 'A desk (a post or service, not one person)'}
          </label>
        ))}
      </FieldGroup>
      {text('name', 'Name', { required: true })}
      {text('title', 'Title or function', { placeholder: 'e.g. Deputy prosecutor, extradition unit' })}
      <FieldGroup id="entry-roles" path="roles" legend="Roles" errors={shown('roles')}>
        <Checkboxes
          name="entry-roles"
          codes={DIRECTORY_ROLES}
          selected={list(values.roles)}
          onChange={setList('roles')}
          labelOf={label.role}
        />
      </FieldGroup>
      <FieldGroup id="entry-competences" path="competences" legend="Handles" errors={shown('competences')}>
        <Checkboxes
          name="entry-competences"
          codes={COMPETENCES}
          selected={list(values.competences)}
          onChange={setList('competences')}
          labelOf={label.competence}
        />
      </FieldGroup>
      <Field id="entry-country" path="country" label="Country" errors={shown('country')}>
        <select id="entry-country" value={values.country ?? ''} onChange={(e) => set('country')(e.target.value)}>
          <option value="">Choose a country</option>
          {COUNTRY_OPTIONS.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      <Field id="entry-posted_in" path="posted_in" label="Posted in (liaison officers, magistrates)" errors={shown('posted_in')}>
        <select id="entry-posted_in" value={values.posted_in ?? ''} onChange={(e) => set('posted_in')(e.target.value)}>
          <option value="">Not posted abroad</option>
          {COUNTRY_OPTIONS.map((c) => (
            <option key={c.code} value={c.code}>
              {c.name}
            </option>
          ))}
        </select>
      </Field>
      {text('covers', 'Also covers', { hint: 'Countries as ISO codes, separated by ";", e.g. NER;LBY' })}
      <FieldGroup id="entry-routes" path="routes" legend="Routes worked on" errors={shown('routes')}>
        <Checkboxes
          name="entry-routes"
          codes={ROUTE_REGIONS}
          selected={list(values.routes)}
          onChange={setList('routes')}
          labelOf={label.region}
        />
      </FieldGroup>
      {text('networks', 'Networks', { hint: 'Network ids separated by ";", e.g. wacap' })}
      <Field id="entry-languages" path="languages" label="Languages" errors={shown('languages')} hint="Hold Ctrl (⌘) to choose several">
        <select
          id="entry-languages"
          multiple
          size={4}
          value={list(values.languages)}
          onChange={(e) => setList('languages')([...e.target.selectedOptions].map((o) => o.value))}
        >
          {LANGUAGE_OPTIONS.map((c) => (
            <option key={c} value={c}>
              {languageName(c)}
            </option>
          ))}
        </select>
      </Field>
      <div className="field field-check">
        <label htmlFor="entry-always">
          <input
            id="entry-always"
            type="checkbox"
            checked={values.always === 'yes'}
            onChange={(e) => set('always')(e.target.checked ? 'yes' : 'no')}
          />{' '}
          Answers 24/7
        </label>
      </div>
      <Field id="entry-time_zone" path="time_zone" label="Time zone" errors={shown('time_zone')} hint="e.g. Africa/Niamey">
        <input
          id="entry-time_zone"
          list="entry-time-zones"
          value={values.time_zone ?? ''}
          onChange={(e) => set('time_zone')(e.target.value)}
        />
      </Field>
      <datalist id="entry-time-zones">
        {TIME_ZONES.map((tz) => (
          <option key={tz} value={tz} />
        ))}
      </datalist>
      {text('hours', 'Hours', { hint: 'In the contact’s time zone, e.g. mon-fri 08:00-17:00; sat 09:00-12:00' })}
      {text('absences', 'Away', { hint: 'e.g. 2026-12-20..2027-01-03 leave; several separated by ";"' })}
      {text('phone', 'Phone', { hint: 'International form, several separated by ";"' })}
      {text('email', 'E-mail')}
      {text('secure_messaging', 'Secure messaging')}
      {text('fax', 'Fax')}
      <Field id="entry-notes" path="notes" label="Notes" errors={shown('notes')}>
        <textarea id="entry-notes" rows={3} value={values.notes ?? ''} onChange={(e) => set('notes')(e.target.value)} />
      </Field>
      <div className="actions">
        <button type="submit" disabled={busy} data-testid="entry-save">
          {entry ? 'Save and mark verified' : 'Create entry'}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
