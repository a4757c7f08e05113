// A network's certificate authority for one run of the demo or a test: a CA key and certificate,
// and per member (a hub server, an agency) an ECDSA P-256 key and a certificate the CA signed, all
// in a folder of the run, removed with it and never committed. Made with Debian's `openssl`, which
// every machine that runs nats-server here has and which needs nothing from a registry; P-256
// because nats-server 2.9 (Go's crypto/tls) and Node both accept it on every link.
import { execFileSync } from 'node:child_process';
import { randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';

/** A member's certificate and key, and the CA that signed it: what one TLS peer is configured with. */
export interface MemberTls {
  caFile: string;
  certFile: string;
  keyFile: string;
  /** SHA-256 of the certificate's DER, as `AB:CD:…`: what the signed membership may pin. */
  fingerprint: string;
}

export interface IssueOptions {
  /** The certificate's subject common name: the agency's id, or the hub server's name. */
  name: string;
  /** Addresses and host names the member listens on (subjectAltName); empty for a client only. */
  hosts: string[];
}

export interface NetworkCa {
  dir: string;
  caFile: string;
  /** SHA-256 of the CA certificate's DER. */
  fingerprint: string;
  /** Signs a certificate for a member; usable as server and as client (routes and leaf links are both). */
  issue(opts: IssueOptions): MemberTls;
}

export class CertificateInputError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.name = 'CertificateInputError';
  }
}

/** Long enough for a demo left running; short, since the CA lives only as long as its run. */
const VALID_DAYS = 30;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const HOST = /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/;
const EC_KEY = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];

function openssl(args: string[], cwd: string): void {
  execFileSync('openssl', args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
}

function fingerprintOf(certFile: string): string {
  return new X509Certificate(readFileSync(certFile)).fingerprint256;
}

/** Makes a fresh CA in `dir` (created, owner-only); `label` names the network in its subject. */
export function createNetworkCa(dir: string, label = 'Corridor network'): NetworkCa {
  if (!/^[A-Za-z0-9 _.-]{1,64}$/.test(label)) throw new CertificateInputError('label', 'letters, digits, spaces, _ . - only');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caFile = join(dir, 'ca.pem');
  const caKey = join(dir, 'ca.key');
  openssl(
    [
      'req',
      '-x509',
      ...EC_KEY,
      '-keyout',
      caKey,
      '-out',
      caFile,
      '-days',
      String(VALID_DAYS),
      '-subj',
      `/O=${label}/CN=${label} CA`,
      '-addext',
      'basicConstraints=critical,CA:TRUE,pathlen:0',
      '-addext',
      'keyUsage=critical,keyCertSign,cRLSign',
    ],
    dir,
  );
  return openNetworkCa(dir);
}

/**
 * The CA a run made in `dir` (createNetworkCa), to issue one more certificate under it: a test's
 * server that the launcher did not start (the console on the gateway's host).
 */
export function openNetworkCa(dir: string): NetworkCa {
  const caFile = join(dir, 'ca.pem');
  const caKey = join(dir, 'ca.key');
  if (!existsSync(caFile) || !existsSync(caKey)) throw new CertificateInputError('dir', `${dir} holds no CA (ca.pem and ca.key)`);
  return {
    dir,
    caFile,
    fingerprint: fingerprintOf(caFile),
    issue({ name, hosts }) {
      if (!NAME.test(name)) throw new CertificateInputError('name', 'one token of letters, digits, _ . - (at most 64)');
      for (const h of hosts)
        if (!isIP(h) && !HOST.test(h))
          throw new CertificateInputError('hosts', `${JSON.stringify(h)} is neither an IP address nor a host name`);
      const keyFile = join(dir, `${name}.key`);
      const certFile = join(dir, `${name}.pem`);
      // One name, one member: a second certificate under it would replace the first one's files.
      if (existsSync(certFile)) throw new CertificateInputError('name', `${name} already has a certificate`);
      const csr = join(dir, `${name}.csr`);
      const ext = join(dir, `${name}.ext`);
      const san = hosts.map((h) => (isIP(h) ? `IP:${h}` : `DNS:${h}`)).join(',');
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
      // Only the common name in the subject: a hub maps a leaf's certificate to its account by the
      // subject's exact text (verify_and_map), `CN=<name>`.
      openssl(['req', '-new', ...EC_KEY, '-keyout', keyFile, '-out', csr, '-subj', `/CN=${name}`], dir);
      // A positive 127-bit serial: unique per certificate, as RFC 5280 asks.
      const serial = `0x7${randomBytes(16).toString('hex').slice(1)}`;
      openssl(
        [
          'x509',
          '-req',
          '-in',
          csr,
          '-CA',
          caFile,
          '-CAkey',
          caKey,
          '-set_serial',
          serial,
          '-days',
          String(VALID_DAYS),
          '-extfile',
          ext,
          '-out',
          certFile,
        ],
        dir,
      );
      rmSync(csr);
      rmSync(ext);
      return { caFile, certFile, keyFile, fingerprint: fingerprintOf(certFile) };
    },
  };
}

/** The subject a hub's verify_and_map sees in a member's certificate, to name its leaf user by. */
export function certificateSubject(name: string): string {
  return `CN=${name}`;
}
