// This agency's retention document (proto retention.ts), read from the file its administrators
// edit and watched while the node runs, as the release policy is: a new version takes effect at
// the next purge, without a restart; one that does not validate, names another agency or does not
// raise the version is refused, logged, and the last good one stays in force. With no file the
// stated defaults hold (RETENTION_DEFAULTS, THREAT-MODEL.md).
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { CorridorError, defaultRetention, parseOrThrow, type RetentionDocument, retentionDocument } from '@corridor/proto';
import type { Logger } from '../log.js';

export class RetentionError extends CorridorError {
  readonly code = 'RETENTION_INVALID' as const;
  override readonly toCaller = false;
  constructor(message: string) {
    super(message);
    this.name = 'RetentionError';
  }
}

/** Reads and validates a retention file; throws RetentionError naming every bad field. */
export function readRetention(file: string, agency: string): RetentionDocument {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new RetentionError(`retention document ${file}: cannot read it as JSON: ${(e as Error).message}`);
  }
  let doc: RetentionDocument;
  try {
    doc = parseOrThrow(retentionDocument, raw, `retention document ${file}`);
  } catch (e) {
    throw new RetentionError((e as Error).message);
  }
  if (doc.agency !== agency) throw new RetentionError(`retention document ${file} is agency ${doc.agency}'s, not ${agency}'s`);
  return doc;
}

export interface RetentionSource {
  current(): RetentionDocument;
  stop(): void;
}

export function watchRetention(opts: { file: string | undefined; agency: string; pollMs: number; log: Logger }): RetentionSource {
  const { file, agency, log } = opts;
  if (!file) {
    const defaults = defaultRetention(agency);
    log.info('no retention document: the default periods hold', { variable: 'CORRIDOR_RETENTION_FILE', periods: defaults.periods });
    return { current: () => defaults, stop: () => undefined };
  }
  // At start there is no last good version to fall back on: a bad file stops the node here.
  let doc = readRetention(file, agency);
  let seen = digest(file);
  log.info('retention document loaded', { version: doc.version, periods: doc.periods });
  const timer = setInterval(() => {
    const now = digest(file);
    if (now === seen) return;
    seen = now;
    try {
      const next = readRetention(file, agency);
      if (next.version <= doc.version)
        throw new RetentionError(`retention document version ${next.version} does not raise the version in force (${doc.version})`);
      doc = next;
      log.info('retention document updated', { version: doc.version, periods: doc.periods });
    } catch (e) {
      log.error('retention document refused; the last good version stays in force', { version: doc.version, error: (e as Error).message });
    }
  }, opts.pollMs);
  timer.unref();
  return { current: () => doc, stop: () => clearInterval(timer) };
}

function digest(file: string): string | null {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return null;
  }
}
