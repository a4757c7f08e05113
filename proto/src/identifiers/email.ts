// An e-mail address: trimmed, lower case. Not folded: Gmail's ignored dots and +tags (other
// providers treat them as different mailboxes, and smugglers' addresses are on every provider).
import { IdentifierError } from './identifier-error.js';

export function canonicalEmail(value: string): string {
  const v = value.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v)) throw new IdentifierError('value', 'is not an e-mail address');
  return v;
}
