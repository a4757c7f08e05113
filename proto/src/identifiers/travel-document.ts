// Travel document: the number as printed (ICAO 9303 allows A–Z and 0–9; the MRZ filler '<' and any
// spacing are not part of it) with the issuing state's ICAO code. No O/0 or I/1 folding: a number
// that differs in one character may be another person's document, and a false hit can harm them.
import { ISSUING_STATE_CODES } from '../codes.js';
import { IdentifierError } from './identifier-error.js';
import { foldAlnum } from './text.js';

const STATES = new Set<string>(ISSUING_STATE_CODES);

export function canonicalTravelDocument(value: string, qualifier: string | undefined): string {
  const number = foldAlnum(value.replace(/</g, ''));
  if (number.length < 5 || number.length > 20)
    throw new IdentifierError('value', 'must be a document number of 5 to 20 letters and digits');
  const state = qualifier ? qualifier.trim().toUpperCase() : '';
  if (!state) throw new IdentifierError('qualifier', 'give the issuing state, as printed on the document (ICAO code, e.g. NGA)');
  if (!STATES.has(state)) throw new IdentifierError('qualifier', 'must be an ICAO 9303 issuing-state code, e.g. NGA, ITA, D');
  return `${state}|${number}`;
}
