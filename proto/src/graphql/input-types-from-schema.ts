// GraphQL input types derived from the contract's zod schemas, so that a client sees the shape of
// an alert (or a request, a subscription…) by introspection, and the shape is written once.
//
// What GraphQL checks and what proto checks are split on purpose:
// - GraphQL checks the shape: the field names and their scalar types (String, Int, Float, Boolean,
//   lists and nested input objects). An unknown field or a string where a number goes is refused
//   before any resolver runs.
// - proto checks everything else: whether a field is required, codes, lengths, patterns and the
//   rules across fields. Every input field is therefore nullable in GraphQL and its description
//   says when it is required; the resolver parses the argument with the same zod schema, which
//   reports every problem at once with its path (`route.waypoints.1.country`). Were required
//   fields non-null in GraphQL, a missing summary would hide a bad country, and the officer would
//   fix one problem per round trip.
// Codes are Strings, as in the output types: GraphQL enum values cannot spell `AMBER+STRICT` or
// `central-mediterranean`.
//
// The shape is read from zod's own JSON Schema rendering (`z.toJSONSchema`, input side), which
// is zod's public API for walking a schema; discriminated unions become one input type holding
// every variant's fields, the discriminator naming which apply.
import type { InputFieldRef, InputObjectRef, SchemaTypes } from '@pothos/core';
import { z } from 'zod';

interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  description?: string;
  additionalProperties?: boolean | JsonSchema;
}

/** The input shape a derived type hands its resolver: checked by GraphQL for shape only, to be parsed with proto. */
export type DerivedInput = Record<string, InputValue>;
/** Any value GraphQL may hand over for a field: Pothos's input refs are typed over this. */
type InputValue = NonNullable<unknown> | null | undefined;

type KeysOfAny<T> = T extends unknown ? keyof T : never;
type ValueAt<T, K extends PropertyKey> = T extends unknown ? (K extends keyof T ? T[K] : never) : never;

/**
 * What GraphQL hands a resolver for a type derived from a schema whose input is T: T's shape with
 * every field optional and nullable, codes as plain strings, and a union's variants merged into one
 * object, as the derived type declares them. Typing the ref so lets a server pass the argument on
 * as the variables of a document typed from the same schema (the gateway forwarding to a node)
 * and lets a client send proto's own input type where the type is expected, without a cast.
 */
export type DerivedInputOf<T> = [T] extends [readonly (infer U)[]]
  ? DerivedInputOf<U>[]
  : [T] extends [string]
    ? string
    : [T] extends [object]
      ? { [K in KeysOfAny<T>]?: DerivedInputOf<Exclude<ValueAt<T, K>, null | undefined>> | null }
      : T;

/** An input type named after its place in a bigger one, unless `names` gives it a name of its own. */
export interface DeriveOptions {
  description?: string;
  /** Names for nested input types by their path in the schema (`route.waypoints` → `WaypointInput`). */
  names?: Record<string, string>;
}

type Builder<Types extends SchemaTypes> = PothosSchemaTypes.SchemaBuilder<Types>;
type FieldBuilder<Types extends SchemaTypes> = PothosSchemaTypes.InputFieldBuilder<Types, 'InputObject'>;
type DerivedRef<Types extends SchemaTypes> = InputObjectRef<Types, DerivedInput>;

/**
 * Returns the function that declares on `builder` an input type with the shape of a zod
 * schema's input, and the input types of its nested objects. One deriver per builder: a nested
 * shape that occurs twice (a grading in an alert and in a subscription) is one type.
 * The resolver receives the argument as GraphQL coerced it and parses it with the same schema
 * (or the function that wraps it), as it would any other input.
 */
export function inputTypeDeriver<Types extends SchemaTypes>(builder: Builder<Types>) {
  const byShape = new Map<string, DerivedRef<Types>>();

  function objectInput(
    name: string,
    json: JsonSchema,
    path: string,
    names: Record<string, string>,
    description?: string,
  ): DerivedRef<Types> {
    const merged = mergeVariants(json, name);
    const shape = JSON.stringify(merged);
    const existing = byShape.get(shape);
    if (existing) return existing;
    const required = new Set(merged.required ?? []);
    const properties = merged.properties ?? {};
    const ref: DerivedRef<Types> = builder.inputRef<DerivedInput>(name).implement({
      description: description ?? json.description,
      fields: (t: FieldBuilder<Types>) => {
        const fields: Record<string, InputFieldRef<Types, InputValue>> = {};
        for (const [key, property] of Object.entries(properties)) {
          const at = path ? `${path}.${key}` : key;
          const nestedName = names[at] ?? `${name.replace(/Input$/, '')}${pascal(key)}Input`;
          fields[key] = field(t, property, describe(property, required.has(key)), (item) => objectInput(nestedName, item, at, names));
        }
        return fields;
      },
    });
    byShape.set(shape, ref);
    return ref;
  }

  // The fields are built from the schema at run time, so Pothos sees them as DerivedInput; the
  // shape they give is DerivedInputOf the schema's input, which the ref says for the callers.
  return <S extends z.ZodType>(name: string, schema: S, options: DeriveOptions = {}): InputObjectRef<Types, DerivedInputOf<z.input<S>>> =>
    objectInput(name, rendered(schema), '', options.names ?? {}, options.description) as InputObjectRef<Types, DerivedInputOf<z.input<S>>>;
}

