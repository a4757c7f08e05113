// The development issuer as an OpenID Connect provider: what the console does in the browser,
// done here with plain HTTP — discovery, authorization code with PKCE, the demo-user page, the
// token, a refresh — and the tokens it hands out pass proto's verifier against the membership.
import { createHash, randomBytes } from 'node:crypto';
import { createTokenVerifier, type Membership } from '@corridor/proto';
import { decodeProtectedHeader } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDevIssuer, DEV_CONSOLE_CLIENT_ID, DEV_ISSUER_WARNING, type DevIssuer, oidcIssuerFor } from './dev-token-issuer.js';
import { freePort } from './free-port.js';
import { issuerSpecMembership } from './issuer-spec-membership.js';
import { AUDIENCE } from './membership-document.js';
import type { AgencySpec } from './network.js';

const agencies: AgencySpec[] = [
  { id: 'it-polfr', name: 'Polizia di Frontiera', country: 'ITA', networks: ['liaison-central-med'] },
  { id: 'ng-nis', name: 'Nigeria Immigration Service', country: 'NGA' },
];
const users = [
  { id: 'giulia', name: 'Giulia Russo', agency: 'it-polfr', roles: ['border_officer' as const] },
  { id: 'chinedu', name: 'Chinedu Okafor', agency: 'ng-nis', roles: ['liaison_officer' as const] },
];
const REDIRECT = 'http://127.0.0.1:5999/';

/** A browser's cookie jar, reduced to what a redirect chain on one host needs. */
function cookieJar() {
  const cookies = new Map<string, string>();
  return {
    header: () => [...cookies].map(([k, v]) => `${k}=${v}`).join('; '),
    take(res: Response) {
      for (const line of res.headers.getSetCookie()) {
        const [pair] = line.split(';');
        const at = (pair as string).indexOf('=');
        cookies.set((pair as string).slice(0, at), (pair as string).slice(at + 1));
      }
    },
  };
}

/** A request to the token endpoint as the console sends it: a form, from the public client. */
function tokenRequest(discovery: Record<string, string>, params: Record<string, string>): Promise<Response> {
  return fetch(discovery.token_endpoint as string, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ client_id: DEV_CONSOLE_CLIENT_ID, ...params }),
  });
}

describe('development issuer as an OpenID Connect provider', () => {
  let issuer: DevIssuer;
  let url: string;
  let close: () => Promise<void>;
  let membership: Membership;

  beforeAll(async () => {
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    issuer = await createDevIssuer({
      users,
      agencies: agencies.map((a) => ({ ...a, issuer: oidcIssuerFor(url, a.id) })),
      audience: AUDIENCE,
    });
    ({ close } = await issuer.listen(port, '127.0.0.1', () => undefined));
    membership = await issuerSpecMembership(agencies, issuer, url);
  });
  afterAll(() => close?.());

  async function signInAs(agencyId: string, userId: string) {
    const verifier = randomBytes(32).toString('base64url');
    const iss = oidcIssuerFor(url, agencyId);
    const discovery = (await (await fetch(`${iss}/.well-known/openid-configuration`)).json()) as Record<string, string>;
    expect(discovery.issuer).toBe(iss);
    const jar = cookieJar();
    const authorize = new URL(discovery.authorization_endpoint as string);
    authorize.search = new URLSearchParams({
      client_id: DEV_CONSOLE_CLIENT_ID,
      redirect_uri: REDIRECT,
      response_type: 'code',
      scope: 'openid profile',
      state: 'state-1',
      code_challenge: createHash('sha256').update(verifier).digest('base64url'),
      code_challenge_method: 'S256',
    }).toString();
    // Follow the provider's redirects as a browser would, stopping at the page and at the console.
    let res = await fetch(authorize, { redirect: 'manual' });
    let page = '';
    for (let hops = 0; hops < 10; hops++) {
      jar.take(res);
      const location = res.headers.get('location');
      if (!location) {
        page = await res.text();
        const form = /action="([^"]+)"/.exec(page);
        expect(form, page).not.toBeNull();
        res = await fetch(new URL(form?.[1] as string, url), {
          method: 'POST',
          redirect: 'manual',
          headers: { cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({ user: userId }),
        });
        continue;
      }
      if (location.startsWith(REDIRECT)) {
        const back = new URL(location);
        expect(back.searchParams.get('state')).toBe('state-1');
        const token = await tokenRequest(discovery, {
          grant_type: 'authorization_code',
          code: back.searchParams.get('code') as string,
          redirect_uri: REDIRECT,
          code_verifier: verifier,
        });
        return { page, token: (await token.json()) as Record<string, string>, discovery };
      }
      res = await fetch(new URL(location, url), { redirect: 'manual', headers: { cookie: jar.header() } });
    }
    throw new Error('the sign-in did not come back to the console');
  }

  it('signs a demo user in with authorization code and PKCE; the access token passes the verifier', async () => {
    const { page, token } = await signInAs('it-polfr', 'giulia');
    expect(page).toContain(DEV_ISSUER_WARNING);
    expect(page).toContain('Giulia Russo');
    // The page of an agency lists its own officers only.
    expect(page).not.toContain('Chinedu Okafor');
    expect(decodeProtectedHeader(token.access_token as string)).toMatchObject({ typ: 'at+jwt', alg: 'EdDSA' });
    const claims = await createTokenVerifier(() => membership).verify(`Bearer ${token.access_token}`);
    expect(claims).toMatchObject({ agency: 'it-polfr', sub: 'giulia', name: 'Giulia Russo', roles: ['border_officer'], country: 'ITA' });
    expect(claims.aud).toBe(AUDIENCE);
    expect(token.refresh_token).toEqual(expect.any(String));
  });

  it('renews the access token with the refresh token', async () => {
    const { token, discovery } = await signInAs('ng-nis', 'chinedu');
    const renewed = await tokenRequest(discovery, { grant_type: 'refresh_token', refresh_token: token.refresh_token as string });
    const body = (await renewed.json()) as Record<string, string>;
    expect(renewed.status).toBe(200);
    expect(body.access_token).not.toBe(token.access_token);
    await expect(createTokenVerifier(() => membership).verify(`Bearer ${body.access_token}`)).resolves.toMatchObject({ sub: 'chinedu' });
  });

  it('refuses an authorization request without PKCE', async () => {
    const iss = oidcIssuerFor(url, 'it-polfr');
    // A request with no code_challenge at all is refused up front: PKCE is required of this public client.
    const res = await fetch(
      `${iss}/auth?${new URLSearchParams({ client_id: DEV_CONSOLE_CLIENT_ID, redirect_uri: REDIRECT, response_type: 'code', scope: 'openid' })}`,
      {
        redirect: 'manual',
      },
    );
    expect(new URL(res.headers.get('location') as string).searchParams.get('error')).toBe('invalid_request');
  });
});
