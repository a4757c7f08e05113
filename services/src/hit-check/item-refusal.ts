// A batched request (hit-check/batch-schema.ts) answers each of its items on its own: an item
// refused (rate limit, bad identifier, token) carries its refusal in the answer, where a request of
// its own would have carried it as a GraphQL error, with the same code, message and details. A
// defect is logged and answered as yoga masks it, so no internal message reaches another agency.
import { CorridorError } from '@corridor/proto';
import { GraphQLError } from 'graphql';
import type { Logger } from '../log.js';

export interface ItemRefusal {
  code: string;
  message: string;
  /** The error's details (its GraphQL extensions besides `code`), as JSON: fieldErrors, retryAfterMs, reason. */
  details: string;
}

export function itemRefusal(error: unknown, log: Pick<Logger, 'error'>): ItemRefusal {
  // A refusal raised as a GraphQL error on purpose (FORBIDDEN, from guards.ts) keeps its code.
  if (error instanceof GraphQLError && typeof error.extensions.code === 'string') {
    const { code, ...details } = error.extensions;
    return { code, message: error.message, details: JSON.stringify(details) };
  }
  if (error instanceof CorridorError && error.toCaller)
    return { code: error.code, message: error.message, details: JSON.stringify(error.details) };
  log.error('unexpected error', {
    error: error instanceof Error ? error.message : String(error),
    ...(error instanceof CorridorError ? { code: error.code } : {}),
  });
  return { code: 'INTERNAL_SERVER_ERROR', message: 'Unexpected error.', details: '{}' };
}

/** Each item's answer, or its refusal: one item refused never fails the others. */
export async function settleEach<T>(
  answers: readonly Promise<T>[],
  log: Pick<Logger, 'error'>,
): Promise<({ value: T; refusal: null } | { value: null; refusal: ItemRefusal })[]> {
  return (await Promise.allSettled(answers)).map((s) =>
    s.status === 'fulfilled' ? { value: s.value, refusal: null } : { value: null, refusal: itemRefusal(s.reason, log) },
  );
}
