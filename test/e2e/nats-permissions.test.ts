// On the bus each agency is its own NATS account. Nigeria plays the hostile member here, holding
// everything it has on the bus: its node's credentials and its own operator's, which may do
// anything inside Nigeria's account. While Italy and Niger exchange an AMBER alert, a consultation
// and correlation notices, it listens wherever it can, writes in their names, and calls the
// JetStream API on their stream and consumers. Each attempt is refused or finds only Nigeria's
// own account; nothing meant for the others reaches it; their exchange goes on, their streams intact.
import { AckPolicy, type JetStreamManager, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { startTestNetwork, type TestNetwork } from '../support/test-network.js';

const HOSTILE = 'ng-nis';
const ITALY = 'it-polfr';
const NIGER = 'ne-ppn';
const PHONE = { kind: 'phone', value: '+218 91 000 7788' };

interface Probe {
  nc: NatsConnection;
  /** What the server refused this connection (permission violations), as the client reports it. */
  refusals: string[];
  received: { subject: string; data: string }[];
}

let net: TestNetwork;
let node: Probe;
let admin: Probe;
/** What Italy and Niger exchanged while Nigeria listened: none of it may reach Nigeria. */
const secrets: string[] = [];
let amberSubject: string;
let nigersSubject: string;

async function hostile(role: 'node' | 'admin'): Promise<Probe> {
  const u = net.natsUsers[HOSTILE]?.[role];
  const nc = await connect({ servers: net.natsUrl, user: u?.user, pass: u?.password });
  const probe: Probe = { nc, refusals: [], received: [] };
  (async () => {
    for await (const s of nc.status()) if (s.type === 'error') probe.refusals.push(String((s as { error?: unknown }).error));
  })();
  return probe;
}

function listen(probe: Probe, subject: string): void {
  probe.nc.subscribe(subject, {
    callback: (err, m) => {
      if (err) probe.refusals.push(`${subject}: ${err.message}`);
      else probe.received.push({ subject: m.subject, data: m.string() });
    },
  });
}

/** The test's own view of a partner's account, as that agency's operator: not the attacker's. */
async function operatorOf(agency: string): Promise<{ nc: NatsConnection; jsm: JetStreamManager }> {
  const u = net.natsUsers[agency]?.admin;
  const nc = await connect({ servers: net.natsUrl, user: u?.user, pass: u?.password });
  return { nc, jsm: await jetstreamManager(nc, { timeout: 2000 }) };
}

/** The last message the agency's stream holds on a subject, or null. */
async function lastOn(agency: string, subject: string): Promise<string | null> {
  const { nc, jsm } = await operatorOf(agency);
  try {
    return await jsm.streams.getMessage(net.streams[agency] as string, { last_by_subj: subject }).then(
      (m) => m?.string() ?? null,
      () => null,
    );
  } finally {
    await nc.close();
  }
}

const storedOn = async (agency: string, subject: string) => (await lastOn(agency, subject)) !== null;

const outcome = (p: Promise<unknown>): Promise<string> =>
  p.then(
    (v) => `answered: ${JSON.stringify(v)}`,
    (e: Error) => `refused: ${e.message}`,
  );

async function as<T>(user: string, query: string, variables: Record<string, unknown>): Promise<T> {
  const r = await gql<T>(net.gatewayUrl, await net.token(user), query, variables);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}

async function received(agency: string, id: string): Promise<boolean> {
  const r = await gql<{ alerts: { id: string }[] }>(
    net.nodes[agency]?.url as string,
    await net.token(`${agency}-officer`),
    '{ alerts(scope: RECEIVED, limit: 500) { id } }',
    {},
  );
  return r.data?.alerts.some((a) => a.id === id) ?? false;
}

const PUBLISH = 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }';

/** `user` publishes an AMBER alert about PHONE for `recipient` alone; its id, once `recipient` holds it. */
async function amberFor(user: string, recipient: string, summary: string): Promise<string> {
  const input = routeAlert({ tlp: 'AMBER', recipients: [recipient], summary, identifiers: [PHONE] as never });
  const { id } = (await as<{ publishAlert: { id: string } }>(user, PUBLISH, { input })).publishAlert;
  await eventually(() => received(recipient, id));
  return id;
}

