// The hub-and-leaves topology on loopback: three hub servers in a cluster, one leaf server per
// agency in its own JetStream domain. An alert published at one agency lands in the partner's
// transit stream on the hub and is sourced into the partner's own inbox on its leaf; a leaf that
// restarts and a hub server that crashes lose nothing and store nothing twice. Every link is TLS
// with the run's own CA: plain text, a certificate of another CA, and a member's certificate used
// to reach another member's account are all refused. The gateway and the nodes serve HTTPS under
// the same CA: a node listed at plain http, or answering with another CA's certificate, is not asked.
// The signed membership pins each member's own keys: another member's valid certificate answering
// at a member's address is refused before any byte (or token) reaches it, by the gateway and by a
// node asking a key holder for pseudonyms, new pins are followed
// without a restart, and the hub's leaf port refuses a certificate of the CA that no member pinned.
// An agency joins while the network runs, its partners publishing meanwhile; every leaf's inbox
// stream has limits, also one a node of an earlier version made without them.
import { createHash, generateKeyPairSync, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createNetworkCa, type RunningNetwork, startNetwork } from '@corridor/deploy';
import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { documentFraudAlert } from '../support/fixtures.js';
import { forgeCertificate } from '../support/forged-certificate.js';
import { eventually, gql, subscribe } from '../support/graphql.js';
import { startImpostorNode } from '../support/impostor-node.js';
import { plainTextNats } from '../support/plain-text-nats.js';
import { createDatabases, type TestDatabases } from '../support/postgres.js';
import { expectStoredOnce } from '../support/stored-once.js';
import { type StrayLeaf, startStrayLeaf } from '../support/stray-leaf.js';
import { AGENCIES } from '../support/test-network.js';

const [SENDER, RECEIVER, JOINER] = ['it-polfr', 'ne-ppn', 'ng-nis'];
const PUBLISH = 'mutation Publish($input: AlertInput!) { publishAlert(input: $input) { id } }';

let net: RunningNetwork;
let databases: TestDatabases | undefined;
let joinerDatabase: TestDatabases | undefined;
let rootDir: string | undefined;
let run: string;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  run = [...randomBytes(8)].map((b) => String.fromCharCode(97 + (b % 26))).join('');
  rootDir = await mkdtemp(join(tmpdir(), `corridor-hub-${run}-`));
  const agencies = AGENCIES.filter((a) => a.id === SENDER || a.id === RECEIVER);
  databases = await createDatabases(
    run,
    agencies.map((a) => a.id),
  );
  net = await startNetwork({
    rootDir,
    agencies: agencies.map((a) => ({ ...a, databaseUrl: databases?.urls[a.id] as string })),
    // A small size limit: the hub servers of a test run share one disk with everything else.
    nats: { start: true, topology: 'hub-and-leaves', transitLimits: { maxBytes: 64 * 1024 ** 2 } },
    subjectRoot: `corridor_t${run}`,
    quiet: true,
  });
  for (const a of agencies) tokens[a.id] = await net.token(`${a.id}-officer`);
});

afterAll(async () => {
  // Each step on its own: a network that failed to start still leaves databases and folders.
  await net?.stop();
  await databases?.drop();
  await joinerDatabase?.drop();
  if (rootDir) await rm(rootDir, { recursive: true, force: true });
});

function topology() {
  const t = net.hubAndLeaves;
  if (!t) throw new Error('the network runs in the hub-and-leaves topology');
  return t;
}

/**
 * How a test client reaches a server of the topology: over TLS, trusting the run's CA; at a leaf,
 * presenting a certificate its client port takes (`as`: the agency's operator, with the leaf's own
 * certificate, or its node, with the node's).
 */
function clientTls(as?: { operatorOf: string } | { nodeOf: string }) {
  const tls = topology().tls;
  if (!tls) throw new Error('the hub-and-leaves topology runs over TLS');
  const own = as && ('operatorOf' in as ? tls.agencies[as.operatorOf] : tls.nodes[as.nodeOf]);
  return { tls: { caFile: tls.caFile, ...(own ? { certFile: own.certFile, keyFile: own.keyFile } : {}) } };
}

