// Nothing missed (issue 15): an officer sitting on one page of the console learns, without
// reloading, that another agency wrote to them, moved a request on and reported on their route:
// counts on the navigation and in the tab's title, a polite announcement, and a browser
// notification once they allowed it; Consultations and Requests show what changed without Refresh.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.js';
import { useConsoleBrowsers } from '../support/console-browsers.js';
import { routeAlert, SET_SUBSCRIPTION } from '../support/fixtures.js';
import { gql } from '../support/graphql.js';
import { officersAnd, startTestNetwork } from '../support/test-network.js';

const consoles = useConsoleBrowsers(() =>
  startTestNetwork({
    console: true,
    users: officersAnd({ id: 'ng-nis-authority', name: 'Central Authority Unit', agency: 'ng-nis', roles: ['central_authority'] }),
  }),
);

/** Records every notification the page constructs, and every permission request, before the console's code runs. */
const OBSERVE_NOTIFICATIONS = `(() => {
  const Real = window.Notification;
  if (!Real) return;
  window.__notifications = [];
  window.__permissionRequests = 0;
  class Observed extends Real {
    constructor(title, options) {
      super(title, options);
      window.__notifications.push({ title, body: options?.body ?? '' });
    }
  }
  Observed.requestPermission = (...args) => {
    window.__permissionRequests += 1;
    return Real.requestPermission(...args);
  };
  Object.defineProperty(Observed, 'permission', { get: () => Real.permission });
  window.Notification = Observed;
})();`;

type Observed = { __notifications: { title: string; body: string }[]; __permissionRequests: number };
const notifications = (page: Page) => page.evaluate(() => (window as unknown as Observed).__notifications);
const countOn = async (page: Page, item: string) => {
  const badge = page.getByTestId(`nav-${item}-count`);
  return (await badge.count()) === 0 ? 0 : Number(await badge.getAttribute('data-count'));
};

async function as<T>(user: string, query: string, variables: Record<string, unknown> = {}) {
  const r = await gql<T>(consoles.net.gatewayUrl, await consoles.net.token(user), query, variables);
  expect(r.errors, JSON.stringify(r.errors)).toBeUndefined();
  return r.data as T;
}
const MESSAGE = 'mutation($id: ID!, $input: ConsultationMessageInput!) { addConsultationMessage(id: $id, input: $input) { id } }';

it('tells an officer on the directory what arrived, counts it, notifies them, and shows it without Refresh', async () => {
  const { net, italy } = consoles;
  // Italy's officer follows the central Mediterranean and allowed notifications in their browser.
  await as('it-polfr-officer', SET_SUBSCRIPTION, { f: { regions: ['central-mediterranean'], countries: ['LBY'] } });
  await italy.grantPermissions(['notifications'], { origin: new URL(net.consoleUrl as string).origin });
  await italy.addInitScript(OBSERVE_NOTIFICATIONS);
  const officer = await consoles.signIn(italy, 'it-polfr-officer');
  expect(await officer.getByTestId('nav-directory').getAttribute('aria-current')).toBe('page');
  await officer.getByTestId('notifications-on').waitFor();
  expect(await officer.title()).toBe('Corridor console');
  // A second tab of the same officer: it opens no stream of its own, and hears the first tab's.
  const streamsOpened = new Map<Page, number>();
  const countStreams = (page: Page) =>
    page.on('request', (r) => {
      if (r.postData()?.includes('subscription Activity')) streamsOpened.set(page, (streamsOpened.get(page) ?? 0) + 1);
    });
  countStreams(officer);
  const secondTab = await italy.newPage();
  countStreams(secondTab);
  await secondTab.goto(net.consoleUrl as string);
  await secondTab.getByTestId('signin-user-it-polfr-officer').click();
  await secondTab.getByTestId('me').waitFor();

  // Nigeria writes. The stream opens at Italy's node a moment after the console connects: Nigeria
  // writes again until the first message is counted, then every later arrival must be.
  const opened = await as<{ openConsultation: { id: string } }>(
    'ng-nis-officer',
    'mutation($input: OpenConsultationInput!) { openConsultation(input: $input) { id } }',
    { input: { with: 'it-polfr', subject: 'Zuwara departures', body: 'Do you hold anything on departures from Zuwara this week?' } },
  );
  const consultation = opened.openConsultation.id;
  for (let attempt = 1; (await countOn(officer, 'consultations')) === 0; attempt++) {
    try {
      await expect.poll(() => countOn(officer, 'consultations'), { timeout: 5_000 }).toBeGreaterThan(0);
    } catch (e) {
      if (attempt === 8) throw e;
      await as('ng-nis-officer', MESSAGE, { id: consultation, input: { body: 'Any news from your side?' } });
    }
  }
  const consultationCount = await countOn(officer, 'consultations');
  expect(await officer.title()).toBe(`(${consultationCount}) Corridor console`);
  expect(await officer.getByTestId('nav-consultations-count').textContent()).toBe(`${consultationCount} ${consultationCount} new`);
  await expect.poll(() => officer.getByTestId('activity-announcer').textContent()).toMatch(/consultation message/);

  // A request sent to Italy, then an alert on the officer's route: each counted where it is shown.
  await as('ng-nis-authority', 'mutation($id: ID!, $input: RequestInput!) { createRequest(consultationId: $id, input: $input) { id } }', {
    id: consultation,
    input: {
      requestType: 'information_request',
      summary: 'Departure dates observed',
      sendingAuthority: { agency: 'ng-nis', name: 'Federal Ministry of Justice — Central Authority Unit' },
      receivingAuthority: { agency: 'it-polfr', name: 'Ministero della Giustizia — Ufficio II' },
      reference: 'NG-2026-0007',
      send: true,
    },
  });
  await expect.poll(() => countOn(officer, 'requests'), { timeout: 20_000 }).toBe(1);
  await expect.poll(() => countOn(secondTab, 'requests'), { timeout: 20_000 }).toBe(1);
  expect(streamsOpened.get(secondTab) ?? 0).toBe(0);
  await secondTab.close();
  await as('ng-nis-officer', 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }', {
    input: routeAlert({ summary: 'Zuwara departures tonight' }),
  });
  await expect.poll(() => countOn(officer, 'feed'), { timeout: 20_000 }).toBe(1);
  expect(await officer.title()).toBe(`(${consultationCount + 2}) Corridor console`);
  expect(officer.url()).not.toContain('#/consultations');

  // Each arrival was notified, in words that name kinds and numbers, never what was written.
  const shown = await notifications(officer);
  expect(shown.map((n) => n.title).every((t) => t === 'Corridor')).toBe(true);
  const bodies = shown.map((n) => n.body).join('\n');
  expect(bodies).toMatch(/consultation message/);
  expect(bodies).toMatch(/request changed/);
  expect(bodies).toMatch(/alert on your routes/);
  for (const written of ['Zuwara', 'Departure dates', 'NG-2026-0007']) expect(bodies).not.toContain(written);

  // Opening Consultations clears its count, and the thread is there without Refresh.
  await officer.getByTestId('nav-consultations').click();
  const thread = officer.getByTestId('consultation');
  await thread.waitFor();
  await expect.poll(() => countOn(officer, 'consultations')).toBe(0);
  expect(await officer.title()).toBe('(2) Corridor console');
  const messages = () => thread.getByTestId('consultation-message').count();
  const before = await messages();
  // What Nigeria wrote before the officer's console first asked is not counted as new to them.
  expect(before).toBeGreaterThanOrEqual(consultationCount);

  // While it is open, a new message shows in the thread as it arrives, and is not counted.
  await as('ng-nis-officer', MESSAGE, { id: consultation, input: { body: 'Two boats left at 02:00.' } });
  await expect.poll(messages, { timeout: 20_000 }).toBe(before + 1);
  expect(await countOn(officer, 'consultations')).toBe(0);

  // Requests: Nigeria withdraws its request while the officer looks at it; the status changes in place.
  await officer.getByTestId('nav-requests').click();
  await expect.poll(() => countOn(officer, 'requests')).toBe(0);
  const request = officer.getByTestId('request-row').first().getByTestId('request');
  await expect.poll(() => request.getAttribute('data-status')).toBe('sent');
  const requestId = (await as<{ requests: { request: { id: string } }[] }>('ng-nis-authority', '{ requests { request { id } } }'))
    .requests[0]?.request.id;
  await as(
    'ng-nis-authority',
    'mutation($id: ID!, $input: RequestStatusInput!) { setRequestStatus(requestId: $id, input: $input) { id } }',
    {
      id: requestId,
      input: { status: 'withdrawn' },
    },
  );
  await expect.poll(() => request.getAttribute('data-status'), { timeout: 20_000 }).toBe('withdrawn');

  // The feed clears the last count, and the title is the console's own again.
  await officer.getByTestId('nav-feed').click();
  await expect.poll(() => officer.title()).toBe('Corridor console');
  consultationId = consultation;
});

