// An attacker's stand-in for a member's node: an HTTPS server with a certificate another CA signed,
// naming the very address it listens on, or with a certificate the test hands it (a member's own,
// valid in the network, served at another member's address). It counts the connections made to
// it, the requests that reach it, any byte of a request (a client refusing the certificate sends
// none), and the TLS handshakes its clients broke off.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createNetworkCa } from '@corridor/deploy';

export interface ImpostorNode {
  url: string;
  readonly requests: number;
  /** Bytes received on connections whose handshake completed: a request's first bytes carry its Authorization. */
  readonly bytes: number;
  /** TCP connections made to it: a client came, and was shown the certificate. */
  readonly connections: number;
  readonly refusedHandshakes: number;
  close(): Promise<void>;
}

export interface ImpostorOptions {
  /** The certificate and key it presents; by default a certificate of its own CA. */
  tls?: { certFile: string; keyFile: string };
  /** Where it listens on 127.0.0.1, e.g. the port of a member's node it stands in for; any free one by default. */
  port?: number;
}

export async function startImpostorNode(dir: string, opts: ImpostorOptions = {}): Promise<ImpostorNode> {
  const tls = opts.tls ?? createNetworkCa(dir, 'Impostor network').issue({ name: 'impostor-node', hosts: ['127.0.0.1', 'localhost'] });
  let requests = 0;
  let bytes = 0;
  let connections = 0;
  let refusedHandshakes = 0;
  const server = createServer({ cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) }, (_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"directory":{"entries":[],"sources":[]}}}');
  });
  server.on('connection', () => {
    connections++;
  });
  server.on('secureConnection', (socket) => {
    socket.on('data', (b: Buffer) => {
      bytes += b.length;
    });
  });
  server.on('tlsClientError', () => {
    refusedHandshakes++;
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', resolve);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/graphql`,
    get requests() {
      return requests;
    },
    get bytes() {
      return bytes;
    },
    get connections() {
      return connections;
    },
    get refusedHandshakes() {
      return refusedHandshakes;
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