/** The subjects of the streams the hub's JetStream API lists through a stray leaf; none when it does not answer. */
async function hubStreamsFrom(leaf: StrayLeaf): Promise<string[][] | undefined> {
  const nc = await connect({ servers: leaf.url, user: leaf.user, pass: leaf.password });
  try {
    const hub = await jetstreamManager(nc, { domain: topology().hubDomain, timeout: 2000 });
    return (await hub.streams.list().next()).map((s) => s.config.subjects ?? []);
  } catch {
    return undefined;
  } finally {
    await nc.close();
  }
}

async function publishAt(agency: string, summary: string): Promise<string> {
  const res = await gql<{ publishAlert: { id: string } }>(
    net.gatewayUrl,
    tokens[agency] as string,
    PUBLISH,
    { input: documentFraudAlert({ summary }) },
    net.fetch,
  );
  expect(res.errors).toBeUndefined();
  return res.data?.publishAlert.id as string;
}

/** Publishes an alert with identifiers at `agency`: held (saying why) when too few key holders answer. */
async function publishHeld(agency: string): Promise<{ id: string; heldBecause: string | null }> {
  const res = await gql<{ publishAlert: { id: string; heldBecause: string | null } }>(
    net.gatewayUrl,
    tokens[agency] as string,
    'mutation Publish($input: AlertInput!) { publishAlert(input: $input) { id heldBecause } }',
    { input: documentFraudAlert({ summary: `Published at ${agency} to ask its key holders` }) },
    net.fetch,
  );
  expect(res.errors).toBeUndefined();
  return res.data?.publishAlert as { id: string; heldBecause: string | null };
}

/** Every id stored once at `agency`'s node. */
function allStoredOnce(agency: string, ids: string[], timeoutMs?: number): Promise<void> {
  return expectStoredOnce({ url: net.nodes[agency]?.url as string, token: tokens[agency] as string, send: net.fetch }, ids, timeoutMs);
}

const DIRECTORY = '{ directory { entries { agency } sources { agency ok } } }';
type DirectoryAnswer = { directory: { entries: { agency: string }[]; sources: { agency: string; ok: boolean }[] } };

/** A directory query at the gateway as the sender's officer: which sources answered, which agencies errors name. */
async function directorySources() {
  const r = await gql<DirectoryAnswer>(net.gatewayUrl, tokens[SENDER] as string, DIRECTORY, {}, net.fetch);
  return {
    ok: Object.fromEntries((r.data?.directory.sources ?? []).map((s) => [s.agency, s.ok])),
    failed: r.errors?.map((e) => e.extensions?.agency) ?? [],
  };
}

const DIRECTORY_ERRORS = '{ directory { sources { agency ok error } } }';

/** A directory query at the gateway as `caller`'s officer: each source's outcome, and the agency each error names. */
async function directoryAs(caller: string) {
  const r = await gql<{ directory: { sources: { agency: string; ok: boolean; error: string | null }[] } }>(
    net.gatewayUrl,
    tokens[caller] as string,
    DIRECTORY_ERRORS,
    {},
    net.fetch,
  );
  return {
    sources: Object.fromEntries((r.data?.directory.sources ?? []).map((s) => [s.agency, s])),
    errors: (r.errors ?? []).map((e) => ({ agency: e.extensions?.agency, message: e.message })),
  };
}

/** The pin of a key nobody serves yet: a renewed certificate's, before its node presents it. */
function pinOfNewKey(): string {
  const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  return createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('base64');
}

/** A new membership version pinning `pins` for `agency`'s certificates. */
function pinAgency(agency: string, pins: string[]) {
  return net.updateMembership((m) => ({ ...m, agencies: m.agencies.map((a) => (a.id === agency ? { ...a, tlsPins: pins } : a)) }));
}

/** Waits until `process` (the gateway, or `node-<agency>`) has taken membership `version` (its log says so), without restarting. */
function tookVersion(version: number, process = 'gateway') {
  const log = join(rootDir as string, 'logs', `${process}.log`);
  return eventually(
    async () =>
      existsSync(log) &&
      readFileSync(log, 'utf8')
        .split('\n')
        .some(
          (l) => l.includes(process === 'gateway' ? '"node list updated"' : '"membership updated"') && l.includes(`"version":${version},`),
        ),
    15_000,
  );
}

/** Everything the hub servers have logged. */
function hubLogs(): string {
  return topology()
    .hub.names.map((name) => join(rootDir as string, 'logs', `${name}.log`))
    .filter((f) => existsSync(f))
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}

