// The release audit's writer sends its rows as JSON to audit_append (migration 0014), bound as a
// parameter: whatever a token's subject or an item reference holds, it is stored as given and chained.
import { describe, expect, it } from 'vitest';
import { auditRecord } from '../testing/fixtures.js';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { auditWriter, listAudit, verifyAuditLog } from './audit-log.js';

const scratch = useMigratedScratchDatabase();

describe('the release audit writer', () => {
  it('stores quotes, backslashes, dollar patterns and SQL in a subject as given, and the chain verifies', async () => {
    const write = auditWriter(scratch.database.db);
    const hostile = [`o'brien\\"; DROP TABLE audit_log; --`, `$& $' $1 $$x$$`, "E'\\x00'", 'naïve — ünïcode 𝔘'];
    await Promise.all(hostile.map((subject, i) => write([auditRecord(i, { subject, items: [subject, `item-${i}`] })])));
    expect(await verifyAuditLog(scratch.database.db)).toMatchObject({ ok: true, checked: hostile.length });
    const stored = await listAudit(scratch.database.db, { limit: 10 });
    expect(stored.map((r) => r.subject).sort()).toEqual([...hostile].sort());
    for (const r of stored) expect(r.items).toEqual([r.subject, expect.stringMatching(/^item-\d$/)]);
  });

  it('answers a failed write with its error and leaves the chain as it was', async () => {
    const write = auditWriter(scratch.database.db);
    const before = await verifyAuditLog(scratch.database.db);
    // A NUL character cannot be stored in PostgreSQL text: the insert fails inside the transaction.
    await expect(write([auditRecord(99, { subject: 'nul\u0000byte' })])).rejects.toThrow();
    expect(await verifyAuditLog(scratch.database.db)).toEqual(before);
    await write([auditRecord(100)]);
    expect(await verifyAuditLog(scratch.database.db)).toMatchObject({ ok: true, checked: (before.checked ?? 0) + 1 });
  });
});
