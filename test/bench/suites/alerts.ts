// Suite `alerts`: how fast an alert goes from `publishAlert` at one node to stored at another
// (validated, pseudonymized, stored, outbox, JetStream, inbox consumer, validated, stored), against
// raw JetStream publishing with many publishes in flight on the same machine in the same run.
import { randomBytes } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { documentFraudAlert } from '../../support/fixtures.js';
import { gql, subscribe } from '../../support/graphql.js';
import { NATS_URL, startTestNetwork } from '../../support/test-network.js';
import { type BenchResult, withBaseline } from '../results-file.js';

const ALERTS = Number(process.env.BENCH_ALERTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const RAW_MESSAGES = Number(process.env.BENCH_RAW_MESSAGES ?? 20_000);
const RAW_WINDOW = 1000;

/** Raw JetStream publish rate with up to RAW_WINDOW publishes awaiting their ack at once. */
async function jetstreamInflightRate(payloadBytes: number): Promise<number> {
  const run = randomBytes(4).toString('hex');
  const nc = await connect({ servers: NATS_URL });
  const jsm = await jetstreamManager(nc);
  const stream = `BENCH_${run.toUpperCase()}`;
  await jsm.streams.add({ name: stream, subjects: [`bench_${run}.>`] });
  try {
    const js = jetstream(nc);
    const payload = new Uint8Array(payloadBytes).fill(65);
    const started = performance.now();
    for (let sent = 0; sent < RAW_MESSAGES; sent += RAW_WINDOW) {
      const batch: Promise<unknown>[] = [];
      for (let i = sent; i < Math.min(sent + RAW_WINDOW, RAW_MESSAGES); i++)
        batch.push(js.publish(`bench_${run}.m`, payload, { msgID: `${run}-${i}` }));
      await Promise.all(batch);
    }
    return RAW_MESSAGES / ((performance.now() - started) / 1000);
  } finally {
    await jsm.streams.delete(stream);
    await nc.drain();
  }
}

export async function alertsSuite(): Promise<BenchResult[]> {
  const net = await startTestNetwork();
  try {
    const a = await net.token('it-polfr-officer');
    const b = await net.token('ne-ppn-officer');
    const nodeA = net.nodes['it-polfr']?.url as string;
    const nodeB = net.nodes['ne-ppn']?.url as string;
    const input = documentFraudAlert();
    const mutation = 'mutation($input: JSONObject!) { publishAlert(input: $input) { id } }';

    // Warm up every path (connections, prepared statements, JIT) before measuring.
    for (let i = 0; i < 20; i++) await gql(nodeA, a, mutation, { input });

    const feed = subscribe<{ alertFeed: { id: string } }>(nodeB, b, 'subscription { alertFeed { id } }');
    await feed.ready;
    await new Promise((r) => setTimeout(r, 300));
    const before = feed.events.length;

    const started = performance.now();
    let next = 0;
    const ids = new Set<string>();
    await Promise.all(
      Array.from({ length: CONCURRENCY }, async () => {
        while (next < ALERTS) {
          next++;
          const r = await gql<{ publishAlert: { id: string } }>(nodeA, a, mutation, { input });
          if (!r.data?.publishAlert) throw new Error(`publish failed: ${JSON.stringify(r.errors)}`);
          ids.add(r.data.publishAlert.id);
        }
      }),
    );
    await feed.waitFor(() => feed.events.slice(before).filter((e) => ids.has(e.alertFeed.id)).length >= ALERTS, 300_000);
    const seconds = (performance.now() - started) / 1000;
    await feed.close();

    const alertBytes = Buffer.byteLength(JSON.stringify(input)) + 400;
    const baseline = await jetstreamInflightRate(alertBytes);
    const rate = ALERTS / seconds;
    return [
      withBaseline({
        suite: 'alerts',
        metric: 'publish_to_stored_per_s',
        value: Math.round(rate),
        unit: 'alerts/s',
        baseline: { metric: 'jetstream_publish_inflight_per_s', value: Math.round(baseline) },
      }),
      { suite: 'alerts', metric: 'jetstream_publish_inflight_per_s', value: Math.round(baseline), unit: 'msg/s' },
    ];
  } finally {
    await net.stop();
  }
}
