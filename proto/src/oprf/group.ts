// The ristretto255 group the oblivious pseudonyms' hot path runs on: libsodium compiled for this
// machine (proto/native, built at install) when it loads, libsodium's WebAssembly build otherwise.
// Both are libsodium's own functions, so they agree bit for bit (group.spec.ts holds them to it);
// the native one takes about half the time per scalar multiplication (46 µs against 100–125 µs
// here), and a pseudonym costs five of them across the requester and the key holders.
// The hot path works on whole batches (the `…Each` functions): natively one call per batch, with
// RFC 9497's hashes in C too, and a large batch split across cores on libuv's pool so that a bulk
// publish neither stalls the node's event loop nor leaves its other cores idle.
// CORRIDOR_RISTRETTO=wasm keeps the WebAssembly build (the bench's same-run comparison).
import { expand_message_xmd } from '@noble/curves/abstract/hash-to-curve.js';
import { ristretto255 } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
import sodium from 'libsodium-wrappers-sumo';

// The WebAssembly instance compiles once per process; every function below is synchronous after it.
await sodium.ready;

export interface RistrettoGroup {
  readonly name: 'libsodium-native' | 'libsodium-wasm';
  /** n·P; throws for an invalid encoding of P and for an identity result. */
  scalarmult(n: Uint8Array, p: Uint8Array): Uint8Array;
  scalarmultBase(n: Uint8Array): Uint8Array;
  /** Throw for an invalid encoding. */
  add(p: Uint8Array, q: Uint8Array): Uint8Array;
  sub(p: Uint8Array, q: Uint8Array): Uint8Array;
  /** The one-way map of 64 uniform bytes. */
  fromHash(h: Uint8Array): Uint8Array;
  isValidPoint(p: Uint8Array): boolean;
  // The same over a whole batch, each a flat array of 32-byte encodings (64 for hashes): a bulk
  // publish asks for thousands, and natively one call per batch spends nothing in JavaScript.
  // Each fails naming the element it failed on. The three heavy ones are asynchronous: natively, a
  // large batch is split across the machine's cores, off the event loop.
  /** RFC 9380 hash_to_ristretto255 (expand_message_xmd, SHA-512) of messages[ends[i−1]..ends[i]]; an identity result fails. */
  hashToGroupEach(messages: Uint8Array, ends: Uint32Array, dst: Uint8Array): Promise<Uint8Array>;
  /** scalars_i·P_i, or one 32-byte scalar times every P_i. */
  scalarmultEach(scalars: Uint8Array, points: Uint8Array): Promise<Uint8Array>;
  /** Σ_j m_j·P_{j,i} for each i, the t arrays P_j laid end to end; variable time in the (public) m_j. */
  smallMultipleSumEach(coefficients: Int32Array, points: Uint8Array): Promise<Uint8Array>;
  /** factor·s_i⁻¹ mod ℓ for each scalar s_i (none zero). */
  invertScalarsEach(scalars: Uint8Array, factor: Uint8Array): Uint8Array;
  /** n uniform scalars in [1, ℓ). */
  randomScalars(n: number): Uint8Array;
  /** RFC 9497 Finalize, SHA-512(I2OSP(len,2) ‖ input ‖ I2OSP(32,2) ‖ N ‖ "Finalize"), of each input and element. */
  finalizeEach(messages: Uint8Array, ends: Uint32Array, elements: Uint8Array): Uint8Array;
}

const ELEMENT = 32;
const FINALIZE = new TextEncoder().encode('Finalize');

/** messages[ends[i−1]..ends[i]], one by one. */
function* eachMessage(messages: Uint8Array, ends: Uint32Array): Generator<Uint8Array> {
  let start = 0;
  for (const end of ends) {
    if (end < start || end > messages.length) throw new Error('message ends must rise within the messages');
    if (end - start > 0xffff) throw new Error('a message is at most 65535 bytes');
    yield messages.subarray(start, end);
    start = end;
  }
}

