import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkPinnedNatsCa } from './nats-ca-pin.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-ca-pin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A self-signed CA certificate, as the network's would be. */
function caFile(name: string): string {
  const file = join(dir, `${name}.pem`);
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      join(dir, `${name}.key`),
      '-out',
      file,
      '-days',
      '1',
      '-subj',
      `/CN=${name}`,
    ],
    {
      stdio: 'ignore',
    },
  );
  return file;
}

describe('the NATS CA a node trusts, against the membership’s pins', () => {
  const pinned = caFile('pinned');
  const other = caFile('other');
  const pins = { natsCaFingerprints: [new X509Certificate(readFileSync(pinned)).fingerprint256] };

  it('accepts the pinned CA, and anything when the membership pins nothing', () => {
    expect(() => checkPinnedNatsCa({ caFile: pinned }, pins)).not.toThrow();
    expect(() => checkPinnedNatsCa(undefined, {})).not.toThrow();
    expect(() => checkPinnedNatsCa({ caFile: other }, {})).not.toThrow();
  });

  it('refuses, naming CORRIDOR_NATS_CA, another CA, no CA file, and a file that is no certificate', () => {
    expect(() => checkPinnedNatsCa({ caFile: other }, pins)).toThrow(/^CORRIDOR_NATS_CA: not a CA the membership pins/);
    expect(() => checkPinnedNatsCa(undefined, pins)).toThrow(/^CORRIDOR_NATS_CA: the membership pins/);
    const junk = join(dir, 'junk.pem');
    writeFileSync(junk, 'not a certificate');
    expect(() => checkPinnedNatsCa({ caFile: junk }, pins)).toThrow(/^CORRIDOR_NATS_CA: not a certificate/);
  });
});
