import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CertificateNotPinnedError, caFetch, serverTlsFrom } from './https.js';
import { tlsPinOf } from './tls-pin.js';

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

describe('caFetch with the pins of an agency', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-https-pins-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  /** A self-signed certificate naming `ip`, on a fresh P-256 key (openssl, as the network CA does). */
  const certificate = (name: string, ip = '127.0.0.1') => {
    const cert = join(dir, `${name}.pem`);
    const key = join(dir, `${name}.key`);
    const newKey = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256', '-nodes', '-keyout', key];
    const names = ['-subj', `/CN=${name}`, '-addext', `subjectAltName=IP:${ip}`];
    execFileSync('openssl', ['req', '-x509', ...newKey, '-out', cert, '-days', '1', ...names], { stdio: 'ignore' });
    return { cert: readFileSync(cert), key: readFileSync(key), pin: tlsPinOf(readFileSync(cert)) };
  };
  const member = certificate('member');
  const other = certificate('other-member');
  const elsewhere = certificate('elsewhere', '192.0.2.1');
  // Both certificates are trusted, as two members' certificates of one network CA are.
  const caFile = join(dir, 'ca.pem');
  writeFileSync(caFile, Buffer.concat([member.cert, other.cert, elsewhere.cert]));

  /** An HTTPS server with `tls`: counts connections, requests and any byte that reached it after the handshake. */
  async function serve(tls: { cert: Buffer; key: Buffer }) {
    const seen = { connections: 0, requests: 0, bytes: 0 };
    // While held, answers wait: a request is then under way.
    let held: Promise<void> = Promise.resolve();
    const server = createHttpsServer({ ...tls, keepAliveTimeout: 60_000 }, (_req, res) => {
      seen.requests++;
      void held.then(() => res.end('{"data":{}}'));
    });
    server.on('secureConnection', (socket) => {
      seen.connections++;
      socket.on('data', (b: Buffer) => {
        seen.bytes += b.length;
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    return {
      url,
      seen,
      hold(): () => void {
        let release = () => {};
        held = new Promise((r) => {
          release = r;
        });
        return release;
      },
      close: () => {
        server.closeAllConnections();
        server.close();
      },
    };
  }
  const ask = (send: typeof fetch, url: string) =>
    send(url, { method: 'POST', headers: { authorization: 'Bearer secret-token' }, body: '{}' });

  it('asks a server whose certificate is on a pinned key', async () => {
    const server = await serve(member);
    try {
      const response = await ask(caFetch(caFile, { agency: 'it-polfr', pins: [other.pin, member.pin] }), server.url);
      expect(response.status).toBe(200);
      expect(server.seen.requests).toBe(1);
    } finally {
      server.close();
    }
  });

  it('refuses another member’s certificate of the same CA before any byte of the request is sent, naming the agency', async () => {
    const server = await serve(other);
    try {
      const refusal = ask(caFetch(caFile, { agency: 'it-polfr', pins: [member.pin] }), server.url);
      await expect(refusal).rejects.toBeInstanceOf(CertificateNotPinnedError);
      await expect(refusal).rejects.toThrow(/^agency it-polfr's certificate not pinned/);
      expect(server.seen.requests).toBe(0);
      expect(server.seen.bytes).toBe(0);
      // Without pins the CA alone decides, and the same server is asked.
      expect((await ask(caFetch(caFile), server.url)).status).toBe(200);
    } finally {
      server.close();
    }
  });

  it('still refuses a pinned key on a certificate that does not name the address asked', async () => {
    const server = await serve(elsewhere);
    try {
      await expect(ask(caFetch(caFile, { agency: 'it-polfr', pins: [elsewhere.pin] }), server.url)).rejects.toThrow(
        /IP: 127.0.0.1 is not in the cert/,
      );
      expect(server.seen.requests).toBe(0);
    } finally {
      server.close();
    }
  });

  it('keeps its connection alive between requests, and opens a new one once closed', async () => {
    const server = await serve(member);
    try {
      const send = caFetch(caFile, { agency: 'it-polfr', pins: [member.pin] });
      await (await ask(send, server.url)).text();
      // The socket returns to the pool once the answer has ended, a turn of the event loop later.
      await new Promise((r) => setImmediate(r));
      await (await ask(send, server.url)).text();
      expect(server.seen.connections).toBe(1);
      send.close();
      await (await ask(send, server.url)).text();
      expect(server.seen.connections).toBe(2);
      expect(server.seen.requests).toBe(3);
    } finally {
      server.close();
    }
  });

  it('closes, once answered, a connection that was under way when it was closed', async () => {
    const server = await serve(member);
    try {
      const send = caFetch(caFile, { agency: 'it-polfr', pins: [member.pin] });
      const release = server.hold();
      const underWay = ask(send, server.url);
      while (server.seen.requests === 0) await new Promise((r) => setImmediate(r));
      send.close();
      release();
      await (await underWay).text();
      await new Promise((r) => setImmediate(r));
      await (await ask(send, server.url)).text();
      expect(server.seen.connections).toBe(2);
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
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
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
