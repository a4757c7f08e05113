// Access tokens as standard OpenID Connect providers issue them: minted by a real provider (the
// `oidc-provider` package, in this process on a loopback port, found by discovery from its issuer
// alone) and by jose for each algorithm, with the refusals an attacker would try.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTokenVerifier, DEFAULT_MAX_TOKEN_LIFETIME_S } from './access-token.js';
import { AuthError } from './bearer-token.js';
import type { MemberAgency, Membership } from './membership.js';
import { membership as membershipSchema } from './membership.js';

const AUDIENCE = 'https://corridor.example.org/api';
const ALERT_KEY = { kty: 'OKP', crv: 'Ed25519', x: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', kid: 'alerts-1' } as const;
const ALGORITHMS = [
  { alg: 'RS256', gen: 'RS256' },
  { alg: 'PS256', gen: 'PS256' },
  { alg: 'ES256', gen: 'ES256' },
  { alg: 'EdDSA', gen: 'Ed25519' },
] as const;

function agency(id: string, country: string, tokenIssuer: MemberAgency['tokenIssuer']): MemberAgency {
  return {
    id,
    name: id,
    country: country as MemberAgency['country'],
    networks: [],
    nodeUrl: 'http://127.0.0.1:1/graphql',
    tokenIssuer,
    alertSigningKeys: { keys: [ALERT_KEY] },
  };
}

function networkOf(agencies: MemberAgency[]): Membership {
  // Through the schema: what a verifier is given has passed the membership's own checks.
  return membershipSchema.parse({ network: { id: 'test-net', name: 'Test' }, audience: AUDIENCE, version: 1, agencies });
}

async function reason(verify: Promise<unknown>): Promise<string> {
  try {
    await verify;
    return 'accepted';
  } catch (e) {
    if (e instanceof AuthError) return `${e.reason}: ${e.message}`;
    throw e;
  }
}

describe('access tokens of each algorithm, each pinned to its key type', () => {
  const ISSUER = 'https://idp.de-bpol.example.org/realms/bpol';
  const keys: Record<string, { privateKey: CryptoKey; publicJwk: JWK }> = {};
  let membership: Membership;

  beforeAll(async () => {
    for (const { alg, gen } of ALGORITHMS) {
      const pair = await generateKeyPair(gen, { extractable: true });
      keys[alg] = { privateKey: pair.privateKey, publicJwk: { ...(await exportJWK(pair.publicKey)), kid: `bpol-${alg}`, alg, use: 'sig' } };
    }
    membership = networkOf([
      agency('de-bpol', 'DEU', {
        issuer: ISSUER,
        jwks: { keys: Object.values(keys).map((k) => k.publicJwk) as never },
        claims: { roles: 'realm_access.roles', roleMap: { grenzpolizist: 'border_officer', analyst: 'analyst' }, name: 'name' },
      }),
    ]);
  });

  const mint = (
    alg: string,
    over: {
      kid?: string;
      key?: CryptoKey;
      typ?: string;
      aud?: string;
      roles?: unknown;
      agency?: string;
      iat?: number;
      exp?: number | string;
    } = {},
  ) => {
    const payload: Record<string, unknown> = {
      realm_access: { roles: over.roles ?? ['grenzpolizist', 'offline_access'] },
      name: 'Jonas Weber',
      scope: 'openid corridor',
    };
    if (over.agency) payload.agency = over.agency;
    const jwt = new SignJWT(payload)
      .setProtectedHeader({ alg, kid: over.kid ?? `bpol-${alg}`, typ: over.typ ?? 'at+jwt' })
      .setIssuer(ISSUER)
      .setSubject('f3a9c2e1-0b7d-4d55-9a51-2c1e0f6b7a10')
      .setAudience(over.aud ?? AUDIENCE)
      .setIssuedAt(over.iat)
      .setExpirationTime(over.exp ?? '10m');
    return jwt.sign(over.key ?? (keys[alg] as { privateKey: CryptoKey }).privateKey);
  };

  /** A token `mint` would never write: no type, no issued-at, signed with `key` whatever it is. */
  const handMade = (
    roles: string[],
    t: { alg: string; kid: string; subject: string; expiresIn: string },
    key: CryptoKey | Uint8Array,
  ): Promise<string> =>
    new SignJWT({ realm_access: { roles } })
      .setProtectedHeader({ alg: t.alg, kid: t.kid })
      .setIssuer(ISSUER)
      .setSubject(t.subject)
      .setAudience(AUDIENCE)
      .setExpirationTime(t.expiresIn)
      .sign(key);

  it.each(ALGORITHMS.map((a) => a.alg))('accepts an at+jwt signed with %s and maps its provider roles', async (alg) => {
    const claims = await createTokenVerifier(() => membership).verify(`Bearer ${await mint(alg)}`);
    // Agency and country from the membership, roles through the map (offline_access grants nothing).
    expect(claims).toMatchObject({ agency: 'de-bpol', country: 'DEU', roles: ['border_officer'], name: 'Jonas Weber' });
  });

  it('refuses a token whose algorithm does not fit the key it names', async () => {
    const verifier = createTokenVerifier(() => membership);
    // PS256 naming the key published for RS256: that key is pinned to RS256, whatever the signature.
    expect(await reason(verifier.verify(`Bearer ${await mint('PS256', { kid: 'bpol-RS256' })}`))).toMatch(/^unknown_key/);
    // ES256 naming the Ed25519 key, signed by the P-256 key.
    expect(await reason(verifier.verify(`Bearer ${await mint('ES256', { kid: 'bpol-EdDSA' })}`))).toMatch(/^unknown_key/);
    // The classic confusion: HS256 keyed with the RSA public key's bytes.
    const hs = await handMade(
      ['grenzpolizist'],
      { alg: 'HS256', kid: 'bpol-RS256', subject: 'x', expiresIn: '10m' },
      new TextEncoder().encode(JSON.stringify(keys.RS256?.publicJwk)),
    );
    expect(await reason(verifier.verify(`Bearer ${hs}`))).toMatch(/^algorithm_not_allowed/);
  });

  it('refuses another audience, another token type, unmapped roles and another agency', async () => {
    const verifier = createTokenVerifier(() => membership);
    expect(await reason(verifier.verify(`Bearer ${await mint('ES256', { aud: 'https://other.example.org/api' })}`))).toMatch(
      /^wrong_audience/,
    );
    expect(await reason(verifier.verify(`Bearer ${await mint('ES256', { typ: 'logout+jwt' })}`))).toMatch(/^wrong_type/);
    expect(await reason(verifier.verify(`Bearer ${await mint('ES256', { typ: 'JWT' })}`))).toBe('accepted');
    expect(await reason(verifier.verify(`Bearer ${await mint('ES256', { roles: ['offline_access', 'uma_authorization'] })}`))).toMatch(
      /^invalid_claims: none of the token's roles \(claim realm_access\.roles\) maps to a Corridor role/,
    );
    // Corridor's own role name is not a provider role unless the map says so.
    expect(await reason(verifier.verify(`Bearer ${await mint('ES256', { roles: ['administrator'] })}`))).toMatch(/^invalid_claims/);
    expect(await reason(verifier.verify(`Bearer ${await mint('ES256', { agency: 'it-polfr' })}`))).toMatch(
      /^invalid_claims: issuer of agency de-bpol cannot speak for agency it-polfr/,
    );
  });

  it('refuses a token living longer than the network accepts, and one sent without the Bearer scheme', async () => {
    const verifier = createTokenVerifier(() => membership);
    const now = Math.floor(Date.now() / 1000);
    expect(await reason(verifier.verify(`Bearer ${await mint('EdDSA', { iat: now, exp: now + DEFAULT_MAX_TOKEN_LIFETIME_S })}`))).toBe(
      'accepted',
    );
    expect(
      await reason(verifier.verify(`Bearer ${await mint('EdDSA', { iat: now, exp: now + DEFAULT_MAX_TOKEN_LIFETIME_S + 1 })}`)),
    ).toMatch(/^lifetime_too_long/);
    // An iat placed just before a far exp does not make the token short-lived.
    expect(await reason(verifier.verify(`Bearer ${await mint('EdDSA', { iat: now + 7 * 86400 - 60, exp: now + 7 * 86400 })}`))).toMatch(
      /^lifetime_too_long/,
    );
    // Without iat the lifetime counts from now: a token valid for a week is refused all the same.
    const noIat = await handMade(
      ['analyst'],
      { alg: 'EdDSA', kid: 'bpol-EdDSA', subject: 's', expiresIn: '7d' },
      keys.EdDSA?.privateKey as CryptoKey,
    );
    expect(await reason(verifier.verify(`Bearer ${noIat}`))).toMatch(/^lifetime_too_long/);
    expect(await reason(createTokenVerifier(() => membership, { maxLifetimeS: 300 }).verify(`Bearer ${await mint('EdDSA')}`))).toMatch(
      /^lifetime_too_long: the access token lives 600 s, longer than the 300 s/,
    );

    const token = await mint('EdDSA');
    expect(await reason(verifier.verify(token))).toMatch(/^malformed: send the access token as Authorization: Bearer/);
    expect(await reason(verifier.verify(`Token ${token}`))).toMatch(/^malformed/);
    expect(await reason(verifier.verify(`bearer ${token}`))).toBe('accepted');
  });
});

describe('tokens of a real OpenID Connect provider, its keys found by discovery from the issuer alone', () => {
  let server: Server;
  let issuer: string;
  let provider: Provider;
  let membership: Membership;
  let signWith: 'RS256' | 'PS256' | 'ES256' | 'EdDSA' = 'RS256';
  let roles: string[] = ['corridor-border'];
  let discoveryFetches = 0;

  beforeAll(async () => {
    const privateJwks: JWK[] = [];
    for (const { alg, gen } of ALGORITHMS) {
      const pair = await generateKeyPair(gen, { extractable: true });
      privateJwks.push({ ...(await exportJWK(pair.privateKey)), kid: `mt-${alg}`, alg, use: 'sig' });
    }
    server = createServer();
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    provider = new Provider(issuer, {
      clients: [
        {
          client_id: 'corridor-bench',
          client_secret: 'a client secret of the test only',
          grant_types: ['client_credentials'],
          redirect_uris: [],
          response_types: [],
        },
      ],
      jwks: { keys: privateJwks },
      features: {
        devInteractions: { enabled: false },
        clientCredentials: { enabled: true },
        resourceIndicators: {
          enabled: true,
          defaultResource: () => AUDIENCE,
          getResourceServerInfo: () => ({
            scope: 'corridor',
            audience: AUDIENCE,
            accessTokenFormat: 'jwt',
            accessTokenTTL: 600,
            jwt: { sign: { alg: signWith } },
          }),
        },
      },
      // The provider's own claim for roles, in its own words; the membership maps them.
      extraTokenClaims: () => ({ groups: roles }),
    });
    const callback = provider.callback();
    server.on('request', (req, res) => {
      if (req.url?.startsWith('/.well-known/openid-configuration')) discoveryFetches++;
      callback(req, res);
    });
    membership = networkOf([
      agency('mt-afm', 'MLT', {
        issuer,
        claims: { roles: 'groups', roleMap: { 'corridor-border': 'border_officer', 'corridor-sup': 'investigator' }, name: 'name' },
      }),
    ]);
  });
  afterAll(() => {
    server?.closeAllConnections();
    server?.close();
  });

  async function providerToken(): Promise<string> {
    const res = await fetch(`${issuer}/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('corridor-bench:a client secret of the test only').toString('base64')}`,
      },
      body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'corridor', resource: AUDIENCE }),
    });
    const body = (await res.json()) as { access_token?: string; error_description?: string };
    if (!body.access_token) throw new Error(`the provider issued no token: ${body.error_description}`);
    return body.access_token;
  }

  it.each(ALGORITHMS.map((a) => a.alg))('accepts its %s at+jwt with standard claims, roles mapped from its own claim', async (alg) => {
    signWith = alg;
    roles = ['corridor-border', 'corridor-sup', 'printer-admin'];
    const token = await providerToken();
    const claims = await createTokenVerifier(() => membership).verify(`Bearer ${token}`);
    expect(claims).toMatchObject({ agency: 'mt-afm', country: 'MLT', roles: ['border_officer', 'investigator'], sub: 'corridor-bench' });
    expect(claims.aud).toBe(AUDIENCE);
  });

  it('reads the discovery document once per verifier, and refuses a token whose roles all go unmapped', async () => {
    signWith = 'ES256';
    const verifier = createTokenVerifier(() => membership);
    discoveryFetches = 0;
    roles = ['corridor-border'];
    await verifier.verify(`Bearer ${await providerToken()}`);
    await verifier.verify(`Bearer ${await providerToken()}`);
    expect(discoveryFetches).toBe(1);
    roles = ['printer-admin'];
    expect(await reason(verifier.verify(`Bearer ${await providerToken()}`))).toMatch(
      /^invalid_claims: none of the token's roles \(claim groups\)/,
    );
  });

  it('refuses keys when the discovery document names another issuer (a provider pointing at keys not its own)', async () => {
    // The membership lists a second agency at the same host under another path: the provider's
    // document names the first issuer, so discovery for the second must fail, not borrow its keys.
    const impostor = networkOf([agency('mt-other', 'MLT', { issuer: `${issuer}/` })]);
    const token = await providerToken();
    const forged = `${token.split('.')[0]}.${Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString()), iss: `${issuer}/` })).toString('base64url')}.${token.split('.')[2]}`;
    expect(await reason(createTokenVerifier(() => impostor).verify(`Bearer ${forged}`))).toMatch(
      /^keys_unavailable: .*names another issuer/,
    );
  });
});

