import { ristretto255_oprf } from '@noble/curves/ed25519.js';
import { bytesToHex, concatBytes, hexToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { group } from './group.js';
import {
  agreesWithCombination,
  blindInput,
  blindInputs,
  combineEvaluated,
  evaluateBlinded,
  evaluateWithKey,
  Fn,
  finalizeOutput,
  finalizeOutputs,
  type GroupElement,
  Point,
  randomScalar,
  randomScalars,
  verifyEvaluation,
} from './ristretto-oprf.js';
import { integerLagrange, splitNewKey } from './threshold-key.js';

// RFC 9497 Appendix A.1.2: ristretto255-SHA512, VOPRF mode.
const seed = hexToBytes('a3'.repeat(32));
const keyInfo = hexToBytes('74657374206b6579');
const skSm = 'e6f73f344b79b379f1a0dd37e07ff62e38d9f71345ce62ae3a9bc60b04ccd909';
const pkSm = 'c803e2cc6b05fc15064549b5920659ca4a77b2cca6f04f6b357009335476ad4e';
const vectors = [
  {
    input: '00',
    blind: '64d37aed22a27f5191de1c1d69fadb899d8862b58eb4220029e036ec4c1f6706',
    blinded: '863f330cc1a1259ed5a5998a23acfd37fb4351a793a5b3c090b642ddc439b945',
    evaluated: 'aa8fa048764d5623868679402ff6108d2521884fa138cd7f9c7669a9a014267e',
    proof:
      'ddef93772692e535d1a53903db24367355cc2cc78de93b3be5a8ffcc6985dd066d4346421d17bf5117a2a1ff0fcb2a759f58a539dfbe857a40bce4cf49ec600d',
    output:
      'b58cfbe118e0cb94d79b5fd6a6dafb98764dff49c14e1770b566e42402da1a7da4d8527693914139caee5bd03903af43a491351d23b430948dd50cde10d32b3c',
  },
  {
    input: '5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a',
    blind: '64d37aed22a27f5191de1c1d69fadb899d8862b58eb4220029e036ec4c1f6706',
    blinded: 'cc0b2a350101881d8a4cba4c80241d74fb7dcbfde4a61fde2f91443c2bf9ef0c',
    evaluated: '60a59a57208d48aca71e9e850d22674b611f752bed48b36f7a91b372bd7ad468',
    proof:
      '401a0da6264f8cf45bb2f5264bc31e109155600babb3cd4e5af7d181a2c9dc0a67154fabf031fd936051dec80b0b6ae29c9503493dde7393b722eafdf5a50b02',
    output:
      '8a9a2f3c7f085b65933594309041fc1898d42d0858e59f90814ae90571a6df60356f4610bf816f27afdd84f47719e480906d27ecd994985890e5f539e7ea74b6',
  },
];
// Test Vector 3, batch size 2: one proof for both elements.
const batch = {
  input: ['00', '5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a'],
  blind: [
    '64d37aed22a27f5191de1c1d69fadb899d8862b58eb4220029e036ec4c1f6706',
    '222a5e897cf59db8145db8d16e597e8facb80ae7d4e26d9881aa6f61d645fc0e',
  ],
  blinded: [
    '863f330cc1a1259ed5a5998a23acfd37fb4351a793a5b3c090b642ddc439b945',
    '90a0145ea9da29254c3a56be4fe185465ebb3bf2a1801f7124bbbadac751e654',
  ],
  evaluated: [
    'aa8fa048764d5623868679402ff6108d2521884fa138cd7f9c7669a9a014267e',
    'cc5ac221950a49ceaa73c8db41b82c20372a4c8d63e5dded2db920b7eee36a2a',
  ],
  proof: 'cc203910175d786927eeb44ea847328047892ddf8590e723c37205cb74600b0a5ab5337c8eb4ceae0494c2cf89529dcf94572ed267473d567aeed6ab873dee08',
};

const scalar = (hex: string) => Fn.fromBytes(hexToBytes(hex));
const PROOF_RANDOM_SCALAR = '222a5e897cf59db8145db8d16e597e8facb80ae7d4e26d9881aa6f61d645fc0e';

describe('the RFC 9497 ristretto255-SHA512 verifiable OPRF', () => {
  it('derives the vectors key pair', () => {
    const keys = ristretto255_oprf.voprf.deriveKeyPair(seed, keyInfo);
    expect(bytesToHex(keys.secretKey)).toBe(skSm);
    expect(bytesToHex(keys.publicKey)).toBe(pkSm);
  });

  it.each(vectors)('blinds, evaluates, verifies and finalizes input $input as the RFC does', async (v) => {
    const { blinded } = await blindInput(hexToBytes(v.input), scalar(v.blind));
    expect(bytesToHex(blinded)).toBe(v.blinded);
    const { evaluated, proof } = await evaluateBlinded(hexToBytes(skSm), hexToBytes(pkSm), [blinded], scalar(PROOF_RANDOM_SCALAR));
    expect(bytesToHex(evaluated[0] as Uint8Array)).toBe(v.evaluated);
    expect(bytesToHex(proof)).toBe(v.proof);
    expect(verifyEvaluation(hexToBytes(pkSm), [blinded], [hexToBytes(v.evaluated)], hexToBytes(v.proof))).toBe(true);
    const unblinded = Point.fromBytes(hexToBytes(v.evaluated)).multiply(Fn.inv(scalar(v.blind)));
    expect(bytesToHex(finalizeOutput(hexToBytes(v.input), unblinded))).toBe(v.output);
    expect(bytesToHex(finalizeOutputs([hexToBytes(v.input)], unblinded.toBytes())[0] as Uint8Array)).toBe(v.output);
    expect(bytesToHex(evaluateWithKey(hexToBytes(skSm), hexToBytes(v.input)))).toBe(v.output);
  });

  it("blinds, unblinds and finalizes vector 3's batch in one pass each, as the RFC does", async () => {
    const inputs = batch.input.map(hexToBytes);
    const { blinded } = await blindInputs(inputs, concatBytes(...batch.blind.map(hexToBytes)));
    expect(blinded.map((b) => bytesToHex(b))).toEqual(batch.blinded);
    // One holder with the whole key: numerator 1, and each factor 1/r.
    const factors = group.invertScalarsEach(concatBytes(...batch.blind.map(hexToBytes)), Fn.toBytes(1n));
    const unblinded = await combineEvaluated([1n], [batch.evaluated.map(hexToBytes)], factors);
    expect(finalizeOutputs(inputs, unblinded).map((o) => bytesToHex(o))).toEqual(vectors.map((v) => v.output));
  });

  it('verifies the batch proof of vector 3, and refuses it once one element or the key changes', async () => {
    const b = batch.blinded.map(hexToBytes);
    const e = batch.evaluated.map(hexToBytes);
    const proof = hexToBytes(batch.proof);
    expect(verifyEvaluation(hexToBytes(pkSm), b, e, proof)).toBe(true);
    // The holder's side gives the RFC's batch proof from its ProofRandomScalar.
    const ours = await evaluateBlinded(
      hexToBytes(skSm),
      hexToBytes(pkSm),
      b,
      scalar('419c4f4f5052c53c45f3da494d2b67b220d02118e0857cdbcf037f9ea84bbe0c'),
    );
    expect(ours.evaluated.map((x) => bytesToHex(x))).toEqual(batch.evaluated);
    expect(bytesToHex(ours.proof)).toBe(batch.proof);
    expect(verifyEvaluation(hexToBytes(pkSm), b, [e[0] as Uint8Array, e[0] as Uint8Array], proof)).toBe(false);
    expect(verifyEvaluation(hexToBytes(pkSm), b, [...e].reverse(), proof)).toBe(false);
    const otherKey = ristretto255_oprf.voprf.generateKeyPair().publicKey;
    expect(verifyEvaluation(otherKey, b, e, proof)).toBe(false);
    expect(verifyEvaluation(hexToBytes(pkSm), b, e, proof.slice(0, 63))).toBe(false);
  });

  it("verifies noble's own batch proofs (the suite's blindEvaluateBatch) and ours over a hundred elements", async () => {
    const keys = ristretto255_oprf.voprf.generateKeyPair();
    const { blinded } = await blindInputs(Array.from({ length: 100 }, (_, i) => new TextEncoder().encode(`id ${i}`)));
    const nobles = ristretto255_oprf.voprf.blindEvaluateBatch(keys.secretKey, keys.publicKey, blinded);
    expect(verifyEvaluation(keys.publicKey, blinded, nobles.evaluated, nobles.proof)).toBe(true);
    const { evaluated, proof } = await evaluateBlinded(keys.secretKey, keys.publicKey, blinded);
    expect(verifyEvaluation(keys.publicKey, blinded, evaluated, proof)).toBe(true);
    const other = ristretto255_oprf.voprf.generateKeyPair();
    const wrong = await evaluateBlinded(other.secretKey, keys.publicKey, blinded);
    expect(verifyEvaluation(keys.publicKey, blinded, wrong.evaluated, wrong.proof)).toBe(false);
  });
});

describe('blinds', () => {
  it('are drawn fresh, non-zero and reduced, many at once as one at a time', () => {
    const many = randomScalars(2000);
    expect(new Set(many).size).toBe(2000);
    for (const s of [...many, randomScalar()]) expect(s > 0n && s < Fn.ORDER).toBe(true);
    // Uniform over the field: about half of them above its middle, and the top bits used.
    const high = many.filter((s) => s > Fn.ORDER / 2n).length;
    expect(high).toBeGreaterThan(850);
    expect(high).toBeLessThan(1150);
    expect(many.some((s) => s > (Fn.ORDER * 15n) / 16n)).toBe(true);
  });
});

describe('elements a peer sends', () => {
  const { shares } = splitNewKey(1, 1);
  const share = shares[0] as (typeof shares)[number];
  const good = [randomScalar(), randomScalar()].map((s) => Point.BASE.multiply(s).toBytes());
  // The identity; a non-canonical encoding (p + 1, above the field's modulus); a short one.
  const bad = [new Uint8Array(32), hexToBytes(`ee${'ff'.repeat(30)}7f`), new Uint8Array(31).fill(1)];

  it('a holder refuses to evaluate the identity, a non-canonical or a short encoding', async () => {
    expect((await evaluateBlinded(share.secretKey, share.publicKey, good)).evaluated).toHaveLength(2);
    for (const b of bad) await expect(evaluateBlinded(share.secretKey, share.publicKey, [good[0] as Uint8Array, b])).rejects.toThrow();
  });

  it('a requester refuses an answer carrying one, even with a proof over it', async () => {
    const answer = await evaluateBlinded(share.secretKey, share.publicKey, good);
    expect(verifyEvaluation(share.publicKey, good, answer.evaluated, answer.proof)).toBe(true);
    for (const b of bad) {
      expect(verifyEvaluation(share.publicKey, good, [answer.evaluated[0] as Uint8Array, b], answer.proof)).toBe(false);
      expect(verifyEvaluation(share.publicKey, [good[0] as Uint8Array, b], answer.evaluated, answer.proof)).toBe(false);
    }
  });
});

describe('combining public elements with small integers', () => {
  const points = [randomScalar(), randomScalar(), randomScalar()].map((s) => Point.BASE.multiply(s));
  const encoded = points.map((p) => p.toBytes());

  it('combines and unblinds with additions when the numerators are small, and with multiplications when not', async () => {
    const factor = randomScalar();
    for (const indices of [
      [1, 2],
      [1, 3],
      [2, 3],
      [7, 200],
    ]) {
      const { numerators, denominator } = integerLagrange(indices, 0);
      const scale = Fn.div(factor, Fn.create(denominator));
      const expected = numerators.reduce(
        (acc, c, i) => acc.add((points[i] as GroupElement).multiply(Fn.mul(Fn.create(c), scale))),
        Point.ZERO,
      );
      const both = await combineEvaluated(
        numerators,
        encoded.slice(0, 2).map((e) => [e, e]),
        concatBytes(Fn.toBytes(scale), Fn.toBytes(Fn.add(scale, scale))),
      );
      expect(bytesToHex(both.subarray(0, 32))).toBe(bytesToHex(expected.toBytes()));
      expect(bytesToHex(both.subarray(32))).toBe(bytesToHex(expected.double().toBytes()));
    }
  });

  it("checks a third holder's answer against two verified ones, and refuses it when one element is off", async () => {
    const { shares } = splitNewKey(2, 3);
    const blinded = encoded;
    const [a, b, c] = (await Promise.all(
      shares.map(async (s) => (await evaluateBlinded(s.secretKey, s.publicKey, blinded)).evaluated),
    )) as [Uint8Array[], Uint8Array[], Uint8Array[]];
    expect(await agreesWithCombination(integerLagrange([1, 2], 3), [a, b], c)).toBe(true);
    expect(await agreesWithCombination(integerLagrange([3, 1], 2), [c, a], b)).toBe(true);
    expect(await agreesWithCombination(integerLagrange([2, 3], 1), [b, c], a)).toBe(true);
    const altered = [...c];
    altered[1] = a[1] as Uint8Array;
    expect(await agreesWithCombination(integerLagrange([1, 2], 3), [a, b], altered)).toBe(false);
    expect(await agreesWithCombination(integerLagrange([1, 2], 3), [a, b], [c[0], new Uint8Array(32), c[2]] as Uint8Array[])).toBe(false);
    expect(
      await agreesWithCombination(integerLagrange([1, 2], 3), [a, b], [c[0], new Uint8Array(32).fill(0xff), c[2]] as Uint8Array[]),
    ).toBe(false);
    // Numerators too large to beat the proof: the caller checks the proof instead.
    expect(await agreesWithCombination(integerLagrange([1, 2], 250), [a, b], c)).toBeUndefined();
  });
});
