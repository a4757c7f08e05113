import { describe, expect, it } from 'vitest';
import { group } from './group.js';
import {
  type HolderAnswer,
  holderDoubts,
  type KeyHolder,
  obliviousPseudonyms,
  PseudonymServiceUnavailable,
  pseudonymInput,
  pseudonymOfOutput,
} from './oblivious-pseudonym.js';
import { evaluateBlinded, evaluateOnly, evaluateWithKey, Fn } from './ristretto-oprf.js';
import { splitNewKey } from './threshold-key.js';

function network() {
  const { shares } = splitNewKey(2, 3);
  const holders: KeyHolder[] = shares.map((s, i) => ({
    agency: ['it-pol', 'gr-hcg', 'fr-pn'][i] as string,
    index: s.index,
    publicKey: s.publicKey,
  }));
  const secretOf = new Map(holders.map((h, i) => [h.agency, shares[i] as (typeof shares)[number]]));
  const honest = async (h: KeyHolder, blinded: Uint8Array[], proof = true): Promise<HolderAnswer> => {
    const share = secretOf.get(h.agency) as (typeof shares)[number];
    return proof ? evaluateBlinded(share.secretKey, share.publicKey, blinded) : { evaluated: await evaluateOnly(share.secretKey, blinded) };
  };
  return { holders, shares, honest, service: { threshold: 2, holders } };
}

const inputs = ['+2348035550147', '+2348035550148', 'NGA|A07319842'].map((v, i) => pseudonymInput(i < 2 ? 'phone' : 'travel_document', v));

function recorder() {
  const wrong: string[] = [];
  const down: string[] = [];
  return { wrong, down, report: { wrongShare: (a: string) => wrong.push(a), unavailable: (a: string) => down.push(a) } };
}

