// Starts the hub-and-leaves bus of a network on this machine (nats-hub-config.ts): three hub
// servers in a cluster, the transit stream of each agency in its hub account, then one leaf server
// per agency. Every server gets free ports, on loopback or on the address of the host it is placed
// on (host.ts), and a store folder of this run. The launcher
// creates the transit streams because they are the network's, with the network's limits; each
// node creates its own inbox stream on its leaf, sourcing from its transit stream (bus.ts).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DiscardPolicy, jetstreamManager, StorageType } from '@nats-io/jetstream';
import { connect, nanos } from '@nats-io/transport-node';
import { type ManagedChild, managedChild, waitUntil } from './child-process.js';
import { freePort } from './free-port.js';
import { type Host, hubHost, LOOPBACK, type NetworkHosts } from './host.js';
import { type AgencyNatsUsers, newAgencyNatsUsers } from './nats-config.js';
import {
  type AgencyHubUsers,
  HUB_DOMAIN,
  type HubServerAddress,
  hubServerConfig,
  type LEAF_PING,
  leafServerConfig,
  newAgencyHubUsers,
  type TRANSIT_LIMITS,
  transitStreamConfig,
} from './nats-hub-config.js';
import type { MemberTls, NetworkCa } from './network-ca.js';
import { handleOf, type KillableProcessHandle, natsGreets, natsServerBinary } from './process-handle.js';

export interface HubAndLeavesOptions {
  rootDir: string;
  agencies: string[];
  subjectRoot: string;
  stream: string;
  /** Smaller limits for tests; the network's own by default (TRANSIT_LIMITS). */
  transitLimits?: Partial<typeof TRANSIT_LIMITS>;
  logFile(name: string): string | undefined;
  /** Told of each child started, to report an exit nobody asked for. */
  watch(child: ManagedChild): void;
  /** The network's CA: each server gets a certificate of it, and every link is TLS only. */
  ca?: NetworkCa | undefined;
  /** Which host each server runs on; all on loopback when absent. */
  hosts?: Pick<NetworkHosts, 'hub' | 'agencies'>;
  /** How each leaf checks its link to the hub; LEAF_PING by default. */
  leafPing?: typeof LEAF_PING;
}

/** What a client of the topology needs under TLS, and each member's certificate. */
export interface HubAndLeavesTls {
  caFile: string;
  caFingerprint: string;
  hub: Record<string, MemberTls>;
  agencies: Record<string, MemberTls>;
}

export interface HubAndLeaves {
  hubDomain: string;
  /**
   * The hub servers, their client addresses as the launcher reaches them, as the network's hosts
   * reach them (the same on loopback), where leaf servers connect (loopback), and their server
   * names (`hub-1`…), in the same order.
   */
  hub: {
    urls: string[];
    hostUrls: string[];
    leafUrls: string[];
    names: string[];
    servers: KillableProcessHandle[];
    users: Record<string, AgencyHubUsers>;
  };
  /** Each agency's leaf server: the only server its node connects to, at `hostUrl`; `url` is the launcher's way in. */
  leaves: Record<string, { url: string; hostUrl: string; server: KillableProcessHandle }>;
  /** Each agency's node and operator users, in its own account on its leaf. */
  leafUsers: Record<string, AgencyNatsUsers>;
  /** Present when the topology runs over TLS. */
  tls?: HubAndLeavesTls;
  /** Stops the leaves, then the hub, and removes every store. */
  stop(): Promise<void>;
}

const HUB_SIZE = 3;

