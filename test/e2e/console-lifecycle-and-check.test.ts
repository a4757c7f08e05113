// In a real browser: the originating officer amends and withdraws an alert and a partner's feed
// follows; a stale amendment is refused and changes nothing; a partner sees what the owner's
// policy withheld; an officer checks a passport in the one search box and gets a clear answer.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useConsoleBrowsers } from '../support/console-browsers.js';
import { documentFraudAlert, RAW, routeAlert } from '../support/fixtures.js';
import { gql } from '../support/graphql.js';
import { startTestNetwork } from '../support/test-network.js';

const consoles = useConsoleBrowsers(() => startTestNetwork({ console: true }), 180_000);
const { signIn } = consoles;

async function publishAsItaly(input: Record<string, unknown>): Promise<string> {
  const r = await gql<{ publishAlert: { id: string } }>(
    consoles.net.gatewayUrl,
    await consoles.net.token('it-polfr-officer'),
    'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
    { input },
  );
  expect(r.errors).toBeUndefined();
  return r.data?.publishAlert.id as string;
}

const card = (page: Page, id: string) => page.locator(`[data-testid="alert-item"][data-alert-id="${id}"]`);

describe('amending and withdrawing from the console', () => {
  it('issues a revision and a withdrawal that the partner’s live feed shows', async () => {
    const id = await publishAsItaly(routeAlert({ summary: `Departures from Zuwara ${consoles.net.run}`, caseReference: 'RG 88/2026' }));
    const nigerPage = await signIn(consoles.niger, 'ne-ppn-officer');
    await nigerPage.getByTestId('nav-feed').click();
    await card(nigerPage, id).waitFor({ timeout: 20_000 });
    // Niger shares no network with Italy: the case reference is withheld, and the card says so.
    expect(await card(nigerPage, id).getByTestId('case-reference').count()).toBe(0);
    expect(await card(nigerPage, id).getByTestId('alert-redacted').textContent()).toContain('case reference');
    // Only the originating agency may change it.
    expect(await card(nigerPage, id).getByTestId('alert-amend').count()).toBe(0);

    const italyPage = await signIn(consoles.italy, 'it-polfr-officer');
    await italyPage.getByTestId('nav-feed').click();
    const mine = card(italyPage, id);
    await mine.waitFor();
    expect(await mine.getByTestId('case-reference').textContent()).toContain('RG 88/2026');
    await mine.getByTestId('alert-amend').click();
    await mine.getByLabel('Summary').fill(`Departures moved to Sabratha ${consoles.net.run}`);
    // Any field but kind, sharing and recipients can be corrected: here the count on the route.
    await mine.getByLabel('Number of migrants').fill('61');
    await mine.getByTestId('amend-submit').click();
    await mine.getByText('Amended (revision 2)').waitFor();

    await card(nigerPage, id).getByText(`Departures moved to Sabratha ${consoles.net.run}`).waitFor({ timeout: 20_000 });
    expect(await card(nigerPage, id).textContent()).toContain('Amended (revision 2)');
    // The partner is told what changed, not left to compare revisions.
    expect(await card(nigerPage, id).getByTestId('alert-changes').textContent()).toBe(
      'Changed in revision 2: routeDetails.migrantCount, summary',
    );

    await mine.getByTestId('alert-withdraw').click();
    // Without a reason the node refuses, at the field, and nothing is withdrawn.
    await mine.getByTestId('withdraw-confirm').click();
    const reasonMessage = mine.locator('[data-testid="field-error"][data-field="reason"]');
    await reasonMessage.waitFor();
    expect(await reasonMessage.textContent()).toBe('is required');
    await mine.getByLabel('Reason').fill('The boats were seized in port');
    await mine.getByTestId('withdraw-confirm').click();
    await mine.getByTestId('withdrawal-reason').waitFor();
    await card(nigerPage, id).getByTestId('withdrawal-reason').waitFor({ timeout: 20_000 });
    expect(await card(nigerPage, id).getByTestId('withdrawal-reason').textContent()).toBe('Withdrawn: The boats were seized in port');
  });

  it('refuses an amendment made on a revision someone else has changed since, and changes nothing', async () => {
    const id = await publishAsItaly(routeAlert({ summary: `Convoys leaving Agadez ${consoles.net.run}` }));
    const italyPage = await signIn(consoles.italy, 'it-polfr-officer');
    await italyPage.getByTestId('nav-feed').click();
    const mine = card(italyPage, id);
    await mine.waitFor({ timeout: 20_000 });
    await mine.getByTestId('alert-amend').click();
    await mine.getByLabel('Summary').fill('My correction');

    // Meanwhile a colleague amends it from another console.
    const colleague = await gql(
      consoles.net.gatewayUrl,
      await consoles.net.token('it-polfr-officer'),
      'mutation($id: ID!, $input: AlertInput!) { amendAlert(id: $id, input: $input, revision: 1) { revision } }',
      { id, input: routeAlert({ summary: `Colleague's correction ${consoles.net.run}`, identifiers: [] }) },
    );
    expect(colleague.errors).toBeUndefined();

    await mine.getByTestId('amend-submit').click();
    expect(await mine.getByTestId('amend-conflict').textContent()).toMatch(/changed since you opened it/);
    const after = await gql<{ alerts: { alerts: { id: string; summary: string; revision: number }[] } }>(
      consoles.net.gatewayUrl,
      await consoles.net.token('it-polfr-officer'),
      '{ alerts(limit: 200) { alerts { id summary revision } } }',
    );
    const now = after.data?.alerts.alerts.find((a) => a.id === id);
    expect(now).toMatchObject({ revision: 2, summary: `Colleague's correction ${consoles.net.run}` });
  });
});

