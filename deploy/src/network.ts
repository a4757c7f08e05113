// Starts a whole Corridor network of real processes on this machine: nats-server (or an existing
// one), one node per agency, the gateway, the development token issuer and the console. The demo
// and the tests of the whole both start their networks through here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ACCESS_TOKEN_TYPE,
  type CountryCode,
  type DirectoryEntryInput,
  type Membership,
  nodeUrn,
  type ReleasePolicyInput,
  type RetentionDocumentInput,
  TOKEN_EXCHANGE_GRANT,
  tokenExchangeUrl,
} from '@corridor/proto';
import { caFetch } from '@corridor/proto/graphql';
import type { JWK } from 'jose';
import { type ManagedChild, managedChild, waitUntil } from './child-process.js';
import { serveConsole } from './console-server.js';
import { createDevIssuer, type DevIssuer, oidcIssuerFor, type UserSpec } from './dev-token-issuer.js';
import { freePort, retryWhenPortTaken } from './free-port.js';
import { type Host, LOOPBACK, type NetworkHosts } from './host.js';
import { type HubAndLeaves, startHubAndLeaves } from './hub-and-leaves.js';
import { type KeyPair, newKeyPair, newNetworkKey } from './keys.js';
import { AUDIENCE, buildMember, buildMembership, signedMembershipText } from './membership-document.js';
import { type AgencyNatsUsers, natsServerConfig, newAgencyNatsUsers } from './nats-config.js';
import type { LEAF_PING, TRANSIT_LIMITS } from './nats-hub-config.js';
import { createNetworkCa, type MemberTls, type NetworkCa } from './network-ca.js';
import { entryArguments } from './node-entry.js';
import { handleOf, natsServerBinary, type ProcessHandle, tcpReachable } from './process-handle.js';
import { dealPseudonymService, type PseudonymServiceSpec } from './pseudonym-keys.js';
import { standardReleasePolicy } from './release-policies.js';
import { replaceFile } from './replace-file.js';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface AgencySpec {
  id: string;
  name: string;
  country: CountryCode;
  networks?: string[];
  /** The agency's PostgreSQL; without it the node runs on embedded PGlite under rootDir. */
  databaseUrl?: string;
  /** The agency's release policy; by default the standard one (release-policies.ts). */
  releasePolicy?: ReleasePolicyInput;
  /** The agency's retention document (proto retention.ts); by default none, and the node keeps the stated defaults. */
  retention?: RetentionDocumentInput;
}

/**
 * `single`: one nats-server, one account per agency (most tests', and `./corridor demo --plain`).
 * `hub-and-leaves`: a hub cluster of three and one leaf server per agency in its own JetStream
 * domain (hub-and-leaves.ts), as agencies on their own premises run it (the demo's).
 */
export type NatsTopology = 'single' | 'hub-and-leaves';

export interface NetworkSpec {
  rootDir: string;
  agencies: AgencySpec[];
  users?: UserSpec[];
  /**
   * `start`: a nats-server of this network's own, one account per agency (nats-config.ts), its
   * store under rootDir, removed at stop; with `topology: 'hub-and-leaves'`, a hub cluster and a
   * leaf server per agency instead (`transitLimits` lowers the hub's limits for a test, `leafPing`
   * sets how leaves check their link), every link TLS only with a CA of this run unless `tls: false`. `url`: an
   * existing server, every node in one account: no isolation between agencies, for development only.
   */
  nats:
    | { url: string }
    | {
        start: true;
        port?: number;
        topology?: NatsTopology;
        transitLimits?: Partial<typeof TRANSIT_LIMITS>;
        leafPing?: typeof LEAF_PING;
        tls?: boolean;
      };
  /**
   * Which host each process runs on (host.ts), for the hub-and-leaves topology only: the hub
   * servers, each agency's leaf server and node (with its embedded database when it has no
   * `databaseUrl`), the gateway. Absent: everything on loopback. The development issuer and the
   * console stay in the launcher; each host reaches the issuer on its own loopback.
   */
  hosts?: NetworkHosts;
  subjectRoot?: string;
  /** The name of each agency's inbox stream in its own account (on a `url` server, suffixed with the agency id). */
  stream?: string;
  gatewayPort?: number;
  issuerPort?: number;
  consolePort?: number;
  nodeBasePort?: number;
  console?: boolean;
  directory?: Record<string, DirectoryEntryInput[]>;
  /**
   * How long a node may take to answer /health after it starts (90 s unless set): a node applying
   * a large seed file the first time (100,000 entries in the node bench) serves only after it.
   */
  nodeStartTimeoutMs?: number;
  /** Child logs go to rootDir/logs/<name>.log instead of the terminal. */
  quiet?: boolean;
  /**
   * Further settings for every node (services/src/config.ts), e.g. CORRIDOR_CHECKS_PER_MINUTE for
   * a benchmark. The launcher's own settings (ports, keys, files) always win.
   */
  nodeEnv?: Record<string, string>;
  /**
   * The pseudonyms (issue 18). Default: an oblivious epoch 1 whose key is split among the first
   * three agencies (2 of 3), and no HMAC network key at all, as a network starting today.
   * `'hmac'`: HMAC epoch 1 under CORRIDOR_NETWORK_KEY alone, as networks started before issue 18
   * (`startObliviousEpoch` then moves it over through the rotation).
   */
  pseudonyms?: PseudonymServiceSpec | 'hmac';
  /**
   * The network's table of answer times for requests (proto answer-times.ts), signed into the
   * membership; absent: Directive 2023/977's (8 hours, 3 days, 7 days). A test gives seconds.
   */
  answerTimes?: Membership['answerTimes'];
  /** Told when a child dies that nobody stopped; default: a clear message with its log tail on stderr. */
  onUnexpectedExit?: (name: string, code: number | string | null, logTail: string) => void;
}

