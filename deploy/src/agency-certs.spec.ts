import { execSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { makeAgencyCertificateRequests } from './agency-certs.js';
import { makeAgencyKeys } from './agency-keys.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-agency-certs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('./corridor certs', () => {
  it('adds the pins of both TLS keys to the public keys file `keys` wrote, keeping its keys', async () => {
    const out = join(dir, 'both');
    const keys = await makeAgencyKeys('it-polfr', out);
    const before = JSON.parse(readFileSync(keys.publicKeys, 'utf8')) as Record<string, unknown>;
    const made = makeAgencyCertificateRequests('it-polfr', ['node.polfr.example'], out);
    expect(made.publicKeys).toBe(keys.publicKeys);
    const after = JSON.parse(readFileSync(keys.publicKeys, 'utf8')) as Record<string, unknown>;
    expect(after).toEqual({ ...before, tlsPins: [made.node.pin, made.leaf.pin] });
    for (const r of [made.node, made.leaf]) {
      expect(statSync(r.keyFile).mode & 0o777).toBe(0o600);
      // RFC 7469: base64 of a SHA-256 of the DER SPKI, as the pipeline the README gives computes it from the request.
      expect(r.pin).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      const fromOpenssl = execSync(
        `openssl req -in '${r.csrFile}' -noout -pubkey | openssl pkey -pubin -outform der | openssl dgst -sha256 -binary | base64`,
      );
      expect(r.pin).toBe(fromOpenssl.toString().trim());
    }
    expect(made.node.name).toBe('node-it-polfr');
    expect(made.leaf.name).toBe('it-polfr');
  });

  it('never overwrites a key, and names a bad host or agency', () => {
    const out = join(dir, 'again');
    const first = makeAgencyCertificateRequests('ne-ppn', ['192.0.2.7'], out);
    const key = readFileSync(first.node.keyFile, 'utf8');
    expect(() => makeAgencyCertificateRequests('ne-ppn', ['192.0.2.7'], out)).toThrow(/--out: .*node\.key exists already/);
    expect(readFileSync(first.node.keyFile, 'utf8')).toBe(key);
    expect(() => makeAgencyCertificateRequests('ne-ppn', ['bad host'], join(dir, 'x'))).toThrow(/--host: "bad host" is neither/);
    expect(() => makeAgencyCertificateRequests('ne-ppn', [], join(dir, 'x'))).toThrow(/--host: at least one/);
    expect(() => makeAgencyCertificateRequests('NE PPN', ['a.example'], join(dir, 'x'))).toThrow('--agency: NE PPN is not an agency id');
  });
});
