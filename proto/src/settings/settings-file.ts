// An operator's settings: a YAML file (`--config FILE`) under CORRIDOR_* environment variables.
// The processes keep reading one flat map of CORRIDOR_* names, as they always did; this module
// only builds that map, so a deployment with env variables alone works as before and every key of
// a file has exactly one variable that overrides it. Secrets may come from files (`<NAME>_FILE`,
// or `<key>File` in the settings file) so that they stay out of the settings and the environment.
// Proto reads no files: the caller hands in the text and a reader.
import { parseDocument } from 'yaml';
import { z } from 'zod';
import { OperatorError } from '../errors.js';

export class SettingsError extends OperatorError {
  readonly code = 'CONFIG_INVALID' as const;
  override name = 'SettingsError';
}

/** How a file key becomes its variable: `path` in the file, `env` its name. */
export interface SettingKey {
  env: string;
  path: readonly string[];
  /** A file path: a relative one in the settings file is read from the settings file's folder. */
  isPath?: boolean;
  /** May be given as a file (`<env>_FILE`, or `<last path part>File` in the settings file). */
  secret?: boolean;
}

export interface ResolvedSettings {
  /** The environment with the file's keys under it and secret files read. */
  env: Record<string, string | undefined>;
  /** For each variable the environment does not set, when a file was given: its key there, to name it in later errors. */
  fromFile: Map<string, string>;
}

/** `nats.servers[1]`, as an operator finds the key in the file. */
function settingPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) out += typeof part === 'number' ? `[${part}]` : `${out ? '.' : ''}${String(part)}`;
  return out;
}

/** Parses and validates the file: every problem named by its key, as `nats.servers[1]: must be …`. */
export function readSettingsFile<S extends z.ZodType>(file: { name: string; text: string }, schema: S): z.output<S> {
  const doc = parseDocument(file.text, { prettyErrors: false, uniqueKeys: true });
  const [syntax] = doc.errors;
  if (syntax) {
    const line = file.text.slice(0, syntax.pos[0]).split('\n').length;
    throw new SettingsError(`${file.name}: line ${line}: ${syntax.message.split('\n')[0]}`);
  }
  const result = schema.safeParse(doc.toJS() ?? {});
  if (!result.success)
    throw new SettingsError(
      `${file.name}: ${result.error.issues.map((i) => (i.path.length ? `${settingPath(i.path)}: ${i.message}` : i.message)).join('; ')}`,
    );
  return result.data;
}

function at(value: unknown, path: readonly string[]): unknown {
  let v = value;
  for (const part of path) v = v !== null && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return v;
}

function asVariable(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(String).join(',');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

function secretPath(path: readonly string[]): string[] {
  return [...path.slice(0, -1), `${path.at(-1)}File`];
}

function inDir(dir: string, path: string): string {
  return path.startsWith('/') || /^[a-z][a-z0-9+.-]*:\/\//i.test(path) ? path : `${dir.replace(/\/+$/, '')}/${path}`;
}

function readSecret(read: (path: string) => string, variable: string, path: string): string {
  try {
    // Secret files usually end with a newline the secret does not have.
    return read(path).replace(/\r?\n$/, '');
  } catch (e) {
    throw new SettingsError(`${variable}: cannot read ${path}: ${(e as { code?: string }).code ?? (e as Error).message}`);
  }
}

/**
 * The variables the process reads: the environment wins over the file, key by key; a secret is
 * taken from `<NAME>` or from the file named by `<NAME>_FILE` (not both), then from the file.
 */
export function resolveSettings(input: {
  env: Record<string, string | undefined>;
  keys: readonly SettingKey[];
  /** The validated settings file and where it lies, if one was given. */
  file?: { name: string; dir: string; settings: unknown } | undefined;
  read: (path: string) => string;
}): ResolvedSettings {
  const env: Record<string, string | undefined> = { ...input.env };
  const fromFile = new Map<string, string>();
  // An empty variable is one left unset (as `VAR= command` leaves it), not a value over the file's.
  const isSet = (name: string) => (input.env[name] ?? '') !== '';
  for (const key of input.keys) {
    const fileVar = `${key.env}_FILE`;
    if (key.secret) {
      const viaFile = input.env[fileVar];
      if (isSet(key.env) && viaFile) throw new SettingsError(`${key.env} and ${fileVar}: give one of them, not both`);
      if (viaFile) {
        env[key.env] = readSecret(input.read, fileVar, viaFile);
        continue;
      }
    }
    if (isSet(key.env) || !input.file) continue;
    const { dir, name, settings } = input.file;
    // Named even when absent, so that "is required" points at the key to write.
    fromFile.set(key.env, `${name}: ${key.path.join('.')}`);
    const value = asVariable(at(settings, key.path));
    if (key.secret && value !== undefined && at(settings, secretPath(key.path)) !== undefined)
      throw new SettingsError(`${name}: ${key.path.join('.')} and ${secretPath(key.path).join('.')}: give one of them, not both`);
    if (value !== undefined) {
      env[key.env] = key.isPath ? inDir(dir, value) : value;
      continue;
    }
    const secretFile = key.secret ? asVariable(at(settings, secretPath(key.path))) : undefined;
    if (secretFile !== undefined) {
      const field = `${name}: ${secretPath(key.path).join('.')}`;
      env[key.env] = readSecret(input.read, field, inDir(dir, secretFile));
      fromFile.set(key.env, field);
    }
  }
  return { env, fromFile };
}

/** A start-up error that names a variable the file set is said in the file's terms too. */
export function nameFileKey(message: string, fromFile: ReadonlyMap<string, string>): string {
  const variable = /^(CORRIDOR_[A-Z0-9_]+)[:, ]/.exec(message)?.[1];
  const key = variable && fromFile.get(variable);
  return key ? `${key} (${message})` : message;
}

/** `--config FILE` or `--config=FILE` among the arguments; undefined without one. */
export function configArgument(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--config') {
      const next = argv[i + 1];
      if (!next || next.startsWith('--')) throw new SettingsError('--config: needs the path of a settings file');
      return next;
    }
    if (arg.startsWith('--config=')) return arg.slice('--config='.length);
  }
  return undefined;
}

