// This node's share of the pseudonym key, when its agency is a key holder (issue 18):
// CORRIDOR_PSEUDONYM_KEY_SHARE=<epoch>:<index>:<base64url secret scalar>. Checked at start against
// the membership: the share must be the one listed for this agency, at that index, for that epoch.
import { base64urlBytes, type Membership, sharePublicKey } from '@corridor/proto';

export interface KeyShareConfig {
  epoch: number;
  index: number;
  secretKey: Uint8Array;
  publicKey: Uint8Array;
}

export function parseKeyShare(text: string): KeyShareConfig {
  const match = /^(\d+):(\d+):([A-Za-z0-9_-]{43})$/.exec(text.trim());
  if (!match) throw new Error('a key share must look like <epoch>:<index>:<base64url secret of 32 bytes>');
  const secretKey = base64urlBytes(match[3] as string);
  let publicKey: Uint8Array;
  try {
    publicKey = sharePublicKey(secretKey);
  } catch {
    throw new Error('the key share is not a non-zero scalar of ristretto255');
  }
  return { epoch: Number(match[1]), index: Number(match[2]), secretKey, publicKey };
}

/** Why the membership does not list this share for `agency`, or null when it does. */
export function shareMismatch(share: KeyShareConfig, agency: string, membership: Membership): string | null {
  const service = membership.pseudonymService;
  if (!service) return 'the membership names no pseudonym service';
  if (service.epoch !== share.epoch) return `the membership's pseudonym epoch is ${service.epoch}, the share's ${share.epoch}`;
  const entry = service.holders.find((h) => h.agency === agency);
  if (!entry) return `agency ${agency} is not among the membership's key holders`;
  if (entry.index !== share.index) return `the membership lists share ${entry.index} for agency ${agency}, not ${share.index}`;
  if (Buffer.from(base64urlBytes(entry.publicKey)).compare(Buffer.from(share.publicKey)) !== 0)
    return `the share's public key is not the one the membership lists for agency ${agency}`;
  return null;
}
