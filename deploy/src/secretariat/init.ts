// `./corridor secretariat init --out DIR`: what a network's secretariat makes once. The network's
// CA (whose certificate every member trusts, and whose fingerprint the membership pins as
// natsCaFingerprints), and the key pair that signs the membership: the private JWK stays in DIR,
// the public JWKS is handed to every member as its trust anchor. Nothing is ever written over.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SettingsError } from '@corridor/proto';
import { newKeyPair } from '../keys.js';
import { createNetworkCa } from '../network-ca.js';

/** The CA outlives many memberships; a member's certificate is renewed yearly with a new CSR. */
export const SECRETARIAT_VALIDITY = { caDays: 10 * 365, memberDays: 365 };

export interface SecretariatFiles {
  caFile: string;
  caKey: string;
  /** SHA-256 of the CA certificate, as the membership's natsCaFingerprints lists it. */
  caFingerprint: string;
  signingKey: string;
  trustAnchor: string;
  kid: string;
}

export async function initSecretariat(dir: string, today = new Date()): Promise<SecretariatFiles> {
  const files = {
    caFile: join(dir, 'ca.pem'),
    caKey: join(dir, 'ca.key'),
    signingKey: join(dir, 'secretariat.jwk.json'),
    trustAnchor: join(dir, 'secretariat.jwks.json'),
  };
  for (const file of Object.values(files))
    if (existsSync(file)) throw new SettingsError(`--out: ${file} exists already; the secretariat's keys are never overwritten`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const kid = `secretariat-${today.toISOString().slice(0, 10).replaceAll('-', '')}`;
  const pair = await newKeyPair(kid);
  writeFileSync(files.signingKey, `${JSON.stringify(pair.privateJwk)}\n`, { mode: 0o600, flag: 'wx' });
  writeFileSync(files.trustAnchor, `${JSON.stringify({ keys: [pair.publicJwk] }, null, 2)}\n`, { mode: 0o644, flag: 'wx' });
  const ca = createNetworkCa(dir, 'Corridor network', SECRETARIAT_VALIDITY);
  return { ...files, caFingerprint: ca.fingerprint, kid };
}
