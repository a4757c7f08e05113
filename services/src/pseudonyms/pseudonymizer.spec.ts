import { type AccessClaims, base64urlEncode, type Membership, splitNewKey } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import type { AuditRecord } from '../audit/audit-log.js';
import { RateLimitedError } from '../hit-check/check-limits.js';
import { NETWORK_KEY, SPEC_MEMBERSHIP } from '../testing/fixtures.js';
import { createEvaluationLimiter } from './evaluation-limits.js';
import { createHolderClient } from './holder-client.js';
import { createKeyHolder, type KeyHolder } from './key-holder.js';
import { parseKeyShare, shareMismatch } from './key-share.js';
import { createPseudonymizer, localPseudonymizer } from './pseudonymizer.js';

const HOLDERS = ['it-polfr', 'ne-ppn', 'ng-nis'];

/** Italy, Niger and Nigeria each holding a share (2 of 3), limits as given; holders evaluate in-process. */
function network(limits = { perMinute: 1000, perDay: 5000 }) {
  const { shares, publicKey } = splitNewKey(2, 3);
  const m: Membership = {
    ...SPEC_MEMBERSHIP,
    pseudonymService: {
      epoch: 2,
      threshold: 2,
      publicKey: base64urlEncode(publicKey),
      holders: shares.map((s, i) => ({ agency: HOLDERS[i] as string, index: s.index, publicKey: base64urlEncode(s.publicKey) })),
      limits,
    },
  };
  const audits = new Map<string, AuditRecord[]>(HOLDERS.map((a) => [a, []]));
  const holders = new Map<string, KeyHolder>(
    HOLDERS.map((agency, i) => [
      agency,
      createKeyHolder({
        agency,
        share: parseKeyShare(`2:${i + 1}:${base64urlEncode((shares[i] as (typeof shares)[number]).secretKey)}`),
        membership: () => m,
        limits: createEvaluationLimiter(),
        audit: Object.assign(
          async (rows: AuditRecord[]) => {
            audits.get(agency)?.push(...rows);
          },
          { each: () => [] },
        ),
      }),
    ]),
  );
  return { m, shares, audits, holders };
}

const officer = (agency: string): AccessClaims =>
  ({ sub: `officer@${agency}`, agency, exp: Math.floor(Date.now() / 1000) + 600 }) as AccessClaims;

/** Italy's pseudonymizer; `down` holders throw, `tamper` ones answer with another share's elements. */
function italy(net: ReturnType<typeof network>, opts: { down?: string[]; tamper?: string[] } = {}) {
  const logged: { msg: string; fields?: Record<string, unknown> }[] = [];
  const log = {
    info: () => {},
    warn: (msg: string, fields?: Record<string, unknown>) => logged.push({ msg, fields }),
    error: (msg: string, fields?: Record<string, unknown>) => logged.push({ msg, fields }),
  };
  const pseudonymizer = createPseudonymizer({
    keyring: NETWORK_KEY,
    membership: () => net.m,
    holders: {
      async ask(asker, holder, epoch, blinded) {
        if (opts.down?.includes(holder.agency)) throw new Error('did not answer');
        const evaluateAs = opts.tamper?.includes(holder.agency)
          ? HOLDERS.find((h) => h !== holder.agency && !opts.tamper?.includes(h))
          : holder.agency;
        const client = createHolderClient({
          self: holder.agency,
          membership: () => net.m,
          signer: { agency: asker.agency, mint: async () => ({ token: '', expiresIn: 0 }) },
          evaluateHere: net.holders.get(evaluateAs as string) as KeyHolder,
        });
        return client.ask(asker, holder, epoch, blinded);
      },
    },
    log: log as never,
  });
  return { pseudonymizer, logged };
}

const passport = { kind: 'travel_document' as const, value: 'A0731 9842', qualifier: 'NGA' };
const phone = { kind: 'phone' as const, value: '+234 803 555 0147' };

