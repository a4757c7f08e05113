// This agency's release policy, read from the file its administrators edit and watched while the
// node runs. A new version takes effect within one poll, without a restart. A version that does
// not validate, names another agency or does not raise the version number is refused, logged,
// and the last good one stays in force. With no file the node releases nothing (default deny).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CorridorError, parseOrThrow, type ReleasePolicy, releasePolicy } from '@corridor/proto';
import type { Logger } from '../log.js';

export class PolicyError extends CorridorError {
  readonly code = 'POLICY_INVALID' as const;
  override readonly toCaller = false;
  constructor(message: string) {
    super(message);
    this.name = 'PolicyError';
  }
}

/** Reads and validates a policy file; throws PolicyError naming every bad field. */
export function readReleasePolicy(file: string, agency: string): ReleasePolicy {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new PolicyError(`release policy ${file}: cannot read it as JSON: ${(e as Error).message}`);
  }
  let policy: ReleasePolicy;
  try {
    policy = parseOrThrow(releasePolicy, raw, `release policy ${file}`);
  } catch (e) {
    throw new PolicyError((e as Error).message);
  }
  if (policy.agency !== agency) throw new PolicyError(`release policy ${file} is agency ${policy.agency}'s, not ${agency}'s`);
  return policy;
}

export interface PolicySource {
  current(): ReleasePolicy;
  stop(): void;
}

export function watchReleasePolicy(opts: { file: string | undefined; agency: string; pollMs: number; log: Logger }): PolicySource {
  const { file, agency, log } = opts;
  if (!file) {
    log.warn('no release policy file: nothing is released to other agencies', { variable: 'CORRIDOR_RELEASE_POLICY_FILE' });
    const none: ReleasePolicy = { agency, version: 0, rules: [] };
    return { current: () => none, stop: () => undefined };
  }
  // At start there is no last good version to fall back on: a bad file stops the node here.
  let policy = readReleasePolicy(file, agency);
  let seen = digest(file);
  log.info('release policy loaded', { version: policy.version, rules: policy.rules.length });

  const timer = setInterval(() => {
    const now = digest(file);
    if (now === seen) return;
    seen = now;
    try {
      const next = readReleasePolicy(file, agency);
      if (next.version <= policy.version)
        throw new PolicyError(`release policy version ${next.version} does not raise the version in force (${policy.version})`);
      policy = next;
      log.info('release policy updated', { version: policy.version, rules: policy.rules.length });
    } catch (e) {
      log.error('release policy refused; the last good version stays in force', {
        version: policy.version,
        error: (e as Error).message,
      });
    }
  }, opts.pollMs);
  timer.unref();
  return { current: () => policy, stop: () => clearInterval(timer) };
}

function digest(file: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}
