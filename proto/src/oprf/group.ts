// The ristretto255 group the oblivious pseudonyms' hot path runs on: libsodium compiled for this
// machine (proto/native, built at install) when it loads, libsodium's WebAssembly build otherwise.
// Both are libsodium's own functions, so they agree bit for bit (group.spec.ts holds them to it);
// the native one takes about half the time per scalar multiplication (46 µs against 100–125 µs
// here), and a pseudonym costs five of them across the requester and the key holders.
// CORRIDOR_RISTRETTO=wasm keeps the WebAssembly build (the bench's same-run comparison).
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
}

export const wasmGroup: RistrettoGroup = {
  name: 'libsodium-wasm',
  scalarmult: (n, p) => sodium.crypto_scalarmult_ristretto255(n, p),
  scalarmultBase: (n) => sodium.crypto_scalarmult_ristretto255_base(n),
  add: (p, q) => sodium.crypto_core_ristretto255_add(p, q),
  sub: (p, q) => sodium.crypto_core_ristretto255_sub(p, q),
  fromHash: (h) => sodium.crypto_core_ristretto255_from_hash(h),
  isValidPoint: (p) => sodium.crypto_core_ristretto255_is_valid_point(p),
};

/** Where the addon is, from this file (proto/src/oprf) and from the node's bundle (services/dist). */
const ADDON_PATHS = ['../../native/build/ristretto255.node', '../../proto/native/build/ristretto255.node'];

function loadNative(): RistrettoGroup | undefined {
  if (globalThis.process?.env?.CORRIDOR_RISTRETTO === 'wasm') return undefined;
  // Not a static import: browsers bundle proto too, and have neither node:module nor addons.
  const nodeModule = globalThis.process?.getBuiltinModule?.('node:module') as typeof import('node:module') | undefined;
  if (!nodeModule) return undefined;
  const require = nodeModule.createRequire(import.meta.url);
  for (const path of ADDON_PATHS) {
    try {
      const addon = require(new URL(path, import.meta.url).pathname) as Omit<RistrettoGroup, 'name'>;
      return { name: 'libsodium-native', ...addon };
    } catch {
      // Not built here (no compiler or no libsodium headers at install): the next place, then WebAssembly.
    }
  }
  return undefined;
}

export const nativeGroup = loadNative();
export const group: RistrettoGroup = nativeGroup ?? wasmGroup;

/** Which of the two this process runs on, for the node's start log. */
export const groupArithmetic: RistrettoGroup['name'] = group.name;
