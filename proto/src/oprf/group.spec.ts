import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { group, nativeGroup, wasmGroup } from './group.js';

const scalar = () => {
  const n = randomBytes(32);
  n[31] = (n[31] as number) & 0x0f; // below 2^252: a canonical scalar
  return new Uint8Array(n);
};

describe('the ristretto255 group of the pseudonym service', () => {
  it('runs natively wherever libsodium’s headers were there to build it (./corridor installs them)', () => {
    // A build that silently failed would halve the service's speed and nobody would know.
    if (existsSync('/usr/include/sodium.h')) {
      expect(nativeGroup).toBeDefined();
      expect(group.name).toBe('libsodium-native');
    } else expect(group.name).toBe('libsodium-wasm');
  });

  it('gives the WebAssembly build’s results bit for bit, and refuses what it refuses', () => {
    const native = nativeGroup;
    if (!native) return;
    for (let i = 0; i < 50; i++) {
      const p = wasmGroup.fromHash(randomBytes(64));
      const q = wasmGroup.fromHash(randomBytes(64));
      const h = new Uint8Array(randomBytes(64));
      const n = scalar();
      expect(native.fromHash(h)).toEqual(wasmGroup.fromHash(h));
      expect(native.scalarmult(n, p)).toEqual(wasmGroup.scalarmult(n, p));
      expect(native.scalarmultBase(n)).toEqual(wasmGroup.scalarmultBase(n));
      expect(native.add(p, q)).toEqual(wasmGroup.add(p, q));
      expect(native.sub(p, q)).toEqual(wasmGroup.sub(p, q));
      expect(native.isValidPoint(p)).toBe(true);
    }
    const notAPoint = new Uint8Array(32).fill(0xff);
    const identity = new Uint8Array(32);
    expect(native.isValidPoint(notAPoint)).toBe(false);
    expect(() => native.scalarmult(scalar(), notAPoint)).toThrow();
    expect(() => wasmGroup.scalarmult(scalar(), notAPoint)).toThrow();
    expect(() => native.scalarmult(scalar(), identity)).toThrow();
    expect(() => native.add(notAPoint, identity)).toThrow();
    expect(() => native.scalarmult(new Uint8Array(31), identity)).toThrow(/32-byte/);
  });
});
