// For the specs of signed documents (alerts, audit heads): fresh Ed25519 key pairs, and a
// membership whose agencies sign with them. Not on proto's face: specs only.
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import type { MemberAgency, Membership } from '../membership.js';

export interface SpecKeyPair {
  priv: JWK;
  pub: JWK;
}

export async function keyPair(kid: string): Promise<SpecKeyPair> {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  return { priv: { ...(await exportJWK(privateKey)), kid, alg: 'EdDSA' }, pub: { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA' } };
}

/** A membership of `agencies`, each listing its `pub` key as its alert-signing key and token issuer's key. */
export function signingMembership(agencies: { id: string; country: MemberAgency['country']; pub: JWK }[]): Membership {
  return {
    network: { id: 'n1', name: 'n' },
    audience: 'corridor',
    version: 1,
    agencies: agencies.map(({ id, country, pub }) => ({
      id,
      name: id,
      country,
      networks: [],
      nodeUrl: 'http://127.0.0.1:1/graphql',
      tokenIssuer: { issuer: id, jwks: { keys: [pub as never] } },
      alertSigningKeys: { keys: [pub as never] },
    })),
  };
}
