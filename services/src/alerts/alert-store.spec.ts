import { beforeAll, describe, expect, it } from 'vitest';
import { ITALY, italyPublishing, NETWORK_KEY, routeInput } from '../testing/fixtures.js';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { getAlert, listAlerts, storeReceivedAlerts } from './alert-store.js';
import { publishAlert, toWireAlert } from './publish-alert.js';

describe('what the node answers about its alerts', () => {
  const scratch = useMigratedScratchDatabase();
  const ids: Record<string, string> = {};
  const self = ITALY.id;

  beforeAll(async () => {
    const ctx = await italyPublishing(scratch.database.db);
    ids.green = (await publishAlert(ctx, routeInput({ tlp: 'GREEN' }))).id;
    ids.red = (await publishAlert(ctx, routeInput({ tlp: 'RED' }))).id;
    ids.amberNigeria = (await publishAlert(ctx, routeInput({ tlp: 'AMBER', recipients: ['ng-nis'] }))).id;
    ids.amberNiger = (await publishAlert(ctx, routeInput({ tlp: 'AMBER', recipients: ['ne-ppn'] }))).id;
    // A partner's GREEN alert held here: it is the partner's to answer for, not this node's.
    const partner = toWireAlert(routeInput(), { ...ITALY, id: 'ne-ppn', country: 'NER' }, NETWORK_KEY, new Date());
    await storeReceivedAlerts(scratch.database.db, [partner]);
    ids.received = partner.id;
  });

  it('answers its own users every alert it holds, and only its own for scope OWN', async () => {
    const all = await listAlerts(scratch.database.db, { self, viewerAgency: self, scope: 'ALL', limit: 100 });
    expect(new Set(all.map((a) => a.id))).toEqual(new Set(Object.values(ids)));
    const own = await listAlerts(scratch.database.db, { self, viewerAgency: self, scope: 'OWN', limit: 100 });
    expect(own.map((a) => a.id)).not.toContain(ids.received);
    expect(own).toHaveLength(4);
  });

  it('answers a partner only the own alerts the release rule lets it have, whatever scope it asks', async () => {
    const seen = await listAlerts(scratch.database.db, { self, viewerAgency: 'ng-nis', scope: 'ALL', limit: 100 });
    expect(new Set(seen.map((a) => a.id))).toEqual(new Set([ids.green, ids.amberNigeria]));
  });

  it('counts the limit in releasable alerts', async () => {
    const seen = await listAlerts(scratch.database.db, { self, viewerAgency: 'ng-nis', scope: 'OWN', limit: 2 });
    expect(seen).toHaveLength(2);
  });

  it('gives one alert by id only when the caller may have it', async () => {
    expect((await getAlert(scratch.database.db, ids.red as string, self, self))?.tlp).toBe('RED');
    expect(await getAlert(scratch.database.db, ids.red as string, 'ng-nis', self)).toBeNull();
    expect(await getAlert(scratch.database.db, ids.amberNiger as string, 'ng-nis', self)).toBeNull();
    expect((await getAlert(scratch.database.db, ids.amberNigeria as string, 'ng-nis', self))?.id).toBe(ids.amberNigeria);
    expect(await getAlert(scratch.database.db, ids.received as string, 'ng-nis', self)).toBeNull();
    expect(await getAlert(scratch.database.db, 'not-a-uuid', self, self)).toBeNull();
  });
});
