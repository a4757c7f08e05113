import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
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
