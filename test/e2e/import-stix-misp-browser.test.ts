// In a real browser (issue 16, item 4): an officer at Italy's border police opens an OpenCTI report
// bundle on the Publish page. The form is filled as a draft and the parts of the file not taken are
// listed; nothing is published until the officer completes the draft and presses Publish, and
// then the alert reaches the partner's live feed with its identifiers pseudonymized. A malformed
// file is refused naming its field, leaving the form as it was. In Arabic on a 390 px screen the
// draft and its list hold, and axe finds nothing serious.
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.js';
import { arrivedInFeed, launchBrowser, signInAs } from '../support/browser.js';
import { useConsoleBrowsers } from '../support/console-browsers.js';
import { gql } from '../support/graphql.js';
import { startTestNetwork } from '../support/test-network.js';

const consoles = useConsoleBrowsers(() => startTestNetwork({ console: true }));

const FIXTURES = new URL('../../web/src/import/fixtures/', import.meta.url);
const fixture = (name: string) => JSON.parse(readFileSync(new URL(name, FIXTURES), 'utf8'));

async function open(page: Page, name: string, doc: unknown): Promise<void> {
  await page.getByTestId('import-file').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(doc)) });
}

/** Summaries of Italy's own alerts carrying `tag`, as its node holds them. */
async function publishedWith(tag: string): Promise<string[]> {
  const r = await gql<{ alerts: { summary: string }[] }>(
    consoles.net.nodes['it-polfr']?.url as string,
    await consoles.net.token('it-polfr-officer'),
    'query { alerts(scope: OWN, limit: 1000) { summary } }',
  );
  return (r.data?.alerts ?? []).map((a) => a.summary).filter((s) => s.includes(tag));
}

it('fills the form from a STIX bundle as a draft, lists what it did not take, and publishes only on Publish', async () => {
  const nigerPage = await consoles.signIn(consoles.niger, 'ne-ppn-officer');
  await nigerPage.getByTestId('nav-feed').click();
  await nigerPage.getByText('● live').waitFor();

  const page = await consoles.signIn(consoles.italy, 'it-polfr-officer');
  await page.getByTestId('nav-publish').click();
  const tag = `import${consoles.net.run}`;
  const bundle = fixture('opencti-report-bundle.json');
  bundle.objects[0].name = `${bundle.objects[0].name} ${tag}`;

  // A malformed file is refused at its field; what the officer typed stays.
  await page.getByLabel('Summary').fill('typed by hand');
  const broken = structuredClone(bundle);
  broken.objects[3].latitude = 123;
  await open(page, 'broken.json', broken);
  const refusal = page.getByTestId('import-error');
  await refusal.waitFor();
  expect(await refusal.getAttribute('data-field')).toBe('objects[3].latitude');
  expect(await refusal.textContent()).toContain('objects[3].latitude');
  expect(await page.getByLabel('Summary').inputValue()).toBe('typed by hand');

  await open(page, 'report.json', bundle);
  await page.getByTestId('import-filled').waitFor();
  expect(await page.getByTestId('import-filled').textContent()).toContain('report.json (STIX 2.1 bundle)');
  expect(await page.getByLabel('Summary').inputValue()).toContain(`late November ${tag}\n\nThree pick-up convoys`);
  expect(await page.locator('#tlp').inputValue()).toBe('AMBER');
  expect(await page.getByLabel('Waypoint 1 country').inputValue()).toBe('NER');
  expect(await page.getByLabel('Place').first().inputValue()).toBe('Agadez');
  expect(await page.getByLabel('Waypoint 2 country').inputValue()).toBe('LBY');
  expect(await page.getByLabel('Means of transport').inputValue()).toBe('pickup');
  expect(await page.locator('#identifier-0-kind').inputValue()).toBe('phone');
  expect(await page.locator('#identifier-0-value').inputValue()).toBe('+22790555014');
  expect(await page.locator('#identifier-1-value').inputValue()).toBe('Ibrahim Moussa Abdou');
  const notTaken = page.getByTestId('import-not-taken-item');
  const listed = await notTaken.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-at')} ${e.getAttribute('data-reason')}`));
  expect(listed).toEqual(
    expect.arrayContaining(['objects[6] no_country', 'objects[9] unused_kind', 'objects[11] unused_kind', 'objects[12] text']),
  );
  expect(await page.getByTestId('import-not-taken').textContent()).toContain('intrusion-set "Agadez convoy network"');

  // Opened is not published.
  expect(await publishedWith(tag)).toEqual([]);

  // The officer completes what the file could not say (TLP:AMBER's recipients) and publishes.
  await page.locator('#recipient-ne-ppn').check();
  await page.getByTestId('publish-submit').click();
  const success = page.getByTestId('publish-success');
  await success.waitFor();
  const id = /alert ([0-9a-f-]{36})/.exec((await success.textContent()) ?? '')?.[1];
  expect(await publishedWith(tag)).toHaveLength(1);
  // The list belonged to the draft just published.
  expect(await page.getByTestId('import-filled').count()).toBe(0);

  const arrived = await arrivedInFeed(nigerPage, id);
  expect(await arrived.textContent()).toContain(tag);
  // Identifiers travelled as pseudonyms: neither the number nor the name reaches the partner.
  expect(await arrived.textContent()).not.toContain('+22790555014');
  expect(await arrived.textContent()).not.toContain('Ibrahim');
});

it('holds the draft and its list at 390 px in Arabic, with nothing serious for axe', async () => {
  const context = await launchBrowser({ locale: 'ar' });
  try {
    const page = await signInAs(context, consoles.net.consoleUrl as string, 'it-polfr-officer');
    await page.getByTestId('nav-publish').click();
    await page.getByTestId('import-file').waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, 'event.json', fixture('misp-event.json'));
    await page.getByTestId('import-filled').waitFor();
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl');
    expect(await page.getByTestId('import-not-taken-item').count()).toBeGreaterThan(0);
    const { scrollWidth, innerWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      innerWidth: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
    expect(await seriousViolations(page)).toEqual([]);
  } finally {
    await context.close();
  }
});
