// Suite `pseudonyms` (issue 18): what oblivious pseudonyms cost against local HMAC, measured in the
// same run. A network of three nodes holds the key 2 of 3 (real nodes: HTTP on loopback, delegated
// tokens verified, limits spent, every batch appended to each holder's audit in PostgreSQL). This
// process pseudonymizes as a requesting node does, with the node's own modules: it blinds, asks all
// three holders, checks their answers against each other (no proofs while all three answer) and
// combines two. Every party shares this machine's cores, so the bulk figure is bounded by the CPU
// a pseudonym costs them all, which the suite also writes.
// - pseudonymize_p99_ms: one alert's 5 identifiers, one call after another; baseline: HMAC.
// - bulk_pseudonyms_per_s: batches of 1,000 distinct identifiers, as a bulk publish sends them.
// - bulk_requester_cpu_us / bulk_holders_cpu_us: CPU (user + system) per pseudonym during the bulk
//   phase, in this process and in the three holder nodes together.
// - pseudonymize_calls / bulk_batches: how many of each the figures above are of.
// - native_group_arithmetic: 1 when libsodium was built for this machine (proto/native), 0 when
//   the WebAssembly build ran.
import { loadavg } from 'node:os';
import { type AccessClaims, groupArithmetic, parseNetworkKeyring } from '@corridor/proto';
import { createPseudonymizer, localPseudonymizer, type Pseudonymizer } from '../../../services/src/pseudonyms/pseudonymizer.js';
import { startTestNetwork } from '../../support/test-network.js';
import { percentile } from '../measure.js';
import { cpuDuring } from '../process-stats.js';
import { alertIdentifiers, benchRequester, KEY_HOLDERS, pseudonymNetwork } from '../pseudonym-requester.js';
import { type BenchResult, suiteResults } from '../results-file.js';

// A p99 of 200 calls is their second-slowest: it moved between 17 and 35 ms from run to run of the
// same code. Of 1,000 it is the tenth-slowest, and moved between 16 and 18 ms.
const CALLS = Number(process.env.BENCH_PSEUDONYMS_CALLS ?? 1000);
const BATCHES = Number(process.env.BENCH_PSEUDONYMS_BATCHES ?? 6);
const WARM_UP_CALLS = 100;
const result = suiteResults('pseudonyms');

async function latencies(p: Pseudonymizer, asker: AccessClaims, offset: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < CALLS; i++) {
    const t = performance.now();
    await p.pseudonymize(alertIdentifiers(offset + i), new Date(), asker);
    out.push(performance.now() - t);
  }
  return out.sort((a, b) => a - b);
}

async function bulkPerSecond(p: Pseudonymizer, asker: AccessClaims, offset: number): Promise<number> {
  let count = 0;
  const t = performance.now();
  for (let b = 0; b < BATCHES; b++) {
    const ids = Array.from({ length: 200 }, (_, i) => alertIdentifiers(offset + b * 1000 + i)).flat();
    count += (await p.pseudonymize(ids, new Date(), asker)).length;
  }
  return Math.round(count / ((performance.now() - t) / 1000));
}

export async function pseudonymsSuite(): Promise<BenchResult[]> {
  const net = await startTestNetwork(pseudonymNetwork);
  try {
    const { asker, holders } = await benchRequester(net);
    const oblivious = createPseudonymizer({ keyring: { epochs: [] }, membership: () => net.membership, holders });
    const hmac = localPseudonymizer(parseNetworkKeyring(`1:${Buffer.alloc(32, 7).toString('base64url')}`));
    // Warm both paths (JIT, connections, the holders' first audit appends).
    await latencies(hmac, asker, 900_000);
    for (let i = 0; i < WARM_UP_CALLS; i++) await oblivious.pseudonymize(alertIdentifiers(800_000 + i), new Date(), asker);
    const load = loadavg()[0] ?? 0;
    const hmacTimes = await latencies(hmac, asker, 0);
    const obliviousTimes = await latencies(oblivious, asker, 0);
    const hmacBulk = await bulkPerSecond(hmac, asker, 100_000);
    const holderPids = KEY_HOLDERS.map((a) => net.nodes[a]?.pid as number);
    const requesterBefore = process.cpuUsage();
    const { result: obliviousBulk, cpuMs: holdersMs } = await cpuDuring(holderPids, () => bulkPerSecond(oblivious, asker, 100_000));
    const requester = process.cpuUsage(requesterBefore);
    const bulkCount = BATCHES * 1000;
    const perPseudonymUs = (ms: number) => Math.round((ms * 1000) / bulkCount);
    const p99 = (xs: number[]) => Number(percentile(xs, 99).toFixed(3));
    return [
      result('pseudonymize_p99_ms', p99(obliviousTimes), 'ms', { metric: 'hmac_pseudonymize_p99_ms', value: p99(hmacTimes) }),
      result('pseudonymize_p50_ms', Number(percentile(obliviousTimes, 50).toFixed(3)), 'ms'),
      result('hmac_pseudonymize_p99_ms', p99(hmacTimes), 'ms'),
      result('bulk_pseudonyms_per_s', obliviousBulk, 'pseudonyms/s', { metric: 'hmac_bulk_pseudonyms_per_s', value: hmacBulk }),
      result('hmac_bulk_pseudonyms_per_s', hmacBulk, 'pseudonyms/s'),
      result('bulk_requester_cpu_us', perPseudonymUs((requester.user + requester.system) / 1000), 'µs/pseudonym'),
      result('bulk_holders_cpu_us', perPseudonymUs(holdersMs), 'µs/pseudonym'),
      result('pseudonymize_calls', CALLS, 'calls'),
      result('bulk_batches', BATCHES, 'batches of 1,000'),
      result('native_group_arithmetic', groupArithmetic === 'libsodium-native' ? 1 : 0, ''),
      result('load_average_1m_at_start', Number(load.toFixed(2)), ''),
    ];
  } finally {
    await net.stop();
  }
}
