// Property-based checks (fast-check) of what the inbox accepts from the bus: anything that is not
// a complete, consistent alert is refused with a reason, and checking never throws; whatever bytes
// arrive end once, in quarantine, without holding back the good alerts of their batch.
import { type Alert, type AlertSigner, consultationSubject, correlationSubject, inboxSubject, type MemberAgency } from '@corridor/proto';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createCorrelator } from '../alerts/correlation.js';
import { createFeed } from '../alerts/feed.js';
import { toWireAlert } from '../alerts/publish-alert.js';
import { receiveConsultationEvent } from '../consultations/consultations.js';
import { createProtectionNotifier } from '../consultations/protection.js';
import type { Logger } from '../log.js';
import { ITALY, italySigner, NETWORK_KEY, routeInput, SPEC_MEMBERSHIP, SPEC_POLICY } from '../testing/fixtures.js';
import { useMigratedScratchDatabase } from '../testing/scratch-database.js';
import { checkMessage, handleBatch, type InboxContext, type InboxMessage, retryDelayMs } from './inbox.js';

const opts = { agency: 'ne-ppn', subjectRoot: 'corridor' };
const subject = 'corridor.alert.route.ITA.central-mediterranean.it-polfr';
const alert = toWireAlert(routeInput(), ITALY, NETWORK_KEY, new Date('2026-11-24T10:00:00Z'));

describe('the inbox, for any message', () => {
  it('never throws on arbitrary bytes or JSON, and accepts none of them', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.jsonValue().map((v) => JSON.stringify(v)),
        ),
        fc.string(),
        (data, tail) => {
          expect(checkMessage(subject, data, opts).ok).toBe(false);
          expect(checkMessage(`corridor.${tail}`, data, opts).ok).toBe(false);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('refuses an alert with any required field removed', () => {
    const required = Object.keys(alert).filter((k) => !['signature'].includes(k));
    fc.assert(
      fc.property(fc.constantFrom(...required), (key) => {
        const { [key]: _, ...rest } = alert as Record<string, unknown>;
        const verdict = checkMessage(subject, JSON.stringify(rest), opts);
        expect(verdict.ok).toBe(false);
      }),
    );
  });

  it('refuses an alert with any field replaced by a value of another type', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.keys(alert)),
        fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.object()),
        (key, value) => {
          const original = (alert as Record<string, unknown>)[key];
          fc.pre(key !== 'signature' && key !== 'validUntil');
          fc.pre(typeof value !== typeof original || Array.isArray(value) !== Array.isArray(original));
          const verdict = checkMessage(subject, JSON.stringify({ ...alert, [key]: value }), opts);
          expect(verdict.ok).toBe(false);
        },
      ),
      { numRuns: 300 },
    );
  });
});

