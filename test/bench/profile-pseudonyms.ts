// Where an alert's five oblivious pseudonyms spend their time: each holder's HTTP answer (first,
// second, third to arrive) against the whole call. `pnpm exec tsx bench/profile-pseudonyms.ts`.
import { agencyOf, base64urlEncode, createDelegationSigner, pseudonymServiceUrl } from '@corridor/proto';
import { blindInput } from '../../proto/src/oprf/ristretto-oprf.js';
import type { HolderClient } from '../../services/src/pseudonyms/holder-client.js';
import { createPseudonymizer } from '../../services/src/pseudonyms/pseudonymizer.js';
import { startTestNetwork } from '../support/test-network.js';
import { percentile } from './measure.js';
import { alertIdentifiers, benchRequester, pseudonymNetwork } from './pseudonym-requester.js';

const net = await startTestNetwork(pseudonymNetwork);
try {
  const { asker, holders: inner } = await benchRequester(net);
  let answers: number[] = [];
  const timed: HolderClient = {
    async ask(...args) {
      const t = performance.now();
      const a = await inner.ask(...args);
      answers.push(performance.now() - t);
      return a;
    },
  };
  const p = createPseudonymizer({ keyring: { epochs: [] }, membership: () => net.membership, holders: timed });
  const rows: { total: number; first: number; second: number; third: number; asked: number }[] = [];
  for (let i = 0; i < 220; i++) {
    answers = [];
    const t = performance.now();
    await p.pseudonymize(alertIdentifiers(i), new Date(), asker);
    const total = performance.now() - t;
    const sorted = [...answers].sort((a, b) => a - b);
    if (i >= 20) rows.push({ total, first: sorted[0] ?? 0, second: sorted[1] ?? 0, third: sorted[2] ?? 0, asked: answers.length });
  }
  for (const k of ['total', 'first', 'second', 'third', 'asked'] as const) {
    const xs = rows.map((r) => r[k]).sort((a, b) => a - b);
    console.log(k, 'p50', percentile(xs, 50).toFixed(1), 'p90', percentile(xs, 90).toFixed(1), 'p99', percentile(xs, 99).toFixed(1));
  }
  // One holder directly: a request refused before any work (another epoch), against a real one.
  const signer = await createDelegationSigner('it-polfr', net.delegationKey('it-polfr'));
  const { token } = await signer.mint(asker, 'ne-ppn');
  const holder = agencyOf(net.membership, 'ne-ppn');
  const { blinded } = await blindInput(new Uint8Array([1, 2, 3]));
  const epoch = net.membership.pseudonymService?.epoch ?? 0;
  for (const [label, e] of [
    ['refused at once', epoch + 7],
    ['evaluated', epoch],
  ] as const) {
    const xs: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      const r = await fetch(pseudonymServiceUrl(holder?.nodeUrl as string), {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ epoch: e, blinded: Array(5).fill(base64urlEncode(blinded)) }),
      });
      await r.text();
      xs.push(performance.now() - t);
    }
    xs.sort((a, b) => a - b);
    console.log(label, 'p50', percentile(xs, 50).toFixed(1), 'p90', percentile(xs, 90).toFixed(1), 'p99', percentile(xs, 99).toFixed(1));
  }
} finally {
  await net.stop();
}
