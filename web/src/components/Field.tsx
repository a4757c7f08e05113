// A labelled form field with its messages underneath.
import type { ReactNode } from 'react';

export function Field({
  id,
  label,
  errors,
  hint,
  children,
}: {
  id: string;
  label: string;
  errors?: string[] | undefined;
  hint?: string;
  children: ReactNode;
}) {
  return (
    <div className={`field ${errors?.length ? 'field-invalid' : ''}`}>
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && <small className="hint">{hint}</small>}
      {errors?.map((m) => (
        <div key={m} className="field-error" data-testid="field-error" data-field={id} role="alert">
          {m}
        </div>
      ))}
    </div>
  );
}

export function CodeSelect({
  id,
  value,
  onChange,
  codes,
  labelOf,
  empty,
}: {
  id: string;
  value: string;
  onChange: (v: string) => void;
  codes: readonly string[];
  labelOf: (code: string) => string;
  empty?: string;
}) {
  return (
    <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
      {empty !== undefined && <option value="">{empty}</option>}
      {codes.map((c) => (
        <option key={c} value={c}>
          {labelOf(c)}
        </option>
      ))}
    </select>
  );
}
