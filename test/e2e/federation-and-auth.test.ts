// The gateway federates the directory across every node, degrades when one is down and names it,
// and nothing answers a request without a token signed by a member agency's key.
import { newKeyPair } from '@corridor/deploy';
import { generateKeyPair, type JWTHeaderParameters, type JWTPayload, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, gql } from '../support/graphql.js';
import { changingAgency, startTestNetwork, type TestNetwork } from '../support/test-network.js';

let net: TestNetwork;
let token: string;

beforeAll(async () => {
  net = await startTestNetwork();
  token = await net.token('ne-ppn-officer');
});

afterAll(async () => {
  await net?.stop();
});

/** A token as its issuer signs one: for `subject`, at this network's audience, issued now. */
function signToken(
  key: CryptoKey,
  t: { header: JWTHeaderParameters; issuer: string; subject: string; expiresIn: string; claims: JWTPayload },
): Promise<string> {
  return new SignJWT(t.claims)
    .setProtectedHeader(t.header)
    .setIssuer(t.issuer)
    .setSubject(t.subject)
    .setAudience(net.membership.audience)
    .setIssuedAt()
    .setExpirationTime(t.expiresIn)
    .sign(key);
}

const DIRECTORY = `query Directory($filter: DirectoryFilterInput) {
  directory(filter: $filter) { entries { id agency name country roles languages } sources { agency ok latencyMs error } }
}`;
type DirectoryAnswer = {
  directory: {
    entries: { id: string; agency: string; name: string; roles: string[] }[];
    sources: { agency: string; ok: boolean; error: string | null }[];
  };
};

