// In a real browser: an officer at Italy's border police publishes a route alert from the console,
// and a prosecutor in Niger, with the console open on the live feed, sees it arrive.
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { arrivedInFeed, publishRouteAlert } from '../support/browser.js';
import { useConsoleBrowsers } from '../support/console-browsers.js';
import { documentFraudAlert, routeAlert } from '../support/fixtures.js';
import { startTestNetwork } from '../support/test-network.js';

const consoles = useConsoleBrowsers(() => startTestNetwork({ console: true }));
const { signIn } = consoles;

/**
 * The feed page with its alerts loaded. The directory page has a `sources` strip too: wait for the
 * feed's own marker first, or the count may be taken on the page being left.
 */
async function openFeed(page: Page): Promise<void> {
  await page.getByTestId('nav-feed').click();
  await page.getByTestId('feed-live').waitFor();
  await page.getByTestId('sources').waitFor();
}

it('shows an alert published in one agency’s console in another agency’s live feed', async () => {
  const nigerPage = await signIn(consoles.niger, 'ne-ppn-officer');
  await nigerPage.getByTestId('nav-feed').click();
  await nigerPage.getByText('● live').waitFor();
  await nigerPage.getByTestId('sources').waitFor();

  const italyPage = await signIn(consoles.italy, 'it-polfr-officer');
  const summary = `Wooden boat intercepted south of Lampedusa, ${consoles.net.run}`;
  const id = await publishRouteAlert(italyPage, summary, 62);
  expect(id).toBeDefined();

  const arrived = await arrivedInFeed(nigerPage, id);
  expect(await arrived.textContent()).toContain(summary);
  // Codes are shown as words, and the alert is marked as new.
  expect(await arrived.textContent()).toContain('Wooden boat');
  expect(await arrived.textContent()).toContain('Zuwara (Libya)');
  expect(await arrived.locator('.badge-new').count()).toBe(1);
  // The receiving node verified Italy's signature before storing it; the console says who signed.
  expect(await arrived.getByTestId('signed-by').textContent()).toContain('Polizia di Frontiera');
});

it('puts each validation message next to its field and publishes nothing', async () => {
  const page = await signIn(consoles.italy, 'it-polfr-officer');
  await openFeed(page);
  const before = await page.getByTestId('alert-item').count();
  expect(before).toBeGreaterThan(0); // the alert of the test above: a count of 0 would prove nothing

  await page.getByTestId('nav-publish').click();
  await page.getByTestId('publish-kind-document_fraud').click();
  await page.getByLabel('Sharing (TLP)').selectOption('AMBER');
  await page.getByTestId('publish-submit').click();
  // The messages render after the click's state update: wait for them rather than race the render.
  await page.getByTestId('field-error').first().waitFor();
  const fields = await page.getByTestId('field-error').evaluateAll((els) => els.map((e) => e.getAttribute('data-field')));
  expect(fields).toEqual(expect.arrayContaining(['recipients', 'documentFraud.issuingState', 'summary']));
  expect(await page.getByTestId('publish-success').count()).toBe(0);

  await openFeed(page);
  expect(await page.getByTestId('alert-item').count()).toBe(before);
});

it('lets a liaison officer follow a route and shows what matches, unread until read', async () => {
  const page = await signIn(consoles.niger, 'ne-ppn-officer');
  await page.getByTestId('nav-routes').click();
  await page.getByLabel('Central Mediterranean').check();
  await page.getByTestId('subscription-save').click();
  await page.getByTestId('subscription-saved').waitFor();

  const italyToken = await consoles.net.token('it-polfr-officer');
  const published = await fetch(consoles.net.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${italyToken}` },
    body: JSON.stringify({
      query: 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
      variables: { input: routeAlert({ summary: `Followed route ${consoles.net.run}` }) },
    }),
  });
  const id = ((await published.json()) as { data: { publishAlert: { id: string } } }).data.publishAlert.id;

  const item = page.locator(`[data-testid="route-alert"]:has([data-alert-id="${id}"])`);
  await item.waitFor({ timeout: 20_000 });
  expect(await item.getAttribute('data-read')).toBe('false');
  await page.getByTestId('mark-all-read').click();
  await page.locator(`[data-testid="route-alert"][data-read="true"]:has([data-alert-id="${id}"])`).waitFor();
  expect(await page.getByTestId('unread-count').textContent()).toBe('0 unread');
});

it('picks countries to follow by typing their names, and keeps document-fraud alerts under a route filter, saying so', async () => {
  const page = await signIn(consoles.niger, 'ng-nis-officer');
  await page.getByTestId('nav-routes').click();
  await page.getByLabel('Central Mediterranean').check();
  expect(await page.getByTestId('routes-and-document-fraud').textContent()).toMatch(
    /Document-fraud alerts that name no route are still shown/,
  );
  const countries = page.getByLabel('Countries on the route (origin, waypoints, document issuer)');
  await countries.fill('liby');
  await countries.press('Enter');
  await countries.fill('ital');
  await page.locator('[data-testid="option"][data-code="ITA"]').click();
  const chosen = page.getByTestId('chosen');
  expect(await chosen.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['LBY', 'ITA']);
  await page.getByRole('button', { name: 'Remove Libya' }).click();
  expect(await chosen.evaluateAll((els) => els.map((e) => e.getAttribute('data-code')))).toEqual(['ITA']);
  await page.getByTestId('subscription-save').click();
  await page.getByTestId('subscription-saved').waitFor();

  // A document-fraud alert from Italy, with no route: still shown under the route filter.
  const italyToken = await consoles.net.token('it-polfr-officer');
  const published = await fetch(consoles.net.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${italyToken}` },
    body: JSON.stringify({
      query: 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
      variables: { input: documentFraudAlert({ summary: `Counterfeit passports ${consoles.net.run}` }) },
    }),
  });
  const id = ((await published.json()) as { data: { publishAlert: { id: string } } }).data.publishAlert.id;
  await page.locator(`[data-testid="route-alert"]:has([data-alert-id="${id}"])`).waitFor({ timeout: 20_000 });
});

it('says on the alert card what the notices panel says about the protection contact', async () => {
  const nigerPage = await signIn(consoles.niger, 'ne-ppn-officer');
  await nigerPage.getByTestId('nav-feed').click();
  await nigerPage.getByText('● live').waitFor();
  const italyToken = await consoles.net.token('it-polfr-officer');
  const published = await fetch(consoles.net.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${italyToken}` },
    body: JSON.stringify({
      query: 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
      variables: { input: { ...routeAlert({ summary: `Children on board ${consoles.net.run}` }), protection: ['unaccompanied_child'] } },
    }),
  });
  const id = ((await published.json()) as { data: { publishAlert: { id: string } } }).data.publishAlert.id;
  const card = await arrivedInFeed(nigerPage, id);
  // Niger's directory lists no protection contact for Italy: neither the panel nor the card says one was told.
  const item = nigerPage.locator(`[data-testid="protection-notice-item"][data-source-id="${id}"]`);
  await item.waitFor({ timeout: 20_000 });
  expect(await item.textContent()).toContain('No protection contact is listed here');
  await expect.poll(() => card.getByTestId('protection-notice').textContent()).toContain('No protection contact is listed here for Italy');
  expect(await card.getByTestId('protection-notice').textContent()).not.toContain('has been told');
});
