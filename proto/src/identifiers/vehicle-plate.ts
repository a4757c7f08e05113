// A vehicle plate with the country that issued it: letters and digits only, upper case, any
// script in Latin letters (Arabic-script plates are written as their Latin reading).
import { COUNTRY_CODES } from '../codes.js';
import { IdentifierError } from './identifier-error.js';
import { foldAlnum } from './text.js';

const COUNTRIES = new Set<string>(COUNTRY_CODES);

export function canonicalPlate(value: string, qualifier: string | undefined): string {
  const country = qualifier?.trim().toUpperCase() ?? '';
  if (!COUNTRIES.has(country)) throw new IdentifierError('qualifier', 'give the country of the plate (ISO 3166 alpha-3, e.g. NER)');
  const plate = foldAlnum(value);
  if (plate.length < 2 || plate.length > 12) throw new IdentifierError('value', 'must be a plate of 2 to 12 letters and digits');
  return `${country}|${plate}`;
}
