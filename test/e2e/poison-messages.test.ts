// A member publishes, with its own node's NATS credentials, bytes that are no message at all on
// every subject it may use toward its partners. Each partner keeps each of them once in quarantine,
// counts them in /health, never has them redelivered, and goes on storing real alerts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ConsumerInfo, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { queryDatabase } from '../support/postgres.js';
import { startTestNetwork, type TestNetwork } from '../support/test-network.js';

let net: TestNetwork;
let italy: NatsConnection | undefined;

beforeAll(async () => {
  net = await startTestNetwork({ nats: { start: true } });
  const own = net.natsUsers?.['it-polfr']?.node;
  italy = await connect({ servers: net.natsUrl, user: own?.user, pass: own?.password });
});
afterAll(async () => {
  await italy?.close();
  await net?.stop();
});

const MARKER = 'POISON-MARKER-7f3a';
const bytes = (s: string) => new TextEncoder().encode(s);
const PAYLOADS: Record<string, Uint8Array> = {
  // The eight bytes of the issue: NUL where PostgreSQL's text refuses it.
  nul: new Uint8Array([0x7b, 0x22, 0x00, 0x22, 0x3a, 0x00, 0x7d, 0x00]),
  empty: new Uint8Array(),
  invalidUtf8: new Uint8Array([0xc3, 0x28, 0xff, 0xfe, ...bytes(MARKER)]),
  wrongShape: bytes(JSON.stringify({ kind: 'route', summary: MARKER })),
  escapedNul: bytes(JSON.stringify({ kind: 'route', summary: `${MARKER}\u0000` })),
};
const HUGE = bytes(MARKER.repeat(Math.floor((768 * 1024) / MARKER.length)));

const health = async (agency: string) =>
  (await (await fetch(net.nodes[agency]?.healthUrl as string)).json()) as { status: string; quarantined: number };

/** What each node's quarantine holds: subject and payload (hex) with how many rows each has. */
async function quarantine(agency: string): Promise<Map<string, number>> {
  const rows = await queryDatabase<{ subject: string; payload: string; n: number }>(
    net.databases.urls[agency] as string,
    `SELECT subject, encode(payload, 'hex') AS payload, count(*)::int AS n FROM quarantine GROUP BY subject, payload`,
  );
  return new Map(rows.map((r) => [`${r.subject} ${r.payload}`, r.n]));
}
const key = (subject: string, payload: Uint8Array) => `${subject} ${Buffer.from(payload).toString('hex')}`;

/** Every agency's consumers, each read in that agency's own account with its operator's user. */
async function consumers(): Promise<ConsumerInfo[]> {
  const all: ConsumerInfo[] = [];
  for (const [agency, users] of Object.entries(net.natsUsers ?? {})) {
    const nc = await connect({ servers: net.natsUrl, user: users.admin.user, pass: users.admin.password });
    try {
      all.push(...(await (await jetstreamManager(nc)).consumers.list(net.streams[agency] as string).next()));
    } finally {
      await nc.close();
    }
  }
  return all;
}

it('ends each poison message once in quarantine, and the nodes go on storing real alerts', async () => {
  const root = net.subjectRoot;
  // Every subject Italy's node may publish on toward Niger.
  const towardNiger = [
    `${root}.inbox.ne-ppn.alert.route.ITA.central-mediterranean.it-polfr`,
    `${root}.inbox.ne-ppn.correlation.it-polfr`,
    `${root}.inbox.ne-ppn.case.it-polfr`,
  ];
  const nc = italy as NatsConnection;
  const sent: { subject: string; payload: Uint8Array }[] = [];
  for (const subject of towardNiger)
    for (const payload of Object.values(PAYLOADS)) {
      nc.publish(subject, payload);
      sent.push({ subject, payload });
    }
  nc.publish(towardNiger[0] as string, HUGE);
  sent.push({ subject: towardNiger[0] as string, payload: HUGE });
  await nc.flush();

  // Then a real alert, through the gateway, as an Italian officer publishes it.
  const r = await gql<{ publishAlert: { id: string } }>(
    net.gatewayUrl,
    await net.token('it-polfr-officer'),
    'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
    { input: routeAlert() },
  );
  const id = r.data?.publishAlert.id as string;
  expect(id).toBeTruthy();
  const niger = await net.token('ne-ppn-officer');
  await eventually(async () => {
    const received = await gql<{ alerts: { id: string }[] }>(
      net.nodes['ne-ppn']?.url as string,
      niger,
      '{ alerts(scope: RECEIVED) { id } }',
    );
    return received.data?.alerts.some((a) => a.id === id);
  });

  // Niger keeps all it was sent; Nigeria and Italy, whose inboxes it never reached, nothing.
  const expected: Record<string, typeof sent> = { 'ne-ppn': sent, 'ng-nis': [], 'it-polfr': [] };
  for (const [agency, messages] of Object.entries(expected)) {
    await eventually(async () => (await health(agency)).quarantined === messages.length, 30_000);
    const held = await quarantine(agency);
    expect(held, agency).toEqual(new Map(messages.map((m) => [key(m.subject, m.payload), 1])));
  }

  // Every consumer on the stream gives up a message after a bounded number of deliveries.
  const before = await consumers();
  expect(before.length).toBe(3);
  for (const c of before) {
    expect(c.config.max_deliver, c.name).toBeGreaterThan(0);
    expect(c.config.max_deliver, c.name).toBeLessThanOrEqual(100);
    expect(c.config.ack_wait, c.name).toBeGreaterThan(0);
  }

  // A few seconds on, nothing came back: the same rows, nothing pending, nothing redelivered.
  await new Promise((r) => setTimeout(r, 5000));
  const after = await consumers();
  const figures = (list: ConsumerInfo[]) =>
    Object.fromEntries(
      // consumer_seq counts deliveries, redeliveries included; stream_seq only moves for new messages
      // (signed audit heads keep arriving), so their difference counts redeliveries.
      list.map((c) => [c.name, { redeliveries: c.delivered.consumer_seq - c.delivered.stream_seq, redelivered: c.num_redelivered }]),
    );
  expect(figures(after)).toEqual(figures(before));
  // Nothing stays pending: a head that happens to be in flight when the consumers are read is acked
  // within moments, so pending is asked until it is zero rather than compared between two readings.
  await eventually(async () => (await consumers()).every((c) => c.num_ack_pending === 0), 10_000);
  for (const c of await consumers())
    expect({ name: c.name, ackPending: c.num_ack_pending, redelivered: c.num_redelivered }).toEqual({
      name: c.name,
      ackPending: 0,
      redelivered: 0,
    });
  for (const [agency, messages] of Object.entries(expected)) {
    const h = await health(agency);
    expect({ agency, status: h.status, quarantined: h.quarantined }).toEqual({ agency, status: 'ok', quarantined: messages.length });
  }

  // The node logs what it quarantined by subject, size and reason, never the bytes themselves.
  const log = readFileSync(join(net.rootDir, 'logs', 'node-ne-ppn.log'), 'utf8');
  expect(log).toContain('message quarantined');
  expect(log).not.toContain(MARKER);
});
