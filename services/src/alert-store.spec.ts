import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getAlert, listAlerts, storeReceivedAlerts } from './alert-store.js';
import { type Database, openDatabase } from './database.js';
import { createFeed } from './feed.js';
import { publishAlert, toWireAlert } from './publish-alert.js';
import { ITALY, italySigner, NETWORK_KEY, routeInput } from './testing/fixtures.js';
import { scratchDatabase } from './testing/scratch-database.js';

describe('what the node answers about its alerts', () => {
  let scratch: Awaited<ReturnType<typeof scratchDatabase>>;
  let database: Database;
  const ids: Record<string, string> = {};
  const self = ITALY.id;

  beforeAll(async () => {
    scratch = await scratchDatabase();
    database = await openDatabase({ url: scratch.url, dataDir: '/nonexistent' });
    const ctx = {
      db: database.db,
      feed: createFeed(),
      agency: ITALY,
      networkKey: NETWORK_KEY,
      subjectRoot: 'corridor',
      signer: await italySigner(),
      onQueued: () => {},
    };
    ids.green = (await publishAlert(ctx, routeInput({ tlp: 'GREEN' }))).id;
    ids.red = (await publishAlert(ctx, routeInput({ tlp: 'RED' }))).id;
    ids.amberGreece = (await publishAlert(ctx, routeInput({ tlp: 'AMBER', recipients: ['gr-hcg'] }))).id;
    ids.amberNiger = (await publishAlert(ctx, routeInput({ tlp: 'AMBER', recipients: ['ne-ppn'] }))).id;
    // A partner's GREEN alert held here: it is the partner's to answer for, not this node's.
    const partner = toWireAlert(routeInput(), { ...ITALY, id: 'ne-ppn', country: 'NER' }, NETWORK_KEY, new Date());
    await storeReceivedAlerts(database.db, [partner]);
    ids.received = partner.id;
  });
  afterAll(async () => {
    await database?.close();
    await scratch?.drop();
  });

  it('answers its own users every alert it holds, and only its own for scope OWN', async () => {
    const all = await listAlerts(database.db, { self, viewerAgency: self, scope: 'ALL', limit: 100 });
    expect(new Set(all.map((a) => a.id))).toEqual(new Set(Object.values(ids)));
    const own = await listAlerts(database.db, { self, viewerAgency: self, scope: 'OWN', limit: 100 });
    expect(own.map((a) => a.id)).not.toContain(ids.received);
    expect(own).toHaveLength(4);
  });

  it('answers a partner only the own alerts the release rule lets it have, whatever scope it asks', async () => {
    const seen = await listAlerts(database.db, { self, viewerAgency: 'gr-hcg', scope: 'ALL', limit: 100 });
    expect(new Set(seen.map((a) => a.id))).toEqual(new Set([ids.green, ids.amberGreece]));
  });

  it('counts the limit in releasable alerts', async () => {
    const seen = await listAlerts(database.db, { self, viewerAgency: 'gr-hcg', scope: 'OWN', limit: 2 });
    expect(seen).toHaveLength(2);
  });

  it('gives one alert by id only when the caller may have it', async () => {
    expect((await getAlert(database.db, ids.red as string, self, self))?.tlp).toBe('RED');
    expect(await getAlert(database.db, ids.red as string, 'gr-hcg', self)).toBeNull();
    expect(await getAlert(database.db, ids.amberNiger as string, 'gr-hcg', self)).toBeNull();
    expect((await getAlert(database.db, ids.amberGreece as string, 'gr-hcg', self))?.id).toBe(ids.amberGreece);
    expect(await getAlert(database.db, ids.received as string, 'gr-hcg', self)).toBeNull();
    expect(await getAlert(database.db, 'not-a-uuid', self, self)).toBeNull();
  });
});
