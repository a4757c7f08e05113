// What an agency's operator does: write a settings file (secrets in files beside it), start the
// node and the gateway with `./corridor node|gateway --config FILE`, and read `/health`. A
// variable set in the environment wins over the file; a bad file stops the process before
// anything starts, naming the key. The example nats-server configurations of deploy/nats, filled
// in as an operator would, carry a node: its leaf joins the hub over TLS, bound to its account.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXAMPLE_VALUES, fillExampleNatsConfig, freePort, makeAgencyKeys, makeExampleCertificates, REPO_ROOT } from '@corridor/deploy';
import type { Membership } from '@corridor/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { membershipWithKeys } from '../../proto/src/testing/membership-with-keys.js';
import { type ScratchNatsServer, scratchNatsServer } from '../../services/src/testing/nats-server.js';
import { scratchDatabase } from '../../services/src/testing/scratch-database.js';
import { eventually } from '../support/graphql.js';

const CORRIDOR = join(REPO_ROOT, 'corridor');
const NATS_SERVER =
  ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((p) => existsSync(p)) ?? 'nats-server';

let dir: string;
let nats: ScratchNatsServer;
let database: Awaited<ReturnType<typeof scratchDatabase>>;
const running: ChildProcess[] = [];

/** `./corridor <what> --config <file>`; resolves with its exit code and what it wrote. */
function corridor(what: 'node' | 'gateway', file: string, env: Record<string, string> = {}) {
  const child = spawn(CORRIDOR, [what, '--config', file], {
    cwd: dir,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr })),
  );
  return { child, exited };
}

async function health(port: number): Promise<{ status: number; body: Record<string, unknown> } | undefined> {
  try {
    const res = await fetch(`http://127.0.0.1:${port}/health`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'corridor-settings-'));
  [nats, database] = await Promise.all([scratchNatsServer(), scratchDatabase()]);
  // The agency's keys as `./corridor keys` makes them; the public half is what the secretariat lists.
  const keys = await makeAgencyKeys('it-polfr', join(dir, 'secrets'));
  const { alertSigningKeys, delegationKeys } = JSON.parse(await readFile(keys.publicKeys, 'utf8')) as Pick<
    Membership['agencies'][number],
    'alertSigningKeys' | 'delegationKeys'
  >;
  const world = await membershipWithKeys({
    network: { id: 'settings-test', name: 'Settings file test network' },
    audience: 'urn:corridor:settings-test',
    agencies: [{ id: 'it-polfr', name: 'Polizia di Frontiera', country: 'ITA', alertSigningKeys, delegationKeys }],
  });
  await writeFile(join(dir, 'membership.json'), await world.signedText());
  await writeFile(join(dir, 'secretariat.jwks.json'), JSON.stringify(world.trust));
  await writeFile(join(dir, 'secrets', 'network-key'), `1:${Buffer.alloc(32, 7).toString('base64url')}\n`, { mode: 0o600 });
}, 60_000);