function field<Types extends SchemaTypes>(
  t: FieldBuilder<Types>,
  property: JsonSchema,
  description: string | undefined,
  nested: (json: JsonSchema) => DerivedRef<Types>,
): InputFieldRef<Types, InputValue> {
  const p = withoutNull(property);
  const common = { required: false, description } as const;
  // Pothos names the built-in scalars by their GraphQL names, so a scalar and a nested object take one path.
  const typeOf = (json: JsonSchema) => (isObject(json) ? nested(json) : scalarOf(json));
  if (p.type === 'array') return t.field({ ...common, type: [typeOf(withoutNull(p.items ?? {}))] });
  return t.field({ ...common, type: typeOf(p) });
}

/** The schema's input side as JSON Schema, without the document's own `$schema` key, so that it compares with nested shapes. */
function rendered(schema: z.ZodType): JsonSchema {
  const { $schema: _document, ...json } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' });
  return json as JsonSchema;
}

function isObject(p: JsonSchema): boolean {
  return p.type === 'object' || (p.oneOf ?? p.anyOf ?? []).some((v) => v.type === 'object');
}

function scalarOf(p: JsonSchema): 'String' | 'Int' | 'Float' | 'Boolean' {
  if (p.enum !== undefined || p.const !== undefined) return 'String';
  switch (p.type) {
    case 'string':
      return 'String';
    case 'integer':
      return 'Int';
    case 'number':
      return 'Float';
    case 'boolean':
      return 'Boolean';
    default:
      // A field without a known shape has no place in a typed input: say so when the schema is built.
      throw new TypeError(`the contract schema gives no GraphQL shape for a field of type ${JSON.stringify(p.type)}`);
  }
}

/** `T | null` in zod renders as anyOf [T, null]: GraphQL fields are nullable anyway. */
function withoutNull(p: JsonSchema): JsonSchema {
  const variants = p.anyOf ?? p.oneOf;
  if (!variants) return p;
  const rest = variants.filter((v) => v.type !== 'null');
  if (rest.length === 1 && rest[0]) return { ...rest[0], description: p.description ?? rest[0].description };
  return p;
}

/**
 * One object holding every variant's fields. A field is required when every variant requires
 * it; the discriminator's description lists the variants. Two variants giving one name two
 * shapes cannot be one input type, and are refused when the schema is built.
 */
function mergeVariants(json: JsonSchema, name: string): JsonSchema {
  const variants = json.oneOf ?? json.anyOf;
  if (!variants) return json;
  const properties: Record<string, JsonSchema> = {};
  const requiredEverywhere = new Set(variants[0]?.required ?? []);
  for (const variant of variants) {
    for (const r of [...requiredEverywhere]) if (!(variant.required ?? []).includes(r)) requiredEverywhere.delete(r);
    for (const [key, p] of Object.entries(variant.properties ?? {})) {
      const known = properties[key];
      if (!known) {
        properties[key] = p;
      } else if (known.const !== undefined && p.const !== undefined) {
        properties[key] = { type: 'string', enum: [known.const, p.const] };
      } else if (known.enum && p.const !== undefined) {
        properties[key] = { ...known, enum: [...known.enum, p.const] };
      } else if (JSON.stringify(known) !== JSON.stringify(p) && shapeOf(known) !== shapeOf(p)) {
        throw new TypeError(`${name}.${key}: the variants give this field different shapes`);
      }
    }
  }
  return { type: 'object', description: json.description, properties, required: [...requiredEverywhere] };
}

/** What GraphQL sees of a field: its type and nesting, not its limits or patterns. */
function shapeOf(p: JsonSchema): string {
  const q = withoutNull(p);
  if (q.type === 'array') return `[${shapeOf(q.items ?? {})}]`;
  if (q.type === 'object') {
    const props = Object.entries(q.properties ?? {}).map(([k, v]) => `${k}:${shapeOf(v)}`);
    return `{${props.sort().join(',')}}`;
  }
  return q.enum !== undefined || q.const !== undefined ? 'string' : String(q.type);
}

const LISTED_VALUES = 20;

function describe(p: JsonSchema, required: boolean): string | undefined {
  const q = withoutNull(p);
  const values = q.enum ?? (q.const !== undefined ? [q.const] : (q.items?.enum ?? undefined));
  const parts = [
    required ? 'Required.' : undefined,
    q.description,
    values && values.length <= LISTED_VALUES ? `One of: ${values.join(', ')}.` : undefined,
    values && values.length > LISTED_VALUES ? `A code of the Corridor contract (${values.length} values, checked by the node).` : undefined,
  ].filter((s): s is string => Boolean(s));
  return parts.length ? parts.join(' ') : undefined;
}

function pascal(key: string): string {
  return key.replace(/(^|[-_])(\w)/g, (_m, _sep, c: string) => c.toUpperCase());
}
