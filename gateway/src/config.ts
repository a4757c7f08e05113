// The gateway's configuration, from the environment (ARCHITECTURE.md lists every variable).
export interface GatewayConfig {
  host: string;
  port: number;
  membershipFile: string;
  nodeDeadlineMs: number;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): GatewayConfig {
  const membershipFile = env.CORRIDOR_MEMBERSHIP_FILE?.trim();
  if (!membershipFile) throw new ConfigError('CORRIDOR_MEMBERSHIP_FILE: is required');
  const port = Number(env.CORRIDOR_GATEWAY_PORT ?? 4000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('CORRIDOR_GATEWAY_PORT: must be a port number');
  const nodeDeadlineMs = Number(env.CORRIDOR_NODE_DEADLINE_MS ?? 3000);
  if (!Number.isFinite(nodeDeadlineMs) || nodeDeadlineMs <= 0)
    throw new ConfigError('CORRIDOR_NODE_DEADLINE_MS: must be a positive number of milliseconds');
  return { host: env.CORRIDOR_GATEWAY_HOST ?? '127.0.0.1', port, membershipFile, nodeDeadlineMs };
}
