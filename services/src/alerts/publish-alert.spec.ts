import { type Alert, MAX_ALERTS_PER_BATCH, releasePolicy, ValidationError, verifyAlertSignature } from '@corridor/proto';
import { beforeAll, describe, expect, it } from 'vitest';
import { ITALY, italyPublishing, NETWORK_KEY, RAW_DOCUMENT, routeInput, SPEC_MEMBERSHIP } from '../testing/fixtures.js';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { createFeed } from './feed.js';
import { type PublishContext, publishAlert, publishAlerts, toWireAlert } from './publish-alert.js';

describe('building the wire alert', () => {
  const now = new Date('2026-11-24T20:00:00Z');

  it('replaces every identifier by its pseudonym and keeps no raw value anywhere', () => {
    const a = toWireAlert(routeInput(), ITALY, NETWORK_KEY, now);
    expect(a.identifiers).toEqual([{ kind: 'travel_document', pseudonym: expect.stringMatching(/^[\w-]{43}$/), epoch: 1 }]);
    expect(JSON.stringify(a)).not.toContain(RAW_DOCUMENT);
    expect(a).toMatchObject({
      origin: { agency: 'it-polfr', country: 'ITA' },
      revision: 1,
      status: 'active',
      createdAt: now.toISOString(),
    });
  });

  it('refuses a validity end in the past with the field named', () => {
    const err = (() => {
      try {
        toWireAlert(routeInput({ validUntil: '2026-11-24T19:00:00Z' }), ITALY, NETWORK_KEY, now);
      } catch (e) {
        return e;
      }
    })() as ValidationError;
    expect(err).toBeInstanceOf(ValidationError);
    expect(err.fieldErrors).toEqual([{ path: 'validUntil', rule: 'in_future', message: 'must be in the future' }]);
  });
});

describe('what the node refuses before building the wire alert', () => {
  const now = new Date('2026-11-24T20:00:00Z');
  const refusal = (input: unknown, membership = SPEC_MEMBERSHIP) => {
    try {
      toWireAlert(input, ITALY, NETWORK_KEY, now, membership);
    } catch (e) {
      if (e instanceof ValidationError) return e;
      throw e;
    }
    throw new Error('accepted');
  };

  it('refuses the declared document number written into the summary, spaced, at the summary, without repeating it', () => {
    const spaced = `${RAW_DOCUMENT.slice(0, 4)} ${RAW_DOCUMENT.slice(4)}`.toLowerCase();
    const err = refusal(routeInput({ summary: `Holder of ${spaced} seen again` }));
    expect(err.fieldErrors).toEqual([
      expect.objectContaining({
        path: 'summary',
        rule: 'identifier_in_text',
        found: [expect.objectContaining({ kind: 'travel_document', declared: 0 })],
      }),
    ]);
    expect(err.message).not.toContain(spaced);
    expect(JSON.stringify(err.fieldErrors)).not.toContain(RAW_DOCUMENT.slice(4));
  });

  it('refuses a phone number in national form written as a place', () => {
    const route = { region: 'central-mediterranean', waypoints: [{ country: 'NGA', place: 'Kano, 0803 555 0147' }, { country: 'NER' }] };
    const err = refusal({ ...routeInput(), route });
    expect(err.fieldErrors.map((e) => [e.path, e.found?.[0]?.kind])).toEqual([['route.waypoints.0.place', 'phone']]);
  });

  it('refuses an AMBER recipient that is not a member, and a NUL character, each at its field', () => {
    expect(refusal(routeInput({ tlp: 'AMBER', recipients: ['ne-ppn', 'xx-nobody'] })).fieldErrors).toEqual([
      { path: 'recipients.1', rule: 'member', message: 'must be a member agency of the network, by its id' },
    ]);
    expect(refusal(routeInput({ summary: 'a\u0000b' })).fieldErrors.map((e) => [e.path, e.rule])).toEqual([['summary', 'nul_byte']]);
  });
});

