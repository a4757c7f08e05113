import { describe, expect, it } from 'vitest';
import { activeKeys, parseNetworkKeyring, pseudonymizeUnderAll } from './network-keys.js';

const secret = (b: number) => Buffer.alloc(32, b).toString('base64url');
const passport = { kind: 'travel_document' as const, value: 'A07319842', qualifier: 'NGA' };

describe('network keys by epoch', () => {
  const ring = parseNetworkKeyring(`2:${secret(2)}, 1:${secret(1)}@2027-01-31T00:00:00Z`);

  it('uses every epoch not yet retired, oldest first, and drops one once its date has passed', () => {
    expect(activeKeys(ring, new Date('2026-12-01T00:00:00Z')).map((k) => k.epoch)).toEqual([1, 2]);
    expect(activeKeys(ring, new Date('2027-02-01T00:00:00Z')).map((k) => k.epoch)).toEqual([2]);
  });

  it('gives an identifier one pseudonym per epoch during the overlap, so old and new alerts still match', () => {
    const during = pseudonymizeUnderAll(passport, ring, new Date('2026-12-01T00:00:00Z'));
    const before = pseudonymizeUnderAll(passport, parseNetworkKeyring(`1:${secret(1)}`), new Date('2026-11-01T00:00:00Z'));
    const after = pseudonymizeUnderAll(passport, ring, new Date('2027-02-01T00:00:00Z'));
    expect(during.map((p) => p.epoch)).toEqual([1, 2]);
    // An alert from before the rotation (epoch 1 only) shares a pseudonym with one made during it...
    expect(during.map((p) => p.pseudonym)).toContain(before[0]?.pseudonym);
    // ...and one made after retirement (epoch 2 only) shares one with it too, but not with the old alert.
    expect(during.map((p) => p.pseudonym)).toContain(after[0]?.pseudonym);
    expect(after.map((p) => p.pseudonym)).not.toContain(before[0]?.pseudonym);
  });

  it('refuses a keyring it cannot use', () => {
    expect(() => parseNetworkKeyring('')).toThrow(/at least one/);
    expect(() => parseNetworkKeyring(`1:${secret(1)},1:${secret(3)}`)).toThrow(/given twice/);
    expect(() => parseNetworkKeyring(`1:${secret(1)}@soon`)).toThrow(/ISO date-time/);
    expect(() => activeKeys(parseNetworkKeyring(`1:${secret(1)}@2020-01-01T00:00:00Z`), new Date())).toThrow(/retired/);
  });
});
