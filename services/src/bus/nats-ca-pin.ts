// The NATS CA a node trusts must be one the signed membership pins: the CA file sits on the
// node's disk, the membership is signed by the secretariat, so a CA swapped on disk cannot put
// another server between the node and its leaf.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Membership } from '@corridor/proto';
import { ConfigError, type NatsTlsFiles } from '../config.js';

export function checkPinnedNatsCa(tls: NatsTlsFiles | undefined, membership: Pick<Membership, 'natsCaFingerprints'>): void {
  const pins = membership.natsCaFingerprints;
  if (!pins) return;
  if (!tls?.caFile) throw new ConfigError('CORRIDOR_NATS_CA', 'the membership pins the NATS CA: name its certificate file');
  let fingerprint: string;
  try {
    fingerprint = new X509Certificate(readFileSync(tls.caFile)).fingerprint256;
  } catch (e) {
    throw new ConfigError('CORRIDOR_NATS_CA', `not a certificate: ${(e as Error).message}`);
  }
  if (!pins.includes(fingerprint)) throw new ConfigError('CORRIDOR_NATS_CA', 'not a CA the membership pins');
}
