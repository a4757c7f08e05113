import { exportJWK, generateKeyPair, type JWK, SignJWT } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { AuthError } from './bearer-token.js';
import type { AccessClaims } from './claims.js';
import {
  createDelegationSigner,
  createDelegationVerifier,
  DELEGATION_MAX_LIFETIME_S,
  DELEGATION_TOKEN_TYPE,
  isDelegationToken,
  nodeUrn,
  tokenExchangeUrl,
} from './delegation-token.js';
import type { MemberAgency, Membership } from './membership.js';

// Italy (A), Niger (B), Nigeria (C): each node has its own delegation key in the membership.
const AGENCIES = ['it-polfr', 'ne-ppn', 'ng-nis'] as const;
const keys: Record<string, { privateJwk: JWK; privateKey: CryptoKey }> = {};
let membership: Membership;

beforeAll(async () => {
  const agencies: MemberAgency[] = [];
  for (const id of AGENCIES) {
    const pair = await generateKeyPair('EdDSA', { extractable: true });
    const kid = `${id}-delegation-1`;
    keys[id] = { privateJwk: { ...(await exportJWK(pair.privateKey)), kid, alg: 'EdDSA' }, privateKey: pair.privateKey };
    const pub = { ...(await exportJWK(pair.publicKey)), kid, alg: 'EdDSA' };
    agencies.push({
      id,
      name: id,
      country: 'ITA',
      networks: id === 'it-polfr' ? ['liaison-central-med'] : [],
      nodeUrl: `http://127.0.0.1:1/${id}/graphql`,
      tokenIssuer: { issuer: `https://issuer.${id}.invalid/`, jwks: { keys: [pub as never] } },
      alertSigningKeys: { keys: [pub as never] },
      delegationKeys: { keys: [pub as never] },
    });
  }
  membership = { network: { id: 'test-net', name: 'Test' }, audience: 'corridor', version: 1, agencies };
});

const now = () => Math.floor(Date.now() / 1000);

function user(over: Partial<AccessClaims> = {}): AccessClaims {
  return {
    iss: 'https://issuer.it-polfr.invalid/',
    sub: 'giulia',
    aud: 'corridor',
    exp: now() + 3600,
    agency: 'it-polfr',
    name: 'Giulia Russo',
    roles: ['border_officer'],
    country: 'ITA',
    networks: ['liaison-central-med'],
    ...over,
  };
}

const signer = (agency: string) => createDelegationSigner(agency, keys[agency]?.privateJwk as JWK);
const verifierAt = (agency: string) => createDelegationVerifier(() => membership, agency);

async function reasonAt(agency: string, token: string): Promise<string> {
  try {
    await verifierAt(agency).verify(`Bearer ${token}`);
    return 'accepted';
  } catch (e) {
    if (e instanceof AuthError) return `${e.reason}: ${e.message}`;
    throw e;
  }
}

/** A token signed by hand with `agency`'s delegation key, to try what an honest node never mints. */
function forged(agency: string, over: { claims?: object; iat?: number; exp?: number; aud?: string; typ?: string; iss?: string }) {
  const iat = over.iat ?? now();
  return new SignJWT({ agency, name: 'X', roles: ['border_officer'], country: 'ITA', networks: [], ...over.claims })
    .setProtectedHeader({ alg: 'EdDSA', kid: `${agency}-delegation-1`, typ: over.typ ?? DELEGATION_TOKEN_TYPE })
    .setIssuer(over.iss ?? nodeUrn(agency))
    .setSubject('someone')
    .setAudience(over.aud ?? nodeUrn('ng-nis'))
    .setIssuedAt(iat)
    .setExpirationTime(over.exp ?? iat + 60)
    .sign(keys[agency]?.privateKey as CryptoKey);
}