/** The batch functions over per-element ones: what the WebAssembly build runs, one call per element. */
type PerElement = Pick<RistrettoGroup, 'scalarmult' | 'scalarmultBase' | 'add' | 'sub' | 'fromHash' | 'isValidPoint'>;
type PerBatch = Pick<RistrettoGroup, 'hashToGroupEach' | 'scalarmultEach' | 'smallMultipleSumEach' | 'invertScalarsEach' | 'finalizeEach'>;

function elementwise(one: PerElement): PerBatch {
  const Fn = ristretto255.Point.Fn;
  const each = (n: number, width: number, f: (i: number) => Uint8Array) => {
    const out = new Uint8Array(width * n);
    for (let i = 0; i < n; i++) {
      try {
        out.set(f(i), width * i);
      } catch (e) {
        throw new Error(`element ${i}: ${e instanceof Error ? e.message : String(e)}`);
      }
    }
    return out;
  };
  const at = (flat: Uint8Array, i: number, width = ELEMENT) => flat.subarray(width * i, width * (i + 1));
  return {
    hashToGroupEach: async (messages, ends, dst) => {
      const all = [...eachMessage(messages, ends)];
      return each(all.length, ELEMENT, (i) => {
        const p = one.fromHash(expand_message_xmd(all[i] as Uint8Array, dst, 64, sha512));
        if (p.every((b) => b === 0)) throw new Error('the message hashes to the identity');
        return p;
      });
    },
    scalarmultEach: async (scalars, points) => {
      if (points.length % ELEMENT !== 0 || (scalars.length !== ELEMENT && scalars.length !== points.length))
        throw new Error('scalarmultEach takes one 32-byte scalar or one per element, and 32-byte elements');
      const sameScalar = scalars.length === ELEMENT;
      return each(points.length / ELEMENT, ELEMENT, (i) => one.scalarmult(sameScalar ? scalars : at(scalars, i), at(points, i)));
    },
    smallMultipleSumEach: async (coefficients, points) => {
      const t = coefficients.length;
      if (t === 0 || points.length % (ELEMENT * t) !== 0) throw new Error('smallMultipleSumEach takes t coefficients and t equal arrays');
      const n = points.length / (ELEMENT * t);
      const magnitudes = [...coefficients].map(Math.abs);
      const bits = Math.max(1, ...magnitudes.map((m) => 32 - Math.clz32(m)));
      return each(n, ELEMENT, (i) => {
        let sum: Uint8Array | undefined;
        for (let bit = bits - 1; bit >= 0; bit--) {
          if (sum) sum = one.add(sum, sum);
          for (let j = 0; j < t; j++) {
            if (((magnitudes[j] as number) >>> bit) & 1) {
              const p = at(points, n * j + i);
              const negative = (coefficients[j] as number) < 0;
              if (sum) sum = negative ? one.sub(sum, p) : one.add(sum, p);
              else sum = negative ? one.sub(new Uint8Array(ELEMENT), p) : p;
            }
          }
        }
        return sum ?? new Uint8Array(ELEMENT);
      });
    },
    invertScalarsEach: (scalars, factor) => {
      const f = Fn.fromBytes(factor);
      const all = Array.from({ length: scalars.length / ELEMENT }, (_, i) => Fn.fromBytes(at(scalars, i)));
      if (all.some((s) => s === 0n)) throw new Error('invertScalarsEach: a scalar is zero');
      const inverses = Fn.invertBatch(all);
      return each(all.length, ELEMENT, (i) => Fn.toBytes(Fn.mul(f, inverses[i] as bigint)));
    },
    finalizeEach: (messages, ends, elements) => {
      const all = [...eachMessage(messages, ends)];
      if (elements.length !== ELEMENT * all.length) throw new Error('finalizeEach takes one 32-byte element per message');
      const framed = (b: Uint8Array) => concatBytes(Uint8Array.of(b.length >> 8, b.length & 0xff), b);
      return each(all.length, 64, (i) => sha512(concatBytes(framed(all[i] as Uint8Array), framed(at(elements, i)), FINALIZE)));
    },
  };
}

