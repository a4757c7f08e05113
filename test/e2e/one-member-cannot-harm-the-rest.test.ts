// What one member, hostile or having a bad night, can do to the others, tried with its own
// credentials against the public surfaces (issue T10): flood a node's token endpoint or a GraphQL
// endpoint with a body of any size; have its node answer a directory entry in a time zone no one
// knows; have its provider put networks in its users' tokens that the membership does not grant.
import { request } from 'node:http';
import { TOKEN_EXCHANGE_GRANT, tokenExchangeUrl } from '@corridor/proto';
import { NODE_BODY_BYTES, QUERY_LIMITS } from '@corridor/proto/graphql';
import { describe, expect, it } from 'vitest';
import { directoryEntryOf, documentFraudAlert, routeAlert, testDirectory } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { type RewritingProxy, rewritingProxy } from '../support/rewriting-proxy.js';
import { changingAgency, startTestNetwork } from '../support/test-network.js';
import { startedYet, useTestNetwork } from '../support/use-test-network.js';

const IT = 'it-polfr';
const NE = 'ne-ppn';
const NG = 'ng-nis';
const MIB = 1024 * 1024;

// Niger lists a second contact, a 24/7 desk, so that its node still has an entry to show when the
// other is left out.
const nigerDesk = directoryEntryOf(NE, 'NER', {
  name: 'Permanence Niamey',
  kind: 'desk',
  languages: ['fr'],
  availability: { always: true, timeZone: 'Africa/Niamey', hours: [] },
});
// Italy's liaison officer keeps office hours in the shared fixture (weekdays 08:00-17:00, Rome):
// during them he is reachable and ranks among the desks, so the order below would depend on when
// the test runs (it failed at 08:50 Rome time). Here he lists no hours: never reachable now.
const liaisonWithoutHours = (testDirectory()[IT] ?? []).map((e) =>
  e.name === 'Marco Bellini' ? { ...e, availability: { ...e.availability, always: false, hours: [] } } : e,
);
let proxy: RewritingProxy | undefined;
const fixture = useTestNetwork(async () => {
  const net = await startTestNetwork({
    directory: { ...testDirectory(), [IT]: liaisonWithoutHours, [NE]: [...(testDirectory()[NE] ?? []), nigerDesk] },
  });
  const stopNetwork = net.stop.bind(net);
  return Object.assign(net, {
    async stop() {
      await proxy?.close();
      await stopNetwork();
    },
  });
}, 180_000);

const nodeUrl = (agency: string) => fixture.net.nodes[agency]?.url as string;

/**
 * POSTs `total` bytes to `url` in 64 KiB chunks, chunked (no Content-Length) unless `declare`,
 * stopping as soon as an answer comes; answers the status, the body and the bytes sent by then.
 */
function flood(url: string, contentType: string, total: number, extra: Record<string, string> = {}, declare = false) {
  return new Promise<{ status: number; body: string; sent: number; answeredBeforeEnd: boolean }>((resolve, reject) => {
    const chunk = Buffer.alloc(64 * 1024, 'a');
    let sent = 0;
    let ended = false;
    let answered = false;
    const req = request(url, {
      method: 'POST',
      headers: { 'content-type': contentType, ...extra, ...(declare ? { 'content-length': String(total) } : {}) },
    });
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      const done = () => {
        resolve({ status: res.statusCode ?? 0, body: Buffer.concat(parts).toString('utf8'), sent, answeredBeforeEnd: !ended });
        req.destroy();
      };
      res.on('end', done);
      // The server may reset the connection once it has answered: what came is the answer.
      res.on('error', done);
    });
    // The server may close the connection on the rest of the body once it has answered.
    req.on('error', (e) => (answered ? undefined : reject(e)));
    const write = () => {
      while (!answered && sent < total) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once('drain', write);
      }
      if (!answered) {
        ended = true;
        req.end();
      }
    };
    if (declare) req.flushHeaders();
    write();
  });
}

describe("a node's token endpoint", () => {
  const form = (subjectToken: string) =>
    new URLSearchParams({
      grant_type: TOKEN_EXCHANGE_GRANT,
      subject_token: subjectToken,
      subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      audience: `urn:corridor:node:${NG}`,
    }).toString();

  it('refuses a body declared over its limit, naming the limit', async () => {
    const r = await flood(tokenExchangeUrl(nodeUrl(NE)), 'application/x-www-form-urlencoded', MIB, {}, true);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toEqual({
      error: 'invalid_request',
      error_description: expect.stringMatching(/over 16384 bytes/),
    });
  });

  it('stops reading a chunked body at its limit and answers before the sender is done', async () => {
    const r = await flood(tokenExchangeUrl(nodeUrl(NE)), 'application/x-www-form-urlencoded', 256 * MIB);
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({ error: 'invalid_request', error_description: expect.stringMatching(/over 16384 bytes/) });
    expect(r.answeredBeforeEnd).toBe(true);
  });

  it('still exchanges a member user’s token in a form of ordinary size', async () => {
    const token = await fixture.net.token(`${NE}-officer`);
    const res = await fetch(tokenExchangeUrl(nodeUrl(NE)), {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form(token),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ issued_token_type: 'urn:ietf:params:oauth:token-type:jwt' });
  });
});

