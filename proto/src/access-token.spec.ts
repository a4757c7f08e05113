import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, importJWK, type JWK, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier } from './access-token.js';
import { AuthError, CLOCK_TOLERANCE_S } from './bearer-token.js';
import type { Membership } from './membership.js';
import { membershipWithKeys } from './testing/membership-with-keys.js';
import { refusalReason } from './testing/refusal-reason.js';

let membership: Membership;
let agencyKey: CryptoKey;
let strangerKey: CryptoKey;
const ISSUER = 'https://issuer.it-polfr.corridor.invalid/';
const KID = 'it-polfr-idp-1';

beforeAll(async () => {
  const world = await membershipWithKeys({
    agencies: [{ id: 'it-polfr', name: 'Polizia di Frontiera', country: 'ITA', issuer: ISSUER }],
  });
  membership = world.membership;
  agencyKey = (await importJWK(world.keys['it-polfr']?.issuer.priv ?? {}, 'EdDSA')) as CryptoKey;
  // The kid tokens name by default below.
  expect(world.keys['it-polfr']?.issuer.pub.kid).toBe(KID);
  strangerKey = (await generateKeyPair('EdDSA', { extractable: true })).privateKey;
});

const claims = { agency: 'it-polfr', name: 'Giulia Russo', roles: ['border_officer'], country: 'ITA', networks: [] };

interface TokenOptions {
  key?: CryptoKey | Uint8Array;
  alg?: string;
  kid?: string;
  iss?: string;
  aud?: string;
  nbf?: number;
  exp?: string | number;
  claims?: object;
}

function token(over: TokenOptions = {}) {
  const jwt = new SignJWT({ ...claims, ...over.claims })
    .setProtectedHeader({ alg: over.alg ?? 'EdDSA', kid: over.kid ?? KID })
    .setIssuer(over.iss ?? ISSUER)
    .setSubject('giulia')
    .setAudience(over.aud ?? 'corridor')
    .setIssuedAt()
    .setExpirationTime(over.exp ?? '1h');
  if (over.nbf !== undefined) jwt.setNotBefore(over.nbf);
  return jwt.sign(over.key ?? agencyKey);
}

const reasonOf = (authorization: string | undefined) =>
  refusalReason(() => createTokenVerifier(() => membership).verify(authorization), AuthError);

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

describe('what a token says of its holder, bound to the membership', () => {
  // The agency's own provider is the hostile one here: it signs whatever it likes about its users.
  const inLiaison = () => ({
    ...membership,
    agencies: membership.agencies.map((a) => ({ ...a, networks: ['liaison-central-med'] })),
  });

  it('keeps only the networks the membership lists the agency in', async () => {
    const verified = await createTokenVerifier(inLiaison).verify(
      `Bearer ${await token({ claims: { networks: ['liaison-central-med', 'wacap'] } })}`,
    );
    expect(verified.networks).toEqual(['liaison-central-med']);
    const outside = await createTokenVerifier(() => membership).verify(`Bearer ${await token({ claims: { networks: ['wacap'] } })}`);
    expect(outside.networks).toEqual([]);
  });

  it('gives the agency’s networks to a token naming none, and refuses another country', async () => {
    const { networks: _none, ...withoutNetworks } = claims;
    const bare = await new SignJWT(withoutNetworks)
      .setProtectedHeader({ alg: 'EdDSA', kid: KID })
      .setIssuer(ISSUER)
      .setSubject('giulia')
      .setAudience('corridor')
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(agencyKey);
    expect((await createTokenVerifier(inLiaison).verify(`Bearer ${bare}`)).networks).toEqual(['liaison-central-med']);
    expect(await reasonOf(`Bearer ${await token({ claims: { country: 'NGA' } })}`)).toBe('invalid_claims');
  });
});

