// Suite `feeds` (issue 14, item 6): a thousand officers with the live alert feed open through the
// gateway while one agency publishes 30 alerts at 5 per second, and, as baseline in the same run,
// the same alerts delivered to one officer's feed alone. Feeds are the console's transport: SSE
// through the gateway (distinct connections, as graphql-sse's client opens them), each officer
// with a token of their own, across the three agencies (the publisher's own officers and two
// receiving agencies'). Latency is from the publish request leaving to an alert read off each
// feed; every delivery is counted, and one missing fails the suite. Alerts are published at the
// publishing agency's node (see publish).
import { randomBytes } from 'node:crypto';
import { cp } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { UserSpec } from '@corridor/deploy';
import { routeAlert } from '../../support/fixtures.js';
import { gql, subscribe } from '../../support/graphql.js';
import { AGENCIES, officersAnd, startTestNetwork, type TestNetwork } from '../../support/test-network.js';
import { percentile } from '../measure.js';
import { cpuMs, maxPeakRssMb, pidListeningOn, residentMb } from '../process-stats.js';
import { type BenchResult, suiteResults } from '../results-file.js';

const SUBSCRIBERS = Number(process.env.BENCH_FEEDS_SUBSCRIBERS ?? 1000);
const ALERTS = Number(process.env.BENCH_FEEDS_ALERTS ?? 30);
const PER_SECOND = 5;
const PUBLISHER = 'it-polfr';
/** The baseline's one officer: at a receiving agency, so the alert crosses the bus as most do. */
const LONE = 'ng-nis';
const OPEN_AT_ONCE = 50;
const DELIVERY_TIMEOUT_MS = 120_000;

const FEED = 'subscription { alertFeed { id summary } }';
type FeedEvent = { alertFeed: { id: string; summary: string } };
type Feed = ReturnType<typeof subscribe<FeedEvent>>;

function feedUsers(): UserSpec[] {
  return Array.from({ length: SUBSCRIBERS }, (_, i) => {
    const agency = AGENCIES[i % AGENCIES.length]?.id as string;
    return { id: `${agency}-feed-${i}`, name: `Feed officer ${i}`, agency, roles: ['border_officer'] };
  });
}

/** Opens one feed per token, a batch at a time, and fails on the first refused one. */
async function openFeeds(net: TestNetwork, tokens: string[]): Promise<Feed[]> {
  const feeds: Feed[] = [];
  for (let i = 0; i < tokens.length; i += OPEN_AT_ONCE) {
    const batch = tokens.slice(i, i + OPEN_AT_ONCE).map((t) => subscribe<FeedEvent>(net.gatewayUrl, t, FEED));
    for (const f of batch) f.ended.catch(() => undefined); // a refusal shows as a missing delivery, named below
    await Promise.all(batch.map((f) => f.ready));
    feeds.push(...batch);
  }
  return feeds;
}

/**
 * Publishes warm-up alerts until every feed has shown one: only then is every officer's feed known
 * to be live end to end (the gateway's and the node's side), so no measured alert can fall before.
 */
async function untilAllLive(net: TestNetwork, publisher: string, feeds: Feed[], tag: string): Promise<void> {
  const deadline = performance.now() + DELIVERY_TIMEOUT_MS;
  for (let round = 0; ; round++) {
    const summary = `Feed warm-up ${tag} ${round}`;
    await publish(net, publisher, summary);
    const wait = performance.now() + 2000;
    while (performance.now() < wait) {
      if (feeds.every((f) => f.events.some((e) => e.alertFeed.summary.startsWith(`Feed warm-up ${tag}`)))) return;
      await new Promise((r) => setTimeout(r, 50));
    }
    if (performance.now() > deadline) throw new Error('bench: feeds did not all come live');
  }
}

/**
 * Published at the agency's own node, as its case system would: only the feeds go through the
 * gateway. (Through the gateway, a publish now and then failed as "fetch failed" on a reused
 * connection to the node under this machine's load; keep-alive to nodes is issue 14 item 1's.)
 */
async function publish(net: TestNetwork, token: string, summary: string): Promise<void> {
  const r = await gql<{ publishAlert: { id: string } }>(
    net.nodes[PUBLISHER]?.url as string,
    token,
    'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }',
    { input: routeAlert({ summary }) },
  );
  if (!r.data) throw new Error(`bench: publishing failed: ${JSON.stringify(r.errors)}`);
}

interface Delivery {
  latencies: number[];
  expected: number;
  delivered: number;
}