afterAll(async () => {
  for (const child of running) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await Promise.all([nats?.stop(), database?.drop()]);
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe('corridor node|gateway --config FILE', () => {
  it('starts a node from its settings file, the environment winning over it, and reports /health', async () => {
    const [filePort, envPort] = await Promise.all([freePort(), freePort()]);
    await writeFile(
      join(dir, 'node.yaml'),
      [
        'agency: it-polfr',
        `http: { host: 127.0.0.1, port: ${filePort} }`,
        `database: { url: "${database.url}" }`,
        `nats: { servers: ["${nats.url}"], subjectRoot: settings_test }`,
        'membership: { location: membership.json, trust: secretariat.jwks.json }',
        'keys: { signingFile: secrets/signing.jwk.json, delegationFile: secrets/delegation.jwk.json, networkFile: secrets/network-key }',
        'log: { level: warn }',
        '',
      ].join('\n'),
    );
    const node = corridor('node', 'node.yaml', { CORRIDOR_PORT: String(envPort) });
    // The node answers /health as soon as its database is up and connects to NATS in the
    // background (it serves its data without NATS): wait for both, as an operator would.
    const answer = await eventually(async () => {
      const h = await health(envPort);
      return h?.status === 200 && h.body.nats === 'connected' && h;
    }, 90_000);
    expect(answer.body).toMatchObject({ status: 'ok', agency: 'it-polfr', database: 'ok', nats: 'connected' });
    expect(await health(filePort)).toBeUndefined();
    node.child.kill('SIGTERM');
    const { code, stdout, stderr } = await node.exited;
    expect(code).toBe(0);
    // log.level warn, from the file: the node's info lines (ready, stopped) are not written.
    expect(`${stdout}${stderr}`).not.toContain('"level":"info"');
  }, 120_000);

  it('starts the gateway from its settings file', async () => {
    const port = await freePort();
    await writeFile(
      join(dir, 'gateway.yaml'),
      `http: { port: ${port} }\nmembership: { location: membership.json, trust: secretariat.jwks.json }\nnodeDeadlineMs: 2000\n`,
    );
    const gateway = corridor('gateway', join(dir, 'gateway.yaml'));
    // The gateway's /health is Yoga's liveness answer, with no body.
    await eventually(async () => (await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined))?.ok, 60_000);
    gateway.child.kill('SIGTERM');
    expect((await gateway.exited).code).toBe(0);
  }, 90_000);

  it('stops at a bad file before anything starts, naming the key', async () => {
    const port = await freePort();
    await writeFile(
      join(dir, 'bad.yaml'),
      `agency: it-polfr\nhttp: { port: ${port} }\nnats: { servers: ["${nats.url}", "http://127.0.0.1:4222"] }\nmembership: { location: membership.json, trust: secretariat.jwks.json }\nkeys: { signingFile: secrets/signing.jwk.json }\n`,
    );
    const { code, stderr } = await corridor('node', 'bad.yaml').exited;
    expect(code).toBe(2);
    expect(stderr).toContain(`${join(dir, 'bad.yaml')}: nats.servers[1]: must be a nats:// or tls:// URL`);
    expect(await health(port)).toBeUndefined();

    // A value the schema takes but the node refuses is still named by its key in the file.
    await writeFile(
      join(dir, 'stranger.yaml'),
      `agency: xx-none\nmembership: { location: membership.json, trust: secretariat.jwks.json }\nkeys: {}\n`,
    );
    const stranger = await corridor('node', 'stranger.yaml').exited;
    expect(stranger.code).toBe(2);
    expect(stranger.stderr).toContain('stranger.yaml: agency (CORRIDOR_AGENCY_ID: agency xx-none is not in the membership document)');
  }, 60_000);

  it('joins the example leaf server as the node’s own user, the leaf joined to the example hub over TLS', async () => {
    const certs = makeExampleCertificates(await mkdtemp(join(dir, 'certs-')));
    const ports: number[] = [];
    for (let i = 0; i < 7; i++) ports.push(await freePort());
    const [hubClient, hubMonitor, hubCluster, hubLeaf, leafClient, leafMonitor, nodePort] = ports;
    const start = async (name: 'hub' | 'leaf', addresses: Record<string, string>) => {
      const text = fillExampleNatsConfig(await readFile(join(REPO_ROOT, 'deploy', 'nats', `${name}.conf`), 'utf8'), {
        values: EXAMPLE_VALUES,
        certs,
        storeDir: join(dir, `${name}-js`),
        addresses,
      });
      await writeFile(join(dir, `${name}.conf`), text);
      running.push(spawn(NATS_SERVER, ['-c', join(dir, `${name}.conf`)], { stdio: 'ignore' }));
    };
    // Nothing listens at the other two hub servers' addresses: the one hub server carries the leaf.
    await start('hub', {
      '"127.0.0.1:4222"': `"127.0.0.1:${hubClient}"`,
      '"127.0.0.1:8222"': `"127.0.0.1:${hubMonitor}"`,
      '"0.0.0.0:6222"': `"127.0.0.1:${hubCluster}"`,
      '"0.0.0.0:7422"': `"127.0.0.1:${hubLeaf}"`,
      '<HUB_1_HOST>:6222': `127.0.0.1:${hubCluster}`,
      '<HUB_2_HOST>:6222': '127.0.0.1:1',
      '<HUB_3_HOST>:6222': '127.0.0.1:1',
    });
    await start('leaf', {
      '"127.0.0.1:4222"': `"127.0.0.1:${leafClient}"`,
      '"127.0.0.1:8222"': `"127.0.0.1:${leafMonitor}"`,
      '<HUB_1_HOST>:7422': `127.0.0.1:${hubLeaf}`,
      '<HUB_2_HOST>:7422': '127.0.0.1:1',
      '<HUB_3_HOST>:7422': '127.0.0.1:1',
    });
    const monitor = async (port: number | undefined, path: string) =>
      (await (await fetch(`http://127.0.0.1:${port}${path}`)).json()) as Record<string, unknown>;
    const leafz = await eventually(async () => {
      const answer = (await monitor(hubMonitor, '/leafz')) as { leafs?: { account: string }[] };
      return answer.leafs?.length ? answer.leafs : undefined;
    }, 30_000);
    expect(leafz.map((l) => l.account)).toEqual([EXAMPLE_VALUES.AGENCY]);

    await mkdir(join(dir, 'secrets'), { recursive: true });
    await writeFile(join(dir, 'secrets', 'nats-password'), `${EXAMPLE_VALUES.NODE_NATS_PASSWORD}\n`, { mode: 0o600 });
    const scratch = await scratchDatabase();
    try {
      await writeFile(
        join(dir, 'leaf-node.yaml'),
        [
          'agency: it-polfr',
          `http: { port: ${nodePort} }`,
          `database: { url: "${scratch.url}" }`,
          `nats: { servers: ["nats://127.0.0.1:${leafClient}"], user: node-it-polfr, passwordFile: secrets/nats-password, hubDomain: hub }`,
          'membership: { location: membership.json, trust: secretariat.jwks.json }',
          'keys: { signingFile: secrets/signing.jwk.json, delegationFile: secrets/delegation.jwk.json, networkFile: secrets/network-key }',
          '',
        ].join('\n'),
      );
      const node = corridor('node', 'leaf-node.yaml');
      await eventually(async () => (await health(nodePort ?? 0))?.body.nats === 'connected', 90_000);
      // The node made its inbox stream and consumer on its leaf, in the agency's own domain, the
      // stream sourcing the agency's transit stream from the hub's domain.
      type Jsz = {
        config?: { domain?: string };
        streams?: number;
        consumers?: number;
        account_details?: { stream_detail?: { name: string; config?: { sources?: unknown[] } }[] }[];
      };
      const jsz = await eventually(async () => {
        const answer = (await monitor(leafMonitor, '/jsz?accounts=true&streams=true&config=true')) as Jsz;
        return answer.consumers === 1 && answer;
      }, 30_000);
      expect(jsz).toMatchObject({ config: { domain: EXAMPLE_VALUES.AGENCY }, streams: 1, consumers: 1 });
      const [inbox] = jsz.account_details?.flatMap((a) => a.stream_detail ?? []) ?? [];
      expect(inbox?.config?.sources).toEqual([
        expect.objectContaining({ name: 'CORRIDOR_INBOX', external: expect.objectContaining({ api: '$JS.hub.API' }) }),
      ]);
      node.child.kill('SIGTERM');
      expect((await node.exited).code).toBe(0);
    } finally {
      await scratch.drop();
    }
  }, 150_000);
});
