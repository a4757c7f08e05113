// Debian's chromium driven by playwright-core (no browser download: the machine is offline).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';

const EXECUTABLE = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';

export async function launchBrowser(): Promise<BrowserContext> {
  // A persistent context gives chromium an empty profile of its own, as the machine's notes advise.
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'corridor-chromium-')), {
    executablePath: EXECUTABLE,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
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
