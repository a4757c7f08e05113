import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AccessClaims, KeyHolder, Membership } from '@corridor/proto';
import { afterEach, describe, expect, it } from 'vitest';
import { SPEC_MEMBERSHIP } from '../testing/fixtures.js';
import { createHolderClient } from './holder-client.js';

const ASKER = { sub: 'it-polfr-officer', agency: 'it-polfr', roles: ['border_officer'] } as unknown as AccessClaims;
const HOLDER = { agency: 'ne-ppn', index: 2, publicKey: 'x' } as unknown as KeyHolder;

let server: Server | undefined;
afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((r) => server?.close(r));
  server = undefined;
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
    await expect(client.ask(ASKER, HOLDER, 1, [new Uint8Array(32)])).rejects.toThrow(/^did not answer$/);
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
