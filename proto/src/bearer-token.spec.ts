// The cache of verified tokens: it spares the signature check, never the refusal of a token that
// expired or whose key the membership no longer lists.
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createTokenVerifier } from './access-token.js';
import { type AuthError, CLOCK_TOLERANCE_S, cachingVerifier } from './bearer-token.js';
import type { AccessClaims } from './claims.js';
import type { Membership } from './membership.js';

const ISSUER = 'https://issuer.it-polfr.corridor.invalid/';
let oldKey: CryptoKey;
let oldJwk: JWK;
let newJwk: JWK;

beforeAll(async () => {
  const old = await generateKeyPair('EdDSA', { extractable: true });
  oldKey = old.privateKey;
  oldJwk = { ...(await exportJWK(old.publicKey)), kid: 'old', alg: 'EdDSA' };
  const next = await generateKeyPair('EdDSA', { extractable: true });
  newJwk = { ...(await exportJWK(next.publicKey)), kid: 'new', alg: 'EdDSA' };
});

afterEach(() => {
  vi.useRealTimers();
});

/** The membership at `version`, Italy's issuer publishing `keys` inline. */
function membershipWith(version: number, keys: JWK[]): Membership {
  return {
    network: { id: 'test-net', name: 'Test' },
    audience: 'corridor',
    version,
    agencies: [
      {
        id: 'it-polfr',
        name: 'Polizia di Frontiera',
        country: 'ITA',
        networks: [],
        nodeUrl: 'http://127.0.0.1:1/graphql',
        tokenIssuer: { issuer: ISSUER, jwks: { keys: keys as never[] } },
        alertSigningKeys: { keys: [oldJwk as never] },
      },
    ],
  };
}

async function accessToken(lifetime: string) {
  const jwt = await new SignJWT({ agency: 'it-polfr', name: 'Giulia Russo', roles: ['border_officer'], country: 'ITA', networks: [] })
    .setProtectedHeader({ alg: 'EdDSA', kid: 'old' })
    .setIssuer(ISSUER)
    .setSubject('giulia')
    .setAudience('corridor')
    .setIssuedAt()
    .setExpirationTime(lifetime)
    .sign(oldKey);
  return `Bearer ${jwt}`;
}

const refusal = (p: Promise<unknown>) =>
  p.then(
    () => 'accepted',
    (e: AuthError) => e.reason,
  );

describe('cached token verification (real signatures)', () => {
  it('refuses a token it verified once it has expired, past the clock tolerance', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const verifier = createTokenVerifier(() => membershipWith(1, [oldJwk]));
    const token = await accessToken('2m');
    expect(await refusal(verifier.verify(token))).toBe('accepted');
    vi.setSystemTime(Date.now() + (120 + CLOCK_TOLERANCE_S - 10) * 1000);
    expect(await refusal(verifier.verify(token))).toBe('accepted');
    vi.setSystemTime(Date.now() + 20 * 1000);
    expect(await refusal(verifier.verify(token))).toBe('expired');
  });

  it('refuses a token it verified once the membership rotates its key out', async () => {
    let membership = membershipWith(1, [oldJwk]);
    const verifier = createTokenVerifier(() => membership);
    const token = await accessToken('1h');
    expect(await refusal(verifier.verify(token))).toBe('accepted');
    membership = membershipWith(2, [newJwk]);
    expect(await refusal(verifier.verify(token))).toBe('unknown_key');
    // Put back, the key verifies again: the refusal was not itself kept.
    membership = membershipWith(3, [oldJwk, newJwk]);
    expect(await refusal(verifier.verify(token))).toBe('accepted');
  });
});

describe('the cache of verified tokens', () => {
  const claims = (sub: string): AccessClaims => ({
    iss: ISSUER,
    sub,
    aud: 'corridor',
    exp: Math.floor(Date.now() / 1000) + 3600,
    agency: 'it-polfr',
    name: 'Giulia Russo',
    roles: ['border_officer'],
    country: 'ITA',
    networks: [],
  });
  // A stand-in for the signature check, counting calls: what the cache is to spare.
  const counted = () => {
    const checked: string[] = [];
    const verifier = cachingVerifier(
      'access token',
      () => membershipWith(1, [oldJwk]),
      async (token) => {
        checked.push(token);
        return claims(token);
      },
    );
    return { checked, verifier };
  };

  it('checks a token once while it is reused, and each distinct token on its own', async () => {
    const { checked, verifier } = counted();
    expect(await verifier.verify('Bearer aaa')).toMatchObject({ sub: 'aaa' });
    expect(await verifier.verify('Bearer aaa')).toMatchObject({ sub: 'aaa' });
    expect(await verifier.verify('bearer   aaa')).toMatchObject({ sub: 'aaa' });
    expect(await verifier.verify('Bearer aab')).toMatchObject({ sub: 'aab' });
    expect(checked).toEqual(['aaa', 'aab']);
  });

  it('checks a reused token again after ten minutes, as keys fetched from an issuer are', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { checked, verifier } = counted();
    await verifier.verify('Bearer aaa');
    vi.setSystemTime(Date.now() + 590 * 1000);
    await verifier.verify('Bearer aaa');
    expect(checked).toEqual(['aaa']);
    vi.setSystemTime(Date.now() + 20 * 1000);
    await verifier.verify('Bearer aaa');
    expect(checked).toEqual(['aaa', 'aaa']);
  });

  it('is bounded: past 10,000 tokens the least recently used is checked again, a recently used one is not', async () => {
    const { checked, verifier } = counted();
    await verifier.verify('Bearer first');
    await verifier.verify('Bearer second');
    for (let i = 0; i < 9_998; i++) await verifier.verify(`Bearer t${i}`);
    await verifier.verify('Bearer first'); // used again: now the most recent
    await verifier.verify('Bearer one-more'); // the 10,001st: evicts the least recently used, "second"
    checked.length = 0;
    await verifier.verify('Bearer first');
    expect(checked).toEqual([]);
    await verifier.verify('Bearer second');
    expect(checked).toEqual(['second']);
  });
});
