// The node's link to NATS JetStream. The node starts and answers even while NATS is unreachable:
// the connection retries for ever, and the outbox and inbox pick up when it is there. The stream
// is the agency's own inbox, in its own NATS account: partners' messages land in it through the
// account's exports (deploy/src/nats-config.ts), and the publish ack travels back to the sender.
// On a leaf server (deploy/src/nats-hub-config.ts) partners' messages land on the hub instead, and
// the stream sources them from there across JetStream domains.

import { INBOX_RETENTION, inboxFilterFor } from '@corridor/proto';
import {
  DiscardPolicy,
  type JetStreamClient,
  type JetStreamManager,
  jetstream,
  jetstreamManager,
  StorageType,
  type StreamConfig,
  type StreamInfo,
} from '@nats-io/jetstream';
import { connect, type NatsConnection, nanos } from '@nats-io/transport-node';
import type { Logger } from '../log.js';

export interface BusOptions {
  servers: string[];
  user?: string | undefined;
  password?: string | undefined;
  name: string;
  /** The agency whose inbox the stream holds. */
  agency: string;
  stream: string;
  subjectRoot: string;
  /** On a leaf server of the hub-and-leaves topology: the hub's JetStream domain (inboxStreamConfig). */
  hubDomain?: string | undefined;
  /** TLS files (a `tls://` server requires TLS; a CA file pins the network's CA instead of the system's). */
  tls?: { caFile?: string; certFile?: string; keyFile?: string } | undefined;
  /** The stream's max_age from the retention document (inbox_stream); INBOX_RETENTION's 14 days when absent. */
  maxAgeMs?: number | undefined;
}

export interface Bus {
  /** Resolves once connected and the stream exists; rejects only on close. */
  ready(): Promise<{ nc: NatsConnection; js: JetStreamClient; jsm: JetStreamManager }>;
  connected(): boolean;
  /** Makes sure the stream exists again, e.g. after the server lost it; cheap when it does. */
  ensureStream(): Promise<void>;
  close(): Promise<void>;
}

const DUPLICATE_WINDOW_MS = 2 * 60_000;

export function createBus(opts: BusOptions, log: Logger): Bus {
  let nc: NatsConnection | undefined;
  let closed = false;
  let isConnected = false;

  const readyPromise = (async () => {
    for (let attempt = 1; !closed; attempt++) {
      try {
        nc = await connect({
          servers: opts.servers,
          name: opts.name,
          ...(opts.user ? { user: opts.user, pass: opts.password ?? '' } : {}),
          ...(opts.tls ? { tls: { ...opts.tls } } : {}),
          maxReconnectAttempts: -1,
          reconnectTimeWait: 500,
          timeout: 2000,
        });
        break;
      } catch (e) {
        if (attempt === 1 || attempt % 20 === 0) log.warn('nats unreachable, retrying', { error: (e as Error).message, attempt });
        await new Promise((r) => setTimeout(r, 500));
      }
    }
    if (!nc) throw new Error('bus closed before connecting');
    isConnected = true;
    log.info('nats connected', { server: nc.getServer() });
    (async () => {
      for await (const s of (nc as NatsConnection).status()) {
        if (s.type === 'disconnect') {
          isConnected = false;
          log.warn('nats disconnected');
        } else if (s.type === 'reconnect') {
          isConnected = true;
          log.info('nats reconnected');
        }
      }
    })().catch(() => undefined);
    const jsm = await ensureStream(nc, opts, log);
    return { nc, js: jetstream(nc), jsm };
  })();
  readyPromise.catch(() => undefined);

  return {
    ready: () => readyPromise,
    connected: () => isConnected,
    async ensureStream() {
      const { nc } = await readyPromise;
      await ensureStream(nc, opts, log);
    },
    async close() {
      closed = true;
      if (nc && !nc.isClosed()) await nc.drain().catch(() => nc?.close());
    },
  };
}

/**
 * The inbox stream's limits (its max_age: the retention document's inbox_stream). The node consumes the stream into PostgreSQL, so the stream is only a
 * buffer in front of it: what the node has stored needs no copy here. But a node down for a week
 * (the database's host replaced, a long holiday with no operator) must lose nothing: messages wait
 * here for as long as on the hub (14 days), and the stream takes as many bytes as the hub's transit
 * stream may hold, so a leaf back after a week takes in all the hub kept for it. Past either limit
 * the oldest go first, so neither a flood nor a node that never comes back fills the disk. The same
 * holds on a server of its own, where the stream is also the only copy before the database.
 */
export function inboxStreamLimits(maxAgeMs: number = INBOX_RETENTION.maxAgeMs) {
  return {
    // The retention document may shorten the buffer, never lengthen it past the hub's.
    max_age: nanos(Math.min(maxAgeMs, INBOX_RETENTION.maxAgeMs)),
    max_bytes: INBOX_RETENTION.maxBytes,
    discard: DiscardPolicy.Old,
  } as const;
}

/**
 * The agency's inbox stream: on a server of its own, the subjects partners publish to; on a leaf
 * of the hub, no subjects (a publish must land on the hub once, not also here) and a source, the
 * transit stream of the same name in the hub's domain.
 */
export function inboxStreamConfig(
  opts: Pick<BusOptions, 'stream' | 'subjectRoot' | 'agency' | 'hubDomain' | 'maxAgeMs'>,
): Partial<StreamConfig> & { name: string } {
  return {
    name: opts.stream,
    ...(opts.hubDomain
      ? { sources: [{ name: opts.stream, domain: opts.hubDomain }] }
      : { subjects: [inboxFilterFor(opts.subjectRoot, opts.agency)] }),
    storage: StorageType.File,
    duplicate_window: nanos(DUPLICATE_WINDOW_MS),
    ...inboxStreamLimits(opts.maxAgeMs),
  };
}

/** Whether a stream made before the limits (or changed by hand) needs them set again. */
export function lacksInboxLimits(config: Pick<StreamInfo['config'], 'max_age' | 'max_bytes' | 'discard'>, maxAgeMs?: number): boolean {
  const limits = inboxStreamLimits(maxAgeMs);
  return (Object.keys(limits) as (keyof typeof limits)[]).some((k) => config[k] !== limits[k]);
}

async function ensureStream(nc: NatsConnection, opts: BusOptions, log: Logger): Promise<JetStreamManager> {
  for (;;) {
    try {
      const jsm = await jetstreamManager(nc);
      const existing = await jsm.streams.info(opts.stream).catch(() => undefined);
      if (!existing) {
        await jsm.streams.add(inboxStreamConfig(opts));
        log.info('stream created', { stream: opts.stream });
      } else if (lacksInboxLimits(existing.config, opts.maxAgeMs)) {
        // A stream of an older version, which had none, or a retention document that changed: limits apply from now on.
        const limits = inboxStreamLimits(opts.maxAgeMs);
        await jsm.streams.update(opts.stream, limits);
        log.info('stream limits set', { stream: opts.stream, maxAgeMs: limits.max_age / 1_000_000, maxBytes: limits.max_bytes });
      }
      return jsm;
    } catch (e) {
      if (nc.isClosed()) throw e;
      // Another node may be creating the same stream at the same moment, or JetStream is not up yet.
      log.warn('stream not ready, retrying', { stream: opts.stream, error: (e as Error).message });
      await new Promise((r) => setTimeout(r, 500));
    }
  }
}
