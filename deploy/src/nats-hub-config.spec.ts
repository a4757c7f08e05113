import { describe, expect, it } from 'vitest';
import { newAgencyNatsUsers } from './nats-config.js';
import {
  hubServerConfig,
  leafServerConfig,
  memberPins,
  newAgencyHubUsers,
  TRANSIT_LIMITS,
  transitStreamConfig,
} from './nats-hub-config.js';
import type { MemberTls } from './network-ca.js';

const cluster = [1, 2, 3].map((i) => ({ name: `hub-${i}`, port: 4000 + i, clusterPort: 5000 + i, leafPort: 6000 + i }));
const agencies = { 'it-polfr': newAgencyHubUsers('it-polfr'), 'ne-ppn': newAgencyHubUsers('ne-ppn') };

/** The first hub server's configuration, over TLS when given a certificate. */
const hubText = (tls?: MemberTls, leafPins?: string[]) =>
  hubServerConfig({
    self: cluster[0] as (typeof cluster)[0],
    cluster,
    storeDir: '/tmp/h1',
    subjectRoot: 'corridor',
    agencies,
    tls,
    leafPins,
  });
/** Two pins in the membership's form (base64 SHA-256), and the hex nats-server's pinned_certs takes. */
const PINS = [Buffer.alloc(32, 0xab), Buffer.alloc(32, 0x01)].map((b) => b.toString('base64'));
const HEX = ['ab'.repeat(32), '01'.repeat(32)];

