// In a real browser, officers sign in at their own agency's identity provider: Niger's police
// through a standard OpenID Connect provider of its own (the `oidc-provider` package, RS256, its
// roles in its own "groups" claim, mapped by the membership), Italy's through the development
// issuer's provider. Each signs in with authorization code and PKCE, reads the feed, publishes,
// keeps a half-written form across a new sign-in, has its short-lived token renewed while it
// works, and signs out.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { type AgencyProvider, startAgencyProvider } from '../support/agency-provider.js';
import { arrivedInFeed, publishRouteAlert } from '../support/browser.js';
import { useConsoleBrowsers } from '../support/console-browsers.js';
import { eventually } from '../support/graphql.js';
import { changingAgency, startTestNetwork } from '../support/test-network.js';

const consoles = useConsoleBrowsers(() => startTestNetwork({ console: true }));
let agencyProvider: AgencyProvider;

beforeAll(async () => {
  const { net } = consoles;
  agencyProvider = await startAgencyProvider({
    officers: [{ id: 'amoussa', name: 'Aïssata Moussa', groups: ['CORRIDOR-Procureur', 'intranet-users'] }],
    consoleOrigin: new URL(net.consoleUrl as string).origin,
    audience: net.membership.audience,
    // oidc-client-ts renews a minute before expiry: at 75 s, the first renewal comes 15 s in.
    accessTokenTtlS: 75,
  });
  // Niger joins with its own provider: named by its issuer alone (keys by discovery), and a mapping.
  await net.updateMembership(
    changingAgency('ne-ppn', (a) => ({
      ...a,
      tokenIssuer: {
        issuer: agencyProvider.issuer,
        clientId: agencyProvider.clientId,
        claims: { roles: 'groups', roleMap: { 'CORRIDOR-Procureur': 'prosecutor' }, name: 'preferred_username' },
      },
    })),
  );
  // The gateway lists the new provider once it has read the new membership.
  await eventually(async () => {
    const listed = (await (await fetch(new URL('/agencies', net.gatewayUrl))).json()) as { agencies: { id: string; issuer: string }[] };
    return listed.agencies.find((a) => a.id === 'ne-ppn')?.issuer === agencyProvider.issuer;
  });
});

afterAll(async () => {
  await agencyProvider?.close();
});

async function signInAtAgency(page: Page, agencyId: string, pick: () => Promise<void>): Promise<void> {
  await page.getByTestId(`signin-agency-${agencyId}`).click();
  await pick();
  await page.getByTestId('me').waitFor();
}

it('signs officers in at their own agency’s provider, reads the feed, publishes and signs out', async () => {
  // Niger: the agency's own provider, its officer picked on the provider's page.
  const nigerPage = await consoles.niger.newPage();
  await nigerPage.goto(consoles.net.consoleUrl as string);
  await signInAtAgency(nigerPage, 'ne-ppn', () => nigerPage.getByTestId('agency-login-amoussa').click());
  expect(agencyProvider.signIns()).toBe(1);
  // Name and role come from the provider's own claims, through the membership's mapping.
  expect(await nigerPage.getByTestId('me').textContent()).toContain('Aïssata Moussa');
  await nigerPage.getByTestId('nav-feed').click();
  await nigerPage.getByText('● live').waitFor();

  // Italy: the development issuer's provider, its demo user picked on the issuer's page.
  const italyPage = await consoles.italy.newPage();
  await italyPage.goto(consoles.net.consoleUrl as string);
  await signInAtAgency(italyPage, 'it-polfr', () => italyPage.getByTestId('pick-user-it-polfr-officer').click());
  const summary = `Boat seen leaving Zuwara at dawn, ${consoles.net.run}`;
  const id = await publishRouteAlert(italyPage, summary, 41);
  expect(id).toBeDefined();

  // Niger, signed in through its own provider, receives it on the live feed.
  const arrived = await arrivedInFeed(nigerPage, id);
  expect(await arrived.textContent()).toContain(summary);

  // Niger publishes too, with the token of its own provider, and Italy's feed shows it.
  const fromNiger = `Convoy crossing Agadez northwards, ${consoles.net.run}`;
  await publishRouteAlert(nigerPage, fromNiger, 41);
  await italyPage.getByTestId('nav-feed').click();
  await italyPage.getByText(fromNiger).waitFor({ timeout: 20_000 });

  // The provider's tokens live 75 s: the console renews with the refresh token, and keeps working.
  const firstToken = await nigerPage.evaluate(() => sessionStorage.getItem('corridor.token'));
  await eventually(async () => agencyProvider.refreshes() > 0, 40_000, 500);
  await eventually(async () => (await nigerPage.evaluate(() => sessionStorage.getItem('corridor.token'))) !== firstToken, 10_000, 200);
  await nigerPage.getByTestId('nav-directory').click();
  await nigerPage.getByTestId('directory-result').first().waitFor();

  // Sign-out: the tokens are gone from the tab, and the next sign-in asks the provider again.
  await nigerPage.getByTestId('sign-out').click();
  await nigerPage.getByTestId('signin-agency-ne-ppn').waitFor();
  expect(await nigerPage.evaluate(() => Object.keys(sessionStorage).filter((k) => /token|oidc\.user/.test(k)))).toEqual([]);
  await nigerPage.getByTestId('signin-agency-ne-ppn').click();
  await nigerPage.getByTestId('agency-login-amoussa').waitFor();
});

it('keeps a half-written alert when the officer has to sign in again', async () => {
  const page = await consoles.italy.newPage();
  await page.goto(consoles.net.consoleUrl as string);
  await signInAtAgency(page, 'it-polfr', () => page.getByTestId('pick-user-it-polfr-officer').click());
  await page.getByTestId('nav-publish').click();
  const draft = `Half-written before the session ended, ${consoles.net.run}`;
  await page.getByLabel('Summary').fill(draft);
  await page.getByLabel('Place').first().fill('Sabratha');

  // The session ends (as when a token can no longer be renewed): the console asks to sign in again.
  await page.evaluate(() => {
    for (const k of Object.keys(sessionStorage)) if (k === 'corridor.token' || k.startsWith('oidc.user')) sessionStorage.removeItem(k);
  });
  await page.reload();
  await signInAtAgency(page, 'it-polfr', () => page.getByTestId('pick-user-it-polfr-officer').click());
  // Back on the Publish page, with what was written.
  await page.getByLabel('Summary').waitFor();
  expect(await page.getByLabel('Summary').inputValue()).toBe(draft);
  expect(await page.getByLabel('Place').first().inputValue()).toBe('Sabratha');
});