describe('publishing at the node', () => {
  const scratch = useMigratedScratchDatabase();
  let queued = 0;
  const feed = createFeed();
  let base: PublishContext;
  const ctx = () => base;

  beforeAll(async () => {
    base = await italyPublishing(scratch.database.db, { feed, onQueued: () => queued++ });
  });

  it('sends a GREEN alert to each partner the policy allows, pseudonyms only, case reference withheld, each copy signed and audited', async () => {
    const a = await publishAlert(ctx(), routeInput({ caseReference: 'RG 1234/2026' }));
    const rows = await scratch.database.db.outboxMessage.findMany({ where: { aboutId: a.id }, orderBy: { seq: 'asc' } });
    expect(rows.map((r) => r.subject)).toEqual([
      'corridor.inbox.ne-ppn.alert.route.ITA.central-mediterranean.it-polfr',
      'corridor.inbox.ng-nis.alert.route.ITA.central-mediterranean.it-polfr',
    ]);
    for (const r of rows) {
      expect(r.payload).not.toContain(RAW_DOCUMENT);
      const sent = JSON.parse(r.payload) as Alert;
      // Nodes receive the copy for an agency as a whole: no role, so not the prosecutors' rule.
      expect(sent.caseReference).toBeUndefined();
      expect(sent.redacted).toEqual(['caseReference']);
      expect(await verifyAlertSignature(sent, SPEC_MEMBERSHIP)).toMatchObject({ ok: true });
    }
    // This node keeps the full alert, signed too.
    const stored = await scratch.database.db.alert.findUniqueOrThrow({ where: { id: a.id } });
    expect(JSON.stringify(stored.document)).not.toContain(RAW_DOCUMENT);
    expect((stored.document as unknown as Alert).caseReference).toBe('RG 1234/2026');
    expect(queued).toBeGreaterThan(0);
    expect(await verifyAlertSignature(stored.document as unknown as Alert, SPEC_MEMBERSHIP)).toMatchObject({ ok: true });
    const audit = await scratch.database.db.auditEntry.findMany({ where: { items: { array_contains: [`${a.id}@1`] } } });
    expect(audit.map((e) => [e.channel, e.agency, e.rule]).sort()).toEqual([
      ['bus', 'ne-ppn', 'alerts-members'],
      ['bus', 'ng-nis', 'alerts-members'],
    ]);
  });

  it('sends nothing to a partner the policy does not release to, and audits nothing for it', async () => {
    const nigerOnly = {
      ...ctx(),
      policy: () =>
        releasePolicy.parse({ agency: 'it-polfr', version: 2, rules: [{ id: 'niger-only', resource: 'alert', partners: ['ne-ppn'] }] }),
    };
    const a = await publishAlert(nigerOnly, routeInput());
    const rows = await scratch.database.db.outboxMessage.findMany({ where: { aboutId: a.id } });
    expect(rows.map((r) => r.subject)).toEqual(['corridor.inbox.ne-ppn.alert.route.ITA.central-mediterranean.it-polfr']);
    expect(await scratch.database.db.auditEntry.count({ where: { items: { array_contains: [`${a.id}@1`] }, agency: 'ng-nis' } })).toBe(0);
  });

  it('queues nothing for TLP:RED and one inbox row per AMBER recipient', async () => {
    const red = await publishAlert(ctx(), routeInput({ tlp: 'RED' }));
    expect(await scratch.database.db.outboxMessage.count({ where: { aboutId: red.id } })).toBe(0);
    const amber = await publishAlert(ctx(), routeInput({ tlp: 'AMBER', recipients: ['ne-ppn', 'ng-nis'] }));
    const subjects = (await scratch.database.db.outboxMessage.findMany({ where: { aboutId: amber.id } })).map((r) => r.subject).sort();
    expect(subjects).toEqual([
      'corridor.inbox.ne-ppn.alert.route.ITA.central-mediterranean.it-polfr',
      'corridor.inbox.ng-nis.alert.route.ITA.central-mediterranean.it-polfr',
    ]);
  });

  it('changes nothing when the input is refused', async () => {
    const alerts = await scratch.database.db.alert.count();
    const outbox = await scratch.database.db.outboxMessage.count();
    await expect(publishAlert(ctx(), routeInput({ summary: '' }))).rejects.toBeInstanceOf(ValidationError);
    await expect(publishAlert(ctx(), { kind: 'pizza' })).rejects.toBeInstanceOf(ValidationError);
    // An identifier that does not read as its kind is refused at its field, not hashed into nothing.
    const unreadable = await publishAlert(ctx(), routeInput({ identifiers: [{ kind: 'phone', value: '0803 555 0147' }] })).catch(
      (e: unknown) => e,
    );
    expect((unreadable as ValidationError).fieldErrors).toEqual([
      { path: 'identifiers.0.value', rule: 'identifier', message: expect.stringContaining('country code') },
    ]);
    expect(await scratch.database.db.alert.count()).toBe(alerts);
    expect(await scratch.database.db.outboxMessage.count()).toBe(outbox);
  });
  it('stores 40 concurrent publishes (grouped into shared commits) each with its history row and its outbox rows in order', async () => {
    const published = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        publishAlert(ctx(), routeInput({ tlp: i % 2 ? 'GREEN' : 'AMBER', recipients: i % 2 ? [] : ['ne-ppn', 'ng-nis'] })),
      ),
    );
    const ids = published.map((a) => a.id);
    const db = scratch.database.db;
    expect(await db.alert.count({ where: { id: { in: ids } } })).toBe(40);
    expect(await db.alertRevision.count({ where: { alertId: { in: ids } } })).toBe(40);
    const rows = await db.outboxMessage.findMany({ where: { aboutId: { in: ids } }, orderBy: { seq: 'asc' } });
    expect(rows).toHaveLength(80);
    // The relay sends in seq order: each alert's rows stay together and alerts keep the order they were stored in.
    const firstSeen = [...new Set(rows.map((r) => r.aboutId))];
    expect(firstSeen).toHaveLength(40);
    for (const r of rows) expect(JSON.parse(r.payload).id).toBe(r.aboutId);
  });
});

