// The README's "Join a network", followed as its two readers would: the secretariat makes the
// network's CA and membership-signing key, the agency makes its keys, TLS keys and requests, the
// secretariat signs the requests and the membership (and writes and fills the hub), the agency
// starts its node from a settings file serving HTTPS with the certificate it received, and checks
// /health trusting the network CA alone. Every step is a `./corridor ...` child process in a
// folder of this test; what a member must not obtain (another agency's certificate, a signed
// invalid document, an older version) is refused with exit status 2, naming what is wrong.
import { type ChildProcess, spawn } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { get } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, natsServerBinary, REPO_ROOT } from '@corridor/deploy';
import type { Membership } from '@corridor/proto';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, nanos } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membershipWithKeys } from '../../proto/src/testing/membership-with-keys.js';
import { type ScratchNatsServer, scratchNatsServer } from '../../services/src/testing/nats-server.js';
import { eventually } from '../support/graphql.js';

const CORRIDOR = join(REPO_ROOT, 'corridor');
const AGENCY = 'it-polfr';

let dir: string;
let nats: ScratchNatsServer | undefined;
const running: ChildProcess[] = [];

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** `./corridor ...args`, typed in the test's folder; a long-running one is left in `running`. */
function corridor(args: string[]): { child: ChildProcess; exited: Promise<Outcome> } {
  const child = spawn(CORRIDOR, args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<Outcome>((resolve) => child.once('exit', (code) => resolve({ code, stdout, stderr })));
  return { child, exited };
}

/** A command that must succeed: its output, or the test fails with what it wrote. */
async function ok(...args: string[]): Promise<string> {
  const { code, stdout, stderr } = await corridor(args).exited;
  expect(code, `./corridor ${args.join(' ')}\n${stderr}`).toBe(0);
  return stdout;
}

/** `GET url` over HTTPS trusting `ca` only (curl --cacert ca url). */
function httpsGet(url: string, ca: string | undefined): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = get(url, { ...(ca ? { ca: readFileSync(ca) } : {}), timeout: 5000 }, (res) => {
      let body = '';
      res.on('data', (c: Buffer) => {
        body += c.toString();
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.on('timeout', () => req.destroy(new Error('timed out')));
  });
}

const at = (...parts: string[]) => join(dir, ...parts);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corridor-join-'));
  nats = await scratchNatsServer();
}, 60_000);

