import { describe, expect, it } from 'vitest';
import { createSharedFeeds, type OpenUpstream } from './shared-feeds.js';

// Stand-in node feeds (allowed in a unit spec): each open is recorded with the token it was
// opened with; the test pushes events into it, ends or fails it, and sees whether it was aborted.
interface FakeUpstream {
  authorization: string;
  signal: AbortSignal;
  push(event: string): void;
  fail(e: Error): void;
  end(): void;
}

function node(opts: { refuse?: Error } = {}) {
  const opened: FakeUpstream[] = [];
  const open: OpenUpstream<string> = async (authorization, signal) => {
    if (opts.refuse) throw opts.refuse;
    const queue: string[] = [];
    let wake: (() => void) | null = null;
    let failure: Error | null = null;
    let ended = false;
    signal.addEventListener('abort', () => wake?.());
    opened.push({
      authorization,
      signal,
      push: (e) => {
        queue.push(e);
        wake?.();
      },
      fail: (e) => {
        failure = e;
        wake?.();
      },
      end: () => {
        ended = true;
        wake?.();
      },
    });
    return (async function* () {
      for (;;) {
        const e = queue.shift();
        if (e !== undefined) yield e;
        else if (failure) throw failure;
        else if (signal.aborted || ended) return;
        else await new Promise<void>((r) => (wake = r));
      }
    })();
  };
  return { open, opened };
}

const later = (s: number) => Math.floor(Date.now() / 1000) + s;
const hour = later(3600);

async function until(test: () => boolean): Promise<void> {
  while (!test()) await new Promise((r) => setTimeout(r, 5));
}