describe('federated directory', () => {
  it('merges the entries of all three agencies', async () => {
    const r = await gql<DirectoryAnswer>(net.gatewayUrl, token, DIRECTORY);
    expect(r.errors).toBeUndefined();
    const entries = r.data?.directory.entries ?? [];
    expect(new Set(entries.map((e) => e.agency))).toEqual(new Set(['it-polfr', 'ne-ppn', 'ng-nis']));
    expect(entries).toHaveLength(4);
    expect(r.data?.directory.sources.map((s) => [s.agency, s.ok]).sort()).toEqual([
      ['it-polfr', true],
      ['ne-ppn', true],
      ['ng-nis', true],
    ]);
  });

  it('refuses a query that asks too much, at the gateway and at a node, with QUERY_TOO_COMPLEX', async () => {
    const fanned = `{ ${Array.from({ length: 20 }, (_, i) => `d${i}: directory { entries { id } }`).join(' ')} }`;
    for (const url of [net.gatewayUrl, net.nodes['ne-ppn']?.url as string]) {
      const r = await gql(url, token, fanned);
      expect(r.status).toBe(400);
      expect(r.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
      expect(r.data ?? null).toBeNull();
    }
  });

  it('filters by role and language across nodes', async () => {
    const r = await gql<DirectoryAnswer>(net.gatewayUrl, token, DIRECTORY, { filter: { role: 'prosecutor', language: 'fr' } });
    expect(r.data?.directory.entries.map((e) => e.name)).toEqual(['Aïssata Moussa']);
    const liaison = await gql<DirectoryAnswer>(net.gatewayUrl, token, DIRECTORY, { filter: { country: 'NER' } });
    // The Italian liaison officer posted in Niger covers NER, so a search for Niger finds him too.
    expect(liaison.data?.directory.entries.map((e) => e.name).sort()).toEqual(['Aïssata Moussa', 'Marco Bellini']);
  });

  it('returns the other agencies and an error naming the one whose node is down', async () => {
    await net.nodes['ng-nis']?.stop();
    try {
      const r = await gql<DirectoryAnswer>(net.gatewayUrl, token, DIRECTORY);
      expect(r.status).toBe(200);
      expect(new Set(r.data?.directory.entries.map((e) => e.agency))).toEqual(new Set(['it-polfr', 'ne-ppn']));
      expect(r.errors).toHaveLength(1);
      expect(r.errors?.[0]?.extensions).toMatchObject({ code: 'NODE_UNAVAILABLE', agency: 'ng-nis' });
      expect(r.errors?.[0]?.message).toContain('ng-nis');
      expect(r.data?.directory.sources.find((s) => s.agency === 'ng-nis')).toMatchObject({ ok: false });
    } finally {
      await net.nodes['ng-nis']?.start();
    }
    const back = await gql<DirectoryAnswer>(net.gatewayUrl, token, DIRECTORY);
    expect(back.errors).toBeUndefined();
    expect(back.data?.directory.entries).toHaveLength(4);
  });
});

describe('authentication', () => {
  async function forgedToken(): Promise<string> {
    // Claims exactly like a real Italian officer's, signed by a key no member publishes.
    const { privateKey } = await generateKeyPair('EdDSA');
    const issuer = net.membership.agencies.find((a) => a.id === 'it-polfr')?.tokenIssuer.issuer as string;
    return signToken(privateKey, {
      header: { alg: 'EdDSA', kid: net.issuer.keyId('it-polfr') },
      issuer,
      subject: 'mallory',
      expiresIn: '1h',
      claims: { agency: 'it-polfr', name: 'Mallory', roles: ['border_officer'], country: 'ITA', networks: [] },
    });
  }

  it('answers 401 to a token signed by an unknown key, at the gateway and at every node', async () => {
    const forged = await forgedToken();
    const atGateway = await gql(net.gatewayUrl, forged, DIRECTORY);
    expect(atGateway.status).toBe(401);
    expect(atGateway.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'bad_signature' });
    expect(atGateway.data ?? null).toBeNull();
    for (const node of Object.values(net.nodes)) {
      const atNode = await gql(node.url, forged, '{ directory { entries { id } } }');
      expect(atNode.status).toBe(401);
    }
  });

  it('answers 401 without a token, whatever identity headers are sent', async () => {
    const res = await fetch(net.nodes['it-polfr']?.url as string, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-corridor-agency': 'it-polfr', 'x-user': 'officer' },
      body: JSON.stringify({ query: '{ directory { entries { id } } }' }),
    });
    expect(res.status).toBe(401);
    const atGateway = await gql(net.gatewayUrl, null, DIRECTORY);
    expect(atGateway.status).toBe(401);
    expect(atGateway.errors?.[0]?.extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'missing' });
  });

  it('answers 401 to an expired token, saying it expired', async () => {
    const expired = await net.token('ne-ppn-officer', { expiresIn: '-5m' });
    expect((await gql(net.gatewayUrl, expired, DIRECTORY)).errors?.[0]?.extensions).toMatchObject({ reason: 'expired' });
  });

  /** What any client sees: status, the RFC 6750 challenge, and the body as text. */
  async function raw(url: string, authorization: string | null, query: string) {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization === null ? {} : { authorization }) },
      body: JSON.stringify({ query }),
    });
    return { status: res.status, challenge: res.headers.get('www-authenticate'), body: await res.text() };
  }

  const everyServer = () => [net.gatewayUrl, ...Object.values(net.nodes).map((n) => n.url)];

  it('refuses a valid token sent without the Bearer scheme, at the gateway and at every node', async () => {
    // Each server is shown the token it would accept with the scheme: the officer's own at the
    // gateway and at Niger's node, one delegated to it at every other node.
    const servers = [
      { url: net.gatewayUrl, token },
      ...(await Promise.all(
        Object.entries(net.nodes).map(async ([agency, n]) => ({
          url: n.url,
          token: agency === 'ne-ppn' ? token : await net.delegatedToken('ne-ppn-officer', agency),
        })),
      )),
    ];
    for (const { url, token } of servers) {
      const bare = await raw(url, token, '{ directory { entries { id } } }');
      expect(bare.status).toBe(401);
      expect(JSON.parse(bare.body).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason: 'malformed' });
      // The same token with the scheme is accepted: it is the form that was refused.
      expect((await raw(url, `Bearer ${token}`, '{ directory { entries { id } } }')).status).toBe(200);
    }
  });

  it('refuses a token living longer than 12 hours, though signed by the member’s own issuer', async () => {
    const longLived = await net.token('ne-ppn-officer', { expiresIn: '13h' });
    for (const url of everyServer()) {
      const r = await gql(url, longLived, '{ directory { entries { id } } }');
      expect(r.status).toBe(401);
      expect(r.errors?.[0]?.extensions).toMatchObject({ reason: 'lifetime_too_long' });
    }
  });

  it('sends the RFC 6750 challenge with every 401: no error without a token, invalid_token with a bad one', async () => {
    const forged = await forgedToken();
    for (const url of everyServer()) {
      expect((await raw(url, null, '{ directory { entries { id } } }')).challenge).toBe('Bearer realm="corridor"');
      const bad = await raw(url, `Bearer ${forged}`, '{ directory { entries { id } } }');
      expect(bad.status).toBe(401);
      expect(bad.challenge).toMatch(
        /^Bearer realm="corridor", error="invalid_token", error_description="the access token signature does not verify"$/,
      );
      const unknownIssuer = await raw(
        url,
        'Bearer eyJhbGciOiJFZERTQSJ9.eyJpc3MiOiJcIiwgZXJyb3I9XCJub3BlIn0.c2ln',
        '{ directory { entries { id } } }',
      );
      // The attacker-chosen issuer is in the description, but cannot close its quotes or add parameters.
      expect(unknownIssuer.challenge).toMatch(/^Bearer realm="corridor", error="invalid_token", error_description="[^"\\]*"$/);
    }
  });

  it('gives a caller without a valid token no field suggestions ("Did you mean …")', async () => {
    const typo = '{ directroy { entries { id } } }';
    for (const url of everyServer()) {
      for (const authorization of [null, `Bearer ${await forgedToken()}`]) {
        const r = await raw(url, authorization, typo);
        expect(r.status).toBe(401);
        expect(r.body).not.toMatch(/did you mean|directory/i);
      }
    }
    // A signed-in officer still gets the help.
    const signedIn = await raw(net.gatewayUrl, `Bearer ${token}`, typo);
    expect(JSON.parse(signedIn.body).errors[0].message).toMatch(/Did you mean "directory"/);
  });
});