export async function startHubAndLeaves(opts: HubAndLeavesOptions): Promise<HubAndLeaves> {
  const binary = natsServerBinary(existsSync);
  const storeRoot = join(opts.rootDir, 'nats');
  const started: ManagedChild[] = [];
  const stop = async () => {
    // Leaves first, so none of them keeps reconnecting to a hub that is going away.
    for (const child of started.reverse()) await child.stop();
    rmSync(storeRoot, { recursive: true, force: true });
  };
  const launch = async (name: string, config: string, port: number, host: Host, scheme: 'nats' | 'tls') => {
    const configFile = join(opts.rootDir, `${name}.conf`);
    writeFileSync(configFile, config, { mode: 0o600 });
    const command = host.wrap(binary, ['-c', configFile]);
    const child = managedChild({ name, ...command, cwd: opts.rootDir, logFile: opts.logFile(name) });
    const probePort = await host.reach(port);
    const up = () => waitUntil(child, 'accepting connections', () => natsGreets(probePort), 15_000);
    child.start();
    started.push(child);
    opts.watch(child);
    return {
      child,
      up,
      handle: handleOf(child, up),
      url: `${scheme}://127.0.0.1:${probePort}`,
      hostUrl: `${scheme}://${host.address}:${port}`,
    };
  };

  try {
    const addresses: HubServerAddress[] = [];
    for (let i = 0; i < HUB_SIZE; i++)
      addresses.push({
        name: `hub-${i + 1}`,
        host: hubHost(opts.hosts, i).address,
        port: await freePort(),
        clusterPort: await freePort(),
        leafPort: await freePort(),
      });
    const hubUsers = Object.fromEntries(opts.agencies.map((a) => [a, newAgencyHubUsers(a)]));
    const ca = opts.ca;
    // A certificate names every address its server is reached at: loopback (the launcher's way
    // in, and relays inside a host) and each host's own address.
    const hostAddresses = [
      ...new Set([
        ...addresses.map((a) => a.host ?? LOOPBACK.address),
        ...opts.agencies.map((a) => (opts.hosts?.agencies[a] ?? LOOPBACK).address),
      ]),
    ];
    const hosts = [...new Set(['127.0.0.1', 'localhost', ...hostAddresses])];
    const tls: HubAndLeavesTls | undefined = ca && {
      caFile: ca.caFile,
      caFingerprint: ca.fingerprint,
      hub: Object.fromEntries(addresses.map((a) => [a.name, ca.issue({ name: a.name, hosts })])),
      agencies: Object.fromEntries(opts.agencies.map((a) => [a, ca.issue({ name: a, hosts })])),
    };
    const scheme = tls ? 'tls' : 'nats';
    const hub = await Promise.all(
      addresses.map((self, i) => {
        const storeDir = join(storeRoot, self.name);
        mkdirSync(storeDir, { recursive: true });
        const config = hubServerConfig({
          self,
          cluster: addresses,
          storeDir,
          subjectRoot: opts.subjectRoot,
          agencies: hubUsers,
          tls: tls?.hub[self.name],
        });
        return launch(self.name, config, self.port, hubHost(opts.hosts, i), scheme);
      }),
    );
    await Promise.all(hub.map((s) => s.up()));
    const hubUrls = hub.map((s) => s.url);
    for (const agency of opts.agencies)
      await ensureTransitStream(
        hubUrls,
        hubUsers[agency] as AgencyHubUsers,
        transitStreamConfig(agency, opts.subjectRoot, opts.stream, opts.transitLimits),
        tls?.caFile,
      );

    const leafUsers = Object.fromEntries(opts.agencies.map((a) => [a, newAgencyNatsUsers(a)]));
    const leaves: HubAndLeaves['leaves'] = {};
    const leafUps: Promise<void>[] = [];
    for (const agency of opts.agencies) {
      const port = await freePort();
      const storeDir = join(storeRoot, `leaf-${agency}`);
      mkdirSync(storeDir, { recursive: true });
      const host = opts.hosts?.agencies[agency] ?? LOOPBACK;
      // The leaf's link to the hub is the agency's link to the world: where a host lengthens it, here.
      const hubLeaves = await Promise.all(
        addresses.map((a) => {
          const target = { host: a.host ?? LOOPBACK.address, port: a.leafPort };
          return host.via ? host.via(target) : target;
        }),
      );
      const config = leafServerConfig({
        agency,
        host: host.address,
        port,
        storeDir,
        subjectRoot: opts.subjectRoot,
        stream: opts.stream,
        users: leafUsers[agency] as AgencyNatsUsers,
        hubUser: (hubUsers[agency] as AgencyHubUsers).leaf,
        hubLeafPorts: hubLeaves.map((a) => a.port),
        hubLeafHosts: hubLeaves.map((a) => a.host),
        tls: tls?.agencies[agency],
        ...(opts.leafPing ? { ping: opts.leafPing } : {}),
      });
      const leaf = await launch(`leaf-${agency}`, config, port, host, scheme);
      leaves[agency] = { url: leaf.url, hostUrl: leaf.hostUrl, server: leaf.handle };
      leafUps.push(leaf.up());
    }
    await Promise.all(leafUps);
    return {
      hubDomain: HUB_DOMAIN,
      hub: {
        urls: hubUrls,
        hostUrls: hub.map((s) => s.hostUrl),
        leafUrls: addresses.map((a) => `nats-leaf://127.0.0.1:${a.leafPort}`),
        names: addresses.map((a) => a.name),
        servers: hub.map((s) => s.handle),
        users: hubUsers,
      },
      leaves,
      leafUsers,
      ...(tls ? { tls } : {}),
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * Creates the transit stream in the agency's hub account, as the account's operator, retrying
 * while the cluster elects its JetStream leader; an existing stream (a restarted hub) is kept.
 */
async function ensureTransitStream(
  hubUrls: string[],
  users: AgencyHubUsers,
  config: ReturnType<typeof transitStreamConfig>,
  caFile: string | undefined,
  timeoutMs = 30_000,
): Promise<void> {
  const nc = await connect({
    servers: hubUrls,
    user: users.admin.user,
    pass: users.admin.password,
    ...(caFile ? { tls: { caFile } } : {}),
  });
  try {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const jsm = await jetstreamManager(nc, { timeout: 5000 });
        await jsm.streams.add({
          name: config.name,
          subjects: config.subjects,
          storage: StorageType.File,
          num_replicas: config.replicas,
          max_age: nanos(config.maxAgeMs),
          max_bytes: config.maxBytes,
          discard: DiscardPolicy.Old,
          duplicate_window: nanos(config.duplicateWindowMs),
        });
        return;
      } catch (e) {
        if (Date.now() > deadline) throw new Error(`transit stream ${config.name} for ${users.admin.user}: ${(e as Error).message}`);
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  } finally {
    await nc.close();
  }
}
