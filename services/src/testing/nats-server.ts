// A nats-server of a spec's own (Debian's binary, JetStream in a temporary folder, a free port),
// so that no spec depends on a server the machine happens to run. Removed again by `stop()`.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from '@nats-io/transport-node';

const BINARY = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((p) => existsSync(p)) ?? 'nats-server';

export interface ScratchNatsServer {
  url: string;
  stop(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

export async function scratchNatsServer(): Promise<ScratchNatsServer> {
  const storeDir = await mkdtemp(join(tmpdir(), 'corridor-spec-nats-'));
  const port = await freePort();
  const url = `nats://127.0.0.1:${port}`;
  const proc: ChildProcess = spawn(BINARY, ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', storeDir], { stdio: 'ignore' });
  const stop = async () => {
    if (proc.exitCode === null && proc.signalCode === null)
      await new Promise<void>((resolve) => {
        proc.once('exit', () => resolve());
        proc.kill('SIGTERM');
      });
    await rm(storeDir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 10_000;
  for (;;) {
    try {
      const nc = await connect({ servers: url, timeout: 500 });
      await nc.close();
      return { url, stop };
    } catch (e) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`nats-server did not start on ${url}: ${String(e)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
