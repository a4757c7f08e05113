// The canonical form of each identifier kind, before it is hashed into a pseudonym: two spellings
// of the same thing must map together, two different things apart. Each kind has its own module
// and its own table of examples (*.spec.ts). A value that cannot be read throws IdentifierError.
import type { IdentifierInput } from '../alert.js';
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

export function canonicalIdentifier(id: Pick<IdentifierInput, 'kind' | 'value' | 'qualifier'>): string {
  switch (id.kind) {
    case 'travel_document':
      return canonicalTravelDocument(id.value, id.qualifier);
    case 'person':
      return canonicalPerson(id.value, id.qualifier);
    case 'phone':
      return canonicalPhone(id.value, id.qualifier);
    case 'email':
      return canonicalEmail(id.value);
    case 'social_handle':
      return canonicalHandle(id.value, id.qualifier);
    case 'vehicle_plate':
      return canonicalPlate(id.value, id.qualifier);
    case 'vessel':
      return canonicalVessel(id.value, id.qualifier);
    case 'bank_account':
      return canonicalBankAccount(id.value, id.qualifier);
  }
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