describe('the hit / no-hit box', () => {
  it('answers HIT with the holder and whom to call, and no hit for an unknown passport', async () => {
    await publishAsItaly(documentFraudAlert());
    const page = await signIn(consoles.niger, 'ne-ppn-officer');
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
    expect(await hit.textContent()).toContain('Document-fraud alert of ');
    expect(await hit.textContent()).not.toContain('alert alert');

    await page.getByLabel('Identifier').fill('B00000001');
    await page.getByTestId('check-submit').click();
    await page.locator('[data-testid="check-result"][data-hit="false"]').waitFor();
    expect(await page.getByTestId('check-result').textContent()).toContain('No hit');
  });

  it('opens a consultation with the agency that holds a hit, about its alert', async () => {
    const page = await signIn(consoles.niger, 'ne-ppn-officer');
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

describe('messages at the fields of the hit / no-hit box', () => {
  it('says at the qualifier what is wrong with it, never "Unexpected error."', async () => {
    const page = await signIn(consoles.niger, 'ne-ppn-officer');
    await page.getByTestId('nav-check').click();
    await page.getByLabel('What').selectOption('travel_document');
    expect(await page.locator('label[for="check-qualifier"]').textContent()).toBe('Issuing state (required)');
    await page.getByLabel('Identifier').fill(RAW.documentNumber);
    const qualifierMessage = page.locator('[data-testid="field-error"][data-field="qualifier"]');

    await page.getByTestId('check-submit').click();
    await qualifierMessage.waitFor();
    expect(await qualifierMessage.textContent()).toMatch(/give the issuing state/);

    await page.getByLabel('Issuing state').fill('NG');
    await page.getByTestId('check-submit').click();
    await page.getByText(/must be an ICAO 9303 issuing-state code/).waitFor();

    await page.getByLabel('What').selectOption('person');
    expect(await page.locator('label[for="check-qualifier"]').textContent()).toBe('Date of birth (optional)');
    await page.getByLabel('Identifier').fill(RAW.holderName);
    await page.getByLabel('Date of birth').fill('1994-02-30');
    await page.getByTestId('check-submit').click();
    await page.getByText('is not a date that exists').waitFor();
    expect(await qualifierMessage.count()).toBe(1);
    expect(await page.getByTestId('check-failure').textContent()).toBe('Check what you typed: see the message next to the field.');
    expect(await page.content()).not.toContain('Unexpected error');
  });
});

describe('an identifier written into free text', () => {
  it('is refused at its field, and one click moves it into the identifiers, from where the alert publishes', async () => {
    const page = await signIn(consoles.italy, 'it-polfr-officer');
    await page.getByTestId('nav-publish').click();
    await page.getByLabel('Waypoint 1 country').selectOption('LBY');
    await page.getByLabel('Place').first().fill('Zuwara');
    await page.getByLabel('Waypoint 2 country').selectOption('ITA');
    await page.getByLabel('Means of transport').selectOption('rubber_boat');
    await page.getByLabel('Summary').fill(`Bookings by phone on +234 803 555 0147, departures at night ${consoles.net.run}`);
    await page.getByTestId('publish-submit').click();

    const message = page.locator('[data-testid="field-error"][data-field="summary"]');
    await message.waitFor();
    expect(await message.textContent()).toMatch(/looks like a phone number: move it into the identifiers section/);
    const offer = page.locator('[data-testid="move-to-identifiers"][data-field="summary"]');
    expect(await offer.getAttribute('data-kind')).toBe('phone');
    await offer.click();

    expect(await page.getByLabel('Summary').inputValue()).toBe(`Bookings by phone on, departures at night ${consoles.net.run}`);
    expect(await page.getByLabel('Identifier 1 kind').inputValue()).toBe('phone');
    expect(await page.getByLabel('Identifier 1 value').inputValue()).toBe('+234 803 555 0147');
    expect(await message.count()).toBe(0);

    await page.getByTestId('publish-submit').click();
    const success = page.getByTestId('publish-success');
    await success.waitFor();
    const id = /alert ([0-9a-f-]{36})/.exec((await success.textContent()) ?? '')?.[1] as string;
    const r = await gql<{ alerts: { alerts: { id: string; summary: string; identifiers: { kind: string }[] }[] } }>(
      consoles.net.gatewayUrl,
      await consoles.net.token('ne-ppn-officer'),
      '{ alerts(limit: 200) { alerts { id summary identifiers { kind } } } }',
    );
    const received = r.data?.alerts.alerts.find((a) => a.id === id);
    expect(received?.summary).not.toMatch(/803/);
    expect(received?.identifiers.map((i) => i.kind)).toContain('phone');
  });
});
