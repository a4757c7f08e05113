// A directory entry's phone and fax numbers, kept in E.164 (+390646861) so that every console can
// offer "tap to call" as a `tel:` URI and show the number in its reader's own format. Read with
// libphonenumber-js (Google's numbering-plan data): a national form (06 4686 1) is read in the
// entry's country, `00` stands for `+`, and spaces, dots, dashes and brackets do not matter.
//
// A number is accepted when libphonenumber-js finds it possible (right country code, right length
// for that country): "valid" would also check the operator ranges, which refuses real numbers of
// new ranges until the data catches up, and a directory must not refuse a desk's working number.
import { parsePhoneNumberFromString } from 'libphonenumber-js/max';
import type { CountryCode } from './codes.js';
import { ALPHA2 } from './identifiers/country-alpha2.js';

export type DirectoryPhoneReading = { e164: string; extension?: string } | { error: string };

/**
 * What a spreadsheet writes for a long number in a cell formatted as "General": `2.34100000199E+11`
 * (or `2,341E+11` where the decimal sign is a comma). The digits past the precision are lost, so no
 * number can be read back from it.
 */
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?\s*[eE]\s*[+-]?\d+$/;

export const SCIENTIFIC_NOTATION_MESSAGE =
  'is a number in scientific notation, as a spreadsheet writes a long number it took for an amount: the last digits are lost. Format the column as text and type the number again with its country code, e.g. +39 06 4686 1';

/** Reads a number as written by an administrator (or a spreadsheet); `country` qualifies a national form. */
export function readDirectoryPhone(value: string, country?: CountryCode | string): DirectoryPhoneReading {
  const text = value.trim();
  if (SCIENTIFIC.test(text)) return { error: SCIENTIFIC_NOTATION_MESSAGE };
  const international = text.replace(/^00/, '+');
  const region = country ? ALPHA2[country as CountryCode] : undefined;
  const parsed = parsePhoneNumberFromString(international, region as never);
  if (!parsed) {
    return {
      error: international.startsWith('+')
        ? 'is not a phone number: write its country code and number, e.g. +39 06 4686 1'
        : 'is not a phone number of the entry’s country: write it with its country code, e.g. +39 06 4686 1',
    };
  }
  if (!parsed.isPossible()) return { error: `is not a possible phone number for its country code +${parsed.countryCallingCode}` };
  // A spreadsheet that took "+390646861" for a number saves 390646861: read in the country it would
  // become +39 390646861, a wrong number that looks right. Such a number is refused, not guessed.
  if (!international.startsWith('+')) {
    const lostPlus = parsePhoneNumberFromString(`+${international.replace(/\D/g, '')}`);
    if (lostPlus?.isPossible() && lostPlus.countryCallingCode === parsed.countryCallingCode) {
      return { error: `may have lost its "+" in a spreadsheet: write it with its country code, e.g. ${lostPlus.number}` };
    }
  }
  return parsed.ext ? { e164: parsed.number, extension: parsed.ext } : { e164: parsed.number };
}

/** Whether a value is already a number in E.164 as the directory stores it. */
export function isDirectoryE164(value: string): boolean {
  if (!/^\+[1-9]\d{5,14}$/.test(value)) return false;
  const reading = readDirectoryPhone(value);
  return 'e164' in reading && reading.e164 === value && reading.extension === undefined;
}

/** The channel types whose values are telephone numbers. */
export const isTelephoneChannel = (type: string): boolean => type === 'phone' || type === 'fax';
