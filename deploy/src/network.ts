// Starts a whole Corridor network of real processes on this machine: nats-server (or an existing
// one), one node per agency, the gateway, the development token issuer and the console. The demo
// and the tests of the whole both start their networks through here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { connect as tcpConnect } from 'node:net';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CountryCode, type DirectoryEntryInput, type Membership, membership as membershipSchema, parseOrThrow } from '@corridor/proto';
import { type ManagedChild, managedChild, waitUntil } from './child-process.js';
import { serveConsole } from './console-server.js';
import { createDevIssuer, type UserSpec } from './dev-token-issuer.js';
import { freePort } from './free-port.js';
import { type KeyPair, newKeyPair, newNetworkKey } from './keys.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface AgencySpec {
  id: string;
  name: string;
  country: CountryCode;
  networks?: string[];
  /** The agency's PostgreSQL; without it the node runs on embedded PGlite under rootDir. */
  databaseUrl?: string;
}

export interface NetworkSpec {
  rootDir: string;
  agencies: AgencySpec[];
  users?: UserSpec[];
  nats: { url: string } | { start: true; port?: number };
  subjectRoot?: string;
  stream?: string;
  gatewayPort?: number;
  issuerPort?: number;
  consolePort?: number;
  nodeBasePort?: number;
  console?: boolean;
  directory?: Record<string, DirectoryEntryInput[]>;
  /** Child logs go to rootDir/logs/<name>.log instead of the terminal. */
  quiet?: boolean;
  onUnexpectedExit?: (name: string, code: number | null) => void;
}

export interface NodeHandle {
  agency: string;
  url: string;
  healthUrl: string;
  readonly running: boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  kill(): void;
}

export interface RunningNetwork {
  natsUrl: string;
  subjectRoot: string;
  stream: string;
  gatewayUrl: string;
  issuerUrl: string;
  consoleUrl?: string;
  membership: Membership;
  membershipFile: string;
  networkKey: string;
  nodes: Record<string, NodeHandle>;
  users: UserSpec[];
  token(userId: string, opts?: { expiresIn?: string }): Promise<string>;
  stop(): Promise<void>;
}

const NETWORK = { id: 'central-med-demo', name: 'Central Mediterranean route (demonstration network)' };

