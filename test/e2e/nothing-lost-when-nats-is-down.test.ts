// An alert accepted while the bus is down is kept in the node's outbox and goes out when the bus
// returns: an officer's report is never lost because NATS was restarted.
import { expect, it } from 'vitest';
import { ALERT_FIELDS, routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { useNetworkWithOwnNats } from '../support/own-nats-network.js';

const network = useNetworkWithOwnNats();

it('sends an alert accepted while NATS was down once NATS is back', async () => {
  const italy = await network.net.token('it-polfr-officer');
  const niger = await network.net.token('ne-ppn-officer');
  const received = async (id: string) => {
    const r = await gql<{ alerts: { id: string }[] }>(
      network.net.nodes['ne-ppn']?.url as string,
      niger,
      '{ alerts(scope: RECEIVED) { id } }',
    );
    return r.data?.alerts.some((a) => a.id === id);
  };

  await network.nats.stop();
  const res = await gql<{ publishAlert: { id: string } }>(
    network.net.nodes['it-polfr']?.url as string,
    italy,
    `mutation($input: AlertInput!) { publishAlert(input: $input) { ${ALERT_FIELDS} } }`,
    { input: routeAlert({ summary: 'Reported while the bus was down' }) },
  );
  expect(res.errors).toBeUndefined();
  const id = res.data?.publishAlert.id as string;
  const health = (await (await fetch(network.net.nodes['it-polfr']?.healthUrl as string)).json()) as { outboxPending: number };
  expect(health.outboxPending).toBeGreaterThanOrEqual(1);
  expect(await received(id)).toBe(false);

  await network.nats.start();
  await eventually(() => received(id), 60_000, 250);
  const after = (await (await fetch(network.net.nodes['it-polfr']?.healthUrl as string)).json()) as { outboxPending: number };
  expect(after.outboxPending).toBe(0);
});
