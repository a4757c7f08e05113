// One upstream feed per release, however many officers watch it. Officers whose feeds the node
// would answer alike (same node, same agency, same roles and networks, same filter; the route
// filter is the user's own, so a filtered feed is shared by that user's own consoles only) share
// one subscription at the node, and the gateway copies each event to them. What a shared feed
// carries is what any one of them would have been sent on a feed of their own: the key holds
// everything the node's release for the feed reads of a token (services alerts/schema.ts).
//
// The upstream is opened with one member's token. The node ends it when that token expires, so
// before it does the feed is reopened with the member token that lives longest, and the old one
// closed only once the new one is open: no event falls between them, and one seen on both is
// passed on once. Each member's own feed still ends at its own token's expiry (untilTokenExpiry).

export interface FeedMember {
  authorization: string;
  /** The member's token's expiry, in seconds since the epoch. */
  exp: number;
}

/** Opens the feed at the node with this token; throws when the node refuses it. */
export type OpenUpstream<T> = (authorization: string, signal: AbortSignal) => Promise<AsyncIterable<T>>;

export interface SharedFeedsOptions {
  /** A member this far behind (events queued, unread) is dropped with an error. */
  maxQueued?: number;
  /** The upstream is moved to a longer-lived token this long before its own token expires. */
  handoverMarginMs?: number;
  /** What a member dropped for falling behind is told (a FeedOverflowError by default). */
  overflow?: () => unknown;
  now?: () => number;
}

export class FeedOverflowError extends Error {
  override name = 'FeedOverflowError';
}

interface Member<T> extends FeedMember {
  queue: T[];
  wake: (() => void) | null;
  failure: unknown;
  ended: boolean;
}

interface Upstream {
  exp: number;
  abort: AbortController;
}

interface Group<T> {
  members: Set<Member<T>>;
  open: OpenUpstream<T>;
  current: Upstream | null;
  /** Resolves once the first upstream is open; rejects with the node's refusal. */
  opened: Promise<void>;
  /** Events passed on recently, by content: an event both upstreams carry during a handover goes out once. */
  recent: Map<string, number>;
  handoverTimer: ReturnType<typeof setTimeout> | undefined;
}

const RECENT_MS = 10_000;
/** The node's clock and ours may differ a little on when a token expired. */
const EXPIRY_SKEW_MS = 5_000;

export interface SharedFeeds {
  /** The events of the feed under `key`, from the moment the upstream is open, until `signal` or a failure. */
  join<T>(key: string, member: FeedMember, open: OpenUpstream<T>): AsyncIterableIterator<T>;
  /** Upstream feeds open now (for operators and tests). */
  upstreams(): number;
}

