// Starts the hub-and-leaves bus of a network on this machine (nats-hub-config.ts): three hub
// servers in a cluster, the transit stream of each agency in its hub account, then one leaf server
// per agency. Every server gets free ports, on loopback or on the address of the host it is placed
// on (host.ts), and a store folder of this run. The launcher
// creates the transit streams because they are the network's, with the network's limits; each
// node creates its own inbox stream on its leaf, sourcing from its transit stream (bus.ts). An
// agency joins a running network through `addAgency`: the hub restarts one server at a time.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect, millis } from '@nats-io/transport-node';
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
  /** How each leaf checks its link to the hub; LEAF_PING by default. */
  leafPing?: typeof LEAF_PING;
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
  /**
   * Adds an agency while the network runs: its account (with exports and imports to and from
   * every partner) on every hub server, restarted one at a time so the cluster and its streams
   * stay up, its transit stream, then its leaf server. Its users land in `leafUsers` and
   * `hub.users`, its leaf in `leaves`, its certificate in `tls.agencies`.
   */
  addAgency(agency: string): Promise<void>;
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
  const configFileOf = (name: string) => join(opts.rootDir, `${name}.conf`);
  const launch = async (name: string, config: string, port: number, host: Host, scheme: 'nats' | 'tls') => {
    const configFile = configFileOf(name);
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
    const hubConfig = (self: HubServerAddress) => {
      const storeDir = join(storeRoot, self.name);
      mkdirSync(storeDir, { recursive: true });
      return hubServerConfig({
        self,
        cluster: addresses,
        storeDir,
        subjectRoot: opts.subjectRoot,
        agencies: hubUsers,
        tls: tls?.hub[self.name],
        // The leaves' certificates, as the membership will pin them (network.ts): no other joins.
        leafPins: tls && Object.values(tls.agencies).map((t) => t.pin),
      });
    };
    const hub = await Promise.all(
      addresses.map((self, i) => launch(self.name, hubConfig(self), self.port, hubHost(opts.hosts, i), scheme)),
    );
    await Promise.all(hub.map((s) => s.up()));
    const hubUrls = hub.map((s) => s.url);
    const transitStream = (agency: string) =>
      ensureTransitStream(
        hubUrls,
        hubUsers[agency] as AgencyHubUsers,
        transitStreamConfig(agency, opts.subjectRoot, opts.stream, opts.transitLimits),
        tls?.caFile,
      );
    for (const agency of opts.agencies) await transitStream(agency);

    const leafUsers: Record<string, AgencyNatsUsers> = {};
    const leaves: HubAndLeaves['leaves'] = {};
    /** Starts an agency's leaf server, with users of its own; resolves once it is launched (`up` waits for it). */
    const startLeaf = async (agency: string) => {
      leafUsers[agency] = newAgencyNatsUsers(agency);
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
        ...(opts.leafPing ? { ping: opts.leafPing } : {}),
      });
      const leaf = await launch(`leaf-${agency}`, config, port, host, scheme);
      leaves[agency] = { url: leaf.url, hostUrl: leaf.hostUrl, server: leaf.handle };
      return leaf;
    };
    const leafUps: Promise<void>[] = [];
    for (const agency of opts.agencies) leafUps.push((await startLeaf(agency)).up());
    await Promise.all(leafUps);

    const addAgency = async (agency: string) => {
      if (hubUsers[agency]) throw new Error(`addAgency: ${agency} already has an account on the hub`);
      hubUsers[agency] = newAgencyHubUsers(agency);
      if (ca && tls) {
        const address = (opts.hosts?.agencies[agency] ?? LOOPBACK).address;
        tls.agencies[agency] = ca.issue({ name: agency, hosts: [...new Set([...hosts, address])] });
        // Its node's certificate too: the leaf asks for it (mutual TLS) and the membership pins it.
        tls.nodes[agency] = ca.issue({ name: `node-${agency}`, hosts: [...new Set(['127.0.0.1', 'localhost', address])] });
      }
      // A rolling restart, not a reload: nats-server 2.9.10 refuses to reload a changed
      // `leafnodes` block ("config reload not supported for LeafNode"), where the new leaf's
      // certificate subject goes, and without TLS a reloaded account's new service imports go
      // unanswered. One server at a time, each back with every transit stream's replicas current
      // before the next goes: two of three stay up, so every stream keeps its quorum, and a leaf
      // linked to the server going away moves to another within a second (`reconnect: 1`).
      for (const [i, self] of addresses.entries()) {
        const server = hub[i];
        if (!server) continue;
        writeFileSync(configFileOf(self.name), hubConfig(self), { mode: 0o600 });
        await server.child.stop();
        // Heard from after this, a replica is the new process: the old one has exited.
        const startedAt = Date.now();
        server.child.start();
        await server.up();
        await Promise.all(
          Object.keys(hubUsers)
            .filter((a) => a !== agency)
            .map((a) =>
              waitUntil(
                server.child,
                `${a}'s transit stream current on every replica`,
                () =>
                  transitCurrent(hubUrls, hubUsers[a] as AgencyHubUsers, opts.stream, tls?.caFile, { server: self.name, since: startedAt }),
                60_000,
              ),
            ),
        );
      }
      await transitStream(agency);
      await (await startLeaf(agency)).up();
    };
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
      addAgency,
      stop,
    };
  } catch (e) {
    await stop();
    throw e;
  }
}

/**
 * Whether an agency's transit stream has a leader, every replica current, and `restarted.server`
 * among them since it came back: its leader, or a replica heard from after `restarted.since`. A
 * leader's view of a peer goes stale only after seconds, so "current" alone could still describe
 * the process that was stopped; then the next restart would take the stream's quorum away.
 */
async function transitCurrent(
  hubUrls: string[],
  users: AgencyHubUsers,
  stream: string,
  caFile: string | undefined,
  restarted: { server: string; since: number },
): Promise<boolean> {
  try {
    const nc = await connect({
      servers: hubUrls,
      user: users.admin.user,
      pass: users.admin.password,
      timeout: 2000,
      ...(caFile ? { tls: { caFile } } : {}),
    });
    try {
      const info = await (await jetstreamManager(nc, { timeout: 2000 })).streams.info(stream);
      const replicas = info.cluster?.replicas ?? [];
      const all = replicas.length === info.config.num_replicas - 1 && replicas.every((r) => r.current && !r.offline);
      const heardSince = Date.now() - restarted.since;
      const back =
        info.cluster?.leader === restarted.server ||
        replicas.some((r) => r.name === restarted.server && r.current && millis(r.active) < heardSince);
      return Boolean(info.cluster?.leader) && all && back;
    } finally {
      await nc.close();
    }
  } catch {
    return false;
  }
}
