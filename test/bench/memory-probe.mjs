// Preloaded into a process the benchmark starts (NODE_OPTIONS=--import <this file>): on SIGUSR2 it
// writes where its memory is (process.memoryUsage(), V8's heap spaces, /proc's VmRSS and VmHWM)
// as one JSON line to CORRIDOR_BENCH_MEMORY_FILE, so a bench can say what a node holds and why.
// With --expose-gc it collects garbage first, so the heap figures are what is alive; with
// CORRIDOR_BENCH_HEAP_SNAPSHOT_DIR it also writes a heap snapshot there (Chrome DevTools' format).
import { appendFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getHeapSpaceStatistics, writeHeapSnapshot } from 'node:v8';

const file = process.env.CORRIDOR_BENCH_MEMORY_FILE;
if (file) {
  const mb = (bytes) => Math.round(bytes / 1048576);
  process.on('SIGUSR2', () => {
    globalThis.gc?.();
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB$`, 'm').exec(status)?.[1] ?? Number.NaN);
    const usage = process.memoryUsage();
    const spaces = Object.fromEntries(getHeapSpaceStatistics().map((s) => [s.space_name, mb(s.space_used_size)]));
    const line = {
      pid: process.pid,
      rssMb: Math.round(kb('VmRSS') / 1024),
      peakRssMb: Math.round(kb('VmHWM') / 1024),
      heapTotalMb: mb(usage.heapTotal),
      heapUsedMb: mb(usage.heapUsed),
      externalMb: mb(usage.external),
      arrayBuffersMb: mb(usage.arrayBuffers),
      spaces,
    };
    const snapshots = process.env.CORRIDOR_BENCH_HEAP_SNAPSHOT_DIR;
    if (snapshots) writeHeapSnapshot(join(snapshots, `${process.pid}-${Date.now()}.heapsnapshot`));
    appendFileSync(file, `${JSON.stringify(line)}\n`);
  });
}
