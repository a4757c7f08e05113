// An attacker's stand-in for a member's node: an HTTPS server with a certificate another CA signed,
// naming the very address it listens on. It counts the requests that reach it (none may, from a
// client trusting only the network's CA) and the TLS handshakes its clients broke off.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { createNetworkCa } from '@corridor/deploy';

export interface ImpostorNode {
  url: string;
  readonly requests: number;
  readonly refusedHandshakes: number;
  close(): Promise<void>;
}

export async function startImpostorNode(dir: string): Promise<ImpostorNode> {
  const tls = createNetworkCa(dir, 'Impostor network').issue({ name: 'impostor-node', hosts: ['127.0.0.1', 'localhost'] });
  let requests = 0;
  let refusedHandshakes = 0;
  const server = createServer({ cert: readFileSync(tls.certFile), key: readFileSync(tls.keyFile) }, (_req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'application/json' }).end('{"data":{"directory":{"entries":[],"sources":[]}}}');
  });
  server.on('tlsClientError', () => {
    refusedHandshakes++;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}/graphql`,
    get requests() {
      return requests;
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
