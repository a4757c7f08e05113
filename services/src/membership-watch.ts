// Keeps the node on the newest signed membership while it runs: every look at the source that
// found something is logged (a refused document with its reason), and a version that no longer
// lists this agency is called out, since the network will refuse its users and alerts from then on.
import { agencyOf, membershipLogLine } from '@corridor/proto';
import type { NodeConfig } from './config.js';
import type { Logger } from './log.js';

export function watchMembership(
  config: Pick<NodeConfig, 'membershipSource' | 'membershipPollMs' | 'agency'>,
  log: Logger,
): { stop(): void } {
  const { membershipSource: source, membershipPollMs: pollMs } = config;
  const agency = config.agency.id;
  log.info('membership loaded', { version: source.current().version, location: source.location, pollMs });
  source.onUpdate((next) => {
    if (!agencyOf(next, agency)) {
      log.error('this agency is not in the new membership version: partners will refuse its tokens and alerts', { version: next.version });
    }
  });
  return source.watch(pollMs, (report) => {
    const line = membershipLogLine(report);
    if (line) log[line.level](line.msg, line.fields);
  });
}
