import { createTokenVerifier, type Membership } from '@corridor/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevIssuer, DEV_ISSUER_WARNING, type DevIssuer, issuerFor } from './dev-token-issuer.js';
import { issuerSpecMembership } from './issuer-spec-membership.js';
import { AUDIENCE } from './membership-document.js';
import type { AgencySpec } from './network.js';

const agencies: AgencySpec[] = [
  { id: 'it-polfr', name: 'Polizia di Frontiera', country: 'ITA', networks: ['liaison-central-med'] },
  { id: 'ng-nis', name: 'Nigeria Immigration Service', country: 'NGA', networks: ['wacap'] },
];
const users = [
  { id: 'giulia', name: 'Giulia Russo', agency: 'it-polfr', roles: ['border_officer' as const] },
  { id: 'chinedu', name: 'Chinedu Okafor', agency: 'ng-nis', roles: ['liaison_officer' as const] },
];

describe('development token issuer', () => {
  let issuer: DevIssuer;
  let membership: Membership;
  let server: { url: string; close(): Promise<void> };

  beforeAll(async () => {
    issuer = await createDevIssuer({ users, agencies: agencies.map((a) => ({ ...a, issuer: issuerFor(a.id) })), audience: AUDIENCE });
    membership = await issuerSpecMembership(agencies, issuer);
    server = await issuer.listen(0, '127.0.0.1', () => undefined);
  });
  afterAll(() => server.close());

  it('mints tokens that proto’s verifier accepts against the generated membership, with the user’s claims', async () => {
    const verifier = createTokenVerifier(() => membership);
    const claims = await verifier.verify(`Bearer ${await issuer.mint('giulia')}`);
    expect(claims).toMatchObject({
      iss: 'https://issuer.it-polfr.corridor.invalid/',
      sub: 'giulia',
      aud: AUDIENCE,
      agency: 'it-polfr',
      name: 'Giulia Russo',
      country: 'ITA',
      roles: ['border_officer'],
      networks: ['liaison-central-med'],
    });
    // Eight hours by default.
    expect(claims.exp - (claims.iat as number)).toBe(8 * 3600);
    const other = await verifier.verify(`Bearer ${await issuer.mint('chinedu', { expiresIn: '5m' })}`);
    expect(other).toMatchObject({ agency: 'ng-nis', country: 'NGA' });
    expect(other.exp - (other.iat as number)).toBe(300);
  });

  it('signs each agency’s users with that agency’s key only', async () => {
    const token = await issuer.mint('giulia');
    // A membership in which it-polfr publishes ng-nis's keys must refuse it-polfr's tokens.
    const swapped: Membership = {
      ...membership,
      agencies: membership.agencies.map((a) =>
        a.id === 'it-polfr' ? { ...a, tokenIssuer: { ...a.tokenIssuer, jwks: issuer.jwks('ng-nis') } } : a,
      ),
    };
    await expect(createTokenVerifier(() => swapped).verify(`Bearer ${token}`)).rejects.toMatchObject({ reason: 'unknown_key' });
    await expect(issuer.mint('nobody')).rejects.toThrow(/no demo user/);
  });

  it('serves users, tokens and JWKS over HTTP with CORS open, marked as development-only', async () => {
    const list = await fetch(`${server.url}/users`);
    expect(list.headers.get('access-control-allow-origin')).toBe('*');
    expect(list.headers.get('x-corridor-warning')).toBe(DEV_ISSUER_WARNING);
    expect(await list.json()).toEqual([
      { id: 'giulia', name: 'Giulia Russo', agency: 'it-polfr', agencyName: 'Polizia di Frontiera', roles: ['border_officer'] },
      { id: 'chinedu', name: 'Chinedu Okafor', agency: 'ng-nis', agencyName: 'Nigeria Immigration Service', roles: ['liaison_officer'] },
    ]);

    const res = await fetch(`${server.url}/token`, { method: 'POST', body: JSON.stringify({ user: 'chinedu' }) });
    const body = (await res.json()) as { token: string; expiresAt: string; warning: string };
    const claims = await createTokenVerifier(() => membership).verify(`Bearer ${body.token}`);
    expect(Date.parse(body.expiresAt)).toBe(claims.exp * 1000);
    expect(body.warning).toBe(DEV_ISSUER_WARNING);

    expect((await fetch(`${server.url}/token`, { method: 'POST', body: '{"user":"nobody"}' })).status).toBe(404);
    expect((await fetch(`${server.url}/token`, { method: 'POST', body: 'not json' })).status).toBe(400);

    const jwks = (await (await fetch(`${server.url}/agencies/ng-nis/jwks.json`)).json()) as { keys: { kid: string; d?: string }[] };
    expect(jwks).toEqual(issuer.jwks('ng-nis'));
    expect(jwks.keys[0]?.d).toBeUndefined();
    expect((await fetch(`${server.url}/agencies/xx-none/jwks.json`)).status).toBe(404);
  });

  it('rotates a key: new tokens carry the new kid, the JWKS address serves both keys and counts its fetches', async () => {
    const before = await issuer.mint('chinedu');
    const fetched = issuer.jwksRequests('ng-nis');
    const kid = await issuer.rotateKey('ng-nis');
    expect(kid).toBe('ng-nis-dev-issuer-2');
    expect(issuer.keyId('ng-nis')).toBe(kid);
    const after = await issuer.mint('chinedu');
    expect(JSON.parse(Buffer.from(after.split('.')[0] as string, 'base64url').toString()).kid).toBe(kid);

    const published = (await (await fetch(`${server.url}${issuer.jwksPath('ng-nis')}`)).json()) as { keys: { kid: string }[] };
    expect(published.keys.map((k) => k.kid)).toEqual(['ng-nis-dev-issuer-2', 'ng-nis-dev-issuer-1']);
    expect(issuer.jwksRequests('ng-nis')).toBe(fetched + 1);
    // Verifiers fetching that address accept the token signed before the rotation and the one after.
    const byAddress: Membership = {
      ...membership,
      agencies: membership.agencies.map((a) =>
        a.id === 'ng-nis'
          ? { ...a, tokenIssuer: { issuer: a.tokenIssuer.issuer, jwksUri: `${server.url}${issuer.jwksPath('ng-nis')}` } }
          : a,
      ),
    };
    const verifier = createTokenVerifier(() => byAddress);
    await expect(verifier.verify(`Bearer ${before}`)).resolves.toMatchObject({ sub: 'chinedu' });
    await expect(verifier.verify(`Bearer ${after}`)).resolves.toMatchObject({ sub: 'chinedu' });
  });

  it('adds an agency and its users while running, refusing a user of another agency', async () => {
    const niger = { id: 'ne-ppn', name: 'Pôle judiciaire', country: 'NER' as const, issuer: issuerFor('ne-ppn') };
    await expect(issuer.addAgency(niger, [{ id: 'x', name: 'X', agency: 'it-polfr', roles: ['prosecutor'] }])).rejects.toThrow(
      /belongs to agency it-polfr/,
    );
    await issuer.addAgency(niger, [{ id: 'aissata', name: 'Aïssata Moussa', agency: 'ne-ppn', roles: ['prosecutor'] }]);
    const token = await issuer.mint('aissata');
    expect(JSON.parse(Buffer.from(token.split('.')[1] as string, 'base64url').toString())).toMatchObject({
      agency: 'ne-ppn',
      country: 'NER',
    });
    expect(((await (await fetch(`${server.url}/users`)).json()) as { id: string }[]).map((u) => u.id)).toContain('aissata');
    await expect(issuer.addAgency(niger, [])).rejects.toThrow(/already known/);
  });
});
