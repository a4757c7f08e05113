// What every browser test of the console stands on: a test network with its console, and two
// browsers, Italy's and Niger's, as two officers at two agencies would have (no shared session
// storage). One place for it, so each file cleans up the same way whatever step failed.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest';
import { launchBrowser, signInAs } from './browser.js';
import type { TestNetwork } from './test-network.js';
import { type FileNetwork, startedYet, useTestNetwork } from './use-test-network.js';

export interface ConsoleBrowsers extends FileNetwork {
  readonly italy: BrowserContext;
  readonly niger: BrowserContext;
  /**
   * A new tab in `context` on the console, signed in as `userId` through the development issuer's
   * list. Opened in a test, it is closed after that test.
   */
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

  // A signed-in tab holds its live streams (the feed, the officer's activity) open, each on one
  // of the six connections a browser keeps per host over HTTP/1.1: tabs a test left open would
  // leave a later test none to send with. Tabs opened in a hook (shared by the file's tests) stay.
  let opened: Page[] | null = null;
  beforeEach(() => {
    opened = [];
  });
  afterEach(async () => {
    const pages = opened ?? [];
    opened = null;
    await Promise.all(pages.map((p) => p.close()));
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
    signIn: async (context, userId) => {
      const page = await signInAs(context, network.net.consoleUrl as string, userId);
      opened?.push(page);
      return page;
    },
  };
}
