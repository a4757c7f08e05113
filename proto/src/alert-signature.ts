// Alerts are signed at the source (DESIGN principle 3): a detached JWS (RFC 7515, appendix F)
// over the RFC 8785 canonical JSON of the alert without its signature, with the originating
// agency's key. Receivers verify it against the keys the membership document lists for that
// agency before they store anything, so a node that publishes in another agency's name, or a
// message altered on the way, is caught whatever the bus allowed.
import { CompactSign, compactVerify, createLocalJWKSet, importJWK, type JWK, errors as joseErrors } from 'jose';
import type { Alert } from './alert.js';
import { canonicalJson } from './canonical-json.js';
import type { Membership } from './membership.js';
import { base64urlBytes, base64urlEncode } from './pseudonym.js';

export const ALERT_SIGNING_ALGORITHMS = ['EdDSA', 'ES256'];

/**
 * Signature primitives a platform may lend proto instead of WebCrypto (the node lends Node's own
 * crypto, signature-engine.ts there). WebCrypto answers each call through a thread pool: a bulk
 * load's thousands of signatures, made or checked in turn, each wait for a thread, and on a busy
 * machine that wait costs more than the signature. Synchronous: an engine works on the calling
 * thread. The browser lends none, and jose's WebCrypto path stays proto's own.
 */
export interface SignatureEngine {
  /** The JWS signature (RFC 7518: raw r‖s for ES256) of `input` under a private JWK. */
  sign(alg: string, privateJwk: JWK, input: Uint8Array): Uint8Array;
  /** Whether `signature` is `publicJwk`'s over `input`; false for a key or signature it cannot read. */
  verify(alg: string, publicJwk: JWK, input: Uint8Array, signature: Uint8Array): boolean;
}

/** What a node signs: an alert, or any other document it sends partners (a correlation notice). */
export interface Signable {
  signature?: string | undefined;
}

function signingInput(doc: Signable): Uint8Array {
  const { signature: _, ...unsigned } = doc;
  return new TextEncoder().encode(canonicalJson(unsigned));
}

export interface AlertSigner {
  kid: string;
  sign<T extends Signable>(doc: T): Promise<T>;
}

/** The agency's private signing key, checked: everything it signs (alerts, audit heads) goes through here. */
export async function importSigningKey(privateJwk: JWK): Promise<{ alg: string; kid: string; key: Awaited<ReturnType<typeof importJWK>> }> {
  const alg = privateJwk.alg ?? (privateJwk.crv === 'Ed25519' ? 'EdDSA' : 'ES256');
  if (!ALERT_SIGNING_ALGORITHMS.includes(alg)) throw new Error(`alert-signing key algorithm ${alg} is not allowed`);
  if (!privateJwk.kid) throw new Error('alert-signing key needs a key id (kid)');
  return { alg, kid: privateJwk.kid, key: await importJWK(privateJwk, alg) };
}

const encoder = new TextEncoder();

/**
 * A signer from the agency's private JWK (it must carry `kid` and `alg`, as in CORRIDOR_SIGNING_KEY).
 * With an engine, signatures are made by it; the JWS is the one jose makes (same header, and
 * Ed25519 signatures are deterministic), which the spec checks.
 */
export async function createAlertSigner(privateJwk: JWK, engine?: SignatureEngine): Promise<AlertSigner> {
  const { alg, kid, key } = await importSigningKey(privateJwk);
  if (engine) {
    const header = base64urlEncode(encoder.encode(JSON.stringify({ alg, kid })));
    return {
      kid,
      async sign(doc) {
        const input = encoder.encode(`${header}.${base64urlEncode(signingInput(doc))}`);
        return { ...doc, signature: `${header}..${base64urlEncode(engine.sign(alg, privateJwk, input))}` };
      },
    };
  }
  return {
    kid,
    async sign(doc) {
      const jws = await new CompactSign(signingInput(doc)).setProtectedHeader({ alg, kid }).sign(key);
      const [header, , sig] = jws.split('.');
      return { ...doc, signature: `${header}..${sig}` };
    },
  };
}

/**
 * `unknownSigner`: the origin agency or its key is not (yet) in the membership document this node
 * holds. A new member or a rotated key may simply not have reached this node: worth a retry.
 */
export type SignatureVerdict = { ok: true; kid: string } | { ok: false; reason: string; unknownSigner?: true };

/**
 * One key set per published key list: jose imports each key once per set, and a set made at
 * every verification would import it again each time (what a bulk load of alerts pays most).
 * Held weakly: a new membership document brings new lists, and the old sets go with the old one.
 */
const keySets = new WeakMap<object, ReturnType<typeof createLocalJWKSet>>();
function keySetOf(keys: Parameters<typeof createLocalJWKSet>[0]): ReturnType<typeof createLocalJWKSet> {
  let set = keySets.get(keys);
  if (!set) {
    set = createLocalJWKSet(keys);
    keySets.set(keys, set);
  }
  return set;
}

