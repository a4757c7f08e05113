import { beforeAll, describe, expect, it } from 'vitest';
import { type Membership, membership } from './membership.js';
import { keyPair, signingMembership } from './testing/signing-members.js';

let DOCUMENT: Membership;
beforeAll(async () => {
  DOCUMENT = signingMembership([{ id: 'it-polfr', country: 'ITA', pub: (await keyPair('k')).pub }]);
});
const FINGERPRINT = Array.from({ length: 32 }, (_, i) => (i * 7).toString(16).toUpperCase().padStart(2, '0')).join(':');

describe('the NATS CAs a membership pins', () => {
  it('are optional, and kept when they are SHA-256 fingerprints', () => {
    expect(membership.parse(DOCUMENT).natsCaFingerprints).toBeUndefined();
    expect(membership.parse({ ...DOCUMENT, natsCaFingerprints: [FINGERPRINT] }).natsCaFingerprints).toEqual([FINGERPRINT]);
  });

  it('refuses, naming the field, a fingerprint of another shape and an empty list', () => {
    for (const bad of [[FINGERPRINT.toLowerCase()], [FINGERPRINT.slice(3)], []]) {
      const r = membership.safeParse({ ...DOCUMENT, natsCaFingerprints: bad });
      expect(r.success).toBe(false);
      expect(r.error?.issues[0]?.path[0]).toBe('natsCaFingerprints');
    }
  });
});
