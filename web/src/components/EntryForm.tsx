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
import { useT } from '../i18n/I18nProvider';
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
  const t = useT();
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
    <form className="entry-form" aria-label={entry ? t('entry.edit', { name: entry.name }) : t('entry.new')} onSubmit={submit} noValidate>
      <FieldGroup id="entry-kind" path="kind" legend={t('entry.personOrDesk')} errors={shown('kind')}>
        {(['person', 'desk'] as const).map((k) => (
          <label key={k} htmlFor={`entry-kind-${k}`}>
            <input id={`entry-kind-${k}`} type="radio" name="entry-kind" checked={values.kind === k} onChange={() => set('kind')(k)} />
            {k === 'person' ? t('entry.aPerson') : t('entry.aDesk')}
          </label>
        ))}
      </FieldGroup>
      {text('name', t('entry.name'), { required: true })}
      {text('title', t('entry.title'), { placeholder: t('entry.titlePlaceholder') })}
      {checks('roles', t('contact.roles'), DIRECTORY_ROLES, label.role)}
      {checks('competences', t('directory.handles'), COMPETENCES, label.competence)}
      <CodeField
        {...at('country')}
        label={t('directory.country')}
        codes={countryCodes()}
        labelOf={countryName}
        empty={t('publish.chooseCountry')}
      />
      <CodeField
        {...at('posted_in')}
        label={t('entry.postedIn')}
        codes={countryCodes()}
        labelOf={countryName}
        empty={t('entry.notPosted')}
      />
      {text('covers', t('entry.covers'), { hint: t('entry.coversHint') })}
      {checks('routes', t('entry.routes'), ROUTE_REGIONS, label.region)}
      {text('networks', t('contact.networks'), { hint: t('entry.networksHint') })}
      <Field id="entry-languages" path="languages" label={t('entry.languages')} errors={shown('languages')} hint={t('entry.languagesHint')}>
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
          {t('entry.always')}
        </label>
      </div>
      {text('time_zone', t('entry.timeZone'), { hint: t('entry.timeZoneHint'), list: 'entry-time-zones' })}
      <datalist id="entry-time-zones">
        {TIME_ZONES.map((tz) => (
          <option key={tz} value={tz} />
        ))}
      </datalist>
      {text('hours', t('contact.hours'), { hint: t('entry.hoursHint') })}
      {text('absences', t('entry.away'), { hint: t('entry.awayHint') })}
      {text('phone', label.channel('phone'), { hint: t('entry.phoneHint') })}
      {text('email', label.channel('email'))}
      {text('secure_messaging', label.channel('secure_messaging'))}
      {text('fax', label.channel('fax'))}
      <Field id="entry-notes" path="notes" label={t('entry.notes')} errors={shown('notes')}>
        <textarea id="entry-notes" rows={3} value={values.notes ?? ''} onChange={(e) => set('notes')(e.target.value)} />
      </Field>
      <div className="actions">
        <button type="submit" disabled={busy} data-testid="entry-save">
          {entry ? t('entry.saveVerified') : t('entry.create')}
        </button>
        <button type="button" className="link" onClick={onCancel}>
          {t('actions.cancel')}
        </button>
      </div>
    </form>
  );
}