beforeAll(async () => {
  net = await startTestNetwork();
  node = await hostile('node');
  admin = await hostile('admin');
  // Nigeria's operator can listen to everything in Nigeria's account; its node only to its replies.
  listen(admin, '>');
  for (const subject of [
    '>',
    `${net.subjectRoot}.>`,
    `${net.subjectRoot}.inbox.${NIGER}.>`,
    `${net.subjectRoot}.inbox.${ITALY}.>`,
    '_INBOX.>',
  ])
    listen(node, subject);
  await Promise.all([node.nc.flush(), admin.nc.flush()]);
}, 120_000);

afterAll(async () => {
  await node?.nc.close();
  await admin?.nc.close();
  await net?.stop();
});

describe('a member on the bus, holding only its own account', () => {
  it('receives nothing of what two other agencies exchange, and still what is meant for it', async () => {
    // Italy to Niger only: an AMBER alert about a phone number.
    const italys = await amberFor('it-polfr-officer', NIGER, 'Pick-up point for Niger only');
    amberSubject = `${net.subjectRoot}.inbox.${NIGER}.alert.route.ITA.central-mediterranean.${ITALY}`;
    // Niger to Italy only, the same number: both nodes exchange correlation notices.
    const nigers = await amberFor('ne-ppn-officer', ITALY, 'Coordinator for Italy only');
    nigersSubject = `${net.subjectRoot}.inbox.${ITALY}.alert.route.NER.central-mediterranean.${NIGER}`;
    await eventually(
      async () =>
        (await storedOn(ITALY, `${net.subjectRoot}.inbox.${ITALY}.correlation.${NIGER}`)) ||
        (await storedOn(NIGER, `${net.subjectRoot}.inbox.${NIGER}.correlation.${ITALY}`)),
    );
    // A consultation between them.
    const opened = await as<{ openConsultation: { id: string } }>(
      'it-polfr-officer',
      'mutation($input: OpenConsultationInput!) { openConsultation(input: $input) { id } }',
      { input: { with: NIGER, subject: 'Agadez departures, between us', body: 'Our file 2026/77 names the same driver.' } },
    );
    await eventually(async () => storedOn(NIGER, `${net.subjectRoot}.inbox.${NIGER}.case.${ITALY}`));
    // A GREEN alert, which Nigeria may see: proof that its listeners were working all along.
    const green = (
      await as<{ publishAlert: { id: string } }>('it-polfr-officer', PUBLISH, {
        input: routeAlert({ summary: 'Public: departures tonight' }),
      })
    ).publishAlert.id;
    await eventually(() => received(HOSTILE, green));
    await eventually(async () => admin.received.some((m) => m.data.includes(green)));
    await Promise.all([node.nc.flush(), admin.nc.flush()]);

    secrets.push(
      italys,
      nigers,
      opened.openConsultation.id,
      'Pick-up point for Niger only',
      'Coordinator for Italy only',
      'Agadez departures',
    );
    const heard = [...admin.received, ...node.received];
    for (const secret of secrets) expect(heard.filter((m) => m.data.includes(secret) || m.subject.includes(secret))).toEqual([]);
    // Under the subject root, Nigeria's account carries its own inbox and what its node sends.
    for (const m of heard.filter((x) => x.subject.startsWith(`${net.subjectRoot}.`)))
      expect(m.subject.startsWith(`${net.subjectRoot}.inbox.${HOSTILE}.`) || m.subject.endsWith(`.${HOSTILE}`)).toBe(true);
    // Its node may not even listen beyond its reply inboxes.
    for (const subject of ['>', `${net.subjectRoot}.>`, `${net.subjectRoot}.inbox.${NIGER}.>`, `${net.subjectRoot}.inbox.${ITALY}.>`])
      expect(node.refusals.some((r) => /permission/i.test(r) && r.includes(subject))).toBe(true);
  });

  it('cannot write in another agency’s name, into anyone’s inbox', async () => {
    const root = net.subjectRoot;
    const forged = [
      `${root}.inbox.${NIGER}.alert.route.ITA.central-mediterranean.${ITALY}`,
      `${root}.inbox.${NIGER}.correlation.${ITALY}`,
      `${root}.inbox.${NIGER}.case.${ITALY}`,
      `${root}.inbox.${NIGER}.audit.${ITALY}`,
      `${root}.inbox.${ITALY}.case.${NIGER}`,
      `${root}.inbox.${ITALY}.alert.route.NER.central-mediterranean.${NIGER}`,
      `${root}.alert.route.ITA.central-mediterranean.${ITALY}`,
    ];
    const payload = JSON.stringify({ forgedBy: HOSTILE });
    for (const probe of [node, admin]) {
      const js = jetstream(probe.nc, { timeout: 2000 });
      const results = await Promise.all(forged.map((s) => outcome(js.publish(s, payload, { msgID: `forged-${s}-${Math.random()}` }))));
      for (const r of results) expect(r).toMatch(/^refused: /);
      for (const s of forged) probe.nc.publish(s, payload);
      await probe.nc.flush();
    }
    // The node's user is refused by the server outright; the operator's writes go nowhere.
    for (const s of forged.slice(0, 4)) expect(node.refusals.some((r) => /permission/i.test(r) && r.includes(s))).toBe(true);
    await new Promise((r) => setTimeout(r, 500));
    // (Italy's genuine AMBER alert was sent on the first subject: what is there must be Italy's.)
    for (const s of forged.slice(0, 4)) expect(`${s} ${await lastOn(NIGER, s)}`).not.toContain('forgedBy');
    for (const s of forged.slice(4, 6)) expect(`${s} ${await lastOn(ITALY, s)}`).not.toContain('forgedBy');
    // Its own writes, under its own id, do reach a partner: the refusal is the name, not the bus.
    const own = `${root}.inbox.${NIGER}.case.${HOSTILE}`;
    expect(await outcome(jetstream(admin.nc).publish(own, payload))).toMatch(/^answered: .*"seq"/);
  });

  it('cannot read, take over, purge or delete a partner’s stream or consumers through its node’s user', async () => {
    const stream = net.streams[NIGER] as string;
    const jsm = await jetstreamManager(node.nc, { timeout: 2000 });
    const js = jetstream(node.nc, { timeout: 2000 });
    const partnerConsumer = `node-${NIGER}-inbox`;
    const attempts = {
      consumerInfo: outcome(jsm.consumers.info(stream, partnerConsumer)),
      consumerOnTheirInbox: outcome(
        jsm.consumers.add(stream, {
          durable_name: `node-${HOSTILE}-inbox`,
          ack_policy: AckPolicy.Explicit,
          filter_subject: `${net.subjectRoot}.inbox.${NIGER}.>`,
        }),
      ),
      spyConsumer: outcome(jsm.consumers.add(stream, { durable_name: 'spy', ack_policy: AckPolicy.None })),
      fetch: outcome(js.consumers.get(stream, partnerConsumer).then((c) => c.next({ expires: 1000 }))),
      next: outcome(node.nc.request(`$JS.API.CONSUMER.MSG.NEXT.${stream}.${partnerConsumer}`, '{"batch":1}', { timeout: 2000 })),
      deleteConsumer: outcome(jsm.consumers.delete(stream, partnerConsumer)),
      purge: outcome(jsm.streams.purge(stream)),
      deleteStream: outcome(jsm.streams.delete(stream)),
      list: outcome(node.nc.request('$JS.API.STREAM.LIST', '{}', { timeout: 2000 })),
      messageGet: outcome(
        node.nc.request(`$JS.API.STREAM.MSG.GET.${stream}`, JSON.stringify({ last_by_subj: amberSubject }), { timeout: 2000 }),
      ),
      anyApi: outcome(node.nc.request(`$JS.API.STREAM.MSG.DELETE.${stream}`, '{"seq":1}', { timeout: 2000 })),
    };
    for (const [what, p] of Object.entries(attempts))
      expect(`${what} ${await p}`).toMatch(new RegExp(`^${what} refused: .*permission`, 'i'));
    // The only stream of that name it may look at is its own, which holds its own inbox only.
    const own = await jsm.streams.info(net.streams[HOSTILE] as string);
    expect(own.config.subjects).toEqual([`${net.subjectRoot}.inbox.${HOSTILE}.>`]);
  });

  it('finds only its own account with its operator’s user: no partner stream, consumer or message', async () => {
    const stream = net.streams[NIGER] as string;
    const jsm = await jetstreamManager(admin.nc, { timeout: 2000 });
    const js = jetstream(admin.nc, { timeout: 2000 });
    const partnerConsumer = `node-${NIGER}-inbox`;
    const streams = await jsm.streams.list().next();
    expect(streams.map((s) => s.config.subjects)).toEqual([[`${net.subjectRoot}.inbox.${HOSTILE}.>`]]);
    const consumers = await jsm.consumers.list(stream).next();
    expect(consumers.map((c) => c.name)).toEqual([`node-${HOSTILE}-inbox`]);
    expect(await outcome(jsm.consumers.info(stream, partnerConsumer))).toMatch(/refused: .*not found/i);
    expect(await outcome(js.consumers.get(stream, partnerConsumer).then((c) => c.next({ expires: 1000 })))).toMatch(
      /refused: .*not found/i,
    );
    expect(await outcome(jsm.consumers.delete(stream, partnerConsumer))).toMatch(/refused: .*not found/i);
    expect(await outcome(jsm.streams.getMessage(stream, { last_by_subj: amberSubject }))).toMatch(/^refused: |^answered: null$/);
    const spy = await outcome(
      jsm.consumers.add(stream, { durable_name: 'spy', ack_policy: AckPolicy.None, filter_subject: `${net.subjectRoot}.inbox.${NIGER}.>` }),
    );
    expect(spy).toMatch(/refused: .*filter/i);
    // Raw requests on the API answer from its own account too.
    const next = await admin.nc
      .request(`$JS.API.CONSUMER.MSG.NEXT.${stream}.${partnerConsumer}`, '{"batch":1,"no_wait":true}', { timeout: 2000 })
      .then(
        (m) => `${m.subject} ${m.headers?.code ?? ''} ${m.string()}`,
        (e: Error) => e.message,
      );
    for (const secret of secrets) expect(next).not.toContain(secret);
    const names = await admin.nc.request('$JS.API.STREAM.NAMES', '{}', { timeout: 2000 }).then((m) => m.json<{ streams: string[] }>());
    expect(names.streams).toEqual([net.streams[HOSTILE]]);

    // Purging and deleting "the" stream by name empties and removes Nigeria's own, no other.
    const before = await Promise.all([storedOn(ITALY, nigersSubject), storedOn(NIGER, amberSubject)]);
    expect(before).toEqual([true, true]);
    await jsm.streams.purge(stream);
    await jsm.streams.delete(stream);
    const after = await Promise.all([storedOn(ITALY, nigersSubject), storedOn(NIGER, amberSubject)]);
    expect(after).toEqual([true, true]);
    for (const a of [ITALY, NIGER]) {
      const { nc, jsm: theirs } = await operatorOf(a);
      expect((await theirs.consumers.info(net.streams[a] as string, `node-${a}-inbox`)).name).toBe(`node-${a}-inbox`);
      await nc.close();
    }
    for (const secret of secrets) expect(admin.received.filter((m) => m.data.includes(secret))).toEqual([]);
  });

  it('cannot have a partner drop another agency’s message by sending first under its message id', async () => {
    const id = (
      await as<{ publishAlert: { id: string } }>('it-polfr-officer', PUBLISH, { input: routeAlert({ summary: 'Departures from Zuwara' }) })
    ).publishAlert.id;
    await eventually(async () => (await received(NIGER, id)) && (await received(HOSTILE, id)));
    // Nigeria received the alert, so it knows its id, and guesses what Italy's withdrawal will be
    // called in Niger's stream: it writes there first, on a subject it may use, under that id.
    for (const guess of [`${id}:2:${NIGER}`, `${id}:2`, id]) {
      const ack = await jetstream(admin.nc).publish(`${net.subjectRoot}.inbox.${NIGER}.case.${HOSTILE}`, '{}', { msgID: guess });
      expect(ack.duplicate).toBe(false);
    }
    const withdrawn = await as<{ withdrawAlert: { revision: number } }>(
      'it-polfr-officer',
      'mutation($id: ID!, $revision: Int) { withdrawAlert(id: $id, reason: "Route closed", revision: $revision) { revision } }',
      { id, revision: 1 },
    );
    expect(withdrawn.withdrawAlert.revision).toBe(2);
    await eventually(async () => {
      const r = await gql<{ alerts: { id: string; status: string }[] }>(
        net.nodes[NIGER]?.url as string,
        await net.token(`${NIGER}-officer`),
        '{ alerts(scope: RECEIVED, limit: 500) { id status } }',
        {},
      );
      return r.data?.alerts.find((a) => a.id === id)?.status === 'withdrawn';
    });
  });

  it('leaves the partners’ exchange working after all of it', async () => {
    const id = (
      await as<{ publishAlert: { id: string } }>('it-polfr-officer', PUBLISH, {
        input: routeAlert({ tlp: 'AMBER', recipients: [NIGER], summary: 'After the attack, for Niger only' }),
      })
    ).publishAlert.id;
    await eventually(() => received(NIGER, id));
    expect(admin.received.filter((m) => m.data.includes(id))).toEqual([]);
    expect(node.received.filter((m) => m.data.includes(id))).toEqual([]);
  });
});
