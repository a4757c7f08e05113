// A directory number as its reader expects to see it: in the national form of the reader's own
// country ("0922 483111" for a reader in Italy), in the international form otherwise
// ("+227 20 72 34 56"). Uses libphonenumber-js's smallest metadata ("min"), which formats as well
// as the full one; consoles load this module only when a number is shown.
import { parsePhoneNumberFromString } from 'libphonenumber-js/min';
import type { CountryCode } from './codes.js';
import { ALPHA2 } from './identifiers/country-alpha2.js';

/** `value` (E.164, or free text written before the directory kept E.164) for a reader in `readerCountry` (alpha-3). */
export function phoneForReader(value: string, readerCountry?: string): string {
  if (!value.startsWith('+')) return value;
  const parsed = parsePhoneNumberFromString(value);
  if (!parsed) return value;
  const home = readerCountry ? ALPHA2[readerCountry as CountryCode] : undefined;
  return home !== undefined && parsed.country === home ? parsed.formatNational() : parsed.formatInternational();
}
