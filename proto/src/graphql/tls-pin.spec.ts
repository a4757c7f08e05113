import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tlsPin } from '../membership.js';
import { natsPinnedCert, tlsPinOf } from './tls-pin.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-pin-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A self-signed certificate on a fresh key, made with openssl; `key` reuses an existing key. */
function certificate(name: string, key?: string): { certFile: string; keyFile: string } {
  const certFile = join(dir, `${name}.pem`);
  const keyFile = key ?? join(dir, `${name}.key`);
  const newKey = key ? ['-key', key] : ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', keyFile];
  execFileSync('openssl', ['req', '-x509', ...newKey, '-out', certFile, '-days', '1', '-subj', `/CN=${name}`], { stdio: 'ignore' });
  return { certFile, keyFile };
}

/** The pin as an operator computes it with openssl alone (RFC 7469 §2.4, the form the guide prints). */
function opensslPin(certFile: string): string {
  return execFileSync('sh', [
    '-c',
    `openssl x509 -pubkey -noout -in "${certFile}" | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`,
  ])
    .toString()
    .trim();
}

describe('a certificate’s pin', () => {
  const first = certificate('first');

  it('is the pin-sha256 openssl computes from the certificate’s public key, in the membership’s form', () => {
    const pin = tlsPinOf(readFileSync(first.certFile, 'utf8'));
    expect(pin).toBe(opensslPin(first.certFile));
    expect(tlsPin.safeParse(pin).success).toBe(true);
  });

  it('stays with a certificate renewed on the same key, and changes with a new key', () => {
    const renewed = certificate('renewed', first.keyFile);
    const rekeyed = certificate('rekeyed');
    expect(readFileSync(renewed.certFile, 'utf8')).not.toBe(readFileSync(first.certFile, 'utf8'));
    expect(tlsPinOf(readFileSync(renewed.certFile))).toBe(tlsPinOf(readFileSync(first.certFile)));
    expect(tlsPinOf(readFileSync(rekeyed.certFile))).not.toBe(tlsPinOf(readFileSync(first.certFile)));
  });

  it('is the same SHA-256 as nats-server’s pinned_certs takes, in hex', () => {
    const pin = tlsPinOf(readFileSync(first.certFile));
    expect(natsPinnedCert(pin)).toBe(Buffer.from(pin, 'base64').toString('hex'));
    expect(natsPinnedCert(pin)).toMatch(/^[0-9a-f]{64}$/);
    expect(() => natsPinnedCert('AB:CD')).toThrow(/not a pin-sha256/);
  });
});
