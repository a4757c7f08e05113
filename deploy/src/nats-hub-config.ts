// The nats-server configurations of the network's hub-and-leaves topology: a hub cluster of three
// servers in JetStream domain `hub`, and one leaf server per agency, on the agency's premises, in a
// JetStream domain named after the agency. The hub carries the same accounts, exports and imports
// as the one-server network (nats-config.ts), so a publish at one agency's leaf reaches the
// partner's account on the hub by subject interest alone; the partner's leaf sources what landed
// there into its own inbox. Written for nats-server 2.9.
//
// With TLS material (network-ca.ts) every listener and link is TLS only: routes verify both peers
// against the network CA, and the hub binds a leaf connection to an account by its certificate
// alone (verify_and_map), so no leaf reaches an account but the one its agency's certificate names.
// With the members' pins (the membership's `tlsPins`), the hub's leaf port also takes only a
// certificate on a key a member listed (`pinned_certs`, nats-server 2.9; leaf remotes ignore it, so
// a leaf cannot pin the hub in return).
import { INBOX_RETENTION, inboxFilterFor, type Membership } from '@corridor/proto';
import { natsPinnedCert } from '@corridor/proto/graphql';
import { type AgencyNatsUsers, agencyAccountLinks, agencyPermissions, type NatsUser, newNatsUser } from './nats-config.js';
import { certificateSubject, type MemberTls } from './network-ca.js';

/** The JetStream domain of the hub cluster; each leaf's domain is its agency's id. */
export const HUB_DOMAIN = 'hub';

/** An agency's users on the hub, in its own hub account. */
export interface AgencyHubUsers {
  /** What the agency's leaf server logs in with: the leaf connection is bound to the agency's account. */
  leaf: NatsUser;
  /** The operator of the agency's hub account: the launcher creates the transit stream with it. */
  admin: NatsUser;
}

export function newAgencyHubUsers(agency: string): AgencyHubUsers {
  return { leaf: newNatsUser(`leaf-${agency}`), admin: newNatsUser(`hub-admin-${agency}`) };
}

/** A nats-server `tls {}` block for one member's certificate, with `extra` settings (verification). */
function tlsBlock(t: MemberTls, extra = ''): string {
  const q = JSON.stringify;
  return `tls: { cert_file: ${q(t.certFile)}, key_file: ${q(t.keyFile)}, ca_file: ${q(t.caFile)}, timeout: 5${extra} }`;
}

export interface HubServerAddress {
  name: string;
  /** Where it listens and its peers reach it; loopback when absent. */
  host?: string;
  port: number;
  clusterPort: number;
  leafPort: number;
}

/**
 * One of the three hub servers. Every agency's account has JetStream, where its transit stream
 * lives, and no user but its leaf's and its operator's: no node connects to the hub directly. An
 * account is the boundary, so the leaf user needs no permissions of its own inside it: the imports
 * carry only subjects that end in the agency's own id, whatever its leaf sends.
 */
export function hubServerConfig(opts: {
  self: HubServerAddress;
  cluster: HubServerAddress[];
  storeDir: string;
  subjectRoot: string;
  agencies: Record<string, AgencyHubUsers>;
  /** The hub server's own certificate: TLS on every listener, leaves mapped by certificate. */
  tls?: MemberTls | undefined;
  /**
   * Under TLS, the `pin-sha256` of every key a leaf may present (memberPins): any other
   * certificate, even of the network's CA, is refused in the handshake. Absent: the CA decides.
   */
  leafPins?: readonly string[] | undefined;
}): string {
  const q = JSON.stringify;
  const tls = opts.tls;
  const ids = Object.keys(opts.agencies);
  const host = opts.self.host ?? '127.0.0.1';
  const routes = opts.cluster.filter((s) => s.name !== opts.self.name).map((s) => `nats-route://${s.host ?? '127.0.0.1'}:${s.clusterPort}`);
  const accounts = Object.entries(opts.agencies).map(([agency, users]) => {
    const links = agencyAccountLinks(agency, ids, opts.subjectRoot);
    // Under TLS the leaf is no user of the account: a password user would also let a client in.
    const leafUser = tls ? '' : `\n      { user: ${q(users.leaf.user)}, password: ${q(users.leaf.password)} },`;
    return `  ${q(agency)}: {
    jetstream: enabled
    users: [${leafUser}
      { user: ${q(users.admin.user)}, password: ${q(users.admin.password)} }
    ]
    exports: ${q(links.exports)}
    imports: ${q(links.imports)}
  }`;
  });
  const leafnodes = tls
    ? `leafnodes {
  listen: ${host}:${opts.self.leafPort}
  ${tlsBlock(tls, `, verify_and_map: true${opts.leafPins?.length ? `, pinned_certs: ${q(opts.leafPins.map(natsPinnedCert))}` : ''}`)}
  authorization { users: ${q(ids.map((a) => ({ user: certificateSubject(a), account: a })))} }
}`
    : `leafnodes { listen: ${host}:${opts.self.leafPort} }`;
  return `# Generated for one run of a Corridor network: hub server ${opts.self.name}.
server_name: ${q(opts.self.name)}
listen: ${host}:${opts.self.port}${tls ? `\n${tlsBlock(tls)}` : ''}
jetstream { domain: ${HUB_DOMAIN}, store_dir: ${q(opts.storeDir)} }
cluster {
  name: "corridor-hub"
  listen: ${host}:${opts.self.clusterPort}
  routes: ${q(routes)}${tls ? `\n  ${tlsBlock(tls, ', verify: true')}` : ''}
}
${leafnodes}
accounts {
${accounts.join('\n')}
}
`;
}

/**
 * Every key the membership pins for its members (their nodes' and leaves'): what a hub's leaf port
 * accepts. None when some member lists no pins, as the CA alone then vouches for that member's leaf.
 */
