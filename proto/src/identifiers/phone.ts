// A phone number in E.164 (+2348035550147), read with libphonenumber-js (Google's numbering-plan
// data, kept current): national forms need the country as qualifier; 00 and + prefixes, spaces,
// dashes and brackets do not matter. What it cannot read as a possible number is refused.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode as Alpha3 } from '../codes.js';
import { ALPHA2 } from './country-alpha2.js';
import { IdentifierError } from './identifier-error.js';

export function canonicalPhone(value: string, qualifier: string | undefined): string {
  const region = qualifier ? ALPHA2[qualifier.trim().toUpperCase() as Alpha3] : undefined;
  if (qualifier && !region) throw new IdentifierError('qualifier', 'must be the country of the number (ISO 3166 alpha-3, e.g. NGA)');
  const text = value.trim().replace(/^00/, '+');
  const parsed = parsePhoneNumberFromString(text, region as never);
  if (!parsed) {
    throw new IdentifierError(
      'value',
      text.startsWith('+') ? 'is not a phone number' : 'give the number with its country code (+234…), or its country as qualifier',
    );
  }
  if (!parsed.isPossible()) throw new IdentifierError('value', 'is not a possible phone number for its country');
  return parsed.number;
}
