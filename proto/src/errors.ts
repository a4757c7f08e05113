// Typed errors of the contract. A validation error names the field and the rule in words an
// officer understands, so a console can put it next to the field and a node can log it.
import type { z } from 'zod';
import type { IdentifierKind } from './codes.js';

export interface FieldError {
  /** Dotted path of the field, e.g. `route.waypoints.1.country`; empty for the whole document. */
  path: string;
  /** Machine-readable rule that failed (zod's issue code, or a Corridor rule name). */
  rule: string;
  /** What is wrong, in plain words. */
  message: string;
  /**
   * For an identifier found in free text (rule `identifier_in_text`): where in the field's
   * trimmed text, of which kind, and which declared identifier it repeats, if any. Positions,
   * never the value, so the error can be logged; the caller's own console uses them to offer
   * moving the value into the identifiers section.
   */
  found?: { kind: IdentifierKind; start: number; end: number; declared?: number }[];
}

/**
 * The one base of Corridor's errors: a code a console or an operator can switch on, and a message
 * written for the person who reads it. Whether a caller sees it is decided in one place
 * (graphql/mask-error.ts), by `toCaller`: anything thrown that is not a CorridorError is a defect.
 */
export abstract class CorridorError extends Error {
  abstract readonly code: string;
  /**
   * Sent to the GraphQL caller as it is (code, message, `details`). False for what is the
   * operator's to fix (configuration, migrations, membership, keys): the caller cannot act on it
   * and its message may name files or addresses of the node, so it is logged and masked.
   */
  readonly toCaller: boolean = true;
  /** What goes out besides code and message, as GraphQL extensions: never a raw identifier. */
  get details(): Record<string, unknown> {
    return {};
  }
}

/**
 * What is the operator's to fix (configuration, migrations, membership, keys, a node that cannot
 * be reached): logged with its message, which may name files or addresses, and masked for the caller.
 */
export abstract class OperatorError extends CorridorError {
  override readonly toCaller = false;
}

export class ValidationError extends CorridorError {
  readonly code = 'VALIDATION_FAILED' as const;
  constructor(
    readonly what: string,
    readonly fieldErrors: FieldError[],
  ) {
    super(`${what} is not valid: ${fieldErrors.map((e) => (e.path ? `${e.path}: ${e.message}` : e.message)).join('; ')}`);
    this.name = 'ValidationError';
  }
  override get details() {
    return { fieldErrors: this.fieldErrors };
  }
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? 'is required' : `must be ${article(issue.expected)}`;
    case 'too_small':
      if (issue.origin === 'string') return issue.minimum === 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
      if (issue.origin === 'array' || issue.origin === 'set')
        return `must have at least ${issue.minimum} item${issue.minimum === 1 ? '' : 's'}`;
      return `must be at least ${issue.minimum}`;
    case 'too_big':
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      if (issue.origin === 'array' || issue.origin === 'set') return `must have at most ${issue.maximum} items`;
      return `must be at most ${issue.maximum}`;
    case 'invalid_value':
      return issue.values.length <= 8 ? `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}` : 'is not a known code';
    case 'invalid_format':
      if (issue.format === 'regex') return issue.message;
      if (issue.format === 'datetime') return 'must be a date and time in ISO 8601 form, e.g. 2026-11-24T21:30:00Z';
      if (issue.format === 'date') return 'must be a date in ISO 8601 form, e.g. 2026-11-24';
      return `must be a valid ${issue.format}`;
    case 'unrecognized_keys':
      return `has unknown field${issue.keys.length === 1 ? '' : 's'} ${issue.keys.join(', ')}`;
    default:
      return issue.message;
  }
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** Turns zod's issues into field errors. Custom messages set in a schema win over the generic text. */
export function fieldErrorsOf(error: z.ZodError): FieldError[] {
  return error.issues.map((issue) => {
    const generic =
      issue.message === undefined ||
      issue.message.startsWith('Invalid') ||
      issue.message.startsWith('Too ') ||
      issue.message.startsWith('Unrecognized');
    return {
      path: issue.path.map(String).join('.'),
      rule: issue.code,
      message: generic ? describe(issue) : issue.message,
    };
  });
}

const NUL_BYTE = 'nul_byte';

/**
 * A field error for every string (value or key) holding U+0000. No schema needs one, PostgreSQL
 * refuses it in text and jsonb, and a store that fails on it answers "Unexpected error."; so it is
 * refused first, at the field, for every document a node accepts.
 */
export function nulByteErrors(input: unknown, path: string[] = []): FieldError[] {
  const here = (p: string[]) => ({ path: p.join('.'), rule: NUL_BYTE, message: 'must not contain a NUL character (U+0000)' });
  if (typeof input === 'string') return input.includes('\u0000') ? [here(path)] : [];
  if (Array.isArray(input)) return input.flatMap((v, i) => nulByteErrors(v, [...path, String(i)]));
  if (typeof input !== 'object' || input === null) return [];
  return Object.entries(input).flatMap(([k, v]) =>
    k.includes('\u0000') ? [here([...path, k.replaceAll('\u0000', '\\0')])] : nulByteErrors(v, [...path, k]),
  );
}

/** Parses with a schema and throws a ValidationError naming every failing field. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown, what: string): z.output<S> {
  const nul = nulByteErrors(input);
  if (nul.length > 0) throw new ValidationError(what, nul);
  const result = schema.safeParse(input);
  if (!result.success) throw new ValidationError(what, fieldErrorsOf(result.error));
  return result.data;
}
