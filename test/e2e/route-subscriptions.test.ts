// A liaison officer follows the central Mediterranean route: what matches reaches them live, and
// what arrived while they were offline (even across a restart of their node) waits for them unread.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { documentFraudAlert, routeAlert, SET_SUBSCRIPTION } from '../support/fixtures.js';
import { eventually, gql, subscribe } from '../support/graphql.js';
import { startTestNetwork, type TestNetwork } from '../support/test-network.js';

let net: TestNetwork;
let italy: string;
let nigeria: string;

beforeAll(async () => {
  net = await startTestNetwork();
  italy = await net.token('it-polfr-officer');
  nigeria = await net.token('ng-nis-officer');
});
afterAll(async () => {
  await net?.stop();
});

const PUBLISH = 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }';
const UNREAD = '{ subscribedAlerts(unreadOnly: true) { read alert { id summary } } }';
type Unread = { subscribedAlerts: { read: boolean; alert: { id: string; summary: string } }[] };

async function publishFromItaly(input: unknown): Promise<string> {
  const r = await gql<{ publishAlert: { id: string } }>(net.gatewayUrl, italy, PUBLISH, { input });
  return r.data?.publishAlert.id as string;
}

async function receivedByNigeria(id: string) {
  const r = await gql<{ alerts: { id: string }[] }>(
    net.nodes['ng-nis']?.url as string,
    nigeria,
    '{ alerts(scope: RECEIVED, limit: 500) { id } }',
  );
  return r.data?.alerts.some((a) => a.id === id);
}

it('keeps what matched while the officer was away, unread, across a restart of their node', async () => {
  const set = await gql(net.gatewayUrl, nigeria, SET_SUBSCRIPTION, {
    f: { regions: ['central-mediterranean'], countries: ['LBY'] },
  });
  expect(set.errors).toBeUndefined();

  // The officer is offline: no console open. Italy reports three alerts, two on the followed route.
  const matching = [
    await publishFromItaly(routeAlert({ summary: 'Zuwara departures tonight' })),
    await publishFromItaly(routeAlert({ summary: 'Sabratha boats' })),
  ];
  const other = await publishFromItaly(documentFraudAlert({ summary: 'Counterfeit passports at Fiumicino' }));
  await eventually(() => receivedByNigeria(other));

  await net.nodes['ng-nis']?.stop();
  await net.nodes['ng-nis']?.start();

  const back = await gql<Unread>(net.gatewayUrl, nigeria, UNREAD);
  expect(back.data?.subscribedAlerts.map((s) => s.alert.id).sort()).toEqual([...matching].sort());
  expect(back.data?.subscribedAlerts.every((s) => !s.read)).toBe(true);

  const marked = await gql<{ markAlertsRead: number }>(net.gatewayUrl, nigeria, 'mutation($ids: [ID!]!) { markAlertsRead(ids: $ids) }', {
    ids: matching,
  });
  expect(marked.data?.markAlertsRead).toBe(2);
  await net.nodes['ng-nis']?.stop();
  await net.nodes['ng-nis']?.start();
  expect((await gql<Unread>(net.gatewayUrl, nigeria, UNREAD)).data?.subscribedAlerts).toEqual([]);
});

it('sends the officer live only the alerts their subscription matches', async () => {
  const feed = subscribe<{ alertFeed: { id: string } }>(net.gatewayUrl, nigeria, 'subscription { alertFeed(subscribed: true) { id } }');
  await feed.ready;
  await new Promise((r) => setTimeout(r, 500));
  const outside = await publishFromItaly(
    routeAlert({ summary: 'Balkan route', route: { region: 'western-balkans', waypoints: [{ country: 'SRB' }, { country: 'HUN' }] } }),
  );
  const inside = await publishFromItaly(routeAlert({ summary: 'Zuwara again' }));
  await feed.waitFor((e) => e.alertFeed.id === inside);
  expect(await receivedByNigeria(outside)).toBe(true);
  expect(feed.events.map((e) => e.alertFeed.id)).not.toContain(outside);
  await feed.close();
});

it('refuses a subscription with an unknown route, naming the field', async () => {
  const r = await gql(net.gatewayUrl, nigeria, SET_SUBSCRIPTION, {
    f: { regions: ['atlantis'] },
  });
  expect(r.errors?.[0]?.extensions).toMatchObject({
    code: 'VALIDATION_FAILED',
    fieldErrors: [expect.objectContaining({ path: 'regions.0' })],
  });
});
