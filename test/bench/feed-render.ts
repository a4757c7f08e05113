// Time to the first render of the alert feed, as a phone would see it: chromium with its CPU
// slowed 4× through the DevTools protocol (Emulation.setCPUThrottlingRate), the HTTP cache off,
// from navigation start (performance.now() is measured from it) to the first alert card in the
// DOM. The same page on the same run unthrottled is the baseline.
import { loadavg } from 'node:os';
import { launchBrowser, publishRouteAlert, signInAs } from '../support/browser.js';
import { startTestNetwork } from '../support/test-network.js';
import { percentile } from './measure.js';

export interface FeedRenderFigures {
  throttledMs: number;
  unthrottledMs: number;
  rounds: number;
  loadAvg1m: number;
}

const ROUNDS = 5;
const FIRST_CARD = 'corridorFirstAlertCardMs';

/** Median ms from navigation start to the feed's first alert card, over `ROUNDS` cold reloads, each rate interleaved. */
export async function measureFeedRender(): Promise<FeedRenderFigures> {
  const net = await startTestNetwork({ console: true });
  const context = await launchBrowser();
  try {
    const page = await signInAs(context, net.consoleUrl as string, 'it-polfr-officer');
    await publishRouteAlert(page, 'Departures from Zuwara at night', 37);
    await page.getByTestId('nav-feed').click();
    await page.getByTestId('alert-item').first().waitFor();
    // The session (sessionStorage) survives a reload; each reload then loads the console afresh.
    await page.addInitScript((key) => {
      const w = window as unknown as Record<string, number>;
      const seen = new MutationObserver(() => {
        if (document.querySelector('[data-testid="alert-item"]')) {
          w[key] = performance.now();
          seen.disconnect();
        }
      });
      seen.observe(document, { childList: true, subtree: true });
    }, FIRST_CARD);
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    const once = async (rate: number): Promise<number> => {
      await cdp.send('Emulation.setCPUThrottlingRate', { rate });
      await page.reload();
      await page.waitForFunction((key) => (window as unknown as Record<string, number>)[key] !== undefined, FIRST_CARD, {
        timeout: 60_000,
      });
      return page.evaluate((key) => (window as unknown as Record<string, number>)[key] as number, FIRST_CARD);
    };
    await once(1); // warm-up: the node's and gateway's first answers, chromium's compiled code
    const throttled: number[] = [];
    const unthrottled: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      throttled.push(await once(4));
      unthrottled.push(await once(1));
    }
    const median = (xs: number[]) =>
      Math.round(
        percentile(
          [...xs].sort((a, b) => a - b),
          50,
        ),
      );
    return {
      throttledMs: median(throttled),
      unthrottledMs: median(unthrottled),
      rounds: ROUNDS,
      loadAvg1m: Number(loadavg()[0]?.toFixed(2)),
    };
  } finally {
    await context.close();
    await net.stop();
  }
}