export function createSharedFeeds(opts: SharedFeedsOptions = {}): SharedFeeds {
  const maxQueued = opts.maxQueued ?? 1000;
  const marginMs = opts.handoverMarginMs ?? 30_000;
  const now = opts.now ?? Date.now;
  const overflow = opts.overflow ?? (() => new FeedOverflowError('this feed fell too far behind the alerts and was closed; open it again'));
  // biome-ignore lint/suspicious/noExplicitAny: one map for feeds of any event type; each key is used with one type
  const groups = new Map<string, Group<any>>();

  function deliver<T>(group: Group<T>, event: T, fromHandover: boolean) {
    const text = JSON.stringify(event);
    const t = now();
    for (const [k, at] of group.recent) {
      if (t - at <= RECENT_MS) break;
      group.recent.delete(k);
    }
    if (fromHandover && group.recent.has(text)) return;
    group.recent.delete(text);
    group.recent.set(text, t);
    for (const m of group.members) {
      if (m.ended) continue;
      if (m.queue.length >= maxQueued) {
        fail(m, overflow());
        continue;
      }
      m.queue.push(event);
      m.wake?.();
    }
  }

  function fail<T>(m: Member<T>, e: unknown) {
    m.failure = e;
    m.ended = true;
    m.queue.length = 0;
    m.wake?.();
  }

  function close<T>(key: string, group: Group<T>, failure: unknown) {
    if (groups.get(key) === group) groups.delete(key);
    clearTimeout(group.handoverTimer);
    group.current?.abort.abort();
    group.current = null;
    for (const m of group.members) fail(m, failure);
  }

  /** The member whose token lives longest: the one the upstream is opened with. */
  function longestLived<T>(group: Group<T>): Member<T> | undefined {
    let best: Member<T> | undefined;
    for (const m of group.members) if (!m.ended && (!best || m.exp > best.exp)) best = m;
    return best;
  }

  /** Opens an upstream with `member`'s token and pumps it; resolves once it is open. */
  async function start<T>(key: string, group: Group<T>, member: FeedMember, handover: boolean): Promise<void> {
    const upstream: Upstream = { exp: member.exp, abort: new AbortController() };
    const events = await group.open(member.authorization, upstream.abort.signal);
    if (groups.get(key) !== group || group.members.size === 0) {
      upstream.abort.abort();
      return;
    }
    const previous = group.current;
    group.current = upstream;
    previous?.abort.abort();
    scheduleHandover(key, group);
    void (async () => {
      const handoverUntil = handover ? now() + RECENT_MS : 0;
      try {
        for await (const event of events) deliver(group, event, now() < handoverUntil);
        // The node ended the feed (it is shutting down, say): so does every member's, as before
        // sharing; the console opens it again.
        if (group.current === upstream) close(key, group, undefined);
      } catch (e) {
        if (group.current !== upstream) return; // replaced: its end is expected
        const next = longestLived(group);
        // The token the upstream was opened with expired at the node (the handover could not
        // happen in time): reopened at once with a member's token that still lives.
        if (next && upstream.exp * 1000 <= now() + EXPIRY_SKEW_MS && next.exp > upstream.exp) {
          group.current = null;
          start(key, group, next, true).catch((err: unknown) => close(key, group, err));
        } else close(key, group, e);
      }
    })();
  }

  function scheduleHandover<T>(key: string, group: Group<T>) {
    clearTimeout(group.handoverTimer);
    const upstream = group.current;
    if (!upstream) return;
    const left = upstream.exp * 1000 - now();
    const at = Math.max(0, left - Math.min(marginMs, left / 2));
    group.handoverTimer = setTimeout(
      () => {
        if (group.current !== upstream) return;
        const next = longestLived(group);
        if (!next || next.exp <= upstream.exp) {
          // No member lives longer yet: looked at again when one joins.
          group.handoverTimer = undefined;
          return;
        }
        start(key, group, next, true).catch(() => {
          // The old upstream still runs until its token expires; its end closes the feed then.
        });
      },
      Math.min(at, 2 ** 31 - 1),
    );
  }

  return {
    join<T>(key: string, member: FeedMember, open: OpenUpstream<T>): AsyncIterableIterator<T> {
      let group = groups.get(key) as Group<T> | undefined;
      const me: Member<T> = { ...member, queue: [], wake: null, failure: undefined, ended: false };
      if (!group) {
        const created: Group<T> = {
          members: new Set([me]),
          open,
          current: null,
          opened: Promise.resolve(),
          recent: new Map(),
          handoverTimer: undefined,
        };
        groups.set(key, created);
        created.opened = start(key, created, member, false).catch((e: unknown) => {
          close(key, created, e);
          throw e;
        });
        group = created;
      } else {
        group.members.add(me);
        // A member that lives longer than the upstream's token, after the handover time has
        // passed with no one to hand over to: hand over now.
        if (group.current && group.handoverTimer === undefined && member.exp > group.current.exp) scheduleHandover(key, group);
      }
      const joined = group;
      const leave = () => {
        me.ended = true;
        me.queue.length = 0;
        me.wake?.();
        if (joined.members.delete(me) && joined.members.size === 0) close(key, joined, undefined);
      };
      // An iterator of its own rather than an async generator: a generator waiting for the next
      // event could not be ended until one came, and a closed console would hold its place till then.
      const iterator: AsyncIterableIterator<T> = {
        async next(): Promise<IteratorResult<T>> {
          await joined.opened;
          for (;;) {
            const event = me.queue.shift();
            if (event !== undefined) return { value: event, done: false };
            if (me.ended) {
              const failure = me.failure;
              me.failure = undefined;
              leave();
              if (failure !== undefined) throw failure;
              return { value: undefined, done: true };
            }
            await new Promise<void>((resolve) => {
              me.wake = resolve;
            });
            me.wake = null;
          }
        },
        async return(): Promise<IteratorResult<T>> {
          leave();
          return { value: undefined, done: true };
        },
        [Symbol.asyncIterator]() {
          return iterator;
        },
      };
      return iterator;
    },
    upstreams: () => groups.size,
  };
}
