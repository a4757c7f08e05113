// A member's node made to say what its operator wants: an HTTP proxy in front of the real node (put
// there by a membership version pointing the node's address at it) that passes requests through
// and hands each JSON answer to `rewrite` before the gateway reads it. Streams (SSE) pass through.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RewritingProxy {
  url: string;
  /** How many JSON answers `rewrite` changed. */
  readonly rewritten: number;
  close(): Promise<void>;
}

export async function rewritingProxy(target: string, rewrite: (body: string) => string): Promise<RewritingProxy> {
  const to = new URL(target);
  let rewritten = 0;
  const server: Server = createServer((req, res) => {
    const upstream = request(
      { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: { ...req.headers, host: to.host } },
      (up) => {
        if (!String(up.headers['content-type'] ?? '').includes('json')) {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        up.on('data', (c: Buffer) => chunks.push(c));
        up.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const changed = rewrite(body);
          if (changed !== body) rewritten++;
          const { 'content-length': _length, 'content-encoding': _encoding, ...headers } = up.headers;
          res.writeHead(up.statusCode ?? 502, { ...headers, 'content-length': Buffer.byteLength(changed) }).end(changed);
        });
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${to.pathname}`,
    get rewritten() {
      return rewritten;
    },
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
