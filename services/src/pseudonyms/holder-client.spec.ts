import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AccessClaims, type DelegationSigner, type KeyHolder, type Membership, splitNewKey } from '@corridor/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { SPEC_MEMBERSHIP } from '../testing/fixtures.js';
import { createHolderClient } from './holder-client.js';

const ELEMENT = 'A'.repeat(43);
const ANSWER = JSON.stringify({ evaluated: [ELEMENT], proof: 'B'.repeat(86) });

/** A holder's node on loopback: records each request's token, answers as `respond` says. */
async function holderNode(respond: (req: IncomingMessage, res: ServerResponse, n: number) => void) {
  const tokens: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      tokens.push(req.headers.authorization ?? '');
      respond(req, res, tokens.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  servers.push(server);
  return { url, tokens };
}
const servers: ReturnType<typeof createServer>[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((resolve) => s.close(resolve));
  }
});

const answer = (_req: IncomingMessage, res: ServerResponse) => {
  res.setHeader('content-type', 'application/json');
  res.end(ANSWER);
};

/** Italy's node asking Niger's and Nigeria's, whose nodes are at `urls`; its signer counts what it mints. */
function italy(urls: Record<string, string>, lifetimeS = 300) {
  const m: Membership = { ...SPEC_MEMBERSHIP, agencies: SPEC_MEMBERSHIP.agencies.map((a) => ({ ...a, nodeUrl: urls[a.id] ?? a.nodeUrl })) };
  const minted: string[] = [];
  const signer: DelegationSigner = {
    agency: 'it-polfr',
    async mint(user, audience) {
      minted.push(`${user.sub}→${audience}`);
      return { token: `token-${minted.length}`, expiresIn: lifetimeS };
    },
  };
  const client = createHolderClient({
    self: 'it-polfr',
    membership: () => m,
    signer,
    evaluateHere: async () => {
      throw new Error('not asked here');
    },
  });
  return { client, minted };
}

// One expiry for every token of the file: the cache is keyed by every claim, exp included, so an
// expiry read from the clock per call made a new delegation whenever a test crossed a second.
const EXP = Math.floor(Date.now() / 1000) + 3600;
const officer = (sub: string, roles = ['border_officer']): AccessClaims =>
  ({ sub, agency: 'it-polfr', roles, exp: EXP }) as unknown as AccessClaims;
const holder = (agency: string): KeyHolder => ({ agency, index: 1, publicKey: splitNewKey(1, 1).publicKey });
const blinded = [new Uint8Array(32)];

describe('asking a key holder', () => {
  it('shows a holder the token made for that user and that holder alone, minted once while it lives', async () => {
    const niger = await holderNode(answer);
    const nigeria = await holderNode(answer);
    const { client, minted } = italy({ 'ne-ppn': niger.url, 'ng-nis': nigeria.url });
    for (let i = 0; i < 3; i++) await client.ask(officer('anna'), holder('ne-ppn'), 2, blinded);
    await client.ask(officer('anna'), holder('ng-nis'), 2, blinded);
    await client.ask(officer('bruno'), holder('ne-ppn'), 2, blinded);
    // The same user with other roles (a new token of hers) gets a new delegation too.
    await client.ask(officer('anna', ['analyst']), holder('ne-ppn'), 2, blinded);
    expect(minted).toEqual(['anna→ne-ppn', 'anna→ng-nis', 'bruno→ne-ppn', 'anna→ne-ppn']);
    expect(niger.tokens).toEqual(['Bearer token-1', 'Bearer token-1', 'Bearer token-1', 'Bearer token-3', 'Bearer token-4']);
    expect(nigeria.tokens).toEqual(['Bearer token-2']);
  });

  it('mints again rather than show a token close to its expiry', async () => {
    const niger = await holderNode(answer);
    const { client, minted } = italy({ 'ne-ppn': niger.url }, 20);
    await client.ask(officer('anna'), holder('ne-ppn'), 2, blinded);
    await client.ask(officer('anna'), holder('ne-ppn'), 2, blinded);
    expect(minted).toHaveLength(2);
    expect(new Set(niger.tokens).size).toBe(2);
  });

  it('sends again once over a new connection when the holder closes one unanswered, and says why when it keeps doing so', async () => {
    const flaky = await holderNode((req, res, n) => (n === 1 ? req.socket.destroy() : answer(req, res)));
    const { client } = italy({ 'ne-ppn': flaky.url });
    expect((await client.ask(officer('anna'), holder('ne-ppn'), 2, blinded)).evaluated).toHaveLength(1);
    expect(flaky.tokens).toHaveLength(2);

    const closing = await holderNode((req) => req.socket.destroy());
    const other = italy({ 'ne-ppn': closing.url });
    await expect(other.client.ask(officer('anna'), holder('ne-ppn'), 2, blinded)).rejects.toThrow('did not answer (connection closed)');
    expect(closing.tokens).toHaveLength(2);
  });

  it('says a holder that is down refused the connection, without naming its address', async () => {
    // A port that was just free: nothing listens there.
    const gone = createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const { port } = gone.address() as AddressInfo;
    await new Promise((resolve) => gone.close(resolve));
    const { client } = italy({ 'ne-ppn': `http://127.0.0.1:${port}/graphql` });
    const failure = client.ask(officer('anna'), holder('ne-ppn'), 2, blinded);
    await expect(failure).rejects.toThrow('did not answer (connection refused)');
    await expect(failure).rejects.not.toThrow(/127\.0\.0\.1/);
  });
});

