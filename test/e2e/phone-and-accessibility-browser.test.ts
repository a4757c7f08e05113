// The console on a phone and to assistive technology (issue 15, items 2 and 6), in a real browser:
// at 390×844 no page scrolls sideways; axe-core finds nothing serious or critical on any page, on
// the phone and on a desktop; a skip link comes first, and after navigation focus is on the page's
// heading. Every check runs once per language the console speaks. And GraphiQL, at the gateway and
// at a node, renders with every request off this machine refused (issue 15, item 7).
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.js';
import { launchBrowser, publishRouteAlert, signInAs } from '../support/browser.js';
import { gql } from '../support/graphql.js';
import { adminOf, officersAnd, startTestNetwork } from '../support/test-network.js';
import { useTestNetwork } from '../support/use-test-network.js';

/** The languages to check, as the browser announces them (the console follows it): left to right and right to left. */
const LOCALES = ['en', 'ar'];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 768 };
/** Every page an administrator reaches from the navigation, and what shows that its data has arrived. */
const PAGES: { nav: string; ready?: string }[] = [
  { nav: 'directory' },
  { nav: 'feed', ready: '[data-testid="alert-item"]' },
  { nav: 'routes' },
  { nav: 'publish' },
  { nav: 'check' },
  { nav: 'consultations', ready: '[data-testid="consultation"]' },
  { nav: 'requests', ready: '[data-testid="request-row"]' },
  { nav: 'keep', ready: '[data-testid="spoc"]' },
  { nav: 'statistics', ready: '[data-testid="stats-table"], .empty' },
  { nav: 'retention', ready: '[data-testid="retention-version"]' },
];
const ADMIN = 'it-polfr-admin';

const network = useTestNetwork(() =>
  startTestNetwork({
    console: true,
    users: officersAnd(
      adminOf('it-polfr', 'Giulia Bianchi'),
      // Formal requests are sent by prosecutors and central authorities only.
      { id: 'it-polfr-authority', name: 'Paolo Ferri', agency: 'it-polfr', roles: ['central_authority'] },
    ),
  }),
);
const browsers = new Map<string, BrowserContext>();
const consoleUrl = () => network.net.consoleUrl as string;

beforeAll(async () => {
  for (const locale of LOCALES) browsers.set(locale, await launchBrowser({ locale }));
  // Something on every page: an alert in the feed, a consultation with a request in its thread.
  const officer = await signInAs(browsers.get(LOCALES[0] as string) as BrowserContext, consoleUrl(), 'it-polfr-officer');
  await publishRouteAlert(officer, 'Departures from Zuwara at night, two boats', 41);
  await officer.close();
  // The consultation and its request go in through the gateway, as the console would send them:
  // what is checked here is how the pages show them, not the forms (consultations-browser covers those).
  const { net } = network;
  const as = async (user: string, query: string, variables: Record<string, unknown>) => {
    const r = await gql<{ openConsultation?: { id: string } }>(net.gatewayUrl, await net.token(user), query, variables);
    if (r.errors) throw new Error(JSON.stringify(r.errors));
    return r.data;
  };
  const opened = await as('it-polfr-officer', 'mutation($input: OpenConsultationInput!) { openConsultation(input: $input) { id } }', {
    input: { with: 'ne-ppn', subject: 'Boat departures from Agadez, November', body: 'Do you have an open case on this network?' },
  });
  await as('it-polfr-authority', 'mutation($id: ID!, $input: RequestInput!) { createRequest(consultationId: $id, input: $input) { id } }', {
    id: opened?.openConsultation?.id,
    input: {
      requestType: 'mla',
      summary: 'Bank records of the organisers',
      sendingAuthority: { agency: 'it-polfr', name: 'Ministero della Giustizia — Ufficio II' },
      receivingAuthority: { agency: 'ne-ppn', name: 'Autorité centrale — entraide judiciaire' },
      reference: 'IT-2026-0042',
      // A deadline in the past is refused: two weeks from today.
      deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      send: true,
    },
  });
  // Italy's 24/7 desk is its single point of contact: the directory and the keeping page mark it (issue 17).
  const own = await gql<{ ownDirectory: { id: string; availability: { always: boolean } }[] }>(
    net.gatewayUrl,
    await net.token(ADMIN),
    'query { ownDirectory(includeRetired: false) { id availability { always } } }',
  );
  const desk = own.data?.ownDirectory.find((e) => e.availability.always);
  await as(ADMIN, 'mutation($id: ID!) { designateSinglePointOfContact(entryId: $id) { id } }', { id: desk?.id });
}, 120_000);

afterAll(async () => {
  for (const context of browsers.values()) await context.close();
});

/** Follows the navigation to `nav` (through the menu when it is folded) and waits for the page's data. */
async function open(page: Page, nav: string, ready?: string): Promise<void> {
  const menu = page.getByTestId('nav-menu');
  if (await menu.isVisible()) await menu.click();
  const link = page.getByTestId(`nav-${nav}`);
  await link.click();
  // The hash changes in a task after the click: until the link is the current page, the h1 in main is the last page's.
  await expect.poll(() => link.getAttribute('aria-current')).toBe('page');
  await page.locator('main h1').waitFor();
  if (ready) await page.locator(`main :is(${ready})`).first().waitFor({ timeout: 20_000 });
  await page.locator('main .loading').waitFor({ state: 'detached' });
}