/** Lists the receiver's node at `nodeUrl` in a new membership version, as a forged or careless listing would. */
function listReceiverAt(nodeUrl: string) {
  return net.updateMembership((m) => ({ ...m, agencies: m.agencies.map((a) => (a.id === RECEIVER ? { ...a, nodeUrl } : a)) }));
}

/** Messages in a stream, asked as an agency's operator on one server of the topology. */
async function streamState(
  servers: string[],
  user: { user: string; password: string } | undefined,
  stream: string,
  tls: ReturnType<typeof clientTls> = clientTls(),
) {
  if (!user) throw new Error('no operator user for that account');
  const nc = await connect({ servers, user: user.user, pass: user.password, ...tls });
  try {
    const jsm = await jetstreamManager(nc);
    const info = await jsm.streams.info(stream);
    return {
      messages: info.state.messages,
      limits: { maxAge: info.config.max_age, maxBytes: info.config.max_bytes, discard: info.config.discard },
      leader: info.cluster?.leader,
      replicas: info.config.num_replicas,
      sources: info.config.sources ?? [],
      subjects: info.config.subjects ?? [],
    };
  } finally {
    await nc.close();
  }
}

/** An agency's transit stream on the hub and its inbox on its leaf (the receiver's by default). */
function receiverStreams(agency = RECEIVER as string) {
  const t = topology();
  const stream = net.streams[agency] as string;
  return {
    transit: () => streamState(t.hub.urls, t.hub.users[agency]?.admin, stream),
    inbox: () => streamState([t.leaves[agency]?.url as string], net.natsUsers?.[agency]?.admin, stream, clientTls({ operatorOf: agency })),
  };
}

/**
 * As inboxMatchesTransit, while messages keep flowing (correlation notices answer every alert):
 * the leaf's inbox comes to hold at least what the transit held at first, and never holds more
 * than the transit holds after it (read in that order, a copy stored twice would show).
 */
async function inboxCaughtUp(agency: string, timeoutMs = 120_000): Promise<void> {
  const { transit, inbox } = receiverStreams(agency);
  const held = (await transit()).messages;
  await eventually(async () => {
    const kept = (await inbox()).messages;
    if (kept < held) throw new Error(`${agency}: the hub's transit stream held ${held} messages, the leaf's inbox has ${kept}`);
    return true;
  }, timeoutMs);
  const kept = (await inbox()).messages;
  expect(kept).toBeLessThanOrEqual((await transit()).messages);
}

/** The JSON lines a process of the network logged (`node-<agency>`, `gateway`). */
async function logOf(name: string): Promise<{ msg: string; [field: string]: unknown }[]> {
  const text = await readFile(join(rootDir as string, 'logs', `${name}.log`), 'utf8');
  return text
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l));
}

/** How many times a node lost its connection to its leaf server. */
async function disconnectsOf(agency: string): Promise<number> {
  return (await logOf(`node-${agency}`)).filter((l) => l.msg === 'nats disconnected').length;
}

/** The inbox limits every node sets: 14 days, 1 GiB, the oldest going first (services/src/bus/bus.ts). */
const INBOX_LIMITS = { maxAge: 14 * 86_400 * 1e9, maxBytes: 1024 ** 3, discard: 'old' };

/** Sourcing copied every message in transit exactly once: the two streams hold as many. */
async function inboxMatchesTransit(timeoutMs = 90_000): Promise<void> {
  const { transit, inbox } = receiverStreams();
  // After a hub server dies the source on the leaf resumes from the new leader, which on a loaded
  // machine takes tens of seconds; the error says where the two stood, not only that they differed.
  // The verdict is the pair read in one probe: a server that has just come back may answer a later
  // stream-info request from its own copy while it still catches up (seen once: 14 against 20).
  await eventually(async () => {
    const [held, kept] = [(await transit()).messages, (await inbox()).messages];
    if (held !== kept) throw new Error(`the hub's transit stream holds ${held} messages, the leaf's inbox ${kept}`);
    return true;
  }, timeoutMs);
}

