// The free-text check of a whole document (an alert input, an amendment, a consultation message
// or request): every string in it outside the identifiers section is read with
// findIdentifiersInText, and each field that holds something is refused with one field error.
// The error says where and of which kind (so the console can offer to move it), never the value.
import type { IdentifierInput } from '../alert.js';
import type { FieldError } from '../errors.js';
import { describeFinding, type FreeTextContext, findIdentifiersInText, type TextFinding } from './free-text.js';

const IDENTIFIER_IN_TEXT = 'identifier_in_text';

/** Keys whose strings are not free text: the identifiers themselves, and agency ids. */
const NOT_FREE_TEXT = new Set(['identifiers', 'recipients']);

/**
 * A value that is wholly a date or a date and time (validUntil, a window, a deadline) is not free
 * text: its run of digits read as a document number once 9999-12-31 reached the check.
 */
const DATE_OR_DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

function* strings(value: unknown, path: string[]): Generator<[string[], string]> {
  if (typeof value === 'string') {
    if (!DATE_OR_DATE_TIME.test(value)) yield [path, value];
  } else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, String(i)]);
  else if (typeof value === 'object' && value !== null)
    for (const [k, v] of Object.entries(value)) if (!NOT_FREE_TEXT.has(k)) yield* strings(v, [...path, k]);
}

function messageFor(found: TextFinding[]): string {
  const what = [...new Set(found.map(describeFinding))].join(', ');
  const declaredOnly = found.every((f) => f.declared !== undefined);
  return declaredOnly
    ? `${what}: remove it from the text; it is already in the identifiers section, where it is pseudonymized`
    : `${what}: move it into the identifiers section, where it is pseudonymized; free text travels to partners as written`;
}

/** Field errors (rule `identifier_in_text`, with what was found where) for every free-text field of `document` that carries an identifier. */
export function freeTextErrors(
  document: unknown,
  context: { declared?: readonly Pick<IdentifierInput, 'kind' | 'value' | 'qualifier'>[]; countries?: readonly string[] } = {},
): FieldError[] {
  const ctx: FreeTextContext = context;
  const errors: FieldError[] = [];
  for (const [path, text] of strings(document, [])) {
    const found = findIdentifiersInText(text, ctx);
    if (found.length > 0) errors.push({ path: path.join('.'), rule: IDENTIFIER_IN_TEXT, message: messageFor(found), found });
  }
  return errors;
}
