// For test files that restart the bus (vitest hooks; the benchmarks use test-network.ts alone).
import { afterAll, beforeAll } from 'vitest';
import { startTestNetwork, type TestNetwork } from './test-network.js';

/** The network's own nats-server, stopped and started again on the same port with its store kept. */
export interface OwnNatsServer {
  url: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * For a test file that restarts the bus: a test network (every one runs on a nats-server of its
 * own, with one account per agency) whose server the tests may stop and start like a restart.
 * Started before the file's tests and removed after.
 */
export function useNetworkWithOwnNats(): { readonly net: TestNetwork; readonly nats: OwnNatsServer } {
  let net: TestNetwork | undefined;
  beforeAll(async () => {
    net = await startTestNetwork();
  });
  afterAll(async () => {
    await net?.stop();
  });
  const started = (): TestNetwork => {
    if (!net) throw new Error('the network starts in beforeAll');
    return net;
  };
  return {
    get net() {
      return started();
    },
    get nats() {
      const n = started();
      return { url: n.natsUrl, start: () => n.nats.start(), stop: () => n.nats.stop() };
    },
  };
}