describe('pseudonyms of the oblivious epoch', () => {
  it('are given beside the HMAC epoch during the overlap, the same for every spelling and whichever holders answer', async () => {
    const net = network();
    const now = new Date();
    const [first] = await italy(net).pseudonymizer.pseudonymize([passport], now, officer('it-polfr'));
    expect(first?.map((p) => p.epoch)).toEqual([1, 2]);
    expect(first?.[0]).toEqual((await localPseudonymizer(NETWORK_KEY).pseudonymize([passport], now))[0]?.[0]);
    const [again] = await italy(net, { down: ['it-polfr'] }).pseudonymizer.pseudonymize(
      [{ ...passport, value: 'a0731-9842' }],
      now,
      officer('it-polfr'),
    );
    expect(again).toEqual(first);
  });

  it('cannot be computed from the HMAC key, a share, or the membership: only through the holders', async () => {
    const net = network();
    const [p] = await italy(net).pseudonymizer.pseudonymize([phone], new Date(), officer('it-polfr'));
    const oblivious = p?.find((x) => x.epoch === 2)?.pseudonym;
    const hmac = p?.find((x) => x.epoch === 1)?.pseudonym;
    expect(oblivious).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(oblivious).not.toBe(hmac);
  });

  it('names a holder that answers with a wrong share, and goes on with the others', async () => {
    const net = network();
    const honest = await italy(net).pseudonymizer.pseudonymize([phone, passport], new Date(), officer('it-polfr'));
    const { pseudonymizer, logged } = italy(net, { tamper: ['ne-ppn'] });
    expect(await pseudonymizer.pseudonymize([phone, passport], new Date(), officer('it-polfr'))).toEqual(honest);
    await expect
      .poll(() => logged.map((l) => [l.msg, l.fields?.holder]))
      .toContainEqual(['key holder answered with a wrong share', 'ne-ppn']);
  });

  it('refuses, naming the holders, when fewer than two answer', async () => {
    const net = network();
    await expect(
      italy(net, { down: ['it-polfr', 'ng-nis'] }).pseudonymizer.pseudonymize([phone], new Date(), officer('it-polfr')),
    ).rejects.toMatchObject({ code: 'PSEUDONYM_SERVICE_UNAVAILABLE', message: expect.stringMatching(/it-polfr.*ng-nis|ng-nis.*it-polfr/) });
  });

  it('refuses to pseudonymize when an HMAC epoch is not below the oblivious one', async () => {
    const net = network();
    const clashing = createPseudonymizer({
      keyring: NETWORK_KEY,
      membership: () => ({ pseudonymService: { ...(net.m.pseudonymService as NonNullable<Membership['pseudonymService']>), epoch: 1 } }),
    });
    await expect(clashing.pseudonymize([phone], new Date(), officer('it-polfr'))).rejects.toMatchObject({ code: 'NO_PSEUDONYM_EPOCH' });
  });

  it('evaluates each distinct value once per batch', async () => {
    const net = network();
    await italy(net).pseudonymizer.pseudonymize(
      [phone, phone, { ...phone, value: '+2348035550147' }, passport],
      new Date(),
      officer('it-polfr'),
    );
    const counts = [...net.audits.values()].flat().map((r) => r.items[0]);
    expect(counts.length).toBeGreaterThanOrEqual(2);
    expect(new Set(counts)).toEqual(new Set(['2']));
  });
});

