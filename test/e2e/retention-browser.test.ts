// The purge report in the console (issue 17, item 4): Italy's administrator opens Retention and
// reads the periods in force and the alert its node purged, with the tombstone's hash as the node
// keeps it; an officer has no such page. axe finds nothing serious on it.
import pg from 'pg';
import { expect, it } from 'vitest';
import { seriousViolations } from '../support/axe.js';
import { useConsoleBrowsers } from '../support/console-browsers.js';
import { routeAlert } from '../support/fixtures.js';
import { eventually, gql } from '../support/graphql.js';
import { AGENCIES, adminOf, officersAnd, startTestNetwork } from '../support/test-network.js';

const consoles = useConsoleBrowsers(() =>
  startTestNetwork({
    console: true,
    agencies: AGENCIES.map((a) =>
      a.id === 'it-polfr' ? { ...a, retention: { agency: a.id, version: 3, periods: { route_alert: 'PT1S' } } } : a,
    ),
    users: officersAnd(adminOf('it-polfr', 'Giulia Bianchi')),
    nodeEnv: { CORRIDOR_RETENTION_SCAN_MS: '300' },
  }),
);

it('shows the administrator what was purged, with its tombstone hash, and shows officers no such page', async () => {
  const { net } = consoles;
  const published = await gql<{ publishAlert: { id: string } }>(
    net.gatewayUrl,
    await net.token('it-polfr-officer'),
    'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
    { input: routeAlert({ validUntil: new Date(Date.now() + 3_000).toISOString() }) },
  );
  expect(published.errors).toBeUndefined();
  const id = published.data?.publishAlert.id as string;
  const hash = await eventually(async () => {
    const db = new pg.Client({ connectionString: net.databases.urls['it-polfr'] });
    await db.connect();
    try {
      return (await db.query<{ hash: string }>('SELECT hash FROM purge_tombstones WHERE item_id = $1', [id])).rows[0]?.hash;
    } finally {
      await db.end();
    }
  }, 20_000);

  const officer = await consoles.signIn(consoles.italy, 'it-polfr-officer');
  await officer.getByTestId('nav-feed').waitFor();
  expect(await officer.getByTestId('nav-retention').count()).toBe(0);

  // A second browser (no shared session), as the administrator sits at another desk.
  const admin = await consoles.signIn(consoles.niger, 'it-polfr-admin');
  await admin.getByTestId('nav-retention').click();
  expect(await admin.getByTestId('retention-version').textContent()).toBe('Retention document, version 3');
  const row = admin.locator(`[data-testid="retention-items"] tr[data-item-id="${id}"]`);
  await row.waitFor();
  expect(await row.textContent()).toContain(hash);
  expect(await row.textContent()).toContain('retention:route_alert:PT1S');
  expect(await admin.getByTestId('retention-counts').textContent()).toContain('Route alert');
  expect(await seriousViolations(admin)).toEqual([]);
}, 90_000);
