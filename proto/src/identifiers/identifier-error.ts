// A value a canonicaliser cannot read: which part of the identifier, and why, in plain words.
// The alert schema turns it into a field error (identifiers.<i>.value or .qualifier).
import { CorridorError } from '../errors.js';

export class IdentifierError extends CorridorError {
  readonly code = 'IDENTIFIER_UNREADABLE' as const;
  constructor(
    readonly field: 'value' | 'qualifier',
    message: string,
  ) {
    super(message);
    this.name = 'IdentifierError';
  }
}