describe('a key holder', () => {
  it('records every batch in its audit: the asking agency and user, how many values, never which', async () => {
    const net = network();
    const holder = net.holders.get('ng-nis') as KeyHolder;
    const { blindInputs } = await import('../../../proto/src/oprf/ristretto-oprf.js');
    const blinded = (await blindInputs([1, 2, 3].map((i) => new TextEncoder().encode(`x${i}`)))).blinded.map((b) => base64urlEncode(b));
    const answer = await holder(officer('ne-ppn'), { epoch: 2, blinded });
    expect(answer.evaluated).toHaveLength(3);
    expect(net.audits.get('ng-nis')).toEqual([
      expect.objectContaining({
        channel: 'pseudonym',
        agency: 'ne-ppn',
        subject: 'officer@ne-ppn',
        items: ['3'],
        rule: expect.stringMatching(/^evaluated/),
      }),
    ]);
  });

  it('stops an agency at its limit per minute, records the refusal, and leaves other agencies their own budget', async () => {
    const net = network({ perMinute: 5, perDay: 100 });
    const holder = net.holders.get('it-polfr') as KeyHolder;
    const { blindInputs } = await import('../../../proto/src/oprf/ristretto-oprf.js');
    const batch = async (n: number) =>
      (await blindInputs(Array.from({ length: n }, (_, i) => new TextEncoder().encode(`g${i}`)))).blinded.map((b) => base64urlEncode(b));
    await holder(officer('ne-ppn'), { epoch: 2, blinded: await batch(4) });
    await expect(holder(officer('ne-ppn'), { epoch: 2, blinded: await batch(2) })).rejects.toBeInstanceOf(RateLimitedError);
    // What was refused was not spent: one more value still fits.
    await holder(officer('ne-ppn'), { epoch: 2, blinded: await batch(1) });
    await holder(officer('ng-nis'), { epoch: 2, blinded: await batch(5) });
    expect(net.audits.get('it-polfr')?.map((r) => `${r.agency} ${r.items[0]} ${r.rule.split(' ')[0]}`)).toEqual([
      'ne-ppn 4 evaluated',
      'ne-ppn 2 refused:',
      'ne-ppn 1 evaluated',
      'ng-nis 5 evaluated',
    ]);
  });

  it('charges nobody for the one repeat with a proof of a batch it answered without one, and charges a second', async () => {
    const net = network({ perMinute: 5, perDay: 100 });
    const holder = net.holders.get('it-polfr') as KeyHolder;
    const { blindInputs } = await import('../../../proto/src/oprf/ristretto-oprf.js');
    const batch = async (tag: string, n: number) =>
      (await blindInputs(Array.from({ length: n }, (_, i) => new TextEncoder().encode(`${tag}${i}`)))).blinded.map((b) =>
        base64urlEncode(b),
      );
    const blinded = await batch('r', 3);
    const unproved = await holder(officer('ne-ppn'), { epoch: 2, blinded, proof: false });
    // The second round of a cross-check that failed: the same elements, now with a proof, free.
    const proved = await holder(officer('ne-ppn'), { epoch: 2, blinded });
    expect(proved.evaluated).toEqual(unproved.evaluated);
    expect(proved.proof).toMatch(/^[A-Za-z0-9_-]{86}$/);
    // Another agency asking the same elements with a proof was never answered them: it pays.
    await holder(officer('ng-nis'), { epoch: 2, blinded });
    // 3 of Niger's 5 are spent, 2 remain; a second repeat is charged and does not fit once 2 more are spent.
    await holder(officer('ne-ppn'), { epoch: 2, blinded: await batch('s', 2) });
    await expect(holder(officer('ne-ppn'), { epoch: 2, blinded })).rejects.toBeInstanceOf(RateLimitedError);
    expect(net.audits.get('it-polfr')?.map((r) => `${r.agency} ${r.items[0]} ${r.rule}`)).toEqual([
      'ne-ppn 3 evaluated under share 1 of epoch 2',
      'ne-ppn 3 evaluated under share 1 of epoch 2, again with a proof (counted when first asked)',
      'ng-nis 3 evaluated under share 1 of epoch 2',
      'ne-ppn 2 evaluated under share 1 of epoch 2',
      'ne-ppn 3 refused: over the limit',
    ]);
  });

  it('refuses an epoch it holds no share of, and a value that is not a group element, by field', async () => {
    const net = network();
    const holder = net.holders.get('it-polfr') as KeyHolder;
    await expect(holder(officer('ne-ppn'), { epoch: 3, blinded: ['A'.repeat(43)] })).rejects.toMatchObject({ code: 'NOT_A_KEY_HOLDER' });
    await expect(holder(officer('ne-ppn'), { epoch: 2, blinded: ['not an element'] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [expect.objectContaining({ path: 'blinded.0' })],
    });
    await expect(holder(officer('ne-ppn'), { epoch: 2, blinded: ['_'.repeat(43)] })).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
      fieldErrors: [expect.objectContaining({ path: 'blinded' })],
    });
  });

  it('starts only with the share the membership lists for its agency', () => {
    const net = network();
    const share = parseKeyShare(`2:1:${base64urlEncode((net.shares[0] as (typeof net.shares)[number]).secretKey)}`);
    expect(shareMismatch(share, 'it-polfr', net.m)).toBeNull();
    expect(shareMismatch(share, 'ne-ppn', net.m)).toMatch(/share 2/);
    expect(shareMismatch({ ...share, epoch: 3 }, 'it-polfr', net.m)).toMatch(/epoch is 2/);
    expect(() => parseKeyShare('2:1:short')).toThrow(/<epoch>:<index>/);
  });
});