export type { ProcessHandle } from './process-handle.js';

export interface NodeHandle {
  agency: string;
  url: string;
  healthUrl: string;
  readonly running: boolean;
  /** The node's process id while it runs: what a bench reads /proc by. */
  readonly pid: number | undefined;
  start(): Promise<void>;
  stop(): Promise<void>;
  kill(): void;
}

export interface RunningNetwork {
  /** The bus's address; in the hub-and-leaves topology a hub server's, where no node connects. */
  natsUrl: string;
  /**
   * When the launcher started nats-server: each agency's node and operator users, in its own
   * account (in the hub-and-leaves topology, on the agency's leaf server).
   */
  natsUsers?: Record<string, AgencyNatsUsers>;
  /** The launcher's nats-server, for tests that stop and restart the bus (its store survives). */
  nats?: ProcessHandle;
  /** The hub cluster and each agency's leaf server, in the hub-and-leaves topology. */
  hubAndLeaves?: Omit<HubAndLeaves, 'stop' | 'addAgency'>;
  subjectRoot: string;
  /** Each agency's inbox stream, by agency id. */
  streams: Record<string, string>;
  gatewayUrl: string;
  /** The gateway process, for tests that restart it. */
  gateway: ProcessHandle;
  issuerUrl: string;
  /**
   * What reaches this network's nodes and gateway: under TLS (the hub-and-leaves topology's
   * default) a fetch trusting the run's CA only, over https; else the global fetch.
   */
  fetch: typeof fetch;
  consoleUrl?: string;
  /** The membership version in force (the last one the launcher published). */
  readonly membership: Membership;
  /** The signed membership file (`{ membership, signature }`) the nodes and the gateway watch. */
  membershipFile: string;
  /** The secretariat's public keys (a JWKS file): what nodes and gateway trust the membership by. */
  membershipTrustFile: string;
  /** CORRIDOR_NETWORK_KEY of every node (`<epoch>:<secret>[@retirement]`), or null once destroyed or never made. */
  readonly networkKey: string | null;
  /** Each key holder's CORRIDOR_PSEUDONYM_KEY_SHARE, by agency: what that member holds (tests act as a hostile holder with it). */
  readonly pseudonymShares: Record<string, string>;
  /**
   * The rotation to an oblivious epoch (issue 18): deals its key among the holders, publishes the
   * membership's pseudonymService, and restarts every node with its share and the HMAC key retiring
   * at `networkKeyRetiresAt`; until then nodes pseudonymize under both epochs.
   */
  startObliviousEpoch(spec: PseudonymServiceSpec & { networkKeyRetiresAt: string }): Promise<void>;
  /** After the HMAC epoch's retirement: takes its key out of every node's settings and restarts them. */
  destroyNetworkKey(): Promise<void>;
  nodes: Record<string, NodeHandle>;
  /** Each agency's release policy file: its node picks up a rewritten one within a poll. */
  releasePolicyFiles: Record<string, string>;
  /**
   * Each agency's alert-signing key pair (CORRIDOR_SIGNING_KEY): what the agency's own operator
   * holds, for tests that act as a hostile member with its own key.
   */
  signingKeys: Record<string, KeyPair>;
  /**
   * Each agency's node certificate and key, under TLS: what that member holds, for tests that serve
   * a member's own valid certificate where another member is expected.
   */
  nodeCertificates: Record<string, MemberTls>;
  users: UserSpec[];
  token(userId: string, opts?: { expiresIn?: string }): Promise<string>;
  /**
   * A token for `target`'s node on the user's behalf, from the user's own node by the token
   * exchange the gateway uses (RFC 8693): what another agency's node accepts from that user.
   */
  delegatedToken(userId: string, target: string, opts?: { expiresIn?: string }): Promise<string>;
  /** The private delegation key given to an agency's node: what that member holds, to try forging with it. */
  delegationKey(agency: string): JWK;
  /** The development issuer running in this process: rotate a key, count JWKS fetches. */
  issuer: DevIssuer;
  /**
   * Publishes a new membership version: `change` gets a copy of the version in force and returns
   * the next document; the launcher raises the version, signs it with the secretariat key and
   * replaces the file, which the running nodes and gateway pick up within a poll.
   */
  updateMembership(change: (current: Membership) => Membership): Promise<Membership>;
  /** The text of a membership file signed by this network's secretariat, exactly as given (version included). */
  signedMembership(document: Membership): Promise<string>;
  /**
   * Adds an agency while the network runs: its users and keys at the development issuer, its
   * account on the bus (the launcher's nats-server restarts, keeping its store; in the
   * hub-and-leaves topology the hub servers reload, and its transit stream and leaf server are
   * made), a new membership version listing it, then its node.
   */
  addAgency(agency: AgencySpec, users?: UserSpec[]): Promise<NodeHandle>;
  stop(): Promise<void>;
}

