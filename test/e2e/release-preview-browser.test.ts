// "Who will see this?" beside the publish form (issue 17, item 6): it lists the other agencies
// once the draft is complete and follows the TLP, the recipients and the case reference as the
// officer changes them. At 390 px and in Arabic nothing is wider than the screen, and axe finds
// nothing serious.
import type { Locator, Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.js';
import { fillRouteAlert } from '../support/browser.js';
import { useConsoleBrowsers } from '../support/console-browsers.js';
import { startTestNetwork } from '../support/test-network.js';

const consoles = useConsoleBrowsers(() => startTestNetwork({ console: true }));
const PHONE = { width: 390, height: 844 };

const wider = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

/** Each agency the panel lists, once it has settled: id, whether it receives, and its text. */
async function listed(panel: Locator) {
  await expect.poll(() => panel.getByTestId('release-preview-status').textContent(), { timeout: 10_000 }).toMatch(/of 2 |No other agency/);
  return await panel
    .getByTestId('release-preview-agency')
    .evaluateAll((els) => els.map((e) => [e.getAttribute('data-agency'), e.getAttribute('data-receives'), e.textContent ?? '']));
}

it('shows who will receive the draft and follows the TLP, the recipients and the case reference', async () => {
  const page = await consoles.signIn(consoles.italy, 'it-polfr-officer');
  await page.getByTestId('nav-publish').click();
  const panel = page.getByTestId('release-preview');
  expect(await panel.getByRole('heading').textContent()).toBe('Who will see this?');
  expect(await panel.getByTestId('release-preview-status').textContent()).toContain('Once the form is complete');

  await fillRouteAlert(page, 'Wooden boats leaving Zuwara before dawn', 30);
  await page.getByLabel('Sharing (TLP)').selectOption('GREEN');
  const agencies = await listed(panel);
  expect(agencies.map(([id, receives]) => [id, receives])).toEqual([
    ['ne-ppn', 'true'],
    ['ng-nis', 'true'],
  ]);
  expect(agencies[0]?.[2]).toContain('Pôle judiciaire spécialisé — Niamey');
  expect(agencies[0]?.[2]).toContain('Released by rule alerts-members.');
  expect(agencies[0]?.[2]).toContain('Nothing withheld.');

  // A case reference: withheld from every copy; Nigeria's prosecutors (a network shared with Italy) read it whole.
  await page.getByLabel('Case reference').fill('RG 12/2026');
  await expect.poll(async () => (await listed(panel))[1]?.[2]).toContain('Withheld from them: case reference.');
  expect((await listed(panel))[1]?.[2]).toContain('Prosecutor, Central authority: all of it');

  // AMBER to Niger: Nigeria drops out, saying why.
  await page.getByLabel('Sharing (TLP)').selectOption('AMBER');
  await expect.poll(() => panel.getByTestId('release-preview-status').textContent()).toContain('Once the form is complete');
  await page.getByLabel('Pôle judiciaire spécialisé — Niamey').check();
  await expect
    .poll(async () => (await listed(panel)).map(([id, receives]) => [id, receives]))
    .toEqual([
      ['ne-ppn', 'true'],
      ['ng-nis', 'false'],
    ]);
  expect((await listed(panel))[1]?.[2]).toContain('It is not among the agencies named.');

  // AMBER+STRICT: Niger's own people only.
  await page.getByLabel('Sharing (TLP)').selectOption('AMBER+STRICT');
  await expect.poll(async () => (await listed(panel))[0]?.[2]).toContain('Its own people only: it may not be passed on');
  expect((await listed(panel))[1]?.[1]).toBe('false');

  // RED: nobody outside Italy.
  await page.getByLabel('Sharing (TLP)').selectOption('RED');
  await expect.poll(async () => (await listed(panel)).map(([, receives]) => receives)).toEqual(['false', 'false']);
  expect((await listed(panel))[0]?.[2]).toContain('TLP:RED keeps it within your agency.');

  await page.setViewportSize(PHONE);
  expect(await wider(page)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByTestId('language-picker').selectOption('ar');
  await page.waitForFunction(() => document.documentElement.dir === 'rtl');
  await expect.poll(() => panel.getByRole('heading').textContent()).toBe('من سيرى هذا؟');
  await expect.poll(() => panel.getByTestId('release-preview-agency').count()).toBe(2);
  expect(await panel.getByTestId('release-preview-agency').first().textContent()).toContain('يُبقيه TLP:RED داخل وكالتك.');
  expect(await wider(page)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(page)).toEqual([]);
});
