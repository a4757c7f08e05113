// For test files that restart the bus (vitest hooks; the benchmarks use test-network.ts alone).
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type OwnNatsServer, ownNatsServer } from './nats-server.js';
import { startTestNetwork, type TestNetwork } from './test-network.js';

/**
 * For a test file that restarts the bus: a test network on a nats-server of the file's own, whose
 * store survives a stop and start. Both are started before the file's tests and removed after.
 */
export function useNetworkWithOwnNats(): { readonly net: TestNetwork; readonly nats: OwnNatsServer } {
  let net: TestNetwork | undefined;
  let nats: OwnNatsServer | undefined;
  let storeDir: string | undefined;
  beforeAll(async () => {
    storeDir = await mkdtemp(join(tmpdir(), 'corridor-nats-'));
    nats = await ownNatsServer(storeDir);
    net = await startTestNetwork({ nats: { url: nats.url } });
  });
  afterAll(async () => {
    await net?.stop();
    await nats?.stop();
    if (storeDir) await rm(storeDir, { recursive: true, force: true });
  });
  const started = <T>(value: T | undefined): T => {
    if (!value) throw new Error('the network starts in beforeAll');
    return value;
  };
  return {
    get net() {
      return started(net);
    },
    get nats() {
      return started(nats);
    },
  };
}