let consultationId: string | undefined;

it('shows the counts on a phone in Arabic, on the Menu button and in the unfolded menu, with nothing serious for axe', async () => {
  // This one arrives while the officer is away: the console counts it when it opens.
  await as('ng-nis-officer', MESSAGE, { id: consultationId, input: { body: 'One more boat seen.' } });
  await expect
    .poll(
      async () =>
        (await as<{ myActivity: { consultation: number } }>('it-polfr-officer', '{ myActivity { consultation } }')).myActivity.consultation,
      {
        timeout: 20_000,
      },
    )
    .toBe(1);
  const officer = await consoles.signIn(consoles.italy, 'it-polfr-officer');
  await officer.setViewportSize({ width: 390, height: 844 });
  await officer.getByTestId('language-picker').selectOption('ar');
  await officer.waitForFunction(() => document.documentElement.dir === 'rtl');
  // Folded, the links' counts are hidden: the Menu button carries the total.
  await expect.poll(() => officer.getByTestId('nav-menu-count').getAttribute('data-count'), { timeout: 20_000 }).toBe('1');
  expect(await officer.getByTestId('nav-menu-count').isVisible()).toBe(true);
  await officer.getByTestId('nav-menu').click();
  expect(await officer.getByTestId('nav-consultations-count').isVisible()).toBe(true);
  // The screen reader hears "1 new" in Arabic beside the number.
  expect(await officer.getByTestId('nav-consultations-count').locator('.visually-hidden').textContent()).toBe(' جديد واحد');
  const wide = await officer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(wide).toBeLessThanOrEqual(0);
  expect(await seriousViolations(officer)).toEqual([]);
});

it('asks for notification permission only when the officer presses the button', async () => {
  const { niger } = consoles;
  await niger.addInitScript(OBSERVE_NOTIFICATIONS);
  const officer = await consoles.signIn(niger, 'ne-ppn-officer');
  const button = officer.getByTestId('enable-notifications');
  await button.waitFor();
  expect(await officer.evaluate(() => (window as unknown as Observed).__permissionRequests)).toBe(0);
  // The button fits the phone's header in Arabic, and axe finds nothing serious with it.
  await officer.setViewportSize({ width: 390, height: 844 });
  await officer.getByTestId('language-picker').selectOption('ar');
  await officer.waitForFunction(() => document.documentElement.dir === 'rtl');
  expect(await officer.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(officer)).toEqual([]);
  await button.click();
  await expect.poll(() => officer.evaluate(() => (window as unknown as Observed).__permissionRequests)).toBe(1);
});
