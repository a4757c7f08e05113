// The membership in force in a running node or gateway, and how a new signed version replaces it
// without a restart: the source is read again at an interval; when its content changed it is
// verified and validated, and it must raise the version. Then it replaces the old one in a single
// assignment (every reader sees the old or the new document, never a mix); anything else is
// refused and the last good version stays in force. Reading is given by the caller (a file at a
// node, an HTTP fetch): proto itself does no I/O.
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import type { Jwks } from './fields.js';
import type { Membership } from './membership.js';
import { checkSuccessor, MembershipError, type MembershipRefusal, openSignedMembership } from './membership-signature.js';

/** What one look at the source found. */
export type MembershipReport =
  | { outcome: 'unchanged' }
  | { outcome: 'updated'; version: number; previousVersion: number; sha256: string }
  | { outcome: 'refused'; reason: MembershipRefusal; message: string; sha256: string; versionInForce: number }
  /** `repeated`: the same failure as the look before, so a caller may log it once. */
  | { outcome: 'unreadable'; message: string; repeated: boolean };

export interface MembershipSource {
  /** Where the document is read from (a path or a URL), for log lines. */
  readonly location: string;
  /** The membership in force. Call it at each use: it changes while the process runs. */
  current(): Membership;
  /** Reads the source once and takes a new version if there is one. */
  refresh(): Promise<MembershipReport>;
  /** Refreshes every `intervalMs` (the timer does not keep the process alive) until stopped. */
  watch(intervalMs: number, report: (r: MembershipReport) => void): { stop(): void };
  /** Told after each new version took effect. Listeners must not throw. */
  onUpdate(listener: (next: Membership, previous: Membership) => void): void;
}

interface MembershipSourceOptions {
  location: string;
  read: () => Promise<string>;
  /** The secretariat's public keys. */
  trust: Jwks;
}

const digest = (text: string) => bytesToHex(sha256(new TextEncoder().encode(text)));

/** Reads and verifies the first version; throws MembershipError when it is not acceptable. */
export async function openMembershipSource(opts: MembershipSourceOptions): Promise<MembershipSource> {
  const { location, read, trust } = opts;
  let text: string;
  try {
    text = await read();
  } catch (e) {
    throw new MembershipError('unreadable', `cannot read the membership document at ${location}: ${(e as Error).message}`);
  }
  let current: Membership;
  try {
    current = await openSignedMembership(text, trust);
  } catch (e) {
    if (e instanceof MembershipError) throw new MembershipError(e.reason, `${location}: ${e.message}`);
    throw e;
  }
  let inForce = digest(text);
  // The last content looked at, accepted or not: an unchanged source costs one hash, and a refused
  // document is refused (and reported) once, not at every look.
  let lastSeen = inForce;
  let lastReadError: string | undefined;
  let inFlight: Promise<MembershipReport> | undefined;
  const listeners: ((next: Membership, previous: Membership) => void)[] = [];

  const look = async (): Promise<MembershipReport> => {
    let next: string;
    try {
      next = await read();
    } catch (e) {
      const message = `cannot read the membership document at ${location}: ${(e as Error).message}`;
      const repeated = message === lastReadError;
      lastReadError = message;
      return { outcome: 'unreadable', message, repeated };
    }
    lastReadError = undefined;
    const hash = digest(next);
    if (hash === lastSeen) return { outcome: 'unchanged' };
    lastSeen = hash;
    // The version in force, put back after a refused one: nothing to take, nothing to refuse.
    if (hash === inForce) return { outcome: 'unchanged' };
    let candidate: Membership;
    try {
      candidate = await openSignedMembership(next, trust);
      checkSuccessor(current, candidate);
    } catch (e) {
      if (!(e instanceof MembershipError)) throw e;
      return { outcome: 'refused', reason: e.reason, message: e.message, sha256: hash, versionInForce: current.version };
    }
    const previous = current;
    current = candidate;
    inForce = hash;
    for (const listener of listeners) listener(current, previous);
    return { outcome: 'updated', version: current.version, previousVersion: previous.version, sha256: hash };
  };

  const source: MembershipSource = {
    location,
    current: () => current,
    refresh() {
      // One look at a time: a slow read (a URL) must not overlap the next tick.
      inFlight ??= look().finally(() => {
        inFlight = undefined;
      });
      return inFlight;
    },
    watch(intervalMs, report) {
      // A check already under way when the watch stops still finishes, but reports nothing.
      let stopped = false;
      const tell = (r: MembershipReport) => {
        if (!stopped) report(r);
      };
      const timer = setInterval(() => {
        source
          .refresh()
          .then(tell, (e: unknown) =>
            tell({ outcome: 'unreadable', message: `membership check failed: ${(e as Error).message}`, repeated: false }),
          );
      }, intervalMs);
      (timer as { unref?: () => void }).unref?.();
      return {
        stop: () => {
          stopped = true;
          clearInterval(timer);
        },
      };
    },
    onUpdate(listener) {
      listeners.push(listener);
    },
  };
  return source;
}

/**
 * A reader for a membership location: an http(s) URL is fetched (production: the secretariat
 * publishes it), anything else is a path read with the caller's `readFile`.
 */
export function membershipReader(location: string, readFile: (path: string) => Promise<string>, timeoutMs = 5000): () => Promise<string> {
  if (/^https?:\/\//i.test(location)) {
    return async () => {
      const res = await fetch(location, {
        signal: AbortSignal.timeout(timeoutMs),
        headers: { accept: 'application/json' },
        cache: 'no-store',
      });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return res.text();
    };
  }
  return () => readFile(location);
}

/** How often to look again when not configured: a local file is cheap, a secretariat's server is not ours to hammer. */
export function defaultMembershipPollMs(location: string): number {
  return /^https?:\/\//i.test(location) ? 30_000 : 1000;
}

/** The log line for a look at the membership source, or null when there is nothing to say. */
export function membershipLogLine(
  r: MembershipReport,
): { level: 'info' | 'warn' | 'error'; msg: string; fields: Record<string, unknown> } | null {
  switch (r.outcome) {
    case 'unchanged':
      return null;
    case 'updated':
      return {
        level: 'info',
        msg: 'membership updated',
        fields: { version: r.version, previousVersion: r.previousVersion, sha256: r.sha256 },
      };
    case 'refused':
      return {
        level: 'error',
        msg: 'membership document refused; the last good version stays in force',
        fields: { reason: r.reason, error: r.message, versionInForce: r.versionInForce, sha256: r.sha256 },
      };
    case 'unreadable':
      return r.repeated
        ? null
        : { level: 'warn', msg: 'membership document unreadable; the last good version stays in force', fields: { error: r.message } };
  }
}