export async function startNetwork(spec: NetworkSpec): Promise<RunningNetwork> {
  const rootDir = resolve(spec.rootDir);
  mkdirSync(join(rootDir, 'logs'), { recursive: true });
  const logFile = (name: string) => (spec.quiet ? join(rootDir, 'logs', `${name}.log`) : undefined);
  const stack: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    while (stack.length > 0) await stack.pop()?.();
  };
  const report =
    spec.onUnexpectedExit ??
    ((name: string, code: number | string | null, tail: string) =>
      console.error(`\n!! corridor: ${name} exited unexpectedly (${code}). Last log lines:\n${tail}\n`));
  const watch = (child: ManagedChild) => child.onUnexpectedExit((code) => report(child.name, code, child.logTail()));

  try {
    if (spec.hosts && !('start' in spec.nats && spec.nats.topology === 'hub-and-leaves'))
      throw new TypeError('hosts: processes are placed on hosts in the hub-and-leaves topology only');
    const hostOf = (agency: string): Host => spec.hosts?.agencies[agency] ?? LOOPBACK;
    const subjectRoot = spec.subjectRoot ?? 'corridor';
    const stream = spec.stream ?? 'CORRIDOR_INBOX';
    // The bus. A server of our own gets one account per agency; on a shared one every node is in
    // the same account, where inbox streams need names of their own.
    let natsUrl: string;
    let natsUsers: Record<string, AgencyNatsUsers> | undefined;
    let natsHandle: ProcessHandle | undefined;
    let addAccount: ((agency: string) => Promise<void>) | undefined;
    let hubAndLeaves: HubAndLeaves | undefined;
    let ca: NetworkCa | undefined;
    const streamOf = (agency: string) => ('url' in spec.nats ? `${stream}_${agency}` : stream);
    if ('url' in spec.nats) {
      natsUrl = spec.nats.url;
    } else if (spec.nats.topology === 'hub-and-leaves') {
      // The run's own CA, in its folder: removed with it, never committed. A fresh one for each
      // attempt, as a CA issues each member's certificate once.
      const { tls, transitLimits, leafPing } = spec.nats;
      const bus = await retryWhenPortTaken((attempt) => {
        if (tls !== false) ca = createNetworkCa(join(rootDir, attempt === 1 ? 'tls' : `tls-${attempt}`));
        return startHubAndLeaves({
          rootDir,
          agencies: spec.agencies.map((a) => a.id),
          subjectRoot,
          stream,
          ...(transitLimits ? { transitLimits } : {}),
          ...(leafPing ? { leafPing } : {}),
          ...(ca ? { ca } : {}),
          logFile,
          watch,
          ...(spec.hosts ? { hosts: spec.hosts } : {}),
        });
      });
      hubAndLeaves = bus;
      stack.push(() => bus.stop());
      natsUrl = bus.hub.urls[0] as string;
      natsUsers = bus.leafUsers;
      addAccount = (agency) => bus.addAgency(agency);
    } else {
      const port = await freePort(spec.nats.port);
      natsUrl = `nats://127.0.0.1:${port}`;
      const binary = natsServerBinary(existsSync);
      const users: Record<string, AgencyNatsUsers> = Object.fromEntries(spec.agencies.map((a) => [a.id, newAgencyNatsUsers(a.id)]));
      natsUsers = users;
      const configFile = join(rootDir, 'nats-server.conf');
      const storeDir = join(rootDir, 'nats');
      const writeConfig = () =>
        writeFileSync(configFile, natsServerConfig({ port, storeDir, subjectRoot, stream, agencies: users }), { mode: 0o600 });
      writeConfig();
      const nats = managedChild({
        name: 'nats-server',
        command: binary,
        args: ['-c', configFile],
        cwd: rootDir,
        logFile: logFile('nats-server'),
      });
      const natsUp = () => waitUntil(nats, 'accepting connections', () => tcpReachable(port), 15_000);
      nats.start();
      watch(nats);
      // The store goes with the network: no stream outlives the run that made it.
      stack.push(async () => rmSync(storeDir, { recursive: true, force: true }));
      stack.push(() => nats.stop());
      await natsUp();
      natsHandle = handleOf(nats, natsUp);
      // A restart, not a reload: nats-server 2.9.10 reloads the new account, but a service import
      // from it into an existing account is then answered "jetstream is not enabled". The store
      // is kept, and nodes reconnect and resend what waited in their outboxes.
      addAccount = async (agency) => {
        users[agency] = newAgencyNatsUsers(agency);
        writeConfig();
        await nats.stop();
        nats.start();
        await natsUp();
      };
    }

    // Keys and the membership document, fresh for every run.
    const users = [...(spec.users ?? spec.agencies.map(defaultUser))];
    // Each agency's issuer is its OpenID provider at the development issuer, so its URL is known first.
    const issuerPort = await freePort(spec.issuerPort);
    const issuerUrl = `http://127.0.0.1:${issuerPort}`;
    const issuer = await createDevIssuer({
      users,
      agencies: spec.agencies.map((a) => ({ ...a, issuer: oidcIssuerFor(issuerUrl, a.id) })),
      audience: AUDIENCE,
    });
    const signingKeys: Record<string, KeyPair> = {};
    // Each node's own key for delegated tokens; the membership lists its public half.
    const delegationKeys: Record<string, KeyPair> = {};
    const nodePorts: Record<string, number> = {};
    // Where the bus runs TLS, HTTP does too: each node and the gateway get a certificate of the
    // run's CA naming every address they are reached at (loopback, relays, their host's own).
    const send: typeof fetch = ca ? caFetch(ca.caFile) : fetch;
    const scheme = ca ? 'https' : 'http';
    const httpsCertificate = (name: string, host: Host): MemberTls | undefined =>
      ca?.issue({ name, hosts: [...new Set(['127.0.0.1', 'localhost', host.address])] });
    // Issued before the membership is written, which pins each node's key beside its leaf's.
    const nodeTls: Record<string, MemberTls | undefined> = {};
    const tlsPinsOf = (agency: string): string[] | undefined => {
      const own = [nodeTls[agency], hubAndLeaves?.tls?.agencies[agency]].flatMap((t) => (t ? [t.pin] : []));
      return own.length > 0 ? own : undefined;
    };
    for (const [i, a] of spec.agencies.entries()) {
      signingKeys[a.id] = await newKeyPair(`${a.id}-alerts-1`);
      delegationKeys[a.id] = await newKeyPair(`${a.id}-delegation-1`);
      nodePorts[a.id] = await freePort(spec.nodeBasePort ? spec.nodeBasePort + i : undefined);
      // The bus's launcher issued them already: each node presents its own to its leaf.
      nodeTls[a.id] = hubAndLeaves?.tls?.nodes[a.id] ?? httpsCertificate(`node-${a.id}`, hostOf(a.id));
    }
    // The development token issuer, in this process, listening before the membership is written:
    // the membership lists each agency's JWKS address there, and nodes fetch keys from it.
    const issuerServer = await issuer.listen(issuerPort, '127.0.0.1', (line) => {
      if (!spec.quiet) console.warn(`[dev-issuer] ${line}`);
    });
    stack.push(() => issuerServer.close());
    const placedHosts = spec.hosts ? new Set([spec.hosts.gateway, ...Object.values(spec.hosts.agencies)]) : new Set<Host>();
    for (const host of placedHosts) await host.expose(issuerPort);
    // The secretariat signs the membership; nodes and gateway trust its public key only.
    const secretariat = await newKeyPair('secretariat-1');
    const membershipTrustFile = join(rootDir, 'membership-trust.json');
    writeFileSync(membershipTrustFile, JSON.stringify({ keys: [secretariat.publicJwk] }, null, 2));
    let membership = buildMembership({
      agencies: spec.agencies,
      issuer,
      issuerUrl: issuerServer.url,
      alertSigningKeys: Object.fromEntries(spec.agencies.map((a) => [a.id, { keys: [(signingKeys[a.id] as KeyPair).publicJwk] }])),
      delegationKeys: Object.fromEntries(spec.agencies.map((a) => [a.id, { keys: [(delegationKeys[a.id] as KeyPair).publicJwk] }])),
      nodeUrls: Object.fromEntries(spec.agencies.map((a) => [a.id, `${scheme}://${hostOf(a.id).address}:${nodePorts[a.id]}/graphql`])),
      tlsPins: Object.fromEntries(spec.agencies.map((a) => [a.id, tlsPinsOf(a.id)])),
      natsCaFingerprints: hubAndLeaves?.tls ? [hubAndLeaves.tls.caFingerprint] : undefined,
      answerTimes: spec.answerTimes,
    });
    const membershipFile = join(rootDir, 'membership.json');
    const signedMembership = (document: Membership) => signedMembershipText(document, secretariat.privateJwk);
    replaceFile(membershipFile, await signedMembership(membership));
    const updateMembership = async (change: (current: Membership) => Membership) => {
      const next = { ...change(structuredClone(membership)), version: membership.version + 1 };
      replaceFile(membershipFile, await signedMembership(next));
      membership = next;
      return next;
    };
    // A network starting today has no HMAC key; one started as before issue 18 has epoch 1's.
    let networkKey: string | null = spec.pseudonyms === 'hmac' ? newNetworkKey() : null;
    let pseudonymShares: Record<string, string> = {};
    if (spec.pseudonyms !== 'hmac') {
      const dealt = dealPseudonymService(
        spec.agencies.map((a) => a.id),
        1,
        spec.pseudonyms,
      );
      membership = { ...membership, pseudonymService: dealt.service };
      replaceFile(membershipFile, await signedMembership(membership));
      pseudonymShares = dealt.shares;
    }
    const nodeEnvs: Record<string, Record<string, string>> = {};
    const pseudonymEnv = (agency: string): Record<string, string> => ({
      ...(networkKey ? { CORRIDOR_NETWORK_KEY: networkKey } : {}),
      ...(pseudonymShares[agency] ? { CORRIDOR_PSEUDONYM_KEY_SHARE: pseudonymShares[agency] } : {}),
    });
    /** Every node's pseudonym settings rewritten, then the nodes restarted one by one. */
    const restartWithPseudonymKeys = async () => {
      for (const [agency, env] of Object.entries(nodeEnvs)) {
        delete env.CORRIDOR_NETWORK_KEY;
        delete env.CORRIDOR_PSEUDONYM_KEY_SHARE;
        Object.assign(env, pseudonymEnv(agency));
      }
      for (const node of Object.values(nodes)) {
        const wasRunning = node.running;
        await node.stop();
        if (wasRunning) await node.start();
      }
    };

    // The nodes, started together.
    const nodes: Record<string, NodeHandle> = {};
    const releasePolicyFiles: Record<string, string> = {};
    const launchNode = async (a: AgencySpec): Promise<NodeHandle> => {
      const host = hostOf(a.id);
      const seed = spec.directory?.[a.id];
      const seedFile = seed ? join(rootDir, `directory-${a.id}.json`) : undefined;
      if (seedFile) writeFileSync(seedFile, JSON.stringify(seed, null, 2));
      const policyFile = join(rootDir, `release-policy-${a.id}.json`);
      writeFileSync(policyFile, JSON.stringify(a.releasePolicy ?? standardReleasePolicy(a.id), null, 2));
      releasePolicyFiles[a.id] = policyFile;
      const retentionFile = a.retention ? join(rootDir, `retention-${a.id}.json`) : undefined;
      if (retentionFile) writeFileSync(retentionFile, JSON.stringify(a.retention, null, 2));
      const tls = nodeTls[a.id];
      // Kept, not copied: the child reads it at each start, so a key rotation restarts it with new keys.
      const env: Record<string, string> = {
        ...spec.nodeEnv,
        CORRIDOR_AGENCY_ID: a.id,
        CORRIDOR_HOST: host.address,
        CORRIDOR_PORT: String(nodePorts[a.id]),
        ...(tls ? { CORRIDOR_TLS_CERT: tls.certFile, CORRIDOR_TLS_KEY: tls.keyFile } : {}),
        // A database URL when the agency has one, else embedded PGlite in a folder of this run.
        ...(a.databaseUrl ? { CORRIDOR_DATABASE_URL: a.databaseUrl } : { CORRIDOR_DATA_DIR: join(rootDir, 'data', a.id) }),
        CORRIDOR_NATS_URL: hubAndLeaves?.leaves[a.id]?.hostUrl ?? natsUrl,
        ...(hubAndLeaves ? { CORRIDOR_NATS_HUB_DOMAIN: hubAndLeaves.hubDomain } : {}),
        ...(hubAndLeaves?.tls ? { CORRIDOR_NATS_CA: hubAndLeaves.tls.caFile } : {}),
        ...(hubAndLeaves?.tls && tls ? { CORRIDOR_NATS_CERT: tls.certFile, CORRIDOR_NATS_KEY: tls.keyFile } : {}),
        ...(natsUsers?.[a.id]
          ? { CORRIDOR_NATS_USER: natsUsers[a.id]?.node.user ?? '', CORRIDOR_NATS_PASSWORD: natsUsers[a.id]?.node.password ?? '' }
          : {}),
        CORRIDOR_SUBJECT_ROOT: subjectRoot,
        CORRIDOR_STREAM: streamOf(a.id),
        CORRIDOR_MEMBERSHIP_FILE: membershipFile,
        CORRIDOR_MEMBERSHIP_TRUST: membershipTrustFile,
        CORRIDOR_SIGNING_KEY: JSON.stringify(signingKeys[a.id]?.privateJwk),
        CORRIDOR_DELEGATION_KEY: JSON.stringify(delegationKeys[a.id]?.privateJwk),
        ...pseudonymEnv(a.id),
        ...(seedFile ? { CORRIDOR_SEED_DIRECTORY: seedFile } : {}),
        CORRIDOR_RELEASE_POLICY_FILE: policyFile,
        CORRIDOR_POLICY_POLL_MS: '250',
        ...(retentionFile ? { CORRIDOR_RETENTION_FILE: retentionFile } : {}),
        // Key holders are asked over the network's HTTPS: trust its CA for those calls.
        ...(ca ? { NODE_EXTRA_CA_CERTS: ca.caFile } : {}),
      };
      nodeEnvs[a.id] = env;
      const child = managedChild({
        name: `node-${a.id}`,
        ...host.wrap(process.execPath, entryArguments(join(REPO_ROOT, 'services'))),
        cwd: join(REPO_ROOT, 'services'),
        logFile: logFile(`node-${a.id}`),
        env,
      });
      watch(child);
      const base = `${scheme}://127.0.0.1:${await host.reach(nodePorts[a.id] as number)}`;
      const handle: NodeHandle = {
        agency: a.id,
        url: `${base}/graphql`,
        healthUrl: `${base}/health`,
        get running() {
          return child.running;
        },
        get pid() {
          return child.pid;
        },
        async start() {
          if (child.running) return;
          child.start();
          await waitUntil(child, 'healthy', async () => (await send(handle.healthUrl)).ok, spec.nodeStartTimeoutMs ?? 90_000);
        },
        stop: () => child.stop(),
        kill: () => child.kill(),
      };
      nodes[a.id] = handle;
      return handle;
    };
    for (const a of spec.agencies) await launchNode(a);
    // Stopped together too (after the gateway, before the bus, so outboxes can still flush).
    stack.push(async () => {
      await Promise.all(Object.values(nodes).map((n) => n.stop()));
    });
    await Promise.all(Object.values(nodes).map((n) => n.start()));

    // The gateway.
    const gatewayPort = await freePort(spec.gatewayPort);
    const gatewayHost = spec.hosts?.gateway ?? LOOPBACK;
    const gatewayTls = httpsCertificate('gateway', gatewayHost);
    const gateway = managedChild({
      name: 'gateway',
      ...gatewayHost.wrap(process.execPath, ['--import', 'tsx', 'src/main.ts']),
      cwd: join(REPO_ROOT, 'gateway'),
      logFile: logFile('gateway'),
      env: {
        CORRIDOR_GATEWAY_HOST: gatewayHost.address,
        CORRIDOR_GATEWAY_PORT: String(gatewayPort),
        CORRIDOR_MEMBERSHIP_FILE: membershipFile,
        CORRIDOR_MEMBERSHIP_TRUST: membershipTrustFile,
        ...(ca && gatewayTls
          ? { CORRIDOR_TLS_CERT: gatewayTls.certFile, CORRIDOR_TLS_KEY: gatewayTls.keyFile, CORRIDOR_NODE_CA: ca.caFile }
          : {}),
      },
    });
    gateway.start();
    watch(gateway);
    stack.push(() => gateway.stop());
    const gatewayBase = `${scheme}://127.0.0.1:${await gatewayHost.reach(gatewayPort)}`;
    const gatewayUrl = `${gatewayBase}/graphql`;
    const gatewayHealthy = () => waitUntil(gateway, 'healthy', async () => (await send(`${gatewayBase}/health`)).ok, 60_000);
    await gatewayHealthy();
    const gatewayHandle = handleOf(gateway, gatewayHealthy);

    // The console.
    let consoleUrl: string | undefined;
    if (spec.console) {
      // Built when missing or older than its sources: a console older than the code it talks to
      // would mislead the tests, and rebuilding an up-to-date one costs every run many seconds.
      const dist = join(REPO_ROOT, 'web', 'dist');
      if (consoleIsStale()) buildConsole();
      const consoleServer = await serveConsole(
        dist,
        { gatewayUrl, issuerUrl: issuerServer.url },
        await freePort(spec.consolePort),
        undefined,
        ca ? { send } : undefined,
      );
      stack.push(() => consoleServer.close());
      consoleUrl = consoleServer.url;
    }

    let stopped: Promise<void> | undefined;
    return {
      natsUrl,
      ...(natsUsers && natsHandle ? { natsUsers, nats: natsHandle } : {}),
      ...(natsUsers && hubAndLeaves
        ? {
            natsUsers,
            hubAndLeaves: {
              hubDomain: hubAndLeaves.hubDomain,
              hub: hubAndLeaves.hub,
              leaves: hubAndLeaves.leaves,
              leafUsers: hubAndLeaves.leafUsers,
              ...(hubAndLeaves.tls ? { tls: hubAndLeaves.tls } : {}),
            },
          }
        : {}),
      subjectRoot,
      get streams() {
        return Object.fromEntries(Object.keys(nodes).map((id) => [id, streamOf(id)]));
      },
      gatewayUrl,
      gateway: gatewayHandle,
      issuerUrl: issuerServer.url,
      fetch: send,
      ...(consoleUrl ? { consoleUrl } : {}),
      get membership() {
        return membership;
      },
      membershipFile,
      membershipTrustFile,
      get networkKey() {
        return networkKey;
      },
      get pseudonymShares() {
        return pseudonymShares;
      },
      async startObliviousEpoch(rotation) {
        const epochs = [membership.pseudonymService?.epoch ?? 0, Number(networkKey?.split(':')[0] ?? 0)];
        const { networkKeyRetiresAt, ...serviceSpec } = rotation;
        const dealt = dealPseudonymService(Object.keys(nodes), Math.max(...epochs) + 1, serviceSpec);
        await updateMembership((m) => ({ ...m, pseudonymService: dealt.service }));
        pseudonymShares = dealt.shares;
        if (networkKey) networkKey = `${networkKey.split('@')[0]}@${networkKeyRetiresAt}`;
        await restartWithPseudonymKeys();
      },
      async destroyNetworkKey() {
        networkKey = null;
        await restartWithPseudonymKeys();
      },
      nodes,
      releasePolicyFiles,
      signingKeys,
      get nodeCertificates() {
        return Object.fromEntries(Object.entries(nodeTls).flatMap(([id, t]) => (t ? [[id, t]] : [])));
      },
      users,
      token: (userId, opts) => issuer.mint(userId, opts),
      delegationKey(agency) {
        const pair = delegationKeys[agency];
        if (!pair) throw new Error(`delegationKey: no agency ${agency} in this network`);
        return pair.privateJwk;
      },
      async delegatedToken(userId, target, opts) {
        const agency = users.find((u) => u.id === userId)?.agency;
        const own = agency ? nodes[agency] : undefined;
        if (!own) throw new Error(`delegatedToken: user ${userId} has no agency node in this network`);
        return exchangeToken(own.url, await issuer.mint(userId, opts), target, send);
      },
      issuer,
      updateMembership,
      signedMembership,
      async addAgency(agency, agencyUsers = [defaultUser(agency)]) {
        if (nodes[agency.id]) throw new Error(`addAgency: agency ${agency.id} is already in the network`);
        await issuer.addAgency({ ...agency, issuer: oidcIssuerFor(issuerServer.url, agency.id) }, agencyUsers);
        users.push(...agencyUsers);
        signingKeys[agency.id] = await newKeyPair(`${agency.id}-alerts-1`);
        delegationKeys[agency.id] = await newKeyPair(`${agency.id}-delegation-1`);
        nodePorts[agency.id] = await freePort();
        // Its bus first: so partners that follow the new version can reach it at once, and, in
        // hub-and-leaves, so its leaf's and node's certificates exist for the membership to pin.
        await addAccount?.(agency.id);
        nodeTls[agency.id] = hubAndLeaves?.tls?.nodes[agency.id] ?? httpsCertificate(`node-${agency.id}`, hostOf(agency.id));
        const member = buildMember({
          agency,
          issuer,
          issuerUrl: issuerServer.url,
          alertSigningKeys: { keys: [(signingKeys[agency.id] as KeyPair).publicJwk] },
          delegationKeys: { keys: [(delegationKeys[agency.id] as KeyPair).publicJwk] },
          nodeUrl: `${scheme}://${hostOf(agency.id).address}:${nodePorts[agency.id]}/graphql`,
          tlsPins: tlsPinsOf(agency.id),
        });
        // Listed before its node starts, which refuses a membership that does not name its agency.
        await updateMembership((m) => ({ ...m, agencies: [...m.agencies, member] }));
        const node = await launchNode(agency);
        await node.start();
        return node;
      },
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

/** RFC 8693 token exchange at a node (services/src/auth/use-token-exchange.ts). */
export async function exchangeToken(nodeUrl: string, subjectToken: string, target: string, send = fetch): Promise<string> {
  const response = await send(tokenExchangeUrl(nodeUrl), {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: TOKEN_EXCHANGE_GRANT,
      subject_token: subjectToken,
      subject_token_type: ACCESS_TOKEN_TYPE,
      audience: nodeUrn(target),
    }),
  });
  const answer = (await response.json()) as { access_token?: string; error?: string; error_description?: string };
  if (!response.ok || !answer.access_token) throw new Error(`token exchange refused: ${answer.error}: ${answer.error_description}`);
  return answer.access_token;
}

function defaultUser(a: AgencySpec): UserSpec {
  return { id: `${a.id}-officer`, name: `Officer of ${a.name}`, agency: a.id, roles: ['border_officer'] };
}

export function buildConsole(): void {
  // Always the production build: under vitest NODE_ENV is 'test', with which Vite would bundle
  // React's development build (a 510 kB entry, counted by the first-load budget), and browser
  // tests would not run what officers get.
  const result = spawnSync('pnpm', ['--filter', '@corridor/web', 'run', 'build'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (result.status !== 0) throw new Error('building the console (pnpm --filter @corridor/web run build) failed');
}

/** web/dist is missing, or some source of the console (or of proto, which it bundles) is newer. */
export function consoleIsStale(): boolean {
  const built = join(REPO_ROOT, 'web', 'dist', 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const sources = [
    'web/src',
    'web/index.html',
    'web/public',
    'web/vite.config.ts',
    'web/bundle-budget.ts',
    'web/package.json',
    'proto/src',
    'proto/package.json',
  ];
  return sources.some((s) => newestMtime(join(REPO_ROOT, s)) > builtAt);
}

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(st.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}
