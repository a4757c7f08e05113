// The node's configuration, from the environment (ARCHITECTURE.md lists every variable).
import { existsSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import {
  agencyOf,
  CorridorError,
  createDelegationSigner,
  DEFAULT_MAX_TOKEN_LIFETIME_S,
  DEFAULT_SMALL_COUNT_THRESHOLD,
  DEFAULT_STALE_AFTER_DAYS,
  defaultMembershipPollMs,
  keysInUse,
  type MemberAgency,
  type Membership,
  type MembershipSource,
  membershipReader,
  type NetworkKeyring,
  openMembershipSource,
  parseNetworkKeyring,
  parseTrustAnchor,
} from '@corridor/proto';
import { type ServerTlsFiles, serverTlsFrom } from '@corridor/proto/graphql';
import type { JWK } from 'jose';
import { type KeyShareConfig, parseKeyShare, shareMismatch } from './pseudonyms/key-share.js';

export interface NodeConfig {
  agency: MemberAgency;
  /** The membership in force. Read it at each use: a new signed version replaces it while the node runs. */
  readonly membership: Membership;
  /** Where that membership comes from; main.ts watches it (config.ts only reads the first version). */
  membershipSource: MembershipSource;
  membershipPollMs: number;
  host: string;
  port: number;
  /** HTTPS with this certificate (CORRIDOR_TLS_CERT, CORRIDOR_TLS_KEY); plain HTTP without. */
  httpTls: ServerTlsFiles | undefined;
  databaseUrl: string | undefined;
  dataDir: string;
  natsServers: string[];
  natsUser: string | undefined;
  natsPassword: string | undefined;
  /** Set when the node's server is a leaf of the hub cluster: the hub's JetStream domain (bus.ts). */
  natsHubDomain: string | undefined;
  /** TLS to the node's NATS server (CORRIDOR_NATS_CA, CORRIDOR_NATS_CERT, CORRIDOR_NATS_KEY). */
  natsTls: NatsTlsFiles | undefined;
  subjectRoot: string;
  stream: string;
  signingKey: JWK;
  /** Signs delegated tokens for this agency's users (CORRIDOR_DELEGATION_KEY); its kid is listed in the membership. */
  delegationKey: JWK;
  /** The pseudonym keys by epoch (`<epoch>:<secret>[@<retire at>]`, comma-separated). */
  /** HMAC epochs (CORRIDOR_NETWORK_KEY), possibly none. */
  networkKey: NetworkKeyring;
  /** This node's share of the oblivious epoch's key, when its agency is a key holder. */
  pseudonymKeyShare: KeyShareConfig | undefined;
  seedDirectoryFile: string | undefined;
  /** The agency's release policy (proto releasePolicy); none means nothing is released. */
  releasePolicyFile: string | undefined;
  /** How often watched documents (the release policy) are checked for a new version. */
  pollMs: number;
  /** Per user and minute: identifiers pseudonymized for checks at their own node, checks answered here. */
  checksPerMinute: { pseudonymize: number; answer: number };
  /** Days after its last verification that an entry of this agency shows as stale everywhere. */
  staleAfterDays: number;
  /** Counts below it are suppressed in the agency's statistics exports (CORRIDOR_STATS_MIN_COUNT, at least 2). */
  statsMinCount: number;
  /** When the audit head is signed and sent to partners (CORRIDOR_AUDIT_HEAD_ENTRIES, CORRIDOR_AUDIT_HEAD_MS). */
  auditHeads: { everyEntries: number; everyMs: number };
  /** How often the node looks for received requests that fell due, to escalate them (CORRIDOR_CLOCK_SCAN_MS). */
  clockScanMs: number;
  /** The retention document's file (CORRIDOR_RETENTION_FILE); without one the stated defaults hold. */
  retentionFile: string | undefined;
  /** How often the node purges what has lapsed past its retention period (CORRIDOR_RETENTION_SCAN_MS, default a minute). */
  retentionScanMs: number;
  /** How often publications held while the pseudonym service could not answer are tried again (CORRIDOR_HELD_RETRY_MS). */
  heldRetryMs: number;
  /** Tokens living longer are refused (CORRIDOR_MAX_TOKEN_LIFETIME_S, default 12 hours). */
  maxTokenLifetimeS: number;
}

export interface NatsTlsFiles {
  /** The network CA the server's certificate must chain to; the system's roots when absent. */
  caFile?: string;
  /** A client certificate and its key, for a server that verifies its clients. */
  certFile?: string;
  keyFile?: string;
}

/** The node’s TLS files for NATS from the environment; none set means a plain `nats://` link. */
export function natsTlsFrom(env: NodeJS.ProcessEnv): NatsTlsFiles | undefined {
  const files: NatsTlsFiles = {};
  for (const [variable, field] of [
    ['CORRIDOR_NATS_CA', 'caFile'],
    ['CORRIDOR_NATS_CERT', 'certFile'],
    ['CORRIDOR_NATS_KEY', 'keyFile'],
  ] as const) {
    const path = env[variable] || undefined;
    if (path === undefined) continue;
    if (!existsSync(path)) throw new ConfigError(variable, 'no such file');
    files[field] = path;
  }
  if ((files.certFile === undefined) !== (files.keyFile === undefined))
    throw new ConfigError(files.certFile ? 'CORRIDOR_NATS_KEY' : 'CORRIDOR_NATS_CERT', 'a client certificate and its key go together');
  return Object.keys(files).length > 0 ? files : undefined;
}

export class ConfigError extends CorridorError {
  readonly code = 'CONFIG_INVALID' as const;
  override readonly toCaller = false;
  constructor(variable: string, problem: string) {
    super(`${variable}: ${problem}`);
    this.name = 'ConfigError';
  }
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const v = env[name]?.trim();
  if (!v) throw new ConfigError(name, 'is required');
  return v;
}

/** The secretariat's public keys: a JWKS given inline (JSON) or as the path of a JWKS file. */
function trustAnchor(env: NodeJS.ProcessEnv) {
  const value = required(env, 'CORRIDOR_MEMBERSHIP_TRUST');
  try {
    return parseTrustAnchor(value.startsWith('{') ? value : readFileSync(value, 'utf8'));
  } catch (e) {
    throw new ConfigError('CORRIDOR_MEMBERSHIP_TRUST', (e as Error).message);
  }
}

/** Opens the signed membership (a path or an http(s) URL) and verifies its first version. */
export async function openMembership(env: NodeJS.ProcessEnv): Promise<MembershipSource> {
  const location = required(env, 'CORRIDOR_MEMBERSHIP_FILE');
  const trust = trustAnchor(env);
  try {
    return await openMembershipSource({ location, trust, read: membershipReader(location, (path) => readFile(path, 'utf8')) });
  } catch (e) {
    throw new ConfigError('CORRIDOR_MEMBERSHIP_FILE', (e as Error).message);
  }
}

export async function loadConfig(env: NodeJS.ProcessEnv = process.env): Promise<NodeConfig> {
  const agencyId = required(env, 'CORRIDOR_AGENCY_ID');
  const membershipSource = await openMembership(env);
  const members = membershipSource.current();
  const agency = agencyOf(members, agencyId);
  if (!agency) throw new ConfigError('CORRIDOR_AGENCY_ID', `agency ${agencyId} is not in the membership document`);

  const port = Number(env.CORRIDOR_PORT ?? 4101);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new ConfigError('CORRIDOR_PORT', 'must be a port number');

  let signingKey: JWK;
  try {
    signingKey = JSON.parse(required(env, 'CORRIDOR_SIGNING_KEY')) as JWK;
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError('CORRIDOR_SIGNING_KEY', 'must be a private JWK in JSON');
  }
  if (!signingKey.d) throw new ConfigError('CORRIDOR_SIGNING_KEY', 'must be a private key (the JWK has no "d")');

  const delegationKey = privateJwk(env, 'CORRIDOR_DELEGATION_KEY');
  if (!delegationKey.kid) throw new ConfigError('CORRIDOR_DELEGATION_KEY', 'needs a key id (kid), as the membership lists it');
  // Tokens signed with an unlisted key would be refused at every other node: say so at start, not as 401s later.
  if (!agency.delegationKeys?.keys.some((k) => k.kid === delegationKey.kid))
    throw new ConfigError(
      'CORRIDOR_DELEGATION_KEY',
      `key ${delegationKey.kid} is not among agency ${agencyId}'s delegationKeys in the membership document`,
    );
  try {
    await createDelegationSigner(agencyId, delegationKey);
  } catch (e) {
    throw new ConfigError('CORRIDOR_DELEGATION_KEY', (e as Error).message);
  }

  // Optional since issue 18: a network whose membership names a pseudonym service needs no HMAC key,
  // and a retired epoch's key is destroyed by taking it out of here.
  let networkKey: NetworkKeyring = { epochs: [] };
  try {
    if (env.CORRIDOR_NETWORK_KEY) networkKey = parseNetworkKeyring(env.CORRIDOR_NETWORK_KEY);
  } catch (e) {
    throw new ConfigError('CORRIDOR_NETWORK_KEY', (e as Error).message);
  }
  if (keysInUse(networkKey, new Date()).length === 0 && !membershipSource.current().pseudonymService)
    throw new ConfigError(
      'CORRIDOR_NETWORK_KEY',
      'no pseudonym epoch is in use: give a network key not yet retired, or a membership that names a pseudonym service',
    );
  const service = membershipSource.current().pseudonymService;
  const clash = service && networkKey.epochs.find((e) => e.key.epoch >= service.epoch);
  // Two functions under one epoch number would give an identifier two pseudonyms that never match.
  if (clash && service)
    throw new ConfigError(
      'CORRIDOR_NETWORK_KEY',
      `HMAC epoch ${clash.key.epoch} is not below the membership's pseudonym service epoch ${service.epoch}: an HMAC epoch precedes the oblivious one`,
    );
  let pseudonymKeyShare: KeyShareConfig | undefined;
  try {
    if (env.CORRIDOR_PSEUDONYM_KEY_SHARE) pseudonymKeyShare = parseKeyShare(env.CORRIDOR_PSEUDONYM_KEY_SHARE);
  } catch (e) {
    throw new ConfigError('CORRIDOR_PSEUDONYM_KEY_SHARE', (e as Error).message);
  }
  const shareProblem = pseudonymKeyShare && shareMismatch(pseudonymKeyShare, agencyId, membershipSource.current());
  if (shareProblem) throw new ConfigError('CORRIDOR_PSEUDONYM_KEY_SHARE', shareProblem);

  const subjectRoot = env.CORRIDOR_SUBJECT_ROOT ?? 'corridor';
  if (!/^[A-Za-z0-9_-]+$/.test(subjectRoot)) throw new ConfigError('CORRIDOR_SUBJECT_ROOT', 'must be one NATS subject token');
  const natsHubDomain = env.CORRIDOR_NATS_HUB_DOMAIN || undefined;
  if (natsHubDomain !== undefined && !/^[A-Za-z0-9_-]+$/.test(natsHubDomain))
    throw new ConfigError('CORRIDOR_NATS_HUB_DOMAIN', 'must be one NATS subject token, a JetStream domain name');

  const membershipPollMs = Number(env.CORRIDOR_MEMBERSHIP_POLL_MS ?? defaultMembershipPollMs(membershipSource.location));
  if (!Number.isInteger(membershipPollMs) || membershipPollMs < 50)
    throw new ConfigError('CORRIDOR_MEMBERSHIP_POLL_MS', 'must be a whole number of milliseconds, at least 50');

  return {
    agency,
    get membership() {
      return membershipSource.current();
    },
    membershipSource,
    membershipPollMs,
    host: env.CORRIDOR_HOST ?? '127.0.0.1',
    port,
    httpTls: serverTlsFrom(env, (variable, problem) => new ConfigError(variable, problem)),
    databaseUrl: env.CORRIDOR_DATABASE_URL || undefined,
    dataDir: env.CORRIDOR_DATA_DIR ?? `.data/${agencyId}`,
    natsServers: (env.CORRIDOR_NATS_URL ?? 'nats://127.0.0.1:4222').split(',').map((s) => s.trim()),
    natsUser: env.CORRIDOR_NATS_USER || undefined,
    natsPassword: env.CORRIDOR_NATS_PASSWORD || undefined,
    natsHubDomain,
    natsTls: natsTlsFrom(env),
    subjectRoot,
    stream: env.CORRIDOR_STREAM ?? 'CORRIDOR_INBOX',
    signingKey,
    delegationKey,
    networkKey,
    pseudonymKeyShare,
    seedDirectoryFile: env.CORRIDOR_SEED_DIRECTORY || undefined,
    releasePolicyFile: env.CORRIDOR_RELEASE_POLICY_FILE || undefined,
    pollMs: pollInterval(env),
    checksPerMinute: {
      pseudonymize: positiveInt(env, 'CORRIDOR_CHECKS_PER_MINUTE', 30),
      answer: positiveInt(env, 'CORRIDOR_ANSWERED_CHECKS_PER_MINUTE', 120),
    },
    staleAfterDays: positiveInt(env, 'CORRIDOR_STALE_AFTER_DAYS', DEFAULT_STALE_AFTER_DAYS),
    // 1 would suppress nothing.
    statsMinCount: positiveInt(env, 'CORRIDOR_STATS_MIN_COUNT', DEFAULT_SMALL_COUNT_THRESHOLD, 2),
    // Rows a node can still drop unseen are those after the last head partners hold: keep both small.
    auditHeads: {
      everyEntries: boundedInt(env, 'CORRIDOR_AUDIT_HEAD_ENTRIES', 100, 1, 100),
      everyMs: boundedInt(env, 'CORRIDOR_AUDIT_HEAD_MS', 60_000, 50, 60_000),
    },
    clockScanMs: boundedInt(env, 'CORRIDOR_CLOCK_SCAN_MS', 30_000, 50, 60_000),
    retentionFile: env.CORRIDOR_RETENTION_FILE || undefined,
    retentionScanMs: boundedInt(env, 'CORRIDOR_RETENTION_SCAN_MS', 60_000, 50, 3_600_000),
    heldRetryMs: boundedInt(env, 'CORRIDOR_HELD_RETRY_MS', 5_000, 50, 300_000),
    maxTokenLifetimeS: positiveInt(env, 'CORRIDOR_MAX_TOKEN_LIFETIME_S', DEFAULT_MAX_TOKEN_LIFETIME_S, 60),
  };
}

function privateJwk(env: NodeJS.ProcessEnv, name: string): JWK {
  let key: JWK;
  try {
    key = JSON.parse(required(env, name)) as JWK;
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    throw new ConfigError(name, 'must be a private JWK in JSON');
  }
  if (!key.d) throw new ConfigError(name, 'must be a private key (the JWK has no "d")');
  return key;
}

function pollInterval(env: NodeJS.ProcessEnv): number {
  const ms = Number(env.CORRIDOR_POLICY_POLL_MS ?? 1000);
  if (!Number.isInteger(ms) || ms < 50)
    throw new ConfigError('CORRIDOR_POLICY_POLL_MS', 'must be a whole number of milliseconds, at least 50');
  return ms;
}

function positiveInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min = 1): number {
  const n = Number(env[name] ?? fallback);
  if (!Number.isInteger(n) || n < min) throw new ConfigError(name, `must be a whole number, at least ${min}`);
  return n;
}

function boundedInt(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const n = Number(env[name] ?? fallback);
  if (!Number.isInteger(n) || n < min || n > max) throw new ConfigError(name, `must be a whole number from ${min} to ${max}`);
  return n;
}