// What a member can put on a subject this node consumes, with the node's real handling and a real
// PostgreSQL database: each message ends once, and the next good alert is still stored.
describe('the inbox, for any bytes a member publishes', () => {
  const scratch = useMigratedScratchDatabase();
  const NIGER = SPEC_MEMBERSHIP.agencies[1] as MemberAgency;
  const STREAM = 'SPEC_POISON';
  const MAX_PAYLOAD = 1024 * 1024; // nats-server's default max_payload
  const quiet: Logger = { debug() {}, info() {}, warn() {}, error() {} };
  const subjects = [
    subject,
    inboxSubject('corridor', 'ne-ppn', alert),
    correlationSubject('corridor', 'ne-ppn', 'it-polfr'),
    consultationSubject('corridor', 'ne-ppn', 'it-polfr'),
    'corridor.inbox.ne-ppn.audit.it-polfr',
  ];
  let seq = 0;
  let signer: AlertSigner;
  let ctx: InboxContext;
  let signedPoison: Uint8Array[];

  interface Recorded extends InboxMessage {
    acks: number;
    naks: (number | undefined)[];
    terms: number;
  }
  /** A message as the JetStream client hands it over, its bytes a view into a larger buffer. */
  function delivered(subjectOf: string, bytes: Uint8Array, at = ++seq, deliveryCount = 1): Recorded {
    const buffer = new Uint8Array(bytes.length + 8).fill(0x41);
    buffer.set(bytes, 4);
    const m: Recorded = {
      subject: subjectOf,
      data: buffer.subarray(4, 4 + bytes.length),
      seq: at,
      info: { deliveryCount },
      acks: 0,
      naks: [],
      terms: 0,
      ack: () => {
        m.acks++;
      },
      nak: (ms) => {
        m.naks.push(ms);
      },
      term: () => {
        m.terms++;
      },
    };
    return m;
  }
  const bytesOf = (s: string) => new TextEncoder().encode(s);
  const goodAlert = async () => signer.sign(toWireAlert(routeInput(), ITALY, NETWORK_KEY, new Date()));
  const rowsAt = (at: number) => scratch.database.db.quarantinedMessage.findMany({ where: { stream: STREAM, streamSeq: at } });

  beforeAll(async () => {
    signer = await italySigner();
    const { db } = scratch.database;
    const feed = createFeed();
    const protection = createProtectionNotifier({ db, agency: NIGER, log: quiet });
    const deps = { db, agency: NIGER, membership: () => SPEC_MEMBERSHIP, policy: () => SPEC_POLICY, signer, subjectRoot: 'corridor' };
    const correlator = createCorrelator({ ...deps, feed, onQueued: () => {}, log: quiet });
    ctx = {
      db,
      feed,
      log: quiet,
      opts: {
        agency: 'ne-ppn',
        membership: () => SPEC_MEMBERSHIP,
        stream: STREAM,
        subjectRoot: 'corridor',
        correlator,
        consultations: (s, d) =>
          receiveConsultationEvent({ ...deps, protection, onQueued: () => {}, announce: () => {}, log: quiet }, s, d),
        protection,
      },
    };
    // Genuinely signed by a member, and still poison: text no database column takes, a revision
    // beyond PostgreSQL's integer, a year PostgreSQL does not have.
    const wire = toWireAlert(routeInput(), ITALY, NETWORK_KEY, new Date());
    signedPoison = await Promise.all(
      [
        { ...wire, summary: 'eight\u0000bytes' },
        { ...wire, summary: 'half \ud800 a pair' },
        { ...wire, revision: 3_000_000_000 },
        { ...wire, createdAt: '0000-01-01T00:00:00Z' },
      ].map(async (a) => bytesOf(JSON.stringify(await signer.sign(a)))),
    );
  });

  it('quarantines each message once with its exact bytes, terminates it, and stores the next good alert', async () => {
    const poison = fc.oneof(
      // The eight bytes: NUL where PostgreSQL's text refuses it.
      fc.constant(new Uint8Array([0x7b, 0x22, 0x00, 0x22, 0x3a, 0x00, 0x7d, 0x00])),
      fc.constant(new Uint8Array()),
      fc.uint8Array({ maxLength: 512 }),
      fc.uint8Array({ maxLength: 64 }).map((b) => new Uint8Array([0xc3, 0x28, ...b, 0xff, 0xfe])),
      fc
        .tuple(fc.integer({ min: 64 * 1024, max: MAX_PAYLOAD }), fc.uint8Array({ minLength: 1, maxLength: 32 }))
        .map(([size, pattern]) => Uint8Array.from({ length: size }, (_, i) => pattern[i % pattern.length] as number)),
      fc.jsonValue().map((v) => bytesOf(JSON.stringify(v) ?? 'null')),
      fc.string().map((s) => bytesOf(JSON.stringify({ ...alert, summary: `${s}\u0000` }))),
      fc.string().map((s) => bytesOf(JSON.stringify({ ...alert, summary: `${alert.summary} ${s}` }))),
      fc.constantFrom(...signedPoison),
    );
    await fc.assert(
      fc.asyncProperty(poison, fc.constantFrom(...subjects), fc.boolean(), async (bytes, on, poisonFirst) => {
        const good = await goodAlert();
        const bad = delivered(on, bytes);
        const next = delivered(subject, bytesOf(JSON.stringify(good)));
        const kept = await handleBatch(poisonFirst ? [bad, next] : [next, bad], ctx);

        expect(kept).toBe(1);
        expect({ acks: bad.acks, naks: bad.naks, terms: bad.terms }).toEqual({ acks: 0, naks: [], terms: 1 });
        expect({ acks: next.acks, naks: next.naks, terms: next.terms }).toEqual({ acks: 1, naks: [], terms: 0 });
        const rows = await rowsAt(bad.seq);
        expect(rows).toHaveLength(1);
        expect(Buffer.from(rows[0]?.payload ?? []).equals(Buffer.from(bytes))).toBe(true);
        expect(rows[0]?.subject).toBe(on);
        expect(await scratch.database.db.alert.count({ where: { id: good.id } })).toBe(1);

        // Delivered again (the node stopped before the server heard the term): still one row.
        const again = delivered(on, bytes, bad.seq, 2);
        expect(await handleBatch([again], ctx)).toBe(0);
        expect(again.terms).toBe(1);
        expect(await rowsAt(bad.seq)).toHaveLength(1);
      }),
      { numRuns: 60 },
    );
  }, 120_000);

  it('waits for a signer not known yet, and quarantines the message at its last delivery', async () => {
    const withoutItaly = { ...SPEC_MEMBERSHIP, agencies: SPEC_MEMBERSHIP.agencies.filter((a) => a.id !== 'it-polfr') };
    const early = { ...ctx, opts: { ...ctx.opts, maxDeliver: 3, membership: () => withoutItaly } };
    const data = bytesOf(JSON.stringify(await goodAlert()));
    const at = ++seq;
    for (const delivery of [1, 2]) {
      const m = delivered(subject, data, at, delivery);
      await handleBatch([m], early);
      expect({ naks: m.naks, acks: m.acks, terms: m.terms }).toEqual({ naks: [5000], acks: 0, terms: 0 });
    }
    const last = delivered(subject, data, at, 3);
    expect(await handleBatch([last], early)).toBe(1);
    expect({ naks: last.naks, terms: last.terms }).toEqual({ naks: [], terms: 1 });
    expect((await rowsAt(at)).map((r) => r.reason)).toEqual([expect.stringMatching(/^still refused at delivery 3 of 3: /)]);
  });

  it('while the database does not answer, acks nothing and retries each message; at its last delivery one ends in quarantine', async () => {
    // The database "down" for raw queries and transactions (storing alerts, the probe), still taking quarantine rows.
    let down = true;
    const { db } = scratch.database;
    const flaky = new Proxy(db, {
      get(target, prop) {
        if ((prop === '$queryRaw' || prop === '$transaction') && down)
          return () => Promise.reject(new Error('Connection terminated unexpectedly'));
        const value = Reflect.get(target, prop);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const failing = { ...ctx, db: flaky, opts: { ...ctx.opts, maxDeliver: 3 } };
    const good = await goodAlert();
    const stuck = bytesOf(JSON.stringify(await goodAlert()));
    const at = ++seq;
    const alertAt = ++seq;
    for (const delivery of [1, 2]) {
      const m = delivered(subject, stuck, at, delivery);
      const other = delivered(subject, bytesOf(JSON.stringify(good)), alertAt, delivery);
      await handleBatch([m, other], failing);
      for (const x of [m, other])
        expect({ naks: x.naks, acks: x.acks, terms: x.terms }).toEqual({ naks: [retryDelayMs(delivery)], acks: 0, terms: 0 });
    }
    expect(await rowsAt(at)).toHaveLength(0);

    const last = delivered(subject, stuck, at, 3);
    expect(await handleBatch([last], failing)).toBe(1);
    expect({ naks: last.naks, terms: last.terms }).toEqual({ naks: [], terms: 1 });
    expect((await rowsAt(at)).map((r) => [r.reason, r.deliveries])).toEqual([
      ['still failing at delivery 3 of 3: Connection terminated unexpectedly', 3],
    ]);

    // Back up: the other message, delivered again, is stored.
    down = false;
    const again = delivered(subject, bytesOf(JSON.stringify(good)), alertAt, 3);
    await handleBatch([again], failing);
    expect(again.acks).toBe(1);
    expect(await db.alert.count({ where: { id: good.id } })).toBe(1);
  });

  it('quarantines at once a message whose handling fails while the database answers', async () => {
    const throwing = {
      ...ctx,
      opts: {
        ...ctx.opts,
        correlator: {
          afterStored: async (stored: Alert[]) => stored,
          receiveNotice: async () => {
            throw new TypeError('a defect this message reaches');
          },
        },
      },
    };
    const m = delivered(correlationSubject('corridor', 'ne-ppn', 'it-polfr'), bytesOf('{}'));
    expect(await handleBatch([m], throwing)).toBe(1);
    expect({ naks: m.naks, terms: m.terms }).toEqual({ naks: [], terms: 1 });
    expect((await rowsAt(m.seq)).map((r) => r.reason)).toEqual([
      'handling it failed twice while the database answered: a defect this message reaches',
    ]);
  });
});
