// `./corridor certs --agency ID --host NAME_OR_IP[,...] --out DIR`: the TLS keys an agency makes
// before it joins a network, and the requests the secretariat signs with the network's CA: one
// for the node's HTTPS (`CN=node-<agency>`, the names partners reach it at), one for the agency's
// leaf nats-server (`CN=<agency>`: the hub binds the leaf to the agency's account by it). Private
// keys stay on the host (mode 0600, never over an existing file); the pins of both keys go in the
// agency's public keys file, so that the signed membership can pin them.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { agencyId, SettingsError } from '@corridor/proto';
import { keyPinOf } from '@corridor/proto/graphql';
import { required, runCommand } from './command-line.js';
import { checkHosts, makeCsr, newPrivateKey } from './network-ca.js';
import { addPublicKeys } from './public-keys-file.js';

export interface AgencyCertificateRequest {
  /** The certificate's subject common name. */
  name: string;
  keyFile: string;
  csrFile: string;
  /** RFC 7469 pin of the key: base64 SHA-256 of its DER SubjectPublicKeyInfo. */
  pin: string;
}

export interface AgencyCertificateRequests {
  node: AgencyCertificateRequest;
  leaf: AgencyCertificateRequest;
  publicKeys: string;
}

/** The common name of an agency's node certificate; its leaf's is the agency's id itself. */
export const nodeCertificateName = (agency: string) => `node-${agency}`;

export function makeAgencyCertificateRequests(agency: string, hosts: string[], dir: string): AgencyCertificateRequests {
  if (!agencyId.safeParse(agency).success) throw new SettingsError(`--agency: ${agency} is not an agency id`);
  if (hosts.length === 0) throw new SettingsError('--host: at least one name or IP address partners reach the node at');
  checkHosts(hosts, '--host');
  const request = (role: 'node' | 'leaf', name: string) => ({
    name,
    keyFile: join(dir, `${role}.key`),
    csrFile: join(dir, `${role}.csr`),
  });
  const node = request('node', nodeCertificateName(agency));
  const leaf = request('leaf', agency);
  for (const file of [node.keyFile, node.csrFile, leaf.keyFile, leaf.csrFile])
    if (existsSync(file)) throw new SettingsError(`--out: ${file} exists already; keys are never overwritten (move it away first)`);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const made: string[] = [];
  try {
    const done = [node, leaf].map((r) => {
      newPrivateKey(r.keyFile);
      made.push(r.keyFile);
      makeCsr({ keyFile: r.keyFile, csrFile: r.csrFile, name: r.name, hosts });
      made.push(r.csrFile);
      return { ...r, pin: keyPinOf(readFileSync(r.keyFile, 'utf8')) };
    }) as [AgencyCertificateRequest, AgencyCertificateRequest];
    const publicKeys = addPublicKeys(dir, agency, { tlsPins: done.map((r) => r.pin) });
    return { node: done[0], leaf: done[1], publicKeys };
  } catch (e) {
    // Half a pair of requests is no use to anyone: what this run made goes again.
    for (const file of made) rmSync(file, { force: true });
    throw e;
  }
}

const USAGE = 'certs --agency <agency id> --host <name or IP>[,<name or IP>...] --out <folder for the private keys>';

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  await runCommand('certs', USAGE, () => {
    const agency = required(argv, '--agency');
    const hosts = required(argv, '--host')
      .split(',')
      .map((h) => h.trim())
      .filter(Boolean);
    const made = makeAgencyCertificateRequests(agency, hosts, required(argv, '--out'));
    const line = (r: AgencyCertificateRequest) =>
      `  CN=${r.name}: key ${r.keyFile} (for this host only), request ${r.csrFile}\n    pin-sha256="${r.pin}"\n`;
    process.stdout.write(
      `certificate requests (send them to the secretariat):\n${line(made.node)}${line(made.leaf)}` +
        `pins written as tlsPins in ${made.publicKeys} (send it to the secretariat)\n`,
    );
  });
}

if (process.argv[1]?.endsWith('agency-certs.ts')) await main();
