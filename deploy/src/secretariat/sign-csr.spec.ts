// What a member's request can and cannot obtain from the network CA: the attacker here is a
// member who crafts its CSR by hand with openssl, asking for more than its own names.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tlsPinOf } from '@corridor/proto/graphql';
import { afterAll, describe, expect, it } from 'vitest';
import { membershipWithKeys } from '../../../proto/src/testing/membership-with-keys.js';
import { makeAgencyCertificateRequests } from '../agency-certs.js';
import { newPrivateKey } from '../network-ca.js';
import { parseHubHosts } from './hub.js';
import { initSecretariat } from './init.js';
import { signAgencyCsr } from './sign-csr.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-sign-csr-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const secretariat = join(dir, 'secretariat');

/** A request made by hand, as a hostile member would: any subject, any extensions. */
function craftedCsr(name: string, subject: string, extensions: string[]): string {
  const key = join(dir, `${name}.key`);
  newPrivateKey(key);
  const csr = join(dir, `${name}.csr`);
  execFileSync('openssl', ['req', '-new', '-key', key, '-subj', subject, ...extensions.flatMap((e) => ['-addext', e]), '-out', csr]);
  return csr;
}

describe('the secretariat signing a member’s request', () => {
  it('signs the agency’s own requests with the pins the agency printed', async () => {
    await initSecretariat(secretariat);
    const made = makeAgencyCertificateRequests('it-polfr', ['node.polfr.example', '192.0.2.10'], join(dir, 'agency'));
    const signed = signAgencyCsr({ caDir: secretariat, csrFile: made.node.csrFile, agency: 'it-polfr', outFile: join(dir, 'node.pem') });
    expect(signed.pin).toBe(made.node.pin);
    const cert = new X509Certificate(readFileSync(join(dir, 'node.pem')));
    expect(tlsPinOf(cert.raw)).toBe(made.node.pin);
    expect(cert.subjectAltName).toBe('DNS:node.polfr.example, IP Address:192.0.2.10');
    expect(() =>
      signAgencyCsr({ caDir: secretariat, csrFile: made.node.csrFile, agency: 'it-polfr', outFile: join(dir, 'node.pem') }),
    ).toThrow(/--out: .* exists already/);
  });

  it('takes no subject but exactly CN=<agency> or CN=node-<agency>, whatever else it names', () => {
    for (const [name, subject] of [
      ['other', '/CN=ne-ppn'],
      ['extra', '/O=Polizia/CN=it-polfr'],
      ['hub', '/CN=hub-1'],
    ] as const) {
      const csr = craftedCsr(name, subject, []);
      const out = join(dir, `${name}.pem`);
      expect(() => signAgencyCsr({ caDir: secretariat, csrFile: csr, agency: 'it-polfr', outFile: out })).toThrow(/csr: its subject is/);
      expect(existsSync(out)).toBe(false);
    }
  });

  it('grants none of the extensions a request asks for but its names: no CA, no other usage', () => {
    const csr = craftedCsr('greedy', '/CN=it-polfr', [
      'basicConstraints=critical,CA:TRUE',
      'keyUsage=critical,keyCertSign',
      'subjectAltName=DNS:leaf.polfr.example',
    ]);
    signAgencyCsr({ caDir: secretariat, csrFile: csr, agency: 'it-polfr', outFile: join(dir, 'greedy.pem') });
    const cert = new X509Certificate(readFileSync(join(dir, 'greedy.pem')));
    expect(cert.ca).toBe(false);
    expect(cert.keyUsage).toEqual(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']);
    expect(cert.subjectAltName).toBe('DNS:leaf.polfr.example');
    const odd = craftedCsr('odd', '/CN=it-polfr', ['subjectAltName=email:x@polfr.example']);
    expect(() => signAgencyCsr({ caDir: secretariat, csrFile: odd, agency: 'it-polfr', outFile: join(dir, 'odd.pem') })).toThrow(
      /only DNS names and IP addresses/,
    );
  });

  it('refuses, given the membership in force, a request naming a host where another member’s node is listed', async () => {
    const { membership } = await membershipWithKeys({
      agencies: [
        { id: 'it-polfr', country: 'ITA', nodeUrl: 'https://node.polfr.example/graphql' },
        { id: 'ne-ppn', country: 'NER', nodeUrl: 'https://Node.PPN.example:4101/graphql' },
      ],
    });
    const signed = join(dir, 'membership.json');
    writeFileSync(signed, JSON.stringify({ membership, signature: 'not checked here' }));
    const csr = craftedCsr('squatter', '/CN=node-it-polfr', ['subjectAltName=DNS:node.polfr.example,DNS:node.ppn.example']);
    const out = join(dir, 'squatter.pem');
    expect(() => signAgencyCsr({ caDir: secretariat, csrFile: csr, agency: 'it-polfr', outFile: out, membershipFile: signed })).toThrow(
      /csr: it names node\.ppn\.example, where another member is reached/,
    );
    expect(existsSync(out)).toBe(false);
    const own = craftedCsr('own', '/CN=node-it-polfr', ['subjectAltName=DNS:node.polfr.example,DNS:localhost']);
    expect(signAgencyCsr({ caDir: secretariat, csrFile: own, agency: 'it-polfr', outFile: out, membershipFile: signed }).hosts).toEqual([
      'node.polfr.example',
      'localhost',
    ]);
  });

  it('refuses a file that is not a request, and a CSR whose signature does not verify', () => {
    writeFileSync(join(dir, 'junk.csr'), 'not a request\n');
    expect(() =>
      signAgencyCsr({ caDir: secretariat, csrFile: join(dir, 'junk.csr'), agency: 'it-polfr', outFile: join(dir, 'junk.pem') }),
    ).toThrow(/csr: .* signature verifies/);
  });
});

describe('the hub’s addresses', () => {
  it('are three hosts, with default ports or ports of their own', () => {
    expect(parseHubHosts('a.example,b.example,192.0.2.3').map((h) => [h.host, h.port, h.clusterPort, h.leafPort])).toEqual([
      ['a.example', 4222, 6222, 7422],
      ['b.example', 4222, 6222, 7422],
      ['192.0.2.3', 4222, 6222, 7422],
    ]);
    expect(parseHubHosts('127.0.0.1:1:2:3,127.0.0.1:4:5:6,127.0.0.1:7:8:9')[2]).toMatchObject({
      name: 'hub-3',
      port: 7,
      clusterPort: 8,
      leafPort: 9,
    });
    expect(() => parseHubHosts('a,b')).toThrow('--hosts: the hub is three servers; 2 given');
    expect(() => parseHubHosts('a,b,c d')).toThrow(/--hosts: "c d" is neither/);
  });
});
