import type { Membership } from '@corridor/proto';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createDelegatedTokens } from './delegated-tokens.js';

// A stand-in token endpoint (allowed in a unit spec): it counts exchanges and answers a token
// naming the audience, or refuses when told to.
const KEY = { kty: 'OKP', crv: 'Ed25519', x: 'x', kid: 'k' } as const;
const membership: Membership = {
  network: { id: 'n', name: 'n' },
  audience: 'corridor',
  version: 1,
  agencies: ['it-polfr', 'ne-ppn', 'ng-nis'].map((id) => ({
    id,
    name: id,
    country: 'ITA',
    networks: [],
    nodeUrl: `http://${id}.invalid/graphql`,
    tokenIssuer: { issuer: id, jwks: { keys: [KEY] } },
    alertSigningKeys: { keys: [KEY] },
  })),
};

function endpoint(opts: { expiresIn?: number; refuse?: boolean; delayMs?: number } = {}) {
  const calls: { url: string; form: URLSearchParams }[] = [];
  const fetch = async (url: string | URL | Request, init?: RequestInit): Promise<Response> => {
    const form = new URLSearchParams(String(init?.body));
    calls.push({ url: String(url), form });
    if (opts.delayMs) await new Promise((r) => setTimeout(r, opts.delayMs));
    if (opts.refuse) return Response.json({ error: 'invalid_grant', error_description: 'subject_token: expired' }, { status: 400 });
    return Response.json({
      access_token: `delegated-${calls.length}-${form.get('audience')}`,
      issued_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      token_type: 'N_A',
      expires_in: opts.expiresIn ?? 300,
    });
  };
  return { calls, fetch: fetch as typeof globalThis.fetch };
}

const caller = { authorization: 'Bearer user-token-of-giulia', agency: 'it-polfr' };

afterEach(() => {
  vi.useRealTimers();
});

describe('delegated tokens at the gateway', () => {
  it('sends the caller’s own node the caller’s token, and every other node a token from the caller’s node for it alone', async () => {
    const { calls, fetch } = endpoint();
    const tokens = createDelegatedTokens({ membership: () => membership, timeoutMs: 1000, fetchFor: () => fetch });
    expect(await tokens.authorizationFor(caller, 'it-polfr')).toBe(caller.authorization);
    expect(await tokens.authorizationFor(caller, 'ng-nis')).toBe('Bearer delegated-1-urn:corridor:node:ng-nis');
    expect(calls).toHaveLength(1);
    expect(calls[0]?.url).toBe('http://it-polfr.invalid/token');
    expect(Object.fromEntries(calls[0]?.form ?? [])).toEqual({
      grant_type: 'urn:ietf:params:oauth:grant-type:token-exchange',
      subject_token: 'user-token-of-giulia',
      subject_token_type: 'urn:ietf:params:oauth:token-type:access_token',
      requested_token_type: 'urn:ietf:params:oauth:token-type:jwt',
      audience: 'urn:corridor:node:ng-nis',
    });
  });

  it('shares one exchange between concurrent requests, and reuses it until shortly before it expires', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    const { calls, fetch } = endpoint({ delayMs: 20 });
    const tokens = createDelegatedTokens({ membership: () => membership, timeoutMs: 1000, fetchFor: () => fetch, refreshMarginS: 30 });
    const together = await Promise.all(Array.from({ length: 20 }, () => tokens.authorizationFor(caller, 'ne-ppn')));
    expect(new Set(together).size).toBe(1);
    expect(calls).toHaveLength(1);
    vi.setSystemTime(Date.now() + 269_000);
    await tokens.authorizationFor(caller, 'ne-ppn');
    expect(calls).toHaveLength(1);
    vi.setSystemTime(Date.now() + 2_000);
    expect(await tokens.authorizationFor(caller, 'ne-ppn')).toBe('Bearer delegated-2-urn:corridor:node:ne-ppn');
    expect(calls).toHaveLength(2);
  });

  it('keeps one token per user and node: another user, or another node, is another exchange', async () => {
    const { calls, fetch } = endpoint();
    const tokens = createDelegatedTokens({ membership: () => membership, timeoutMs: 1000, fetchFor: () => fetch });
    await tokens.authorizationFor(caller, 'ne-ppn');
    await tokens.authorizationFor(caller, 'ng-nis');
    await tokens.authorizationFor({ ...caller, authorization: 'Bearer user-token-of-marco' }, 'ne-ppn');
    expect(calls).toHaveLength(3);
  });

  it('reports a refused exchange with the node’s reason, and asks again next time', async () => {
    const refusing = endpoint({ refuse: true });
    const tokens = createDelegatedTokens({ membership: () => membership, timeoutMs: 1000, fetchFor: () => refusing.fetch });
    await expect(tokens.authorizationFor(caller, 'ne-ppn')).rejects.toThrow(
      /refused the token exchange \(invalid_grant\): subject_token: expired/,
    );
    await expect(tokens.authorizationFor(caller, 'ne-ppn')).rejects.toThrow();
    expect(refusing.calls).toHaveLength(2);
    expect(tokens.size()).toBe(0);
  });

  it('holds at most maxEntries tokens', async () => {
    const { fetch } = endpoint();
    const tokens = createDelegatedTokens({ membership: () => membership, timeoutMs: 1000, fetchFor: () => fetch, maxEntries: 5 });
    for (let i = 0; i < 12; i++) await tokens.authorizationFor({ ...caller, authorization: `Bearer user-${i}` }, 'ng-nis');
    expect(tokens.size()).toBe(5);
  });
});
