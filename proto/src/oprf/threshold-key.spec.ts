import { ristretto255_oprf } from '@noble/curves/ed25519.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { blindInput, evaluateBlinded, evaluateWithKey, Fn, finalizeOutput, Point } from './ristretto-oprf.js';
import { combineElements, integerLagrange, lagrangeAtZero, shareKeysAgree, splitNewKey } from './threshold-key.js';

const input = new TextEncoder().encode('phone\u0000+2348035550147');

describe('a pseudonym key split t-of-n', () => {
  it('gives, from any two of three shares, the output of the whole key', async () => {
    const secret = Fn.fromBytes(ristretto255_oprf.voprf.generateKeyPair().secretKey);
    const { shares, publicKey } = splitNewKey(2, 3, secret);
    expect(bytesToHex(publicKey)).toBe(bytesToHex(Point.BASE.multiply(secret).toBytes()));
    const whole = bytesToHex(evaluateWithKey(Fn.toBytes(secret), input));
    const { blind, blinded } = await blindInput(input);
    for (const pair of [
      [0, 1],
      [0, 2],
      [2, 1],
    ]) {
      const chosen = pair.map((i) => shares[i] as (typeof shares)[number]);
      const elements = await Promise.all(
        chosen.map(async (s) => Point.fromBytes((await evaluateBlinded(s.secretKey, s.publicKey, [blinded])).evaluated[0] as Uint8Array)),
      );
      const unblinded = combineElements(
        chosen.map((s) => s.index),
        elements,
        Fn.inv(blind),
      );
      expect(bytesToHex(finalizeOutput(input, unblinded))).toBe(whole);
    }
  });

  it('gives something else from one share alone', () => {
    const secret = Fn.fromBytes(ristretto255_oprf.voprf.generateKeyPair().secretKey);
    const { shares } = splitNewKey(2, 3, secret);
    const one = shares[0] as (typeof shares)[number];
    expect(bytesToHex(evaluateWithKey(one.secretKey, input))).not.toBe(bytesToHex(evaluateWithKey(Fn.toBytes(secret), input)));
  });

  it('has Lagrange coefficients that interpolate a line through two points at zero', () => {
    const [a, b] = lagrangeAtZero([1, 3]) as [bigint, bigint];
    // f(x) = 5 + 2x: f(1) = 7, f(3) = 11, f(0) = 5.
    expect(Fn.add(Fn.mul(a, 7n), Fn.mul(b, 11n))).toBe(5n);
    expect(() => lagrangeAtZero([2, 2])).toThrow(/once/);
  });

  it('checks that published share keys agree with the network key, and names a dealt share that does not', () => {
    const { shares, publicKey } = splitNewKey(2, 3);
    expect(shareKeysAgree(publicKey, 2, shares)).toBe(true);
    const stranger = ristretto255_oprf.voprf.generateKeyPair().publicKey;
    expect(shareKeysAgree(publicKey, 2, [shares[0], shares[1], { index: 3, publicKey: stranger }] as typeof shares)).toBe(false);
  });

  it('refuses impossible splits', () => {
    expect(() => splitNewKey(3, 2)).toThrow(/t-of-n/);
    expect(() => splitNewKey(0, 2)).toThrow(/t-of-n/);
  });
});

describe('integer Lagrange coefficients', () => {
  it('are the field coefficients as small fractions, at zero and at another holder', () => {
    expect(integerLagrange([1, 2], 0)).toEqual({ numerators: [2n, -1n], denominator: 1n });
    expect(integerLagrange([1, 3], 0)).toEqual({ numerators: [3n, -1n], denominator: 2n });
    // Holder 3's share from holders 1 and 2 on a line: f(3) = 2·f(2) − f(1).
    expect(integerLagrange([1, 2], 3)).toEqual({ numerators: [-1n, 2n], denominator: 1n });
    for (const indices of [
      [1, 2],
      [2, 3],
      [1, 3],
      [2, 5, 7],
      [200, 3],
    ]) {
      const { numerators, denominator } = integerLagrange(indices, 0);
      const field = numerators.map((m) => Fn.div(Fn.create(m), Fn.create(denominator)));
      expect(field).toEqual(lagrangeAtZero(indices));
    }
    expect(() => integerLagrange([2, 2], 0)).toThrow(/once/);
  });
});
