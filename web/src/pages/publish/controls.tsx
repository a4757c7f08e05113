// Small controls the publish form's sections share.
import type { SelectHTMLAttributes } from 'react';
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

/** Words a screen reader needs but the eye gets from the row's position. */
export const Hidden = ({ children }: { children: string }) => <span className="visually-hidden">{children}</span>;
