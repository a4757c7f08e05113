import { ValidationError } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { storeReceivedAlerts } from '../alerts/alert-store.js';
import { toWireAlert } from '../alerts/publish-alert.js';
import { ITALY, NETWORK_KEY, routeInput } from '../testing/fixtures.js';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { getSubscription, markRead, setSubscription, subscribedAlerts } from './subscription-store.js';

const scratch = useMigratedScratchDatabase();

const fromItaly = (over: Parameters<typeof routeInput>[0] = {}) => toWireAlert(routeInput(over), ITALY, NETWORK_KEY, new Date());

describe('a liaison officer’s route subscription', () => {
  it('shows what matched while the officer was away as unread, until marked read', async () => {
    await setSubscription(scratch.database.db, 'officer-1', {
      regions: ['central-mediterranean'],
      minimumGrading: { source: 'B', information: '3' },
    });
    const matching = fromItaly({ grading: { source: 'B', information: '2' } });
    const tooWeak = fromItaly({ grading: { source: 'C', information: '2' } });
    const elsewhere = fromItaly({ route: { region: 'western-balkans', waypoints: [{ country: 'SRB' }, { country: 'HUN' }] } });
    await storeReceivedAlerts(scratch.database.db, [matching, tooWeak, elsewhere]);

    const unread = await subscribedAlerts(scratch.database.db, 'officer-1', { unreadOnly: true, limit: 100 });
    expect(unread.map((s) => s.alert.id)).toEqual([matching.id]);
    expect(await markRead(scratch.database.db, 'officer-1', [matching.id, matching.id, 'not-an-id'])).toBe(1);
    expect(await subscribedAlerts(scratch.database.db, 'officer-1', { unreadOnly: true, limit: 100 })).toEqual([]);
    expect((await subscribedAlerts(scratch.database.db, 'officer-1', { unreadOnly: false, limit: 100 }))[0]).toMatchObject({ read: true });
    // Read marks are the officer's own: a colleague with the same subscription still sees it unread.
    await setSubscription(scratch.database.db, 'officer-2', { regions: ['central-mediterranean'] });
    expect((await subscribedAlerts(scratch.database.db, 'officer-2', { unreadOnly: true, limit: 100 })).map((s) => s.alert.id)).toContain(
      matching.id,
    );
  });

  it('refuses a bad subscription with the field named and keeps the one before', async () => {
    await setSubscription(scratch.database.db, 'officer-3', { kinds: ['route'] });
    const err = await setSubscription(scratch.database.db, 'officer-3', { regions: ['atlantis'] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors[0]?.path).toBe('regions.0');
    expect(await getSubscription(scratch.database.db, 'officer-3')).toMatchObject({ kinds: ['route'] });
  });

  it('answers nothing to an officer without a subscription', async () => {
    expect(await subscribedAlerts(scratch.database.db, 'nobody', { unreadOnly: false, limit: 10 })).toEqual([]);
  });
});
