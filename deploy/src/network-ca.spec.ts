import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CertificateInputError, createNetworkCa, openNetworkCa } from './network-ca.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-ca-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the network CA of a run', () => {
  const ca = createNetworkCa(join(dir, 'ca'));
  const hub = ca.issue({ name: 'hub-1', hosts: ['127.0.0.1', 'localhost'] });
  const agency = ca.issue({ name: 'ne-ppn', hosts: [] });
  const caCert = new X509Certificate(readFileSync(ca.caFile));

  it('signs member certificates with P-256 keys that chain to it', () => {
    for (const m of [hub, agency]) {
      const cert = new X509Certificate(readFileSync(m.certFile));
      expect(cert.verify(caCert.publicKey)).toBe(true);
      expect(cert.publicKey.asymmetricKeyDetails?.namedCurve).toBe('prime256v1');
      expect(cert.ca).toBe(false);
      expect(m.fingerprint).toBe(cert.fingerprint256);
    }
    expect(caCert.ca).toBe(true);
    expect(ca.fingerprint).toBe(caCert.fingerprint256);
  });

  it('names the member in the subject and its listening addresses in the alternative names', () => {
    const cert = new X509Certificate(readFileSync(hub.certFile));
    expect(cert.subject).toBe('CN=hub-1');
    expect(cert.subjectAltName).toBe('IP Address:127.0.0.1, DNS:localhost');
    expect(cert.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(new X509Certificate(readFileSync(agency.certFile)).subject).toBe('CN=ne-ppn');
  });

  it('keeps every private key readable by its owner alone', () => {
    for (const key of [hub.keyFile, agency.keyFile, join(ca.dir, 'ca.key')]) expect(statSync(key).mode & 0o077).toBe(0);
  });

  it('refuses a name or host that is not one token, naming the field, and a name issued twice', () => {
    expect(() => ca.issue({ name: 'a/b', hosts: [] })).toThrow(CertificateInputError);
    expect(() => ca.issue({ name: 'x', hosts: ['a b'] })).toThrow(/hosts/);
    expect(() => ca.issue({ name: 'hub-1', hosts: [] })).toThrow(/name: hub-1 already/);
  });

  it('issues one more certificate under the same CA once reopened from its folder, and still refuses a name issued twice', () => {
    const again = openNetworkCa(ca.dir);
    expect(again.fingerprint).toBe(ca.fingerprint);
    const console = again.issue({ name: 'console', hosts: ['10.213.0.4'] });
    expect(new X509Certificate(readFileSync(console.certFile)).verify(caCert.publicKey)).toBe(true);
    expect(() => again.issue({ name: 'hub-1', hosts: [] })).toThrow(/name: hub-1 already/);
  });

  it('refuses to reopen a folder that holds no CA, naming the field', () => {
    expect(() => openNetworkCa(join(dir, 'nothing-here'))).toThrow(/^dir: .* holds no CA/);
  });
});
