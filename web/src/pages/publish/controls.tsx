// Small controls the publish form's sections share.
import type { ComponentProps, SelectHTMLAttributes } from 'react';
import { CodeSelect, Field } from '../../components/Field';
import { COUNTRY_OPTIONS } from '../../labels';

export function CountrySelect({
  id,
  value,
  onChange,
  options = COUNTRY_OPTIONS,
  ...aria
}: { id: string; value: string; onChange: (v: string) => void; options?: { code: string; name: string }[] } & Pick<
  SelectHTMLAttributes<HTMLSelectElement>,
  'aria-describedby' | 'aria-invalid'
>) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...aria}>
      <option value="">Choose a country</option>
      {options.map((c) => (
        <option key={c.code} value={c.code}>
          {c.name}
        </option>
      ))}
    </select>
  );
}

/** Removes one row of a list (a waypoint, an identifier); `what` names it for a screen reader, which the eye gets from the row's position. */
export function RemoveRow({ what, onRemove }: { what: string; onRemove: () => void }) {
  return (
    <button type="button" className="link remove" onClick={onRemove}>
      Remove<span className="visually-hidden">{` ${what}`}</span>
    </button>
  );
}

type FieldProps = Omit<ComponentProps<typeof Field>, 'children'>;

/** A field whose control is a select of codes: the form's most common kind. */
export function CodeField({
  value,
  onChange,
  codes,
  labelOf,
  empty,
  ...field
}: FieldProps & Pick<ComponentProps<typeof CodeSelect>, 'value' | 'onChange' | 'codes' | 'labelOf' | 'empty'>) {
  return (
    <Field {...field}>
      <CodeSelect id={field.id} value={value} onChange={onChange} codes={codes} labelOf={labelOf} empty={empty} />
    </Field>
  );
}

/** A field for a count or an amount, never negative: whole numbers unless `inputMode` says decimal. */
export function NumberField({
  value,
  onChange,
  inputMode,
  ...field
}: FieldProps & { value: string; onChange: (v: string) => void; inputMode?: 'decimal' }) {
  return (
    <Field {...field}>
      <input
        id={field.id}
        type="number"
        min="0"
        step={inputMode ? undefined : '1'}
        inputMode={inputMode}
        value={value}
        onChange={(e) => onChange(e.target.value)}
      />
    </Field>
  );
}
