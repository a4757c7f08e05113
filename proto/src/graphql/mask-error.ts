// The one error mapper of every Corridor server (node and gateway), in the place yoga's
// mask-error.ts has it: a refusal the code meant (a CorridorError, or a GraphQLError thrown on
// purpose) goes out with its code; anything else is a defect, logged here and answered with
// yoga's "Unexpected error." so that no internal message reaches another agency.
import type { GraphQLError } from 'graphql';
import { createGraphQLError, type MaskError } from 'graphql-yoga';
import { CorridorError } from '../errors.js';

/** Told of each defect; never given more than the error's message and, for a CorridorError, its code. */
export type DefectLog = (message: string, fields: Record<string, unknown>) => void;

/**
 * By its tag, not `instanceof`: graphql is published as CommonJS and ESM, and an error raised
 * through one copy (a library's) is still a GraphQLError to a server holding the other.
 */
function isGraphQLError(error: unknown): error is GraphQLError {
  return Object.prototype.toString.call(error) === '[object GraphQLError]';
}

/** Where in the document an error was raised, kept on the error that replaces it. */
function whereOf(error: GraphQLError | undefined) {
  return error ? { nodes: error.nodes, source: error.source, positions: error.positions, path: error.path } : {};
}

/** The GraphQL error a CorridorError goes out as, where the original was raised in the document. */
export function corridorGraphQLError(error: CorridorError, at?: GraphQLError): GraphQLError {
  return createGraphQLError(error.message, { ...whereOf(at), originalError: error, extensions: { code: error.code, ...error.details } });
}

export function createMaskError(logDefect: DefectLog): MaskError {
  return (error, message) => {
    const located = isGraphQLError(error) ? error : undefined;
    const original = located ? located.originalError : error;
    if (located && (!original || isGraphQLError(original))) return located;
    if (original instanceof CorridorError && original.toCaller) return corridorGraphQLError(original, located);
    logDefect('unexpected error', {
      error: original instanceof Error ? original.message : String(original),
      ...(original instanceof CorridorError ? { code: original.code } : {}),
    });
    return createGraphQLError(message, whereOf(located));
  };
}
