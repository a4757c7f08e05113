// Suite `hosts` (issue 13, item 5): figures across hosts, each host a network namespace of its
// own (support/hosts/netns.ts) with 20 ms added each way on every host's link. The kernel here has
// no `netem`, so the delay comes from a delaying TCP relay inside each client host, in front of
// its link to the hub (`link_delay_ms` says so in its unit). A request from host b to host a thus
// crosses four delayed legs: about 80 ms before anything else.
//
// Measured: the raw NATS request/reply between two hosts through the hub host, without and with
// the delay, the baseline of `cross_host_e2e_*`: publish at one agency to stored at the other in
// the hub-and-leaves network on the same hosts, each leaf's link to the hub delayed the same way
// (hosts-network.ts); then `partition_heal_s` after one agency was cut off while alerts kept
// coming, and `lost` and `duplicates` over every alert of the run, both of which must be 0. The
// heal is measured twice on the same hosts: with the leaves' own link check (LEAF_PING), against
// a network whose leaves ping at nats-server's defaults (every 2 minutes), the one the topology
// had before: there a silent cut goes unnoticed and the link resumes at TCP's next retransmission
// (cut only, no latency samples; its alerts count in `lost` and `duplicates` too). An
// alert crosses two delayed legs (sender's leaf to hub, hub to the partner's leaf, by sourcing),
// the baseline's request and reply four: a ratio near 1 means the pipeline costs about what two
// more legs of 20 ms do.

import { LEAF_PING } from '@corridor/deploy';
import { delayRelayIn, NATS_PORT, natsRequesterIn, natsResponderIn, natsServerIn } from '../../support/hosts/host-nats.js';
import { type HostSet, makeHosts, netnsUnavailable } from '../../support/hosts/netns.js';
import { doorsUnavailable } from '../../support/hosts/placement.js';
import { type BenchResult, suiteResults } from '../results-file.js';
import { crossHostNetwork } from './hosts-network.js';

const SECONDS = Number(process.env.BENCH_HOSTS_SECONDS ?? 5);
const LINK_DELAY_MS = 20;
const RELAY_PORT = 14222;
const E2E_SAMPLES = Number(process.env.BENCH_HOSTS_SAMPLES ?? 100);
const CUT_SECONDS = Number(process.env.BENCH_HOSTS_CUT_SECONDS ?? 15);
/** nats-server's own defaults (ping_interval 2m, ping_max 2): the leaves' link check before LEAF_PING. */
const NATS_DEFAULT_PING = { intervalSeconds: 120, max: 2 };

export async function hostsSuite(): Promise<BenchResult[]> {
  const unavailable = netnsUnavailable() ?? doorsUnavailable();
  if (unavailable) {
    // The other suites still run; this one's last figures stay in results.json.
    console.error(`bench hosts: skipped, ${unavailable}`);
    return [];
  }
  const r = suiteResults('hosts');
  let set: HostSet | undefined;
  try {
    set = await makeHosts(['hub', 'a', 'b', 'gw']);
    const { hub, a, b } = set.hosts;
    if (!hub || !a || !b) throw new Error('hosts hub, a and b were asked for');
    const server = await natsServerIn(hub);

    await natsResponderIn(a, server.url, 'echo.direct');
    const direct = await (await natsRequesterIn(b, server.url, 'echo.direct')).bench(SECONDS);

    const hubPort = { host: hub.address, port: NATS_PORT };
    const { url: aUrl } = await delayRelayIn(a, RELAY_PORT, hubPort, LINK_DELAY_MS);
    const { url: bUrl } = await delayRelayIn(b, RELAY_PORT, hubPort, LINK_DELAY_MS);
    await natsResponderIn(a, aUrl, 'echo.delayed');
    const delayed = await (await natsRequesterIn(b, bUrl, 'echo.delayed')).bench(SECONDS);
    const untuned = await crossHostNetwork(set, {
      linkDelayMs: LINK_DELAY_MS,
      samples: 0,
      cutSeconds: CUT_SECONDS,
      leafPing: NATS_DEFAULT_PING,
    });
    const network = await crossHostNetwork(set, { linkDelayMs: LINK_DELAY_MS, samples: E2E_SAMPLES, cutSeconds: CUT_SECONDS });
    if (network.p50 === undefined || network.p99 === undefined) throw new Error('BENCH_HOSTS_SAMPLES: at least one latency sample');
    const rawP50 = { metric: 'raw_request_reply_p50_ms', value: delayed.p50 };
    const rawP99 = { metric: 'raw_request_reply_p99_ms', value: delayed.p99 };
    const healUntuned = { metric: 'partition_heal_nats_default_ping_s', value: untuned.healSeconds };
    const ping = `leaf ping every ${LEAF_PING.intervalSeconds} s, dropped after ${LEAF_PING.max} unanswered`;

    return [
      r('cross_host_e2e_p50_ms', network.p50, `ms, publish at one agency to stored at another (${network.samples} alerts)`, rawP50),
      r('cross_host_e2e_p99_ms', network.p99, 'ms', rawP99),
      r('partition_heal_s', network.healSeconds, `s, link back to last missed alert stored (cut ${CUT_SECONDS} s; ${ping})`, healUntuned),
      r(
        'partition_heal_nats_default_ping_s',
        untuned.healSeconds,
        's, the same with the leaves pinging at nats-server’s defaults (every 2 min)',
      ),
      r('lost', network.lost + untuned.lost, 'alerts, both networks'),
      r('duplicates', network.duplicates + untuned.duplicates, 'alerts, both networks'),
      r(
        'node_peak_rss_mb',
        Math.max(network.nodePeakRssMb, untuned.nodePeakRssMb),
        'MB, the largest node (embedded PGlite), both networks',
      ),
      r('gateway_peak_rss_mb', Math.max(network.gatewayPeakRssMb, untuned.gatewayPeakRssMb), 'MB, both networks'),
      r('raw_request_reply_p50_ms', delayed.p50, 'ms'),
      r('raw_request_reply_p99_ms', delayed.p99, 'ms'),
      r('raw_request_reply_undelayed_p50_ms', direct.p50, 'ms'),
      r('raw_request_reply_undelayed_p99_ms', direct.p99, 'ms'),
      r('link_delay_ms', LINK_DELAY_MS, 'ms each way per link, by delaying TCP relay (no netem)'),
      r('hosts', Object.keys(set.hosts).length, 'network namespaces'),
    ];
  } finally {
    await set?.remove();
  }
}
