// RFC 9497 verifiable OPRF, ristretto255-SHA512 (mode 0x01), in the pieces a threshold needs.
// @noble/curves carries the suite (`ristretto255_oprf`); its client side verifies and unblinds in one
// call under one public key, whereas a threshold client must check each key holder's batch proof
// under that holder's own share key and unblind only the Lagrange combination. So both sides are
// written here, held to the RFC's vectors, proofs included (ristretto-oprf.spec.ts).
// The group operations on the hot path (hash-to-group's one-way map, every scalar multiplication,
// additions) run in libsodium (group.ts: compiled for the machine when it could be, its WebAssembly
// build otherwise): a profile of the pseudonyms bench found noble's bigint arithmetic at about 2 ms
// per constant-time multiplication, libsodium at about 0.1 ms (WebAssembly) or 0.05 ms, and a
// batch of 1,000 identifiers costs thousands of them (blinding, each holder's evaluation,
// unblinding; when proofs are asked for, each holder's composite and each proof's two composites). Scalars stay bigints in noble's
// field (cheap), and noble's own group remains for what is rare and must be independent of the fast
// path: dealing keys, checking the membership's share keys, and `evaluateWithKey`, which the specs
// use as an oracle for the whole pipeline.

import { expand_message_xmd } from '@noble/curves/abstract/hash-to-curve.js';
import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes, randomBytes } from '@noble/hashes/utils.js';
import { group } from './group.js';

export const Point = ristretto255.Point;
export type GroupElement = InstanceType<typeof Point>;
export const Fn = Point.Fn;

const ascii = (s: string) => new TextEncoder().encode(s);
/** RFC 9497 §3.1 contextString for mode 0x01 (verifiable) of ristretto255-SHA512. */
const CONTEXT = concatBytes(ascii('OPRFV1-'), Uint8Array.of(0x01), ascii('-ristretto255-SHA512'));
const HASH_TO_GROUP_DST = concatBytes(ascii('HashToGroup-'), CONTEXT);
const HASH_TO_SCALAR_DST = concatBytes(ascii('HashToScalar-'), CONTEXT);
const ELEMENT_BYTES = 32;

/** I2OSP(length, 2) || bytes, as the RFC frames every variable-length part. */
function framed(bytes: Uint8Array): Uint8Array {
  if (bytes.length > 0xffff) throw new Error('an OPRF input is at most 65535 bytes');
  return concatBytes(Uint8Array.of(bytes.length >> 8, bytes.length & 0xff), bytes);
}
const i2osp2 = (n: number) => Uint8Array.of(n >> 8, n & 0xff);

/** An element a peer sent: a canonical ristretto255 encoding, never the identity (RFC 9497 §2.1 DeserializeElement). */
export function elementFrom(bytes: Uint8Array): GroupElement {
  const point = Point.fromBytes(bytes);
  if (point.equals(Point.ZERO)) throw new Error('the identity element is not a valid OPRF element');
  return point;
}

/** The same check as elementFrom, in libsodium, keeping the encoding: what the hot path works on. */
function checkedElement(bytes: Uint8Array): Uint8Array {
  // libsodium accepts the identity (all zeros, its only encoding) as a valid point; the RFC does not.
  if (bytes.length !== ELEMENT_BYTES || !group.isValidPoint(bytes) || bytes.every((b) => b === 0))
    throw new Error('not a valid OPRF element (canonical ristretto255 encoding, not the identity)');
  return bytes;
}

export function randomScalar(): bigint {
  return randomScalars(1)[0] as bigint;
}

/**
 * n uniform non-zero scalars, each reduced from 64 random bytes, drawn in one call: a bulk batch's
 * blinds took a tenth of its requester's time when each drew its own.
 */
export function randomScalars(n: number): bigint[] {
  const scalars: bigint[] = [];
  // getRandomValues gives at most 65,536 bytes a call: 1,024 scalars.
  for (let at = 0; at < n; at += 1024) {
    const bytes = randomBytes(64 * Math.min(1024, n - at));
    for (let i = 0; i < bytes.length; i += 64) {
      const s = Fn.create(bytesToBigLE(bytes.subarray(i, i + 64)));
      scalars.push(s === 0n ? randomScalar() : s);
    }
  }
  return scalars;
}

const HEX = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