describe('access-token verification against an issuer’s JWKS address', () => {
  // A real HTTP server on this machine plays the agency's OpenID Connect provider.
  const ROTATING_ISSUER = 'https://issuer.ne-ppn.corridor.invalid/';
  let server: Server;
  let jwksUri: string;
  let published: JWK[] = [];
  let fetches = 0;
  let answering = true;
  let first: { kid: string; key: CryptoKey };
  let uriMembership: Membership;

  async function issuerKey(kid: string) {
    const pair = await generateKeyPair('EdDSA', { extractable: true });
    return { kid, key: pair.privateKey, publicJwk: { ...(await exportJWK(pair.publicKey)), kid, alg: 'EdDSA' } };
  }

  function nigerToken(signing: { kid: string; key: CryptoKey }, header: { kid?: string } = {}) {
    return new SignJWT({ agency: 'ne-ppn', name: 'Aïssata Moussa', roles: ['prosecutor'], country: 'NER', networks: [] })
      .setProtectedHeader({ alg: 'EdDSA', kid: header.kid ?? signing.kid })
      .setIssuer(ROTATING_ISSUER)
      .setSubject('aissata')
      .setAudience('corridor')
      .setExpirationTime('1h')
      .sign(signing.key);
  }

  beforeAll(async () => {
    const k1 = await issuerKey('ne-ppn-1');
    first = k1;
    published = [k1.publicJwk];
    server = createServer((_req, res) => {
      fetches++;
      if (!answering) return void res.writeHead(503).end();
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    jwksUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}/jwks.json`;
    const base = membership.agencies[0] as Membership['agencies'][number];
    uriMembership = {
      ...membership,
      agencies: [...membership.agencies, { ...base, id: 'ne-ppn', country: 'NER', tokenIssuer: { issuer: ROTATING_ISSUER, jwksUri } }],
    };
  });
  afterAll(() => {
    server.closeAllConnections();
    server.close();
  });

  it('fetches the keys once, caches them, and refetches once when a rotated key id appears', async () => {
    const verifier = createTokenVerifier(() => uriMembership, { refetchCooldownMs: 200 });
    fetches = 0;
    expect(await verifier.verify(`Bearer ${await nigerToken(first)}`)).toMatchObject({ agency: 'ne-ppn', sub: 'aissata' });
    expect(fetches).toBe(1);

    // The issuer rotates: a new key with a new key id, the old one still published.
    const second = await issuerKey('ne-ppn-2');
    published = [second.publicJwk, ...published];
    await new Promise((r) => setTimeout(r, 250));
    const rotated = await nigerToken(second);
    expect(await verifier.verify(`Bearer ${rotated}`)).toMatchObject({ agency: 'ne-ppn' });
    expect(fetches).toBe(2);
    // A second token with the new key: answered from the cache, no fetch.
    const again = await new SignJWT({ agency: 'ne-ppn', name: 'Other', roles: ['prosecutor'], country: 'NER', networks: [] })
      .setProtectedHeader({ alg: 'EdDSA', kid: 'ne-ppn-2' })
      .setIssuer(ROTATING_ISSUER)
      .setSubject('other')
      .setAudience('corridor')
      .setExpirationTime('1h')
      .sign(second.key);
    await verifier.verify(`Bearer ${again}`);
    expect(fetches).toBe(2);
  });

  it('refuses a key id the issuer does not publish after one refetch, and does not refetch within the cooldown', async () => {
    const verifier = createTokenVerifier(() => uriMembership, { refetchCooldownMs: 60_000 });
    fetches = 0;
    await verifier.verify(`Bearer ${await nigerToken(first)}`);
    const stranger = { kid: 'ne-ppn-forged', key: strangerKey };
    await expect(verifier.verify(`Bearer ${await nigerToken(stranger)}`)).rejects.toMatchObject({
      reason: 'unknown_key',
      message: expect.stringContaining('kid ne-ppn-forged'),
    });
    // Fetched at the first token, within the cooldown since: the unknown kid costs no fetch.
    expect(fetches).toBe(1);

    const eager = createTokenVerifier(() => uriMembership, { refetchCooldownMs: 0 });
    fetches = 0;
    await eager.verify(`Bearer ${await nigerToken(first)}`);
    await expect(eager.verify(`Bearer ${await nigerToken(stranger)}`)).rejects.toMatchObject({ reason: 'unknown_key' });
    // Once for the keys, once more for the unknown kid: exactly one refetch, then refused.
    expect(fetches).toBe(2);
  });

  it('refuses a published key id signed by another key as bad_signature', async () => {
    const verifier = createTokenVerifier(() => uriMembership);
    await expect(verifier.verify(`Bearer ${await nigerToken({ kid: 'ne-ppn-1', key: strangerKey })}`)).rejects.toMatchObject({
      reason: 'bad_signature',
    });
  });

  it('says keys_unavailable when the address does not answer, and recovers when it does', async () => {
    const verifier = createTokenVerifier(() => uriMembership);
    answering = false;
    try {
      await expect(verifier.verify(`Bearer ${await nigerToken(first)}`)).rejects.toMatchObject({
        reason: 'keys_unavailable',
        message: expect.stringContaining(jwksUri),
      });
    } finally {
      answering = true;
    }
    expect(await verifier.verify(`Bearer ${await nigerToken(first)}`)).toMatchObject({ agency: 'ne-ppn' });
  });

  it('follows the membership: an agency whose issuer is removed is refused as unknown_issuer', async () => {
    let current = uriMembership;
    const verifier = createTokenVerifier(() => current);
    const token = `Bearer ${await nigerToken(first)}`;
    await verifier.verify(token);
    current = { ...uriMembership, version: uriMembership.version + 1, agencies: uriMembership.agencies.filter((a) => a.id !== 'ne-ppn') };
    await expect(verifier.verify(token)).rejects.toMatchObject({ reason: 'unknown_issuer' });
  });
});

describe('access-token algorithm allow-list and clock skew', () => {
  it('refuses an HMAC-signed token (the algorithm) whatever its claims', async () => {
    const hs = await token({ alg: 'HS256', key: new TextEncoder().encode('a shared secret anyone could guess, 32+ bytes long') });
    expect(await reasonOf(`Bearer ${hs}`)).toBe('algorithm_not_allowed');
  });

  it('accepts nbf and exp within the clock skew, refuses them beyond it', async () => {
    const now = Math.floor(Date.now() / 1000);
    const withTimes = (nbf: number, exp: number) => token({ nbf, exp });
    expect(await reasonOf(`Bearer ${await withTimes(now + CLOCK_TOLERANCE_S - 5, now + 3600)}`)).toBe('accepted');
    expect(await reasonOf(`Bearer ${await withTimes(now + CLOCK_TOLERANCE_S + 60, now + 3600)}`)).toBe('not_yet_valid');
    expect(await reasonOf(`Bearer ${await withTimes(now - 3600, now - CLOCK_TOLERANCE_S + 5)}`)).toBe('accepted');
    expect(await reasonOf(`Bearer ${await withTimes(now - 3600, now - CLOCK_TOLERANCE_S - 5)}`)).toBe('expired');
  });

  it('refuses a token of an issuer-listed agency with another key id as unknown_key (inline keys)', async () => {
    const other = await token({ kid: 'not-published' });
    expect(await reasonOf(`Bearer ${other}`)).toBe('unknown_key');
  });
});
