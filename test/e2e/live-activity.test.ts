// An officer's live activity (issue 15, "Nothing missed"), at the gateway and at the node: the
// counts of what arrived since each page was last opened, kept across a restart of the node; the
// stream that says something changed, sent to the agency's own officers only; and another
// agency's credentials, its user's token or one delegated to this node, open nothing of it.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { routeAlert, SET_SUBSCRIPTION } from '../support/fixtures.js';
import { eventually, gql, subscribe } from '../support/graphql.js';
import { officersAnd, startTestNetwork, type TestNetwork } from '../support/test-network.js';

let net: TestNetwork;
beforeAll(async () => {
  net = await startTestNetwork({
    users: officersAnd({ id: 'ng-nis-authority', name: 'Central Authority Unit', agency: 'ng-nis', roles: ['central_authority'] }),
  });
}, 120_000);
afterAll(async () => {
  await net?.stop();
});

const COUNTS = '{ myActivity { alert consultation request protection } }';
const MARK = 'mutation($kind: String!) { markActivitySeen(kind: $kind) { alert consultation request protection } }';
const ACTIVITY = 'subscription { activity { kind id consultationId } }';
type Counts = { alert: number; consultation: number; request: number; protection: number };
type Event = { activity: { kind: string; id: string; consultationId: string | null } };

async function as<T>(user: string, query: string, variables: Record<string, unknown> = {}, url = net.gatewayUrl) {
  const r = await gql<T>(url, await net.token(user), query, variables);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}
const countsOf = async (user: string) => (await as<{ myActivity: Counts }>(user, COUNTS)).myActivity;

/** Nigeria's officer writes to Italy: a new consultation, its id. */
async function consultItaly(subject: string): Promise<string> {
  const opened = await as<{ openConsultation: { id: string } }>(
    'ng-nis-officer',
    'mutation($input: OpenConsultationInput!) { openConsultation(input: $input) { id } }',
    { input: { with: 'it-polfr', subject, body: 'Do you hold anything on departures from Zuwara this week?' } },
  );
  return opened.openConsultation.id;
}

it('counts what arrived since the officer last looked, from the database, across a restart of their node', async () => {
  // The first reading starts the officer's marks: what came before it is not new to them.
  expect(await countsOf('it-polfr-officer')).toEqual({ alert: 0, consultation: 0, request: 0, protection: 0 });
  await as('it-polfr-officer', SET_SUBSCRIPTION, { f: { regions: ['central-mediterranean'], countries: ['LBY'] } });

  const consultation = await consultItaly('Zuwara, this week');
  await as('ng-nis-authority', 'mutation($id: ID!, $input: RequestInput!) { createRequest(consultationId: $id, input: $input) { id } }', {
    id: consultation,
    input: {
      requestType: 'information_request',
      summary: 'Departure dates observed',
      sendingAuthority: { agency: 'ng-nis', name: 'Federal Ministry of Justice — Central Authority Unit' },
      receivingAuthority: { agency: 'it-polfr', name: 'Ministero della Giustizia — Ufficio II' },
      reference: 'NG-2026-0007',
      send: true,
    },
  });
  await as('ng-nis-officer', 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }', {
    input: routeAlert({ summary: 'Zuwara departures tonight' }),
  });
  // Italy's own alerts on the route are not news to its officers; the other agency's are.
  await as('it-polfr-officer', 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }', {
    input: routeAlert({ summary: 'Zuwara, our own report' }),
  });
  const expected = { alert: 1, consultation: 1, request: 1, protection: 0 };
  await expect.poll(() => countsOf('it-polfr-officer'), { timeout: 20_000 }).toEqual(expected);

  // Nothing of it is counted for Nigeria's officers, who wrote it, nor for Niger's, who were not party.
  expect(await countsOf('ne-ppn-officer')).toEqual({ alert: 0, consultation: 0, request: 0, protection: 0 });
  expect((await countsOf('ng-nis-officer')).consultation).toBe(0);

  const italy = net.nodes['it-polfr'];
  await italy?.stop();
  await italy?.start();
  expect(await countsOf('it-polfr-officer')).toEqual(expected);

  // Opening the page clears its count, and only its own; the mark survives a restart too.
  const afterOpening = await as<{ markActivitySeen: Counts }>('it-polfr-officer', MARK, { kind: 'consultation' });
  expect(afterOpening.markActivitySeen).toEqual({ ...expected, consultation: 0 });
  await italy?.stop();
  await italy?.start();
  expect(await countsOf('it-polfr-officer')).toEqual({ ...expected, consultation: 0 });
});

it('refuses a kind it does not know, naming the field, and changes nothing', async () => {
  const before = await countsOf('it-polfr-officer');
  const r = await gql(net.gatewayUrl, await net.token('it-polfr-officer'), MARK, { kind: 'everything' });
  expect(r.errors?.[0]?.extensions).toMatchObject({
    code: 'VALIDATION_FAILED',
    fieldErrors: [expect.objectContaining({ path: 'kind', message: expect.stringContaining('an activity kind') })],
  });
  expect(await countsOf('it-polfr-officer')).toEqual(before);
});

