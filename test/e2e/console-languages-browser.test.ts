// In a real browser: the console in the officer's language. Arabic lays out right to left and the
// choice is kept for each officer of a shared computer; a pseudo-locale, accented and 40% longer,
// finds text that overflows its box; an alert's summary is shown in the language it was written in.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrivedInFeed, launchBrowser, publishRouteAlert, signInAs } from '../support/browser.js';
import { useConsoleBrowsers } from '../support/console-browsers.js';
import { routeAlert } from '../support/fixtures.js';
import { adminOf, officersAnd, startTestNetwork } from '../support/test-network.js';

// An administrator sees every page, the administrators' too.
const consoles = useConsoleBrowsers(() => startTestNetwork({ console: true, users: officersAnd(adminOf('it-polfr', 'Giulia Rossi')) }));

const htmlLanguage = (page: Page) => page.evaluate(() => ({ lang: document.documentElement.lang, dir: document.documentElement.dir }));

/**
 * What overflows on the page as shown: the document scrolling sideways, and every visible box of
 * text (buttons, links of the navigation, labels, headings, cells, paragraphs…) whose content is
 * wider than the box. Inline boxes have no width of their own and are left to their container.
 */
function overflowsOf(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth + 1) found.push(`the document scrolls sideways (${root.scrollWidth} > ${root.clientWidth})`);
    const boxes = document.querySelectorAll<HTMLElement>(
      'button, a, label, legend, h1, h2, h3, th, td, dt, dd, p, li, select, small, .badge, .badge-new, .field, .sources, header, nav',
    );
    for (const el of boxes) {
      const style = getComputedStyle(el);
      if (style.display === 'inline' || el.offsetParent === null || el.clientWidth === 0) continue;
      // A select shows its chosen option clipped by design, as long as the select fits its container.
      if (el.tagName === 'SELECT') {
        const parent = el.parentElement as HTMLElement;
        if (el.getBoundingClientRect().right > parent.getBoundingClientRect().right + 1) found.push(`select#${el.id} overflows its field`);
        continue;
      }
      if (el.scrollWidth > el.clientWidth + 1) {
        const what = `${el.tagName.toLowerCase()}${el.dataset.testid ? `[${el.dataset.testid}]` : ''}${el.className ? `.${String(el.className).split(' ')[0]}` : ''}`;
        found.push(`${what} "${(el.textContent ?? '').trim().slice(0, 60)}" (${el.scrollWidth} > ${el.clientWidth})`);
      }
    }
    return found;
  });
}

describe('the pseudo-locale', () => {
  let pseudo: BrowserContext | undefined;
  beforeAll(async () => {
    pseudo = await launchBrowser({ locale: 'en-XA' });
  });
  afterAll(async () => {
    await pseudo?.close();
  });

  it('shows every page at 1366×768 with no text overflowing its box and no sideways scroll', async () => {
    const page = await signInAs(pseudo as BrowserContext, consoles.net.consoleUrl as string, 'it-polfr-admin');
    await page.setViewportSize({ width: 1366, height: 768 });
    expect(await htmlLanguage(page)).toEqual({ lang: 'en-XA', dir: 'ltr' });
    // The pseudo-locale is in use: the navigation is accented and bracketed, so an English word left
    // out of the catalogues would stand out.
    expect(await page.getByTestId('nav-directory').textContent()).toMatch(/^\[Ḓīī.*\]$/);

    const pages: [string, string][] = [
      ['nav-directory', 'directory-count'],
      ['nav-feed', 'feed-live'],
      ['nav-routes', 'subscription-save'],
      ['nav-publish', 'publish-submit'],
      ['nav-check', 'nav-check'],
      ['nav-consultations', 'nav-consultations'],
      ['nav-requests', 'nav-requests'],
      ['nav-keep', 'nav-keep'],
      ['nav-statistics', 'nav-statistics'],
      ['nav-retention', 'retention-version'],
    ];
    const found: string[] = [];
    for (const [nav, ready] of pages) {
      await page.getByTestId(nav).click();
      await page.getByTestId(ready).first().waitFor();
      await page.locator('main .loading').waitFor({ state: 'detached' });
      found.push(...(await overflowsOf(page)).map((o) => `${nav}: ${o}`));
    }
    expect(found).toEqual([]);
  });
});

