// What every browser test of the console stands on: a test network with its console, and two
// browsers, Italy's and Niger's, as two officers at two agencies would have (no shared session
// storage). One place for it, so each file cleans up the same way whatever step failed.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchBrowser, signInAs } from './browser.js';
import type { TestNetwork } from './test-network.js';
import { type FileNetwork, startedYet, useTestNetwork } from './use-test-network.js';

export interface ConsoleBrowsers extends FileNetwork {
  readonly italy: BrowserContext;
  readonly niger: BrowserContext;
  /** A new tab in `context` on the console, signed in as `userId` through the development issuer's list. */
  readonly signIn: (context: BrowserContext, userId: string) => Promise<Page>;
}

/**
 * Registers the file's hooks: the network `start` gives, then the two browsers; after the tests
 * the browsers close, then the network stops. Fields are readable in tests and later hooks.
 */
export function useConsoleBrowsers(start: () => Promise<TestNetwork>, timeoutMs?: number): ConsoleBrowsers {
  const network = useTestNetwork(start, timeoutMs);
  let italy: BrowserContext | undefined;
  let niger: BrowserContext | undefined;

  beforeAll(async () => {
    italy = await launchBrowser();
    niger = await launchBrowser();
  });

  afterAll(async () => {
    await italy?.close();
    await niger?.close();
  });

  return {
    get net() {
      return network.net;
    },
    get italy() {
      return startedYet(italy, 'italy');
    },
    get niger() {
      return startedYet(niger, 'niger');
    },
    signIn: (context, userId) => signInAs(context, network.net.consoleUrl as string, userId),
  };
}
