// The pseudonym key split t-of-n (Shamir over the ristretto255 scalar field): each key holder
// evaluates with its share, and any t verified answers combine, by Lagrange coefficients at zero,
// into the element the whole key would have given. No holder, and no t-1 of them, holds the key.
import { mulAddUnsafe } from '@noble/curves/abstract/curve.js';
import { Fn, type GroupElement, Point, randomScalar } from './ristretto-oprf.js';

export interface KeyShare {
  /** The share's x-coordinate, 1…n: fixed per holder in the membership. */
  index: number;
  /** f(index), 32 bytes little-endian: only its holder ever has it. */
  secretKey: Uint8Array;
  /** f(index)·G, published in the membership to check the holder's proofs against. */
  publicKey: Uint8Array;
}

export interface SplitKey {
  /** k·G: the key all shares interpolate to; published so anyone can check the shares agree. */
  publicKey: Uint8Array;
  shares: KeyShare[];
}

/**
 * Deals a fresh key as `n` shares of which any `threshold` recover it. The dealer (the
 * secretariat's ceremony, or a test) sees k once and keeps nothing: k is not returned.
 */
export function splitNewKey(threshold: number, n: number, secret: bigint = randomScalar()): SplitKey {
  if (!Number.isInteger(threshold) || !Number.isInteger(n) || threshold < 1 || n < threshold || n > 255)
    throw new Error('a key is split t-of-n with 1 <= t <= n <= 255');
  const coefficients = [secret, ...Array.from({ length: threshold - 1 }, () => randomScalar())];
  const at = (x: bigint) => coefficients.reduceRight((acc, a) => Fn.add(Fn.mul(acc, x), a), 0n);
  const shares = Array.from({ length: n }, (_, i): KeyShare => {
    const s = at(BigInt(i + 1));
    return { index: i + 1, secretKey: Fn.toBytes(s), publicKey: Point.BASE.multiply(s).toBytes() };
  });
  return { publicKey: Point.BASE.multiply(secret).toBytes(), shares };
}

/** λ_i(0) for each index of `indices` (distinct, 1…255): Π_{j≠i} j / (j − i). */
export function lagrangeAtZero(indices: number[]): bigint[] {
  if (new Set(indices).size !== indices.length) throw new Error('each share index may be used once');
  return indices.map((i) => {
    let num = 1n;
    let den = 1n;
    for (const j of indices) {
      if (j === i) continue;
      num = Fn.mul(num, BigInt(j));
      den = Fn.mul(den, Fn.sub(BigInt(j), BigInt(i)));
    }
    return Fn.div(num, den);
  });
}

/**
 * The Lagrange basis at `at` over `indices` as integers: λ_i(at) = numerators[i] / denominator, in
 * lowest terms, denominator > 0. For the few small indices of a membership these are small (for
 * holders 1 and 2 at zero: 2 and −1 over 1), so a combination of public elements costs a few
 * additions instead of one scalar multiplication per element (see `smallMultipleSum`).
 */
export function integerLagrange(indices: number[], at: number): { numerators: bigint[]; denominator: bigint } {
  if (new Set(indices).size !== indices.length) throw new Error('each share index may be used once');
  const x = BigInt(at);
  const fractions = indices.map((i) => {
    let p = 1n;
    let q = 1n;
    for (const j of indices) {
      if (j === i) continue;
      p *= x - BigInt(j);
      q *= BigInt(i) - BigInt(j);
    }
    return q < 0n ? { p: -p, q: -q } : { p, q };
  });
  const denominator = fractions.reduce((l, { q }) => (l * q) / gcd(l, q), 1n);
  const numerators = fractions.map(({ p, q }) => p * (denominator / q));
  const common = numerators.reduce(gcd, denominator);
  return { numerators: numerators.map((n) => n / common), denominator: denominator / common };
}

function gcd(a: bigint, b: bigint): bigint {
  let [x, y] = [a < 0n ? -a : a, b < 0n ? -b : b];
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Σ λ_i·E_i: the combination in the exponent of `threshold` holders' elements (or public keys). */
export function combineElements(indices: number[], elements: GroupElement[], factor = 1n): GroupElement {
  const lambdas = lagrangeAtZero(indices).map((l) => Fn.mul(l, factor));
  return mulAddUnsafe(Point, elements, lambdas);
}

/**
 * True when every `threshold`-subset of the share keys interpolates to `publicKey`: the dealt
 * shares lie on one polynomial of degree threshold-1, so whichever holders answer, the pseudonyms
 * are the same. Checked when a membership is read, before any holder is asked.
 */
export function shareKeysAgree(publicKey: Uint8Array, threshold: number, shares: { index: number; publicKey: Uint8Array }[]): boolean {
  try {
    const target = Point.fromBytes(publicKey);
    const subsets = combinations(shares, threshold);
    return subsets.every((subset) =>
      combineElements(
        subset.map((s) => s.index),
        subset.map((s) => Point.fromBytes(s.publicKey)),
      ).equals(target),
    );
  } catch {
    return false;
  }
}

function combinations<T>(items: T[], k: number): T[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [first, ...rest] = items as [T, ...T[]];
  return [...combinations(rest, k - 1).map((c) => [first, ...c]), ...combinations(rest, k)];
}

/** A share's public key from its secret (a node checks its configured share against the membership). Throws for a non-scalar or zero. */
export function sharePublicKey(secretKey: Uint8Array): Uint8Array {
  const s = Fn.fromBytes(secretKey);
  if (s === 0n) throw new Error('the key share is zero');
  return Point.BASE.multiply(s).toBytes();
}
