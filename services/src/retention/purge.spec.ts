import { createHash } from 'node:crypto';
import { type Alert, alertEndsAt, canonicalJson, type MemberAgency, retentionDocument } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { heldAlertsCarrying, ownAlertsCarrying, storeOwnAlerts, storeReceivedAlerts } from '../alerts/alert-store.js';
import { toWireAlert } from '../alerts/publish-alert.js';
import { verifyAuditLog } from '../audit/audit-log.js';
import { insertNotices } from '../consultations/protection-store.js';
import type { Logger } from '../log.js';
import { agencyStatistics, alertCounts } from '../statistics/statistics.js';
import { ITALY, NETWORK_KEY, routeInput } from '../testing/fixtures.js';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { dueAlerts, purgeOnce } from './purge.js';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const NIGER: MemberAgency = { ...ITALY, id: 'ne-ppn', country: 'NER' };
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

const retention = (periods: Record<string, string>, limits: Record<string, number> = {}) =>
  retentionDocument.parse({ agency: ITALY.id, version: 2, periods, limits });

/** A route alert signed at `createdAt`, valid until `validUntil` (null: it states none). */
function alertAt(agency: MemberAgency, createdAt: number, validUntil: number | null, over: Partial<Alert> = {}): Alert {
  const input = routeInput(validUntil === null ? {} : { validUntil: new Date(validUntil).toISOString() });
  return { ...toWireAlert(input, agency, NETWORK_KEY, new Date(createdAt)), ...over } as Alert;
}