describe('the GraphQL endpoints', () => {
  it.each([
    ['a node', () => nodeUrl(IT), NODE_BODY_BYTES],
    ['the gateway', () => fixture.net.gatewayUrl, QUERY_LIMITS.bodyBytes],
  ])('%s refuses a body over its limit with 413, naming the limit', async (_name, url, limit) => {
    const token = await fixture.net.token(`${NE}-officer`);
    // Far past the limit, so that the sender cannot be done before the server has read up to it.
    const r = await flood(url(), 'application/json', limit + 64 * MIB, { authorization: `Bearer ${token}` });
    expect(r.status).toBe(413);
    expect(JSON.parse(r.body)).toMatchObject({
      errors: [{ message: expect.stringContaining(`over ${limit} bytes`), extensions: { code: 'REQUEST_ENTITY_TOO_LARGE' } }],
    });
    expect(r.answeredBeforeEnd).toBe(true);
  });

  it('takes a publishAlerts of 1,000 alerts through the gateway', async () => {
    const inputs = Array.from({ length: 1000 }, (_, i) => (i % 2 ? documentFraudAlert() : routeAlert()));
    const r = await gql<{ publishAlerts: { id: string }[] }>(
      fixture.net.gatewayUrl,
      await fixture.net.token(`${IT}-officer`),
      'mutation($inputs: [AlertInput!]!) { publishAlerts(inputs: $inputs) { id } }',
      { inputs },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.publishAlerts).toHaveLength(1000);
  });
});

const SEARCH = 'query { directory { total entries { id agency name availability { timeZone } } sources { agency ok error } } }';
type Search = {
  directory: {
    total: number;
    entries: { id: string; agency: string; name: string; availability: { timeZone: string } }[];
    sources: { agency: string; ok: boolean; error: string | null }[];
  };
};

describe('a partner node answering an entry in a time zone no one knows', () => {
  it('costs that entry alone, named on its line of sources; the rest ranks as usual', async () => {
    const net = fixture.net;
    // Niger's node, as the gateway reaches it from the next membership on, answers one of its
    // contacts in a zone that is not IANA's.
    const started = await rewritingProxy(nodeUrl(NE), (body) => {
      const answer = JSON.parse(body) as { data?: { directory?: Search['directory'] } };
      const prosecutor = answer.data?.directory?.entries.find((e) => e.name === 'Aïssata Moussa');
      if (!prosecutor) return body;
      prosecutor.availability.timeZone = 'Mars/Olympus_Mons';
      return JSON.stringify(answer);
    });
    proxy = started;
    await net.updateMembership(changingAgency(NE, (a) => ({ ...a, nodeUrl: started.url })));
    const officer = await net.token(`${IT}-officer`);
    const r = await eventually(async () => {
      const answer = await gql<Search>(net.gatewayUrl, officer, SEARCH);
      return startedYet(proxy, 'proxy').rewritten > 0 && answer.data?.directory.sources.some((s) => s.error) ? answer : undefined;
    });
    expect(r.errors).toBeUndefined();
    const directory = r.data?.directory;
    if (!directory) throw new Error('the merged search answered no directory');
    const { entries, sources, total } = directory;
    expect(entries.map((e) => e.availability.timeZone)).not.toContain('Mars/Olympus_Mons');
    // Niger's other contact and every other agency's are there: the 24/7 desks first, reachable now.
    expect(
      entries
        .map((e) => e.name)
        .slice(0, 3)
        .sort(),
    ).toEqual(['NIS Document Fraud Desk', 'Sala operativa Lampedusa', 'Permanence Niamey'].sort());
    expect(entries.map((e) => e.agency).sort()).toEqual([IT, IT, NE, NG].sort());
    expect(total).toBe(4);
    expect(sources.find((s) => s.agency === NE)).toEqual({
      agency: NE,
      ok: true,
      error: '1 entry left out: availability.timeZone "Mars/Olympus_Mons" is not an IANA time zone',
    });
    expect(sources.filter((s) => s.agency !== NE).every((s) => s.ok && s.error === null)).toBe(true);
  });
});

describe('an agency whose provider names networks the membership does not grant', () => {
  it('shows in `me` the country and the networks the membership gives its agency', async () => {
    const net = fixture.net;
    // Italy leaves the Central Mediterranean liaison network; its provider still puts it in tokens.
    await net.updateMembership(changingAgency(IT, (a) => ({ ...a, networks: [] })));
    const officer = await net.token(`${IT}-officer`);
    const payload = JSON.parse(Buffer.from(officer.split('.')[1] as string, 'base64url').toString('utf8')) as { networks: string[] };
    expect(payload.networks).toEqual(['liaison-central-med']);
    const me = await eventually(async () => {
      const r = await gql<{ me: { country: string; networks: string[] } }>(net.gatewayUrl, officer, '{ me { agency country networks } }');
      return r.data?.me.networks.length === 0 ? r.data.me : undefined;
    });
    expect(me).toEqual({ agency: IT, country: 'ITA', networks: [] });
  });
});