describe('Arabic', () => {
  it('lays the console out right to left, in Arabic, and keeps the choice after a reload', async () => {
    const page = await consoles.signIn(consoles.italy, 'it-polfr-officer');
    expect(await htmlLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
    expect(await page.getByTestId('nav-directory').textContent()).toBe('Directory');

    await page.getByTestId('language-picker').selectOption('ar');
    await page.waitForFunction(() => document.documentElement.dir === 'rtl');
    expect(await htmlLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await page.getByTestId('nav-directory').textContent()).toBe('الدليل');
    expect(await page.getByTestId('nav-feed').textContent()).toBe('موجز التنبيهات');
    // Right to left: the brand, first in the header, stands at its right edge.
    const brand = await page.locator('.top .brand').boundingBox();
    const signOut = await page.getByTestId('sign-out').boundingBox();
    expect(brand && signOut && brand.x > signOut.x).toBe(true);

    await page.reload();
    await page.getByTestId('me').waitFor();
    expect(await htmlLanguage(page)).toEqual({ lang: 'ar', dir: 'rtl' });
    expect(await page.getByTestId('nav-directory').textContent()).toBe('الدليل');
    await page.close();
  });

  it('keeps each officer’s own choice on a shared computer', async () => {
    // Italy's browser: the officer above chose Arabic. A colleague signs in on the same computer and chooses Italian.
    const colleague = await consoles.signIn(consoles.italy, 'it-polfr-admin');
    await colleague.getByTestId('language-picker').selectOption('it');
    await colleague.waitForFunction(() => document.documentElement.lang === 'it');
    expect(await colleague.getByTestId('nav-directory').textContent()).toBe('Rubrica');
    await colleague.getByTestId('sign-out').click();
    await colleague.close();

    const officer = await consoles.signIn(consoles.italy, 'it-polfr-officer');
    await officer.waitForFunction(() => document.documentElement.lang === 'ar');
    expect(await officer.getByTestId('nav-directory').textContent()).toBe('الدليل');
    // Back to English for the tests of this browser that follow.
    await officer.getByTestId('language-picker').selectOption('en');
    await officer.waitForFunction(() => document.documentElement.lang === 'en');
    await officer.close();
  });
});

describe('the language of a summary', () => {
  it('is the console’s language unless the officer says otherwise, and the card shows the summary with it', async () => {
    // Niger's browser, in English (its officer never chose another language).
    const page = await consoles.signIn(consoles.niger, 'ne-ppn-officer');
    expect(await htmlLanguage(page)).toEqual({ lang: 'en', dir: 'ltr' });
    await page.getByTestId('nav-publish').click();
    expect(await page.getByLabel('Written in').inputValue()).toBe('en');
    const id = await publishRouteAlert(page, `Wooden boat seen off Zuwara ${consoles.net.run}`, 30);

    const token = await consoles.net.token('ne-ppn-officer');
    const publish = async (input: Record<string, unknown>) => {
      const res = await fetch(consoles.net.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query: 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }', variables: { input } }),
      });
      return (await res.json()) as {
        data?: { publishAlert: { id: string } } | null;
        errors?: { extensions?: { fieldErrors?: { path: string }[] } }[];
      };
    };
    const italian = await publish(routeAlert({ summary: `Partenze notturne da Zuwara ${consoles.net.run}`, summaryLanguage: 'it' }));
    const unstated = await publish(routeAlert({ summary: `No language stated ${consoles.net.run}` }));
    const refused = await publish({ ...routeAlert({ summary: 'Bad language' }), summaryLanguage: 'italian' });
    expect(refused.errors?.[0]?.extensions?.fieldErrors?.map((e) => e.path)).toEqual(['summaryLanguage']);

    await page.getByTestId('nav-feed').click();
    const summaryOf = async (alertId: string | undefined) => (await arrivedInFeed(page, alertId)).getByTestId('alert-summary');
    expect(await (await summaryOf(id)).getAttribute('lang')).toBe('en');
    expect(await (await summaryOf(italian.data?.publishAlert.id)).getAttribute('lang')).toBe('it');
    // Not stated (as on alerts of before): no lang of its own, and the text's direction found from the text.
    const none = await summaryOf(unstated.data?.publishAlert.id);
    expect(await none.getAttribute('lang')).toBeNull();
    expect(await none.getAttribute('dir')).toBe('auto');
    await page.close();
  });
});
