// The console when a publish is held (issue 18 meets the border post without its link): with
// Niger's and Nigeria's nodes down, Italy's node has one key holder of the two it needs. The officer
// publishes an alert with a phone number; the console says it is saved at their node and will go by
// itself, and once Niger's node is back the alert arrives in Niger's console without anyone acting.
import { expect, it } from 'vitest';
import { arrivedInFeed, fillRouteAlert } from '../support/browser.js';
import { useConsoleBrowsers } from '../support/console-browsers.js';
import { eventually, gql } from '../support/graphql.js';
import { startTestNetwork } from '../support/test-network.js';

const consoles = useConsoleBrowsers(() =>
  startTestNetwork({
    console: true,
    pseudonyms: { holders: ['it-polfr', 'ne-ppn', 'ng-nis'] },
    nodeEnv: { CORRIDOR_HELD_RETRY_MS: '300' },
  }),
);

it('says a held alert is saved and will be sent, and it reaches the partner once a second key holder answers', async () => {
  const niger = consoles.net.nodes['ne-ppn'];
  const nigeria = consoles.net.nodes['ng-nis'];
  const page = await consoles.signIn(consoles.italy, 'it-polfr-officer');
  await niger?.stop();
  await nigeria?.stop();
  let id: string | undefined;
  try {
    await page.getByTestId('nav-publish').click();
    await fillRouteAlert(page, 'Boat seen leaving Zuwara, the link to the others is down', 25);
    await page.getByRole('button', { name: 'Add identifier' }).click();
    await page.getByLabel('Identifier 1 value').fill('+234 803 555 0147');
    await page.getByTestId('publish-submit').click();
    const held = page.getByTestId('publish-held');
    await held.waitFor({ timeout: 30_000 });
    expect(await held.textContent()).toMatch(/saved at your node but not sent yet/);
    expect(await page.getByTestId('publish-success').count()).toBe(0);
    id = (await held.textContent())?.match(/[0-9a-f]{8}-[0-9a-f-]{27}/)?.[0];
    expect(id).toBeTruthy();
    await niger?.start();
  } finally {
    if (!niger?.running) await niger?.start();
    await nigeria?.start();
  }
  // At Niger's node first, then in its officer's console.
  await eventually(async () => {
    const r = await gql<{ alerts: { id: string }[] }>(
      niger?.url as string,
      await consoles.net.token('ne-ppn-officer'),
      '{ alerts(scope: RECEIVED, limit: 500) { id } }',
    );
    return r.data?.alerts.some((a) => a.id === id) ?? false;
  }, 60_000);
  const nigerPage = await consoles.signIn(consoles.niger, 'ne-ppn-officer');
  await nigerPage.getByTestId('nav-feed').click();
  const card = await arrivedInFeed(nigerPage, id);
  expect(await card.textContent()).toContain('Boat seen leaving Zuwara');
}, 180_000);
