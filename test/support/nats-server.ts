// A nats-server of a test's own (Debian's binary), for tests that stop and restart the bus.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { freePort } from '@corridor/deploy';
import { connect } from '@nats-io/transport-node';

const BINARY = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((p) => existsSync(p)) ?? 'nats-server';

export interface OwnNatsServer {
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** A JetStream server on a fixed free port whose store survives stop/start, like a restart. */
export async function ownNatsServer(storeDir: string): Promise<OwnNatsServer> {
  const port = await freePort();
  const url = `nats://127.0.0.1:${port}`;
  let proc: ChildProcess | undefined;
  const server: OwnNatsServer = {
    url,
    async start() {
      proc = spawn(BINARY, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' });
      const deadline = Date.now() + 10_000;
      for (;;) {
        try {
          const nc = await connect({ servers: url, timeout: 500 });
          await nc.close();
          return;
        } catch (e) {
          if (Date.now() > deadline) throw new Error(`nats-server did not start on ${url}: ${String(e)}`);
          await new Promise((r) => setTimeout(r, 100));
        }
      }
    },
    async stop() {
      const p = proc;
      if (!p || p.exitCode !== null) return;
      await new Promise<void>((resolve) => {
        p.once('exit', () => resolve());
        p.kill('SIGTERM');
      });
    },
  };
  await server.start();
  return server;
}