/**
 * What a process starts with: its environment, under it the settings file named by `--config`
 * (relative to `cwd`) if any, with secret files read. Throws a SettingsError naming the key.
 */
export function loadSettings<S extends z.ZodType>(input: {
  argv: readonly string[];
  env: Record<string, string | undefined>;
  cwd: string;
  schema: S;
  keys: readonly SettingKey[];
  read: (path: string) => string;
}): ResolvedSettings {
  const given = configArgument(input.argv);
  if (given === undefined) return resolveSettings({ env: input.env, keys: input.keys, read: input.read });
  const name = inDir(input.cwd, given);
  let text: string;
  try {
    text = input.read(name);
  } catch (e) {
    throw new SettingsError(`--config: cannot read ${name}: ${(e as { code?: string }).code ?? (e as Error).message}`);
  }
  const settings = readSettingsFile({ name, text }, input.schema);
  const dir = name.slice(0, name.lastIndexOf('/')) || '/';
  return resolveSettings({ env: input.env, keys: input.keys, file: { name, dir, settings }, read: input.read });
}

const milliseconds = (min: number, max = Number.MAX_SAFE_INTEGER) =>
  z
    .number({ error: `must be a whole number of milliseconds from ${min}` })
    .int(`must be a whole number of milliseconds from ${min}`)
    .min(min, `must be at least ${min} ms`)
    .max(max, `must be at most ${max} ms`);

const port = z
  .number({ error: 'must be a port number' })
  .int('must be a port number')
  .min(0, 'must be a port number')
  .max(65535, 'must be a port number');
const host = z.string().trim().min(1, 'must be a host name or address');
const path = z.string().trim().min(1, 'must be a file path');

/** Field schemas the node's and the gateway's settings files share; messages say what is expected. */
export const settingField = {
  port,
  host,
  path,
  /** Where a server listens, and its certificate and key when it serves HTTPS (HTTP_TLS_SETTING_KEYS). */
  httpServer: z
    .strictObject({
      host: host.optional(),
      port: port.optional(),
      tls: z.strictObject({ certFile: path.optional(), keyFile: path.optional() }).optional(),
    })
    .optional(),
  milliseconds,
  count: (min: number, max = Number.MAX_SAFE_INTEGER) =>
    z
      .number({ error: `must be a whole number, at least ${min}` })
      .int(`must be a whole number, at least ${min}`)
      .min(min, `must be at least ${min}`)
      .max(max, `must be at most ${max}`),
  natsUrl: z
    .string()
    .trim()
    .regex(/^(nats|tls):\/\/[^\s/]+$/, 'must be a nats:// or tls:// URL'),
  logLevel: z.enum(['debug', 'info', 'warn', 'error'], { error: 'must be debug, info, warn or error' }),
  /** The signed membership and the secretariat's keys, as node and gateway both read them. */
  membership: z
    .strictObject({
      location: z.string().trim().min(1, 'must be a file path or an http(s) URL').optional(),
      trust: z.string().trim().min(1, 'must be the path of the secretariat’s JWKS file').optional(),
      pollMs: milliseconds(50).optional(),
    })
    .optional(),
};

/** The keys of `settingField.httpServer`'s certificate, as node and gateway both name them. */
export const HTTP_TLS_SETTING_KEYS: readonly SettingKey[] = [
  { env: 'CORRIDOR_TLS_CERT', path: ['http', 'tls', 'certFile'], isPath: true },
  { env: 'CORRIDOR_TLS_KEY', path: ['http', 'tls', 'keyFile'], isPath: true },
];

/** The keys of `settingField.membership`, as node and gateway both name them. */
export const MEMBERSHIP_SETTING_KEYS: readonly SettingKey[] = [
  { env: 'CORRIDOR_MEMBERSHIP_FILE', path: ['membership', 'location'], isPath: true },
  { env: 'CORRIDOR_MEMBERSHIP_TRUST', path: ['membership', 'trust'], isPath: true },
  { env: 'CORRIDOR_MEMBERSHIP_POLL_MS', path: ['membership', 'pollMs'] },
];
