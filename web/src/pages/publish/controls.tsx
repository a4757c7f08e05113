// Small controls the publish form's sections share.
import type { ComponentProps, InputHTMLAttributes, ReactNode } from 'react';
import { Field } from '../../components/Field';
import { useT } from '../../i18n/I18nProvider';

/** Removes one row of a list (a waypoint, an identifier); `what` names it for a screen reader, which the eye gets from the row's position. */
export function RemoveRow({ what, onRemove }: { what: string; onRemove: () => void }) {
  const t = useT();
  return (
    <button type="button" className="link remove" onClick={onRemove}>
      {t('rows.remove')}
      <span className="visually-hidden">{` ${what}`}</span>
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

type InputProps = Pick<InputHTMLAttributes<HTMLInputElement>, 'type' | 'className' | 'maxLength' | 'placeholder' | 'aria-label'>;

/** A field of text the officer types; `upperCase` for codes typed by hand (a currency, a flight). */
export function TextField({
  value,
  onChange,
  upperCase,
  type,
  className,
  maxLength,
  placeholder,
  'aria-label': ariaLabel,
  ...field
}: FieldProps & InputProps & { value: string; onChange: (v: string) => void; upperCase?: boolean }) {
  return (
    <Field {...field}>
      <input
        id={field.id}
        type={type}
        className={className}
        aria-label={ariaLabel}
        value={value}
        maxLength={maxLength}
        placeholder={placeholder}
        onChange={(e) => onChange(upperCase ? e.target.value.toUpperCase() : e.target.value)}
      />
    </Field>
  );
}

/** The rows of a list the officer adds to and takes from (waypoints, identifiers), in order. */
export function EditableRows<Row>({
  rows,
  onChange,
  what,
  blank,
  removable,
  children,
}: {
  rows: Row[];
  onChange: (rows: Row[]) => void;
  /** Names the rows, for the buttons: "+ Add waypoint", and "Remove waypoint 2" for a screen reader. */
  what: { add: string; row: (n: number) => string };
  blank: () => Row;
  removable: boolean;
  children: (row: Row, i: number, setRow: (patch: Partial<Row>) => void) => ReactNode;
}) {
  const setRow = (i: number) => (patch: Partial<Row>) => onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <>
      <ol className="rows">
        {rows.map((row, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows have no identity but their position
          <li className="row" key={i}>
            {children(row, i, setRow(i))}
            {removable && <RemoveRow what={what.row(i + 1)} onRemove={() => onChange(rows.filter((_, j) => j !== i))} />}
          </li>
        ))}
      </ol>
      <button type="button" className="secondary" onClick={() => onChange([...rows, blank()])}>
        + {what.add}
      </button>
    </>
  );
}
