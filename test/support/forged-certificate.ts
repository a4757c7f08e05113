// A certificate for any name, signed with the network CA's own key taken from the run's folder:
// what a thief of the CA key (or a careless CA) could issue. Pins are there so that even this is
// refused where a member's own key is expected.
import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { MemberTls } from '@corridor/deploy';
import { tlsPinOf } from '@corridor/proto/graphql';

/** Issues `CN=<name>` on a fresh P-256 key with the CA whose certificate is `caFile` (its key beside it, ca.key). */
export function forgeCertificate(caFile: string, dir: string, name: string, hosts: string[] = []): MemberTls {
  const caKey = join(dirname(caFile), 'ca.key');
  const keyFile = join(dir, `forged-${name}.key`);
  const certFile = join(dir, `forged-${name}.pem`);
  const csr = join(dir, `forged-${name}.csr`);
  const ext = join(dir, `forged-${name}.ext`);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  openssl(
    'req',
    '-new',
    '-newkey',
    'ec',
    '-pkeyopt',
    'ec_paramgen_curve:P-256',
    '-nodes',
    '-keyout',
    keyFile,
    '-out',
    csr,
    '-subj',
    `/CN=${name}`,
  );
  const san = hosts.map((h) => (/^[\d.]+$/.test(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
  writeFileSync(
    ext,
    [
      'basicConstraints=critical,CA:FALSE',
      'keyUsage=critical,digitalSignature',
      'extendedKeyUsage=serverAuth,clientAuth',
      ...(san ? [`subjectAltName=${san}`] : []),
      '',
    ].join('\n'),
  );
  openssl('x509', '-req', '-in', csr, '-CA', caFile, '-CAkey', caKey, '-CAcreateserial', '-days', '1', '-extfile', ext, '-out', certFile);
  const cert = readFileSync(certFile);
  return { caFile, certFile, keyFile, fingerprint: new X509Certificate(cert).fingerprint256, pin: tlsPinOf(cert) };
}
