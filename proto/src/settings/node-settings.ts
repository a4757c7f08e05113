// The node's settings file (`corridor node --config FILE`): its schema and, for each key, the
// CORRIDOR_* variable that overrides it. config.ts validates the merged variables as before.
import { z } from 'zod';
import {
  HTTP_TLS_SETTING_KEYS,
  loadSettings,
  MEMBERSHIP_SETTING_KEYS,
  type ResolvedSettings,
  type SettingKey,
  SettingsError,
  settingField,
} from './settings-file.js';

const secret = (what: string) => z.string().min(1, `must be ${what}`).optional();
const secretFile = settingField.path.optional();

export const nodeSettings = z.strictObject({
  // Every key may be left to its variable, so none is required here: config.ts says what is missing.
  agency: z.string().trim().min(1, 'must be the agency id the membership lists').optional(),
  http: settingField.httpServer,
  database: z
    .strictObject({
      url: z
        .string()
        .trim()
        .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
        .optional(),
      password: secret('the database password'),
      passwordFile: secretFile,
      dataDir: settingField.path.optional(),
    })
    .optional(),
  nats: z
    .strictObject({
      servers: z.array(settingField.natsUrl).min(1, 'must list at least one server').optional(),
      user: z.string().trim().min(1, 'must be the node’s NATS user').optional(),
      password: secret('the NATS password'),
      passwordFile: secretFile,
      subjectRoot: z
        .string()
        .regex(/^[A-Za-z0-9_-]+$/, 'must be one NATS subject token')
        .optional(),
      stream: z.string().trim().min(1, 'must be a stream name').optional(),
      hubDomain: z
        .string()
        .regex(/^[A-Za-z0-9_-]+$/, 'must be one NATS subject token, a JetStream domain name')
        .optional(),
      /** TLS to the agency's own NATS server: the network CA the membership pins, and a client certificate where the server asks for one. */
      tls: z
        .strictObject({
          caFile: settingField.path.optional(),
          certFile: settingField.path.optional(),
          keyFile: settingField.path.optional(),
        })
        .optional(),
    })
    .optional(),
  membership: settingField.membership,
  keys: z
    .strictObject({
      signing: z.record(z.string(), z.unknown()).optional(),
      signingFile: secretFile,
      delegation: z.record(z.string(), z.unknown()).optional(),
      delegationFile: secretFile,
      network: secret(
        'the HMAC network keys still in use, <epoch>:<secret>[@<retire at>], comma-separated (none once the pseudonym service took over)',
      ),
      networkFile: secretFile,
      /** A key holder's share of the oblivious epoch's key (issue 18), <epoch>:<index>:<secret>. */
      pseudonymShare: secret(
        "this agency's share of the pseudonym key, <epoch>:<index>:<secret>, when the membership names it a key holder",
      ),
      pseudonymShareFile: secretFile,
    })
    .optional(),
  releasePolicy: z.strictObject({ file: settingField.path.optional(), pollMs: settingField.milliseconds(50).optional() }).optional(),
  directory: z.strictObject({ seedFile: settingField.path.optional(), staleAfterDays: settingField.count(1).optional() }).optional(),
  limits: z
    .strictObject({
      checksPerMinute: settingField.count(1).optional(),
      answeredChecksPerMinute: settingField.count(1).optional(),
      maxTokenLifetimeS: settingField.count(60).optional(),
    })
    .optional(),
  statistics: z.strictObject({ minCount: settingField.count(2).optional() }).optional(),
  audit: z
    .strictObject({ headEntries: settingField.count(1, 100).optional(), headMs: settingField.milliseconds(50, 60_000).optional() })
    .optional(),
  /** The retention document (proto retention.ts) and how often the node purges what it says has lapsed. */
  retention: z.strictObject({ file: settingField.path.optional(), scanMs: settingField.milliseconds(50, 3_600_000).optional() }).optional(),
  requests: z.strictObject({ clockScanMs: settingField.milliseconds(50, 60_000).optional() }).optional(),
  log: z.strictObject({ level: settingField.logLevel.optional() }).optional(),
});

