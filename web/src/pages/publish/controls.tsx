// Small controls the publish form's sections share.
import type { ComponentProps } from 'react';
import { Field } from '../../components/Field';

/** Removes one row of a list (a waypoint, an identifier); `what` names it for a screen reader, which the eye gets from the row's position. */
export function RemoveRow({ what, onRemove }: { what: string; onRemove: () => void }) {
  return (
    <button type="button" className="link remove" onClick={onRemove}>
      Remove<span className="visually-hidden">{` ${what}`}</span>
    </button>
  );
}

type FieldProps = Omit<ComponentProps<typeof Field>, 'children'>;

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
