// Labelled form fields with their messages right underneath. `path` is where the field sits in
// proto's AlertInput (e.g. route.waypoints.1.country): the messages are looked up by it, and
// tests find them by it (data-field).
import { type ComponentProps, cloneElement, isValidElement, type ReactNode, type SelectHTMLAttributes } from 'react';

function Messages({ id, path, errors }: { id: string; path: string; errors: string[] | undefined }) {
  return (
    <>
      {errors?.length ? (
        <div id={`${id}-error`}>
          {errors.map((m) => (
            <div key={m} className="field-error" data-testid="field-error" data-field={path} role="alert">
              {m}
            </div>
          ))}
        </div>
      ) : null}
    </>
  );
}

/** Ties the control to its hint and messages, so a screen reader reads them with the field. */
function describe(control: ReactNode, id: string, hasHint: boolean, invalid: boolean): ReactNode {
  if (!isValidElement<{ 'aria-describedby'?: string; 'aria-invalid'?: boolean }>(control)) return control;
  const describedBy = [hasHint && `${id}-hint`, invalid && `${id}-error`].filter(Boolean).join(' ');
  return cloneElement(control, { 'aria-describedby': describedBy || undefined, 'aria-invalid': invalid || undefined });
}

/** One control with its label. The control itself is passed as children and must carry `id`. */
export function Field({
  id,
  path = id,
  label,
  errors,
  hint,
  offer,
  children,
}: {
  id: string;
  path?: string;
  label: string;
  errors?: string[] | undefined;
  hint?: ReactNode;
  /** What the console can do about the messages for the officer (e.g. move a value into the identifiers), shown under them. */
  offer?: ReactNode;
  children: ReactNode;
}) {
  return (
    <div className={`field ${errors?.length ? 'field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {describe(children, id, Boolean(hint), Boolean(errors?.length))}
      {hint && (
        <small className="hint" id={`${id}-hint`}>
          {hint}
        </small>
      )}
      <Messages id={id} path={path} errors={errors} />
      {offer}
    </div>
  );
}

/** A group of controls (checkboxes, rows) under one legend, with the group's own messages. */
export function FieldGroup({
  id,
  path = id,
  legend,
  errors,
  hint,
  children,
}: {
  id: string;
  path?: string;
  legend: string;
  errors?: string[] | undefined;
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    <fieldset className={`group ${errors?.length ? 'field-invalid' : ''}`} id={id}>
      <legend>{legend}</legend>
      {hint && <small className="hint">{hint}</small>}
      <Messages id={id} path={path} errors={errors} />
      {children}
    </fieldset>
  );
}

export type CodeList = { codes: readonly string[]; labelOf: (code: string) => string };
type Described = Pick<SelectHTMLAttributes<HTMLSelectElement>, 'aria-describedby' | 'aria-invalid'>;

function CodeOptions({ codes, labelOf }: CodeList) {
  return (
    <>
      {codes.map((c) => (
        <option key={c} value={c}>
          {labelOf(c)}
        </option>
      ))}
    </>
  );
}

/** A select of codes, each shown by its words. */
export function CodeSelect({
  id,
  value,
  onChange,
  codes,
  labelOf,
  empty,
  ...aria
}: { id: string; value: string; onChange: (v: string) => void; empty?: string } & CodeList & Described) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)} {...aria}>
      {empty !== undefined && <option value="">{empty}</option>}
      <CodeOptions codes={codes} labelOf={labelOf} />
    </select>
  );
}

/** A select of several codes at once (Ctrl or ⌘ adds one), `size` of them in view. */
export function MultiCodeSelect({
  id,
  size,
  value,
  onChange,
  codes,
  labelOf,
  ...aria
}: { id: string; size: number; value: readonly string[]; onChange: (v: string[]) => void } & CodeList & Described) {
  return (
    <select
      id={id}
      multiple
      size={size}
      value={[...value]}
      onChange={(e) => onChange([...e.target.selectedOptions].map((o) => o.value))}
      {...aria}
    >
      <CodeOptions codes={codes} labelOf={labelOf} />
    </select>
  );
}

type FieldProps = Omit<ComponentProps<typeof Field>, 'children'>;

/** A field whose control is a select of codes: the console's most common kind. */
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

/** Checkboxes for a list of codes; each has its own label. */
export function Checkboxes({
  name,
  codes,
  selected,
  onChange,
  labelOf,
}: {
  name: string;
  codes: readonly string[];
  selected: readonly string[];
  onChange: (v: string[]) => void;
  labelOf: (c: string) => string;
}) {
  return (
    <div className="checkboxes">
      {codes.map((c) => (
        <label key={c} htmlFor={`${name}-${c}`}>
          <input
            id={`${name}-${c}`}
            type="checkbox"
            checked={selected.includes(c)}
            onChange={(e) => onChange(e.target.checked ? [...selected, c] : selected.filter((x) => x !== c))}
          />
          {labelOf(c)}
        </label>
      ))}
    </div>
  );
}

/** Checkboxes for a list of codes under one legend, with the group's messages. */
export function CheckboxField({
  name,
  codes,
  selected,
  onChange,
  labelOf,
  ...group
}: Omit<ComponentProps<typeof FieldGroup>, 'children'> & ComponentProps<typeof Checkboxes>) {
  return (
    <FieldGroup {...group}>
      <Checkboxes name={name} codes={codes} selected={selected} onChange={onChange} labelOf={labelOf} />
    </FieldGroup>
  );
}