/** Little-endian bytes as a bigint, through one hexadecimal string rather than a bigint per byte. */
function bytesToBigLE(bytes: Uint8Array): bigint {
  let hex = '';
  for (let i = bytes.length - 1; i >= 0; i--) hex += HEX[bytes[i] as number];
  return BigInt(`0x${hex || '0'}`);
}

/**
 * k·P for an encoded element P (constant time in k). Throws for k = 0, for an invalid encoding of P
 * and for the identity (libsodium decodes P, and refuses an identity result, which for k ≠ 0 means P
 * was the identity).
 */
function multiply(k: bigint, element: Uint8Array): Uint8Array {
  return group.scalarmult(Fn.toBytes(k), element);
}

/**
 * Σ k_i·P_i over encoded elements: one constant-time multiplication each, added up. Every element
 * is decoded by its multiplication, which refuses an invalid one and the identity as checkedElement
 * does, so callers need not check them first (that check decodes too: a tenth of a multiplication).
 */
function sumOfMultiples(elements: Uint8Array[], scalars: bigint[]): Uint8Array {
  let sum: Uint8Array | undefined;
  elements.forEach((e, i) => {
    const k = scalars[i] as bigint;
    if (k === 0n) {
      checkedElement(e);
      return;
    }
    const term = multiply(k, e);
    sum = sum ? group.add(sum, term) : term;
  });
  if (!sum) throw new Error('an empty sum of group elements');
  return sum;
}

export interface Blinded {
  /** Kept by the client only: without it the evaluated element says nothing. */
  blind: bigint;
  /** What goes to the key holders. */
  blinded: Uint8Array;
}

/** RFC 9497 §3.3.1 Blind: H(input)·r. `blind` is for test vectors only; the default is fresh randomness. */
export function blindInput(input: Uint8Array, blind: bigint = randomScalar()): Blinded {
  return { blind, blinded: multiply(blind, hashToGroup(input)) };
}

/** blindInput for each input, the blinds drawn together. */
export function blindInputs(inputs: Uint8Array[]): Blinded[] {
  const blinds = randomScalars(inputs.length);
  return inputs.map((input, i) => blindInput(input, blinds[i] as bigint));
}

/** RFC 9380 hash_to_ristretto255: expand_message_xmd to 64 bytes, then the ristretto one-way map. */
function hashToGroup(input: Uint8Array): Uint8Array {
  if (input.length > 0xffff) throw new Error('an OPRF input is at most 65535 bytes');
  const element = group.fromHash(expand_message_xmd(input, HASH_TO_GROUP_DST, 64, sha512));
  if (element.every((b) => b === 0)) throw new Error('the input hashes to the identity');
  return element;
}

export interface ShareEvaluation {
  /** k_i·B for each blinded element B, in order. */
  evaluated: Uint8Array[];
  /** One batched DLEQ proof (c ‖ s, 64 bytes) that every element used the key behind `publicKey`. */
  proof: Uint8Array;
}

/** RFC 9497 §2.2.1 ComputeComposites' weights d_i, from the seed of the public key and every pair. */
function compositeWeights(publicKey: Uint8Array, blinded: Uint8Array[], evaluated: Uint8Array[]): bigint[] {
  const seed = framed(sha512(concatBytes(framed(publicKey), framed(concatBytes(ascii('Seed-'), CONTEXT)))));
  const composite = ascii('Composite');
  return blinded.map((c, i) => hashToScalar(concatBytes(seed, i2osp2(i), framed(c), framed(evaluated[i] as Uint8Array), composite)));
}

function challenge(elements: Uint8Array[]): bigint {
  return hashToScalar(concatBytes(...elements.map(framed), ascii('Challenge')));
}

/**
 * k·B for each blinded element (RFC 9497 §3.3.2 BlindEvaluate, batched), without a proof: what a
 * holder answers when the requester can check its answer against the other holders' instead
 * (oblivious-pseudonym.ts). One constant-time multiplication per element, which also refuses an
 * element that is not a valid encoding or is the identity.
 */
export function evaluateOnly(secretKey: Uint8Array, blinded: Uint8Array[]): Uint8Array[] {
  const k = Fn.fromBytes(secretKey);
  return blinded.map((c) => {
    if (c.length !== ELEMENT_BYTES) throw new Error('not a valid OPRF element (32 bytes)');
    return multiply(k, c);
  });
}