describe('a hub server of the network', () => {
  const text = hubText();

  it('is in JetStream domain hub, routes to its two peers and listens for leaves', () => {
    expect(text).toContain('jetstream { domain: hub, store_dir: "/tmp/h1" }');
    expect(text).toContain('routes: ["nats-route://127.0.0.1:5002","nats-route://127.0.0.1:5003"]');
    expect(text).toContain('leafnodes { listen: 127.0.0.1:6001 }');
  });

  it('holds each agency’s account with the same exports as one server, and only a leaf and an operator user', () => {
    expect(text.match(/jetstream: enabled/g)).toHaveLength(2);
    expect(text.match(/user: "/g)).toHaveLength(4);
    expect(text).toContain('"leaf-ne-ppn"');
    expect(text).toContain('{"service":"corridor.inbox.ne-ppn.alert.*.*.*.it-polfr","accounts":["it-polfr"]}');
    expect(text).not.toContain('node-');
  });
});

describe('an agency’s leaf server', () => {
  const users = newAgencyNatsUsers('ne-ppn');
  const hubUser = { user: 'leaf-ne-ppn', password: 'p/w+' };
  const text = leafServerConfig({
    agency: 'ne-ppn',
    port: 7000,
    storeDir: '/tmp/l',
    subjectRoot: 'corridor',
    stream: 'CORRIDOR_INBOX',
    users,
    hubUser,
    hubLeafPorts: [6001, 6002, 6003],
  });

  it('is in its own JetStream domain, with one remote to every hub server bound to its own account', () => {
    expect(text).toContain('jetstream { domain: "ne-ppn", store_dir: "/tmp/l" }');
    expect(text).toContain('nats-leaf://leaf-ne-ppn:p%2Fw%2B@127.0.0.1:6003');
    expect(text).toMatch(/remotes: \[ \{ urls: \[.*6001.*6002.*6003.*\], account: "ne-ppn" \} \]/);
  });

  it('gives the node the least privilege it has on one server', () => {
    expect(text).toContain(`{ user: "${users.node.user}"`);
    expect(text).toContain('"$JS.API.CONSUMER.CREATE.CORRIDOR_INBOX.node-ne-ppn-inbox.corridor.inbox.ne-ppn.>"');
    expect(text).toContain('subscribe: { allow: ["_INBOX.>"] }');
  });
});

describe('the transit stream of an agency on the hub', () => {
  it('holds the agency’s inbox subjects, three replicas, within an age and a size a week’s outage fits in', () => {
    const c = transitStreamConfig('ne-ppn', 'corridor', 'CORRIDOR_INBOX');
    expect(c).toMatchObject({ name: 'CORRIDOR_INBOX', subjects: ['corridor.inbox.ne-ppn.>'], replicas: 3 });
    expect(c.maxAgeMs).toBeGreaterThan(7 * 86_400_000);
    expect(c.maxBytes).toBe(TRANSIT_LIMITS.maxBytes);
    expect(transitStreamConfig('ne-ppn', 'corridor', 'S', { maxBytes: 1024 }).maxBytes).toBe(1024);
  });
});

describe('the topology over TLS', () => {
  const tls = { caFile: '/r/tls/ca.pem', certFile: '/r/tls/x.pem', keyFile: '/r/tls/x.key', fingerprint: 'AB', pin: PINS[0] as string };
  const hub = hubText(tls);
  const leaf = leafServerConfig({
    agency: 'ne-ppn',
    port: 7000,
    storeDir: '/tmp/l',
    subjectRoot: 'corridor',
    stream: 'CORRIDOR_INBOX',
    users: newAgencyNatsUsers('ne-ppn'),
    hubUser: { user: 'leaf-ne-ppn', password: 'secret' },
    hubLeafPorts: [6001, 6002, 6003],
    tls,
  });

  it('puts TLS on the hub’s client listener, verifies both ends of its routes, and maps leaves by certificate', () => {
    const block = 'tls: { cert_file: "/r/tls/x.pem", key_file: "/r/tls/x.key", ca_file: "/r/tls/ca.pem", timeout: 5';
    expect(hub).toContain(`listen: 127.0.0.1:4001\n${block} }`);
    expect(hub).toMatch(/cluster \{[^}]*routes: [^\n]*\n {2}tls: \{[^}]*verify: true \}/);
    expect(hub).toMatch(/leafnodes \{\n {2}listen: 127.0.0.1:6001\n {2}tls: \{[^}]*verify_and_map: true \}/);
    expect(hub).toContain('authorization { users: [{"user":"CN=it-polfr","account":"it-polfr"},{"user":"CN=ne-ppn","account":"ne-ppn"}] }');
  });

  it('has the leaf ping its link every 2 s and drop it after two unanswered pings, unless told otherwise', () => {
    expect(leaf).toContain('ping_interval: "2s"\nping_max: 2\nleafnodes {\n  reconnect: 1');
    const natsDefaults = leafServerConfig({
      agency: 'ne-ppn',
      port: 7000,
      storeDir: '/tmp/l',
      subjectRoot: 'corridor',
      stream: 'CORRIDOR_INBOX',
      users: newAgencyNatsUsers('ne-ppn'),
      hubUser: { user: 'leaf-ne-ppn', password: 'secret' },
      hubLeafPorts: [6001],
      ping: { intervalSeconds: 120, max: 2 },
    });
    expect(natsDefaults).toContain('ping_interval: "120s"');
  });

  it('lets no password into a hub account but its operator’s: the leaf has no user there', () => {
    expect(hub).not.toContain('"leaf-ne-ppn"');
    expect(hub.match(/password: /g)).toHaveLength(2);
  });

  it('gives the leaf a TLS client listener and a remote that presents the agency’s certificate and no password', () => {
    expect(leaf).toContain('listen: 127.0.0.1:7000\ntls: {');
    expect(leaf).toContain('["nats-leaf://127.0.0.1:6001","nats-leaf://127.0.0.1:6002","nats-leaf://127.0.0.1:6003"]');
    expect(leaf).toMatch(/remotes: \[ \{ urls: [^\n]*, account: "ne-ppn", tls: \{ cert_file: "\/r\/tls\/x.pem"/);
    expect(leaf).not.toContain('secret');
  });

  it('takes at the hub’s leaf port only the certificates whose keys the members pinned, as hex SHA-256', () => {
    expect(hub).not.toContain('pinned_certs');
    expect(hubText(tls, PINS)).toMatch(
      new RegExp(
        `leafnodes \\{\\n {2}listen: [^\\n]*\\n {2}tls: \\{[^}]*verify_and_map: true, pinned_certs: \\["${HEX[0]}","${HEX[1]}"\\] \\}`,
      ),
    );
  });
});

describe('an agency’s leaf server with mutual TLS', () => {
  const tls = { caFile: '/r/tls/ca.pem', certFile: '/r/tls/x.pem', keyFile: '/r/tls/x.key', fingerprint: 'AB', pin: PINS[0] as string };
  const leaf = (clientPins?: string[]) =>
    leafServerConfig({
      agency: 'ne-ppn',
      port: 7000,
      storeDir: '/tmp/l',
      subjectRoot: 'corridor',
      stream: 'CORRIDOR_INBOX',
      users: newAgencyNatsUsers('ne-ppn'),
      hubUser: { user: 'leaf-ne-ppn', password: 'secret' },
      hubLeafPorts: [6001],
      tls,
      clientPins,
    });

  it('asks every client for a certificate of the CA on a pinned key (its node’s, its operator’s)', () => {
    expect(leaf(PINS)).toContain(`listen: 127.0.0.1:7000\ntls: {`);
    expect(leaf(PINS)).toMatch(
      new RegExp(`listen: 127.0.0.1:7000\\ntls: \\{[^}]*verify: true, pinned_certs: \\["${HEX[0]}","${HEX[1]}"\\] \\}`),
    );
  });

  it('asks none without client pins, and never verifies the hub’s side with them', () => {
    expect(leaf()).not.toContain('verify: true');
    expect(leaf(PINS).match(/pinned_certs/g)).toHaveLength(1);
  });
});

describe('the pins a hub takes from the membership', () => {
  const member = (id: string, tlsPins?: string[]) => ({ id, ...(tlsPins ? { tlsPins } : {}) }) as never;

  it('are every key each member lists', () => {
    expect(memberPins({ agencies: [member('it-polfr', [PINS[0] as string]), member('ne-ppn', [PINS[1] as string])] })).toEqual(PINS);
  });

  it('are none when one member lists none, so that its leaf is not shut out', () => {
    expect(memberPins({ agencies: [member('it-polfr', PINS), member('ne-ppn')] })).toBeUndefined();
  });
});
