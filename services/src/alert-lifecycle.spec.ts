import { ValidationError } from '@corridor/proto';
import { beforeAll, describe, expect, it } from 'vitest';
import { amendAlert, LifecycleError, withdrawAlert } from './alert-lifecycle.js';
import { alertHistory, storeReceivedAlerts } from './alert-store.js';
import { type PublishContext, publishAlert, toWireAlert } from './publish-alert.js';
import { ITALY, italyPublishing, NETWORK_KEY, routeInput } from './testing/fixtures.js';
import { useMigratedScratchDatabase } from './testing/scratch-database.js';

const scratch = useMigratedScratchDatabase();
let ctx: PublishContext;

beforeAll(async () => {
  ctx = await italyPublishing(scratch.database.db);
});

const outboxOf = async (id: string) =>
  (await scratch.database.db.outboxMessage.findMany({ where: { alertId: id }, orderBy: { seq: 'asc' } })).map((r) => r.msgId);

describe('amending and withdrawing an alert', () => {
  it('issues signed revisions that are sent like the first and kept in the history', async () => {
    const first = await publishAlert(ctx, routeInput());
    const amended = await amendAlert(ctx, first.id, routeInput({ summary: 'Departures moved to Sabratha' }));
    expect(amended).toMatchObject({
      id: first.id,
      revision: 2,
      status: 'amended',
      summary: 'Departures moved to Sabratha',
      createdAt: first.createdAt,
    });
    expect(amended.signature).not.toBe(first.signature);
    const withdrawn = await withdrawAlert(ctx, first.id);
    expect(withdrawn).toMatchObject({ revision: 3, status: 'withdrawn', summary: 'Departures moved to Sabratha' });

    expect((await alertHistory(scratch.database.db, first.id)).map((a) => [a.revision, a.status])).toEqual([
      [1, 'active'],
      [2, 'amended'],
      [3, 'withdrawn'],
    ]);
    expect((await outboxOf(first.id)).map((m) => m.split(':')[1])).toEqual(['1', '2', '3']);
  });

  it('refuses to change sharing in an amendment, and writes nothing', async () => {
    const first = await publishAlert(ctx, routeInput());
    const err = await amendAlert(ctx, first.id, routeInput({ tlp: 'CLEAR' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors.map((f) => f.path)).toEqual(['tlp']);
    expect(await alertHistory(scratch.database.db, first.id)).toHaveLength(1);
    expect(await outboxOf(first.id)).toHaveLength(1);
  });

  it('refuses to amend a withdrawn alert, an alert it does not own, or a stale revision', async () => {
    const first = await publishAlert(ctx, routeInput());
    await withdrawAlert(ctx, first.id);
    await expect(amendAlert(ctx, first.id, routeInput())).rejects.toMatchObject({ code: 'CONFLICT' });

    const partner = toWireAlert(routeInput(), { ...ITALY, id: 'ne-ppn', country: 'NER' }, NETWORK_KEY, new Date());
    await storeReceivedAlerts(scratch.database.db, [partner]);
    await expect(withdrawAlert(ctx, partner.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // Two officers amend the revision they both saw: one wins, the other is told, nothing is lost.
    const second = await publishAlert(ctx, routeInput());
    const results = await Promise.allSettled([
      amendAlert(ctx, second.id, routeInput({ summary: 'one' }), 1),
      amendAlert(ctx, second.id, routeInput({ summary: 'two' }), 1),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(LifecycleError);
    expect(await alertHistory(scratch.database.db, second.id)).toHaveLength(2);
  });
});

describe('revisions received out of order', () => {
  it('keep the newest as current and every one in the history', async () => {
    const rev1 = toWireAlert(routeInput(), { ...ITALY, id: 'ng-nis', country: 'NGA' }, NETWORK_KEY, new Date());
    const rev2 = { ...rev1, revision: 2, status: 'amended' as const, summary: 'amended' };
    await storeReceivedAlerts(scratch.database.db, [rev2]);
    expect(await storeReceivedAlerts(scratch.database.db, [rev1])).toEqual([]);
    const row = await scratch.database.db.alert.findUniqueOrThrow({ where: { id: rev1.id } });
    expect(row.revision).toBe(2);
    expect((await alertHistory(scratch.database.db, rev1.id)).map((a) => a.revision)).toEqual([1, 2]);
  });
});
