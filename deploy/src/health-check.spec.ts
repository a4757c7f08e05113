import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer as createHttpServer, type Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkHealth, healthTarget } from './health-check.js';
import { createNetworkCa } from './network-ca.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-health-check-'));
const servers: Server[] = [];
afterAll(() => {
  for (const s of servers) s.close();
  rmSync(dir, { recursive: true, force: true });
});

const network = createNetworkCa(join(dir, 'network'));
const ours = network.issue({ name: 'node-it-polfr', hosts: ['node.polfr.example'] });
const stranger = createNetworkCa(join(dir, 'stranger'), 'Another network').issue({ name: 'node-it-polfr', hosts: ['127.0.0.1'] });

function settings(name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

/** A server answering /health with `status`, over https with `tls`'s certificate, or plain http. */
async function serving(status: number, tls?: { certFile: string; keyFile: string }): Promise<number> {
  const answer = (_req: unknown, res: import('node:http').ServerResponse) => res.writeHead(status).end('{}');
  const server = tls
    ? createHttpsServer({ cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) }, answer)
    : createHttpServer(answer);
  servers.push(server);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

describe('the container’s health check', () => {
  it('asks where the settings make the process answer, over https when http.tls is set', () => {
    expect(healthTarget('node', settings('plain.yaml', 'http: { port: 4999 }\n'), {})).toEqual({ url: 'http://127.0.0.1:4999/health' });
    expect(healthTarget('gateway', settings('gw.yaml', '{}\n'), {})).toEqual({ url: 'http://127.0.0.1:4000/health' });
    const tls = settings(
      'tls.yaml',
      'http: { port: 4101, tls: { certFile: tls/node.pem, keyFile: secrets/node.key } }\nnats: { tls: { caFile: tls/network-ca.pem } }\n',
    );
    expect(healthTarget('node', tls, {})).toEqual({
      url: 'https://127.0.0.1:4101/health',
      tls: { caFile: join(dir, 'tls/network-ca.pem') },
    });
    // The environment wins over the file, as for the process itself.
    expect(healthTarget('node', tls, { CORRIDOR_PORT: '4242' }).url).toBe('https://127.0.0.1:4242/health');
    const noCa = settings('no-ca.yaml', 'http: { tls: { certFile: tls/node.pem, keyFile: secrets/node.key } }\n');
    expect(healthTarget('node', noCa, {}).tls).toEqual({ certFile: join(dir, 'tls/node.pem') });
  });

  it('is healthy only when the process’s own server answers 200', async () => {
    expect(await checkHealth({ url: `http://127.0.0.1:${await serving(200)}/health` })).toBe(true);
    expect(await checkHealth({ url: `http://127.0.0.1:${await serving(503)}/health` })).toBe(false);
    const https = await serving(200, ours);
    // Asked at loopback though its certificate names another host: the chain to the network CA is what counts.
    expect(await checkHealth({ url: `https://127.0.0.1:${https}/health`, tls: { caFile: network.caFile } })).toBe(true);
    expect(await checkHealth({ url: `https://127.0.0.1:${https}/health`, tls: { certFile: ours.certFile } })).toBe(true);
    expect(await checkHealth({ url: `http://127.0.0.1:${https}/health` })).toBe(false);
    // Something else on the port, with a certificate of another CA under the same name.
    const impostor = await serving(200, stranger);
    expect(await checkHealth({ url: `https://127.0.0.1:${impostor}/health`, tls: { caFile: network.caFile } })).toBe(false);
    expect(await checkHealth({ url: `https://127.0.0.1:${impostor}/health`, tls: { certFile: ours.certFile } })).toBe(false);
  });
});
