// How long and how much the bus keeps of what is addressed to one agency and not yet in its
// node's database: the hub's transit stream (deploy/src/nats-hub-config.ts) and the agency's own
// inbox stream (services/src/bus/bus.ts) hold it under the same limits, for one reason each (given
// where they are applied). One source, so the leaf can always take in all the hub held for it.

const DAY_MS = 86_400_000;

/**
 * A week offline plus a week of grace (a long weekend on top of a week's outage, a slow repair):
 * 14 days, counted from when a stream stored the message, not from the alert's validity, which has
 * no upper bound. Size: a signed alert is at most ~8 KiB (2,000-character summary, 50 identifiers,
 * signature); 1 GiB holds ~130,000 of them, some 9,000 a day for 14 days addressed to one agency,
 * far above the network's volume. Past either limit the oldest go first (discard old), so a flood
 * cannot fill a disk.
 */
export const INBOX_RETENTION = {
  maxAgeMs: 14 * DAY_MS,
  maxBytes: 1024 ** 3,
} as const;