describe('discovery that fails is not asked again within the cooldown, nor followed off the machine', () => {
  let server: Server;
  let issuer: string;
  let fetches = 0;
  let answer: () => { status: number; body: unknown } = () => ({ status: 503, body: {} });

  beforeAll(async () => {
    server = createServer((_req, res) => {
      fetches++;
      const { status, body } = answer();
      res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}/realms/ng`;
  });
  afterAll(() => {
    server?.closeAllConnections();
    server?.close();
  });

  const tokenOf = async () => {
    const { privateKey } = await generateKeyPair('ES256');
    return new SignJWT({ roles: ['border_officer'] })
      .setProtectedHeader({ alg: 'ES256', kid: 'k' })
      .setIssuer(issuer)
      .setSubject('s')
      .setAudience(AUDIENCE)
      .setExpirationTime('5m')
      .sign(privateKey);
  };

  it('answers keys_unavailable, fetching once per cooldown however many tokens arrive', async () => {
    const membership = networkOf([agency('ng-nis', 'NGA', { issuer })]);
    const verifier = createTokenVerifier(() => membership, { refetchCooldownMs: 60_000 });
    fetches = 0;
    for (let i = 0; i < 5; i++)
      expect(await reason(verifier.verify(`Bearer ${await tokenOf()}`))).toMatch(/^keys_unavailable: .*answered 503/);
    expect(fetches).toBe(1);
  });

  it('refuses a document pointing at keys over plain http off this machine', async () => {
    answer = () => ({ status: 200, body: { issuer, jwks_uri: 'http://keys.example.org/jwks.json' } });
    const membership = networkOf([agency('ng-nis', 'NGA', { issuer })]);
    expect(await reason(createTokenVerifier(() => membership).verify(`Bearer ${await tokenOf()}`))).toMatch(
      /^keys_unavailable: .*jwks_uri: must be an https URL/,
    );
  });
});
