// On the bus each agency's node speaks only for itself: it cannot publish in another agency's
// name, nor read another agency's inbox, and the alerts of the network still flow.
import { AckPolicy, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { startTestNetwork, type TestNetwork } from '../support/test-network.js';

let net: TestNetwork;
let operator: NatsConnection;

beforeAll(async () => {
  net = await startTestNetwork({ nats: { start: true } });
  operator = await connect({ servers: net.natsUrl, user: net.natsOperator?.user, pass: net.natsOperator?.password });
});
afterAll(async () => {
  await operator?.close();
  await net?.stop();
});

async function asNode(agency: string): Promise<{ nc: NatsConnection; violations: string[] }> {
  const creds = net.natsUsers?.[agency];
  const nc = await connect({ servers: net.natsUrl, user: creds?.user, pass: creds?.password });
  const violations: string[] = [];
  (async () => {
    for await (const s of nc.status()) if (s.type === 'error') violations.push(String((s as { error?: unknown }).error));
  })();
  return { nc, violations };
}

it('carries alerts between agencies whose nodes hold only their own permissions', async () => {
  const italy = await net.token('it-polfr-officer');
  const niger = await net.token('ne-ppn-officer');
  const r = await gql<{ publishAlert: { id: string } }>(
    net.gatewayUrl,
    italy,
    'mutation($input: JSONObject!) { publishAlert(input: $input) { id } }',
    {
      input: routeAlert(),
    },
  );
  const id = r.data?.publishAlert.id as string;
  await eventually(async () => {
    const received = await gql<{ alerts: { id: string }[] }>(
      net.nodes['ne-ppn']?.url as string,
      niger,
      '{ alerts(scope: RECEIVED) { id } }',
    );
    return received.data?.alerts.some((a) => a.id === id);
  });
});

it('refuses a node publishing in another agency’s name, and lets it publish in its own', async () => {
  const seen: string[] = [];
  const sub = operator.subscribe(`${net.subjectRoot}.>`);
  (async () => {
    for await (const m of sub) seen.push(m.subject);
  })();
  await operator.flush();

  const { nc, violations } = await asNode('it-polfr');
  const forged = `${net.subjectRoot}.alert.route.NER.central-mediterranean.ne-ppn`;
  const own = `${net.subjectRoot}.alert.route.ITA.central-mediterranean.it-polfr`;
  // A consultation event in Niger's name, slipped into Nigeria's inbox.
  const forgedCase = `${net.subjectRoot}.inbox.ng-nis.case.ne-ppn`;
  nc.publish(forged, 'pretending to be Niger');
  nc.publish(forgedCase, 'pretending to be Niger in a consultation');
  nc.publish(own, 'not even an alert: the receiving nodes quarantine it');
  await nc.flush();
  await eventually(async () => seen.includes(own));
  expect(seen).not.toContain(forged);
  expect(seen).not.toContain(forgedCase);
  await eventually(async () => violations.some((v) => /permission/i.test(v) && v.includes(forged)));
  await eventually(async () => violations.some((v) => /permission/i.test(v) && v.includes(forgedCase)));
  await nc.close();
  sub.unsubscribe();
});

it('refuses a node a consumer on another agency’s inbox', async () => {
  const { nc } = await asNode('it-polfr');
  const jsm = await jetstreamManager(nc, { timeout: 2000 });
  const refusal = await jsm.consumers
    .add(net.stream, {
      durable_name: 'node-it-polfr-inbox',
      ack_policy: AckPolicy.Explicit,
      filter_subject: `${net.subjectRoot}.inbox.ne-ppn.>`,
    })
    .then(
      () => 'created',
      (e: Error) => e.message,
    );
  expect(refusal).toMatch(/permission/i);
  // Its own consumer stays within reach: the refusal is the permission, not the client.
  expect((await jsm.consumers.info(net.stream, 'node-it-polfr-inbox')).config.filter_subject).toBe(`${net.subjectRoot}.inbox.it-polfr.>`);
  await nc.close();
});
