// The gateway: stateless; verifies tokens, fans queries out to every agency node, merges.
import { nameFileKey } from '@corridor/proto';
import { loadConfig } from './config.js';
import { openMembership, watchMembership } from './membership-file.js';
import { createNodeClients, nodeConnect, syncNodeClients } from './node-clients.js';
import { createGatewayServer } from './server.js';
import { processSettings } from './settings.js';

function log(level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, service: 'gateway', ...fields });
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
}

async function main(): Promise<void> {
  let fromFile: ReadonlyMap<string, string> = new Map();
  let config: ReturnType<typeof loadConfig>;
  let membership: Awaited<ReturnType<typeof openMembership>>;
  try {
    const settings = processSettings();
    fromFile = settings.fromFile;
    config = loadConfig(settings.env);
    membership = await openMembership(config);
  } catch (e) {
    process.stderr.write(`corridor gateway: cannot start: ${nameFileKey((e as Error).message, fromFile)}\n`);
    process.exit(2);
  }
  // The server reads the membership and this map at each request; both follow new versions.
  // Under TLS, a node is asked only when the network CA signed its certificate and, when its entry
  // lists pins, on one of those keys, checked before any byte is sent; plain http is refused.
  const connect = nodeConnect(config.nodeCaFile);
  const nodes = createNodeClients(membership.current(), connect);
  membership.onUpdate((next) => {
    const change = syncNodeClients(nodes, next, connect);
    log('info', 'node list updated', { version: next.version, ...change });
  });
  const membershipWatch = watchMembership(membership, config.membershipPollMs, log);
  const server = createGatewayServer({
    membership: () => membership.current(),
    nodes,
    deadlineMs: config.nodeDeadlineMs,
    maxTokenLifetimeS: config.maxTokenLifetimeS,
    ...(config.httpTls ? { tls: config.httpTls } : {}),
    log,
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log('info', 'ready', {
    url: `${config.httpTls ? 'https' : 'http'}://${config.host}:${port}/graphql`,
    membershipVersion: membership.current().version,
    agencies: membership.current().agencies.map((a) => a.id),
  });

  const stop = (signal: string) => {
    log('info', 'stopping', { signal });
    membershipWatch.stop();
    server.closeAllConnections();
    server.close(() => process.exit(0));
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((e: unknown) => {
  log('error', 'gateway failed', { error: (e as Error).message });
  process.exit(1);
});