describe('delegated tokens', () => {
  it('carry who the user is to the one node they are addressed to', async () => {
    const { token, expiresIn } = await (await signer('it-polfr')).mint(user(), 'ng-nis');
    expect(expiresIn).toBe(DELEGATION_MAX_LIFETIME_S);
    expect(isDelegationToken(token)).toBe(true);
    const claims = await verifierAt('ng-nis').verify(`Bearer ${token}`);
    expect(claims).toMatchObject({
      sub: 'giulia',
      agency: 'it-polfr',
      name: 'Giulia Russo',
      roles: ['border_officer'],
      country: 'ITA',
      networks: ['liaison-central-med'],
      iss: nodeUrn('it-polfr'),
      aud: nodeUrn('ng-nis'),
      act: { sub: nodeUrn('it-polfr') },
    });
    expect(claims.exp - (claims.iat ?? 0)).toBe(DELEGATION_MAX_LIFETIME_S);
  });

  it('never outlive the user’s own token', async () => {
    const { token, expiresIn } = await (await signer('it-polfr')).mint(user({ exp: now() + 42 }), 'ng-nis');
    expect(expiresIn).toBe(42);
    expect((await verifierAt('ng-nis').verify(`Bearer ${token}`)).exp).toBe(now() + 42);
  });

  it('are refused without the Bearer scheme', async () => {
    const { token } = await (await signer('it-polfr')).mint(user(), 'ng-nis');
    await expect(verifierAt('ng-nis').verify(token)).rejects.toMatchObject({ reason: 'malformed' });
  });

  it('are refused at any node but their audience', async () => {
    const { token } = await (await signer('it-polfr')).mint(user(), 'ng-nis');
    expect(await reasonAt('ne-ppn', token)).toMatch(/^wrong_audience: .*another node/);
  });

  it('cannot be minted by a node for another agency’s user', async () => {
    await expect((await signer('ne-ppn')).mint(user(), 'ng-nis')).rejects.toThrow(/cannot delegate for a user of agency it-polfr/);
  });

  it('are refused when signed with one agency’s key but claiming another agency’s user', async () => {
    expect(await reasonAt('ng-nis', await forged('ne-ppn', { claims: { agency: 'it-polfr' } }))).toMatch(
      /^invalid_claims: .*ne-ppn cannot speak for a user of agency it-polfr/,
    );
  });

  it('carry only the networks the membership lists the issuing agency in, whatever the node writes', async () => {
    const claims = await verifierAt('ng-nis').verify(
      `Bearer ${await forged('ne-ppn', { claims: { networks: ['liaison-central-med', 'wacap'] } })}`,
    );
    expect(claims.networks).toEqual([]);
  });

  it('are refused when they place the user in another country than their agency’s', async () => {
    expect(await reasonAt('ng-nis', await forged('ne-ppn', { claims: { country: 'NGA' } }))).toMatch(
      /^invalid_claims: .*ne-ppn cannot speak for country NGA/,
    );
  });

  it('are refused when they name another agency’s node as issuer but are signed with a different key', async () => {
    expect(await reasonAt('ng-nis', await forged('ne-ppn', { iss: nodeUrn('it-polfr'), claims: { agency: 'it-polfr' } }))).toMatch(
      /^unknown_key: /,
    );
  });

  it('are refused when they live longer than five minutes, even if still fresh', async () => {
    const iat = now();
    expect(await reasonAt('ng-nis', await forged('it-polfr', { iat, exp: iat + DELEGATION_MAX_LIFETIME_S + 1 }))).toMatch(
      /^invalid_claims: .*at most 300 s/,
    );
    expect(await reasonAt('ng-nis', await forged('it-polfr', { iat, exp: iat + DELEGATION_MAX_LIFETIME_S }))).toBe('accepted');
  });

  it('are refused once expired', async () => {
    const iat = now() - 200;
    expect(await reasonAt('ng-nis', await forged('it-polfr', { iat, exp: iat + 100 }))).toMatch(/^expired/);
  });

  it('are refused without their explicit type, so no other JWT passes as one', async () => {
    expect(await reasonAt('ng-nis', await forged('it-polfr', { typ: 'JWT' }))).toMatch(/^invalid_claims: .*typ/);
  });

  it('are refused from a node that is not a member, or lists no delegation keys', async () => {
    expect(await reasonAt('ng-nis', await forged('it-polfr', { iss: nodeUrn('xx-rogue') }))).toMatch(/^unknown_issuer/);
    const italy = membership.agencies[0] as MemberAgency;
    const { delegationKeys: _, ...withoutKeys } = italy;
    const before = membership;
    membership = { ...before, version: before.version + 1, agencies: [withoutKeys, ...before.agencies.slice(1)] };
    try {
      expect(await reasonAt('ng-nis', await forged('it-polfr', {}))).toMatch(/^unknown_key: agency it-polfr lists no delegation keys/);
    } finally {
      membership = before;
    }
  });

  it('are exchanged at the node’s own address, beside its GraphQL endpoint', () => {
    expect(tokenExchangeUrl('http://127.0.0.1:4101/graphql')).toBe('http://127.0.0.1:4101/token');
    expect(tokenExchangeUrl('https://node.example.org/corridor/graphql')).toBe('https://node.example.org/corridor/token');
  });
});
