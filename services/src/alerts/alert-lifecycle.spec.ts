import { ValidationError } from '@corridor/proto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ITALY, italyPublishing, NETWORK_KEY, routeInput } from '../testing/fixtures.js';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { amendAlert, LifecycleError, withdrawAlert } from './alert-lifecycle.js';
import { alertHistory, storeReceivedAlerts } from './alert-store.js';
import { type PublishContext, publishAlert, toWireAlert } from './publish-alert.js';

const scratch = useMigratedScratchDatabase();
let ctx: PublishContext;

beforeAll(async () => {
  ctx = await italyPublishing(scratch.database.db);
});

const outboxOf = async (id: string) =>
  (await scratch.database.db.outboxMessage.findMany({ where: { aboutId: id }, orderBy: { seq: 'asc' } })).map((r) => r.msgId);

describe('amending and withdrawing an alert', () => {
  it('issues signed revisions that are sent like the first and kept in the history', async () => {
    const first = await publishAlert(ctx, routeInput());
    const amended = await amendAlert(ctx, first.id, routeInput({ summary: 'Departures moved to Sabratha', identifiers: [] }));
    expect(amended).toMatchObject({
      id: first.id,
      revision: 2,
      status: 'amended',
      summary: 'Departures moved to Sabratha',
      createdAt: first.createdAt,
    });
    expect(amended.signature).not.toBe(first.signature);
    // The officer could not send the raw identifiers again: the alert keeps its pseudonyms.
    expect(amended.identifiers).toEqual(first.identifiers);
    const withdrawn = await withdrawAlert(ctx, first.id, { reason: 'The route was closed' });
    expect(withdrawn).toMatchObject({ revision: 3, status: 'withdrawn', summary: 'Departures moved to Sabratha' });

    expect((await alertHistory(scratch.database.db, first.id)).map((a) => [a.revision, a.status])).toEqual([
      [1, 'active'],
      [2, 'amended'],
      [3, 'withdrawn'],
    ]);
    // Each revision goes to each partner node (Niger and Nigeria in the spec network), in order.
    // Message ids read `alert:<id>@<revision>:<recipient>` (bus/message-id.ts).
    expect((await outboxOf(first.id)).map((m) => m.replace(/^alert:[^@]+@/, ''))).toEqual([
      '1:ne-ppn',
      '1:ng-nis',
      '2:ne-ppn',
      '2:ng-nis',
      '3:ne-ppn',
      '3:ng-nis',
    ]);
  });

  it('sends a withdrawal to every agency that holds an earlier revision, even one the policy no longer releases to', async () => {
    const first = await publishAlert(ctx, routeInput({ caseReference: 'RG 77/2026' }));
    const nigerOnly = {
      ...ctx,
      policy: () => ({
        agency: 'it-polfr',
        version: 2,
        rules: [{ id: 'niger-only', effect: 'release' as const, resource: 'alert' as const, partners: ['ne-ppn'], redact: [] }],
      }),
    };
    await withdrawAlert(nigerOnly, first.id, { reason: 'The route was closed' });
    const rows = await scratch.database.db.outboxMessage.findMany({ where: { aboutId: first.id }, orderBy: { seq: 'asc' } });
    const withdrawal = rows.filter((r) => r.msgId.includes('@2:')).map((r) => [r.msgId.split(':')[2], JSON.parse(r.payload)]);
    expect(withdrawal.map(([agency]) => agency)).toEqual(['ne-ppn', 'ng-nis']);
    const toNigeria = withdrawal[1]?.[1];
    expect(toNigeria).toMatchObject({ status: 'withdrawn', identifiers: [] });
    expect(toNigeria.caseReference).toBeUndefined();
    const audit = await scratch.database.db.auditEntry.findMany({ where: { items: { array_contains: [`${first.id}@2`] } } });
    expect(audit.map((a) => [a.agency, a.rule]).sort()).toEqual([
      ['ne-ppn', 'niger-only'],
      ['ng-nis', 'withdrawal-to-earlier-recipients'],
    ]);
  });

  it('refuses to change sharing in an amendment, and writes nothing', async () => {
    const first = await publishAlert(ctx, routeInput());
    const err = await amendAlert(ctx, first.id, routeInput({ tlp: 'CLEAR' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).fieldErrors.map((f) => f.path)).toEqual(['tlp']);
    expect(await alertHistory(scratch.database.db, first.id)).toHaveLength(1);
    expect(await outboxOf(first.id)).toHaveLength(2);
  });

  it('refuses a change of kind or recipients too, naming the field', async () => {
    const first = await publishAlert(ctx, routeInput({ tlp: 'AMBER', recipients: ['ne-ppn'] }));
    const recipients = await amendAlert(ctx, first.id, routeInput({ tlp: 'AMBER', recipients: ['ne-ppn', 'ng-nis'] })).catch((e) => e);
    expect((recipients as ValidationError).fieldErrors.map((f) => f.path)).toEqual(['recipients']);
    const kind = await amendAlert(ctx, first.id, {
      kind: 'document_fraud',
      tlp: 'AMBER',
      recipients: ['ne-ppn'],
      grading: { source: 'B', information: '2' },
      summary: 'Forged passports',
      documentFraud: { documentType: 'passport', issuingState: 'NGA', fraudType: 'counterfeit', detectedAt: { place: 'airport' } },
    }).catch((e) => e);
    expect((kind as ValidationError).fieldErrors.map((f) => f.path)).toEqual(['kind']);
    expect(await alertHistory(scratch.database.db, first.id)).toHaveLength(1);
  });

  it('corrects any other field and tells partners which ones changed', async () => {
    const first = await publishAlert(ctx, routeInput({ caseReference: 'RG 1/2026' }));
    const input = routeInput({ caseReference: 'RG 2/2026', summary: 'Departures moved to Sabratha', identifiers: [] });
    const details = input.kind === 'route' ? input.routeDetails : undefined;
    const amended = await amendAlert(ctx, first.id, { ...input, routeDetails: { ...details, migrantCount: 61 } } as typeof input);
    expect(amended.changes).toEqual(['caseReference', 'routeDetails.migrantCount', 'summary']);
    // What partners receive is the signed revision, with the list in it; a partner from whom the
    // policy withholds the case reference is not told that it changed.
    const sent = await scratch.database.db.outboxMessage.findMany({ where: { aboutId: first.id }, orderBy: { seq: 'asc' } });
    const copies = sent.filter((m) => m.msgId.includes('@2:')).map((m) => JSON.parse(m.payload));
    expect(copies.length).toBeGreaterThan(0);
    for (const copy of copies)
      expect(copy.changes).toEqual(copy.redacted?.includes('caseReference') ? ['routeDetails.migrantCount', 'summary'] : amended.changes);
  });

  it('refuses a withdrawal without a reason, naming `reason`, and keeps the reason it is given', async () => {
    const first = await publishAlert(ctx, routeInput());
    const err = await withdrawAlert(ctx, first.id, {}).catch((e: unknown) => e);
    expect((err as ValidationError).fieldErrors.map((f) => f.path)).toEqual(['reason']);
    const blank = await withdrawAlert(ctx, first.id, { reason: '   ' }).catch((e: unknown) => e);
    expect((blank as ValidationError).fieldErrors.map((f) => f.path)).toEqual(['reason']);
    expect(await alertHistory(scratch.database.db, first.id)).toHaveLength(1);
    const withdrawn = await withdrawAlert(ctx, first.id, { reason: 'The boats were seized in port' });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', withdrawalReason: 'The boats were seized in port' });
  });

  it('refuses to amend a withdrawn alert, an alert it does not own, or a stale revision', async () => {
    const first = await publishAlert(ctx, routeInput());
    await withdrawAlert(ctx, first.id, { reason: 'The route was closed' });
    await expect(amendAlert(ctx, first.id, routeInput())).rejects.toMatchObject({ code: 'CONFLICT' });

    const partner = toWireAlert(routeInput(), { ...ITALY, id: 'ne-ppn', country: 'NER' }, NETWORK_KEY, new Date());
    await storeReceivedAlerts(scratch.database.db, [partner]);
    await expect(withdrawAlert(ctx, partner.id, { reason: 'Not ours' })).rejects.toMatchObject({ code: 'NOT_FOUND' });

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
