import { randomUUID } from 'node:crypto';
import { type ConsultationEvent, consultationEvent, retentionDocument } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { verifyAuditLog } from '../audit/audit-log.js';
import { keepEvents } from '../consultations/consultation-store.js';
import { insertNotices } from '../consultations/protection-store.js';
import type { Logger } from '../log.js';
import { agencyStatistics } from '../statistics/statistics.js';
import { ITALY } from '../testing/fixtures.js';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { purgeOnce } from './purge.js';
import { dueConsultations } from './purge-consultations.js';

const warnings: { msg: string; fields: unknown }[] = [];
const log: Logger = { debug() {}, info() {}, warn: (msg: string, fields?: unknown) => warnings.push({ msg, fields }), error() {} };
const HOUR = 3_600_000;
const retention = (periods: Record<string, string>) => retentionDocument.parse({ agency: ITALY.id, version: 4, periods });
const NER = 'ne-ppn';

/** A thread Niger opened with Italy, a request in it, and the request's statuses after it, an hour apart from `start`. */
function thread(start: number, statuses: readonly ('sent' | 'answered' | 'in_progress')[]): ConsultationEvent[] {
  const consultationId = randomUUID();
  const requestId = randomUUID();
  const base = (i: number, from: string) => ({
    id: randomUUID(),
    consultationId,
    from,
    to: from === NER ? ITALY.id : NER,
    at: new Date(start + i * HOUR).toISOString(),
    author: from === NER ? 'Aïssata Moussa' : 'Giulia Rossi',
  });
  return [
    { ...base(0, NER), type: 'opened', subject: 'Boat seen off Zuwara', body: 'Ahmed Traoré, passport A1234567, aboard.', protection: [] },
    {
      ...base(1, NER),
      type: 'request',
      requestId,
      requestType: 'information_request',
      summary: 'Who chartered the boat?',
      sendingAuthority: { agency: NER, name: 'PPN Niamey' },
      receivingAuthority: { agency: ITALY.id, name: 'Polizia di Frontiera' },
      reference: 'NE-2026-17',
    },
    ...statuses.map((status, i) => ({
      ...base(2 + i, status === 'sent' ? NER : ITALY.id),
      type: 'request_status',
      requestId,
      status,
      ...(status === 'answered' ? { answer: 'Chartered by Moussa Diallo, phone +227 90 12 34 56.' } : {}),
    })),
  ].map((e) => consultationEvent.parse(e));
}

