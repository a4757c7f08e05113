// Automatic correlation (issue 5, item 4): Niger reported a phone number; Italy reports the same
// number later. Niger's node notices when Italy's alert arrives and shows it in its feed; Italy's
// feed shows it too, from Niger's signed notice. A forged notice is quarantined and changes nothing.
import { connect } from '@nats-io/transport-node';
import { describe, expect, it } from 'vitest';
import { routeAlert } from '../support/fixtures.js';
import { eventually, gql, subscribe } from '../support/graphql.js';
import { startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const fixture = useTestNetwork(() => startTestNetwork(), 120_000);

const PHONE = { kind: 'phone', value: '+218 91 000 4455' };
type Correlated = { id: string; correlations: { alertId: string; agency: string; kinds: string[] }[] };
const FIELDS = 'id correlations { alertId agency kinds }';

async function publish(user: string, summary: string): Promise<string> {
  const r = await gql<{ publishAlert: { id: string } }>(
    fixture.net.gatewayUrl,
    await fixture.net.token(user),
    'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
    { input: routeAlert({ summary, identifiers: [PHONE] as never }) },
  );
  expect(r.errors).toBeUndefined();
  return r.data?.publishAlert.id as string;
}

async function alertsSeenBy(user: string): Promise<Correlated[]> {
  const r = await gql<{ alerts: { alerts: Correlated[] } }>(
    fixture.net.gatewayUrl,
    await fixture.net.token(user),
    `{ alerts(limit: 200) { alerts { ${FIELDS} } } }`,
  );
  return r.data?.alerts.alerts ?? [];
}

describe('automatic correlation', () => {
  let nigers: string;
  let italys: string;

  it('links the two alerts in both agencies’ feeds when a second agency reports the same phone number', async () => {
    nigers = await publish('ne-ppn-officer', 'Coordinator in Agadez reached on this number');
    // Niger's alert must be at Italy's node before Italy's arrives at Niger's, as in real life.
    await eventually(async () => {
      const r = await gql<{ alerts: { id: string }[] }>(
        fixture.net.nodes['it-polfr']?.url as string,
        await fixture.net.token('it-polfr-officer'),
        '{ alerts(scope: RECEIVED) { id } }',
      );
      return r.data?.alerts.some((a) => a.id === nigers);
    });

    const italyFeed = subscribe<{ alertFeed: Correlated }>(
      fixture.net.gatewayUrl,
      await fixture.net.token('it-polfr-officer'),
      `subscription { alertFeed { ${FIELDS} } }`,
    );
    const nigerFeed = subscribe<{ alertFeed: Correlated }>(
      fixture.net.gatewayUrl,
      await fixture.net.token('ne-ppn-officer'),
      `subscription { alertFeed { ${FIELDS} } }`,
    );
    await Promise.all([italyFeed.ready, nigerFeed.ready]);
    await new Promise((r) => setTimeout(r, 300));

    italys = await publish('it-polfr-officer', 'Departures arranged over this number');

    // Niger's feed: its own alert shown again, now linked to Italy's.
    const atNiger = await nigerFeed.waitFor((e) => e.alertFeed.id === nigers && e.alertFeed.correlations.length > 0);
    expect(atNiger.alertFeed.correlations).toEqual([{ alertId: italys, agency: 'it-polfr', kinds: ['phone'] }]);
    // Italy's feed: its alert linked to Niger's, from Niger's signed notice.
    const atItaly = await italyFeed.waitFor((e) => e.alertFeed.id === italys && e.alertFeed.correlations.length > 0);
    expect(atItaly.alertFeed.correlations).toEqual([{ alertId: nigers, agency: 'ne-ppn', kinds: ['phone'] }]);
    await Promise.all([italyFeed.close(), nigerFeed.close()]);

    // And they stay linked for whoever opens the console later.
    expect((await alertsSeenBy('it-polfr-officer')).find((a) => a.id === italys)?.correlations.map((c) => c.alertId)).toEqual([nigers]);
    expect((await alertsSeenBy('ne-ppn-officer')).find((a) => a.id === nigers)?.correlations.map((c) => c.alertId)).toEqual([italys]);
  });

  it('shows a third agency that holds both alerts the link too, and tells no one what it holds', async () => {
    const at = await eventually(async () => {
      const r = await gql<{ alerts: Correlated[] }>(
        fixture.net.nodes['ng-nis']?.url as string,
        await fixture.net.token('ng-nis-officer'),
        `{ alerts(scope: RECEIVED) { ${FIELDS} } }`,
      );
      const a = r.data?.alerts.find((x) => x.id === italys);
      return a && a.correlations.length > 0 ? a : null;
    });
    expect(at.correlations).toEqual([{ alertId: nigers, agency: 'ne-ppn', kinds: ['phone'] }]);
    // Partners asking Italy's node never see Italy's correlations.
    expect((await alertsSeenBy('ng-nis-officer')).find((a) => a.id === italys)?.correlations).toEqual([]);
  });

  it('quarantines a forged notice and links nothing', async () => {
    const health = async () => (await (await fetch(fixture.net.nodes['it-polfr']?.healthUrl as string)).json()) as { quarantined: number };
    const before = await health();
    // Only Nigeria's account can write into Italy's inbox under Nigeria's id: here its operator,
    // bypassing its node, sends an unsigned notice linking Italy's alert to one that does not exist.
    const nigeria = fixture.net.natsUsers['ng-nis']?.admin;
    const nc = await connect({ servers: fixture.net.natsUrl, user: nigeria?.user, pass: nigeria?.password });
    const js = (await import('@nats-io/jetstream')).jetstream(nc);
    await js.publish(
      `${fixture.net.subjectRoot}.inbox.it-polfr.correlation.ng-nis`,
      JSON.stringify({
        alertId: italys,
        matchedAlertId: '0192f1e2-0000-7000-8000-00000000dead',
        agency: 'ng-nis',
        kinds: ['phone'],
        at: new Date().toISOString(),
      }),
    );
    await nc.drain();
    await eventually(async () => (await health()).quarantined > before.quarantined);
    expect((await alertsSeenBy('it-polfr-officer')).find((a) => a.id === italys)?.correlations.map((c) => c.alertId)).toEqual([nigers]);
  });
});