/** How far the document reaches past the viewport, and the elements that reach past it (empty when nothing does). */
function overflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number; culprits: string[] }> {
  return page.evaluate(() => {
    const culprits = [...document.querySelectorAll('body *')]
      .filter((e) => {
        const r = e.getBoundingClientRect();
        return r.width > 0 && (r.right > window.innerWidth + 0.5 || r.left < -0.5) && !e.closest('.visually-hidden, .skip-link');
      })
      .slice(0, 5)
      .map((e) => `${e.tagName.toLowerCase()}.${[...e.classList].join('.')} "${(e.textContent ?? '').slice(0, 40)}"`);
    return { scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth, culprits };
  });
}

/** Runs `check` on the sign-in page, then on every page signed in as the administrator; what it found, by page. */
async function everyPage(locale: string, viewport: typeof PHONE, check: (page: Page) => Promise<string[]>): Promise<string[]> {
  const context = browsers.get(locale) as BrowserContext;
  const page = await context.newPage();
  await page.setViewportSize(viewport);
  const found: string[] = [];
  const note = async (where: string) => found.push(...(await check(page)).map((f) => `${where}: ${f}`));
  try {
    await page.goto(consoleUrl());
    await page.getByTestId(`signin-user-${ADMIN}`).waitFor();
    // The console speaks the browser's language: otherwise every language would check English again.
    await page.waitForFunction((l) => document.documentElement.lang === l, locale);
    await note('sign-in');
    await page.getByTestId(`signin-user-${ADMIN}`).click();
    await page.getByTestId('me').waitFor();
    for (const { nav, ready } of PAGES) {
      await open(page, nav, ready);
      await note(nav);
    }
    // On the phone, the navigation unfolded is a page of its own to check.
    if (await page.getByTestId('nav-menu').isVisible()) {
      await page.getByTestId('nav-menu').click();
      await note('menu open');
    }
    await page.getByTestId('sign-out').click();
    await page.getByTestId(`signin-user-${ADMIN}`).waitFor();
  } finally {
    await page.close();
  }
  return found;
}

describe.each(LOCALES)('in %s', (locale) => {
  it('at 390×844 no page is wider than the screen', async () => {
    const wider = await everyPage(locale, PHONE, async (page) => {
      const o = await overflow(page);
      return o.scrollWidth <= o.innerWidth ? [] : [`${o.scrollWidth} px wide in ${o.innerWidth}: ${o.culprits.join('; ')}`];
    });
    expect(wider).toEqual([]);
  });

  it.each([
    ['390×844', PHONE],
    ['1366×768', DESKTOP],
  ])('at %s axe finds no serious or critical violation on any page', async (_, viewport) => {
    const violations = await everyPage(locale, viewport, seriousViolations);
    expect(violations).toEqual([]);
  });

  it('offers a skip link first, folds the phone’s menu on Escape, and puts focus on the heading of the page navigated to', async () => {
    const page = await signInAs(browsers.get(locale) as BrowserContext, consoleUrl(), ADMIN);
    try {
      await page.setViewportSize(DESKTOP);
      await page.reload();
      await page.getByTestId('me').waitFor();
      await page.keyboard.press('Tab');
      const first = page.locator(':focus');
      expect(await first.getAttribute('class')).toBe('skip-link');
      await page.keyboard.press('Enter');
      await page.locator('main h1').waitFor();
      expect(await page.evaluate(() => document.activeElement?.closest('main') !== null)).toBe(true);

      // On a phone, the menu is a disclosure: its button says whether it is open, Escape folds it.
      await page.setViewportSize(PHONE);
      const menu = page.getByTestId('nav-menu');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.getByTestId('nav-feed').isVisible()).toBe(false);
      await menu.click();
      expect(await menu.getAttribute('aria-expanded')).toBe('true');
      await page.getByTestId('nav-feed').focus();
      await page.keyboard.press('Escape');
      expect(await menu.getAttribute('aria-expanded')).toBe('false');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('nav-menu');
      await page.setViewportSize(DESKTOP);

      for (const { nav, ready } of PAGES.slice(1, 4)) {
        await open(page, nav, ready);
        // The page's code may arrive after its link is current; focus moves when its heading does.
        await expect
          .poll(
            () =>
              page.evaluate(() => ({
                tag: document.activeElement?.tagName,
                same: document.activeElement === document.querySelector('main h1'),
              })),
            { message: nav },
          )
          .toEqual({ tag: 'H1', same: true });
      }
    } finally {
      await page.close();
    }
  });
});

describe('GraphiQL', () => {
  it.each(['gateway', 'node'])('at the %s, renders its editor with every request off this machine refused', async (where) => {
    const url = where === 'gateway' ? network.net.gatewayUrl : (network.net.nodes['it-polfr']?.url as string);
    const context = await launchBrowser();
    const refused: string[] = [];
    try {
      await context.route('**/*', (route) => {
        const { protocol, hostname } = new URL(route.request().url());
        const local = protocol === 'data:' || protocol === 'blob:' || hostname === '127.0.0.1' || hostname === 'localhost';
        if (local) return route.continue();
        refused.push(route.request().url());
        return route.abort();
      });
      const page = await context.newPage();
      await page.goto(new URL('/graphql', url).href);
      // The query editor (Monaco) has drawn its lines: GraphiQL's script, styles and workers all arrived.
      await page.locator('.graphiql-container .graphiql-query-editor').waitFor({ timeout: 30_000 });
      expect(refused).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
