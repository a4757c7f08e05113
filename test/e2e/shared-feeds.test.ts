// The gateway shares one node feed between officers whose node would answer them alike (issue 14,
// item 6). Sharing must never widen a release: officers of two agencies, each with the feed open
// twice, are sent exactly what their own agency's node holds for them, and a feed opened with a
// token about to expire hands over to a longer-lived officer's token without dropping anyone.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { routeAlert, SET_SUBSCRIPTION } from '../support/fixtures.js';
import { gql, subscribe } from '../support/graphql.js';
import { officersAnd, startTestNetwork, type TestNetwork } from '../support/test-network.js';

let net: TestNetwork;

beforeAll(async () => {
  net = await startTestNetwork({
    users: officersAnd(
      { id: 'it-polfr-officer-2', name: 'Second officer of Italy', agency: 'it-polfr', roles: ['border_officer'] },
      { id: 'ng-nis-officer-2', name: 'Second officer of Nigeria', agency: 'ng-nis', roles: ['border_officer'] },
    ),
  });
});
afterAll(async () => {
  await net?.stop();
});

type Event = { alertFeed: { id: string; summary: string } };
const FEED = 'subscription { alertFeed { id summary } }';
const PUBLISH = 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }';

async function publish(user: string, over: Record<string, unknown>): Promise<string> {
  const r = await gql<{ publishAlert: { id: string } }>(net.gatewayUrl, await net.token(user), PUBLISH, { input: routeAlert(over) });
  if (!r.data) throw new Error(`publishing failed: ${JSON.stringify(r.errors)}`);
  return r.data.publishAlert.id;
}

// An alert comes again when the node finds it correlated with another: each is counted once.
const ids = (feed: { events: Event[] }) => [...new Set(feed.events.map((e) => e.alertFeed.id))];

it("sends officers sharing a feed only what their own agency's node releases to them", async () => {
  const feedOf = async (user: string, query = FEED) => subscribe<Event>(net.gatewayUrl, await net.token(user), query);
  // Nigeria's second officer follows the Balkans only: their filtered feed is theirs alone.
  expect(
    (await gql(net.gatewayUrl, await net.token('ng-nis-officer-2'), SET_SUBSCRIPTION, { f: { regions: ['western-balkans'] } })).errors,
  ).toBeUndefined();
  const italy = [await feedOf('it-polfr-officer'), await feedOf('it-polfr-officer-2')];
  const nigeria = [await feedOf('ng-nis-officer'), await feedOf('ng-nis-officer-2')];
  const balkansOnly = await feedOf('ng-nis-officer-2', 'subscription { alertFeed(subscribed: true) { id summary } }');
  const niger = await feedOf('ne-ppn-officer');
  const all = [...italy, ...nigeria, balkansOnly, niger];
  try {
    await Promise.all(all.map((f) => f.ready));
    await new Promise((r) => setTimeout(r, 500));

    // RED stays at Italy; AMBER to Nigeria goes to Italy's and Nigeria's nodes; Nigeria's RED stays at Nigeria.
    const italianRed = await publish('it-polfr-officer', { tlp: 'RED', summary: 'Italian eyes only' });
    const amberForNigeria = await publish('it-polfr-officer', { tlp: 'AMBER', recipients: ['ng-nis'], summary: 'For Nigeria' });
    const nigerianRed = await publish('ng-nis-officer', { tlp: 'RED', summary: 'Nigerian eyes only' });
    const balkans = await publish('it-polfr-officer', {
      summary: 'Balkan route, for every member',
      route: { region: 'western-balkans', waypoints: [{ country: 'SRB' }, { country: 'HUN' }] },
    });
    // Events arrive in the order their node stored them: once this one is in, the others would be.
    await Promise.all(all.map((f) => f.waitFor((e) => e.alertFeed.id === balkans, 60_000)));

    for (const f of italy) expect(ids(f)).toEqual([italianRed, amberForNigeria, balkans]);
    for (const f of nigeria.slice(0, 1)) expect(ids(f).sort()).toEqual([amberForNigeria, nigerianRed, balkans].sort());
    // The unfiltered feed of the officer who also has a filtered one is still the whole feed.
    expect(ids(nigeria[1] as { events: Event[] }).sort()).toEqual([amberForNigeria, nigerianRed, balkans].sort());
    expect(ids(balkansOnly)).toEqual([balkans]);
    expect(ids(niger)).toEqual([balkans]);
  } finally {
    await Promise.all(all.map((f) => f.close()));
  }
});

it("keeps the other officers' shared feed going when the token that opened it expires", async () => {
  // The short-lived token opens the node feed; the long-lived one joins it.
  const short = subscribe<Event>(net.gatewayUrl, await net.token('ne-ppn-officer', { expiresIn: '12s' }), FEED);
  await short.ready;
  await new Promise((r) => setTimeout(r, 300));
  const long = subscribe<Event>(net.gatewayUrl, await net.token('ne-ppn-officer', { expiresIn: '10m' }), FEED);
  try {
    await long.ready;
    await new Promise((r) => setTimeout(r, 300));
    const before = await publish('it-polfr-officer', { summary: 'Before the first token expires' });
    await Promise.all([short, long].map((f) => f.waitFor((e) => e.alertFeed.id === before)));

    await short.ended;
    expect(short.errors.map((e) => e.message).join(' ')).toMatch(/expired/);
    const after = await publish('it-polfr-officer', { summary: 'After the first token expired' });
    await long.waitFor((e) => e.alertFeed.id === after);
    expect(ids(long)).toEqual([before, after]);
    expect(long.errors).toEqual([]);
  } finally {
    await Promise.all([short.close(), long.close()]);
  }
});
