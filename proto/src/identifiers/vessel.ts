// A vessel: its IMO number (7 digits whose check digit must hold), its MMSI (9 digits), or, for
// boats with neither (most smuggling boats), its name with the flag state. The form says which,
// so an IMO number never matches an MMSI or a name.
import { COUNTRY_CODES } from '../codes.js';
import { IdentifierError } from './identifier-error.js';
import { foldAlnum } from './text.js';

const COUNTRIES = new Set<string>(COUNTRY_CODES);

/** IMO check: digits 1–6 weighted 7…2, the sum's last digit is digit 7. */
export function imoCheckDigitHolds(digits: string): boolean {
  if (!/^\d{7}$/.test(digits)) return false;
  const sum = [...digits.slice(0, 6)].reduce((s, d, i) => s + Number(d) * (7 - i), 0);
  return sum % 10 === Number(digits[6]);
}

export function canonicalVessel(value: string, qualifier: string | undefined): string {
  const v = value.trim();
  const imo = /^IMO[\s:]*(\d{7})$/i.exec(v) ?? (/^\d{7}$/.test(v) ? [v, v] : null);
  if (imo) {
    if (!imoCheckDigitHolds(imo[1] as string)) throw new IdentifierError('value', 'is not an IMO number: its check digit does not hold');
    return `IMO|${imo[1]}`;
  }
  const mmsi = /^(?:MMSI[\s:]*)?(\d{9})$/i.exec(v);
  if (mmsi) return `MMSI|${mmsi[1]}`;
  const flag = qualifier?.trim().toUpperCase() ?? '';
  if (!COUNTRIES.has(flag))
    throw new IdentifierError('qualifier', 'give the flag state for a vessel known by name (e.g. LBY), or its IMO or MMSI number');
  const name = foldAlnum(v);
  if (name.length < 2) throw new IdentifierError('value', 'must be an IMO number, an MMSI or the vessel’s name');
  return `NAME|${flag}|${name}`;
}
