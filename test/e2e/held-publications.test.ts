// An agency cut off from the pseudonym service still publishes (issue 18 meets "no data is lost on
// a partition"): the key is split 2 of 3 among Italy, Niger and Nigeria, and with Niger's and
// Nigeria's nodes down Italy's node has only its own share. Its officer's alert is held at Italy's
// node, kept across a restart of that node, and sent, with the id and time it was given, once a
// second key holder answers; its raw identifier is then gone from Italy's database too.
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { RAW, routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const [A, B, C] = ['it-polfr', 'ne-ppn', 'ng-nis'];
const fixture = useTestNetwork(
  () =>
    startTestNetwork({
      pseudonyms: { holders: [A, B, C] },
      // Retried often, so that the test waits seconds, not the default's five.
      nodeEnv: { CORRIDOR_HELD_RETRY_MS: '300' },
    }),
  120_000,
);

const PHONE = { kind: 'phone', value: RAW.phone };
const PUBLISH = 'mutation($input: AlertInput!) { publishAlert(input: $input) { id createdAt heldBecause identifiers { epoch } } }';
type Published = { id: string; createdAt: string; heldBecause: string | null; identifiers: { epoch: number }[] };
type Held = { id: string; createdAt: string; identifiers: { kind: string; epoch: number }[] };

const node = (agency: string) => fixture.net.nodes[agency];

async function alertAt(agency: string, scope: 'OWN' | 'RECEIVED', id: string): Promise<Held | undefined> {
  const r = await gql<{ alerts: Held[] }>(
    node(agency)?.url as string,
    await fixture.net.token(`${agency}-officer`),
    `{ alerts(scope: ${scope}, limit: 500) { id createdAt identifiers { kind epoch } } }`,
  );
  return r.data?.alerts.find((a) => a.id === id);
}

async function heldRowsAtItaly(): Promise<string[]> {
  const client = new pg.Client({ connectionString: fixture.net.databases.urls[A] });
  await client.connect();
  try {
    return (await client.query<{ document: unknown }>('SELECT document FROM held_publications')).rows.map((r) =>
      JSON.stringify(r.document),
    );
  } finally {
    await client.end();
  }
}

describe('a publication while too few key holders answer', () => {
  it('is held at the publishing node across its restart, then sent once with its id and time, and its raw identifier deleted', async () => {
    await node(B)?.stop();
    await node(C)?.stop();
    let published: Published;
    try {
      const r = await gql<{ publishAlert: Published }>(node(A)?.url as string, await fixture.net.token(`${A}-officer`), PUBLISH, {
        input: routeAlert({ summary: 'Held while the link is down', identifiers: [PHONE] as never }),
      });
      expect(r.errors).toBeUndefined();
      published = r.data?.publishAlert as Published;
      // Said plainly, naming the holders that did not answer; no pseudonym was made.
      expect(published.heldBecause).toMatch(/pseudonym service/);
      expect(published.heldBecause).toContain(B);
      expect(published.heldBecause).toContain(C);
      expect(published.identifiers).toEqual([]);
      // Not stored or sent as an alert yet: kept as the officer's call, at home only.
      expect(await alertAt(A, 'OWN', published.id)).toBeUndefined();
      const held = await heldRowsAtItaly();
      expect(held).toHaveLength(1);
      expect(held[0]).toContain(published.id);

      // A restart of Italy's node loses nothing held.
      await node(A)?.stop();
      await node(A)?.start();
      expect(await heldRowsAtItaly()).toHaveLength(1);
      expect(await alertAt(A, 'OWN', published.id)).toBeUndefined();

      // Niger's node back: two holders answer, and the alert goes out by itself.
      await node(B)?.start();
      const own = await eventually(async () => (await alertAt(A, 'OWN', published.id)) ?? null, 60_000);
      expect(own.createdAt).toBe(published.createdAt);
      expect(own.identifiers).toEqual([{ kind: 'phone', epoch: 1 }]);
      const atNiger = await eventually(async () => (await alertAt(B, 'RECEIVED', published.id)) ?? null, 60_000);
      expect(atNiger.identifiers).toEqual([{ kind: 'phone', epoch: 1 }]);
      // The raw number is gone from Italy's database with the held call.
      expect(await heldRowsAtItaly()).toEqual([]);
    } finally {
      if (!node(B)?.running) await node(B)?.start();
      await node(C)?.start();
    }
    // Nigeria, down all along, gets it once from the outbox.
    const atNigeria = await eventually(async () => (await alertAt(C, 'RECEIVED', published.id)) ?? null, 60_000);
    expect(atNigeria.createdAt).toBe(published.createdAt);
  }, 240_000);

  it('is refused, not held, when the input is wrong: the field is named and nothing is kept', async () => {
    await node(B)?.stop();
    await node(C)?.stop();
    try {
      const r = await gql(node(A)?.url as string, await fixture.net.token(`${A}-officer`), PUBLISH, {
        input: routeAlert({ summary: 'Bad phone', identifiers: [{ kind: 'phone', value: 'not a phone' }] as never }),
      });
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(JSON.stringify(r.errors?.[0]?.extensions)).toContain('identifiers.0');
      expect(await heldRowsAtItaly()).toEqual([]);
    } finally {
      await node(B)?.start();
      await node(C)?.start();
    }
  }, 120_000);
});
