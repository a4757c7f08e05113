// For tests of deploy/nats/*.conf: the examples with their placeholders filled in as an operator
// would, certificates made by Debian's openssl under one throwaway CA, so that a spec can check
// nats-server takes them and a test of the whole can run them.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** What an operator writes for each placeholder of deploy/nats/*.conf (loopback tests give the hosts and ports). */
export const EXAMPLE_VALUES = {
  AGENCY: 'it-polfr',
  PARTNER: 'ne-ppn',
  HUB_1_HOST: 'hub-1.corridor.invalid',
  HUB_2_HOST: 'hub-2.corridor.invalid',
  HUB_3_HOST: 'hub-3.corridor.invalid',
  AGENCY_LEAF_PASSWORD: 'leaf-password',
  PARTNER_LEAF_PASSWORD: 'partner-leaf-password',
  AGENCY_HUB_ADMIN_PASSWORD: 'agency-hub-admin-password',
  PARTNER_HUB_ADMIN_PASSWORD: 'partner-hub-admin-password',
  HUB_ADMIN_PASSWORD: 'hub-admin-password',
  NODE_NATS_PASSWORD: 'node-password',
  ADMIN_NATS_PASSWORD: 'admin-password',
  LEAF_ADMIN_PASSWORD: 'leaf-admin-password',
};

export interface ExampleCertificates {
  ca: string;
  cert: string;
  key: string;
}

/** A CA and one certificate it signed, for localhost and 127.0.0.1 (server and client use). */
export function makeExampleCertificates(dir: string): ExampleCertificates {
  const file = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { stdio: 'ignore' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  openssl('req', '-x509', ...ec, '-days', '1', '-keyout', file('ca-key.pem'), '-out', file('ca.pem'), '-subj', '/CN=corridor example CA');
  openssl('req', ...ec, '-keyout', file('key.pem'), '-out', file('cert.csr'), '-subj', '/CN=corridor example server');
  writeFileSync(file('ext.cnf'), 'subjectAltName=DNS:localhost,IP:127.0.0.1\n');
  openssl(
    ...['x509', '-req', '-in', file('cert.csr'), '-CA', file('ca.pem'), '-CAkey', file('ca-key.pem'), '-CAcreateserial'],
    ...['-days', '1', '-out', file('cert.pem'), '-extfile', file('ext.cnf')],
  );
  return { ca: file('ca.pem'), cert: file('cert.pem'), key: file('key.pem') };
}

/**
 * The example with every `<NAME>` replaced by `values[NAME]`, certificate paths by `certs`, the
 * JetStream store by `storeDir`, and each address in `addresses` (as written in the file) by its
 * replacement. Throws when a placeholder is left, so an example that gains one fails its test.
 */
export function fillExampleNatsConfig(
  text: string,
  fill: { values: Record<string, string>; certs: ExampleCertificates; storeDir: string; addresses?: Record<string, string> },
): string {
  let out = text
    .replace(/"\/etc\/nats\/certs\/network-ca\.pem"/g, JSON.stringify(fill.certs.ca))
    .replace(/"\/etc\/nats\/certs\/[^"]*-key\.pem"/g, JSON.stringify(fill.certs.key))
    .replace(/"\/etc\/nats\/certs\/[^"]*\.pem"/g, JSON.stringify(fill.certs.cert))
    .replace(/"\/var\/lib\/nats\/jetstream"/g, JSON.stringify(fill.storeDir));
  for (const [from, to] of Object.entries(fill.addresses ?? {})) out = out.replaceAll(from, to);
  out = out.replace(/<([A-Z0-9_]+)>/g, (whole, name: string) => fill.values[name] ?? whole);
  const left = /<[A-Z0-9_]+>/.exec(out.replace(/#.*$/gm, ''));
  if (left) throw new Error(`placeholder ${left[0]} is not filled in`);
  return out;
}
