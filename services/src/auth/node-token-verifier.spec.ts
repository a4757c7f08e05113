import { type AccessClaims, AuthError, DELEGATION_TOKEN_TYPE, type TokenVerifier } from '@corridor/proto';
import { describe, expect, it } from 'vitest';
import { createNodeTokenVerifier } from './node-token-verifier.js';

// Stand-in verifiers (allowed in a unit spec): which one a token reaches is what is checked here.
const claims = (agency: string): AccessClaims => ({
  iss: `https://issuer.${agency}.invalid/`,
  sub: `${agency}-officer`,
  aud: 'corridor',
  exp: Math.floor(Date.now() / 1000) + 600,
  agency,
  name: 'Officer',
  roles: ['border_officer'],
  country: 'ITA',
  networks: [],
});
const access: TokenVerifier = { verify: async (h) => claims(h?.includes('niger') ? 'ne-ppn' : 'it-polfr') };
const delegated: TokenVerifier = { verify: async () => ({ ...claims('ng-nis'), iss: 'urn:corridor:node:ng-nis' }) };
const atItaly = createNodeTokenVerifier('it-polfr', access, delegated);

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const jwt = (typ: string, payload: object) => `${b64({ alg: 'EdDSA', typ })}.${b64(payload)}.sig`;

describe("a node's token check", () => {
  it('accepts its own agency’s users with their access token', async () => {
    expect((await atItaly.verify('Bearer italian')).agency).toBe('it-polfr');
  });

  it('refuses another agency’s user’s access token, saying where it is accepted', async () => {
    const refusal = await atItaly.verify('Bearer niger').catch((e: unknown) => e);
    expect(refusal).toBeInstanceOf(AuthError);
    expect(refusal).toMatchObject({ reason: 'wrong_audience', message: expect.stringMatching(/only at that agency's own node/) });
  });

  it('takes a token typed as delegated to the delegation check, never to the access one', async () => {
    expect((await atItaly.verify(`Bearer ${jwt(DELEGATION_TOKEN_TYPE, {})}`)).iss).toBe('urn:corridor:node:ng-nis');
  });
});
