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
