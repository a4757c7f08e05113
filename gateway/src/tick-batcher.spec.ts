import { describe, expect, it } from 'vitest';
import { tickBatcher } from './tick-batcher.js';

/** A `send` that records each batch and answers when released. */
function recorder() {
  const batches: number[][] = [];
  const releases: (() => void)[] = [];
  const send = (items: number[]) => {
    batches.push(items);
    return new Promise<number[]>((resolve) => releases.push(() => resolve(items.map((i) => i * 10))));
  };
  return { batches, releases, send };
}

describe('tickBatcher', () => {
  it('sends a lone call at once, and the calls made while it is under way together after it', async () => {
    const { batches, releases, send } = recorder();
    const ask = tickBatcher(send, { maxBatch: 64, inFlight: 1 });
    const first = ask(1);
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1]]);
    const later = [ask(2), ask(3), ask(4)];
    await new Promise((r) => setImmediate(r));
    expect(batches).toHaveLength(1); // waiting for the batch under way
    releases.shift()?.();
    expect(await first).toBe(10);
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([[1], [2, 3, 4]]);
    releases.shift()?.();
    expect(await Promise.all(later)).toEqual([20, 30, 40]);
  });

  it('never sends more than the batch limit at once', async () => {
    const { batches, releases, send } = recorder();
    const ask = tickBatcher(send, { maxBatch: 2, inFlight: 2 });
    const all = Promise.all([1, 2, 3, 4, 5].map((i) => ask(i)));
    await new Promise((r) => setImmediate(r));
    expect(batches).toEqual([
      [1, 2],
      [3, 4],
    ]);
    while (batches.length < 3 || releases.length > 0) {
      releases.shift()?.();
      await new Promise((r) => setImmediate(r));
    }
    expect(await all).toEqual([10, 20, 30, 40, 50]);
    expect(batches[2]).toEqual([5]);
  });

  it('tells every item of a failed batch why, and goes on with the next batch', async () => {
    let calls = 0;
    const ask = tickBatcher(
      async (items: number[]) => {
        calls++;
        if (calls === 1) throw new Error('node gone');
        return items;
      },
      { maxBatch: 64, inFlight: 1 },
    );
    const failed = await Promise.allSettled([ask(1), ask(2)]);
    expect(failed.map((f) => f.status)).toEqual(['rejected', 'rejected']);
    expect(await ask(3)).toBe(3);
  });

  it('refuses answers that do not match the batch item for item', async () => {
    const ask = tickBatcher(async () => [1], { maxBatch: 64, inFlight: 1 });
    const outcomes = await Promise.allSettled([ask(1), ask(2)]);
    expect(outcomes.every((o) => o.status === 'rejected')).toBe(true);
  });
});
