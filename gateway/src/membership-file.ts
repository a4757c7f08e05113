// The membership the gateway works with: the secretariat-signed document, verified at start and
// watched while the gateway runs, so that an agency added to it is asked from the next query on.
import { readFile } from 'node:fs/promises';
import { type MembershipSource, membershipLogLine, membershipReader, openMembershipSource } from '@corridor/proto';
import type { GatewayConfig } from './config.js';

type Log = (level: 'info' | 'warn' | 'error', msg: string, fields?: Record<string, unknown>) => void;

/** Reads and verifies the first version; throws (MembershipError) when it is not acceptable. */
export function openMembership(config: GatewayConfig): Promise<MembershipSource> {
  return openMembershipSource({
    location: config.membershipFile,
    trust: config.membershipTrust,
    read: membershipReader(config.membershipFile, (path) => readFile(path, 'utf8')),
  });
}

/** Looks at the source every poll and logs what it found; a refused document keeps the last good one. */
export function watchMembership(source: MembershipSource, pollMs: number, log: Log): { stop(): void } {
  return source.watch(pollMs, (report) => {
    const line = membershipLogLine(report);
    if (line) log(line.level, line.msg, line.fields);
  });
}
