import { consultationEvent, consultationMessageInput } from '@corridor/proto';
import { beforeAll, describe, expect, it } from 'vitest';
import { publishAlert } from '../alerts/publish-alert.js';
import type { Logger } from '../log.js';
import { StoredRowError } from '../stored-json.js';
import { getSubscription } from '../subscriptions/subscription-store.js';
import { ITALY, italyPublishing, routeInput } from '../testing/fixtures.js';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { createProtectionNotifier, type ProtectionNotifier } from './protection.js';
import { listProtectionNotices } from './protection-store.js';

const scratch = useMigratedScratchDatabase();
const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const flagged = () => routeInput({ protection: ['unaccompanied_child'] });
let protection: ProtectionNotifier;

beforeAll(() => {
  protection = createProtectionNotifier({ db: scratch.database.db, agency: ITALY, log: quiet });
});

const noticesFor = async (id: string) => (await listProtectionNotices(scratch.database.db, 500)).filter((n) => n.sourceId === id);

describe('protection notices, raised where the alert is stored', () => {
  it('raises one notice with the alert, and none more for an amendment of it', async () => {
    const ctx = await italyPublishing(scratch.database.db, { protection });
    const a = await publishAlert(ctx, flagged());
    expect((await noticesFor(a.id)).map((n) => [n.source, n.flags, n.country])).toEqual([['alert', ['unaccompanied_child'], 'ITA']]);
    await scratch.database.db.$transaction((tx) => protection.forAlerts(tx, [{ ...a, revision: 2, status: 'amended' }]));
    expect(await noticesFor(a.id)).toHaveLength(1);
  });

  it('keeps no notice when the transaction storing the alert rolls back', async () => {
    const a = await publishAlert(await italyPublishing(scratch.database.db), flagged());
    await expect(
      scratch.database.db.$transaction(async (tx) => {
        await protection.forAlerts(tx, [a]);
        throw new Error('the store failed after the notice');
      }),
    ).rejects.toThrow('the store failed after the notice');
    expect(await noticesFor(a.id)).toHaveLength(0);
  });

  it('raises at start-up what an alert stored without its notice is owed, once', async () => {
    const a = await publishAlert(await italyPublishing(scratch.database.db), flagged());
    const withdrawn = await publishAlert(await italyPublishing(scratch.database.db), { ...flagged(), summary: 'to withdraw' });
    await scratch.database.db
      .$executeRaw`UPDATE alerts SET document = jsonb_set(document, '{status}', '"withdrawn"') WHERE id = ${withdrawn.id}::uuid`;
    expect(await protection.catchUp()).toBeGreaterThanOrEqual(1);
    expect(await noticesFor(a.id)).toHaveLength(1);
    expect(await noticesFor(withdrawn.id)).toHaveLength(0);
    expect(await protection.catchUp()).toBe(0);
  });
});

describe('protection notices from a consultation', () => {
  it('name the country where the person was seen, not the holding agency’s', async () => {
    const event = (id: string, seenIn?: string) =>
      consultationEvent.parse({
        id,
        consultationId: '0196a4f2-7c00-7000-8000-0000000000c9',
        from: 'ne-ppn',
        to: 'it-polfr',
        at: new Date().toISOString(),
        author: 'Aïssata Moussa',
        type: 'message',
        body: 'A boy travelling alone was seen at Agadez bus station.',
        protection: ['unaccompanied_child'],
        ...(seenIn ? { seenIn } : {}),
      });
    const seen = event('0196a4f2-7c00-7000-8000-0000000000e1', 'NER');
    const older = event('0196a4f2-7c00-7000-8000-0000000000e2');
    await scratch.database.db.$transaction((tx) => protection.forConsultationEvents(tx, [seen, older]));
    expect((await noticesFor(seen.id)).map((n) => n.country)).toEqual(['NER']);
    // Written before the place was asked for: the holding agency's country, as then.
    expect((await noticesFor(older.id)).map((n) => n.country)).toEqual(['ITA']);
  });

  it('cannot be flagged without saying where the person was seen', () => {
    const r = consultationMessageInput.safeParse({ body: 'A child alone', protection: ['unaccompanied_child'] });
    expect(r.success ? [] : r.error.issues.map((i) => i.path.join('.'))).toEqual(['seenIn']);
    expect(consultationMessageInput.safeParse({ body: 'A child alone', protection: ['unaccompanied_child'], seenIn: 'NER' }).success).toBe(
      true,
    );
  });
});

describe('a stored document that no longer fits the contract', () => {
  it('is a StoredRowError naming the table, the row and the field, never the value', async () => {
    const { db } = scratch.database;
    await db.subscription.create({ data: { subject: 'officer-1', filter: { regions: 'not-a-list-secret' } } });
    const error = await getSubscription(db, 'officer-1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StoredRowError);
    expect(error).toMatchObject({ table: 'subscriptions', row: 'officer-1', toCaller: false });
    expect((error as StoredRowError).message).not.toContain('not-a-list-secret');
  });
});