export async function startNetwork(spec: NetworkSpec): Promise<RunningNetwork> {
  const rootDir = resolve(spec.rootDir);
  mkdirSync(join(rootDir, 'logs'), { recursive: true });
  const logFile = (name: string) => (spec.quiet ? join(rootDir, 'logs', `${name}.log`) : undefined);
  const stack: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    while (stack.length > 0) await stack.pop()?.();
  };
  const watch = (child: ManagedChild) => child.onUnexpectedExit((code) => spec.onUnexpectedExit?.(child.name, code));

  try {
    // The bus.
    let natsUrl: string;
    if ('url' in spec.nats) {
      natsUrl = spec.nats.url;
    } else {
      const port = await freePort(spec.nats.port);
      natsUrl = `nats://127.0.0.1:${port}`;
      const binary =
        ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((p) => existsSync(p)) ?? 'nats-server';
      const nats = managedChild({
        name: 'nats-server',
        command: binary,
        args: ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', join(rootDir, 'nats')],
        cwd: rootDir,
        logFile: logFile('nats-server'),
      });
      nats.start();
      watch(nats);
      stack.push(() => nats.stop());
      await waitUntil(nats, 'accepting connections', () => tcpReachable(port), 15_000);
    }

    // Keys and the membership document.
    const users =
      spec.users ??
      spec.agencies.map((a) => ({ id: `${a.id}-officer`, name: `Officer of ${a.name}`, agency: a.id, roles: ['border_officer' as const] }));
    const issuerKeys: Record<string, KeyPair> = {};
    const signingKeys: Record<string, KeyPair> = {};
    const nodePorts: Record<string, number> = {};
    for (const [i, a] of spec.agencies.entries()) {
      issuerKeys[a.id] = await newKeyPair(`${a.id}-issuer-1`);
      signingKeys[a.id] = await newKeyPair(`${a.id}-alerts-1`);
      nodePorts[a.id] = await freePort(spec.nodeBasePort ? spec.nodeBasePort + i : undefined);
    }
    const membership = parseOrThrow(
      membershipSchema,
      {
        network: NETWORK,
        audience: 'corridor',
        version: 1,
        agencies: spec.agencies.map((a) => ({
          id: a.id,
          name: a.name,
          country: a.country,
          networks: a.networks ?? [],
          nodeUrl: `http://127.0.0.1:${nodePorts[a.id]}/graphql`,
          tokenIssuer: { issuer: `https://issuer.${a.id}.corridor.invalid/`, jwks: { keys: [issuerKeys[a.id]?.publicJwk] } },
          alertSigningKeys: { keys: [signingKeys[a.id]?.publicJwk] },
        })),
      },
      'membership document',
    );
    const membershipFile = join(rootDir, 'membership.json');
    writeFileSync(membershipFile, JSON.stringify(membership, null, 2));
    const networkKey = newNetworkKey();
    const subjectRoot = spec.subjectRoot ?? 'corridor';
    const stream = spec.stream ?? 'CORRIDOR_ALERTS';

    // The nodes, started together.
    const nodes: Record<string, NodeHandle> = {};
    for (const a of spec.agencies) {
      const seed = spec.directory?.[a.id];
      const seedFile = seed ? join(rootDir, `directory-${a.id}.json`) : undefined;
      if (seedFile) writeFileSync(seedFile, JSON.stringify(seed, null, 2));
      const child = managedChild({
        name: `node-${a.id}`,
        command: process.execPath,
        args: ['--import', 'tsx', 'src/main.ts'],
        cwd: join(REPO_ROOT, 'services'),
        logFile: logFile(`node-${a.id}`),
        env: {
          CORRIDOR_AGENCY_ID: a.id,
          CORRIDOR_HOST: '127.0.0.1',
          CORRIDOR_PORT: String(nodePorts[a.id]),
          CORRIDOR_DATA_DIR: join(rootDir, 'data', a.id),
          CORRIDOR_DATABASE_URL: a.databaseUrl ?? '',
          CORRIDOR_NATS_URL: natsUrl,
          CORRIDOR_SUBJECT_ROOT: subjectRoot,
          CORRIDOR_STREAM: stream,
          CORRIDOR_MEMBERSHIP_FILE: membershipFile,
          CORRIDOR_SIGNING_KEY: JSON.stringify(signingKeys[a.id]?.privateJwk),
          CORRIDOR_NETWORK_KEY: networkKey,
          CORRIDOR_SEED_DIRECTORY: seedFile ?? '',
        },
      });
      watch(child);
      const base = `http://127.0.0.1:${nodePorts[a.id]}`;
      const handle: NodeHandle = {
        agency: a.id,
        url: `${base}/graphql`,
        healthUrl: `${base}/health`,
        get running() {
          return child.running;
        },
        async start() {
          child.start();
          await waitUntil(child, 'healthy', async () => (await fetch(handle.healthUrl)).ok, 90_000);
        },
        stop: () => child.stop(),
        kill: () => child.kill(),
      };
      nodes[a.id] = handle;
      stack.push(() => child.stop());
    }
    await Promise.all(Object.values(nodes).map((n) => n.start()));

    // The gateway.
    const gatewayPort = await freePort(spec.gatewayPort);
    const gateway = managedChild({
      name: 'gateway',
      command: process.execPath,
      args: ['--import', 'tsx', 'src/main.ts'],
      cwd: join(REPO_ROOT, 'gateway'),
      logFile: logFile('gateway'),
      env: { CORRIDOR_GATEWAY_HOST: '127.0.0.1', CORRIDOR_GATEWAY_PORT: String(gatewayPort), CORRIDOR_MEMBERSHIP_FILE: membershipFile },
    });
    gateway.start();
    watch(gateway);
    stack.push(() => gateway.stop());
    const gatewayUrl = `http://127.0.0.1:${gatewayPort}/graphql`;
    await waitUntil(gateway, 'healthy', async () => (await fetch(`http://127.0.0.1:${gatewayPort}/health`)).ok, 60_000);

    // The development token issuer, in this process.
    const issuer = createDevIssuer(membership, issuerKeys, users);
    const issuerServer = await issuer.listen(await freePort(spec.issuerPort));
    stack.push(() => issuerServer.close());

    // The console.
    let consoleUrl: string | undefined;
    if (spec.console) {
      // Built every time: a console older than the code it talks to would mislead the tests.
      const dist = join(REPO_ROOT, 'web', 'dist');
      buildConsole();
      const consoleServer = await serveConsole(dist, { gatewayUrl, issuerUrl: issuerServer.url }, await freePort(spec.consolePort));
      stack.push(() => consoleServer.close());
      consoleUrl = consoleServer.url;
    }

    let stopped: Promise<void> | undefined;
    return {
      natsUrl,
      subjectRoot,
      stream,
      gatewayUrl,
      issuerUrl: issuerServer.url,
      ...(consoleUrl ? { consoleUrl } : {}),
      membership,
      membershipFile,
      networkKey,
      nodes,
      users,
      token: (userId, opts) => issuer.mint(userId, opts),
      stop: () => {
        stopped ??= stopAll();
        return stopped;
      },
    };
  } catch (e) {
    await stopAll();
    throw e;
  }
}

export function buildConsole(): void {
  const result = spawnSync('pnpm', ['--filter', '@corridor/web', 'run', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (result.status !== 0) throw new Error('building the console (pnpm --filter @corridor/web run build) failed');
}

function tcpReachable(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const socket = tcpConnect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolvePromise(true);
    });
    socket.once('error', () => resolvePromise(false));
  });
}
