import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Membership, membership } from './membership.js';
import { keyPair, signingMembership } from './testing/signing-members.js';

let DOCUMENT: Membership;
beforeAll(async () => {
  DOCUMENT = signingMembership([{ id: 'it-polfr', country: 'ITA', pub: (await keyPair('k')).pub }]);
});
const pin = (seed: string) => createHash('sha256').update(seed).digest('base64');
const withPins = (tlsPins: unknown) => ({ ...DOCUMENT, agencies: DOCUMENT.agencies.map((a) => ({ ...a, tlsPins })) });

describe('the TLS keys a membership pins for an agency', () => {
  it('are optional, and kept when they are pin-sha256 values, up to four', () => {
    expect(membership.parse(DOCUMENT).agencies[0]?.tlsPins).toBeUndefined();
    const four = ['a', 'b', 'c', 'd'].map(pin);
    expect(membership.parse(withPins(four)).agencies[0]?.tlsPins).toEqual(four);
  });

  it('refuses, naming the agency’s tlsPins, a hex digest, a fingerprint, a truncated pin and a pin that is no SHA-256', () => {
    const hex = createHash('sha256').update('a').digest('hex');
    const fingerprint = hex.toUpperCase().match(/../g)?.join(':');
    const notSha256 = Buffer.alloc(33, 7).toString('base64');
    for (const bad of [hex, fingerprint, pin('a').slice(1), notSha256, `${pin('a').slice(0, 42)}B=`]) {
      const r = membership.safeParse(withPins([bad]));
      expect(r.success, String(bad)).toBe(false);
      expect(r.error?.issues[0]?.path).toEqual(['agencies', 0, 'tlsPins', 0]);
      expect(r.error?.issues[0]?.message).toMatch(/pin-sha256/);
    }
  });

  it('refuses an empty list, more than four pins and a pin listed twice, naming the field', () => {
    for (const [bad, message] of [
      [[], /at least one pin/],
      [['a', 'b', 'c', 'd', 'e'].map(pin), /at most 4/],
      [[pin('a'), pin('a')], /listed twice/],
    ] as const) {
      const r = membership.safeParse(withPins(bad));
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path.slice(0, 3)).toEqual(['agencies', 0, 'tlsPins']);
      expect(r.error?.issues[0]?.message).toMatch(message);
    }
  });
});
