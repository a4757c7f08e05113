// Node's own crypto as proto's signature engine (proto alert-signature.ts): signatures made and
// checked on the calling thread, where WebCrypto (jose's path, kept for the browser) sends each
// through libuv's thread pool. A bulk load signs and checks thousands in turn; measured in the
// alerts suite, the waits for a pool thread cost more than the signatures on a busy machine.
import { createPrivateKey, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import type { SignatureEngine } from '@corridor/proto';

type Jwk = Parameters<SignatureEngine['verify']>[1];

// Keys are imported once per JWK object: the membership document's key lists and the node's own
// key live as long as they are in force, and go with them.
const imported = new WeakMap<object, KeyObject | null>();

function keyOf(jwk: Jwk, kind: 'private' | 'public'): KeyObject | null {
  let key = imported.get(jwk);
  if (key === undefined) {
    try {
      const input = { key: jwk as import('node:crypto').JsonWebKey, format: 'jwk' as const };
      key = kind === 'private' ? createPrivateKey(input) : createPublicKey(input);
    } catch {
      key = null;
    }
    imported.set(jwk, key);
  }
  return key;
}

/** ES256 signatures in JWS are r‖s, not DER; Ed25519 takes no digest name. */
function options(alg: string, key: KeyObject) {
  return { digest: alg === 'ES256' ? 'sha256' : null, key: { key, dsaEncoding: 'ieee-p1363' as const } };
}

export const nodeSignatures: SignatureEngine = {
  sign(alg, privateJwk, input) {
    const key = keyOf(privateJwk, 'private');
    if (!key) throw new Error('the signing key cannot be read');
    const o = options(alg, key);
    return sign(o.digest, input, o.key);
  },
  verify(alg, publicJwk, input, signature) {
    const key = keyOf(publicJwk, 'public');
    if (!key) return false;
    const o = options(alg, key);
    try {
      return verify(o.digest, input, o.key, signature);
    } catch {
      return false;
    }
  },
};