describe('shared feeds', () => {
  it('opens one upstream for officers the node answers alike, and sends each of them every event', async () => {
    const feeds = createSharedFeeds();
    const { open, opened } = node();
    const a = feeds.join('it', { authorization: 'Bearer a', exp: hour }, open);
    const b = feeds.join('it', { authorization: 'Bearer b', exp: hour }, open);
    const nextA = a.next();
    const nextB = b.next();
    await until(() => opened.length === 1);
    opened[0]?.push('alert-1');
    expect((await nextA).value).toBe('alert-1');
    expect((await nextB).value).toBe('alert-1');
    expect(opened).toHaveLength(1);
    expect(feeds.upstreams()).toBe(1);
    await a.return?.();
    await b.return?.();
  });

  it('keeps feeds under different keys apart', async () => {
    const feeds = createSharedFeeds();
    const { open, opened } = node();
    const italy = feeds.join('it', { authorization: 'Bearer it', exp: hour }, open);
    const niger = feeds.join('ne', { authorization: 'Bearer ne', exp: hour }, open);
    const nextItaly = italy.next();
    const nextNiger = niger.next();
    await until(() => opened.length === 2);
    expect(feeds.upstreams()).toBe(2);
    const atItaly = opened.find((u) => u.authorization === 'Bearer it');
    const atNiger = opened.find((u) => u.authorization === 'Bearer ne');
    atItaly?.push('italian');
    atNiger?.push('nigerien');
    expect((await nextItaly).value).toBe('italian');
    expect((await nextNiger).value).toBe('nigerien');
    await italy.return?.();
    await niger.return?.();
  });

  it('closes the upstream when the last officer leaves, even with no event pending', async () => {
    const feeds = createSharedFeeds();
    const { open, opened } = node();
    const a = feeds.join('it', { authorization: 'Bearer a', exp: hour }, open);
    const b = feeds.join('it', { authorization: 'Bearer b', exp: hour }, open);
    const waitingA = a.next();
    await until(() => opened.length === 1);
    await b.return?.();
    expect(opened[0]?.signal.aborted).toBe(false);
    await a.return?.();
    expect(await waitingA).toEqual({ value: undefined, done: true });
    expect(opened[0]?.signal.aborted).toBe(true);
    expect(feeds.upstreams()).toBe(0);
  });

  it("gives every waiting officer the node's refusal, and opens afresh for the next one", async () => {
    const feeds = createSharedFeeds();
    const refusal = new Error('agency it refused the feed');
    const refusing = node({ refuse: refusal });
    const a = feeds.join('it', { authorization: 'Bearer a', exp: hour }, refusing.open);
    const b = feeds.join('it', { authorization: 'Bearer b', exp: hour }, refusing.open);
    await expect(a.next()).rejects.toBe(refusal);
    await expect(b.next()).rejects.toBe(refusal);
    expect(feeds.upstreams()).toBe(0);
    const { open, opened } = node();
    const c = feeds.join('it', { authorization: 'Bearer c', exp: hour }, open);
    const nextC = c.next();
    await until(() => opened.length === 1);
    opened[0]?.push('alert');
    expect((await nextC).value).toBe('alert');
    await c.return?.();
  });

  it('ends every officer of a feed the node broke off', async () => {
    const feeds = createSharedFeeds();
    const { open, opened } = node();
    const a = feeds.join('it', { authorization: 'Bearer a', exp: hour }, open);
    const nextA = a.next();
    await until(() => opened.length === 1);
    opened[0]?.fail(new Error('node went away'));
    await expect(nextA).rejects.toThrow('node went away');
    expect(feeds.upstreams()).toBe(0);
  });

  it('ends every officer’s feed, with no error, when the node ends the feed', async () => {
    const feeds = createSharedFeeds();
    const { open, opened } = node();
    const a = feeds.join('it', { authorization: 'Bearer a', exp: hour }, open);
    const nextA = a.next();
    await until(() => opened.length === 1);
    opened[0]?.end();
    expect(await nextA).toEqual({ value: undefined, done: true });
    expect(feeds.upstreams()).toBe(0);
  });

  it("moves the upstream to a longer-lived officer's token before the first expires, losing and doubling nothing", async () => {
    const feeds = createSharedFeeds({ handoverMarginMs: 60_000 });
    const { open, opened } = node();
    // a's token expires in 2 s: the handover is due at half its remaining life.
    const a = feeds.join('it', { authorization: 'Bearer short', exp: later(2) }, open);
    const b = feeds.join('it', { authorization: 'Bearer long', exp: hour }, open);
    const seen: string[] = [];
    const reading = (async () => {
      for await (const e of b) {
        seen.push(e);
        if (e === 'after') return;
      }
    })();
    void a.next();
    await until(() => opened.length === 1);
    opened[0]?.push('before');
    await until(() => opened.length === 2);
    expect(opened[1]?.authorization).toBe('Bearer long');
    expect(opened[0]?.signal.aborted).toBe(true);
    // What the node sent on both around the switch goes out once.
    opened[1]?.push('before');
    opened[1]?.push('after');
    await reading;
    expect(seen).toEqual(['before', 'after']);
    expect(feeds.upstreams()).toBe(1);
    await a.return?.();
  });

  it('drops an officer who stopped reading, and the others keep their feed', async () => {
    class Behind extends Error {}
    const feeds = createSharedFeeds({ maxQueued: 2, overflow: () => new Behind('fell behind') });
    const { open, opened } = node();
    const slow = feeds.join('it', { authorization: 'Bearer slow', exp: hour }, open);
    const fast = feeds.join('it', { authorization: 'Bearer fast', exp: hour }, open);
    const got: string[] = [];
    const reading = (async () => {
      for await (const e of fast) {
        got.push(e);
        if (got.length === 5) return;
      }
    })();
    const firstSlow = slow.next();
    await until(() => opened.length === 1);
    for (const e of ['1', '2', '3', '4', '5']) opened[0]?.push(e);
    await reading;
    expect(got).toEqual(['1', '2', '3', '4', '5']);
    expect((await firstSlow).value).toBe('1');
    // Whatever it had queued is gone with it: the officer's console opens the feed again.
    await expect(slow.next()).rejects.toBeInstanceOf(Behind);
  });
});