/**
 * A key holder's side (RFC 9497 §3.3.2 BlindEvaluate, batched, with §2.2.1 GenerateProof): k·B for
 * each blinded element, and one proof for all: its cost is one composite over the batch (one
 * multiplication per element) and three multiplications, however many elements.
 * `proofScalar` is for the RFC's vectors only.
 */
export function evaluateBlinded(
  secretKey: Uint8Array,
  publicKey: Uint8Array,
  blinded: Uint8Array[],
  proofScalar: bigint = randomScalar(),
): ShareEvaluation {
  const k = Fn.fromBytes(secretKey);
  const B = checkedElement(publicKey);
  const evaluated = evaluateOnly(secretKey, blinded);
  const M = sumOfMultiples(blinded, compositeWeights(publicKey, blinded, evaluated));
  // The RFC's server side: Z = k·M rather than a second composite over the evaluated elements.
  const Z = multiply(k, M);
  const t2 = group.scalarmultBase(Fn.toBytes(proofScalar));
  const t3 = multiply(proofScalar, M);
  const c = challenge([B, M, Z, t2, t3]);
  const s = Fn.sub(proofScalar, Fn.mul(c, k));
  return { evaluated, proof: concatBytes(Fn.toBytes(c), Fn.toBytes(s)) };
}

/**
 * RFC 9497 §2.2.2 VerifyProof for a batch: true when `evaluated[i] = k·blinded[i]` for the k with
 * `publicKey = k·G`, for every i. A holder that used another key, or altered one element, fails.
 */
export function verifyEvaluation(publicKey: Uint8Array, blinded: Uint8Array[], evaluated: Uint8Array[], proof: Uint8Array): boolean {
  try {
    if (blinded.length === 0 || blinded.length !== evaluated.length || proof.length !== 2 * Fn.BYTES) return false;
    const B = checkedElement(publicKey);
    if ([...blinded, ...evaluated].some((e) => e.length !== ELEMENT_BYTES)) return false;
    const weights = compositeWeights(publicKey, blinded, evaluated);
    // Both composites decode, and so check, every element (sumOfMultiples); a bad one throws.
    const M = sumOfMultiples(blinded, weights);
    const Z = sumOfMultiples(evaluated, weights);
    const c = Fn.fromBytes(proof.subarray(0, Fn.BYTES));
    const s = Fn.fromBytes(proof.subarray(Fn.BYTES));
    const t2 = group.add(group.scalarmultBase(Fn.toBytes(s)), multiply(c, B));
    const t3 = group.add(multiply(s, M), multiply(c, Z));
    return Fn.eql(c, challenge([B, M, Z, t2, t3]));
  } catch {
    return false;
  }
}

/** The identity's one encoding: what an empty or cancelling sum of elements gives. */
const IDENTITY = new Uint8Array(ELEMENT_BYTES);

/**
 * About how many libsodium additions of encoded elements cost one of its scalar multiplications:
 * measured 38 µs and 204 µs (WebAssembly, node 20, load 6 on 2 cores), 13 µs and 46 µs (native,
 * idle). Each addition decodes two
 * elements and encodes one (three inverse square roots); the multiplication decodes once, then
 * works inside. That ratio is also why a bucket (Pippenger) multi-scalar multiplication over these
 * additions loses: for 1,000 full-size scalars it needs some 40 additions per element.
 */
const ADDITIONS_PER_MULTIPLICATION = 5;

/** How many additions smallMultipleSum spends on these coefficients. */
function additionsFor(coefficients: bigint[]): number {
  const magnitudes = coefficients.map((c) => (c < 0n ? -c : c));
  const bits = Math.max(...magnitudes.map((m) => m.toString(2).length));
  const ones = magnitudes.reduce((n, m) => n + [...m.toString(2)].filter((b) => b === '1').length, 0);
  return bits - 1 + ones - 1;
}

/**
 * Σ m_i·P_i for small integers m_i (negative allowed), doubling once per bit for all the elements
 * together and adding each where its bit is set. Variable time in the m_i: for public ones only
 * (Lagrange numerators of the membership's share indices), never a blind or a key share. Throws
 * when an element it adds is not a valid encoding.
 */
