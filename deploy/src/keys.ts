// Key material for a network on one machine: each agency's token-issuer, alert-signing and
// delegation key pairs (Ed25519) and the network's pseudonym key. Made fresh for every run and never committed.
import { randomBytes } from 'node:crypto';
import type { PublicJwk } from '@corridor/proto';
import { exportJWK, generateKeyPair, type JWK } from 'jose';

export interface KeyPair {
  kid: string;
  privateKey: CryptoKey;
  privateJwk: JWK;
  publicJwk: PublicJwk;
}

/** A fresh pair named `kid`; Ed25519 as the network's own issuers sign, or RS256 as many agencies' providers do. */
export async function newKeyPair(kid: string, alg: 'EdDSA' | 'RS256' = 'EdDSA'): Promise<KeyPair> {
  const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true });
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg } as PublicJwk;
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg };
  return { kid, privateKey, privateJwk, publicJwk };
}

/** `<epoch>:<base64url secret>`, as nodes read CORRIDOR_NETWORK_KEY. */
export function newNetworkKey(epoch = 1): string {
  return `${epoch}:${randomBytes(32).toString('base64url')}`;
}