export function memberPins(membership: Pick<Membership, 'agencies'>): string[] | undefined {
  if (membership.agencies.some((a) => a.tlsPins === undefined)) return undefined;
  return membership.agencies.flatMap((a) => a.tlsPins ?? []);
}

/**
 * How often a leaf server pings the other end of each link, and how many pings may go unanswered
 * before it drops the link and dials again (every second, `reconnect`). An outage that drops
 * packets without a word is then noticed in seconds; with nats-server's defaults (every 2 minutes)
 * a leaf link stays "up" through a cut of a minute and resumes only at TCP's next retransmission,
 * which has backed off by then to tens of seconds (measured by the `hosts` bench).
 */
export const LEAF_PING = { intervalSeconds: 2, max: 2 };

/**
 * An agency's leaf server: its own JetStream domain (its inbox stream lives here, on its
 * premises), its own account with its node's least-privilege user and its operator, and one leaf
 * remote listing every hub server, bound to the agency's hub account. Subjects then flow both ways
 * within that account only; the servers keep each domain's JetStream API to itself.
 */
export function leafServerConfig(opts: {
  agency: string;
  /** Where it listens; loopback when absent. */
  host?: string;
  port: number;
  storeDir: string;
  subjectRoot: string;
  stream: string;
  users: AgencyNatsUsers;
  hubUser: NatsUser;
  hubLeafPorts: number[];
  /** The agency's certificate: its node connects over TLS, and the hub knows its leaf by it. */
  tls?: MemberTls | undefined;
  /**
   * Under TLS, the `pin-sha256` of the client certificates its client port takes (its node's, and
   * the one its operator presents): every client must then present one of them, of the network's
   * CA, besides its password. Absent: clients present none.
   */
  clientPins?: readonly string[] | undefined;
  /** Each hub server's address, in the order of `hubLeafPorts`; loopback when absent. */
  hubLeafHosts?: string[];
  /** LEAF_PING unless told (a bench compares with nats-server's own defaults). */
  ping?: typeof LEAF_PING;
}): string {
  const q = JSON.stringify;
  const tls = opts.tls;
  const ping = opts.ping ?? LEAF_PING;
  const p = agencyPermissions(opts.agency, opts.subjectRoot, opts.stream);
  // Under TLS the hub binds the leaf by its certificate, and sends no password anywhere.
  const credentials = tls ? '' : `${encodeURIComponent(opts.hubUser.user)}:${encodeURIComponent(opts.hubUser.password)}@`;
  const urls = opts.hubLeafPorts.map((port, i) => `nats-leaf://${credentials}${opts.hubLeafHosts?.[i] ?? '127.0.0.1'}:${port}`);
  const clientCheck = opts.clientPins?.length ? `, verify: true, pinned_certs: ${q(opts.clientPins.map(natsPinnedCert))}` : '';
  return `# Generated for one run of a Corridor network: the leaf server of ${opts.agency}.
server_name: ${q(`leaf-${opts.agency}`)}
listen: ${opts.host ?? '127.0.0.1'}:${opts.port}${tls ? `\n${tlsBlock(tls, clientCheck)}` : ''}
jetstream { domain: ${q(opts.agency)}, store_dir: ${q(opts.storeDir)} }
accounts {
  ${q(opts.agency)}: {
    jetstream: enabled
    users: [
      { user: ${q(opts.users.node.user)}, password: ${q(opts.users.node.password)}, permissions: { publish: { allow: ${q(p.publish)} }, subscribe: { allow: ${q(p.subscribe)} } } },
      { user: ${q(opts.users.admin.user)}, password: ${q(opts.users.admin.password)} }
    ]
  }
}
ping_interval: "${ping.intervalSeconds}s"
ping_max: ${ping.max}
leafnodes {
  reconnect: 1
  remotes: [ { urls: ${q(urls)}, account: ${q(opts.agency)}${tls ? `, ${tlsBlock(tls)}` : ''} } ]
}
`;
}

/**
 * The limits of a transit stream on the hub. It keeps only what is in transit: once an agency's
 * leaf has sourced an alert, the agency's own stream and database keep it. An agency offline for a
 * week must still catch up, and a flood must not fill the hub's disks: the network's inbox
 * retention (proto's INBOX_RETENTION says why 14 days and 1 GiB, discarding the oldest). Three
 * replicas: one hub server may die without losing any.
 */
export const TRANSIT_LIMITS = {
  maxAgeMs: INBOX_RETENTION.maxAgeMs,
  maxBytes: INBOX_RETENTION.maxBytes,
  replicas: 3,
  /** As the node's own inbox stream (services/src/bus/bus.ts): a sender's retry within it is stored once. */
  duplicateWindowMs: 2 * 60_000,
} as const;

export interface TransitStreamConfig {
  name: string;
  subjects: string[];
  replicas: number;
  maxAgeMs: number;
  maxBytes: number;
  duplicateWindowMs: number;
}

/**
 * The transit stream in an agency's hub account: everything partners send to the agency, until
 * the agency's leaf has sourced it. It bears the name of the agency's inbox stream, which sources
 * it by that name from the hub's domain (services/src/bus/bus.ts).
 */
export function transitStreamConfig(
  agency: string,
  subjectRoot: string,
  stream: string,
  limits: Partial<typeof TRANSIT_LIMITS> = {},
): TransitStreamConfig {
  const l = { ...TRANSIT_LIMITS, ...limits };
  return {
    name: stream,
    subjects: [inboxFilterFor(subjectRoot, agency)],
    replicas: l.replicas,
    maxAgeMs: l.maxAgeMs,
    maxBytes: l.maxBytes,
    duplicateWindowMs: l.duplicateWindowMs,
  };
}
