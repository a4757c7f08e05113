// Handling codes in the console (issue 17, items 1 and 5): the publish form offers the handling
// code and the evidence marking (H0 and "ask the owner" to start with); a partner's card shows
// them, signed, with who decided; the receiver asks for permission from the card, the owner grants
// it in the thread, and the receiver reads who granted it. At 390 px, in Arabic too, nothing is
// wider than the screen and axe finds nothing serious.
import { expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.js';
import { useConsoleBrowsers } from '../support/console-browsers.js';
import { routeAlert } from '../support/fixtures.js';
import { gql } from '../support/graphql.js';
import { startTestNetwork } from '../support/test-network.js';

const consoles = useConsoleBrowsers(() => startTestNetwork({ console: true }));
const { signIn } = consoles;
const PHONE = { width: 390, height: 844 };

const wider = (page: import('playwright-core').Page) => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);

it('asks the owner from the card and shows the grant, with the handling code and evidence marking wherever the alert is', async () => {
  const { net } = consoles;
  // The publish form starts at H0 and "ask the owner".
  const publisher = await signIn(consoles.italy, 'it-polfr-officer');
  await publisher.getByTestId('nav-publish').click();
  expect(await publisher.getByLabel('Handling code').inputValue()).toBe('H0');
  expect(await publisher.getByLabel('Use as evidence').inputValue()).toBe('with_permission');

  const published = await gql<{ publishAlert: { id: string } }>(
    net.gatewayUrl,
    await net.token('it-polfr-officer'),
    'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
    { input: routeAlert({ tlp: 'AMBER', recipients: ['ne-ppn'], handlingCode: 'H1', evidence: { use: 'with_permission' } }) },
  );
  expect(published.errors).toBeUndefined();
  const alertId = published.data?.publishAlert.id as string;

  const receiver = await signIn(consoles.niger, 'ne-ppn-officer');
  await receiver.getByTestId('nav-feed').click();
  await receiver.setViewportSize(PHONE);
  const card = receiver.locator(`[data-testid="alert-item"][data-alert-id="${alertId}"]`);
  await card.waitFor({ timeout: 30_000 });
  expect(await card.getByTestId('handling-code').textContent()).toBe('H1');
  expect(await card.getByTestId('evidence-marking').textContent()).toBe(
    'Evidence: Ask the owner before using it as evidence (decided by Officer of Polizia di Frontiera — Lampedusa)',
  );

  await card.getByTestId('request-permission').locator('summary').click();
  expect(await wider(receiver)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(receiver)).toEqual([]);
  await card.getByLabel('What for').selectOption('evidence');
  await card.getByLabel('Why (the owner reads it)').fill('To hear the organisers before the court of Niamey.');
  await card.getByRole('button', { name: /^Ask / }).click();
  await card.getByText('Asked. The answer will show in Consultations.').waitFor();

  // Italy's own card offers to change the handling by amendment, starting from what was signed.
  await publisher.getByTestId('nav-feed').click();
  const own = publisher.locator(`[data-testid="alert-item"][data-alert-id="${alertId}"]`);
  await own.getByTestId('alert-amend').click();
  expect(await own.getByLabel('Handling code').inputValue()).toBe('H1');
  expect(await own.getByLabel('Use as evidence').inputValue()).toBe('with_permission');
  await own.getByRole('button', { name: 'Cancel' }).click();

  // Italy grants it in the thread the question opened.
  await publisher.getByTestId('nav-consultations').click();
  const asked = publisher.getByTestId('permission');
  await expect
    .poll(
      async () => {
        await publisher.getByRole('button', { name: 'Refresh' }).click();
        return asked.count();
      },
      { timeout: 15_000 },
    )
    .toBe(1);
  await publisher.getByLabel('Legal basis (optional)').fill('Art. 7 of the 2000 EU MLA Convention');
  await publisher.getByTestId('permission-grant').click();
  await expect.poll(() => asked.getAttribute('data-status')).toBe('granted');

  // Niger reads who granted it, and on what basis.
  await receiver.getByTestId('nav-menu').click();
  await receiver.getByTestId('nav-consultations').click();
  const granted = receiver.getByTestId('permission');
  await expect
    .poll(
      async () => {
        await receiver.getByRole('button', { name: 'Refresh' }).click();
        return granted.getAttribute('data-status');
      },
      { timeout: 15_000 },
    )
    .toBe('granted');
  expect(await granted.textContent()).toContain('Granted by Officer of Polizia di Frontiera — Lampedusa');
  expect(await granted.textContent()).toContain('Legal basis: Art. 7 of the 2000 EU MLA Convention');
  expect(await receiver.getByTestId('message-handling').first().textContent()).toContain('H0');
  expect(await wider(receiver)).toBeLessThanOrEqual(0);
  expect(await seriousViolations(receiver)).toEqual([]);
});
