// What every suite measures the same way: percentiles, and a closed loop of clients that each
// send the next request as soon as the last is answered.

/** The value at percentile `p` of an ascending list (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

export interface LoadFigures {
  p50: number;
  p99: number;
  perSecond: number;
  count: number;
}

/**
 * `clients` calling `once` back to back for `seconds`, after a second of warm-up. Each call's
 * latency (and what it answered) goes to `took`; the latencies come back ascending.
 */
export async function timedLoop<T>(
  once: () => Promise<T>,
  clients: number,
  seconds: number,
  took?: (ms: number, answer: T) => void,
): Promise<number[]> {
  const warmUntil = performance.now() + 1000;
  while (performance.now() < warmUntil) await once();
  const latencies: number[] = [];
  const end = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) {
        const t = performance.now();
        const answer = await once();
        const ms = performance.now() - t;
        latencies.push(ms);
        took?.(ms, answer);
      }
    }),
  );
  return latencies.sort((a, b) => a - b);
}

/**
 * `clients` calling `once` back to back for `seconds`, after a second of warm-up. Latency is
 * what one call took; the rate is calls completed per second over the whole window.
 */
export async function closedLoop(once: () => Promise<unknown>, clients: number, seconds: number): Promise<LoadFigures> {
  const latencies = await timedLoop(once, clients, seconds);
  return {
    p50: Number(percentile(latencies, 50).toFixed(2)),
    p99: Number(percentile(latencies, 99).toFixed(2)),
    perSecond: Math.round(latencies.length / seconds),
    count: latencies.length,
  };
}
