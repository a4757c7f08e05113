// Suite `alerts`: how fast an alert goes from `publishAlert` at one node to stored at another
// (validated, pseudonymized, stored, outbox, JetStream, inbox consumer, validated, stored), against
// raw JetStream publishing with many publishes in flight on the same machine in the same run.
import { randomBytes } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { documentFraudAlert } from '../../support/fixtures.js';
import { gql, subscribe } from '../../support/graphql.js';
import { startTestNetwork, type TestNetwork } from '../../support/test-network.js';
import { percentile } from '../measure.js';
import { type BenchResult, withBaseline } from '../results-file.js';

const ALERTS = Number(process.env.BENCH_ALERTS ?? 2000);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const RAW_MESSAGES = Number(process.env.BENCH_RAW_MESSAGES ?? 20_000);
const RAW_WINDOW = 1000;
// Latency is measured at a steady offered rate (issue 3 asks for 1,000 alerts/s); the achieved rate
// is reported next to it, since a pipeline slower than the offered rate queues and its latency grows.
const STEADY_RATE = Number(process.env.BENCH_STEADY_RATE ?? 1000);
const STEADY_SECONDS = Number(process.env.BENCH_STEADY_SECONDS ?? 5);
const MAX_IN_FLIGHT = 64;

/** Alerts offered at a steady rate to node A; latency from the request to the event at node B's feed. */
async function steadyLatency(nodeA: string, tokenA: string, nodeB: string, tokenB: string, inputOf: () => unknown) {
  const mutation = 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }';
  const feed = subscribe<{ alertFeed: { id: string } }>(nodeB, tokenB, 'subscription { alertFeed { id } }');
  await feed.ready;
  await new Promise((r) => setTimeout(r, 300));
  const startedAt = new Map<string, number>();
  const total = STEADY_RATE * STEADY_SECONDS;
  const begin = performance.now();
  // At most MAX_IN_FLIGHT requests open at once, as a pool of clients would keep: beyond what the
  // node absorbs, the schedule slips and the achieved rate says so.
  const inFlight = new Set<Promise<void>>();
  for (let i = 0; i < total; i++) {
    const due = begin + (i * 1000) / STEADY_RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    while (inFlight.size >= MAX_IN_FLIGHT) await Promise.race(inFlight);
    const sent = performance.now();
    const request: Promise<void> = gql<{ publishAlert: { id: string } }>(nodeA, tokenA, mutation, { input: inputOf() }).then((r) => {
      if (r.data) startedAt.set(r.data.publishAlert.id, sent);
      inFlight.delete(request);
    });
    inFlight.add(request);
  }
  await Promise.all(inFlight);
  // Arrival times are stamped as each event is read (subscribe's receivedAt); this check only
  // walks the events not yet looked at, so it costs nothing that would delay the reading.
  const arrived = new Map<string, number>();
  let looked = 0;
  const allArrived = () => {
    for (; looked < feed.events.length; looked++)
      arrived.set((feed.events[looked] as { alertFeed: { id: string } }).alertFeed.id, feed.receivedAt[looked] as number);
    return [...startedAt.keys()].every((id) => arrived.has(id));
  };
  await feed.waitFor(() => allArrived(), 600_000);
  const elapsed = (performance.now() - begin) / 1000;
  await feed.close();
  const latencies = [...startedAt].map(([id, t]) => (arrived.get(id) as number) - t).sort((x, y) => x - y);
  return {
    p50: Math.round(percentile(latencies, 50)),
    p99: Math.round(percentile(latencies, 99)),
    achievedRate: Math.round(startedAt.size / elapsed),
  };
}

/**
 * Raw JetStream publish rate with up to RAW_WINDOW publishes awaiting their ack at once, on the
 * network's own nats-server, in one agency's account (as that agency's operator).
 */
async function jetstreamInflightRate(net: TestNetwork, payloadBytes: number): Promise<number> {
  const run = randomBytes(4).toString('hex');
  const admin = net.natsUsers['it-polfr']?.admin;
  const nc = await connect({ servers: net.natsUrl, user: admin?.user, pass: admin?.password });
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

/**
 * Alerts as a border unit sends them: each about another document and phone. (Alerts all carrying
 * the same identifiers would measure the correlation of each with every earlier one instead.)
 */
let serial = 0;
function nextAlert() {
  serial++;
  return documentFraudAlert({
    identifiers: [
      { kind: 'travel_document', value: `B${String(serial).padStart(8, '0')}`, qualifier: 'NGA' },
      { kind: 'phone', value: `+234 803 ${String(serial % 10_000_000).padStart(7, '0')}` },
    ],
  });
}

export async function alertsSuite(): Promise<BenchResult[]> {
  const net = await startTestNetwork();
  try {
    const a = await net.token('it-polfr-officer');
    const b = await net.token('ne-ppn-officer');
    const nodeA = net.nodes['it-polfr']?.url as string;
    const nodeB = net.nodes['ne-ppn']?.url as string;
    const mutation = 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }';

    // Warm up every path (connections, prepared statements, JIT) before measuring.
    for (let i = 0; i < 20; i++) await gql(nodeA, a, mutation, { input: nextAlert() });

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
          const r = await gql<{ publishAlert: { id: string } }>(nodeA, a, mutation, { input: nextAlert() });
          if (!r.data?.publishAlert) throw new Error(`publish failed: ${JSON.stringify(r.errors)}`);
          ids.add(r.data.publishAlert.id);
        }
      }),
    );
    await feed.waitFor(() => feed.events.slice(before).filter((e) => ids.has(e.alertFeed.id)).length >= ALERTS, 300_000);
    const seconds = (performance.now() - started) / 1000;
    await feed.close();

    const latency = await steadyLatency(nodeA, a, nodeB, b, nextAlert);

    const alertBytes = Buffer.byteLength(JSON.stringify(nextAlert())) + 400;
    const baseline = await jetstreamInflightRate(net, alertBytes);
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
      { suite: 'alerts', metric: 'e2e_latency_p50_ms', value: latency.p50, unit: 'ms' },
      { suite: 'alerts', metric: 'e2e_latency_p99_ms', value: latency.p99, unit: 'ms' },
      { suite: 'alerts', metric: 'e2e_latency_offered_per_s', value: STEADY_RATE, unit: 'alerts/s' },
      { suite: 'alerts', metric: 'e2e_latency_achieved_per_s', value: latency.achievedRate, unit: 'alerts/s' },
    ];
  } finally {
    await net.stop();
  }
}
