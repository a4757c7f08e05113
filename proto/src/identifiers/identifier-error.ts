// A value a canonicaliser cannot read: which part of the identifier, and why, in plain words.
// The alert schema turns it into a field error (identifiers.<i>.value or .qualifier).
export class IdentifierError extends Error {
  constructor(
    readonly field: 'value' | 'qualifier',
    message: string,
  ) {
    super(message);
    this.name = 'IdentifierError';
  }
}
