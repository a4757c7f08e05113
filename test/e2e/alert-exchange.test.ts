// An alert published at one agency reaches its partners' nodes and feeds, pseudonymized, under
// the release rule; an invalid alert changes nothing anywhere.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Alert } from '@corridor/proto';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BusRecorder, recordBus } from '../support/bus-recorder.js';
import { databaseText } from '../support/database-text.js';
import { ALERT_FIELDS, documentFraudAlert, RAW, routeAlert } from '../support/fixtures.js';
import { eventually, gql, subscribe } from '../support/graphql.js';
import { startTestNetwork, type TestNetwork } from '../support/test-network.js';

type WireAlert = Pick<Alert, 'id' | 'kind' | 'tlp' | 'recipients' | 'summary' | 'origin' | 'identifiers'>;
const PUBLISH = `mutation Publish($input: AlertInput!) { publishAlert(input: $input) { ${ALERT_FIELDS} } }`;

let net: TestNetwork;
let bus: BusRecorder;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  net = await startTestNetwork();
  bus = await recordBus(net);
  for (const u of ['it-polfr-officer', 'ne-ppn-officer', 'ng-nis-officer']) tokens[u] = await net.token(u);
});

afterAll(async () => {
  await bus?.close();
  await net?.stop();
});

async function allLogs(rootDir: string): Promise<string> {
  const dir = join(rootDir, 'logs');
  const files = await readdir(dir);
  return (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join('\n');
}

async function publish(user: string, input: unknown) {
  return gql<{ publishAlert: WireAlert }>(net.gatewayUrl, tokens[user] as string, PUBLISH, { input });
}

async function visibleAlertIds(user: string): Promise<string[]> {
  const r = await gql<{ alerts: { alerts: { id: string }[] } }>(
    net.gatewayUrl,
    tokens[user] as string,
    '{ alerts(limit: 500) { alerts { id } } }',
  );
  return r.data?.alerts.alerts.map((a) => a.id) ?? [];
}

async function receivedAt(agency: string, user: string, id: string) {
  const node = net.nodes[agency];
  if (!node) throw new Error(`no node ${agency}`);
  const r = await gql<{ alerts: WireAlert[] }>(
    node.url,
    tokens[user] as string,
    `{ alerts(scope: RECEIVED, limit: 500) { ${ALERT_FIELDS} } }`,
  );
  return r.data?.alerts.find((a) => a.id === id);
}

describe('alert exchange between agencies', () => {
  it('delivers an alert published at Italy to Niger’s node and to Niger’s live feed', async () => {
    const feed = subscribe<{ alertFeed: WireAlert }>(
      net.gatewayUrl,
      tokens['ne-ppn-officer'] as string,
      `subscription { alertFeed { ${ALERT_FIELDS} } }`,
    );
    await feed.ready;
    // The SSE response opens before the gateway's upstream subscription at the node is in place.
    await new Promise((r) => setTimeout(r, 500));

    const res = await publish('it-polfr-officer', documentFraudAlert());
    expect(res.errors).toBeUndefined();
    const published = res.data?.publishAlert as WireAlert;
    expect(published.origin).toEqual({ agency: 'it-polfr', country: 'ITA' });

    const live = await feed.waitFor((e) => e.alertFeed.id === published.id);
    expect(live.alertFeed.summary).toBe(published.summary);
    const stored = await eventually(() => receivedAt('ne-ppn', 'ne-ppn-officer', published.id));
    expect(stored.identifiers).toEqual(published.identifiers);
    expect(stored.identifiers.map((i) => i.kind)).toEqual(['travel_document', 'person', 'phone']);
    await feed.close();
  });

  it('stores the same alert once even when it is delivered again', async () => {
    const res = await publish('it-polfr-officer', routeAlert());
    const id = res.data?.publishAlert.id as string;
    await eventually(() => receivedAt('ng-nis', 'ng-nis-officer', id));

    // Put the exact bus message on the stream a second time, as a redelivery would, under a new
    // message id so that JetStream's own deduplication does not hide the node's behaviour.
    const original = bus.messages.find((m) => m.account === 'ng-nis' && m.data.includes(id));
    expect(original).toBeDefined();
    // Nigeria's own operator puts it back into Nigeria's stream: no partner can write there under
    // Italy's id, which is the point of the accounts (nats-permissions.test.ts).
    const admin = net.natsUsers['ng-nis']?.admin;
    const nc = await connect({ servers: net.natsUrl, user: admin?.user, pass: admin?.password });
    await jetstream(nc).publish(original?.subject as string, original?.data as string, { msgID: `replay-${id}` });
    await nc.drain();
    // The consumer delivers in stream order: once a later alert is stored, the replay was handled.
    const later = await publish('it-polfr-officer', routeAlert({ summary: 'After the replay' }));
    await eventually(() => receivedAt('ng-nis', 'ng-nis-officer', later.data?.publishAlert.id as string));

    const received = await gql<{ alerts: { id: string }[] }>(
      net.nodes['ng-nis']?.url as string,
      tokens['ng-nis-officer'] as string,
      '{ alerts(scope: RECEIVED, limit: 500) { id } }',
    );
    expect(received.data?.alerts.filter((a) => a.id === id)).toHaveLength(1);
  });

  it('never puts a raw identifier on the bus or in a partner’s database', async () => {
    const res = await publish('it-polfr-officer', documentFraudAlert({ summary: 'Second counterfeit passport of the same series' }));
    const id = res.data?.publishAlert.id as string;
    await eventually(() => receivedAt('ng-nis', 'ng-nis-officer', id));
    await bus.flush();
    const onBus = bus.text();
    expect(onBus).toContain(id);
    const partnerDb = await databaseText(net.databases.urls['ng-nis'] as string);
    expect(partnerDb).toContain(id);
    const logs = await allLogs(net.rootDir);
    expect(logs.length).toBeGreaterThan(0);
    for (const raw of [RAW.documentNumber, RAW.holderName, 'Okonkwo', RAW.phone, '8035550147', 'lampedusa_express']) {
      expect(onBus).not.toContain(raw);
      expect(partnerDb).not.toContain(raw);
      expect(logs).not.toContain(raw);
    }
  });

  it('keeps TLP:RED at the originating agency', async () => {
    const res = await publish('it-polfr-officer', routeAlert({ tlp: 'RED', summary: 'Ongoing operation, do not share' }));
    const id = res.data?.publishAlert.id as string;
    expect(res.errors).toBeUndefined();
    // A later GREEN alert shows the bus has carried everything sent before it.
    const later = await publish('it-polfr-officer', routeAlert({ summary: 'Later public alert' }));
    await eventually(() => receivedAt('ne-ppn', 'ne-ppn-officer', later.data?.publishAlert.id as string));

    expect(await visibleAlertIds('it-polfr-officer')).toContain(id);
    expect(await visibleAlertIds('ne-ppn-officer')).not.toContain(id);
    expect(await receivedAt('ne-ppn', 'ne-ppn-officer', id)).toBeUndefined();
    expect(bus.text()).not.toContain(id);
    expect(await databaseText(net.databases.urls['ne-ppn'] as string)).not.toContain(id);
  });

  it('sends TLP:AMBER only to the agencies it names', async () => {
    const res = await publish('it-polfr-officer', routeAlert({ tlp: 'AMBER', recipients: ['ne-ppn'], summary: 'For the prosecutor only' }));
    const id = res.data?.publishAlert.id as string;
    await eventually(() => receivedAt('ne-ppn', 'ne-ppn-officer', id));
    const later = await publish('it-polfr-officer', routeAlert({ summary: 'Another public alert' }));
    await eventually(() => receivedAt('ng-nis', 'ng-nis-officer', later.data?.publishAlert.id as string));

    expect(await visibleAlertIds('ne-ppn-officer')).toContain(id);
    expect(await visibleAlertIds('ng-nis-officer')).not.toContain(id);
    expect(await receivedAt('ng-nis', 'ng-nis-officer', id)).toBeUndefined();
  });

  it('refuses an invalid alert with field-level errors and neither stores nor sends it', async () => {
    const before = await visibleAlertIds('it-polfr-officer');
    const sentBefore = bus.messages.length;
    const bad = routeAlert({ summary: 'Bad waypoint' }) as { route: { waypoints: { country: string }[] } };
    bad.route.waypoints[1] = { country: 'LBA' };
    const res = await publish('it-polfr-officer', bad);
    expect(res.data?.publishAlert ?? null).toBeNull();
    const error = res.errors?.[0];
    expect(error?.extensions?.code).toBe('VALIDATION_FAILED');
    expect(error?.extensions?.fieldErrors).toContainEqual(expect.objectContaining({ path: 'route.waypoints.1.country' }));

    // A valid alert published afterwards proves the bus and store were running all along.
    const after = await publish('it-polfr-officer', routeAlert({ summary: 'Valid control alert' }));
    const controlId = after.data?.publishAlert.id as string;
    await eventually(async () => bus.messages.some((m) => m.data.includes(controlId)));
    const newMessages = bus.messages.slice(sentBefore);
    expect(newMessages.filter((m) => m.data.includes('Bad waypoint'))).toEqual([]);
    const now = await visibleAlertIds('it-polfr-officer');
    expect(now.filter((x) => !before.includes(x))).toEqual([controlId]);
  });
  it('carries amendments and a withdrawal to partners, in order, with the history kept at both ends', async () => {
    const first = await publish('it-polfr-officer', routeAlert({ summary: 'Departures from Zuwara expected tonight' }));
    const id = first.data?.publishAlert.id as string;
    const gatewayAs = (user: string, query: string, variables: Record<string, unknown>) =>
      gql<Record<string, WireAlert>>(net.gatewayUrl, tokens[user] as string, query, variables);

    const amended = await gatewayAs(
      'it-polfr-officer',
      'mutation($id: ID!, $input: AlertInput!, $revision: Int) { amendAlert(id: $id, input: $input, revision: $revision) { id revision status summary } }',
      { id, input: routeAlert({ summary: 'Departures moved to Sabratha, expected tonight' }), revision: 1 },
    );
    expect(amended.data?.amendAlert).toMatchObject({ id, revision: 2, status: 'amended' });
    // An officer still looking at revision 1 is told, not allowed to overwrite revision 2 unseen.
    const stale = await gatewayAs(
      'it-polfr-officer',
      'mutation($id: ID!, $revision: Int) { withdrawAlert(id: $id, reason: "Route closed", revision: $revision) { id } }',
      { id, revision: 1 },
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('CONFLICT');
    // Another agency cannot change Italy's alert.
    const foreign = await gatewayAs('ne-ppn-officer', 'mutation($id: ID!) { withdrawAlert(id: $id, reason: "Route closed") { id } }', {
      id,
    });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const withdrawn = await gatewayAs(
      'it-polfr-officer',
      'mutation($id: ID!, $revision: Int) { withdrawAlert(id: $id, reason: "Route closed", revision: $revision) { id revision status } }',
      {
        id,
        revision: 2,
      },
    );
    expect(withdrawn.data?.withdrawAlert).toMatchObject({ revision: 3, status: 'withdrawn' });

    const atNiger = await eventually(async () => {
      const a = (await receivedAt('ne-ppn', 'ne-ppn-officer', id)) as (WireAlert & { revision?: number; status?: string }) | undefined;
      return a?.revision === 3 ? a : undefined;
    });
    expect(atNiger.status).toBe('withdrawn');
    expect(atNiger.summary).toBe('Departures moved to Sabratha, expected tonight');
    const history = await gql<{ alertHistory: { revision: number; status: string }[] }>(
      net.nodes['ne-ppn']?.url as string,
      tokens['ne-ppn-officer'] as string,
      'query($id: ID!) { alertHistory(id: $id) { revision status } }',
      { id },
    );
    expect(history.data?.alertHistory).toEqual([
      { revision: 1, status: 'active' },
      { revision: 2, status: 'amended' },
      { revision: 3, status: 'withdrawn' },
    ]);
    // Italy's officer reads the same history of its own alert through the gateway, from Italy's node.
    const atItaly = await gatewayAs('it-polfr-officer', 'query($id: ID!) { alertHistory(id: $id) { revision status } }', { id });
    expect(atItaly.data?.alertHistory).toEqual(history.data?.alertHistory);
  });
});
