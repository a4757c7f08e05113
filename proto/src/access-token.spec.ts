import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthError, createTokenVerifier } from './access-token.js';
import type { Membership } from './membership.js';

let membership: Membership;
let agencyKey: CryptoKey;
let strangerKey: CryptoKey;
const ISSUER = 'https://issuer.it-polfr.corridor.invalid/';

beforeAll(async () => {
  const pair = await generateKeyPair('EdDSA', { extractable: true });
  agencyKey = pair.privateKey;
  strangerKey = (await generateKeyPair('EdDSA', { extractable: true })).privateKey;
  const jwk = { ...(await exportJWK(pair.publicKey)), kid: 'k1', alg: 'EdDSA' };
  membership = {
    network: { id: 'test-net', name: 'Test' },
    audience: 'corridor',
    version: 1,
    agencies: [
      {
        id: 'it-polfr',
        name: 'Polizia di Frontiera',
        country: 'ITA',
        networks: [],
        nodeUrl: 'http://127.0.0.1:1/graphql',
        tokenIssuer: { issuer: ISSUER, jwks: { keys: [jwk as never] } },
        alertSigningKeys: { keys: [jwk as never] },
      },
    ],
  };
});

const claims = { agency: 'it-polfr', name: 'Giulia Russo', roles: ['border_officer'], country: 'ITA', networks: [] };

function token(over: { key?: CryptoKey; iss?: string; aud?: string; exp?: string | number; claims?: object } = {}) {
  return new SignJWT({ ...claims, ...over.claims })
    .setProtectedHeader({ alg: 'EdDSA', kid: 'k1' })
    .setIssuer(over.iss ?? ISSUER)
    .setSubject('giulia')
    .setAudience(over.aud ?? 'corridor')
    .setIssuedAt()
    .setExpirationTime(over.exp ?? '1h')
    .sign(over.key ?? agencyKey);
}

async function reasonOf(authorization: string | undefined): Promise<string> {
  try {
    await createTokenVerifier(() => membership).verify(authorization);
    return 'accepted';
  } catch (e) {
    if (e instanceof AuthError) return e.reason;
    throw e;
  }
}

describe('access-token verification', () => {
  it('accepts a token of a member agency and returns its claims', async () => {
    const c = await createTokenVerifier(() => membership).verify(`Bearer ${await token()}`);
    expect(c).toMatchObject({ agency: 'it-polfr', sub: 'giulia', roles: ['border_officer'] });
  });

  it('refuses each kind of bad token with its own reason', async () => {
    expect(await reasonOf(undefined)).toBe('missing');
    expect(await reasonOf('Bearer not-a-jwt')).toBe('malformed');
    expect(await reasonOf(`Bearer ${await token({ key: strangerKey })}`)).toBe('bad_signature');
    expect(await reasonOf(`Bearer ${await token({ iss: 'https://evil.invalid/' })}`)).toBe('unknown_issuer');
    expect(await reasonOf(`Bearer ${await token({ aud: 'someone-else' })}`)).toBe('wrong_audience');
    expect(await reasonOf(`Bearer ${await token({ exp: Math.floor(Date.now() / 1000) - 3600 })}`)).toBe('expired');
    expect(await reasonOf(`Bearer ${await token({ claims: { agency: 'ne-ppn' } })}`)).toBe('invalid_claims');
  });
});
