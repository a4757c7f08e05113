// The gateway's configuration, from the environment (ARCHITECTURE.md lists every variable).
import { existsSync, readFileSync } from 'node:fs';
import { DEFAULT_MAX_TOKEN_LIFETIME_S, defaultMembershipPollMs, type Jwks, OperatorError, parseTrustAnchor } from '@corridor/proto';
import { type ServerTlsFiles, serverTlsFrom } from '@corridor/proto/graphql';

export interface GatewayConfig {
  host: string;
  port: number;
  /** HTTPS with this certificate (CORRIDOR_TLS_CERT, CORRIDOR_TLS_KEY); plain HTTP without. */
  httpTls: ServerTlsFiles | undefined;
  /**
   * The network CA (CORRIDOR_NODE_CA): when set, nodes are asked over https only and must show a
   * certificate it signed; unset, the membership's addresses are asked as they are (plain http).
   */
  nodeCaFile: string | undefined;
  /** The signed membership document: a path or an http(s) URL. */
  membershipFile: string;
  /** The secretariat's public keys, which must have signed it. */
  membershipTrust: Jwks;
  membershipPollMs: number;
  nodeDeadlineMs: number;
  /** Tokens living longer are refused (CORRIDOR_MAX_TOKEN_LIFETIME_S, default 12 hours), as at the nodes. */
  maxTokenLifetimeS: number;
}

export class ConfigError extends OperatorError {
  readonly code = 'CONFIG_INVALID' as const;
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
  const membershipPollMs = Number(env.CORRIDOR_MEMBERSHIP_POLL_MS ?? defaultMembershipPollMs(membershipFile));
  if (!Number.isInteger(membershipPollMs) || membershipPollMs < 50)
    throw new ConfigError('CORRIDOR_MEMBERSHIP_POLL_MS: must be a whole number of milliseconds, at least 50');
  const maxTokenLifetimeS = Number(env.CORRIDOR_MAX_TOKEN_LIFETIME_S ?? DEFAULT_MAX_TOKEN_LIFETIME_S);
  if (!Number.isInteger(maxTokenLifetimeS) || maxTokenLifetimeS < 60)
    throw new ConfigError('CORRIDOR_MAX_TOKEN_LIFETIME_S: must be a whole number of seconds, at least 60');
  const nodeCaFile = env.CORRIDOR_NODE_CA?.trim() || undefined;
  if (nodeCaFile !== undefined && !existsSync(nodeCaFile)) throw new ConfigError('CORRIDOR_NODE_CA: no such file');
  return {
    host: env.CORRIDOR_GATEWAY_HOST ?? '127.0.0.1',
    port,
    httpTls: serverTlsFrom(env, (variable, problem) => new ConfigError(`${variable}: ${problem}`)),
    nodeCaFile,
    membershipFile,
    membershipTrust: trustAnchor(env.CORRIDOR_MEMBERSHIP_TRUST?.trim()),
    membershipPollMs,
    nodeDeadlineMs,
    maxTokenLifetimeS,
  };
}

/** A JWKS given inline (JSON) or as the path of a JWKS file. */
function trustAnchor(value: string | undefined): Jwks {
  if (!value) throw new ConfigError('CORRIDOR_MEMBERSHIP_TRUST: is required (the secretariat’s public keys, a JWKS)');
  try {
    return parseTrustAnchor(value.startsWith('{') ? value : readFileSync(value, 'utf8'));
  } catch (e) {
    throw new ConfigError(`CORRIDOR_MEMBERSHIP_TRUST: ${(e as Error).message}`);
  }
}
