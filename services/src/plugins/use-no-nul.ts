// A NUL character (U+0000) in any text of a request is refused before any resolver runs, at the
// argument it came in (or the field of a JSON input, as the resolvers name it). No Corridor text
// needs one, and PostgreSQL refuses it in text and jsonb: reaching the database, it used to come
// back as "Unexpected error." (issue 11). Resolvers that parse documents check again
// (parseOrThrow, toWireAlert), for callers that do not come through this server.
import { type FieldError, nulByteErrors, ValidationError } from '@corridor/proto';
import { corridorGraphQLError } from '@corridor/proto/graphql';
import { type DocumentNode, Kind, type ValueNode, visit } from 'graphql';
import type { Plugin } from 'graphql-yoga';

function literalHasNul(value: ValueNode): boolean {
  if (value.kind === Kind.STRING) return value.value.includes('\u0000');
  if (value.kind === Kind.LIST) return value.values.some(literalHasNul);
  if (value.kind === Kind.OBJECT) return value.fields.some((f) => f.name.value.includes('\u0000') || literalHasNul(f.value));
  return false;
}

/** What a document says about NULs whatever its variables: errors in its literals, and which argument each variable fills. */
interface DocumentNuls {
  literalErrors: FieldError[];
  argumentOf: Map<string, string>;
}

// Yoga's parser cache hands out the same DocumentNode for the same query text, so a document is
// walked once, not on every request that sends it.
const byDocument = new WeakMap<DocumentNode, DocumentNuls>();

function documentNuls(document: DocumentNode): DocumentNuls {
  const known = byDocument.get(document);
  if (known) return known;
  const found: DocumentNuls = { literalErrors: [], argumentOf: new Map() };
  visit(document, {
    Argument(node) {
      if (node.value.kind === Kind.VARIABLE) found.argumentOf.set(node.value.name.value, node.name.value);
      else if (literalHasNul(node.value)) found.literalErrors.push(...nulByteErrors('\u0000', [node.name.value]));
    },
  });
  byDocument.set(document, found);
  return found;
}

/** Field errors for NUL characters in the operation's literals and variables, by argument name. */
export function nulErrorsOf(document: DocumentNode, variables: Record<string, unknown> | null | undefined): FieldError[] {
  const { literalErrors, argumentOf } = documentNuls(document);
  const errors = [...literalErrors];
  for (const [name, value] of Object.entries(variables ?? {})) {
    // A JSON input is named by its own fields, as its resolver names them; anything else by its argument.
    const inside = typeof value === 'object' && value !== null && !Array.isArray(value);
    errors.push(...nulByteErrors(value, inside ? [] : [argumentOf.get(name) ?? name]));
  }
  return errors;
}

export function useNoNul(): Plugin {
  // The same shape as every other validation error, from the one mapper.
  const refuse = (errors: FieldError[]) => corridorGraphQLError(new ValidationError('request', errors));
  return {
    onExecute({ args, setResultAndStopExecution }) {
      const errors = nulErrorsOf(args.document, args.variableValues as Record<string, unknown> | undefined);
      if (errors.length > 0) setResultAndStopExecution({ errors: [refuse(errors)] });
    },
    onSubscribe({ args, setResultAndStopExecution }) {
      const errors = nulErrorsOf(args.document, args.variableValues as Record<string, unknown> | undefined);
      if (errors.length > 0) setResultAndStopExecution({ errors: [refuse(errors)] });
    },
  };
}