/** ALERTS alerts at PER_SECOND, each timed from its request leaving to its arrival on every feed. */
async function measureRound(net: TestNetwork, publisher: string, feeds: Feed[], tag: string): Promise<Delivery> {
  const sentAt = new Map<string, number>();
  const started = performance.now();
  await Promise.all(
    Array.from({ length: ALERTS }, async (_, i) => {
      const wait = started + (i * 1000) / PER_SECOND - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
      const summary = `Feed bench ${tag} ${i}`;
      sentAt.set(summary, performance.now());
      await publish(net, publisher, summary);
    }),
  );
  const expected = ALERTS * feeds.length;
  const arrived = () => feeds.reduce((n, f) => n + f.events.filter((e) => sentAt.has(e.alertFeed.summary)).length, 0);
  const deadline = performance.now() + DELIVERY_TIMEOUT_MS;
  while (arrived() < expected && performance.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  const latencies: number[] = [];
  for (const f of feeds) {
    f.events.forEach((e, i) => {
      const sent = sentAt.get(e.alertFeed.summary);
      if (sent !== undefined) latencies.push((f.receivedAt[i] as number) - sent);
    });
  }
  return { latencies: latencies.sort((a, b) => a - b), expected, delivered: latencies.length };
}

export async function feedsSuite(): Promise<BenchResult[]> {
  const users = feedUsers();
  const net = await startTestNetwork({ users: officersAnd(...users) });
  const feeds: Feed[] = [];
  try {
    const gatewayPid = await pidListeningOn(Number(new URL(net.gatewayUrl).port));
    const atStart = await residentMb(gatewayPid);
    const nodePids = Object.values(net.nodes).map((node) => node.pid);
    const nodesAtStart = maxPeakRssMb(nodePids);
    const publisher = await net.token(`${PUBLISHER}-officer`);
    const tag = randomBytes(3).toString('hex');

    // Baseline: one officer's feed alone.
    const lone = await openFeeds(net, [await net.token(`${LONE}-officer`)]);
    feeds.push(...lone);
    await untilAllLive(net, publisher, lone, `${tag}-one`);
    const cpuBeforeOne = await cpuMs(gatewayPid);
    const one = await measureRound(net, publisher, lone, `${tag}-one`);
    const gatewayCpuOne = (await cpuMs(gatewayPid)) - cpuBeforeOne;
    for (const f of lone) await f.close();
    const afterOne = await residentMb(gatewayPid);

    const tokens: string[] = [];
    for (let i = 0; i < users.length; i += OPEN_AT_ONCE)
      tokens.push(...(await Promise.all(users.slice(i, i + OPEN_AT_ONCE).map((u) => net.token(u.id)))));
    const many = await openFeeds(net, tokens);
    feeds.push(...many);
    await untilAllLive(net, publisher, many, `${tag}-many`);
    const cpuBeforeMany = await cpuMs(gatewayPid);
    const thousand = await measureRound(net, publisher, many, `${tag}-many`);
    const gatewayCpuMany = (await cpuMs(gatewayPid)) - cpuBeforeMany;
    const afterMany = await residentMb(gatewayPid);
    const nodesAfter = maxPeakRssMb(nodePids);
    if (thousand.delivered !== thousand.expected || one.delivered !== one.expected)
      throw new Error(
        `bench: deliveries missing: ${thousand.delivered} of ${thousand.expected} to ${SUBSCRIBERS} feeds, ${one.delivered} of ${one.expected} to one`,
      );

    const r = suiteResults('feeds');
    const p = (d: Delivery, q: number) => Number(percentile(d.latencies, q).toFixed(2));
    const n = SUBSCRIBERS;
    return [
      r(`feeds_${n}_p50_ms`, p(thousand, 50), 'ms', { metric: 'feeds_1_p50_ms', value: p(one, 50) }),
      r(`feeds_${n}_p99_ms`, p(thousand, 99), 'ms', { metric: 'feeds_1_p99_ms', value: p(one, 99) }),
      r(`feeds_${n}_deliveries`, thousand.delivered, 'deliveries', { metric: `feeds_${n}_expected`, value: thousand.expected }),
      r('gateway_peak_rss_mb', afterMany.peak, 'MB', { metric: 'gateway_peak_rss_mb_one_feed', value: afterOne.peak }),
      r('gateway_rss_at_start_mb', atStart.now, 'MB'),
      // The nodes' side of the feeds (the publisher's node and each node's inbox), the largest node.
      r('node_peak_rss_mb', nodesAfter, 'MB', { metric: 'node_peak_rss_mb_at_start', value: nodesAtStart }),
      // The gateway's CPU time per delivery over each round (from /proc), whatever the machine's load.
      r(`gateway_cpu_ms_per_delivery_${n}`, Number((gatewayCpuMany / thousand.delivered).toFixed(3)), 'ms', {
        metric: 'gateway_cpu_ms_per_delivery_1',
        value: Number((gatewayCpuOne / one.delivered).toFixed(3)),
      }),
      r('subscribers', n, 'feeds'),
      r('alerts', ALERTS, 'alerts'),
      r('publish_rate', PER_SECOND, 'alerts/s'),
      r('load_average_1m', Number((loadavg()[0] ?? 0).toFixed(2)), 'load'),
    ];
  } catch (e) {
    // The run's folder goes with the network: its processes' logs are kept for the operator.
    const kept = join(tmpdir(), `corridor-feeds-logs-${net.run}`);
    await cp(join(net.rootDir, 'logs'), kept, { recursive: true }).catch(() => undefined);
    console.error(`bench: feeds failed; the network's logs are in ${kept}`);
    throw e;
  } finally {
    await Promise.all(feeds.map((f) => f.close().catch(() => undefined)));
    await net.stop();
  }
}
