import { type AccessClaims, AuthError, createDelegationSigner, createDelegationVerifier, type TokenVerifier } from '@corridor/proto';
import { exportJWK, generateKeyPair } from 'jose';
import { beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../log.js';
import { SPEC_MEMBERSHIP } from '../testing/fixtures.js';
import { exchange, type TokenExchangeDeps } from './use-token-exchange.js';

// The access-token verifier is a stand-in here (allowed in a unit spec): it knows two tokens.
const now = () => Math.floor(Date.now() / 1000);
const user = (agency: string): AccessClaims => ({
  iss: `https://issuer.${agency}.invalid/`,
  sub: `${agency}-officer`,
  aud: 'corridor',
  exp: now() + 3600,
  agency,
  name: 'Officer',
  roles: ['border_officer'],
  country: 'ITA',
  networks: [],
});
const access: TokenVerifier = {
  async verify(authorization) {
    if (authorization === 'Bearer italian') return user('it-polfr');
    if (authorization === 'Bearer nigerien') return user('ne-ppn');
    throw new AuthError('bad_signature', 'the access token signature does not verify');
  },
};

let deps: TokenExchangeDeps;
let membership = SPEC_MEMBERSHIP;
beforeAll(async () => {
  const { privateKey, publicKey } = await generateKeyPair('EdDSA', { extractable: true });
  const kid = 'it-polfr-delegation-spec';
  const pub = { ...(await exportJWK(publicKey)), kid, alg: 'EdDSA' } as never;
  membership = {
    ...SPEC_MEMBERSHIP,
    agencies: SPEC_MEMBERSHIP.agencies.map((a) => (a.id === 'it-polfr' ? { ...a, delegationKeys: { keys: [pub] } } : a)),
  };
  deps = {
    agency: 'it-polfr',
    membership: () => membership,
    access,
    signer: await createDelegationSigner('it-polfr', { ...(await exportJWK(privateKey)), kid, alg: 'EdDSA' }),
    log: createLogger({ spec: 'token-exchange' }),
  };
});

const FORM = {
  grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
  subject_token: 'italian',
  subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
  audience: 'urn:corridor:node:ng-nis',
};

async function post(form: Record<string, string> | string, contentType = 'application/x-www-form-urlencoded') {
  const body = typeof form === 'string' ? form : new URLSearchParams(form).toString();
  const res = await exchange(new Request('http://node/token', { method: 'POST', headers: { 'content-type': contentType }, body }), deps);
  const answer = (await res.json()) as { access_token?: string; error?: string; error_description?: string; [field: string]: unknown };
  return { status: res.status, cache: res.headers.get('cache-control'), ...answer };
}

describe('the token exchange', () => {
  it('answers a delegated token for the one node asked, which that node accepts', async () => {
    const answer = await post(FORM);
    expect(answer).toMatchObject({
      status: 200,
      cache: 'no-store',
      issued_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_type: 'N_A',
      expires_in: 300,
    });
    const claims = await createDelegationVerifier(() => membership, 'ng-nis').verify(`Bearer ${answer.access_token}`);
    expect(claims).toMatchObject({ sub: 'it-polfr-officer', agency: 'it-polfr' });
  });

  it.each([
    ['a missing grant type', { ...FORM, grant_type: '' }, 'invalid_request', /grant_type/],
    ['another grant type', { ...FORM, grant_type: 'client_credentials' }, 'unsupported_grant_type', /grant_type/],
    ['no subject token', { ...FORM, subject_token: '' }, 'invalid_request', /subject_token/],
    [
      'a subject token type it does not take',
      { ...FORM, subject_token_type: 'urn:ietf:params:oauth:token-type:id_token' },
      'invalid_request',
      /subject_token_type/,
    ],
    ['no audience', { ...FORM, audience: '' }, 'invalid_request', /audience/],
    ['an audience that is no member’s node', { ...FORM, audience: 'https://elsewhere.example/' }, 'invalid_target', /audience/],
    ['a token that does not verify', { ...FORM, subject_token: 'forged' }, 'invalid_grant', /subject_token: .*signature/],
    ['another agency’s user', { ...FORM, subject_token: 'nigerien' }, 'invalid_grant', /users only, not of ne-ppn/],
  ])('refuses %s with a 400 naming the parameter', async (_what, form, error, description) => {
    const answer = await post(form);
    expect(answer).toMatchObject({ status: 400, error, cache: 'no-store' });
    expect(answer.error_description).toMatch(description);
  });

  it('refuses a parameter given twice (several audiences would make a token for several nodes)', async () => {
    const answer = await post(`${new URLSearchParams(FORM)}&audience=urn%3Acorridor%3Anode%3Ane-ppn`);
    expect(answer).toMatchObject({ status: 400, error: 'invalid_request', error_description: 'audience: may be given once only' });
  });

  it('refuses a body that is not form-encoded', async () => {
    expect(await post(JSON.stringify(FORM), 'application/json')).toMatchObject({ status: 400, error: 'invalid_request' });
  });
});
