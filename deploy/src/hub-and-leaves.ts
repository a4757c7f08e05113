// Starts the hub-and-leaves bus of a network on this machine (nats-hub-config.ts): three hub
// servers in a cluster, the transit stream of each agency in its hub account, then one leaf server
// per agency. Every server gets free ports, on loopback or on the address of the host it is placed
// on (host.ts), and a store folder of this run. The launcher
// creates the transit streams because they are the network's, with the network's limits; each
// node creates its own inbox stream on its leaf, sourcing from its transit stream (bus.ts).
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ManagedChild, managedChild, waitUntil } from './child-process.js';
import { freePort } from './free-port.js';
import { type Host, hubHost, LOOPBACK, type NetworkHosts } from './host.js';
import { type AgencyNatsUsers, newAgencyNatsUsers } from './nats-config.js';
import {
  type AgencyHubUsers,
  HUB_DOMAIN,
  type HubServerAddress,
  hubServerConfig,
  leafServerConfig,
  newAgencyHubUsers,
  type TRANSIT_LIMITS,
  transitStreamConfig,
} from './nats-hub-config.js';
import type { MemberTls, NetworkCa } from './network-ca.js';
import { handleOf, type KillableProcessHandle, natsGreets, natsServerBinary } from './process-handle.js';
import { ensureTransitStream } from './transit-stream.js';

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
}

/** What a client of the topology needs under TLS, and each member's certificate. */
export interface HubAndLeavesTls {
  caFile: string;
  caFingerprint: string;
  hub: Record<string, MemberTls>;
  /** Each agency's leaf certificate (`CN=<agency>`): its server's, its link to the hub's, and its operator's as a client. */
  agencies: Record<string, MemberTls>;
  /**
   * Each agency's node certificate (`CN=node-<agency>`, naming the node's host): it serves HTTPS
   * with it and presents it to its leaf, which takes no other client but the operator's.
   */
  nodes: Record<string, MemberTls>;
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
      nodes: Object.fromEntries(
        opts.agencies.map((a) => {
          const address = (opts.hosts?.agencies[a] ?? LOOPBACK).address;
          return [a, ca.issue({ name: `node-${a}`, hosts: [...new Set(['127.0.0.1', 'localhost', address])] })];
        }),
      ),
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
          // The leaves' certificates, as the membership will pin them (network.ts): no other joins.
          leafPins: tls && Object.values(tls.agencies).map((t) => t.pin),
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
        // Mutual TLS: the agency's node, and its operator with the leaf's own certificate.
        clientPins: tls && [(tls.nodes[agency] as MemberTls).pin, (tls.agencies[agency] as MemberTls).pin],
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
