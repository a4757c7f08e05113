// An HTTP proxy that records every byte both ways, put between the gateway and one agency node
// (by a membership version pointing the node's address at it), so a test can assert what never
// travels to or from that node. Streams (SSE) pass through chunk by chunk.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface RecordingProxy {
  url: string;
  /** Requests and responses seen so far, as one searchable text. */
  text(): string;
  /** Every Authorization header that reached the node, in order: what a hostile member could replay. */
  authorizations(): string[];
  /** The same headers with the path each was sent to, to tell a gateway's fan-out from a node's own calls. */
  authorizationsByPath(): { path: string; authorization: string }[];
  close(): Promise<void>;
}

export async function recordingProxy(target: string): Promise<RecordingProxy> {
  const to = new URL(target);
  const seen: string[] = [];
  const authorizations: { path: string; authorization: string }[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      seen.push(`> ${req.method} ${req.url}\n${body.toString('utf8')}`);
      if (req.headers.authorization)
        authorizations.push({ path: new URL(req.url ?? '/', 'http://x').pathname, authorization: req.headers.authorization });
      const upstream = request(
        { host: to.hostname, port: to.port, path: req.url, method: req.method, headers: { ...req.headers, host: to.host } },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.on('data', (c: Buffer) => {
            seen.push(`< ${c.toString('utf8')}`);
            res.write(c);
          });
          up.on('end', () => res.end());
        },
      );
      upstream.on('error', () => res.destroy());
      res.on('close', () => upstream.destroy());
      upstream.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}${to.pathname}`,
    text: () => seen.join('\n'),
    authorizations: () => authorizations.map((a) => a.authorization),
    authorizationsByPath: () => [...authorizations],
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
