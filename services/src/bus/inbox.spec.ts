import { describe, expect, it } from 'vitest';
import { storeReceivedAlerts } from '../alerts/alert-store.js';
import { toWireAlert } from '../alerts/publish-alert.js';
import { ITALY, NETWORK_KEY, routeInput } from '../testing/fixtures.js';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { checkMessage } from './inbox.js';

const opts = { agency: 'ne-ppn', stream: 'S', subjectRoot: 'corridor' };
const broadcast = 'corridor.alert.route.ITA.central-mediterranean.it-polfr';
const alert = toWireAlert(routeInput(), ITALY, NETWORK_KEY, new Date());

describe('what the inbox accepts', () => {
  it('accepts a partner alert on its own subject', () => {
    expect(checkMessage(broadcast, JSON.stringify(alert), opts)).toEqual({ ok: true, alert });
  });

  it.each([
    ['not JSON', broadcast, '{not json', 'not JSON'],
    ['JSON that is not an alert', broadcast, '{"hello":"world"}', 'not an alert'],
    [
      'an alert on another agency’s subject',
      'corridor.alert.route.ITA.central-mediterranean.ng-nis',
      JSON.stringify(alert),
      'does not match',
    ],
    [
      'an inbox message for another agency',
      'corridor.inbox.ng-nis.alert.route.ITA.central-mediterranean.it-polfr',
      JSON.stringify(alert),
      'another agency',
    ],
    ['a subject outside the grammar', 'corridor.alert.route.ITA', JSON.stringify(alert), 'not an alert subject'],
    ['a TLP:RED alert', broadcast, JSON.stringify({ ...alert, tlp: 'RED' }), 'TLP:RED'],
  ])('quarantines %s', (_what, subject, data, reason) => {
    const verdict = checkMessage(subject, data, opts);
    expect(verdict.ok).toBe(false);
    expect(verdict.ok ? '' : verdict.reason).toContain(reason);
  });

  it('accepts an AMBER alert in its inbox only when the alert names it', () => {
    const amber = { ...alert, tlp: 'AMBER', recipients: ['ng-nis'] };
    const subject = 'corridor.inbox.ne-ppn.alert.route.ITA.central-mediterranean.it-polfr';
    expect(checkMessage(subject, JSON.stringify(amber), opts).ok).toBe(false);
    expect(checkMessage(subject, JSON.stringify({ ...amber, recipients: ['ne-ppn'] }), opts).ok).toBe(true);
  });
});

describe('storing received alerts', () => {
  const scratch = useMigratedScratchDatabase();

  it('stores the same alert once, however often it arrives, and keeps the newest revision', async () => {
    const ids = (list: { id: string }[]) => list.map((a) => a.id);
    expect(ids(await storeReceivedAlerts(scratch.database.db, [alert, alert]))).toEqual([alert.id]);
    const again = await Promise.all([storeReceivedAlerts(scratch.database.db, [alert]), storeReceivedAlerts(scratch.database.db, [alert])]);
    expect(again).toEqual([[], []]);
    expect(await scratch.database.db.alert.count({ where: { id: alert.id } })).toBe(1);
    const amended = { ...alert, revision: 2, summary: 'amended' };
    // The older revision arriving after the newer one, or in the same batch, never wins.
    expect(ids(await storeReceivedAlerts(scratch.database.db, [amended, alert]))).toEqual([alert.id]);
    expect(await storeReceivedAlerts(scratch.database.db, [alert])).toEqual([]);
    const row = await scratch.database.db.alert.findUniqueOrThrow({ where: { id: alert.id } });
    expect(row.revision).toBe(2);
    expect((row.document as { summary: string }).summary).toBe('amended');
  });
});
