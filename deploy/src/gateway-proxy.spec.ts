import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveConsole } from './console-server.js';

describe('console server in front of an HTTPS gateway', () => {
  const dist = mkdtempSync(join(tmpdir(), 'corridor-dist-'));
  const gatewayUrl = 'https://127.0.0.1:4000/graphql';
  const asked: { url: string; method: string; authorization: string | null; cookie: string | null; body: string }[] = [];
  // Stands in for the fetch that trusts the run's CA: records what would reach the gateway.
  const send: typeof fetch = async (input, init) => {
    const req = new Request(input, init);
    asked.push({
      url: req.url,
      method: req.method,
      authorization: req.headers.get('authorization'),
      cookie: req.headers.get('cookie'),
      body: await req.text(),
    });
    return new Response('{"data":{"ok":true}}', { status: 200, headers: { 'content-type': 'application/json', 'set-cookie': 'x=1' } });
  };
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Corridor</title>');
    server = await serveConsole(dist, { gatewayUrl, issuerUrl: 'http://127.0.0.1:4100' }, 0, '127.0.0.1', { send });
  });
  afterAll(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('points the console at its own /graphql', async () => {
    const config = (await (await fetch(`${server.url}/config.json`)).json()) as { gatewayUrl: string };
    expect(config.gatewayUrl).toBe(`${server.url}/graphql`);
  });

  it('forwards /graphql to the gateway with the caller’s token, and only the headers the gateway reads', async () => {
    const res = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer t', cookie: 'session=s' },
      body: '{"query":"{ ok }"}',
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ data: { ok: true } });
    expect(res.headers.get('set-cookie')).toBeNull();
    expect(asked).toEqual([{ url: gatewayUrl, method: 'POST', authorization: 'Bearer t', cookie: null, body: '{"query":"{ ok }"}' }]);
  });

  it('forwards /agencies, the sign-in list the console reads beside /graphql, to the gateway’s own /agencies', async () => {
    asked.length = 0;
    const res = await fetch(`${server.url}/agencies`);
    expect(res.status).toBe(200);
    expect(asked.map((a) => [a.method, a.url])).toEqual([['GET', 'https://127.0.0.1:4000/agencies']]);
  });
});
