// Alerts are signed at the source (DESIGN principle 3): a detached JWS (RFC 7515, appendix F)
// over the RFC 8785 canonical JSON of the alert without its signature, with the originating
// agency's key. Receivers verify it against the keys the membership document lists for that
// agency before they store anything, so a node that publishes in another agency's name, or a
// message altered on the way, is caught whatever the bus allowed.
import { CompactSign, compactVerify, createLocalJWKSet, importJWK, type JWK, errors as joseErrors } from 'jose';
import type { Alert } from './alert.js';
import { canonicalJson } from './canonical-json.js';
import type { Membership } from './membership.js';
import { base64urlEncode } from './pseudonym.js';

export const ALERT_SIGNING_ALGORITHMS = ['EdDSA', 'ES256'];

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

/** A signer from the agency's private JWK (it must carry `kid` and `alg`, as in CORRIDOR_SIGNING_KEY). */
export async function createAlertSigner(privateJwk: JWK): Promise<AlertSigner> {
  const { alg, kid, key } = await importSigningKey(privateJwk);
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
export async function verifyAlertSignature(alert: Alert, membership: Membership): Promise<SignatureVerdict> {
  if (!alert.signature) return { ok: false, reason: 'unsigned alert' };
  return verifySignedBy(alert, alert.origin.agency, membership);
}

/** Checks that `agencyId`'s alert-signing key signed exactly this document. */
export async function verifySignedBy(doc: Signable, agencyId: string, membership: Membership): Promise<SignatureVerdict> {
  if (!doc.signature) return { ok: false, reason: 'unsigned document' };
  const agency = membership.agencies.find((a) => a.id === agencyId);
  if (!agency) return { ok: false, reason: `origin agency ${agencyId} is not a member`, unknownSigner: true };
  const [header, empty, sig] = doc.signature.split('.');
  if (!header || empty !== '' || !sig) return { ok: false, reason: 'signature is not a detached JWS' };
  const payload = base64urlEncode(signingInput(doc));
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