afterAll(async () => {
  await Promise.all(
    running
      .filter((c) => c.exitCode === null && c.signalCode === null)
      .map(
        (c) =>
          new Promise<void>((resolve) => {
            c.once('exit', () => resolve());
            c.kill('SIGTERM');
            setTimeout(() => c.kill('SIGKILL'), 10_000).unref();
          }),
      ),
  );
  await nats?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('joining a network with the README’s commands', () => {
  let nodePort: number;

  it('the secretariat sets up: its CA and membership-signing key, owner-only, never made twice', async () => {
    const out = await ok('secretariat', 'init', '--out', 'secretariat');
    const fingerprint = new X509Certificate(readFileSync(at('secretariat', 'ca.pem'))).fingerprint256;
    expect(out).toContain(fingerprint);
    for (const secret of ['ca.key', 'secretariat.jwk.json']) expect(statSync(at('secretariat', secret)).mode & 0o777).toBe(0o600);
    expect(JSON.stringify(JSON.parse(readFileSync(at('secretariat', 'secretariat.jwks.json'), 'utf8')))).not.toContain('"d"');
    const again = await corridor(['secretariat', 'init', '--out', 'secretariat']).exited;
    expect(again.code).toBe(2);
    expect(again.stderr).toContain('exists already');
  }, 60_000);

  it('the agency makes its keys, its TLS keys and requests, and prints the pins it sends', async () => {
    await ok('keys', '--agency', AGENCY, '--out', 'agency/secrets');
    const out = await ok('certs', '--agency', AGENCY, '--host', 'localhost,127.0.0.1', '--out', 'agency/secrets');
    const sent = JSON.parse(await readFile(at('agency', 'secrets', `${AGENCY}.public-keys.json`), 'utf8')) as { tlsPins: string[] };
    expect(sent.tlsPins).toHaveLength(2);
    for (const pin of sent.tlsPins) {
      expect(pin).toMatch(/^[A-Za-z0-9+/]{43}=$/);
      expect(out).toContain(`pin-sha256="${pin}"`);
    }
    for (const key of ['node.key', 'leaf.key']) expect(statSync(at('agency', 'secrets', key)).mode & 0o777).toBe(0o600);
  }, 60_000);

  it('the secretariat signs the agency’s requests, and refuses to sign one for another agency', async () => {
    await mkdir(at('agency', 'tls'));
    const signedNode = await ok(
      ...['secretariat', 'sign-csr', '--ca', 'secretariat', '--csr', 'agency/secrets/node.csr', '--agency', AGENCY],
      ...['--out', 'agency/tls/node.pem'],
    );
    await ok(
      'secretariat',
      'sign-csr',
      '--ca',
      'secretariat',
      '--csr',
      'agency/secrets/leaf.csr',
      '--agency',
      AGENCY,
      '--out',
      'agency/tls/leaf.pem',
    );
    const node = new X509Certificate(readFileSync(at('agency', 'tls', 'node.pem')));
    expect(node.subject).toBe(`CN=node-${AGENCY}`);
    expect(node.subjectAltName).toBe('DNS:localhost, IP Address:127.0.0.1');
    expect(node.verify(new X509Certificate(readFileSync(at('secretariat', 'ca.pem'))).publicKey)).toBe(true);
    expect(new X509Certificate(readFileSync(at('agency', 'tls', 'leaf.pem'))).subject).toBe(`CN=${AGENCY}`);
    // The pin printed with the certificate is one the agency sent.
    const sent = JSON.parse(await readFile(at('agency', 'secrets', `${AGENCY}.public-keys.json`), 'utf8')) as { tlsPins: string[] };
    expect(signedNode).toContain(`pin-sha256="${sent.tlsPins[0]}"`);

    // A member asking for a certificate under another agency's name (its hub account, its node).
    const stolen = await corridor([
      ...['secretariat', 'sign-csr', '--ca', 'secretariat', '--csr', 'agency/secrets/leaf.csr', '--agency', 'ne-ppn'],
      ...['--out', 'agency/tls/ne-ppn.pem'],
    ]).exited;
    expect(stolen.code).toBe(2);
    expect(stolen.stderr).toContain(`its subject is "CN=${AGENCY}"; only "CN=node-ne-ppn" or "CN=ne-ppn" may be signed`);
    expect(existsSync(at('agency', 'tls', 'ne-ppn.pem'))).toBe(false);
  }, 60_000);

  it('the secretariat signs the membership, refusing an invalid document by its path and an older version', async () => {
    nodePort = await freePort();
    const sent = JSON.parse(await readFile(at('agency', 'secrets', `${AGENCY}.public-keys.json`), 'utf8')) as Pick<
      Membership['agencies'][number],
      'alertSigningKeys' | 'delegationKeys'
    >;
    // The secretariat's editor: the agency's entry from what it sent, its token issuer's keys (its own provider's).
    const { membership } = await membershipWithKeys({
      network: { id: 'join-test', name: 'Join test network' },
      audience: 'urn:corridor:join-test',
      agencies: [
        {
          id: AGENCY,
          name: 'Polizia di Frontiera',
          country: 'ITA',
          nodeUrl: `https://localhost:${nodePort}/graphql`,
          alertSigningKeys: sent.alertSigningKeys,
          delegationKeys: sent.delegationKeys,
        },
      ],
    });
    await writeFile(at('membership.json'), JSON.stringify(membership, null, 2));
    const sign = (input: string, out: string) =>
      corridor(['secretariat', 'sign-membership', '--key', 'secretariat/secretariat.jwk.json', '--in', input, '--out', out]).exited;

    const bad = structuredClone(membership) as unknown as { agencies: { country: string }[] };
    (bad.agencies[0] as { country: string }).country = 'XXX';
    await writeFile(at('bad-membership.json'), JSON.stringify(bad));
    const refused = await sign('bad-membership.json', 'bad-signed.json');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/--in: .*bad-membership\.json is not a valid membership: agencies\.0\.country: /);
    expect(existsSync(at('bad-signed.json'))).toBe(false);

    expect((await sign('membership.json', 'signed-membership.json')).code).toBe(0);
    const published = await readFile(at('signed-membership.json'), 'utf8');
    // Signing version 1 again over the published file would be a rollback every node refuses.
    const replay = await sign('membership.json', 'signed-membership.json');
    expect(replay.code).toBe(2);
    expect(replay.stderr).toContain('version 1 is not newer than the version in force (1)');
    expect(await readFile(at('signed-membership.json'), 'utf8')).toBe(published);
    const withPrevious = (input: string) =>
      corridor([
        ...['secretariat', 'sign-membership', '--key', 'secretariat/secretariat.jwk.json', '--in', input],
        ...['--out', 'next-membership.json', '--previous', 'signed-membership.json'],
      ]).exited;
    expect((await withPrevious('membership.json')).code).toBe(2);
    expect(existsSync(at('next-membership.json'))).toBe(false);
    await writeFile(at('membership-v2.json'), JSON.stringify({ ...membership, version: 2 }));
    expect((await withPrevious('membership-v2.json')).code).toBe(0);
  }, 60_000);

  it('the secretariat writes the hub’s configurations, starts its three servers, and makes the transit stream', async () => {
    const ports: number[] = [];
    for (let i = 0; i < 9; i++) ports.push(await freePort());
    const hosts = [0, 1, 2].map((i) => `127.0.0.1:${ports[3 * i]}:${ports[3 * i + 1]}:${ports[3 * i + 2]}`).join(',');
    await ok(
      ...['secretariat', 'hub', '--membership', 'signed-membership.json', '--ca', 'secretariat', '--hosts', hosts],
      ...['--out', 'hub', '--store-dir', 'hub-store'],
    );
    for (const name of ['hub-1', 'hub-2', 'hub-3']) {
      const config = at('hub', `${name}.conf`);
      expect(statSync(config).mode & 0o777).toBe(0o600);
      running.push(spawn(natsServerBinary(existsSync), ['-c', config], { stdio: 'ignore' }));
    }
    await ok('secretariat', 'hub-streams', '--hub', 'hub');
    const hub = JSON.parse(await readFile(at('hub', 'hub.json'), 'utf8')) as {
      servers: string[];
      admins: Record<string, { user: string; password: string }>;
    };
    const admin = hub.admins[AGENCY] as { user: string; password: string };
    const nc = await connect({
      servers: hub.servers,
      user: admin.user,
      pass: admin.password,
      tls: { caFile: at('secretariat', 'ca.pem') },
    });
    try {
      const info = await (await jetstreamManager(nc)).streams.info('CORRIDOR_INBOX');
      expect(info.config).toMatchObject({ subjects: [`corridor.inbox.${AGENCY}.>`], num_replicas: 3, max_age: nanos(14 * 86_400_000) });
    } finally {
      await nc.close();
    }
  }, 120_000);

  it('the agency starts its node over HTTPS with the certificate it received, and /health answers trusting only the CA', async () => {
    // What the agency receives: the signed membership, the secretariat's JWKS, the network CA, the pseudonym key.
    await copyFile(at('signed-membership.json'), at('agency', 'membership.json'));
    await copyFile(at('secretariat', 'secretariat.jwks.json'), at('agency', 'secretariat.jwks.json'));
    await copyFile(at('secretariat', 'ca.pem'), at('agency', 'tls', 'network-ca.pem'));
    await writeFile(at('agency', 'secrets', 'network-key'), `1:${Buffer.alloc(32, 9).toString('base64url')}\n`, { mode: 0o600 });
    await writeFile(
      at('agency', 'node.yaml'),
      [
        `agency: ${AGENCY}`,
        `http: { host: 127.0.0.1, port: ${nodePort}, tls: { certFile: tls/node.pem, keyFile: secrets/node.key } }`,
        'database: { dataDir: data }',
        `nats: { servers: ["${nats?.url}"], subjectRoot: join_test }`,
        'membership: { location: membership.json, trust: secretariat.jwks.json }',
        'keys: { signingFile: secrets/signing.jwk.json, delegationFile: secrets/delegation.jwk.json, networkFile: secrets/network-key }',
        'log: { level: warn }',
        '',
      ].join('\n'),
    );
    const node = corridor(['node', '--config', 'agency/node.yaml']);
    const url = `https://localhost:${nodePort}/health`;
    const health = await eventually(async () => {
      const answer = await httpsGet(url, at('agency', 'tls', 'network-ca.pem')).catch(() => undefined);
      if (answer?.status !== 200) return undefined;
      const body = JSON.parse(answer.body) as Record<string, unknown>;
      return body.nats === 'connected' && body;
    }, 120_000);
    expect(health).toMatchObject({ status: 'ok', agency: AGENCY, database: 'ok', nats: 'connected' });
    // The certificate is the network CA's, not one the machine's trust store vouches for.
    await expect(httpsGet(url, undefined)).rejects.toThrow(/certificate/i);
    node.child.kill('SIGTERM');
    expect((await node.exited).code).toBe(0);
  }, 180_000);
});