describe('hub-and-leaves topology', () => {
  it('stores an alert published at one agency in the partner’s leaf domain, through the hub’s transit stream', async () => {
    const id = await publishAt(SENDER, 'Counterfeit passport seen at Fiumicino, hub and leaves');
    await allStoredOnce(RECEIVER, [id]);

    const streams = receiverStreams();
    const transit = await streams.transit();
    expect(transit.replicas).toBe(3);
    expect(transit.messages).toBeGreaterThanOrEqual(1);
    const inbox = await streams.inbox();
    // Kept on the receiver's premises: the leaf's own stream, filled by sourcing alone.
    expect(inbox.subjects).toEqual([]);
    expect(inbox.sources.map((s) => s.external?.api)).toEqual(['$JS.hub.API']);
    expect(inbox.messages).toBeGreaterThanOrEqual(1);
  });

  it('loses nothing and stores nothing twice when the receiver’s leaf restarts while its partner publishes', async () => {
    const leaf = topology().leaves[RECEIVER]?.server;
    if (!leaf) throw new Error('no leaf server for the receiver');
    const ids = [await publishAt(SENDER, 'Before the leaf restart, hub and leaves')];
    await leaf.stop();
    for (let i = 0; i < 3; i++) ids.push(await publishAt(SENDER, `While the leaf is down, number ${i}`));
    await leaf.start();
    ids.push(await publishAt(SENDER, 'After the leaf restart, hub and leaves'));
    await allStoredOnce(RECEIVER, ids);
    await inboxMatchesTransit();
  });

  it('keeps what a node publishes while its own leaf is down, and delivers it once when the leaf is back', async () => {
    const leaf = topology().leaves[SENDER]?.server;
    if (!leaf) throw new Error('no leaf server for the sender');
    await leaf.stop();
    // The node stores each alert and its outbox waits for the bus.
    const ids = [
      await publishAt(SENDER, 'While the sender’s leaf is down, first'),
      await publishAt(SENDER, 'While the sender’s leaf is down, second'),
    ];
    await leaf.start();
    await allStoredOnce(RECEIVER, ids);
    await inboxMatchesTransit();
  });

  it('lets a member reach from its leaf only its own account on the hub, and its node not even that', async () => {
    const t = topology();
    const stream = net.streams[SENDER] as string;
    const leafUrl = t.leaves[SENDER]?.url as string;

    const nodeUser = net.natsUsers?.[SENDER]?.node;
    const asNode = await connect({
      servers: leafUrl,
      user: nodeUser?.user,
      pass: nodeUser?.password,
      ...clientTls({ nodeOf: SENDER as string }),
    });
    try {
      await expect(asNode.request(`$JS.hub.API.STREAM.PURGE.${stream}`, '', { timeout: 2000 })).rejects.toThrow(/Permissions Violation/);
    } finally {
      await asNode.close();
    }

    // The operator may use the hub's API: it answers within the member's own hub account alone.
    const adminUser = net.natsUsers?.[SENDER]?.admin;
    const asOperator = await connect({
      servers: leafUrl,
      user: adminUser?.user,
      pass: adminUser?.password,
      ...clientTls({ operatorOf: SENDER as string }),
    });
    try {
      const hub = await jetstreamManager(asOperator, { domain: t.hubDomain, timeout: 5000 });
      const streams = await hub.streams.list().next();
      expect(streams.map((s) => s.config.subjects)).toEqual([[`${net.subjectRoot}.inbox.${SENDER}.>`]]);
    } finally {
      await asOperator.close();
    }
  });

  it('serves the gateway and every node over https only, and the gateway asks each node there', async () => {
    expect(net.gatewayUrl).toMatch(/^https:\/\//);
    for (const a of net.membership.agencies) expect(a.nodeUrl).toMatch(/^https:\/\//);
    // Another agency's node is asked with a token exchanged at the caller's own: both over https.
    expect((await directorySources()).ok).toEqual({ [SENDER as string]: true, [RECEIVER as string]: true });
    // Plain HTTP to a node's or the gateway's port gets no answer at all.
    for (const url of [net.nodes[RECEIVER]?.url as string, net.gatewayUrl])
      await expect(fetch(url.replace(/^https:/, 'http:'), { method: 'POST' })).rejects.toThrow();
  });

  it('streams the receiver’s alert feed from its node through the gateway over https', async () => {
    const feed = subscribe<{ alertFeed: { id: string } }>(
      net.gatewayUrl,
      tokens[RECEIVER] as string,
      'subscription { alertFeed { id } }',
      net.fetch,
    );
    try {
      await feed.ready;
      const id = await publishAt(SENDER as string, 'Seen through the feed over https');
      expect((await feed.waitFor((e) => e.alertFeed.id === id, 60_000)).alertFeed.id).toBe(id);
    } finally {
      await feed.close();
    }
  });

  it('pins each member’s own node and leaf keys in the signed membership it signs', () => {
    for (const a of net.membership.agencies)
      expect(a.tlsPins).toEqual([net.nodeCertificates[a.id]?.pin, topology().tls?.agencies[a.id]?.pin]);
  });

  it('refuses another member’s valid certificate answering at a member’s address, before any request or token reaches it', async () => {
    // The receiver's operator serves its own node's certificate, of the network's CA and naming
    // 127.0.0.1, at the address the membership lists for the sender's node.
    const sender = net.nodes[SENDER];
    const listed = net.membership.agencies.find((a) => a.id === SENDER)?.nodeUrl as string;
    if (!sender) throw new Error('no node for the sender');
    await sender.stop();
    const impostor = await startImpostorNode(join(rootDir as string, 'impostor-member'), {
      tls: net.nodeCertificates[RECEIVER as string],
      port: Number(new URL(listed).port),
    });
    try {
      // The receiver's officer: the sender's node would get a delegated token. The sender's own
      // officer: the gateway would exchange the user's own token at the sender's node.
      for (const caller of [RECEIVER as string, SENDER as string]) {
        const answer = await directoryAs(caller);
        expect(answer.sources[SENDER as string]?.ok).toBe(false);
        expect(answer.sources[SENDER as string]?.error).toMatch(new RegExp(`agency ${SENDER}'s certificate not pinned`));
        expect(answer.errors.find((e) => e.agency === SENDER)?.message).toMatch(/certificate not pinned/);
      }
      // The receiver's node asks the sender's, a key holder (2 of 2 here), to evaluate the
      // identifiers of an alert: shown the same certificate, it sends nothing either, neither the
      // blinded elements nor the token it delegates for its officer, and holds the publish.
      expect((await publishHeld(RECEIVER as string)).heldBecause ?? 'sent, not held').toContain(SENDER);
      // The gateway reached it and was shown its certificate, then sent nothing: no request, no header, no token.
      expect(impostor.connections).toBeGreaterThan(0);
      expect(impostor.requests).toBe(0);
      expect(impostor.bytes).toBe(0);
      // The receiver's own node, under the same certificate at its own address, still answers.
      expect((await directoryAs(RECEIVER as string)).sources[RECEIVER as string]?.ok).toBe(true);
    } finally {
      await impostor.close();
      await sender.start();
    }
    expect(await eventually(async () => (await directorySources()).ok[SENDER as string], 15_000)).toBe(true);
  });

  it('follows the pins of a new membership version without a restart, at the gateway and a key holder’s caller, reusing no connection opened under the old ones', async () => {
    const pinned = net.membership.agencies.find((a) => a.id === RECEIVER)?.tlsPins as string[];
    const renewed = pinOfNewKey();
    try {
      // A connection to the receiver's node is open and kept alive, verified under its pins.
      expect((await directorySources()).ok[RECEIVER as string]).toBe(true);
      // The sender's node has a kept-alive connection to the receiver's, a key holder, too.
      expect((await publishHeld(SENDER as string)).heldBecause).toBeNull();
      const repinned = (await pinAgency(RECEIVER as string, [renewed])).version;
      await tookVersion(repinned);
      await tookVersion(repinned, `node-${SENDER}`);
      // From the next request on the node's key is no longer one of them.
      const refused = await directoryAs(SENDER as string);
      expect(refused.sources[RECEIVER as string]?.error).toMatch(new RegExp(`agency ${RECEIVER}'s certificate not pinned`));
      expect(refused.sources[SENDER as string]?.ok).toBe(true);
      // Nor is it for the sender's node asking it to evaluate: the publish is held, naming it.
      expect((await publishHeld(SENDER as string)).heldBecause ?? 'sent, not held').toContain(RECEIVER);
      // A rotation lists the new key beside the one in use: the node is asked again.
      const rotated = (await pinAgency(RECEIVER as string, [renewed, ...pinned])).version;
      await tookVersion(rotated);
      await tookVersion(rotated, `node-${SENDER}`);
      expect((await directoryAs(SENDER as string)).sources[RECEIVER as string]?.ok).toBe(true);
      expect((await publishHeld(SENDER as string)).heldBecause).toBeNull();
    } finally {
      await pinAgency(RECEIVER as string, pinned);
    }
  });

  it('does not ask a node listed at a plain http address, nor one whose certificate another CA signed, and names it unavailable', async () => {
    const real = net.membership.agencies.find((a) => a.id === RECEIVER)?.nodeUrl as string;
    const impostor = await startImpostorNode(join(rootDir as string, 'impostor'));
    try {
      // The real node, still running, at its address but in plain text: it answered a moment ago.
      await listReceiverAt(real.replace(/^https:/, 'http:'));
      const plain = await eventually(async () => {
        const sources = await directorySources();
        return sources.ok[RECEIVER as string] === false ? sources : undefined;
      }, 15_000);
      expect(plain.ok[SENDER as string]).toBe(true);
      expect(plain.failed).toEqual([RECEIVER]);

      await listReceiverAt(impostor.url);
      const answer = await eventually(async () => {
        const sources = await directorySources();
        return sources.ok[RECEIVER as string] === false && impostor.refusedHandshakes > 0 ? sources : undefined;
      }, 15_000);
      expect(answer.ok[SENDER as string]).toBe(true);
      expect(answer.failed).toEqual([RECEIVER]);
      expect(impostor.requests).toBe(0);
    } finally {
      await listReceiverAt(real);
      await impostor.close();
    }
    expect(await eventually(async () => (await directorySources()).ok[RECEIVER as string], 15_000)).toBe(true);
  });

  it('pins the run’s NATS CA in the signed membership its nodes started with', () => {
    expect(net.membership.natsCaFingerprints).toEqual([topology().tls?.caFingerprint]);
  });

  it('refuses a plain-text client at a hub server and at a leaf, even with the right password', async () => {
    const t = topology();
    const attempts = [
      { url: t.hub.urls[0] as string, login: t.hub.users[SENDER]?.admin },
      { url: t.leaves[SENDER]?.url as string, login: net.natsUsers?.[SENDER]?.admin },
    ];
    for (const { url, login } of attempts) {
      expect(url).toMatch(/^tls:\/\//);
      if (!login) throw new Error('no operator user');
      const attempt = await plainTextNats(url, login);
      expect(attempt.info).toContain('"tls_required":true');
      expect(attempt.answered).toBe(false);
    }
  });

  it('takes at a leaf only its own node’s and operator’s certificates, even with the right password', async () => {
    const t = topology();
    const leafUrl = t.leaves[SENDER]?.url as string;
    const nodeUser = net.natsUsers?.[SENDER]?.node;
    const login = { servers: leafUrl, user: nodeUser?.user, pass: nodeUser?.password, reconnect: false };
    // The right password and the CA, but no certificate; then another member's node certificate, valid in the network.
    const without = { tls: { caFile: t.tls?.caFile as string } };
    const othersNode = clientTls({ nodeOf: RECEIVER as string });
    for (const tls of [without, othersNode]) await expect(connect({ ...login, ...tls })).rejects.toThrow();
    // Its own node's certificate, with the same password, is let in.
    const own = await connect({ ...login, ...clientTls({ nodeOf: SENDER as string }) });
    await own.close();
  });

  it('refuses a leaf whose certificate another CA signed, even one naming a member', async () => {
    const t = topology();
    const dir = join(rootDir as string, 'stray-ca');
    const stranger = createNetworkCa(dir, 'Another network').issue({ name: RECEIVER as string, hosts: [] });
    const leaf = await startStrayLeaf({ dir, name: 'stray-other-ca', hubLeafUrls: t.hub.leafUrls, tls: stranger });
    try {
      // Several reconnect attempts (one a second): none is let in, so the hub's API never answers.
      await new Promise((r) => setTimeout(r, 3000));
      expect(await hubStreamsFrom(leaf)).toBeUndefined();
    } finally {
      await leaf.stop();
    }
  });

  it('refuses at the hub a leaf certificate of the network’s own CA that no member pinned, even one naming a member', async () => {
    const t = topology();
    const dir = join(rootDir as string, 'forged');
    mkdirSync(dir, { recursive: true });
    // As a thief of the CA's key would issue it: CN=<member>, which verify_and_map alone would let in.
    const forged = forgeCertificate(t.tls?.caFile as string, dir, RECEIVER as string);
    const refusedBefore = hubLogs().split('certificate not pinned').length;
    const leaf = await startStrayLeaf({ dir, name: 'stray-forged', hubLeafUrls: t.hub.leafUrls, tls: forged });
    try {
      await eventually(async () => hubLogs().split('certificate not pinned').length > refusedBefore, 15_000);
      expect(await hubStreamsFrom(leaf)).toBeUndefined();
    } finally {
      await leaf.stop();
    }
  });

  it('binds a leaf to the account its certificate names, and refuses one that claims another member’s login', async () => {
    const t = topology();
    const own = t.tls?.agencies[SENDER as string];
    const othersLogin = t.hub.users[RECEIVER as string]?.leaf;
    if (!own || !othersLogin) throw new Error('no certificate or hub leaf login');
    const dir = rootDir as string;

    const plain = await startStrayLeaf({ dir, name: 'stray-own-certificate', hubLeafUrls: t.hub.leafUrls, tls: own });
    try {
      // Its certificate alone is a valid member's: it joins, in that member's account only.
      const subjects = await eventually(() => hubStreamsFrom(plain), 15_000);
      expect(subjects).toEqual([[`${net.subjectRoot}.inbox.${SENDER}.>`]]);
    } finally {
      await plain.stop();
    }

    const borrowed = await startStrayLeaf({ dir, name: 'stray-borrowed-login', hubLeafUrls: t.hub.leafUrls, tls: own, login: othersLogin });
    try {
      await eventually(async () => borrowed.log().includes('Authorization Violation'), 15_000);
      expect(await hubStreamsFrom(borrowed)).toBeUndefined();
    } finally {
      await borrowed.stop();
    }
  });

  it('loses nothing and keeps publishing when a hub server is killed with SIGKILL', async () => {
    const { hub } = topology();
    // The server leading the receiver's transit stream: the hardest one to lose.
    const leader = (await receiverStreams().transit()).leader;
    const victim = hub.servers[hub.names.indexOf(leader ?? '')];
    if (!victim) throw new Error(`no hub server named ${leader}`);
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) {
      if (i === 3) victim.kill();
      ids.push(await publishAt(SENDER, `Alert flowing while a hub server dies, number ${i}`));
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(victim.running).toBe(false);
    await allStoredOnce(RECEIVER, ids, 90_000);
    await inboxMatchesTransit();
    // The killed server comes back and rejoins its peers.
    await victim.start();
    const after = await publishAt(SENDER, 'After the hub server came back');
    await allStoredOnce(RECEIVER, [after]);
    await inboxMatchesTransit();
    // Each wait above has its own deadline; the test's is their sum on a loaded machine.
  }, 300_000);

  it('sets the inbox limits on a leaf stream made without them when its node restarts, and keeps its messages', async () => {
    const { inbox } = receiverStreams();
    expect((await inbox()).limits).toEqual(INBOX_LIMITS);
    const node = net.nodes[RECEIVER];
    const admin = net.natsUsers?.[RECEIVER]?.admin;
    if (!node || !admin) throw new Error('no receiver node or operator');
    await node.stop();
    // What a node of an earlier version left on its leaf: the server's defaults, no limit at all.
    const nc = await connect({
      servers: topology().leaves[RECEIVER]?.url as string,
      user: admin.user,
      pass: admin.password,
      ...clientTls({ operatorOf: RECEIVER as string }),
    });
    try {
      await (await jetstreamManager(nc)).streams.update(net.streams[RECEIVER] as string, { max_age: 0, max_bytes: -1 });
    } finally {
      await nc.close();
    }
    const before = await inbox();
    expect(before.limits).toEqual({ maxAge: 0, maxBytes: -1, discard: 'old' });
    await node.start();
    const after = await eventually(async () => {
      const state = await inbox();
      return state.limits.maxAge === INBOX_LIMITS.maxAge ? state : undefined;
    }, 30_000);
    expect(after.limits).toEqual(INBOX_LIMITS);
    expect(after.messages).toBe(before.messages);
    // And it still receives through it.
    const id = await publishAt(SENDER, 'After the receiver set its inbox limits');
    await allStoredOnce(RECEIVER, [id]);
  });

  it('lets an agency join while partners publish: nothing they send is lost, their leaves and streams stay, and alerts go both ways with it once', async () => {
    const t = topology();
    const existing = [SENDER, RECEIVER] as string[];
    const disconnectsBefore = await Promise.all(existing.map(disconnectsOf));
    const transitBefore = await Promise.all(existing.map(async (a) => (await receiverStreams(a).transit()).messages));
    const versionBefore = net.membership.version;

    // Both existing agencies publish to each other for as long as the join takes.
    const sent: Record<string, string[]> = { [SENDER as string]: [], [RECEIVER as string]: [] };
    let joined = false;
    const publishing = (async () => {
      // One each a second: each alert brings correlation notices from every partner holding a similar one.
      for (let i = 0; !joined || i < 2; i++) {
        for (const a of existing) sent[a]?.push(await publishAt(a, `Published by ${a} while an agency joins, number ${i}`));
        await new Promise((r) => setTimeout(r, 1000));
      }
    })();
    publishing.catch(() => undefined); // awaited below; a failure then fails the test
    joinerDatabase = await createDatabases(run, [JOINER as string]);
    const spec = AGENCIES.find((a) => a.id === JOINER);
    if (!spec) throw new Error(`no agency ${JOINER}`);
    const joining = net.addAgency({ ...spec, databaseUrl: joinerDatabase.urls[JOINER as string] as string });
    await joining.finally(() => {
      joined = true;
    });
    await publishing;
    tokens[JOINER as string] = await net.token(`${JOINER}-officer`);

    // The partners' alerts of the join's whole span, each stored once at the other.
    await allStoredOnce(RECEIVER, sent[SENDER] as string[], 120_000);
    await allStoredOnce(SENDER, sent[RECEIVER] as string[], 120_000);
    // Their leaves stayed up and their nodes never lost them; their transit streams kept every
    // message, the new ones added, and each leaf's inbox holds as many.
    for (const [i, a] of existing.entries()) {
      expect(t.leaves[a]?.server.running).toBe(true);
      expect(await disconnectsOf(a)).toBe(disconnectsBefore[i]);
      const transit = await receiverStreams(a).transit();
      expect(transit.replicas).toBe(3);
      expect(transit.messages).toBeGreaterThanOrEqual((transitBefore[i] as number) + (sent[existing[1 - i] as string]?.length ?? 0));
      await inboxCaughtUp(a);
    }

    // A new signed membership version lists it; the nodes and the gateway follow it.
    expect(net.membership.version).toBe(versionBefore + 1);
    expect(net.membership.agencies.map((a) => a.id)).toContain(JOINER);
    for (const a of existing)
      await eventually(
        async () => (await logOf(`node-${a}`)).some((l) => l.msg === 'membership updated' && l.version === net.membership.version),
        30_000,
      );
    const sources = await eventually(async () => {
      const s = await directorySources();
      return s.ok[JOINER as string] ? s : undefined;
    }, 30_000);
    expect(sources.ok).toEqual({ [SENDER as string]: true, [RECEIVER as string]: true, [JOINER as string]: true });

    // Its leaf joined the hub in its own account, over TLS with a certificate of the run's CA.
    expect(t.leaves[JOINER as string]?.url).toMatch(/^tls:\/\//);
    expect(t.tls?.agencies[JOINER as string]).toBeDefined();
    const joinerStreams = receiverStreams(JOINER);
    expect((await joinerStreams.transit()).replicas).toBe(3);
    const inbox = await joinerStreams.inbox();
    expect(inbox.sources.map((s) => s.external?.api)).toEqual(['$JS.hub.API']);
    expect(inbox.limits).toEqual(INBOX_LIMITS);

    // Alerts both ways between it and an existing agency, each stored once.
    const toJoiner = await publishAt(SENDER, 'From Italy to the agency that just joined');
    const fromJoiner = await publishAt(JOINER, 'From the agency that just joined to Italy');
    await allStoredOnce(JOINER, [toJoiner]);
    await allStoredOnce(SENDER, [fromJoiner]);
    await inboxCaughtUp(JOINER);
  }, 400_000);
});
