// GraphQL over SSE in both of graphql-sse's modes (issue 16, item 5), with that library's own
// client: "distinct connections" (one request per subscription, Yoga's own SSE) and "single
// connection" (a stream reserved with PUT, opened with GET, operations sent into it with POST),
// at the gateway and at a node. A stream token is bound to whoever reserved it: a member holding
// another caller's token, with their own valid credentials, is refused.
import { createClient, type ExecutionResult } from 'graphql-sse';
import { expect, it } from 'vitest';
import { routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { officersAnd, startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const fixture = useTestNetwork(() =>
  startTestNetwork({
    users: officersAnd({ id: 'it-polfr-officer-2', name: 'Second officer of Italy', agency: 'it-polfr', roles: ['border_officer'] }),
  }),
);

const FEED = 'subscription { alertFeed { id summary } }';
const PUBLISH = 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }';
const STREAM_TOKEN = 'x-graphql-event-stream-token';

type Feed = { alertFeed: { id: string; summary: string } };

/** A live feed through graphql-sse's client, collecting every alert until disposed. */
function openFeed(url: string, token: string, singleConnection: boolean) {
  const client = createClient({ url, singleConnection, headers: { authorization: `Bearer ${token}` }, retryAttempts: 0 });
  const received: Feed['alertFeed'][] = [];
  const failures: unknown[] = [];
  const stop = client.subscribe<Feed>(
    { query: FEED },
    {
      next: (value) => {
        if (value.data) received.push(value.data.alertFeed);
        if (value.errors) failures.push(value.errors);
      },
      error: (e) => failures.push(e),
      complete: () => undefined,
    },
  );
  return {
    received,
    failures,
    close: () => {
      stop();
      client.dispose();
    },
  };
}

async function publish(user: string, summary: string): Promise<string> {
  const { net } = fixture;
  const r = await gql<{ publishAlert: { id: string } }>(net.gatewayUrl, await net.token(user), PUBLISH, { input: routeAlert({ summary }) });
  if (!r.data) throw new Error(`publishing failed: ${JSON.stringify(r.errors)}`);
  return r.data.publishAlert.id;
}

it('delivers a live alert in both modes, at the gateway and at a node', async () => {
  const { net } = fixture;
  const nigeria = await net.token('ng-nis-officer');
  const italy = await net.token('it-polfr-officer');
  const italianNode = net.nodes['it-polfr']?.url as string;
  const feeds = {
    'gateway, distinct connections': openFeed(net.gatewayUrl, nigeria, false),
    'gateway, single connection': openFeed(net.gatewayUrl, nigeria, true),
    "Italy's node, distinct connections": openFeed(italianNode, italy, false),
    "Italy's node, single connection": openFeed(italianNode, italy, true),
  };
  const published: string[] = [];
  const waiting = () =>
    Object.entries(feeds)
      .filter(([, f]) => !f.received.some((a) => published.includes(a.id)))
      .map(([name]) => name);
  try {
    // No feed says when the server has its subscription: publish until every feed has had one.
    await eventually(
      async () => {
        if (waiting().length === 0) return true;
        published.push(await publish('it-polfr-officer', `Both SSE modes, alert ${published.length + 1}`));
        throw new Error(`no alert yet on: ${waiting().join('; ')}`);
      },
      60_000,
      500,
    );
    for (const [name, feed] of Object.entries(feeds)) {
      expect(feed.failures, name).toEqual([]);
      expect(feed.received.map((a) => a.summary).filter((s) => s.startsWith('Both SSE modes')).length, name).toBeGreaterThan(0);
    }
  } finally {
    for (const f of Object.values(feeds)) f.close();
  }
});

it('refuses a stream token to anyone but the caller who reserved it, and a reservation without a valid token', async () => {
  const { net } = fixture;
  const urls = { gateway: net.gatewayUrl, "Italy's node": net.nodes['it-polfr']?.url as string };
  for (const [name, url] of Object.entries(urls)) {
    const owner = await net.token('it-polfr-officer');
    const reserve = await fetch(url, { method: 'PUT', headers: { authorization: `Bearer ${owner}` } });
    expect(reserve.status, name).toBe(201);
    const streamToken = await reserve.text();

    // At the node only its own agency's users are served; at the gateway any member's too.
    const hostiles = name === 'gateway' ? ['it-polfr-officer-2', 'ng-nis-officer'] : ['it-polfr-officer-2'];
    for (const hostile of hostiles) {
      const theirs = await net.token(hostile);
      const open = await fetch(url, {
        headers: { authorization: `Bearer ${theirs}`, accept: 'text/event-stream', [STREAM_TOKEN]: streamToken },
      });
      expect([name, hostile, open.status], 'opening another caller’s stream').toEqual([name, hostile, 403]);
      const refusal = (await open.json()) as { errors: { message: string; extensions: { code: string; field: string } }[] };
      expect(refusal.errors[0]?.extensions).toEqual({ code: 'FORBIDDEN', field: STREAM_TOKEN });
      const body = JSON.stringify({ query: FEED });
      const send = await fetch(`${url}?token=${encodeURIComponent(streamToken)}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${theirs}`, 'content-type': 'application/json' },
        body,
      });
      expect([name, hostile, send.status], 'sending into another caller’s stream').toEqual([name, hostile, 403]);
    }

    // The owner may still open the stream they reserved (the refusals above did not take it).
    const ctrl = new AbortController();
    const mine = await fetch(url, {
      headers: { authorization: `Bearer ${owner}`, accept: 'text/event-stream', [STREAM_TOKEN]: streamToken },
      signal: ctrl.signal,
    });
    expect(mine.status, name).toBe(200);
    ctrl.abort();

    const anonymous = await fetch(url, { method: 'PUT' });
    expect(anonymous.status, name).toBe(401);
    expect(((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    const forged = await fetch(url, { method: 'PUT', headers: { authorization: `Bearer ${owner.slice(0, -4)}AAAA` } });
    expect(forged.status, name).toBe(401);
  }
});

it('answers a subscription invalid for the schema, sent into a single connection, with the validation error naming the field', async () => {
  const { net } = fixture;
  const urls = { gateway: net.gatewayUrl, "Italy's node": net.nodes['it-polfr']?.url as string };
  for (const [name, url] of Object.entries(urls)) {
    const client = createClient({
      url,
      singleConnection: true,
      headers: { authorization: `Bearer ${await net.token('it-polfr-officer')}` },
      retryAttempts: 0,
    });
    try {
      const answer = await new Promise<ExecutionResult | Error>((resolve) => {
        client.subscribe(
          { query: 'subscription { alertFeed { id summry } }' },
          {
            next: resolve,
            error: (e) => resolve(e instanceof Error ? e : new Error(String(e))),
            complete: () => resolve(new Error('completed unanswered')),
          },
        );
      });
      expect(answer, name).not.toBeInstanceOf(Error);
      expect((answer as ExecutionResult).data, name).toBeUndefined();
      expect(
        (answer as ExecutionResult).errors?.map((e) => e.message),
        name,
      ).toEqual(['Cannot query field "summry" on type "Alert". Did you mean "summary"?']);
    } finally {
      client.dispose();
    }
  }
});
