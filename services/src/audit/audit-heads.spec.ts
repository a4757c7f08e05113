import { createAuditHeadSigner } from '@corridor/proto';
import { exportJWK, generateKeyPair } from 'jose';
import { describe, expect, it } from 'vitest';
import type { Logger } from '../log.js';
import { auditRecord, italyHeadSigner, SPEC_MEMBERSHIP } from '../testing/fixtures.js';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { type HeadSchedule, headDue, heldHeadsOf, receiveAuditHead, startAuditGossip, verifyAuditWithHeads } from './audit-heads.js';
import { auditWriter } from './audit-log.js';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const SCHEDULE: HeadSchedule = { everyEntries: 100, everyMs: 60_000 };
const T0 = Date.parse('2026-11-30T10:00:00Z');

describe('the head schedule', () => {
  const last = { seq: 200n, hash: 'h200', signedAt: T0 };

  it('signs the first head as soon as the chain has a row, and none for an empty chain', () => {
    expect(headDue(null, { seq: 1n, hash: 'h1' }, T0, SCHEDULE)).toBe(true);
    expect(headDue(null, null, T0, SCHEDULE)).toBe(false);
  });

  it('signs again after 100 rows, however soon', () => {
    expect(headDue(last, { seq: 299n, hash: 'h299' }, T0 + 1, SCHEDULE)).toBe(false);
    expect(headDue(last, { seq: 300n, hash: 'h300' }, T0 + 1, SCHEDULE)).toBe(true);
  });

  it('signs again after a minute when the head moved, and never while it stands still', () => {
    expect(headDue(last, { seq: 201n, hash: 'h201' }, T0 + 59_999, SCHEDULE)).toBe(false);
    expect(headDue(last, { seq: 201n, hash: 'h201' }, T0 + 60_000, SCHEDULE)).toBe(true);
    expect(headDue(last, { seq: 200n, hash: 'h200' }, T0 + 3_600_000, SCHEDULE)).toBe(false);
  });

  it('counts a head rewritten in place, or moved back, as moved', () => {
    expect(headDue(last, { seq: 200n, hash: 'other' }, T0 + 60_000, SCHEDULE)).toBe(true);
    expect(headDue(last, { seq: 150n, hash: 'h150' }, T0 + 60_000, SCHEDULE)).toBe(true);
  });
});

const scratch = useMigratedScratchDatabase();
const record = (i: number) => auditRecord(i);