describe('oblivious pseudonyms from t-of-n key holders', () => {
  it('gives each input one pseudonym, the same whichever holders answer, that no holder sees', async () => {
    const { honest, service, holders } = network();
    const seen: Uint8Array[][] = [];
    const all = await obliviousPseudonyms(inputs, service, async (h, b) => {
      seen.push(b);
      return honest(h, b);
    });
    expect(all).toHaveLength(3);
    expect(new Set(all).size).toBe(3);
    for (const p of all) expect(p).toMatch(/^[A-Za-z0-9_-]{43}$/);
    // Fresh blinds every time: what a holder receives for the same input differs between batches.
    const again = await obliviousPseudonyms(inputs, { threshold: 2, holders: [holders[2], holders[0]] as KeyHolder[] }, honest);
    expect(again).toEqual(all);
    expect(seen.flat().some((b) => b.length !== 32)).toBe(false);
  });

  it('matches the whole key evaluated directly (RFC 9497 Evaluate)', async () => {
    const secret = 12345678901234567890n;
    const { shares } = splitNewKey(2, 3, secret);
    const holders = shares.map((s) => ({ agency: `a${s.index}`, index: s.index, publicKey: s.publicKey }));
    const [p] = await obliviousPseudonyms([inputs[0] as Uint8Array], { threshold: 2, holders }, async (h, b) => {
      const share = shares[h.index - 1] as (typeof shares)[number];
      return evaluateBlinded(share.secretKey, share.publicKey, b);
    });
    const { Fn } = await import('./ristretto-oprf.js');
    expect(p).toBe(pseudonymOfOutput(evaluateWithKey(Fn.toBytes(secret), inputs[0] as Uint8Array)));
  });

  it('goes on with one holder down, and names it', async () => {
    const { honest, service, holders } = network();
    const expected = await obliviousPseudonyms(inputs, service, honest);
    const r = recorder();
    const got = await obliviousPseudonyms(
      inputs,
      service,
      async (h, b) => {
        if (h.agency === holders[1]?.agency) throw new Error('connection refused');
        return honest(h, b);
      },
      r.report,
    );
    expect(got).toEqual(expected);
    expect(r.down).toEqual(['gr-hcg']);
  });

  it('detects a holder answering with a wrong share and names it, whether it answers first or last', async () => {
    const { honest, service, shares } = network();
    const expected = await obliviousPseudonyms(inputs, service, honest);
    for (const delayHonest of [true, false]) {
      const r = recorder();
      const got = await obliviousPseudonyms(
        inputs,
        service,
        async (h, b) => {
          if (h.agency === 'fr-pn') {
            // Its own share's key publicly, another scalar privately: the proof cannot hold.
            const liar = splitNewKey(1, 1).shares[0] as (typeof shares)[number];
            const forged = evaluateBlinded(liar.secretKey, liar.publicKey, b);
            return forged;
          }
          if (delayHonest) await new Promise((resolve) => setImmediate(resolve));
          return honest(h, b);
        },
        r.report,
      );
      expect(got).toEqual(expected);
      await expect.poll(() => r.wrong).toEqual(['fr-pn']);
    }
  });

  it('names a holder that answers last with one element changed, its proof untouched', async () => {
    const { honest, service } = network();
    const expected = await obliviousPseudonyms(inputs, service, honest);
    const r = recorder();
    const got = await obliviousPseudonyms(
      inputs,
      service,
      async (h, b) => {
        const answer = await honest(h, b);
        if (h.agency !== 'fr-pn') return answer;
        await new Promise((resolve) => setTimeout(resolve, 20));
        return { ...answer, evaluated: [answer.evaluated[0], answer.evaluated[0], answer.evaluated[2]] as Uint8Array[] };
      },
      r.report,
    );
    expect(got).toEqual(expected);
    await expect.poll(() => r.wrong).toEqual(['fr-pn']);
  });

  it('refuses, naming every holder, when fewer than the threshold answer correctly', async () => {
    const { honest, service } = network();
    const attempt = obliviousPseudonyms(inputs, service, async (h, b) => {
      if (h.agency === 'it-pol') throw new Error('rate limited');
      if (h.agency === 'gr-hcg') {
        const a = await honest(h, b);
        return { ...a, evaluated: [...a.evaluated].reverse() };
      }
      return honest(h, b);
    });
    await expect(attempt).rejects.toBeInstanceOf(PseudonymServiceUnavailable);
    await expect(attempt).rejects.toThrow(/it-pol \(rate limited\).*|gr-hcg \(wrong share\)/);
  });
  it('asks for no proof while all n holders answer and agree, and for proofs once one has failed', async () => {
    const { honest, service, holders } = network();
    const expected = await obliviousPseudonyms(inputs, service, honest);
    const doubts = holderDoubts();
    const asked: string[] = [];
    const recorded = async (h: KeyHolder, b: Uint8Array[], proof: boolean) => {
      asked.push(`${h.agency}:${proof ? 'proof' : 'plain'}`);
      if (h.agency === 'gr-hcg' && down) throw new Error('connection refused');
      return honest(h, b, proof);
    };
    let down = false;
    expect(await obliviousPseudonyms(inputs, service, recorded, undefined, doubts)).toEqual(expected);
    expect(asked.sort()).toEqual(['fr-pn:plain', 'gr-hcg:plain', 'it-pol:plain']);
    // One holder down: this call finds out and asks the other two again, with proofs; the next
    // calls ask with proofs at once (no second round) until the holder is back and answers in time.
    down = true;
    asked.length = 0;
    expect(await obliviousPseudonyms(inputs, service, recorded, undefined, doubts)).toEqual(expected);
    expect(asked.filter((a) => a.endsWith(':proof')).sort()).toEqual(['fr-pn:proof', 'it-pol:proof']);
    asked.length = 0;
    expect(await obliviousPseudonyms(inputs, service, recorded, undefined, doubts)).toEqual(expected);
    expect(asked.every((a) => a.endsWith(':proof'))).toBe(true);
    expect(doubts.doubted(holders[1]?.agency as string)).toBe(true);
    down = false;
    asked.length = 0;
    await obliviousPseudonyms(inputs, service, recorded, undefined, doubts);
    await expect.poll(() => doubts.doubted('gr-hcg')).toBe(false);
    asked.length = 0;
    expect(await obliviousPseudonyms(inputs, service, recorded, undefined, doubts)).toEqual(expected);
    expect(asked.every((a) => a.endsWith(':plain'))).toBe(true);
  });

  it('names a holder whose answer disagrees with the others’, by asking all of them for proofs', async () => {
    const { honest, service } = network();
    const expected = await obliviousPseudonyms(inputs, service, honest);
    const r = recorder();
    const doubts = holderDoubts();
    const got = await obliviousPseudonyms(
      inputs,
      service,
      async (h, b, proof) => {
        const answer = await honest(h, b, proof);
        // Without a proof, one element quietly replaced; with one, the same element, so its proof fails.
        if (h.agency !== 'it-pol') return answer;
        return { ...answer, evaluated: [answer.evaluated[1], ...answer.evaluated.slice(1)] as Uint8Array[] };
      },
      r.report,
      doubts,
    );
    expect(got).toEqual(expected);
    await expect.poll(() => r.wrong).toEqual(['it-pol']);
    expect(doubts.doubted('it-pol')).toBe(true);
  });

  it('does not wait long for a slow holder: the others prove their answers, and the slow one is doubted', async () => {
    const { honest, service } = network();
    const expected = await obliviousPseudonyms(inputs, service, honest);
    const doubts = holderDoubts();
    const started = Date.now();
    const got = await obliviousPseudonyms(
      inputs,
      service,
      async (h, b, proof) => {
        if (h.agency === 'fr-pn') await new Promise((resolve) => setTimeout(resolve, 2_000));
        return honest(h, b, proof);
      },
      undefined,
      doubts,
    );
    expect(got).toEqual(expected);
    expect(Date.now() - started).toBeLessThan(1_500);
    expect(doubts.doubted('fr-pn')).toBe(true);
  });

  it('keeps to proofs when fewer than t liars could make wrong answers agree (3 of 4): two colluding holders are refused', async () => {
    // With n < 2t − 1, n − t + 1 = 2 holders can answer on a polynomial of their own through the
    // honest two points: f + δ with δ(x) = c(x − 1)(x − 2). All four answers then agree.
    const { shares } = splitNewKey(3, 4);
    const holders = shares.map((s) => ({ agency: `h${s.index}`, index: s.index, publicKey: s.publicKey }));
    const c = Fn.create(987654321n);
    const asked: boolean[] = [];
    const attempt = obliviousPseudonyms(inputs, { threshold: 3, holders }, async (h, b, proof) => {
      asked.push(proof);
      const share = shares[h.index - 1] as (typeof shares)[number];
      const answer = proof
        ? await evaluateBlinded(share.secretKey, share.publicKey, b)
        : { evaluated: await evaluateOnly(share.secretKey, b) };
      if (h.index <= 2) return answer;
      const delta = Fn.mul(c, Fn.mul(Fn.create(BigInt(h.index - 1)), Fn.create(BigInt(h.index - 2))));
      return {
        ...answer,
        evaluated: answer.evaluated.map((e, i) => group.add(e, group.scalarmult(Fn.toBytes(delta), b[i] as Uint8Array))),
      };
    });
    await expect(attempt).rejects.toBeInstanceOf(PseudonymServiceUnavailable);
    expect(asked.every((p) => p)).toBe(true);
  });
});
