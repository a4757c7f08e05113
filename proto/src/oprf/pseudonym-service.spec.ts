import { describe, expect, it } from 'vitest';
import { base64urlEncode } from '../pseudonym.js';
import { pseudonymService } from './pseudonym-service.js';
import { splitNewKey } from './threshold-key.js';

function declared() {
  const { shares, publicKey } = splitNewKey(2, 3);
  return {
    epoch: 2,
    threshold: 2,
    publicKey: base64urlEncode(publicKey),
    holders: shares.map((s, i) => ({
      agency: ['it-polfr', 'gr-hcg', 'ng-nis'][i],
      index: s.index,
      publicKey: base64urlEncode(s.publicKey),
    })),
    limits: { perMinute: 6000, perDay: 200_000 },
  };
}

const paths = (input: unknown) => {
  const r = pseudonymService.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('the pseudonym service in the membership', () => {
  it('takes key holders whose share keys interpolate to the public key', () => {
    expect(paths(declared())).toEqual([]);
  });

  it('names what is wrong: a threshold above the holders, a share listed twice, keys from another dealing', () => {
    const d = declared();
    expect(paths({ ...d, threshold: 4 })).toContainEqual(expect.stringMatching(/^threshold: cannot exceed the 3/));
    const twice = { ...d, holders: [d.holders[0], { ...d.holders[1], index: 1 }, d.holders[2]] };
    expect(paths(twice)).toContainEqual('holders.1.index: share 1 is listed twice');
    const other = declared();
    expect(paths({ ...d, holders: [d.holders[0], d.holders[1], other.holders[2]] })).toContainEqual(
      expect.stringMatching(/^holders: the share keys do not interpolate/),
    );
    expect(paths({ ...d, publicKey: '_'.repeat(43) })).toContainEqual(
      expect.stringMatching(/^publicKey: must be a valid ristretto255 element/),
    );
  });
});