describe('a member’s own provider, as a hostile member would use it', () => {
  // Nigeria's provider: its own RS256 key, standard claims, roles in its own words, mapped by the
  // membership. Then Nigeria tries to speak for Italy with it.
  let nigeriaKey: CryptoKey;
  let issuer: string;
  const ROLE_CLAIM = 'https://nis.gov.example.ng/claims/roles';

  beforeAll(async () => {
    const pair = await newKeyPair('nis-rs-1', 'RS256');
    nigeriaKey = pair.privateKey;
    issuer = net.membership.agencies.find((a) => a.id === 'ng-nis')?.tokenIssuer.issuer as string;
    await net.updateMembership(
      changingAgency('ng-nis', (a) => ({
        ...a,
        tokenIssuer: {
          issuer,
          jwks: { keys: [pair.publicJwk as never] },
          claims: { roles: ROLE_CLAIM, roleMap: { 'nis-border': 'border_officer' }, name: 'name' },
        },
      })),
    );
    // Every server has read the new membership once a standard token verifies at each: taken at
    // the gateway and Nigeria's node, refused only as not delegated at the other nodes.
    const probe = await nigeriaToken({});
    for (const [agency, n] of [['ng-nis', { url: net.gatewayUrl }], ...Object.entries(net.nodes)] as const)
      await eventually(async () => {
        const r = await gql(n.url, probe, '{ directory { entries { id } } }');
        return agency === 'ng-nis' ? r.status === 200 : r.errors?.[0]?.extensions?.reason === 'wrong_audience';
      });
  });

  function nigeriaToken(claims: Record<string, unknown>, roles: string[] = ['nis-border']) {
    return signToken(nigeriaKey, {
      header: { alg: 'RS256', kid: 'nis-rs-1', typ: 'at+jwt' },
      issuer,
      subject: '8c1f0d2e',
      expiresIn: '10m',
      claims: { [ROLE_CLAIM]: roles, name: 'Chinedu Okafor', ...claims },
    });
  }

  it('accepts its standard RS256 at+jwt, roles mapped, agency and country from the membership', async () => {
    const r = await gql<{ me: { agency: string; name: string; roles: string[] } }>(
      net.gatewayUrl,
      await nigeriaToken({}),
      '{ me { agency name roles } }',
    );
    expect(r.errors).toBeUndefined();
    expect(r.data?.me).toMatchObject({ agency: 'ng-nis', name: 'Chinedu Okafor', roles: ['border_officer'] });
  });

  it('cannot speak for another agency or country, nor grant a role its mapping does not', async () => {
    const attempts = [
      await nigeriaToken({ agency: 'it-polfr' }),
      await nigeriaToken({ country: 'ITA' }),
      await nigeriaToken({}, ['administrator', 'nis-admin']),
    ];
    for (const url of [net.gatewayUrl, ...Object.values(net.nodes).map((n) => n.url)]) {
      for (const forged of attempts) {
        const r = await gql(url, forged, '{ directory { entries { id } } }');
        expect(r.status).toBe(401);
        expect(r.errors?.[0]?.extensions).toMatchObject({ reason: 'invalid_claims' });
      }
    }
  });
});

describe('the public list of agencies to sign in at', () => {
  it('answers without a token, with each issuer and public client id, and nothing else', async () => {
    const res = await fetch(new URL('/agencies', net.gatewayUrl));
    expect(res.status).toBe(200);
    const body = (await res.json()) as { audience: string; agencies: Record<string, unknown>[] };
    expect(body.audience).toBe(net.membership.audience);
    const italy = body.agencies.find((a) => a.id === 'it-polfr');
    expect(italy).toEqual({
      id: 'it-polfr',
      name: expect.any(String),
      country: 'ITA',
      issuer: net.membership.agencies.find((a) => a.id === 'it-polfr')?.tokenIssuer.issuer,
      clientId: 'corridor-console',
    });
  });
});
