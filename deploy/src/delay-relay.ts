// A TCP relay that holds every chunk for a fixed time in each direction: the latency of a long
// link, on a kernel without the `netem` queueing discipline. Chunks leave in the order they came,
// and an end or a reset on one side reaches the other side after the data before it.
import { createConnection, createServer, type Server, type Socket } from 'node:net';

export interface DelayRelayOptions {
  listen: { host: string; port?: number };
  target: { host: string; port: number };
  /** Added to every chunk, in each direction. */
  delayMs: number;
}

export interface DelayRelay {
  host: string;
  port: number;
  close(): Promise<void>;
}

export async function startDelayRelay(options: DelayRelayOptions): Promise<DelayRelay> {
  if (!Number.isFinite(options.delayMs) || options.delayMs < 0) throw new TypeError('delayMs: a number of milliseconds, 0 or more');
  const sockets = new Set<Socket>();
  // Half-open on both sides: an end from one side must wait behind the data still held for it.
  const server: Server = createServer({ allowHalfOpen: true }, (inbound) => {
    const outbound = createConnection({ ...options.target, allowHalfOpen: true });
    for (const s of [inbound, outbound]) {
      // No Nagle: small writes held for an ACK would add delay of their own on top of ours.
      s.setNoDelay(true);
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
    }
    delayedPipe(inbound, outbound, options.delayMs);
    delayedPipe(outbound, inbound, options.delayMs);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.listen.port ?? 0, options.listen.host, () => resolve());
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('the relay listens on TCP');
  return {
    host: options.listen.host,
    port: address.port,
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

type Held = { due: number; chunk: Buffer } | { due: number; end: 'end' | 'reset' };

/** `from`'s bytes to `to`, each chunk `delayMs` later; one queue, so order is kept. */
function delayedPipe(from: Socket, to: Socket, delayMs: number): void {
  const queue: Held[] = [];
  let timer: NodeJS.Timeout | undefined;
  const drain = () => {
    timer = undefined;
    const now = performance.now();
    while (queue.length > 0 && (queue[0] as Held).due <= now) {
      const held = queue.shift() as Held;
      if ('chunk' in held) {
        // The reader waits while the writer is full, so a fast sender cannot grow the queue unbounded.
        if (!to.destroyed && !to.write(held.chunk)) {
          from.pause();
          to.once('drain', () => from.resume());
        }
      } else if (held.end === 'end') to.end();
      else to.destroy();
    }
    const next = queue[0];
    if (next) timer = setTimeout(drain, Math.max(0, next.due - performance.now()));
  };
  const hold = (held: Held) => {
    queue.push(held);
    if (timer === undefined) timer = setTimeout(drain, Math.max(0, held.due - performance.now()));
  };
  from.on('data', (chunk: Buffer) => hold({ due: performance.now() + delayMs, chunk }));
  from.on('end', () => hold({ due: performance.now() + delayMs, end: 'end' }));
  // A reset or a failed connection closes the other side too; an orderly end was queued above.
  from.on('error', () => hold({ due: performance.now() + delayMs, end: 'reset' }));
  from.on('close', (hadError) => {
    if (hadError) hold({ due: performance.now() + delayMs, end: 'reset' });
  });
}
