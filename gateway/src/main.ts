// The gateway: stateless; verifies tokens, fans queries out to every agency node, merges.
import { loadConfig } from './config.js';
import { loadMembership } from './membership-file.js';
import { createNodeClients } from './node-clients.js';
import { createGatewayServer } from './server.js';

function log(level: 'info' | 'warn' | 'error', msg: string, fields: Record<string, unknown> = {}): void {
  const line = JSON.stringify({ time: new Date().toISOString(), level, msg, service: 'gateway', ...fields });
  (level === 'info' ? process.stdout : process.stderr).write(`${line}\n`);
}

async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  let membership: ReturnType<typeof loadMembership>;
  try {
    config = loadConfig();
    membership = loadMembership(config.membershipFile);
  } catch (e) {
    process.stderr.write(`corridor gateway: cannot start: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const server = createGatewayServer({
    membership: () => membership,
    nodes: createNodeClients(membership),
    deadlineMs: config.nodeDeadlineMs,
    log,
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  log('info', 'ready', { url: `http://${config.host}:${port}/graphql`, agencies: membership.agencies.map((a) => a.id) });

  const stop = (signal: string) => {
    log('info', 'stopping', { signal });
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
