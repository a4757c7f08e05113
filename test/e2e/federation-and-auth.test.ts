// The gateway federates the directory across every node, degrades when one is down and names it,
// and nothing answers a request without a token signed by a member agency's key.
import { generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gql } from '../support/graphql.js';
import { startTestNetwork, type TestNetwork } from '../support/test-network.js';

let net: TestNetwork;
let token: string;

beforeAll(async () => {
  net = await startTestNetwork();
  token = await net.token('ne-ppn-officer');
});

afterAll(async () => {
  await net?.stop();
});

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
    return new SignJWT({ agency: 'it-polfr', name: 'Mallory', roles: ['border_officer'], country: 'ITA', networks: [] })
      .setProtectedHeader({ alg: 'EdDSA', kid: net.issuer.keyId('it-polfr') })
      .setIssuer(issuer)
      .setSubject('mallory')
      .setAudience(net.membership.audience)
      .setIssuedAt()
      .setExpirationTime('1h')
      .sign(privateKey);
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
});
