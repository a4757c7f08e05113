// A person: names with the date of birth. Any script is written in Latin letters (any-ascii), case
// and diacritics go (Müller → MULLER), hyphens split names (Jean-Pierre = Jean Pierre), apostrophes
// join them (O'Brien = OBRIEN), and the order of the names does not matter (registers put the
// surname first or last). Not folded: transliteration conventions (Mueller ≠ Muller, ICAO's
// DMITRII ≠ DMITRIY) and phonetic likeness: each would add false hits on common names.
import { IdentifierError } from './identifier-error.js';
import { foldAlnum } from './text.js';

const DATE_FORMS: [RegExp, (m: RegExpExecArray) => [string, string, string]][] = [
  [/^(\d{4})-(\d{1,2})-(\d{1,2})$/, (m) => [m[1] as string, m[2] as string, m[3] as string]],
  [/^(\d{4})(\d{2})(\d{2})$/, (m) => [m[1] as string, m[2] as string, m[3] as string]],
  // Day first, as on most documents and forms along the routes (not the US month-first order).
  [/^(\d{1,2})[./-](\d{1,2})[./-](\d{4})$/, (m) => [m[3] as string, m[2] as string, m[1] as string]],
];

/** A date of birth in the forms officers type, as YYYY-MM-DD; an impossible or future date is refused. */
export function canonicalDateOfBirth(text: string): string {
  const t = text.trim();
  for (const [re, parts] of DATE_FORMS) {
    const m = re.exec(t);
    if (!m) continue;
    const [y, mo, d] = parts(m).map(Number) as [number, number, number];
    const date = new Date(Date.UTC(y, mo - 1, d));
    if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d)
      throw new IdentifierError('qualifier', 'is not a date that exists');
    if (date.getTime() > Date.now() || y < 1900) throw new IdentifierError('qualifier', 'must be a date of birth between 1900 and today');
    return date.toISOString().slice(0, 10);
  }
  throw new IdentifierError('qualifier', 'must be a date of birth, e.g. 1994-03-12 or 12/03/1994');
}

export function canonicalPerson(value: string, qualifier: string | undefined): string {
  const names = value
    .replace(/['’`]/g, '')
    .split(/[\s,\-–]+/)
    .map(foldAlnum)
    .filter(Boolean)
    .sort();
  if (names.length < 2) throw new IdentifierError('value', 'give at least a given name and a family name');
  return `${names.join(' ')}|${qualifier ? canonicalDateOfBirth(qualifier) : ''}`;
}
