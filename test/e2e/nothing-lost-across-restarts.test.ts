// A liaison officer's view misses nothing and shows nothing twice while, during a stream of
// alerts, their own node, the nats-server and the gateway are each restarted.
import { expect, it } from 'vitest';
import { routeAlert, SET_SUBSCRIPTION } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { useNetworkWithOwnNats } from '../support/own-nats-network.js';

const ALERTS = 60;
const network = useNetworkWithOwnNats();

it('delivers every alert exactly once to the subscriber’s view across restarts of node, bus and gateway', async () => {
  const italy = await network.net.token('it-polfr-officer');
  const nigeria = await network.net.token('ng-nis-officer');
  const set = await gql(network.net.gatewayUrl, nigeria, SET_SUBSCRIPTION, {
    f: { regions: ['central-mediterranean'] },
  });
  expect(set.errors).toBeUndefined();

  // The officer in Italy keeps reporting, straight to their own node, whatever else is down.
  const published: string[] = [];
  const publisher = (async () => {
    for (let i = 0; i < ALERTS; i++) {
      const r = await gql<{ publishAlert: { id: string } }>(
        network.net.nodes['it-polfr']?.url as string,
        italy,
        'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
        { input: routeAlert({ summary: `Sighting ${i + 1} of ${ALERTS}` }) },
      );
      if (!r.data) throw new Error(`publish ${i + 1} failed: ${JSON.stringify(r.errors)}`);
      published.push(r.data.publishAlert.id);
      await new Promise((resolve) => setTimeout(resolve, 40));
    }
  })();
  const after = (n: number) => eventually(async () => published.length >= n, 60_000, 20);

  await after(10);
  await network.net.nodes['ng-nis']?.stop();
  await network.net.nodes['ng-nis']?.start();
  await after(25);
  await network.nats.stop();
  await new Promise((resolve) => setTimeout(resolve, 500));
  await network.nats.start();
  await after(40);
  await network.net.gateway.stop();
  await network.net.gateway.start();
  await publisher;

  const view = await eventually(
    async () => {
      const r = await gql<{ subscribedAlerts: { alert: { id: string } }[] }>(
        network.net.gatewayUrl,
        nigeria,
        '{ subscribedAlerts(limit: 500) { alert { id } } }',
      );
      const ids = r.data?.subscribedAlerts.map((s) => s.alert.id) ?? [];
      return ids.length >= ALERTS ? ids : undefined;
    },
    90_000,
    250,
  );
  expect(view).toHaveLength(ALERTS);
  expect(new Set(view)).toEqual(new Set(published));
});
