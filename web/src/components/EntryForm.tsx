// Creating or editing one directory entry. The form's values are the cells of a row of the
// directory CSV (proto directory-csv), so hours, absences and channels are written here exactly
// as in an import file, and checked by the same code before anything is sent.
import {
  COMPETENCES,
  DIRECTORY_ROLES,
  type DirectoryEntryDraft,
  directoryRecordOf,
  parseDirectoryRecord,
  ROUTE_REGIONS,
} from '@corridor/proto';
import { type FormEvent, useState } from 'react';
import { entryFromGraphQL } from '../directory-entry';
import type { EntryFieldsFragment } from '../gql/graphql';
import { countryCodes, countryName, label, languageName, languagesByName } from '../labels';
import { CheckboxField, CodeField, Field, FieldGroup, MultiCodeSelect } from './Field';

type Record_ = Record<string, string>;

const TIME_ZONES: string[] = (() => {
  try {
    return Intl.supportedValuesOf('timeZone');
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
  /** What every control of a column carries: its id, its messages, its value and setter. */
  const at = (column: string) => ({
    id: `entry-${column}`,
    path: column,
    errors: shown(column),
    value: values[column] ?? '',
    onChange: set(column),
  });
  type TextOptions = { hint?: string; placeholder?: string; required?: boolean; list?: string };
  const text = (column: string, labelText: string, { hint, ...input }: TextOptions = {}) => {
    const { value, onChange, ...field } = at(column);
    return (
      <Field {...field} label={labelText} hint={hint}>
        <input id={field.id} value={value} onChange={(e) => onChange(e.target.value)} {...input} />
      </Field>
    );
  };
  const checks = (column: string, legend: string, codes: readonly string[], labelOf: (code: string) => string) => (
    <CheckboxField
      id={`entry-${column}`}
      path={column}
      legend={legend}
      errors={shown(column)}
      name={`entry-${column}`}
      codes={codes}
      selected={list(values[column])}
      onChange={setList(column)}
      labelOf={labelOf}
    />
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
      {checks('roles', 'Roles', DIRECTORY_ROLES, label.role)}
      {checks('competences', 'Handles', COMPETENCES, label.competence)}
      <CodeField {...at('country')} label="Country" codes={countryCodes()} labelOf={countryName} empty="Choose a country" />
      <CodeField
        {...at('posted_in')}
        label="Posted in (liaison officers, magistrates)"
        codes={countryCodes()}
        labelOf={countryName}
        empty="Not posted abroad"
      />
      {text('covers', 'Also covers', { hint: 'Countries as ISO codes, separated by ";", e.g. NER;LBY' })}
      {checks('routes', 'Routes worked on', ROUTE_REGIONS, label.region)}
      {text('networks', 'Networks', { hint: 'Network ids separated by ";", e.g. wacap' })}
      <Field id="entry-languages" path="languages" label="Languages" errors={shown('languages')} hint="Hold Ctrl (⌘) to choose several">
        <MultiCodeSelect
          id="entry-languages"
          size={4}
          value={list(values.languages)}
          onChange={setList('languages')}
          codes={languagesByName()}
          labelOf={languageName}
        />
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
      {text('time_zone', 'Time zone', { hint: 'e.g. Africa/Niamey', list: 'entry-time-zones' })}
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
