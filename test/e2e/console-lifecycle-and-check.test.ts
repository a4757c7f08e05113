// In a real browser: the originating officer amends and withdraws an alert and a partner's feed
// follows; a stale amendment is refused and changes nothing; a partner sees what the owner's
// policy withheld; an officer checks a passport in the one search box and gets a clear answer.
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, signInAs } from '../support/browser.js';
import { documentFraudAlert, RAW, routeAlert } from '../support/fixtures.js';
import { gql } from '../support/graphql.js';
import { startTestNetwork, type TestNetwork } from '../support/test-network.js';

let net: TestNetwork;
let italy: BrowserContext;
let niger: BrowserContext;

beforeAll(async () => {
  net = await startTestNetwork({ console: true });
  italy = await launchBrowser();
  niger = await launchBrowser();
}, 180_000);

afterAll(async () => {
  await italy?.close();
  await niger?.close();
  await net?.stop();
});

const signIn = (context: BrowserContext, userId: string): Promise<Page> => signInAs(context, net.consoleUrl as string, userId);

async function publishAsItaly(input: Record<string, unknown>): Promise<string> {
  const r = await gql<{ publishAlert: { id: string } }>(
    net.gatewayUrl,
    await net.token('it-polfr-officer'),
    'mutation($input: JSONObject!) { publishAlert(input: $input) { id } }',
    { input },
  );
  expect(r.errors).toBeUndefined();
  return r.data?.publishAlert.id as string;
}

const card = (page: Page, id: string) => page.locator(`[data-testid="alert-item"][data-alert-id="${id}"]`);

describe('amending and withdrawing from the console', () => {
  it('issues a revision and a withdrawal that the partner’s live feed shows', async () => {
    const id = await publishAsItaly(routeAlert({ summary: `Departures from Zuwara ${net.run}`, caseReference: 'RG 88/2026' }));
    const nigerPage = await signIn(niger, 'ne-ppn-officer');
    await nigerPage.getByTestId('nav-feed').click();
    await card(nigerPage, id).waitFor({ timeout: 20_000 });
    // Niger shares no network with Italy: the case reference is withheld, and the card says so.
    expect(await card(nigerPage, id).getByTestId('case-reference').count()).toBe(0);
    expect(await card(nigerPage, id).getByTestId('alert-redacted').textContent()).toContain('case reference');
    // Only the originating agency may change it.
    expect(await card(nigerPage, id).getByTestId('alert-amend').count()).toBe(0);

    const italyPage = await signIn(italy, 'it-polfr-officer');
    await italyPage.getByTestId('nav-feed').click();
    const mine = card(italyPage, id);
    await mine.waitFor();
    expect(await mine.getByTestId('case-reference').textContent()).toContain('RG 88/2026');
    await mine.getByTestId('alert-amend').click();
    await mine.getByLabel('Summary').fill(`Departures moved to Sabratha ${net.run}`);
    await mine.getByTestId('amend-submit').click();
    await mine.getByText('Amended (revision 2)').waitFor();

    await card(nigerPage, id).getByText(`Departures moved to Sabratha ${net.run}`).waitFor({ timeout: 20_000 });
    expect(await card(nigerPage, id).textContent()).toContain('Amended (revision 2)');

    await mine.getByTestId('alert-withdraw').click();
    await mine.getByTestId('withdraw-confirm').click();
    await mine.getByText('Withdrawn').waitFor();
    await card(nigerPage, id).getByText('Withdrawn').waitFor({ timeout: 20_000 });
  });

  it('refuses an amendment made on a revision someone else has changed since, and changes nothing', async () => {
    const id = await publishAsItaly(routeAlert({ summary: `Convoys leaving Agadez ${net.run}` }));
    const italyPage = await signIn(italy, 'it-polfr-officer');
    await italyPage.getByTestId('nav-feed').click();
    const mine = card(italyPage, id);
    await mine.waitFor({ timeout: 20_000 });
    await mine.getByTestId('alert-amend').click();
    await mine.getByLabel('Summary').fill('My correction');

    // Meanwhile a colleague amends it from another console.
    const colleague = await gql(
      net.gatewayUrl,
      await net.token('it-polfr-officer'),
      'mutation($id: ID!, $input: JSONObject!) { amendAlert(id: $id, input: $input, revision: 1) { revision } }',
      { id, input: routeAlert({ summary: `Colleague's correction ${net.run}`, identifiers: [] }) },
    );
    expect(colleague.errors).toBeUndefined();

    await mine.getByTestId('amend-submit').click();
    expect(await mine.getByTestId('amend-conflict').textContent()).toMatch(/changed since you opened it/);
    const after = await gql<{ alerts: { alerts: { id: string; summary: string; revision: number }[] } }>(
      net.gatewayUrl,
      await net.token('it-polfr-officer'),
      '{ alerts(limit: 200) { alerts { id summary revision } } }',
    );
    const now = after.data?.alerts.alerts.find((a) => a.id === id);
    expect(now).toMatchObject({ revision: 2, summary: `Colleague's correction ${net.run}` });
  });
});

describe('the hit / no-hit box', () => {
  it('answers HIT with the holder and whom to call, and no hit for an unknown passport', async () => {
    await publishAsItaly(documentFraudAlert());
    const page = await signIn(niger, 'ne-ppn-officer');
    await page.getByTestId('nav-check').click();
    await page.getByLabel('What').selectOption('travel_document');
    await page.getByLabel('Identifier').fill(RAW.documentNumber.toLowerCase());
    await page.getByLabel('Issuing state').fill('NGA');
    await page.getByTestId('check-submit').click();
    const result = page.getByTestId('check-result');
    await result.waitFor();
    expect(await result.getAttribute('data-hit')).toBe('true');
    expect(await result.textContent()).toMatch(/^HIT/);
    const hit = page.locator('[data-testid="check-hit"][data-agency="it-polfr"]');
    expect(await hit.getByTestId('check-contact').textContent()).toContain('Sala operativa Lampedusa');

    await page.getByLabel('Identifier').fill('B00000001');
    await page.getByTestId('check-submit').click();
    await page.locator('[data-testid="check-result"][data-hit="false"]').waitFor();
    expect(await page.getByTestId('check-result').textContent()).toContain('No hit');
  });

  it('opens a consultation with the agency that holds a hit, about its alert', async () => {
    const page = await signIn(niger, 'ne-ppn-officer');
    await page.getByTestId('nav-check').click();
    await page.getByLabel('What').selectOption('travel_document');
    await page.getByLabel('Identifier').fill(RAW.documentNumber);
    await page.getByLabel('Issuing state').fill('NGA');
    await page.getByTestId('check-submit').click();
    await page.locator('[data-testid="check-hit"][data-agency="it-polfr"]').getByTestId('check-consult').click();
    expect(await page.getByLabel('Subject').inputValue()).toMatch(/^A hit on your document-fraud alert of /);
    await page.getByLabel('Message').fill('We stopped a traveller with this passport at Niamey airport. Can we talk?');
    await page.getByTestId('consultation-open').click();
    await page.getByTestId('consultation').waitFor();
    expect(await page.getByTestId('consultation').textContent()).toContain('with Polizia di Frontiera');
  });
});
