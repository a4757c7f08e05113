// Debian's chromium driven by playwright-core (no browser download: the machine is offline).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Locator, type Page } from 'playwright-core';

const EXECUTABLE = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';

/**
 * `trustSpkiPins`: base64 SHA-256 pins of server keys to accept though no CA of the machine signed
 * them (a run's own CA): those certificates only, never certificate errors in general. `locale`:
 * the browser's language (navigator.languages, Accept-Language), as an officer's phone would set it;
 * en-US unless a test says otherwise, so the console opens in English whatever the machine's is.
 */
export async function launchBrowser(options: { trustSpkiPins?: string[]; locale?: string } = {}): Promise<BrowserContext> {
  const pins = options.trustSpkiPins ?? [];
  // A persistent context gives chromium an empty profile of its own, as the machine's notes advise.
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'corridor-chromium-')), {
    executablePath: EXECUTABLE,
    headless: true,
    locale: options.locale ?? 'en-US',
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(pins.length > 0 ? [`--ignore-certificate-errors-spki-list=${pins.join(',')}`] : []),
    ],
  });
}

/** A new tab in `context` on the console, signed in as `userId` through the development issuer's list. */
export async function signInAs(context: BrowserContext, consoleUrl: string, userId: string): Promise<Page> {
  const page = await context.newPage();
  await page.goto(consoleUrl);
  await page.getByTestId(`signin-user-${userId}`).click();
  await page.getByTestId('me').waitFor();
  return page;
}

/**
 * Publishes from the console's publish page a route alert, Zuwara (Libya) to Lampedusa (Italy) by
 * wooden boat; the id of the alert the console says it published, if it says one.
 */
export async function publishRouteAlert(page: Page, summary: string, migrants: number): Promise<string | undefined> {
  await page.getByTestId('nav-publish').click();
  await fillRouteAlert(page, summary, migrants);
  await page.getByTestId('publish-submit').click();
  const success = page.getByTestId('publish-success');
  await success.waitFor();
  return /alert ([0-9a-f-]{36})/.exec((await success.textContent()) ?? '')?.[1];
}

export async function fillRouteAlert(page: Page, summary: string, migrants: number): Promise<void> {
  await page.getByLabel('Waypoint 1 country').selectOption('LBY');
  await page.getByLabel('Place').first().fill('Zuwara');
  await page.getByLabel('Waypoint 2 country').selectOption('ITA');
  await page.getByLabel('Place').nth(1).fill('Lampedusa');
  await page.getByLabel('Means of transport').selectOption('wooden_boat');
  await page.getByLabel('Number of migrants').fill(String(migrants));
  await page.getByLabel('Summary').fill(summary);
}

/** The live feed's card of alert `id`, once it has arrived. */
export async function arrivedInFeed(page: Page, id: string | undefined): Promise<Locator> {
  const arrived = page.locator(`[data-testid="alert-item"][data-alert-id="${id}"]`);
  await arrived.waitFor({ timeout: 20_000 });
  return arrived;
}
