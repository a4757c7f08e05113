// In a real browser (issue 17 item 7): an officer picks a recorded network in the directory and
// reads who is in it, who keeps its secretariat and whom to call in each member agency, with their
// contact; reads the liaison posts with their legal basis and route and lists a post's officers;
// contacts that are focal points or posted officers say so on their card. On a phone, in English
// and in Arabic (right to left), nothing reaches past the screen and axe-core finds nothing serious.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.js';
import { launchBrowser, signInAs } from '../support/browser.js';
import { directoryEntryOf } from '../support/fixtures.js';
import { startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

const today = new Date().toISOString().slice(0, 10);
const nigerFocal = directoryEntryOf('ne-ppn', 'NER', {
  name: 'Aïssata Moussa',
  roles: ['prosecutor', 'network_focal_point'],
  channels: [{ type: 'email', value: 'a.moussa@ne-ppn.example.org' }],
  lastVerified: today,
});
const nigeriaSecretariat = directoryEntryOf('ng-nis', 'NGA', {
  kind: 'desk',
  name: 'WACAP secretariat desk, Abuja',
  channels: [{ type: 'email', value: 'wacap.secretariat@ng-nis.example.org' }],
  lastVerified: today,
});
const italyOfficer = directoryEntryOf('it-polfr', 'ITA', {
  name: 'Marco Bellini',
  roles: ['liaison_officer'],
  postedIn: 'NER',
  routes: ['central-mediterranean'],
  channels: [{ type: 'email', value: 'm.bellini@it-polfr.example.org' }],
  lastVerified: today,
});
const WACAP_NAME = 'West African Network of Central Authorities and Prosecutors';
const LEGAL_BASIS = 'Regulation (EU) 2019/1240 Art. 3';

const network = useTestNetwork(() =>
  startTestNetwork({
    console: true,
    directory: { 'ne-ppn': [nigerFocal], 'ng-nis': [nigeriaSecretariat], 'it-polfr': [italyOfficer] },
    networkRecords: [
      {
        id: 'wacap',
        name: WACAP_NAME,
        members: ['ne-ppn', 'ng-nis'],
        secretariat: { agency: 'ng-nis', entry: nigeriaSecretariat.id },
        focalPoints: [{ agency: 'ne-ppn', entry: nigerFocal.id }],
      },
    ],
    liaisonPosts: [
      {
        id: 'it-polfr-niamey',
        sendingAgency: 'it-polfr',
        hostAgency: 'ne-ppn',
        hostCountry: 'NER',
        legalBasis: LEGAL_BASIS,
        routes: ['central-mediterranean'],
        officers: [italyOfficer.id],
      },
    ],
  }),
);
const PHONE = { width: 390, height: 844 };
const browsers = new Map<string, BrowserContext>();
beforeAll(async () => {
  for (const locale of ['en', 'ar']) browsers.set(locale, await launchBrowser({ locale }));
});
afterAll(async () => {
  for (const b of browsers.values()) await b.close();
});

async function onPhone(locale: string, user: string): Promise<Page> {
  const page = await signInAs(browsers.get(locale) as BrowserContext, network.net.consoleUrl as string, user);
  await page.setViewportSize(PHONE);
  await page.waitForFunction((l) => document.documentElement.lang === l, locale);
  return page;
}

const widerThanScreen = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

describe.each(['en', 'ar'])('a recorded network in the directory (%s, 390×844)', (locale) => {
  it('shows its members, its secretariat and focal points with their contact, and the liaison posts with their legal basis', async () => {
    const page = await onPhone(locale, 'ng-nis-officer');
    try {
      await page.locator('#directory-network').selectOption('wacap');
      const panel = page.getByTestId('network-panel');
      await panel.waitFor();
      expect(await panel.locator('h2').textContent()).toBe(WACAP_NAME);
      expect(await panel.getByTestId('network-members').locator('li').count()).toBe(2);
      const secretariat = panel.getByTestId('network-secretariat');
      await expect.poll(() => secretariat.getByRole('link', { name: 'wacap.secretariat@ng-nis.example.org' }).count()).toBe(1);
      const focal = panel.getByTestId('network-focal-point');
      await expect.poll(() => focal.getByRole('link', { name: 'a.moussa@ne-ppn.example.org' }).count()).toBe(1);
      // The focal point's card in the results says what the record makes of her.
      const card = page.locator(`[data-testid="directory-result"][data-entry-id="${nigerFocal.id}"]`).last();
      expect(await card.getByTestId('record-role').textContent()).toContain(WACAP_NAME);
      if (locale === 'ar') {
        expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
        expect(await panel.locator('h3').first().textContent()).toBe('الأعضاء');
      }
      expect(await widerThanScreen(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);

      await page.locator('#directory-network').selectOption('');
      const posts = page.getByTestId('liaison-posts');
      await posts.locator('summary').click();
      expect(await posts.getByTestId('liaison-post-basis').textContent()).toBe(LEGAL_BASIS);
      await posts.getByTestId('liaison-post-officers').click();
      const results = page.getByTestId('directory-result');
      await expect.poll(() => results.count(), { timeout: 10_000 }).toBe(1);
      expect(await results.first().locator('h3').textContent()).toBe('Marco Bellini');
      expect(await results.first().getByTestId('record-role').count()).toBe(1);
      expect(await widerThanScreen(page)).toBeLessThanOrEqual(0);
      expect(await seriousViolations(page)).toEqual([]);
    } finally {
      await page.close();
    }
  });
});
