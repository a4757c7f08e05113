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
// unblinding; when proofs are asked for, each holder's composite and each proof's two composites).
// Blinding, evaluating, combining, checking and finalizing each go to libsodium once per batch,
// blinds and unblinding factors as 32-byte scalars end to end: per element, the calls, their
// allocations and noble's SHA-512 had cost the requester more than the arithmetic. The proofs'
// scalars stay bigints in noble's field (cheap), and noble's own group remains for what is rare and
// must be independent of the fast path: dealing keys, checking the membership's share keys, and
// `evaluateWithKey` and `finalizeOutput`, which the specs use as an oracle for the whole pipeline.

import { ristretto255, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { sha512 } from '@noble/hashes/sha2.js';
import { concatBytes } from '@noble/hashes/utils.js';
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

/** n uniform non-zero scalars, from libsodium's generator as the blinds are drawn. */
export function randomScalars(n: number): bigint[] {
  return pieces(group.randomScalars(n)).map((s) => Fn.fromBytes(s));
}

/** Elements end to end, each checked to be 32 bytes long: what the batch operations take. */
function flat(elements: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(ELEMENT_BYTES * elements.length);
  elements.forEach((e, i) => {
    if (e.length !== ELEMENT_BYTES) throw new Error(`not a valid OPRF element (32 bytes): element ${i}`);
    out.set(e, ELEMENT_BYTES * i);
  });
  return out;
}

/** Several holders' answers end to end, holder after holder, as smallMultipleSumEach takes them. */
function flatAll(answers: Uint8Array[][]): Uint8Array {
  return concatBytes(...answers.map(flat));
}

/** The `width`-byte pieces of a flat array, as views rather than copies. */
function pieces(bytes: Uint8Array, width = ELEMENT_BYTES): Uint8Array[] {
  return Array.from({ length: bytes.length / width }, (_, i) => bytes.subarray(width * i, width * (i + 1)));
}

/** Inputs end to end and where each ends, as the batch hashes take them. */
function messages(inputs: Uint8Array[]): { bytes: Uint8Array; ends: Uint32Array } {
  const ends = new Uint32Array(inputs.length);
  let at = 0;
  inputs.forEach((input, i) => {
    if (input.length > 0xffff) throw new Error('an OPRF input is at most 65535 bytes');
    at += input.length;
    ends[i] = at;
  });
  return { bytes: concatBytes(...inputs), ends };
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

/** A batch of inputs, blinded (RFC 9497 §3.3.1 Blind, batched: H(input)·r for each). */
export interface BlindedBatch {
  /** Kept by the client only, one 32-byte scalar per input end to end: without them the evaluated elements say nothing. */
  blinds: Uint8Array;
  /** What goes to the key holders. */
  blinded: Uint8Array[];
}

/** Blinds every input, with fresh blinds (`blinds` is for test vectors only). */
export async function blindInputs(inputs: Uint8Array[], blinds: Uint8Array = group.randomScalars(inputs.length)): Promise<BlindedBatch> {
  const { bytes, ends } = messages(inputs);
  const hashed = await group.hashToGroupEach(bytes, ends, HASH_TO_GROUP_DST);
  return { blinds, blinded: pieces(await group.scalarmultEach(blinds, hashed)) };
}

/** One input's Blind, for the RFC's vectors. */
export async function blindInput(input: Uint8Array, blind: bigint = randomScalar()): Promise<{ blind: bigint; blinded: Uint8Array }> {
  return { blind, blinded: (await blindInputs([input], Fn.toBytes(blind))).blinded[0] as Uint8Array };
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
export async function evaluateOnly(secretKey: Uint8Array, blinded: Uint8Array[]): Promise<Uint8Array[]> {
  if (Fn.fromBytes(secretKey) === 0n) throw new Error('a zero key share');
  return pieces(await group.scalarmultEach(secretKey, flat(blinded)));
}

/**
 * A key holder's side (RFC 9497 §3.3.2 BlindEvaluate, batched, with §2.2.1 GenerateProof): k·B for
 * each blinded element, and one proof for all: its cost is one composite over the batch (one
 * multiplication per element) and three multiplications, however many elements.
 * `proofScalar` is for the RFC's vectors only.
 */
export async function evaluateBlinded(
  secretKey: Uint8Array,
  publicKey: Uint8Array,
  blinded: Uint8Array[],
  proofScalar: bigint = randomScalar(),
): Promise<ShareEvaluation> {
  const k = Fn.fromBytes(secretKey);
  const B = checkedElement(publicKey);
  const evaluated = await evaluateOnly(secretKey, blinded);
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

/**
 * About how many libsodium additions of encoded elements cost one of its scalar multiplications:
 * measured 38 µs and 204 µs (WebAssembly, node 20, load 6 on 2 cores), 13 µs and 46 µs (native,
 * idle), 21 µs and 85 µs (native, a slower machine). Each addition decodes two elements and
 * encodes one (three inverse square roots); the multiplication decodes once, then works inside.
 * That ratio is also why a bucket (Pippenger) multi-scalar multiplication over these additions
 * loses: for 1,000 full-size scalars it needs some 40 additions per element.
 */
const ADDITIONS_PER_MULTIPLICATION = 4;

/** How many additions smallMultipleSumEach spends per element on these coefficients. */
function additionsFor(coefficients: bigint[]): number {
  const magnitudes = coefficients.map((c) => (c < 0n ? -c : c));
  const bits = Math.max(...magnitudes.map((m) => m.toString(2).length));
  const ones = magnitudes.reduce((n, m) => n + [...m.toString(2)].filter((b) => b === '1').length, 0);
  return bits - 1 + ones - 1;
}

/** The coefficients as smallMultipleSumEach takes them, when they fit. */
function int32s(coefficients: bigint[]): Int32Array | undefined {
  const limit = 2n ** 31n - 1n;
  return coefficients.every((c) => c >= -limit && c <= limit) ? Int32Array.from(coefficients, Number) : undefined;
}

/**
 * factor_i·Σ_j m_j·E_{j,i} for each input i, over t holders' evaluated elements (`evaluated[j]`,
 * in the order of the m_j), the m_j the integer Lagrange numerators (`integerLagrange`) and each
 * factor_i = 1/(denominator·r_i): combination and unblinding, end to end in one array. The
 * numerators are public, so when they are small the sum is a few additions and the one
 * constant-time multiplication is by the secret factor; otherwise one multiplication per element.
 * The elements must have been checked: each by its proof, or all n answers against each other.
 */
export async function combineEvaluated(numerators: bigint[], evaluated: Uint8Array[][], factors: Uint8Array): Promise<Uint8Array> {
  const small = int32s(numerators);
  if (small && additionsFor(numerators) <= ADDITIONS_PER_MULTIPLICATION * (numerators.length - 1))
    return group.scalarmultEach(factors, await group.smallMultipleSumEach(small, flatAll(evaluated)));
  return concatBytes(
    ...pieces(factors).map((f, i) => {
      const factor = Fn.fromBytes(f);
      return sumOfMultiples(
        evaluated.map((answer) => answer[i] as Uint8Array),
        numerators.map((m) => Fn.mul(Fn.create(m), factor)),
      );
    }),
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
export async function agreesWithCombination(
  lagrange: { numerators: bigint[]; denominator: bigint },
  basis: Uint8Array[][],
  evaluated: Uint8Array[],
): Promise<boolean | undefined> {
  const { numerators, denominator } = lagrange;
  const cost = additionsFor(numerators) + additionsFor([denominator]);
  const small = int32s(numerators);
  if (cost > 2 * ADDITIONS_PER_MULTIPLICATION || !small) return undefined;
  try {
    if (basis.some((answer) => answer.length !== evaluated.length)) return false;
    const expected = await group.smallMultipleSumEach(small, flatAll(basis));
    const got =
      denominator === 1n ? flat(evaluated) : await group.smallMultipleSumEach(Int32Array.of(Number(denominator)), flat(evaluated));
    for (let i = 0; i < evaluated.length; i++) {
      const e = expected.subarray(ELEMENT_BYTES * i, ELEMENT_BYTES * (i + 1));
      if (e.every((b) => b === 0) || !equalBytes(e, got.subarray(ELEMENT_BYTES * i, ELEMENT_BYTES * (i + 1)))) return false;
    }
    return true;
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

/** RFC 9497 §3.3.1 Finalize for a batch: each input with its unblinded element (32 bytes each, end to end), in libsodium. */
export function finalizeOutputs(inputs: Uint8Array[], unblinded: Uint8Array): Uint8Array[] {
  const { bytes, ends } = messages(inputs);
  return pieces(group.finalizeEach(bytes, ends, unblinded), 64);
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