const wasmElements = {
  scalarmult: (n: Uint8Array, p: Uint8Array) => sodium.crypto_scalarmult_ristretto255(n, p),
  scalarmultBase: (n: Uint8Array) => sodium.crypto_scalarmult_ristretto255_base(n),
  add: (p: Uint8Array, q: Uint8Array) => sodium.crypto_core_ristretto255_add(p, q),
  sub: (p: Uint8Array, q: Uint8Array) => sodium.crypto_core_ristretto255_sub(p, q),
  fromHash: (h: Uint8Array) => sodium.crypto_core_ristretto255_from_hash(h),
  isValidPoint: (p: Uint8Array) => sodium.crypto_core_ristretto255_is_valid_point(p),
};

export const wasmGroup: RistrettoGroup = {
  name: 'libsodium-wasm',
  ...wasmElements,
  ...elementwise(wasmElements),
  randomScalars: (n) => {
    const out = new Uint8Array(ELEMENT * n);
    for (let i = 0; i < n; i++) out.set(sodium.crypto_core_ristretto255_scalar_random(), ELEMENT * i);
    return out;
  },
};

/** Where the addon is, from this file (proto/src/oprf) and from the node's bundle (services/dist). */
const ADDON_PATHS = ['../../native/build/ristretto255.node', '../../proto/native/build/ristretto255.node'];

/** The addon's batch functions take, last, how many parts to split the batch into on libuv's pool (0: here, at once). */
interface Addon extends PerElement, Pick<RistrettoGroup, 'invertScalarsEach' | 'randomScalars' | 'finalizeEach'> {
  hashToGroupEach(messages: Uint8Array, ends: Uint32Array, dst: Uint8Array, parts: number): Uint8Array | Promise<Uint8Array>;
  scalarmultEach(scalars: Uint8Array, points: Uint8Array, parts: number): Uint8Array | Promise<Uint8Array>;
  smallMultipleSumEach(coefficients: Int32Array, points: Uint8Array, parts: number): Uint8Array | Promise<Uint8Array>;
}

/**
 * Below this many elements a batch runs on the calling thread: an alert's five identifiers cost
 * less than the hand-over to the pool and back. Above it, one part per core, at least this many
 * elements each.
 */
const POOL_FROM = 32;
/** libuv's pool has four threads (UV_THREADPOOL_SIZE), shared with file and DNS work: one stays free for them. */
const MOST_PARTS = 3;

function loadNative(): RistrettoGroup | undefined {
  if (globalThis.process?.env?.CORRIDOR_RISTRETTO === 'wasm') return undefined;
  // Not a static import: browsers bundle proto too, and have neither node:module nor addons.
  const builtin = globalThis.process?.getBuiltinModule;
  const nodeModule = builtin?.('node:module') as typeof import('node:module') | undefined;
  const os = builtin?.('node:os') as typeof import('node:os') | undefined;
  if (!nodeModule || !os) return undefined;
  const require = nodeModule.createRequire(import.meta.url);
  for (const path of ADDON_PATHS) {
    let addon: Addon;
    try {
      addon = require(new URL(path, import.meta.url).pathname) as Addon;
    } catch {
      // Not built here (no compiler or no libsodium headers at install): the next place, then WebAssembly.
      continue;
    }
    const cores = Math.min(os.availableParallelism(), MOST_PARTS);
    const parts = (n: number) => (n < POOL_FROM ? 0 : Math.max(1, Math.min(cores, Math.floor(n / POOL_FROM))));
    return {
      ...addon,
      name: 'libsodium-native',
      // async: a batch that runs here and throws fails its promise like one on the pool.
      hashToGroupEach: async (messages, ends, dst) => addon.hashToGroupEach(messages, ends, dst, parts(ends.length)),
      scalarmultEach: async (scalars, points) => addon.scalarmultEach(scalars, points, parts(points.length / ELEMENT)),
      smallMultipleSumEach: async (coefficients, points) =>
        addon.smallMultipleSumEach(coefficients, points, parts(points.length / ELEMENT / Math.max(1, coefficients.length))),
    };
  }
  return undefined;
}

export const nativeGroup = loadNative();
export const group: RistrettoGroup = nativeGroup ?? wasmGroup;

/** Which of the two this process runs on, for the node's start log. */
export const groupArithmetic: RistrettoGroup['name'] = group.name;
