import { describe, expect, it } from 'vitest';
import { auditRecord } from '../testing/fixtures.js';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { appendAudit, auditWriter, listAudit, verifyAuditLog } from './audit-log.js';

const scratch = useMigratedScratchDatabase();

// Both channels, two receivers, users and none: the chain must hold whatever a row says.
const record = (i: number) =>
  auditRecord(i, { channel: i % 2 ? 'query' : 'bus', agency: i % 3 ? 'ne-ppn' : 'ng-nis', subject: i % 2 ? `user-${i}` : null });

describe('the release audit', () => {
  it('chains concurrent appends into one verifiable log, newest first when read', async () => {
    const write = auditWriter(scratch.database.db);
    await Promise.all(Array.from({ length: 30 }, (_, i) => write([record(i)])));
    expect(await verifyAuditLog(scratch.database.db)).toEqual({ ok: true, checked: 30, brokenAt: null, problem: null });
    const page = await listAudit(scratch.database.db, { limit: 10 });
    expect(page).toHaveLength(10);
    expect(Number(page[0]?.seq)).toBeGreaterThan(Number(page[9]?.seq));
    const older = await listAudit(scratch.database.db, { limit: 100, before: page[9]?.seq ?? null, agency: 'ng-nis' });
    expect(older.every((r) => r.agency === 'ng-nis' && Number(r.seq) < Number(page[9]?.seq))).toBe(true);
  });

  it('keeps one chain when writers that each remember their tail append between other appends', async () => {
    const { db } = scratch.database;
    const before = (await verifyAuditLog(db)).checked;
    // Two writers, as two processes on one database would have, and alerts queued for partners
    // appending in their own transactions: each writer's remembered tail goes stale in turn.
    const writers = [auditWriter(db), auditWriter(db)];
    await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        i % 5 === 4
          ? db.$transaction((tx) => appendAudit(tx, [record(i), record(i + 100)]))
          : (writers[i % 2] as (typeof writers)[number])([record(i)]),
      ),
    );
    expect(await verifyAuditLog(db)).toEqual({ ok: true, checked: before + 48, brokenAt: null, problem: null });
  });

  it('refuses to update or delete a row', async () => {
    await expect(scratch.database.db.$executeRawUnsafe(`UPDATE audit_log SET rule = 'x' WHERE seq = 1`)).rejects.toThrow(/append-only/);
    await expect(scratch.database.db.$executeRawUnsafe('DELETE FROM audit_log WHERE seq = 1')).rejects.toThrow(/append-only/);
  });

  it('names the row that was altered behind the trigger’s back', async () => {
    const db = scratch.database.db;
    const original = await db.auditEntry.findUniqueOrThrow({ where: { seq: 7n } });
    await db.$executeRawUnsafe('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    try {
      await db.$executeRawUnsafe(`UPDATE audit_log SET agency = 'xx-other' WHERE seq = 7`);
      expect(await verifyAuditLog(db)).toMatchObject({ ok: false, checked: 6, brokenAt: '7', problem: expect.stringContaining('altered') });
      await db.$executeRawUnsafe(`UPDATE audit_log SET agency = '${original.agency}' WHERE seq = 7`);
      expect(await verifyAuditLog(db)).toMatchObject({ ok: true });
    } finally {
      await db.$executeRawUnsafe('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    }
  });

  it('names the row after one that was removed', async () => {
    const db = scratch.database.db;
    await db.$executeRawUnsafe('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    try {
      await db.$executeRawUnsafe('DELETE FROM audit_log WHERE seq = 12');
      expect(await verifyAuditLog(db)).toMatchObject({ ok: false, brokenAt: '13', problem: expect.stringContaining('removed') });
    } finally {
      await db.$executeRawUnsafe('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    }
  });
});