export const NODE_SETTING_KEYS: readonly SettingKey[] = [
  { env: 'CORRIDOR_AGENCY_ID', path: ['agency'] },
  { env: 'CORRIDOR_HOST', path: ['http', 'host'] },
  { env: 'CORRIDOR_PORT', path: ['http', 'port'] },
  ...HTTP_TLS_SETTING_KEYS,
  { env: 'CORRIDOR_DATABASE_URL', path: ['database', 'url'] },
  { env: 'CORRIDOR_DATABASE_PASSWORD', path: ['database', 'password'], secret: true },
  { env: 'CORRIDOR_DATA_DIR', path: ['database', 'dataDir'], isPath: true },
  { env: 'CORRIDOR_NATS_URL', path: ['nats', 'servers'] },
  { env: 'CORRIDOR_NATS_USER', path: ['nats', 'user'] },
  { env: 'CORRIDOR_NATS_PASSWORD', path: ['nats', 'password'], secret: true },
  { env: 'CORRIDOR_SUBJECT_ROOT', path: ['nats', 'subjectRoot'] },
  { env: 'CORRIDOR_STREAM', path: ['nats', 'stream'] },
  { env: 'CORRIDOR_NATS_HUB_DOMAIN', path: ['nats', 'hubDomain'] },
  { env: 'CORRIDOR_NATS_CA', path: ['nats', 'tls', 'caFile'], isPath: true },
  { env: 'CORRIDOR_NATS_CERT', path: ['nats', 'tls', 'certFile'], isPath: true },
  { env: 'CORRIDOR_NATS_KEY', path: ['nats', 'tls', 'keyFile'], isPath: true },
  ...MEMBERSHIP_SETTING_KEYS,
  { env: 'CORRIDOR_SIGNING_KEY', path: ['keys', 'signing'], secret: true },
  { env: 'CORRIDOR_DELEGATION_KEY', path: ['keys', 'delegation'], secret: true },
  { env: 'CORRIDOR_NETWORK_KEY', path: ['keys', 'network'], secret: true },
  { env: 'CORRIDOR_PSEUDONYM_KEY_SHARE', path: ['keys', 'pseudonymShare'], secret: true },
  { env: 'CORRIDOR_RELEASE_POLICY_FILE', path: ['releasePolicy', 'file'], isPath: true },
  { env: 'CORRIDOR_POLICY_POLL_MS', path: ['releasePolicy', 'pollMs'] },
  { env: 'CORRIDOR_SEED_DIRECTORY', path: ['directory', 'seedFile'], isPath: true },
  { env: 'CORRIDOR_STALE_AFTER_DAYS', path: ['directory', 'staleAfterDays'] },
  { env: 'CORRIDOR_CHECKS_PER_MINUTE', path: ['limits', 'checksPerMinute'] },
  { env: 'CORRIDOR_ANSWERED_CHECKS_PER_MINUTE', path: ['limits', 'answeredChecksPerMinute'] },
  { env: 'CORRIDOR_MAX_TOKEN_LIFETIME_S', path: ['limits', 'maxTokenLifetimeS'] },
  { env: 'CORRIDOR_STATS_MIN_COUNT', path: ['statistics', 'minCount'] },
  { env: 'CORRIDOR_AUDIT_HEAD_ENTRIES', path: ['audit', 'headEntries'] },
  { env: 'CORRIDOR_AUDIT_HEAD_MS', path: ['audit', 'headMs'] },
  { env: 'CORRIDOR_CLOCK_SCAN_MS', path: ['requests', 'clockScanMs'] },
  { env: 'CORRIDOR_RETENTION_FILE', path: ['retention', 'file'], isPath: true },
  { env: 'CORRIDOR_RETENTION_SCAN_MS', path: ['retention', 'scanMs'] },
  { env: 'CORRIDOR_LOG_LEVEL', path: ['log', 'level'] },
];

/**
 * The variables the node starts with. The database password, kept apart from the URL so that it
 * can live in a file, goes into the URL here, where nothing logs it.
 */
export function resolveNodeSettings(input: {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  cwd: string;
  read: (path: string) => string;
}): ResolvedSettings {
  const resolved = loadSettings({ ...input, schema: nodeSettings, keys: NODE_SETTING_KEYS });
  const password = resolved.env.CORRIDOR_DATABASE_PASSWORD;
  if (password === undefined) return resolved;
  const url = resolved.env.CORRIDOR_DATABASE_URL;
  if (!url) throw new SettingsError('CORRIDOR_DATABASE_PASSWORD: needs CORRIDOR_DATABASE_URL (the password is for that database)');
  const withPassword = new URL(url);
  if (withPassword.password)
    throw new SettingsError('CORRIDOR_DATABASE_PASSWORD: CORRIDOR_DATABASE_URL carries a password already; give it in one place');
  withPassword.password = encodeURIComponent(password);
  return { ...resolved, env: { ...resolved.env, CORRIDOR_DATABASE_URL: withPassword.toString() } };
}
