// Debian's chromium driven by playwright-core (no browser download: the machine is offline).
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

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