it('streams to the agency’s own officers which kind changed, with ids only, and nothing to another agency’s', async () => {
  const italy = subscribe<Event>(net.gatewayUrl, await net.token('it-polfr-officer'), ACTIVITY);
  const niger = subscribe<Event>(net.gatewayUrl, await net.token('ne-ppn-officer'), ACTIVITY);
  try {
    await Promise.all([italy.ready, niger.ready]);
    // The stream opens at the node a moment after the gateway answers: write until one arrives.
    const body = 'Departure seen at 02:00, two boats.';
    const consultation = await consultItaly('Zuwara, tonight');
    await eventually(
      async () => {
        await as(
          'ng-nis-officer',
          'mutation($id: ID!, $input: ConsultationMessageInput!) { addConsultationMessage(id: $id, input: $input) { id } }',
          {
            id: consultation,
            input: { body },
          },
        );
        return italy.events.some((e) => e.activity.kind === 'consultation' && e.activity.consultationId === consultation);
      },
      30_000,
      1_000,
    );
    const event = italy.events.find((e) => e.activity.consultationId === consultation);
    expect(Object.keys(event?.activity ?? {}).sort()).toEqual(['consultationId', 'id', 'kind']);
    expect(JSON.stringify(italy.events)).not.toContain('Departure');
    expect(niger.events).toEqual([]);
  } finally {
    await italy.close();
    await niger.close();
  }
});

it('follows the officer’s route subscription as they change it, while the stream is open', async () => {
  await as('it-polfr-officer', SET_SUBSCRIPTION, { f: { regions: ['central-mediterranean'], countries: ['LBY'] } });
  const italy = subscribe<Event>(net.gatewayUrl, await net.token('it-polfr-officer'), ACTIVITY);
  try {
    await italy.ready;
    const publishFromNigeria = async (input: unknown) =>
      (
        await as<{ publishAlert: { id: string } }>(
          'ng-nis-officer',
          'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
          { input },
        )
      ).publishAlert.id;
    const alerted = (ids: string[]) => italy.events.some((e) => e.activity.kind === 'alert' && ids.includes(e.activity.id));
    const balkansRoute = { region: 'western-balkans' as const, waypoints: [{ country: 'SRB' as const }, { country: 'HUN' as const }] };
    // As above, the node's stream opens a moment after the gateway answers: publish on the route
    // followed until one arrives, so the stream is open at the node before the change.
    const centralMed: string[] = [];
    await eventually(
      async () => {
        centralMed.push(await publishFromNigeria(routeAlert({ summary: 'Zuwara departures again' })));
        return alerted(centralMed);
      },
      30_000,
      1_000,
    );
    await as('it-polfr-officer', SET_SUBSCRIPTION, { f: { regions: ['western-balkans'] } });
    const balkans = await publishFromNigeria(routeAlert({ summary: 'Crossings near Subotica', route: balkansRoute }));
    await eventually(async () => alerted([balkans]));
    // The route no longer followed wakes nothing: an alert on it, then one on the new route, and only the second comes.
    const notFollowed = await publishFromNigeria(routeAlert({ summary: 'Sabratha boats' }));
    const balkansAgain = await publishFromNigeria(routeAlert({ summary: 'Crossings near Horgos', route: balkansRoute }));
    await eventually(async () => alerted([balkansAgain]));
    expect(alerted([notFollowed])).toBe(false);
  } finally {
    await italy.close();
  }
});

it('opens no agency’s activity to another agency’s credentials, at the node', async () => {
  const italyNode = net.nodes['it-polfr']?.url as string;
  // Niger's officer's own token: the node takes no other agency's user token.
  const own = await fetch(italyNode, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'text/event-stream',
      authorization: `Bearer ${await net.token('ne-ppn-officer')}`,
    },
    body: JSON.stringify({ query: ACTIVITY }),
  });
  expect(own.status).toBe(401);
  await own.body?.cancel();

  // A token Niger's node delegated to Italy's, as the gateway uses for fanned-out queries: a valid
  // caller at Italy's node, refused this agency's stream before any event, and its counts and marks.
  const delegated = await net.delegatedToken('ne-ppn-officer', 'it-polfr');
  const stream = subscribe<Event>(italyNode, delegated, ACTIVITY);
  await stream.ended;
  expect(stream.events).toEqual([]);
  expect(stream.errors.map((e) => [e.extensions?.code, e.message])).toEqual([
    ['FORBIDDEN', 'only users of agency it-polfr follow the agency’s activity at this node'],
  ]);
  for (const [query, variables] of [
    [COUNTS, {}],
    [MARK, { kind: 'consultation' }],
  ] as const) {
    const r = await gql(italyNode, delegated, query, variables);
    expect(r.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(r.data ?? null).toBeNull();
  }
});
