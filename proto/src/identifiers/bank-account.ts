// A bank account as an IBAN (checked with ibantools: country format and MOD-97 check digits;
// canonical = the electronic form without spaces), or a money-transfer reference with its
// provider as qualifier (e.g. a hawala or Western Union code: letters and digits, upper case).
import { electronicFormatIBAN, getCountrySpecifications, isValidIBAN } from 'ibantools';
import { IdentifierError } from './identifier-error.js';
import { foldAlnum } from './text.js';

// Built once: ibantools copies every country's entry at each call.
let countrySpecifications: ReturnType<typeof getCountrySpecifications> | undefined;

export function canonicalBankAccount(value: string, qualifier: string | undefined): string {
  const iban = electronicFormatIBAN(value) ?? '';
  // An IBAN starts with the code of a country in the IBAN registry and two check digits.
  countrySpecifications ??= getCountrySpecifications();
  if (/^[A-Z]{2}\d{2}/.test(iban) && countrySpecifications[iban.slice(0, 2)]?.IBANRegistry) {
    if (!isValidIBAN(iban)) throw new IdentifierError('value', 'is not a valid IBAN: its check digits or its length do not hold');
    return `IBAN|${iban}`;
  }
  const provider = qualifier ? foldAlnum(qualifier) : '';
  if (!provider) throw new IdentifierError('qualifier', 'give the provider of a transfer reference (e.g. western_union), or an IBAN');
  const ref = foldAlnum(value);
  if (ref.length < 4) throw new IdentifierError('value', 'must be an IBAN or a transfer reference of at least 4 letters and digits');
  return `REF|${provider}|${ref}`;
}