describe('the purge under the retention document', () => {
  const scratch = useMigratedScratchDatabase();
  const db = () => scratch.database.db;

  it('reads an alert’s end in SQL as proto alertEndsAt does, validUntil or the longest its kind may state', async () => {
    const now = Date.now();
    for (const a of [alertAt(ITALY, now - HOUR, now + HOUR), alertAt(ITALY, now - 200 * DAY, null)]) {
      const [row] = await db().$queryRaw<{ ends: Date }[]>`SELECT alert_ends_at(${JSON.stringify(a)}::jsonb) AS ends`;
      expect(row?.ends.getTime()).toBe(alertEndsAt(a).getTime());
    }
  });

  it('selects an alert once it expired or was withdrawn and its kind’s period passed, and no other', async () => {
    const now = Date.now();
    const expired = alertAt(NIGER, now - 2 * HOUR, now - HOUR);
    const valid = alertAt(NIGER, now - 2 * HOUR, now + HOUR);
    const withdrawn = alertAt(NIGER, now - 2 * HOUR, now + HOUR, { revision: 2, status: 'withdrawn', withdrawalReason: 'wrong boat' });
    const noEnd = alertAt(NIGER, now - 200 * DAY, null);
    await storeReceivedAlerts(db(), [expired, valid, withdrawn, noEnd]);
    const due = async (route: string, at = now) =>
      (await dueAlerts(db(), retention({ route_alert: route }), new Date(at), 100)).map((d) => d.id).sort();

    // Expired an hour ago: due under 30 minutes, not under two hours. Withdrawn now: due once its period passed.
    expect(await due('PT30M')).toEqual([expired.id, noEnd.id].sort());
    expect(await due('PT2H')).toEqual([noEnd.id]);
    expect(await due('PT30M', now + 31 * 60_000)).toEqual([expired.id, withdrawn.id, noEnd.id].sort());
    expect(await due('P30D')).toEqual([]);
    const expiredAt = (await dueAlerts(db(), retention({ route_alert: 'PT30M' }), new Date(now), 100)).find((d) => d.id === expired.id);
    expect(expiredAt?.lapsedAt.getTime()).toBe(now - HOUR);
    expect(valid.id).not.toBe(expired.id);
  });

  it('no longer finds an expired alert in a hit check or a correlation, before any purge', async () => {
    const now = Date.now();
    const mine = alertAt(ITALY, now - 2 * HOUR, now - 1000);
    await db().$transaction((tx) => storeOwnAlerts(tx, [mine]));
    expect(await ownAlertsCarrying(db(), mine.identifiers)).toEqual([]);
    const held = await heldAlertsCarrying(db(), mine.identifiers, { except: [], limit: 10 });
    expect(held.map((a) => a.id)).not.toContain(mine.id);
    // The same alert still valid is found: the identifiers match, only the expiry keeps it out.
    const live = alertAt(ITALY, now - 2 * HOUR, now + HOUR);
    await db().$transaction((tx) => storeOwnAlerts(tx, [live]));
    expect((await ownAlertsCarrying(db(), live.identifiers)).map((a) => a.id)).toEqual([live.id]);
  });

  it('purges a lapsed alert in one transaction: every revision gone, a tombstone with its hash, an audit row, the chain verifying', async () => {
    const now = Date.now();
    const first = alertAt(NIGER, now - 3 * HOUR, now - 2 * HOUR);
    const second = { ...first, revision: 2, status: 'amended' as const, summary: 'Night departures from Sabratha' };
    await storeReceivedAlerts(db(), [first, second]);
    // Its protection notice goes with it; the statistics still count it.
    await insertNotices(db(), [
      { source: 'alert', sourceId: first.id, originAgency: NIGER.id, country: 'NER', flags: ['unaccompanied_child'], contacts: [] },
    ]);
    const deps = { db: db(), agency: ITALY.id, retention: () => retention({ route_alert: 'PT1H' }), log: quiet };
    const figures = async () => (await alertCounts(db(), null, null)).map((c) => JSON.stringify(c)).sort();
    const before = await figures();
    const stats = async () =>
      (await agencyStatistics(db(), { agency: ITALY.id, threshold: 2, now: new Date(now) })).tables.find(
        (t) => t.name === 'protection_notices',
      );
    const noticesBefore = await stats();
    const purged = await purgeOnce(deps, new Date(now));
    // The statistics count a purged alert as before: a month already reported does not change.
    expect(await figures()).toEqual(before);
    expect(await db().protectionNotice.count({ where: { sourceId: first.id } })).toBe(0);
    expect(await stats()).toEqual(noticesBefore);
    const mine = purged.find((p) => p.itemId === first.id);
    // The hash covers the current document and every revision, as canonical JSON.
    const expected = createHash('sha256')
      .update(canonicalJson({ alert: second, revisions: [first, second] }))
      .digest('hex');
    expect(mine).toEqual({ kind: 'route_alert', itemId: first.id, hash: expected });

    const left = await db().$queryRaw<{ n: number }[]>`
      SELECT (SELECT count(*) FROM alerts WHERE id = ${first.id}::uuid)::int
           + (SELECT count(*) FROM alert_revisions WHERE alert_id = ${first.id}::uuid)::int AS n`;
    expect(left[0]?.n).toBe(0);
    const tomb = await db().purgeTombstone.findFirstOrThrow({ where: { itemId: first.id } });
    expect(tomb).toMatchObject({
      kind: 'route_alert',
      originAgency: 'ne-ppn',
      own: false,
      revisions: 2,
      hash: expected,
      rule: 'retention:route_alert:PT1H',
    });
    const audit = await db().auditEntry.findMany({ where: { channel: 'purge', agency: 'ne-ppn' } });
    expect(audit.map((r) => r.items)).toContainEqual([`${first.id}@2`, `sha256:${expected}`]);
    expect((await verifyAuditLog(db())).ok).toBe(true);

    // A late copy from the stream does not bring it back.
    expect(await storeReceivedAlerts(db(), [second])).toEqual([]);
    expect(await db().alertRevision.count({ where: { alertId: first.id } })).toBe(0);
  });

  it('keeps at most the stated number of dead letters, and none older than their period', async () => {
    await db().quarantinedMessage.deleteMany({});
    const now = Date.now();
    const at = (ms: number) => new Date(now - ms);
    await db().quarantinedMessage.createMany({
      data: [
        { subject: 'x.old', payload: Buffer.from('old'), reason: 'not json', receivedAt: at(40 * DAY) },
        { subject: 'x.a', payload: Buffer.from('a'), reason: 'not json', receivedAt: at(3 * HOUR) },
        { subject: 'x.b', payload: Buffer.from('b'), reason: 'not json', receivedAt: at(2 * HOUR) },
        { subject: 'x.c', payload: Buffer.from('c'), reason: 'not json', receivedAt: at(HOUR) },
      ],
    });
    const deps = { db: db(), agency: ITALY.id, retention: () => retention({ route_alert: 'P30D' }, { deadLetters: 2 }), log: quiet };
    const purged = await purgeOnce(deps, new Date(now));
    expect(purged.filter((p) => p.kind === 'dead_letter')).toHaveLength(2);
    expect((await db().quarantinedMessage.findMany({ orderBy: { receivedAt: 'asc' } })).map((q) => q.subject)).toEqual(['x.b', 'x.c']);
    expect((await verifyAuditLog(db())).ok).toBe(true);
  });
});
