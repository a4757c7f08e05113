// In a real browser: an officer publishes a route alert with a pinned waypoint, and the console
// draws it on a map of the region, offline: on the alert's card, and on the feed's map view with a
// count per route that filters the list. On a laptop, on a phone (390×844, nothing wider than the
// screen) and on paper; and no request leaves for any host but the console and the gateway.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { useConsoleBrowsers } from '../support/console-browsers.js';
import { routeAlert } from '../support/fixtures.js';
import { startTestNetwork } from '../support/test-network.js';

const consoles = useConsoleBrowsers(() => startTestNetwork({ console: true }));

const ROUTE_WORDS = 'Zuwara (Libya) → Lampedusa (Italy)';
let page: Page;
/** Every host the console's page asked something of once signed in. */
const hosts = new Set<string>();
let formAlertId: string | undefined;

beforeAll(async () => {
  page = await consoles.signIn(consoles.italy, 'it-polfr-officer');
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:') hosts.add(url.host);
  });
  await page.setViewportSize({ width: 1366, height: 768 });
});

afterAll(async () => {
  await page?.close();
});

/** Publishes through the gateway as Italy's officer, as a partner's system would. */
async function publishByApi(input: unknown): Promise<string> {
  const token = await consoles.net.token('it-polfr-officer');
  const res = await fetch(consoles.net.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }', variables: { input } }),
  });
  const body = (await res.json()) as { data?: { publishAlert: { id: string } }; errors?: unknown };
  if (!body.data) throw new Error(`publishAlert refused: ${JSON.stringify(body.errors)}`);
  return body.data.publishAlert.id;
}

async function openFeed(): Promise<void> {
  await page.getByTestId('nav-feed').click();
  await page.getByTestId('feed-live').waitFor();
  await page.getByTestId('sources').waitFor();
}

/** How much wider than the window the page is (0: no horizontal scroll). */
const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

it('publishes a route with a pinned waypoint from the form, and its card draws the route', async () => {
  await page.getByTestId('nav-publish').click();
  await page.getByLabel('Waypoint 1 country').selectOption('LBY');
  await page.getByLabel('Place of waypoint 1').fill('Zuwara');
  await page.getByLabel('Latitude of waypoint 1').fill('32.93124');
  await page.getByLabel('Longitude of waypoint 1').fill('12,08');
  await page.getByLabel('Waypoint 2 country').selectOption('ITA');
  await page.getByLabel('Place of waypoint 2').fill('Lampedusa');
  // Half a point is refused next to its field, before anything is sent.
  await page.getByLabel('Latitude of waypoint 2').fill('35.5');
  await page.getByLabel('Means of transport').selectOption('wooden_boat');
  await page.getByLabel('Summary').fill(`Wooden boat leaving Zuwara beach at dawn, ${consoles.net.run}`);
  await page.getByTestId('publish-submit').click();
  const refused = page.locator('[data-testid="field-error"][data-field="route.waypoints.1.longitude"]');
  await refused.waitFor();
  expect(await refused.textContent()).toContain('give both or neither');
  await page.getByLabel('Latitude of waypoint 2').fill('');
  await page.getByTestId('publish-submit').click();
  const success = page.getByTestId('publish-success');
  await success.waitFor();
  formAlertId = /alert ([0-9a-f-]{36})/.exec((await success.textContent()) ?? '')?.[1];
  expect(formAlertId).toBeDefined();

  // What a partner is given: the pinned waypoint kept to 0.01° (THREAT-MODEL.md, "Map coordinates"), the other without a point.
  const token = await consoles.net.token('ne-ppn-officer');
  const answer = await fetch(consoles.net.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'query { alerts(limit: 50) { alerts { id route { waypoints { country place latitude longitude } } } } }',
    }),
  });
  const seen = ((await answer.json()) as { data: { alerts: { alerts: { id: string; route: { waypoints: unknown[] } }[] } } }).data.alerts
    .alerts;
  expect(seen.find((a) => a.id === formAlertId)?.route.waypoints).toEqual([
    { country: 'LBY', place: 'Zuwara', latitude: 32.93, longitude: 12.08 },
    { country: 'ITA', place: 'Lampedusa', latitude: null, longitude: null },
  ]);

  await openFeed();
  const card = page.locator(`[data-testid="alert-item"][data-alert-id="${formAlertId}"]`);
  await card.waitFor();
  const map = card.getByTestId('route-map');
  await map.locator('[data-testid="route-line"] path.route-path').waitFor();
  expect(await map.locator('desc').textContent()).toContain(`${ROUTE_WORDS}; Italy drawn at the country’s centre`);
  expect(await map.locator('path.route-path').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+/);
  // Two stops, over the outlines of the region, Libya and Italy marked as on the route.
  expect(await map.locator('circle.stop').count()).toBe(2);
  expect(await map.locator('path.land-on-route').count()).toBe(2);
});

