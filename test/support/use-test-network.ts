// A test network shared by the tests of one file: started before them, stopped after them even
// when they (or a later start-up step) failed, so no file leaves processes or databases behind.
import { afterAll, beforeAll } from 'vitest';
import type { TestNetwork } from './test-network.js';

export interface FileNetwork {
  /** Readable once the file's `beforeAll` has run: in tests and later hooks. */
  readonly net: TestNetwork;
}

/** Registers the file's `beforeAll` (the network `start` gives) and `afterAll` (stops it). */
export function useTestNetwork(start: () => Promise<TestNetwork>, timeoutMs?: number): FileNetwork {
  let net: TestNetwork | undefined;
  beforeAll(async () => {
    net = await start();
  }, timeoutMs);
  afterAll(async () => {
    await net?.stop();
  });
  return {
    get net() {
      return startedYet(net, 'net');
    },
  };
}

/** `value` once its `beforeAll` has given it; a test reading it earlier is a defect of the test. */
export function startedYet<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new Error(`${name} is not started yet: read it in a test or a later hook`);
  return value;
}
