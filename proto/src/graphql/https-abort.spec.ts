// caFetch's abort after a garbage collection: a reader that closes a feed must close its
// connection, however long the feed ran (seen as a benchmark hung on a feed it had closed).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { caFetch } from './https.js';

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

describe('caFetch aborted by its caller', () => {
  const dir = mkdtempSync(join(tmpdir(), 'corridor-https-abort-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('closes the connection of a stream still flowing, also when a garbage collection came between', async () => {
    const cert = join(dir, 'cert.pem');
    const key = join(dir, 'key.pem');
    // Self-signed, so its own certificate is the CA the fetch trusts.
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'ec',
        '-pkeyopt',
        'ec_paramgen_curve:P-256',
        '-nodes',
        '-keyout',
        key,
        '-out',
        cert,
        '-days',
        '1',
        '-subj',
        '/CN=127.0.0.1',
        '-addext',
        'subjectAltName=IP:127.0.0.1',
      ],
      { stdio: 'ignore' },
    );
    let closedByClient!: () => void;
    const closed = new Promise<void>((r) => {
      closedByClient = r;
    });
    const server = createServer({ cert: readFileSync(cert), key: readFileSync(key) }, (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/event-stream' });
      res.write('data: {}\n\n');
      const beat = setInterval(() => res.write(': ping\n\n'), 50);
      res.on('close', () => {
        clearInterval(beat);
        closedByClient();
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    try {
      const reader = new AbortController();
      const res = await caFetch(cert)(`https://127.0.0.1:${(server.address() as AddressInfo).port}/`, { signal: reader.signal });
      const read = (async () => {
        for await (const _ of res.body as AsyncIterable<Uint8Array>);
      })();
      collectGarbage();
      reader.abort();
      await expect(read).rejects.toThrow();
      await closed;
    } finally {
      server.close();
    }
  });
});