describe('gossip of audit heads', () => {
  it('queues one signed head per partner in the outbox, once per head', async () => {
    const db = scratch.database.db;
    await auditWriter(db)([record(1), record(2), record(3)]);
    let woken = 0;
    const gossip = startAuditGossip({
      db,
      agency: 'it-polfr',
      membership: () => SPEC_MEMBERSHIP,
      signer: await italyHeadSigner(),
      subjectRoot: 'corridor',
      schedule: SCHEDULE,
      onQueued: () => woken++,
      log: quiet,
    });
    try {
      const signed = await gossip.tick();
      expect(signed?.seq).toBe(3n);
      expect(await gossip.tick()).toBeNull();
      const rows = await db.outboxMessage.findMany({ where: { kind: 'audit_head' }, orderBy: { subject: 'asc' } });
      expect(rows.map((r) => r.subject)).toEqual(['corridor.inbox.ne-ppn.audit.it-polfr', 'corridor.inbox.ng-nis.audit.it-polfr']);
      expect(rows[0]?.payload).toBe(rows[1]?.payload);
      expect(woken).toBe(1);
    } finally {
      gossip.stop();
    }
  });

  it('keeps a partner’s verified head once, and refuses one sent by another agency or addressed elsewhere', async () => {
    const db = scratch.database.db;
    const deps = { db, agency: 'ne-ppn', membership: () => SPEC_MEMBERSHIP, subjectRoot: 'corridor', log: quiet };
    const jws = (await db.outboxMessage.findFirstOrThrow({ where: { subject: 'corridor.inbox.ne-ppn.audit.it-polfr' } })).payload;
    expect(await receiveAuditHead(deps, 'corridor.inbox.ne-ppn.audit.it-polfr', jws)).toEqual({ ok: true });
    expect(await receiveAuditHead(deps, 'corridor.inbox.ne-ppn.audit.it-polfr', jws)).toEqual({ ok: true });
    expect(await receiveAuditHead(deps, 'corridor.inbox.ng-nis.audit.it-polfr', jws)).toMatchObject({ ok: false });
    // Niger's node relaying Italy's head as its own: the subject's sender is not the signer.
    expect(await receiveAuditHead(deps, 'corridor.inbox.ne-ppn.audit.ng-nis', jws)).toMatchObject({ ok: false });
    const { privateKey } = await generateKeyPair('EdDSA', { extractable: true });
    const impostor = await createAuditHeadSigner({ ...(await exportJWK(privateKey)), kid: 'it-polfr-alerts-spec', alg: 'EdDSA' });
    const fake = await impostor.sign({ agency: 'it-polfr', seq: '3', hash: 'f'.repeat(64), at: new Date().toISOString() });
    expect(await receiveAuditHead(deps, 'corridor.inbox.ne-ppn.audit.it-polfr', fake)).toEqual({
      ok: false,
      reason: 'bad audit head: signature does not match the head',
    });
    const held = await heldHeadsOf(db, 'ne-ppn', 'it-polfr', 20);
    expect(held).toEqual([expect.objectContaining({ holder: 'ne-ppn', agency: 'it-polfr', seq: '3', jws })]);
    expect(await heldHeadsOf(db, 'ne-ppn', 'ng-nis', 20)).toEqual([]);
  });

  it('finds the rows deleted after a head a partner holds, though the chain that is left verifies', async () => {
    const db = scratch.database.db;
    const [held] = await heldHeadsOf(db, 'ne-ppn', 'it-polfr', 20);
    const heads = [{ holder: 'ne-ppn', jws: held?.jws as string }];
    expect(await verifyAuditWithHeads(db, 'it-polfr', SPEC_MEMBERSHIP, heads, { answered: ['ne-ppn'], schedule: SCHEDULE })).toMatchObject({
      ok: true,
      checked: 3,
      partners: [{ agency: 'ne-ppn', seq: '3', ok: true }],
      problems: [],
    });
    await db.$executeRawUnsafe('ALTER TABLE audit_log DISABLE TRIGGER audit_log_append_only');
    try {
      await db.$executeRawUnsafe('DELETE FROM audit_log WHERE seq = 3');
    } finally {
      await db.$executeRawUnsafe('ALTER TABLE audit_log ENABLE TRIGGER audit_log_append_only');
    }
    const after = await verifyAuditWithHeads(db, 'it-polfr', SPEC_MEMBERSHIP, heads, { answered: ['ne-ppn'], schedule: SCHEDULE });
    expect(after).toMatchObject({
      ok: false,
      checked: 2,
      brokenAt: null,
      problems: [{ kind: 'truncation', seq: '3', agencies: ['ne-ppn'] }],
    });
    // Two minutes on, a partner that answered with no head at all has not been told of these rows.
    const later = await verifyAuditWithHeads(db, 'it-polfr', SPEC_MEMBERSHIP, [], {
      answered: ['ng-nis'],
      schedule: SCHEDULE,
      now: new Date(Date.now() + 2 * 60_000 + 1000),
    });
    expect(later.problems).toEqual([
      { kind: 'uncovered', seq: '2', agencies: ['ng-nis'], message: expect.stringContaining('not protected') },
    ]);
  });

  it('answers two heads signed for one row however many newer heads came after them', async () => {
    const db = scratch.database.db;
    const deps = { db, agency: 'ng-nis', membership: () => SPEC_MEMBERSHIP, subjectRoot: 'corridor', log: quiet };
    const italy = await italyHeadSigner();
    const at = new Date().toISOString();
    const subject = 'corridor.inbox.ng-nis.audit.it-polfr';
    for (const h of ['a', 'b'])
      expect(await receiveAuditHead(deps, subject, await italy.sign({ agency: 'it-polfr', seq: '5', hash: h.repeat(64), at }))).toEqual({
        ok: true,
      });
    for (let seq = 6; seq < 10; seq++)
      await receiveAuditHead(deps, subject, await italy.sign({ agency: 'it-polfr', seq: String(seq), hash: 'c'.repeat(64), at }));
    const held = await heldHeadsOf(db, 'ng-nis', 'it-polfr', 2);
    expect(held.map((h) => h.seq)).toEqual(['9', '8', '5', '5']);
    expect(new Set(held.filter((h) => h.seq === '5').map((h) => h.hash[0]))).toEqual(new Set(['a', 'b']));
  });
});
