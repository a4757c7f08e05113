// The hub-and-leaves network across the hosts of the `hosts` suite: each agency's leaf, node and
// embedded database on its host, the hub servers on theirs, the gateway on its own, and every leaf's
// link to the hub lengthened by a delaying relay inside the agency's host. Measures publish at one
// agency to stored at the other (the partner node's live feed), and how long a cut-off agency
// takes to catch up once its link is back, with the leaves checking their links as told.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type LEAF_PING, type RunningNetwork, startNetwork } from '@corridor/deploy';
import { documentFraudAlert } from '../../support/fixtures.js';
import { eventually, gql, subscribe } from '../../support/graphql.js';
import type { HostSet } from '../../support/hosts/netns.js';
import { placementOn } from '../../support/hosts/placement.js';
import { AGENCIES } from '../../support/test-network.js';
import { percentile } from '../measure.js';
import { maxPeakRssMb } from '../process-stats.js';

const PUBLISH = 'mutation($input: AlertInput!) { publishAlert(input: $input) { id } }';
const [A, B] = ['it-polfr', 'ne-ppn'];

export interface NetworkFigures {
  /** Undefined when no latency sample was asked for. */
  p50: number | undefined;
  p99: number | undefined;
  samples: number;
  /** From the link coming back to the last alert published during the cut stored at the partner. */
  healSeconds: number;
  /** Alerts published (latency and cut together) that the partner never stored, and stored twice. */
  lost: number;
  duplicates: number;
  /** The peak resident memory of the node that held the most (embedded PGlite), and of the gateway, at the end. */
  nodePeakRssMb: number;
  gatewayPeakRssMb: number;
}

export async function crossHostNetwork(
  set: HostSet,
  options: { linkDelayMs: number; samples: number; cutSeconds: number; leafPing?: typeof LEAF_PING },
): Promise<NetworkFigures> {
  const placement = placementOn(set.hosts, { linkDelayMs: options.linkDelayMs });
  const { hub, a, b, gw } = placement.hosts;
  const cutHost = set.hosts.b;
  if (!hub || !a || !b || !gw || !cutHost) throw new Error('hosts hub, a, b and gw were asked for');
  const rootDir = await mkdtemp(join(tmpdir(), 'corridor-bench-hosts-'));
  let net: RunningNetwork | undefined;
  try {
    net = await startNetwork({
      rootDir,
      agencies: AGENCIES.filter((x) => x.id === A || x.id === B),
      nats: {
        start: true,
        topology: 'hub-and-leaves',
        transitLimits: { maxBytes: 64 * 1024 ** 2 },
        ...(options.leafPing ? { leafPing: options.leafPing } : {}),
      },
      hosts: { hub: [hub], agencies: { [A]: a, [B]: b }, gateway: gw },
      subjectRoot: 'corridor_bench_hosts',
      quiet: true,
    });
    const nodeA = net.nodes[A]?.url as string;
    const nodeB = net.nodes[B]?.url as string;
    const tokenA = await net.token(`${A}-officer`);
    const tokenB = await net.token(`${B}-officer`);
    const send = net.fetch;
    const feed = subscribe<{ alertFeed: { id: string } }>(nodeB, tokenB, 'subscription { alertFeed { id } }', send);
    await feed.ready;
    const publish = async (summary: string) => {
      const r = await gql<{ publishAlert: { id: string } }>(nodeA, tokenA, PUBLISH, { input: documentFraudAlert({ summary }) }, send);
      if (!r.data) throw new Error(`publishAlert at ${A}: ${JSON.stringify(r.errors)}`);
      return r.data.publishAlert.id;
    };
    const arrivalOf = (id: string) => {
      const i = feed.events.findIndex((e) => e.alertFeed.id === id);
      return i < 0 ? undefined : (feed.receivedAt[i] as number);
    };
    const sent: string[] = [];

    await new Promise((r) => setTimeout(r, 300));

    // One alert at a time, so each figure is the path's own and not a queue's.
    const latencies: number[] = [];
    for (let i = 0; i < options.samples; i++) {
      const started = performance.now();
      const id = await publish(`Across hosts, latency sample ${i}`);
      sent.push(id);
      await feed.waitFor((e) => e.alertFeed.id === id, 60_000);
      latencies.push((arrivalOf(id) as number) - started);
    }
    latencies.sort((x, y) => x - y);

    // The partner cut off while alerts keep coming; the heal ends when the last of them is stored.
    const during: string[] = [];
    cutHost.cut();
    const cutEnds = Date.now() + options.cutSeconds * 1000;
    try {
      for (let i = 0; Date.now() < cutEnds; i++) {
        during.push(await publish(`Across hosts, while the partner is cut off, number ${i}`));
        await new Promise((r) => setTimeout(r, 500));
      }
    } finally {
      cutHost.restore();
    }
    const restored = performance.now();
    sent.push(...during);
    // One never stored is counted as lost below, not thrown here.
    await Promise.allSettled(during.map((id) => feed.waitFor((e) => e.alertFeed.id === id, 180_000)));
    const arrivals = during.map(arrivalOf).filter((t): t is number => t !== undefined);
    const healSeconds = (Math.max(restored, ...arrivals) - restored) / 1000;
    await feed.close();

    // Counted at the partner's store, by id, once everything had the time to arrive.
    const stored = await eventually(async () => {
      const r = await gql<{ alerts: { id: string }[] }>(
        nodeB,
        tokenB,
        `{ alerts(scope: RECEIVED, limit: ${sent.length + 50}) { id } }`,
        {},
        send,
      );
      const ids = r.data?.alerts.map((x) => x.id) ?? [];
      return sent.every((id) => ids.includes(id)) ? ids : undefined;
    }, 60_000).catch(() => [] as string[]);
    const count = (id: string) => stored.filter((s) => s === id).length;
    const nodePeakRssMb = maxPeakRssMb(Object.values(net.nodes).map((n) => n.pid));
    const gatewayPeakRssMb = maxPeakRssMb([net.gateway.pid]);
    return {
      nodePeakRssMb,
      gatewayPeakRssMb,
      p50: latencies.length > 0 ? Math.round(percentile(latencies, 50)) : undefined,
      p99: latencies.length > 0 ? Math.round(percentile(latencies, 99)) : undefined,
      samples: latencies.length,
      healSeconds: Number(healSeconds.toFixed(2)),
      lost: sent.filter((id) => count(id) === 0).length,
      duplicates: sent.reduce((n, id) => n + Math.max(0, count(id) - 1), 0),
    };
  } finally {
    await net?.stop();
    await placement.close();
    await rm(rootDir, { recursive: true, force: true });
  }
}
