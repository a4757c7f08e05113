// A directory entry's phone and fax numbers, kept in E.164 (+390646861) so that every console can
// offer "tap to call" as a `tel:` URI and show the number in its reader's own format. Read with
// libphonenumber-js (Google's numbering-plan data): a national form (06 4686 1) is read in the
// entry's country, `00` stands for `+`, and spaces, dots, dashes and brackets do not matter.
//
// A number is accepted when libphonenumber-js finds it valid: its country code, its length and its
// leading digits are those of a range the country has allocated (the "max" metadata). "Possible"
// (length alone) let +227 20 00 01 02 in, a number no Niger telephone answers; a directory read in
// a hurry must hold numbers that ring. The cost: a number of a range opened after the metadata is
// refused until libphonenumber-js is updated, so the message shows an example number to compare.
import { getExampleNumber, parsePhoneNumberFromString } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/mobile/examples';
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
  if (!parsed.isValid()) return { error: invalidMessage(parsed.countryCallingCode, parsed.country) };
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

/** A number of the right length in no allocated range: what a number of its country looks like. */
function invalidMessage(callingCode: string, country: string | undefined): string {
  const example = country ? getExampleNumber(country as never, examples)?.formatInternational() : undefined;
  const like = example ? ` (a valid one looks like ${example})` : '';
  return `is not a valid phone number for its country code +${callingCode}: no number there begins with these digits${like}`;
}

/** Whether a value is already a number in E.164 as the directory stores it. */
export function isDirectoryE164(value: string): boolean {
  if (!/^\+[1-9]\d{5,14}$/.test(value)) return false;
  const reading = readDirectoryPhone(value);
  return 'e164' in reading && reading.e164 === value && reading.extension === undefined;
}

/** The channel types whose values are telephone numbers. */
export const isTelephoneChannel = (type: string): boolean => type === 'phone' || type === 'fax';
