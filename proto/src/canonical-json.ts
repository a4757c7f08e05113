// RFC 8785 canonical JSON, the bytes every Corridor signature covers (alerts, the membership).
import canonicalizeModule from 'canonicalize';

type Serialize = (input: unknown) => string | undefined;

/**
 * canonicalize (the RFC 8785 reference implementation) is CommonJS typed as an ES module: its
 * default import is the function at run time (Node and Vite alike), but under NodeNext resolution
 * TypeScript calls it the module holding `default`. Both shapes are taken, so no cast has to lie.
 */
function serializerOf(loaded: Serialize | { default: Serialize }): Serialize {
  return typeof loaded === 'function' ? loaded : loaded.default;
}

const serialize = serializerOf(canonicalizeModule);

/** The canonical text of a JSON value; anything else (undefined, a function) has none. */
export function canonicalJson(value: unknown): string {
  const text = serialize(value);
  if (text === undefined) throw new TypeError('only a JSON value has a canonical form');
  return text;
}
