// On embedded PGlite (the demo's database) an error the database raises drops the connection
// instead of naming the error ("Connection terminated unexpectedly"): a signed alert the database
// refuses must still end in quarantine at its first delivery, and the good alert beside it be stored.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createFeed } from '../alerts/feed.js';
import { toWireAlert } from '../alerts/publish-alert.js';
import { type Database, openDatabase } from '../database.js';
import type { Logger } from '../log.js';
import { ITALY, italySigner, NETWORK_KEY, routeInput, SPEC_MEMBERSHIP } from '../testing/fixtures.js';
import { handleBatch, type InboxMessage } from './inbox.js';

const dir = mkdtempSync(join(tmpdir(), 'corridor-inbox-pglite-'));
let database: Database;
beforeAll(async () => {
  database = await openDatabase({ dataDir: dir });
}, 60_000);
afterAll(async () => {
  await database?.close();
  rmSync(dir, { recursive: true, force: true });
});

const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
const subject = 'corridor.alert.route.ITA.central-mediterranean.it-polfr';

it('quarantines signed alerts the embedded database refuses, and stores the good one of the batch', async () => {
  const signer = await italySigner();
  const alert = () => toWireAlert(routeInput(), ITALY, NETWORK_KEY, new Date());
  const good = await signer.sign(alert());
  const poison = await Promise.all(
    [
      { ...alert(), revision: 3_000_000_000 },
      { ...alert(), createdAt: '0000-01-01T00:00:00Z' },
    ].map((a) => signer.sign(a)),
  );
  const settled: string[][] = [];
  const messages: InboxMessage[] = [...poison, good].map((a, i) => {
    const calls: string[] = [];
    settled.push(calls);
    return {
      subject,
      data: new TextEncoder().encode(JSON.stringify(a)),
      seq: i + 1,
      info: { deliveryCount: 1 },
      ack: () => calls.push('ack'),
      nak: () => calls.push('nak'),
      term: () => calls.push('term'),
    };
  });
  const ctx = {
    db: database.db,
    feed: createFeed(),
    log: quiet,
    opts: { agency: 'ne-ppn', membership: () => SPEC_MEMBERSHIP, stream: 'S', subjectRoot: 'corridor' },
  };

  expect(await handleBatch(messages, ctx)).toBe(2);
  expect(settled).toEqual([['term'], ['term'], ['ack']]);
  expect(await database.db.alert.count({ where: { id: good.id } })).toBe(1);
  expect((await database.db.quarantinedMessage.findMany({ orderBy: { streamSeq: 'asc' } })).map((q) => q.streamSeq)).toEqual([1n, 2n]);
}, 60_000);
