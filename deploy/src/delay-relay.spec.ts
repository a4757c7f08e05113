import { once } from 'node:events';
import { createConnection, createServer, type Server, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { type DelayRelay, startDelayRelay } from './delay-relay.js';

const DELAY = 20;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function listening(onSocket: (s: Socket) => void): Promise<{ server: Server; port: number }> {
  const server = createServer({ allowHalfOpen: true }, onSocket);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  cleanups.push(() => new Promise((r) => server.close(() => r())));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('TCP');
  return { server, port: address.port };
}

async function relayTo(port: number, delayMs = DELAY): Promise<DelayRelay> {
  const relay = await startDelayRelay({ listen: { host: '127.0.0.1' }, target: { host: '127.0.0.1', port }, delayMs });
  cleanups.push(() => relay.close());
  return relay;
}

async function connected(relay: DelayRelay, allowHalfOpen = false): Promise<Socket> {
  const socket = createConnection({ host: relay.host, port: relay.port, allowHalfOpen });
  await once(socket, 'connect');
  cleanups.push(async () => {
    socket.destroy();
  });
  return socket;
}

describe('delaying TCP relay', () => {
  it('adds its delay to each direction: a round trip through an echo takes twice the delay, not much more', async () => {
    const echo = await listening((s) => s.pipe(s));
    const relay = await relayTo(echo.port);
    const client = await connected(relay);
    const trips: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t = performance.now();
      client.write(`ping ${i}`);
      await once(client, 'data');
      trips.push(performance.now() - t);
    }
    trips.sort((a, b) => a - b);
    expect(trips[0]).toBeGreaterThanOrEqual(2 * DELAY - 1);
    // The delay is added once per direction, not per hop or per chunk: the median trip stays well
    // under twice that, however loaded the machine (timers run late, never early).
    expect(trips[4]).toBeLessThan(4 * DELAY);
  });

  it('keeps the order of chunks sent faster than the delay, both ways', async () => {
    const echo = await listening((s) => s.pipe(s));
    const relay = await relayTo(echo.port);
    const client = await connected(relay);
    const sent: string[] = [];
    const received: Buffer[] = [];
    client.on('data', (c: Buffer) => received.push(c));
    for (let i = 0; i < 300; i++) {
      const line = `chunk ${i};`;
      sent.push(line);
      client.write(line);
      if (i % 50 === 0) await new Promise((r) => setTimeout(r, 3));
    }
    const expected = sent.join('');
    const deadline = Date.now() + 5000;
    while (Buffer.concat(received).length < expected.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(Buffer.concat(received).toString()).toBe(expected);
  });

  it('carries an end from the client to the server after the data before it, and the server’s answer back', async () => {
    const got: Promise<string> = new Promise((resolve) => {
      void listening((s) => {
        const chunks: Buffer[] = [];
        s.on('data', (c: Buffer) => chunks.push(c));
        s.on('end', () => {
          const text = Buffer.concat(chunks).toString();
          s.end(`seen ${text}`);
          resolve(text);
        });
      }).then(async ({ port }) => {
        const relay = await relayTo(port);
        const client = await connected(relay, true);
        const answer: Buffer[] = [];
        client.on('data', (c: Buffer) => answer.push(c));
        client.end('last words');
        await once(client, 'end');
        expect(Buffer.concat(answer).toString()).toBe('seen last words');
      });
    });
    expect(await got).toBe('last words');
  });

  it('closes the client when the server closes, and when the target cannot be reached', async () => {
    const server = await listening((s) => s.end('bye'));
    const relay = await relayTo(server.port);
    const client = await connected(relay);
    // Flowing, so that the end is read at all.
    client.resume();
    await once(client, 'close');

    const closedPort = await listening(() => undefined);
    await new Promise<void>((r) => closedPort.server.close(() => r()));
    const nowhere = await relayTo(closedPort.port);
    const refused = await connected(nowhere);
    refused.resume();
    await once(refused, 'close');
  });

  it('refuses a delay that is not a number of milliseconds, naming it', async () => {
    await expect(startDelayRelay({ listen: { host: '127.0.0.1' }, target: { host: '127.0.0.1', port: 1 }, delayMs: -1 })).rejects.toThrow(
      /delayMs/,
    );
  });
});
