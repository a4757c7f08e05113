import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { ristretto255 } from '@noble/curves/ed25519.js';
import { describe, expect, it } from 'vitest';
import { group, nativeGroup, type RistrettoGroup, wasmGroup } from './group.js';

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

const Fn = ristretto255.Point.Fn;
const builds = [wasmGroup, ...(nativeGroup ? [nativeGroup] : [])];
const concat = (parts: Uint8Array[]) => new Uint8Array(Buffer.concat(parts));

describe.each(builds.map((g) => [g.name, g] as [string, RistrettoGroup]))('the batch operations in %s', (_name, g) => {
  const points = Array.from({ length: 4 }, () => ristretto255.Point.BASE.multiply(Fn.fromBytes(scalar()) || 1n));
  const encoded = points.map((p) => p.toBytes());

  it('sum small multiples of each element as the group does, negative ones included', async () => {
    for (const m of [[2, -1], [3, -1, 0], [-7, 12, 5], [1], [0, 0], [-1]]) {
      // Two elements per term, the second the first's double: every sum checks the layout.
      const layout = concat(m.flatMap((_, j) => [encoded[j] as Uint8Array, points[j]?.double().toBytes() as Uint8Array]));
      const sums = await g.smallMultipleSumEach(Int32Array.from(m), layout);
      const expected = m.reduce(
        (acc, c, j) => acc.add((points[j] as typeof acc).multiplyUnsafe(Fn.create(BigInt(c)))),
        ristretto255.Point.ZERO,
      );
      expect(sums.subarray(0, 32)).toEqual(expected.toBytes());
      expect(sums.subarray(32)).toEqual(expected.double().toBytes());
    }
    const broken = concat([encoded[0] as Uint8Array, encoded[1] as Uint8Array, encoded[2] as Uint8Array, new Uint8Array(32).fill(0xff)]);
    await expect(g.smallMultipleSumEach(Int32Array.of(1, 1), broken)).rejects.toThrow(/element 1/);
  });

  it('multiply each element by its own scalar or by one for all, and refuse an invalid one by its place', async () => {
    const k = [scalar(), scalar(), scalar(), scalar()];
    const each = await g.scalarmultEach(concat(k), concat(encoded));
    const one = await g.scalarmultEach(k[0] as Uint8Array, concat(encoded));
    encoded.forEach((e, i) => {
      expect(each.subarray(32 * i, 32 * i + 32)).toEqual(group.scalarmult(k[i] as Uint8Array, e));
      expect(one.subarray(32 * i, 32 * i + 32)).toEqual(group.scalarmult(k[0] as Uint8Array, e));
    });
    const withIdentity = concat([encoded[0] as Uint8Array, new Uint8Array(32)]);
    await expect(g.scalarmultEach(k[0] as Uint8Array, withIdentity)).rejects.toThrow(/element 1/);
    await expect(g.scalarmultEach(concat(k.slice(0, 3)), concat(encoded))).rejects.toThrow();
  });

  it('give for a batch large enough to split across cores what they give one element at a time, and name the first that failed', async () => {
    const n = 300;
    const points = await g.scalarmultEach(g.randomScalars(n), concat(Array.from({ length: n }, () => encoded[0] as Uint8Array)));
    const k = scalar();
    const product = await g.scalarmultEach(k, points);
    const doubled = await g.smallMultipleSumEach(Int32Array.of(2), points);
    for (const i of [0, 149, 150, n - 1]) {
      const p = points.subarray(32 * i, 32 * i + 32);
      expect(product.subarray(32 * i, 32 * i + 32)).toEqual(group.scalarmult(k, p));
      expect(doubled.subarray(32 * i, 32 * i + 32)).toEqual(group.add(p, p));
    }
    const broken = points.slice();
    broken.fill(0xff, 32 * 250, 32 * 251);
    broken.fill(0xff, 32 * 280, 32 * 281);
    await expect(g.scalarmultEach(k, broken)).rejects.toThrow(/element 250\b/);
    await expect(g.smallMultipleSumEach(Int32Array.of(1, -1), concat([points, broken]))).rejects.toThrow(/element 250\b/);
  });

  it('invert every scalar with one factor, and draw non-zero scalars', () => {
    const s = g.randomScalars(50);
    const factor = scalar();
    const inverses = g.invertScalarsEach(s, factor);
    for (let i = 0; i < 50; i++) {
      const si = Fn.fromBytes(s.subarray(32 * i, 32 * i + 32));
      expect(si).not.toBe(0n);
      expect(Fn.mul(si, Fn.fromBytes(inverses.subarray(32 * i, 32 * i + 32)))).toBe(Fn.fromBytes(factor));
    }
    expect(() => g.invertScalarsEach(concat([s.subarray(0, 32), new Uint8Array(32)]), factor)).toThrow(/zero/);
  });
});

describe('the batch hashes', () => {
  it('give the same elements and outputs natively as in WebAssembly, for empty, short and long inputs', async () => {
    const native = nativeGroup;
    if (!native) return;
    const inputs = [new Uint8Array(0), randomBytes(1), randomBytes(200), randomBytes(65535)].map((b) => new Uint8Array(b));
    let at = 0;
    const ends = Uint32Array.from(inputs, (b) => {
      at += b.length;
      return at;
    });
    const bytes = concat(inputs);
    const dst = new TextEncoder().encode('HashToGroup-test');
    const elements = await native.hashToGroupEach(bytes, ends, dst);
    expect(elements).toEqual(await wasmGroup.hashToGroupEach(bytes, ends, dst));
    expect(native.finalizeEach(bytes, ends, elements)).toEqual(wasmGroup.finalizeEach(bytes, ends, elements));
    await expect(native.hashToGroupEach(bytes, Uint32Array.of(5, 2), dst)).rejects.toThrow(/rise/);
    // Not over shared memory, which another thread could change between the check and the reading.
    const shared = new Uint32Array(new SharedArrayBuffer(4 * ends.length));
    shared.set(ends);
    await expect(native.hashToGroupEach(bytes, shared, dst)).rejects.toThrow(/Uint32Array/);
    await expect(native.hashToGroupEach(concat([bytes, new Uint8Array(1)]), Uint32Array.of(65536), dst)).rejects.toThrow(/65535/);
  });
});
