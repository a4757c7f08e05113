// A network's certificate authority: the secretariat's for a real network (`./corridor
// secretariat init`, sign-csr), or one made fresh for one run of the demo or a test. A CA key and
// certificate, and per member (a hub server, an agency's node or leaf) an ECDSA P-256 key and a
// certificate the CA signed. Certificates are made with Debian's `openssl`, which every machine
// that runs nats-server here has and which needs nothing from a registry; keys are made by Node,
// so that each is written owner-only and never over an existing file. P-256 because nats-server
// 2.9 (Go's crypto/tls) and Node both accept it on every link.
import { execFileSync } from 'node:child_process';
import { generateKeyPairSync, randomBytes, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { join } from 'node:path';
import { keyPinOf, tlsPinOf } from '@corridor/proto/graphql';

/** A member's certificate and key, and the CA that signed it: what one TLS peer is configured with. */
export interface MemberTls {
  caFile: string;
  certFile: string;
  keyFile: string;
  /** SHA-256 of the certificate's DER, as `AB:CD:…`. */
  fingerprint: string;
  /** The certificate's key as RFC 7469 `pin-sha256`: what the signed membership pins (`tlsPins`). */
  pin: string;
}

export interface IssueOptions {
  /** The certificate's subject common name: the agency's id, or the hub server's name. */
  name: string;
  /** Addresses and host names the member listens on (subjectAltName); empty for a client only. */
  hosts: string[];
  /** Where the key and certificate go; the CA's folder when absent. */
  outDir?: string;
}

export interface SignedCsr {
  certFile: string;
  subject: string;
  hosts: string[];
  /** The RFC 7469 pin of the certificate's key (base64 SHA-256 of its DER SubjectPublicKeyInfo). */
  pin: string;
  fingerprint: string;
}

export interface NetworkCa {
  dir: string;
  caFile: string;
  /** SHA-256 of the CA certificate's DER. */
  fingerprint: string;
  /** Makes a key and signs a certificate for a member; usable as server and as client (routes and leaf links are both). */
  issue(opts: IssueOptions): MemberTls;
  /**
   * Signs a member's CSR, its subject exactly `CN=<one of names>`, with the alternative names it
   * asks for (checked) and nothing else it asks for: the usages are the CA's choice.
   */
  signCsr(opts: { csrFile: string; certFile: string; names: string[]; refusedHosts?: readonly string[] }): SignedCsr;
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

/** Long enough for a demo left running; short, since a run's CA lives only as long as its run. */
const RUN_VALID_DAYS = 30;
const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const HOST = /^[A-Za-z0-9][A-Za-z0-9.-]{0,252}$/;

function openssl(args: string[], cwd: string): string {
  return execFileSync('openssl', args, { cwd, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
}

function fingerprintOf(certFile: string): string {
  return new X509Certificate(readFileSync(certFile)).fingerprint256;
}

/** Writes a fresh P-256 private key to `file`, owner-only; an existing file is never replaced. */
export function newPrivateKey(file: string): void {
  const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  writeFileSync(file, privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
}

export function checkName(name: string): void {
  if (!NAME.test(name)) throw new CertificateInputError('name', 'one token of letters, digits, _ . - (at most 64)');
}

export function checkHosts(hosts: readonly string[], field = 'hosts'): void {
  for (const h of hosts)
    if (!isIP(h) && !HOST.test(h)) throw new CertificateInputError(field, `${JSON.stringify(h)} is neither an IP address nor a host name`);
}

const subjectAltName = (hosts: readonly string[]) => hosts.map((h) => (isIP(h) ? `IP:${h}` : `DNS:${h}`)).join(',');

/**
 * A certificate signing request for `keyFile`: only the common name in the subject, as a hub maps
 * a leaf's certificate to its account by the subject's exact text (verify_and_map), `CN=<name>`.
 */
export function makeCsr(opts: { keyFile: string; csrFile: string; name: string; hosts: string[] }): void {
  checkName(opts.name);
  checkHosts(opts.hosts);
  const san = subjectAltName(opts.hosts);
  openssl(
    [
      'req',
      '-new',
      '-key',
      opts.keyFile,
      '-subj',
      `/CN=${opts.name}`,
      ...(san ? ['-addext', `subjectAltName=${san}`] : []),
      '-out',
      opts.csrFile,
    ],
    '/',
  );
}

/** What a CSR asks for, once its own signature is checked: its subject and alternative names. */
export function readCsr(csrFile: string): { subject: string; hosts: string[]; pin: string } {
  if (!existsSync(csrFile)) throw new CertificateInputError('csr', `${csrFile} does not exist`);
  try {
    openssl(['req', '-in', csrFile, '-noout', '-verify'], '/');
  } catch {
    throw new CertificateInputError('csr', `${csrFile} is not a certificate signing request whose signature verifies`);
  }
  const subject = openssl(['req', '-in', csrFile, '-noout', '-subject', '-nameopt', 'RFC2253'], '/')
    .trim()
    .replace(/^subject=\s*/, '');
  const text = openssl(['req', '-in', csrFile, '-noout', '-text'], '/');
  const sanLine = /X509v3 Subject Alternative Name:[^\n]*\n\s*(.+)/.exec(text)?.[1] ?? '';
  const hosts: string[] = [];
  for (const entry of sanLine
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)) {
    const m = /^(DNS|IP Address):(.+)$/.exec(entry);
    if (!m?.[2])
      throw new CertificateInputError('csr', `alternative name ${JSON.stringify(entry)}: only DNS names and IP addresses are signed`);
    hosts.push(m[2]);
  }
  checkHosts(hosts, 'csr');
  const pin = keyPinOf(openssl(['req', '-in', csrFile, '-noout', '-pubkey'], '/'));
  return { subject, hosts, pin };
}

function signRequest(opts: {
  ca: { caFile: string; caKey: string };
  csrFile: string;
  certFile: string;
  hosts: readonly string[];
  days: number;
}): void {
  // One name, one member: a second certificate under it would replace the first one's file.
  if (existsSync(opts.certFile))
    throw new CertificateInputError('out', `${opts.certFile} exists already; certificates are never overwritten`);
  const scratch = mkdtempSync(join(opts.ca.caFile, '..', '.sign-'));
  try {
    const ext = join(scratch, 'ext.cnf');
    const san = subjectAltName(opts.hosts);
    writeFileSync(
      ext,
      [
        'basicConstraints=critical,CA:FALSE',
        'keyUsage=critical,digitalSignature',
        // Every member's certificate is both: a node serves HTTPS and is its leaf's client; a
        // leaf serves its node and is the hub's client; a hub server routes to its peers.
        'extendedKeyUsage=serverAuth,clientAuth',
        ...(san ? [`subjectAltName=${san}`] : []),
        '',
      ].join('\n'),
    );
    // A positive 127-bit serial: unique per certificate, as RFC 5280 asks.
    const serial = `0x7${randomBytes(16).toString('hex').slice(1)}`;
    const out = join(scratch, 'cert.pem');
    openssl(
      [
        ...['x509', '-req', '-in', opts.csrFile, '-CA', opts.ca.caFile, '-CAkey', opts.ca.caKey, '-set_serial', serial],
        ...['-days', String(opts.days), '-extfile', ext, '-out', out],
      ],
      scratch,
    );
    writeFileSync(opts.certFile, readFileSync(out), { mode: 0o644, flag: 'wx' });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

function networkCa(dir: string, memberDays: number): NetworkCa {
  const caFile = join(dir, 'ca.pem');
  const caKey = join(dir, 'ca.key');
  const ca = { caFile, caKey };
  return {
    dir,
    caFile,
    fingerprint: fingerprintOf(caFile),
    issue({ name, hosts, outDir = dir }) {
      checkName(name);
      checkHosts(hosts);
      const keyFile = join(outDir, `${name}.key`);
      const certFile = join(outDir, `${name}.pem`);
      if (existsSync(certFile)) throw new CertificateInputError('name', `${name} already has a certificate`);
      if (existsSync(keyFile)) throw new CertificateInputError('name', `${name} already has a key (${keyFile}); move it away first`);
      mkdirSync(outDir, { recursive: true, mode: 0o700 });
      newPrivateKey(keyFile);
      const csrFile = join(outDir, `${name}.csr`);
      try {
        makeCsr({ keyFile, csrFile, name, hosts });
        signRequest({ ca, csrFile, certFile, hosts, days: memberDays });
      } finally {
        rmSync(csrFile, { force: true });
      }
      return { caFile, certFile, keyFile, fingerprint: fingerprintOf(certFile), pin: tlsPinOf(readFileSync(certFile)) };
    },
    signCsr({ csrFile, certFile, names, refusedHosts = [] }) {
      const asked = readCsr(csrFile);
      const taken = asked.hosts.filter((h) => refusedHosts.includes(h.toLowerCase()));
      if (taken.length > 0)
        throw new CertificateInputError(
          'csr',
          `it names ${taken.join(', ')}, where another member is reached: a certificate for it would let this one stand in`,
        );
      const allowed = names.map((n) => `CN=${n}`);
      if (!allowed.includes(asked.subject))
        throw new CertificateInputError(
          'csr',
          `its subject is ${JSON.stringify(asked.subject)}; only ${allowed.map((a) => JSON.stringify(a)).join(' or ')} may be signed for this agency`,
        );
      signRequest({ ca, csrFile, certFile, hosts: asked.hosts, days: memberDays });
      return { certFile, subject: asked.subject, hosts: asked.hosts, pin: asked.pin, fingerprint: fingerprintOf(certFile) };
    },
  };
}

/**
 * Makes a fresh CA in `dir` (created, owner-only); `label` names the network in its subject. A
 * run's CA lasts 30 days, as do its certificates; the secretariat's gives longer `validDays`.
 */
export function createNetworkCa(
  dir: string,
  label = 'Corridor network',
  validity: { caDays?: number; memberDays?: number } = {},
): NetworkCa {
  if (!/^[A-Za-z0-9 _.-]{1,64}$/.test(label)) throw new CertificateInputError('label', 'letters, digits, spaces, _ . - only');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const caFile = join(dir, 'ca.pem');
  const caKey = join(dir, 'ca.key');
  if (existsSync(caFile)) throw new CertificateInputError('out', `${caFile} exists already; a CA is never overwritten`);
  newPrivateKey(caKey);
  openssl(
    [
      ...['req', '-x509', '-key', caKey, '-out', caFile, '-days', String(validity.caDays ?? RUN_VALID_DAYS)],
      ...['-subj', `/O=${label}/CN=${label} CA`],
      ...['-addext', 'basicConstraints=critical,CA:TRUE,pathlen:0', '-addext', 'keyUsage=critical,keyCertSign,cRLSign'],
    ],
    dir,
  );
  return networkCa(dir, validity.memberDays ?? RUN_VALID_DAYS);
}

/**
 * The CA an earlier createNetworkCa left in `dir`, to issue more certificates under it: the
 * secretariat's (made by `./corridor secretariat init`), for each member's request.
 */
export function openNetworkCa(dir: string, memberDays = RUN_VALID_DAYS): NetworkCa {
  if (!existsSync(join(dir, 'ca.pem')) || !existsSync(join(dir, 'ca.key')))
    throw new CertificateInputError('dir', `${dir} holds no CA (ca.pem and ca.key)`);
  return networkCa(dir, memberDays);
}

/** The subject a hub's verify_and_map sees in a member's certificate, to name its leaf user by. */
export function certificateSubject(name: string): string {
  return `CN=${name}`;
}