export function smallMultipleSum(coefficients: bigint[], elements: Uint8Array[]): Uint8Array {
  const magnitudes = coefficients.map((c) => (c < 0n ? -c : c));
  const bits = Math.max(...magnitudes.map((m) => m.toString(2).length));
  let sum: Uint8Array | undefined;
  for (let bit = bits - 1; bit >= 0; bit--) {
    if (sum) sum = group.add(sum, sum);
    magnitudes.forEach((m, i) => {
      if (((m >> BigInt(bit)) & 1n) === 0n) return;
      const element = elements[i] as Uint8Array;
      const negative = (coefficients[i] as bigint) < 0n;
      if (sum) sum = negative ? group.sub(sum, element) : group.add(sum, element);
      // A lone positive term is returned as given, unchecked: callers multiply the sum (which
      // checks it) or compare it with a sum of checked elements.
      else sum = negative ? group.sub(IDENTITY, element) : element;
    });
  }
  return sum ?? IDENTITY;
}

/**
 * factor·Σ m_i·E_i over t holders' evaluated elements for one input, the m_i the integer Lagrange
 * numerators (`integerLagrange`) and the factor 1/(denominator·r): combination and unblinding. The
 * numerators are public, so when they are small the sum is a few additions and the one
 * constant-time multiplication is by the secret factor; otherwise one multiplication per element.
 * The elements must have been checked: each by its proof, or all n answers against each other.
 */
export function combineEvaluated(numerators: bigint[], elements: Uint8Array[], factor = 1n): Uint8Array {
  if (additionsFor(numerators) <= ADDITIONS_PER_MULTIPLICATION * (numerators.length - 1))
    return multiply(factor, smallMultipleSum(numerators, elements));
  return sumOfMultiples(
    elements,
    numerators.map((m) => Fn.mul(Fn.create(m), factor)),
  );
}

/**
 * True when `evaluated` is, element by element, what the share at the `numerators`' point gives,
 * knowing t other answers (`basis[j][i]` for holder j): denominator·E_i = Σ m_j·V_{j,i}. Once the
 * membership's share keys agree (every t of them interpolate to k·G, checked when it is read), the
 * shares lie on one polynomial, so the right answer is that combination of right ones: with a
 * verified basis this is as strict as the holder's proof, and with an unverified one it says that
 * the answers agree with each other (what oblivious-pseudonym.ts's cross-check relies on). A few
 * additions per element instead of two multiplications. Undefined when the numerators are too
 * large for that to be cheaper: check the proof instead.
 */
export function agreesWithCombination(
  lagrange: { numerators: bigint[]; denominator: bigint },
  basis: Uint8Array[][],
  evaluated: Uint8Array[],
): boolean | undefined {
  const { numerators, denominator } = lagrange;
  const cost = additionsFor(numerators) + additionsFor([denominator]);
  if (cost > 2 * ADDITIONS_PER_MULTIPLICATION) return undefined;
  try {
    return evaluated.every((e, i) => {
      const expected = smallMultipleSum(
        numerators,
        basis.map((answer) => answer[i] as Uint8Array),
      );
      const got = smallMultipleSum([denominator], [e]);
      return !expected.every((b) => b === 0) && equalBytes(expected, got);
    });
  } catch {
    return false;
  }
}

/** Byte equality of two public encodings. */
function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function hashToScalar(msg: Uint8Array): bigint {
  return ristretto255_hasher.hashToScalar(msg, { DST: HASH_TO_SCALAR_DST });
}

/** RFC 9497 §3.3.1 Finalize over an already unblinded element N = k·H(input): Hash(len‖input‖len‖N‖"Finalize"). */
export function finalizeOutput(input: Uint8Array, unblinded: Uint8Array | GroupElement): Uint8Array {
  const encoded = unblinded instanceof Uint8Array ? unblinded : unblinded.toBytes();
  return sha512(concatBytes(framed(input), framed(encoded), ascii('Finalize')));
}

/**
 * The whole function with the whole key, as a key holder could compute it alone (tests and the
 * dealer's check only). Entirely noble's: the specs hold the libsodium path to it.
 */
export function evaluateWithKey(secretKey: Uint8Array, input: Uint8Array): Uint8Array {
  if (input.length > 0xffff) throw new Error('an OPRF input is at most 65535 bytes');
  const element = ristretto255_hasher.hashToCurve(input, { DST: HASH_TO_GROUP_DST }) as unknown as GroupElement;
  return finalizeOutput(input, element.multiply(Fn.fromBytes(secretKey)));
}
