// A certificate's public key pin as RFC 7469 writes it (`pin-sha256`, the form of the membership's
// `tlsPins`), and the same digest as nats-server's `pinned_certs` takes it. Of the key, not of the
// certificate: a certificate renewed on the same key keeps its pin.
import { createHash, createPublicKey, type KeyObject, X509Certificate } from 'node:crypto';

/** The base64 SHA-256 of the certificate's DER SubjectPublicKeyInfo; `certificate` in PEM or DER. */
export function tlsPinOf(certificate: string | Buffer): string {
  return keyPinOf(new X509Certificate(certificate).publicKey);
}

/**
 * The same pin from a key: a public key, or the public half of a private key (PEM), as an agency
 * has it before its certificate is issued (`./corridor certs` prints it from the key and the request).
 */
export function keyPinOf(key: KeyObject | string): string {
  const publicKey = typeof key === 'string' ? createPublicKey(key) : key;
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
}

/** A `pin-sha256` as nats-server's `pinned_certs` lists it: the same SHA-256, in lower-case hex. */
export function natsPinnedCert(pin: string): string {
  const digest = Buffer.from(pin, 'base64');
  if (digest.length !== 32 || digest.toString('base64') !== pin) throw new TypeError(`${JSON.stringify(pin)} is not a pin-sha256`);
  return digest.toString('hex');
}
