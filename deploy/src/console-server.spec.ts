import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { caFetch } from '@corridor/proto/graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveConsole } from './console-server.js';
import { createNetworkCa } from './network-ca.js';

describe('console static server', () => {
  const dist = mkdtempSync(join(tmpdir(), 'corridor-dist-'));
  const config = { gatewayUrl: 'http://127.0.0.1:4000/graphql', issuerUrl: 'http://127.0.0.1:4100' };
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Corridor</title>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(join(tmpdir(), 'corridor-secret.txt'), 'secret');
    server = await serveConsole(dist, config, 0);
  });
  afterAll(async () => {
    await server.close();
    rmSync(dist, { recursive: true, force: true });
    rmSync(join(tmpdir(), 'corridor-secret.txt'), { force: true });
  });

  it('serves the runtime configuration at /config.json, never cached', async () => {
    const res = await fetch(`${server.url}/config.json`);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual(config);
  });

  it('serves built files with their content type', async () => {
    const res = await fetch(`${server.url}/assets/app.js`);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
    expect(await res.text()).toBe('console.log(1)');
  });

  it('answers the console’s own routes with index.html (SPA fallback)', async () => {
    for (const path of ['/', '/directory', '/alerts/0196a4f2-0001-7000-8000-000000000001']) {
      const res = await fetch(`${server.url}${path}`);
      expect(res.status).toBe(200);
      expect(await res.text()).toContain('<title>Corridor</title>');
    }
  });

  it('answers a missing asset with 404 and never serves a file outside dist', async () => {
    expect((await fetch(`${server.url}/assets/gone.js`)).status).toBe(404);
    const outside = await fetch(`${server.url}/..%2fcorridor-secret.txt`);
    expect(await outside.text()).not.toContain('secret');
  });
});

describe('console server over HTTPS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-console-https-'));
  const dist = join(dir, 'dist');
  let server: { url: string; close(): Promise<void> };
  let caFile: string;

  beforeAll(async () => {
    mkdirSync(dist);
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Corridor</title>');
    const ca = createNetworkCa(join(dir, 'tls'));
    caFile = ca.caFile;
    const tls = ca.issue({ name: 'console', hosts: ['127.0.0.1'] });
    const send: typeof fetch = async () => new Response('{}');
    server = await serveConsole(
      dist,
      { gatewayUrl: 'https://127.0.0.1:4000/graphql', issuerUrl: 'http://127.0.0.1:4100' },
      0,
      '127.0.0.1',
      {
        send,
        tls,
      },
    );
  });
  afterAll(async () => {
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the console under its certificate, and points the console at its own https:// /graphql', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const res = await caFetch(caFile)(`${server.url}/config.json`);
    expect(((await res.json()) as { gatewayUrl: string }).gatewayUrl).toBe(`${server.url}/graphql`);
  });

  it('answers no plain HTTP on its port', async () => {
    await expect(fetch(server.url.replace('https:', 'http:'))).rejects.toThrow();
  });
});
