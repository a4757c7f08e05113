// The baseline of bulk publishing (`bare_pipeline_per_s`): the same rows as a bulk load, moved
// the way Corridor moves them but with nothing of Corridor's own: stored at the publisher in one
// transaction per batch, published to JetStream with every publish of a batch in flight, consumed
// by a durable pull consumer per receiving node and inserted there in batches (whatever arrived
// while the last insert ran, in one statement, then acked), in the receivers' own PostgreSQL
// databases. No GraphQL, no validation, no signatures, no release policy.
import { randomBytes } from 'node:crypto';
import { AckPolicy, type JsMsg, jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import pg from 'pg';
import type { TestNetwork } from '../../support/test-network.js';
import { cpuMs } from '../process-stats.js';

const BATCH = 1000;

/**
 * Moves `payloads` from `publisher` to every one of `receivers` and answers rows per second (the
 * payload count over the time until every receiver has stored every row) and the CPU its
 * PostgreSQL backends spent, in ms (the connections are its own: read before they close).
 */
export async function barePipelineRate(
  net: TestNetwork,
  publisher: string,
  receivers: readonly string[],
  payloads: readonly string[],
): Promise<{ rate: number; databaseCpuMs: number }> {
  const run = randomBytes(4).toString('hex');
  const table = `bench_bare_${run}`;
  const admin = net.natsUsers[publisher]?.admin;
  const nc = await connect({ servers: net.natsUrl, user: admin?.user, pass: admin?.password });
  const jsm = await jetstreamManager(nc);
  const js = jetstream(nc);
  const dbs = new Map<string, pg.Client>();
  const backends: number[] = [];
  for (const agency of [publisher, ...receivers]) {
    const c = new pg.Client({ connectionString: net.databases.urls[agency] as string });
    await c.connect();
    await c.query(`CREATE TABLE ${table} (seq bigserial PRIMARY KEY, doc jsonb NOT NULL)`);
    backends.push((await c.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows[0]?.pid as number);
    dbs.set(agency, c);
  }
  const stream = (agency: string) => `BARE_${run.toUpperCase()}_${agency.replace(/-/g, '_').toUpperCase()}`;
  const subject = (agency: string) => `bare_${run}.${agency}.m`;
  const stops: (() => void)[] = [];
  try {
    for (const r of receivers) {
      await jsm.streams.add({ name: stream(r), subjects: [subject(r)] });
      await jsm.consumers.add(stream(r), { durable_name: 'receiver', ack_policy: AckPolicy.Explicit });
    }
    const cpuBefore = backends.map(cpuMs);
    const started = performance.now();
    const stored = receivers.map(async (r) => {
      const db = dbs.get(r) as pg.Client;
      const messages = await (await js.consumers.get(stream(r), 'receiver')).consume({ max_messages: BATCH });
      stops.push(() => void messages.stop());
      const arrived: JsMsg[] = [];
      let wake: (() => void) | undefined;
      void (async () => {
        for await (const m of messages) {
          arrived.push(m);
          wake?.();
        }
      })();
      let count = 0;
      while (count < payloads.length) {
        if (arrived.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        const batch = arrived.splice(0);
        await db.query(`INSERT INTO ${table} (doc) SELECT unnest($1::text[])::jsonb`, [batch.map((m) => m.string())]);
        for (const m of batch) m.ack();
        count += batch.length;
      }
    });
    const source = dbs.get(publisher) as pg.Client;
    for (let i = 0; i < payloads.length; i += BATCH) {
      const batch = payloads.slice(i, i + BATCH);
      await source.query('BEGIN');
      await source.query(`INSERT INTO ${table} (doc) SELECT unnest($1::text[])::jsonb`, [batch]);
      await source.query('COMMIT');
      await Promise.all(receivers.flatMap((r) => batch.map((p, j) => js.publish(subject(r), p, { msgID: `${run}-${r}-${i + j}` }))));
    }
    await Promise.all(stored);
    const rate = payloads.length / ((performance.now() - started) / 1000);
    return { rate, databaseCpuMs: backends.reduce((sum, pid, i) => sum + cpuMs(pid) - (cpuBefore[i] as number), 0) };
  } finally {
    for (const stop of stops) stop();
    for (const r of receivers) await jsm.streams.delete(stream(r)).catch(() => undefined);
    await nc.drain();
    for (const c of dbs.values()) {
      await c.query(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
      await c.end();
    }
  }
}
