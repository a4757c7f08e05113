// Suite `hosts` (issue 13, item 5): figures across hosts, each host a network namespace of its
// own (support/hosts/netns.ts) with 20 ms added each way on every host's link. The kernel here has
// no `netem`, so the delay comes from a delaying TCP relay inside each client host, in front of
// its link to the hub (`link_delay_ms` says so in its unit). A request from host b to host a thus
// crosses four delayed legs: about 80 ms before anything else.
//
// Measured now: the raw NATS request/reply between two hosts through the hub host, without and
// with the delay: the baseline the cross-host figures will be held against.
// TODO(issue 13, item 5): once the hub cluster and the agencies' leaf servers land, add
// `cross_host_e2e_p50_ms` / `cross_host_e2e_p99_ms` (publish at one agency to stored at another,
// over the same delayed links, with `raw_request_reply_*` as their baseline), `partition_heal_s`,
// `lost` and `duplicates`.
import { delayRelayIn, NATS_PORT, natsRequesterIn, natsResponderIn, natsServerIn } from '../../support/hosts/host-nats.js';
import { type HostSet, makeHosts, netnsUnavailable } from '../../support/hosts/netns.js';
import { type BenchResult, suiteResults } from '../results-file.js';

const SECONDS = Number(process.env.BENCH_HOSTS_SECONDS ?? 5);
const LINK_DELAY_MS = 20;
const RELAY_PORT = 14222;

export async function hostsSuite(): Promise<BenchResult[]> {
  const unavailable = netnsUnavailable();
  if (unavailable) {
    // The other suites still run; this one's last figures stay in results.json.
    console.error(`bench hosts: skipped, ${unavailable}`);
    return [];
  }
  const r = suiteResults('hosts');
  let set: HostSet | undefined;
  try {
    set = await makeHosts(['hub', 'a', 'b']);
    const { hub, a, b } = set.hosts;
    if (!hub || !a || !b) throw new Error('three hosts were asked for');
    const server = await natsServerIn(hub);

    await natsResponderIn(a, server.url, 'echo.direct');
    const direct = await (await natsRequesterIn(b, server.url, 'echo.direct')).bench(SECONDS);

    const hubPort = { host: hub.address, port: NATS_PORT };
    const aUrl = await delayRelayIn(a, RELAY_PORT, hubPort, LINK_DELAY_MS);
    const bUrl = await delayRelayIn(b, RELAY_PORT, hubPort, LINK_DELAY_MS);
    await natsResponderIn(a, aUrl, 'echo.delayed');
    const delayed = await (await natsRequesterIn(b, bUrl, 'echo.delayed')).bench(SECONDS);

    return [
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
