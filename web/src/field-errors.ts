// Field-level messages, from the console's own check (proto's schema) or from the node's answer
// (extensions.fieldErrors): both speak in the same paths, e.g. `route.waypoints.1.country`. The
// console's own check (checkAlertInput) lives with the publish form, so that proto's schemas and
// zod load with that page, not with every page that shows a node's field messages.
import type { FieldError } from '@corridor/proto';

export type ErrorsByPath = Record<string, string[]>;

export function groupByPath(errors: FieldError[]): ErrorsByPath {
  const grouped: ErrorsByPath = {};
  for (const e of errors) grouped[e.path] = [...(grouped[e.path] ?? []), e.message];
  return grouped;
}

/** Reads fieldErrors out of a GraphQL error's extensions; anything else yields none. */
export function serverFieldErrors(extensions: unknown): ErrorsByPath {
  const list = (extensions as { fieldErrors?: unknown } | undefined)?.fieldErrors;
  if (!Array.isArray(list)) return {};
  return groupByPath(list.filter((e): e is FieldError => typeof e === 'object' && e !== null && 'path' in e && 'message' in e));
}

/** The field messages of every GraphQL error a failed operation came back with. */
export function operationFieldErrors(error: { graphQLErrors: readonly { extensions?: unknown }[] } | undefined): ErrorsByPath {
  return Object.assign({}, ...(error?.graphQLErrors ?? []).map((g) => serverFieldErrors(g.extensions)));
}

/** Where the node found an identifier in free text (rule identifier_in_text): kind and position in the field's trimmed text. */
export type TextFinding = NonNullable<FieldError['found']>[number];

/** The node's findings of identifiers in free text, by field path. */
export function serverFindings(extensions: unknown): Record<string, TextFinding[]> {
  const list = (extensions as { fieldErrors?: unknown } | undefined)?.fieldErrors;
  if (!Array.isArray(list)) return {};
  const byPath: Record<string, TextFinding[]> = {};
  for (const e of list as Partial<FieldError>[]) {
    if (typeof e?.path === 'string' && Array.isArray(e.found)) byPath[e.path] = [...(byPath[e.path] ?? []), ...e.found];
  }
  return byPath;
}

/** Messages for paths no field of the form shows, so that none is silently lost. */
export function unplacedErrors(errors: ErrorsByPath, shown: ReadonlySet<string>): [string, string[]][] {
  return Object.entries(errors).filter(([path]) => !shown.has(path));
}
