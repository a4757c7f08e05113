// The membership document travels signed by the network's secretariat (X-Road's global
// configuration is signed the same way): `{ membership, signature }`, the signature a detached JWS
// (RFC 7515, appendix F) over the RFC 8785 canonical JSON of `membership`. Nodes and gateways hold
// the secretariat's public keys (the trust anchor) and believe nothing the keys did not sign:
// whoever can write the file or answer at its address still cannot add an agency or a key.
import { CompactSign, compactVerify, createLocalJWKSet, importJWK, type JWK, errors as joseErrors } from 'jose';
import { z } from 'zod';
import { canonicalJson } from './canonical-json.js';
import { fieldErrorsOf, OperatorError } from './errors.js';
import { type Jwks, jwks } from './fields.js';
import { type Membership, membership as membershipSchema } from './membership.js';
import { base64urlEncode } from './pseudonym.js';

const MEMBERSHIP_SIGNING_ALGORITHMS = ['EdDSA', 'ES256'];
/** The JWS `typ`: a secretariat signature over something else cannot pass for a membership. */
const MEMBERSHIP_JWS_TYPE = 'corridor-membership+jws';

const MEMBERSHIP_REFUSALS = ['unreadable', 'not_json', 'not_signed', 'bad_signature', 'invalid', 'rollback', 'other_network'] as const;
export type MembershipRefusal = (typeof MEMBERSHIP_REFUSALS)[number];

/** A membership document that is not accepted, and why (`reason` for logs and tests, message for people). */
export class MembershipError extends OperatorError {
  readonly code = 'MEMBERSHIP_REFUSED' as const;
  override name = 'MembershipError';
  constructor(
    readonly reason: MembershipRefusal,
    message: string,
  ) {
    super(message);
  }
}

/** The file (or HTTP answer) as published: the document and the secretariat's signature over it. */
export const signedMembership = z.strictObject({ membership: z.record(z.string(), z.unknown()), signature: z.string().min(1) });
type SignedMembership = { membership: Membership; signature: string };

function signingInput(document: unknown): Uint8Array {
  return new TextEncoder().encode(canonicalJson(document));
}

/** Signs a membership document with the secretariat's private JWK (it must carry `kid`). */
export async function signMembership(document: Membership, secretariatKey: JWK): Promise<SignedMembership> {
  const alg = secretariatKey.alg ?? (secretariatKey.crv === 'Ed25519' ? 'EdDSA' : 'ES256');
  if (!MEMBERSHIP_SIGNING_ALGORITHMS.includes(alg)) throw new Error(`secretariat key algorithm ${alg} is not allowed`);
  if (!secretariatKey.kid) throw new Error('the secretariat key needs a key id (kid)');
  if (!secretariatKey.d) throw new Error('signing needs the secretariat private key (the JWK has no "d")');
  // What is signed is what every reader will validate: a document that does not validate is not signed.
  const checked = membershipSchema.safeParse(document);
  if (!checked.success) throw new MembershipError('invalid', invalidMessage(checked.error));
  const key = await importJWK(secretariatKey, alg);
  const jws = await new CompactSign(signingInput(document))
    .setProtectedHeader({ alg, kid: secretariatKey.kid, typ: MEMBERSHIP_JWS_TYPE })
    .sign(key);
  const [header, , sig] = jws.split('.');
  return { membership: document, signature: `${header}..${sig}` };
}

/** The trust anchor: the secretariat's public keys, as a JWKS in JSON. */
export function parseTrustAnchor(text: string): Jwks {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('the membership trust anchor must be a JWKS in JSON: {"keys": [...]}');
  }
  const parsed = jwks.safeParse(raw);
  if (!parsed.success) {
    throw new Error(
      `the membership trust anchor is not a JWKS of public keys: ${fieldErrorsOf(parsed.error)
        .map((e) => `${e.path || 'document'}: ${e.message}`)
        .join('; ')}`,
    );
  }
  return parsed.data;
}

/**
 * Reads a published membership: parses, checks the secretariat's signature over exactly the bytes'
 * canonical form, then validates. Throws MembershipError naming what is wrong; never returns
 * anything the trust anchor did not sign.
 */
export async function openSignedMembership(text: string, trust: Jwks): Promise<Membership> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new MembershipError('not_json', 'the membership document is not JSON');
  }
  const envelope = signedMembership.safeParse(raw);
  if (!envelope.success) {
    throw new MembershipError('not_signed', 'the membership document must be {"membership": {...}, "signature": "<detached JWS>"}');
  }
  const [header, empty, sig] = envelope.data.signature.split('.');
  if (!header || empty !== '' || !sig) throw new MembershipError('not_signed', 'the membership signature is not a detached JWS');
  // The signature covers the document as published, before any default is filled in.
  const published = (raw as { membership: unknown }).membership;
  const payload = base64urlEncode(signingInput(published));
  try {
    const { protectedHeader } = await compactVerify(`${header}.${payload}.${sig}`, createLocalJWKSet(trust), {
      algorithms: MEMBERSHIP_SIGNING_ALGORITHMS,
    });
    if (protectedHeader.typ !== MEMBERSHIP_JWS_TYPE) {
      throw new MembershipError('bad_signature', `the signature is not a membership signature (typ must be ${MEMBERSHIP_JWS_TYPE})`);
    }
  } catch (e) {
    if (e instanceof MembershipError) throw e;
    if (e instanceof joseErrors.JWKSNoMatchingKey)
      throw new MembershipError('bad_signature', 'the membership is signed with a key the trust anchor does not hold');
    if (e instanceof joseErrors.JWSSignatureVerificationFailed)
      throw new MembershipError('bad_signature', 'the membership signature does not match the document (altered after signing?)');
    if (e instanceof joseErrors.JOSEError)
      throw new MembershipError('bad_signature', `the membership signature is not acceptable: ${e.message}`);
    throw e;
  }
  const parsed = membershipSchema.safeParse(published);
  if (!parsed.success) throw new MembershipError('invalid', invalidMessage(parsed.error));
  return parsed.data;
}

function invalidMessage(error: z.ZodError): string {
  return `the membership document is not valid: ${fieldErrorsOf(error)
    .map((e) => `${e.path || 'document'}: ${e.message}`)
    .join('; ')}`;
}

/**
 * Whether `next` may replace `current`: the same network, and a higher version. An older or equal
 * version is refused, so a replayed (validly signed) old document cannot roll back a removal or a
 * key rotation.
 */
export function checkSuccessor(current: Membership, next: Membership): void {
  if (next.network.id !== current.network.id) {
    throw new MembershipError('other_network', `the document is for network ${next.network.id}, not ${current.network.id}`);
  }
  if (next.version <= current.version) {
    throw new MembershipError('rollback', `version ${next.version} is not newer than the version in force (${current.version})`);
  }
}