/** Checks an alert's signature against its origin agency's published alert-signing keys. */
export async function verifyAlertSignature(alert: Alert, membership: Membership, engine?: SignatureEngine): Promise<SignatureVerdict> {
  if (!alert.signature) return { ok: false, reason: 'unsigned alert' };
  return verifySignedBy(alert, alert.origin.agency, membership, engine);
}

const KEY_TYPE: Record<string, { kty: string; crv: string }> = {
  EdDSA: { kty: 'OKP', crv: 'Ed25519' },
  ES256: { kty: 'EC', crv: 'P-256' },
};

/** The bytes of a base64url part of a signature, or undefined: what cannot be read is left to jose to refuse. */
function partBytes(text: string): Uint8Array | undefined {
  try {
    return base64urlBytes(text);
  } catch {
    return undefined;
  }
}

/**
 * The engine's answer when it can give one with certainty: the header names an allowed algorithm
 * and the kid of exactly one published key fit for it (as jose's key set chooses), carries
 * nothing else jose would weigh (`crit`, `b64`), and the signature checks. Every other case,
 * refusals included, is left to jose, so a refused document gets the same verdict and reason
 * with an engine as without.
 */
function verifiedByEngine(
  engine: SignatureEngine,
  keys: readonly JWK[],
  header: string,
  input: Uint8Array,
  sig: string,
): string | undefined {
  let parsed: unknown;
  try {
    const bytes = partBytes(header);
    parsed = bytes && JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return undefined;
  const { alg, kid, ...rest } = parsed as { alg?: unknown; kid?: unknown };
  if (typeof alg !== 'string' || typeof kid !== 'string' || !ALERT_SIGNING_ALGORITHMS.includes(alg)) return undefined;
  if (Object.keys(rest).some((name) => name === 'crit' || name === 'b64')) return undefined;
  const type = KEY_TYPE[alg];
  const fit = keys.filter(
    (k) =>
      k.kid === kid &&
      k.kty === type?.kty &&
      k.crv === type?.crv &&
      (k.alg === undefined || k.alg === alg) &&
      (k.use === undefined || k.use === 'sig') &&
      (k.key_ops === undefined || k.key_ops.includes('verify')),
  );
  const signature = partBytes(sig);
  if (fit.length !== 1 || !signature) return undefined;
  return engine.verify(alg, fit[0] as JWK, input, signature) ? kid : undefined;
}

/** Checks that `agencyId`'s alert-signing key signed exactly this document. */
export async function verifySignedBy(
  doc: Signable,
  agencyId: string,
  membership: Membership,
  engine?: SignatureEngine,
): Promise<SignatureVerdict> {
  if (!doc.signature) return { ok: false, reason: 'unsigned document' };
  const agency = membership.agencies.find((a) => a.id === agencyId);
  if (!agency) return { ok: false, reason: `origin agency ${agencyId} is not a member`, unknownSigner: true };
  const [header, empty, sig] = doc.signature.split('.');
  if (!header || empty !== '' || !sig) return { ok: false, reason: 'signature is not a detached JWS' };
  const payload = base64urlEncode(signingInput(doc));
  if (engine) {
    const kid = verifiedByEngine(engine, agency.alertSigningKeys.keys as JWK[], header, encoder.encode(`${header}.${payload}`), sig);
    if (kid !== undefined) return { ok: true, kid };
  }
  try {
    const { protectedHeader } = await compactVerify(`${header}.${payload}.${sig}`, keySetOf(agency.alertSigningKeys), {
      algorithms: ALERT_SIGNING_ALGORITHMS,
    });
    return { ok: true, kid: protectedHeader.kid ?? '' };
  } catch (e) {
    if (e instanceof joseErrors.JWKSNoMatchingKey)
      return { ok: false, reason: `signed with a key agency ${agency.id} does not publish`, unknownSigner: true };
    if (e instanceof joseErrors.JWSSignatureVerificationFailed) return { ok: false, reason: 'signature does not match the alert' };
    if (e instanceof joseErrors.JOSEError) return { ok: false, reason: `signature not acceptable: ${e.message}` };
    throw e;
  }
}

/** The key id in a detached JWS's protected header: which of its keys the agency signed with. */
export function signatureKeyId(signature: string | undefined | null): string | null {
  const header = signature?.split('.')[0];
  if (!header) return null;
  try {
    const json = atob(header.replace(/-/g, '+').replace(/_/g, '/'));
    const kid = (JSON.parse(json) as { kid?: unknown }).kid;
    return typeof kid === 'string' ? kid : null;
  } catch {
    return null;
  }
}
