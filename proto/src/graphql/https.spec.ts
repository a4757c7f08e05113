import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { caFetch, serverTlsFrom } from './https.js';

const fail = (variable: string, problem: string) => new Error(`${variable}: ${problem}`);

describe('serverTlsFrom', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-https-'));
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  writeFileSync(cert, 'certificate');
  writeFileSync(key, 'key');

  it('means plain HTTP when neither file is named', () => {
    expect(serverTlsFrom({}, fail)).toBeUndefined();
  });

  it('takes a certificate and its key together', () => {
    expect(serverTlsFrom({ CORRIDOR_TLS_CERT: cert, CORRIDOR_TLS_KEY: key }, fail)).toEqual({ certFile: cert, keyFile: key });
  });

  it('names the variable missing or pointing nowhere', () => {
    expect(() => serverTlsFrom({ CORRIDOR_TLS_CERT: cert }, fail)).toThrow(/^CORRIDOR_TLS_KEY: /);
    expect(() => serverTlsFrom({ CORRIDOR_TLS_KEY: key }, fail)).toThrow(/^CORRIDOR_TLS_CERT: /);
    expect(() => serverTlsFrom({ CORRIDOR_TLS_CERT: join(dir, 'none.pem'), CORRIDOR_TLS_KEY: key }, fail)).toThrow(
      'CORRIDOR_TLS_CERT: no such file',
    );
  });
});

describe('caFetch', () => {
  it('refuses a plain http:// address before anything reaches it', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'corridor-https-'));
    const caFile = join(dir, 'ca.pem');
    writeFileSync(caFile, '');
    let requests = 0;
    const server = createServer((_req, res) => {
      requests++;
      res.end('{}');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const { port } = server.address() as AddressInfo;
      await expect(caFetch(caFile)(`http://127.0.0.1:${port}/graphql`, { method: 'POST', body: '{}' })).rejects.toThrow(
        /only https:\/\/ is trusted/,
      );
      expect(requests).toBe(0);
    } finally {
      server.close();
    }
  });
});

/** A CA and a certificate it signed for 127.0.0.1, made with openssl in a folder of this run. */
function certificateFor127(dir: string, name: string) {
  const at = (f: string) => join(dir, `${name}-${f}`);
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes'];
  execFileSync('openssl', ['req', '-x509', ...ec, '-keyout', at('ca.key'), '-out', at('ca.pem'), '-days', '1', '-subj', `/CN=${name} CA`]);
  execFileSync('openssl', ['req', ...ec, '-keyout', at('key.pem'), '-out', at('csr.pem'), '-subj', '/CN=127.0.0.1']);
  writeFileSync(at('ext.cnf'), 'subjectAltName=IP:127.0.0.1\n');
  execFileSync('openssl', [
    'x509',
    '-req',
    '-in',
    at('csr.pem'),
    '-CA',
    at('ca.pem'),
    '-CAkey',
    at('ca.key'),
    '-CAcreateserial',
    '-out',
    at('cert.pem'),
    '-days',
    '1',
    '-extfile',
    at('ext.cnf'),
  ]);
  return { caFile: at('ca.pem'), cert: readFileSync(at('cert.pem')), key: readFileSync(at('key.pem')) };
}

describe('caFetch over TLS', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-https-'));
  const network = certificateFor127(dir, 'network');
  const other = certificateFor127(dir, 'other');

  async function serving(tls: { cert: Buffer; key: Buffer }) {
    let connections = 0;
    const server = createHttpsServer(tls, (_req, res) => res.end('{"ok":true}'));
    server.on('secureConnection', () => connections++);
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const { port } = server.address() as AddressInfo;
    return {
      url: `https://127.0.0.1:${port}/graphql`,
      connections: () => connections,
      close: () => {
        server.closeAllConnections();
        server.close();
      },
    };
  }

  it('reuses one connection for queries one after another (no handshake per query)', async () => {
    const server = await serving(network);
    const send = caFetch(network.caFile);
    try {
      for (let i = 0; i < 5; i++) expect(await (await send(server.url, { method: 'POST', body: '{}' })).json()).toEqual({ ok: true });
      expect(server.connections()).toBe(1);
    } finally {
      server.close();
    }
  });

  it("refuses a server whose certificate another CA signed, whatever connection it kept to the network's", async () => {
    const ours = await serving(network);
    const theirs = await serving(other);
    const send = caFetch(network.caFile);
    try {
      await send(ours.url, { method: 'POST', body: '{}' });
      await expect(send(theirs.url, { method: 'POST', body: '{}' })).rejects.toThrow(/certificate/i);
    } finally {
      ours.close();
      theirs.close();
    }
  });
});