const ASKER = { sub: 'it-polfr-officer', agency: 'it-polfr', roles: ['border_officer'] } as unknown as AccessClaims;
const HOLDER = { agency: 'ne-ppn', index: 2, publicKey: 'x' } as unknown as KeyHolder;

let server: Server | undefined;
afterEach(async () => {
  const open = server;
  server = undefined;
  if (!open) return;
  open.closeAllConnections();
  await new Promise((r) => open.close(r));
});

/** A key holder's node that takes requests and never answers them (a link that drops replies), counting them. */
async function silentHolder(): Promise<{ url: string; asked: () => number }> {
  let asked = 0;
  server = createServer(() => {
    asked += 1;
  });
  await new Promise<void>((r) => server?.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked: () => asked };
}

describe('asking a key holder that does not answer', () => {
  it('tries a holder that refused the connection again at the next call: only a timeout marks it down', async () => {
    const holder = await silentHolder();
    const url = holder.url;
    await new Promise((r) => server?.close(r));
    server = undefined;
    const membership: Membership = {
      ...SPEC_MEMBERSHIP,
      agencies: SPEC_MEMBERSHIP.agencies.map((a) => (a.id === 'ne-ppn' ? { ...a, nodeUrl: url } : a)),
    };
    const client = createHolderClient({
      self: 'it-polfr',
      membership: () => membership,
      signer: { mint: async () => ({ token: 't', expiresIn: 300 }) } as never,
      evaluateHere: async () => {
        throw new Error('not asked here');
      },
      timeoutMs: 5_000,
    });
    await expect(client.ask(ASKER, HOLDER, 1, [new Uint8Array(32)])).rejects.toThrow(/^did not answer \(connection refused\)$/);
    // Back at the same address: asked at once, not skipped for a down time.
    const port = Number(new URL(url).port);
    let asked = 0;
    server = createServer((_req, res) => {
      asked += 1;
      res.statusCode = 503;
      res.end();
    });
    await new Promise<void>((r) => server?.listen(port, '127.0.0.1', r));
    await expect(client.ask(ASKER, HOLDER, 1, [new Uint8Array(32)])).rejects.toThrow('refused: HTTP 503');
    expect(asked).toBe(1);
  });

  it('waits for it once, then answers at once until its down time has passed, and then probes it again', async () => {
    const holder = await silentHolder();
    const membership: Membership = {
      ...SPEC_MEMBERSHIP,
      agencies: SPEC_MEMBERSHIP.agencies.map((a) => (a.id === 'ne-ppn' ? { ...a, nodeUrl: holder.url } : a)),
    };
    let clock = 1_000_000;
    const client = createHolderClient({
      self: 'it-polfr',
      membership: () => membership,
      signer: { mint: async () => ({ token: 't', expiresIn: 300 }) } as never,
      evaluateHere: async () => {
        throw new Error('not asked here');
      },
      timeoutMs: 50,
      downForMs: 10_000,
      now: () => clock,
    });
    await expect(client.ask(ASKER, HOLDER, 1, [new Uint8Array(32)])).rejects.toThrow('did not answer in time');
    expect(holder.asked()).toBe(1);
    // Within its down time: refused without a request, so a publish is held at once, not after a timeout.
    clock += 5_000;
    await expect(client.ask(ASKER, HOLDER, 1, [new Uint8Array(32)])).rejects.toThrow('did not answer in time');
    expect(holder.asked()).toBe(1);
    // After it: one probe goes out again.
    clock += 6_000;
    await expect(client.ask(ASKER, HOLDER, 1, [new Uint8Array(32)])).rejects.toThrow('did not answer in time');
    expect(holder.asked()).toBe(2);
  });
});