it('counts the alerts of each route of the last days on the feed’s map, and a route chosen filters the list', async () => {
  await publishByApi(
    routeAlert({
      summary: `Second departure from Zuwara, ${consoles.net.run}`,
      route: {
        region: 'central-mediterranean',
        waypoints: [
          { country: 'LBY', place: 'Zuwara' },
          { country: 'ITA', place: 'Lampedusa' },
        ],
      },
    }),
  );
  await publishByApi(routeAlert({ summary: `Agadez to Lampedusa, ${consoles.net.run}` })); // Agadez → Zuwara → Lampedusa: another route
  await page.reload();
  await openFeed();
  await page.getByTestId('feed-view-map').click();
  const feedMap = page.getByTestId('feed-map');
  await feedMap.getByTestId('route-map').waitFor();

  const legend = feedMap.getByTestId('map-route');
  const zuwara = legend.filter({ hasText: `Central Mediterranean: ${ROUTE_WORDS}` });
  expect(await zuwara.getAttribute('data-count')).toBe('2');
  expect(await legend.filter({ hasText: 'Agadez (Niger) → Zuwara (Libya) → Lampedusa (Italy)' }).getAttribute('data-count')).toBe('1');
  // On the map itself: a line per route, the count drawn on it.
  const key = await zuwara.getAttribute('data-route-key');
  const line = feedMap.locator(`[data-testid="route-line"][data-route-key='${key}']`);
  expect(await line.locator('path.route-path').getAttribute('d')).toMatch(/^M[\d.]+,[\d.]+L/);
  const count = feedMap.locator(`[data-testid="route-count"][data-route-key='${key}']`);
  expect(await count.textContent()).toBe('2');
  expect(await feedMap.getByTestId('route-line').count()).toBe(await legend.count());

  expect(await page.getByTestId('alert-item').count()).toBe(3);
  await count.click();
  await page.getByTestId('route-filter').waitFor();
  expect(await zuwara.getAttribute('aria-pressed')).toBe('true');
  expect(await count.getAttribute('aria-pressed')).toBe('true');
  const listed = page.getByTestId('alert-item');
  expect(await listed.count()).toBe(2);
  for (const text of await listed.locator('.route').allTextContents()) expect(text).toContain(ROUTE_WORDS);
  // The count is a button for the keyboard too: Enter chooses it again, which shows every route.
  await count.focus();
  await page.keyboard.press('Enter');
  await page.locator('[data-testid="route-filter"]').waitFor({ state: 'detached' });
  expect(await page.getByTestId('alert-item').count()).toBe(3);
});

it('fits a phone’s screen, the maps as wide as the screen at most', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.getByTestId('feed-view-list').click();
  const card = page.locator(`[data-testid="alert-item"][data-alert-id="${formAlertId}"]`);
  await card.getByTestId('route-map').locator('path.route-path').waitFor();
  expect(await overflow()).toBeLessThanOrEqual(0);
  const cardMap = await card.getByTestId('route-map').boundingBox();
  expect(cardMap?.width).toBeGreaterThan(100);
  expect((cardMap?.x ?? 0) + (cardMap?.width ?? 0)).toBeLessThanOrEqual(390);

  await page.getByTestId('feed-view-map').click();
  const feedMap = page.getByTestId('feed-map').getByTestId('route-map');
  await feedMap.locator('path.route-path').first().waitFor();
  expect(await overflow()).toBeLessThanOrEqual(0);
  const box = await feedMap.boundingBox();
  expect(box?.width).toBeGreaterThan(200);
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(390);
});

it('prints the map without the navigation', async () => {
  await page.getByTestId('feed-view-map').click();
  await page.getByTestId('feed-map').getByTestId('route-map').locator('path.route-path').first().waitFor();
  await page.emulateMedia({ media: 'print' });
  try {
    const feedMap = page.getByTestId('feed-map').getByTestId('route-map');
    expect(await feedMap.isVisible()).toBe(true);
    expect((await feedMap.boundingBox())?.height).toBeGreaterThan(50);
    expect(await page.locator('[data-testid="route-line"]').first().isVisible()).toBe(true);
    expect(await page.getByTestId('nav-feed').isVisible()).toBe(false);
    expect(await page.getByTestId('sign-out').isVisible()).toBe(false);
  } finally {
    await page.emulateMedia({ media: null });
  }
});

it('asked nothing of any host but the console and the gateway: the map needs no tile server', () => {
  const allowed = new Set([new URL(consoles.net.consoleUrl as string).host, new URL(consoles.net.gatewayUrl).host]);
  expect(hosts.size).toBeGreaterThan(0); // the recorder saw the console's own requests
  expect([...hosts].filter((h) => !allowed.has(h))).toEqual([]);
});
