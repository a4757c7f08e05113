// The canonical form of each identifier kind, before it is hashed into a pseudonym: two spellings
// of the same thing must map together, two different things apart. Each kind has its own module
// and its own table of examples (*.spec.ts). A value that cannot be read throws IdentifierError.
import type { IdentifierInput } from '../alert.js';
import type { IdentifierKind } from '../codes.js';
import type { FieldError } from '../errors.js';
import { canonicalBankAccount } from './bank-account.js';
import { canonicalEmail } from './email.js';
import { IdentifierError } from './identifier-error.js';
import { canonicalPerson } from './person.js';
import { canonicalPhone } from './phone.js';
import { canonicalHandle } from './social-handle.js';
import { canonicalTravelDocument } from './travel-document.js';
import { canonicalPlate } from './vehicle-plate.js';
import { canonicalVessel } from './vessel.js';

export { IdentifierError };

/** Each kind's reader: the value, and the qualifier (issuing state, date of birth, country…) where it takes one. */
const CANONICAL_FORMS: Record<IdentifierKind, (value: string, qualifier: string | undefined) => string> = {
  travel_document: canonicalTravelDocument,
  person: canonicalPerson,
  phone: canonicalPhone,
  email: canonicalEmail,
  social_handle: canonicalHandle,
  vehicle_plate: canonicalPlate,
  vessel: canonicalVessel,
  bank_account: canonicalBankAccount,
};

export function canonicalIdentifier(id: Pick<IdentifierInput, 'kind' | 'value' | 'qualifier'>): string {
  return CANONICAL_FORMS[id.kind](id.value, id.qualifier);
}

/** Field errors for identifiers that cannot be read as their kind, at `identifiers.<i>.value|qualifier`. */
export function identifierErrors(identifiers: readonly Pick<IdentifierInput, 'kind' | 'value' | 'qualifier'>[]): FieldError[] {
  const errors: FieldError[] = [];
  identifiers.forEach((id, i) => {
    try {
      canonicalIdentifier(id);
    } catch (e) {
      if (!(e instanceof IdentifierError)) throw e;
      errors.push({ path: `identifiers.${i}.${e.field}`, rule: 'identifier', message: e.message });
    }
  });
  return errors;
}
