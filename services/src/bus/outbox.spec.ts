// The alert path on a real nats-server of this spec's own, removed afterwards: outbox → JetStream →
// a partner's inbox.
// Both nodes share one account here; their isolation by accounts is test/e2e/nats-permissions.test.ts.
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFeed } from '../alerts/feed.js';
import { publishAlert, toWireAlert } from '../alerts/publish-alert.js';
import { type Database, openDatabase } from '../database.js';
import type { Logger } from '../log.js';
import { ITALY, italyPublishing, italySigner, NETWORK_KEY, RAW_DOCUMENT, routeInput, SPEC_MEMBERSHIP } from '../testing/fixtures.js';
import { type ScratchNatsServer, scratchNatsServer } from '../testing/nats-server.js';
import { scratchDatabase } from '../testing/scratch-database.js';
import { until as pollUntil } from '../testing/until.js';
import { type Bus, createBus } from './bus.js';
import { type Inbox, startInbox } from './inbox.js';
import { wireMessageIds } from './message-id.js';
import { type OutboxRelay, startOutboxRelay } from './outbox.js';

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };

const until = <T>(probe: () => Promise<T>, ok: (v: T) => boolean, ms = 10_000): Promise<T> => pollUntil(probe, ok, ms, 50);

describe('an alert travelling from one node to another over JetStream', () => {
  const suffix = randomBytes(4).toString('hex');
  const subjectRoot = `spec${suffix}`;
  const stream = `SPEC_${suffix}`;
  const scratch: { url: string; drop(): Promise<void> }[] = [];
  let italy: Database;
  let niger: Database;
  let italyBus: Bus;
  let nigerBus: Bus;
  // Nigeria has no node in this spec, only its inbox stream: a copy for it waits until it is there.
  let nigeriaInbox: Bus;
  let outbox: OutboxRelay;
  let inbox: Inbox;
  const nigerFeed = createFeed();

  let nats: ScratchNatsServer;

  beforeAll(async () => {
    nats = await scratchNatsServer();
    scratch.push(await scratchDatabase(), await scratchDatabase());
    italy = await openDatabase({ url: scratch[0]?.url, dataDir: '/nonexistent' });
    niger = await openDatabase({ url: scratch[1]?.url, dataDir: '/nonexistent' });
    const bus = (name: string, agency: string) =>
      createBus({ servers: [nats.url], name, agency, stream: `${stream}_${agency}`, subjectRoot }, quiet);
    italyBus = bus('spec-it', 'it-polfr');
    nigerBus = bus('spec-ne', 'ne-ppn');
    nigeriaInbox = bus('spec-ng', 'ng-nis');
    await Promise.all([italyBus.ready(), nigerBus.ready(), nigeriaInbox.ready()]);
    outbox = startOutboxRelay(italy.db, italyBus, quiet, wireMessageIds('spec-only-private-key-material'));
    inbox = startInbox(
      niger.db,
      nigerBus,
      nigerFeed,
      { agency: 'ne-ppn', membership: () => SPEC_MEMBERSHIP, stream: `${stream}_ne-ppn`, subjectRoot },
      quiet,
    );
  });

  afterAll(async () => {
    await inbox?.stop();
    await outbox?.stop();
    await italyBus?.close();
    await nigerBus?.close();
    await nigeriaInbox?.close();
    await italy?.close();
    await niger?.close();
    for (const s of scratch) await s.drop();
    await nats?.stop();
  });

  it('is sent once, stored at the partner once (even when it arrives twice), pseudonyms only', async () => {
    const seen: string[] = [];
    (async () => {
      for await (const a of nigerFeed.subscribe('alert')) seen.push(a.id);
    })();
    const ctx = await italyPublishing(italy.db, { subjectRoot, onQueued: () => outbox.wake() });
    const a = await publishAlert(ctx, routeInput());

    expect(
      await until(
        () => outbox.pending(),
        (n) => n === 0,
      ),
    ).toBe(0);
    const row = await until(
      () => niger.db.alert.findUnique({ where: { id: a.id } }),
      (r) => r !== null,
    );
    expect(row?.own).toBe(false);
    expect(JSON.stringify(row?.document)).not.toContain(RAW_DOCUMENT);

    // The same alert again under another message id (JetStream cannot drop it): still one row.
    const { js } = await italyBus.ready();
    const [sent] = await italy.db.outboxMessage.findMany({ where: { aboutId: a.id } });
    await js.publish(sent?.subject as string, sent?.payload as string, { msgID: `${sent?.msgId}:again` });
    await js.publish(sent?.subject as string, '{not json', { msgID: `garbage-${suffix}` });
    await until(
      () => niger.db.quarantinedMessage.count(),
      (n) => n > 0,
    );
    expect(await niger.db.alert.count({ where: { id: a.id } })).toBe(1);
    expect(await niger.db.quarantinedMessage.findMany({ select: { reason: true } })).toEqual([{ reason: 'not JSON' }]);
    expect(seen).toEqual([a.id]);
  });

  it('goes out while a partner whose inbox takes nothing has a full batch of messages waiting', async () => {
    // A member that deletes its inbox stream (or never makes one) must not stall what goes to others.
    const ghost = `${subjectRoot}.inbox.gh-ost.case.it-polfr`;
    await italy.db.outboxMessage.createMany({
      data: Array.from({ length: 300 }, (_, i) => ({ kind: 'consultation', subject: ghost, msgId: `ghost-${suffix}-${i}`, payload: '{}' })),
    });
    try {
      const ctx = await italyPublishing(italy.db, { subjectRoot, onQueued: () => outbox.wake() });
      const a = await publishAlert(ctx, routeInput());
      const row = await until(
        () => niger.db.alert.findUnique({ where: { id: a.id } }),
        (r) => r !== null,
      );
      expect(row?.id).toBe(a.id);
      expect(await italy.db.outboxMessage.count({ where: { subject: ghost, sentAt: null } })).toBe(300);
    } finally {
      await italy.db.outboxMessage.deleteMany({ where: { subject: ghost } });
    }
  });

  it('quarantines an alert whose signature does not hold, and never shows it', async () => {
    const { js } = await italyBus.ready();
    const genuine = await publishAlertDirect();
    const forgeries = [
      { ...genuine, id: '0196a4f2-7c00-7000-8000-00000000f001', summary: 'altered after signing' },
      { ...genuine, id: '0196a4f2-7c00-7000-8000-00000000f002', signature: undefined },
    ];
    const before = await niger.db.quarantinedMessage.count();
    for (const f of forgeries)
      await js.publish(`${subjectRoot}.inbox.ne-ppn.alert.route.ITA.central-mediterranean.it-polfr`, JSON.stringify(f), { msgID: f.id });
    await until(
      () => niger.db.quarantinedMessage.count(),
      (n) => n >= before + 2,
    );
    const reasons = (await niger.db.quarantinedMessage.findMany({ orderBy: { id: 'asc' }, skip: before })).map((q) => q.reason);
    expect(reasons).toEqual(['bad signature: signature does not match the alert', 'bad signature: unsigned alert']);
    expect(await niger.db.alert.count({ where: { id: { in: forgeries.map((f) => f.id) } } })).toBe(0);
  });
});

/** A signed alert as Italy's node would send it, built without going through the outbox. */
async function publishAlertDirect() {
  return (await italySigner()).sign(toWireAlert(routeInput(), ITALY, NETWORK_KEY, new Date()));
}