describe('publishing a batch at the node', () => {
  const scratch = useMigratedScratchDatabase();
  let base: PublishContext;
  let queued = 0;
  const fed: Alert[] = [];
  const counts = async () => {
    const db = scratch.database.db;
    return {
      alerts: await db.alert.count(),
      revisions: await db.alertRevision.count(),
      outbox: await db.outboxMessage.count(),
      audit: await db.auditEntry.count(),
    };
  };

  beforeAll(async () => {
    const feed = createFeed();
    void (async () => {
      for await (const a of feed.subscribe('alert')) fed.push(a as Alert);
    })();
    base = await italyPublishing(scratch.database.db, { feed, onQueued: () => queued++ });
  });

  it('stores a batch in input order, each alert pseudonymized, signed, queued and audited, and wakes the outbox once', async () => {
    const before = queued;
    const summaries = Array.from({ length: 30 }, (_, i) => `Batch item ${i}`);
    const published = await publishAlerts(
      base,
      summaries.map((summary) => routeInput({ summary })),
    );
    expect(published.map((a) => a.summary)).toEqual(summaries);
    expect(queued).toBe(before + 1);
    const db = scratch.database.db;
    const ids = published.map((a) => a.id);
    expect(await db.alert.count({ where: { id: { in: ids } } })).toBe(30);
    const rows = await db.outboxMessage.findMany({ where: { aboutId: { in: ids } }, orderBy: { seq: 'asc' } });
    expect(rows).toHaveLength(60);
    // The relay sends in seq order: the batch goes out in the order it was written.
    expect([...new Set(rows.map((r) => r.aboutId))]).toEqual(ids);
    for (const r of rows) expect(r.payload).not.toContain(RAW_DOCUMENT);
    for (const a of published) expect(await verifyAlertSignature(a, SPEC_MEMBERSHIP)).toMatchObject({ ok: true });
    const audited = await db.auditEntry.count({ where: { OR: ids.map((id) => ({ items: { array_contains: [`${id}@1`] } })) } });
    expect(audited).toBe(60);
    expect(fed.filter((a) => ids.includes(a.id))).toHaveLength(30);
  });

  it('refuses the whole batch when one item is bad, naming each bad item by index and field path, and changes nothing', async () => {
    const before = await counts();
    const inputs: unknown[] = Array.from({ length: 20 }, () => routeInput());
    inputs[3] = { ...routeInput(), route: { region: 'central-mediterranean', waypoints: [{ country: 'XXX' }, { country: 'NER' }] } };
    const spaced = `${RAW_DOCUMENT.slice(0, 4)} ${RAW_DOCUMENT.slice(4)}`;
    inputs[17] = routeInput({ summary: `Holder of ${spaced} seen again` });
    const err = await publishAlerts(base, inputs).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    const fields = (err as ValidationError).fieldErrors;
    expect(fields.map((f) => [f.path, f.rule])).toEqual([
      ['inputs[3].route.waypoints[0].country', expect.any(String)],
      ['inputs[17].summary', 'identifier_in_text'],
    ]);
    // Free-text checks apply per item, and the refusal never repeats the identifier.
    expect((err as ValidationError).message).not.toContain(spaced);
    expect(await counts()).toEqual(before);
  });

  it(`refuses more than ${MAX_ALERTS_PER_BATCH} items, and an empty batch, naming inputs, before reading any`, async () => {
    const before = await counts();
    const tooMany = Array.from({ length: MAX_ALERTS_PER_BATCH + 1 }, () => routeInput());
    const err = (await publishAlerts(base, tooMany).catch((e: unknown) => e)) as ValidationError;
    expect(err.fieldErrors).toEqual([
      { path: 'inputs', rule: 'too_big', message: expect.stringContaining(`at most ${MAX_ALERTS_PER_BATCH}`) },
    ]);
    const empty = (await publishAlerts(base, []).catch((e: unknown) => e)) as ValidationError;
    expect(empty.fieldErrors.map((f) => [f.path, f.rule])).toEqual([['inputs', 'too_small']]);
    expect(await counts()).toEqual(before);
  });

  it('stores a batch of the largest size in one call, its outbox rows all written together', async () => {
    const published = await publishAlerts(
      base,
      Array.from({ length: MAX_ALERTS_PER_BATCH }, (_, i) => routeInput({ summary: `Full batch ${i}` })),
    );
    expect(published).toHaveLength(MAX_ALERTS_PER_BATCH);
    const rows = await scratch.database.db.outboxMessage.findMany({
      where: { aboutId: { in: published.map((a) => a.id) } },
      orderBy: { seq: 'asc' },
    });
    expect(rows).toHaveLength(2 * MAX_ALERTS_PER_BATCH);
    // One statement: the batch's rows are consecutive, not interleaved with anything else.
    const seqs = rows.map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => (seqs[0] ?? 0) + i));
  });
});