describe('the consultation purge under the retention document', () => {
  const scratch = useMigratedScratchDatabase();
  const db = () => scratch.database.db;
  const keep = (events: ConsultationEvent[], recordedAt: number) =>
    db().$transaction(async (tx) => {
      await keepEvents(tx, events, true);
      await tx.$executeRaw`UPDATE consultation_events SET recorded_at = ${new Date(recordedAt)}
        WHERE id = ANY (${events.map((e) => e.id)}::uuid[])`;
    });

  it('selects a thread once none of its requests is open, counting from its last event kept here', async () => {
    const now = Date.now();
    const answered = thread(now - 10 * HOUR, ['sent', 'answered']);
    const open = thread(now - 10 * HOUR, ['sent', 'in_progress']);
    await keep(answered, now - 3 * HOUR);
    await keep(open, now - 3 * HOUR);
    const id = answered[0]?.consultationId as string;
    // Only these two threads: other tests of this file keep their own.
    const due = async (period: string, at = now) =>
      (await dueConsultations(db(), retention({ consultation: period }), new Date(at), 100))
        .map((d) => d.id)
        .filter((d) => d === id || d === open[0]?.consultationId);

    expect(await due('PT2H')).toEqual([id]);
    expect(await due('PT4H')).toEqual([]);
    // A note on the answered request an hour ago: its period now counts from it.
    const first = answered[0] as ConsultationEvent;
    const late = consultationEvent.parse({
      id: randomUUID(),
      consultationId: id,
      from: first.from,
      to: first.to,
      at: new Date(now - HOUR).toISOString(),
      author: first.author,
      type: 'message',
      body: 'Thanks.',
      protection: [],
    });
    await keep([late], now - HOUR);
    expect(await due('PT2H')).toEqual([]);
    expect(await due('PT2H', now + HOUR)).toEqual([id]);
  });

  it('deletes a closed thread’s events, notices and clocks with one tombstone and an audit row; a late event stays out', async () => {
    const now = Date.now();
    const events = thread(now - 48 * HOUR, ['sent', 'answered']);
    const id = events[0]?.consultationId as string;
    await keep(events, now - 40 * HOUR);
    await insertNotices(db(), [
      {
        source: 'consultation',
        sourceId: events[0]?.id as string,
        originAgency: NER,
        country: 'NER',
        flags: ['unaccompanied_child'],
        contacts: [],
      },
    ]);
    const requestId = (events[1] as { requestId: string }).requestId;
    await db().$executeRaw`INSERT INTO request_clocks (request_id, consultation_id, receiving_agency, due_at, running)
      VALUES (${requestId}::uuid, ${id}::uuid, ${ITALY.id}, ${new Date(now)}, false)`;
    const stats = () => agencyStatistics(db(), { agency: ITALY.id, threshold: 2, now: new Date(now) });
    const before = await stats();

    const purged = await purgeOnce({ db: db(), agency: ITALY.id, retention: () => retention({ consultation: 'P1D' }), log }, new Date(now));
    expect(purged.filter((p) => p.kind === 'consultation').map((p) => p.itemId)).toEqual([id]);

    const left = await db().$queryRaw<{ n: number }[]>`
      SELECT (SELECT count(*) FROM consultation_events WHERE consultation_id = ${id}::uuid)
        + (SELECT count(*) FROM protection_notices WHERE source_id = ${events[0]?.id}::uuid)
        + (SELECT count(*) FROM request_clocks WHERE consultation_id = ${id}::uuid) AS n`;
    expect(Number(left[0]?.n)).toBe(0);
    const dump = JSON.stringify(await db().$queryRaw`SELECT to_jsonb(t)::text AS row FROM purge_tombstones t`);
    for (const text of ['Traoré', 'A1234567', 'Moussa Diallo', '+227']) expect(dump).not.toContain(text);
    const stone = await db().purgeTombstone.findUniqueOrThrow({ where: { itemId_kind: { itemId: id, kind: 'consultation' } } });
    expect(stone).toMatchObject({ revisions: events.length, rule: 'retention:consultation:P1D', retentionVersion: 4, originAgency: NER });
    expect(stone.hash).toMatch(/^[0-9a-f]{64}$/);
    const audit = await db().auditEntry.findMany({ where: { channel: 'purge', resource: 'consultation' } });
    expect(audit.map((a) => a.items)).toContainEqual([`${id}:${events.length}`, `sha256:${stone.hash}`]);
    expect((await verifyAuditLog(db())).ok).toBe(true);
    // What the statistics counted stays: the answered request and its notice.
    expect((await stats()).tables).toEqual(before.tables);

    // The other party's late copy of an event does not bring the thread back.
    const late = consultationEvent.parse({ ...events[3], id: randomUUID(), at: new Date(now).toISOString() });
    expect(await db().$transaction((tx) => keepEvents(tx, [late], true))).toEqual([]);
    expect(await db().consultationEvent.count({ where: { consultationId: id } })).toBe(0);
  });

  it('never purges a thread whose request is still open, however old', async () => {
    const now = Date.now();
    const events = thread(now - 900 * HOUR, ['sent']);
    await keep(events, now - 800 * HOUR);
    await purgeOnce({ db: db(), agency: ITALY.id, retention: () => retention({ consultation: 'PT1S' }), log }, new Date(now));
    expect(await db().consultationEvent.count({ where: { consultationId: events[0]?.consultationId as string } })).toBe(events.length);
  });

  it('drops a held publication older than its bound, with a tombstone, an audit row and a warning naming no identifier', async () => {
    const now = Date.now();
    const old = randomUUID();
    const fresh = randomUUID();
    const document = { input: { identifiers: [{ type: 'phone', value: '+22790123456' }] } };
    await db().heldPublication.createMany({
      data: [
        { id: old, document, heldAt: new Date(now - 8 * 24 * HOUR) },
        { id: fresh, document, heldAt: new Date(now - HOUR) },
      ],
    });
    warnings.length = 0;
    const purged = await purgeOnce({ db: db(), agency: ITALY.id, retention: () => retention({}), log }, new Date(now));
    expect(purged.filter((p) => p.kind === 'held_publication').map((p) => p.itemId)).toEqual([old]);
    expect((await db().heldPublication.findMany()).map((h) => h.id)).toEqual([fresh]);
    const stone = await db().purgeTombstone.findUniqueOrThrow({ where: { itemId_kind: { itemId: old, kind: 'held_publication' } } });
    expect(stone.rule).toBe('retention:held_publication:P7D');
    expect(await db().auditEntry.count({ where: { channel: 'purge', resource: 'held_publication' } })).toBe(1);
    expect((await verifyAuditLog(db())).ok).toBe(true);
    expect(warnings.map((w) => w.msg)).toHaveLength(1);
    expect(JSON.stringify(warnings)).toContain(old);
    expect(JSON.stringify(warnings)).not.toContain('22790123456');
  });
});
