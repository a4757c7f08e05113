import { createServer } from 'node:net';

/** The wanted port when it is free, else (or when none is wanted) any free loopback port. */
export async function freePort(wanted?: number): Promise<number> {
  const tryListen = (port: number) =>
    new Promise<number>((resolve, reject) => {
      const srv = createServer();
      srv.once('error', reject);
      srv.listen(port, '127.0.0.1', () => {
        const { port: got } = srv.address() as { port: number };
        srv.close(() => resolve(got));
      });
    });
  if (wanted) {
    try {
      return await tryListen(wanted);
    } catch {
      // taken: fall through to any free port
    }
  }
  return tryListen(0);
}

/**
 * Runs `start` again, up to `attempts` times, when it failed because a port it was given was
 * taken: a free port is only free when it is picked, and tests running in parallel pick theirs
 * at the same moments. Anything else fails at once.
 */
export async function retryWhenPortTaken<T>(start: (attempt: number) => Promise<T>, attempts = 3): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await start(attempt);
    } catch (e) {
      if (attempt >= attempts || !/address already in use|EADDRINUSE/.test((e as Error).message ?? '')) throw e;
    }
  }
}
