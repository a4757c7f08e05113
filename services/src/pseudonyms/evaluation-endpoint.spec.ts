import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type AccessClaims, AuthError } from '@corridor/proto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RateLimitedError } from '../hit-check/check-limits.js';
import type { Logger } from '../log.js';
import { evaluationEndpoint, PSEUDONYM_MAX_BYTES } from './evaluation-endpoint.js';

// The endpoint's HTTP behaviour, with the token check and the evaluation stood in for: the whole,
// with real tokens, shares and limits, is tried in test/e2e/oblivious-pseudonyms.test.ts.
const asker = { sub: 'ne-ppn-officer', agency: 'ne-ppn' } as AccessClaims;
const logged: string[] = [];
const log: Logger = { debug() {}, info: (m) => logged.push(m), warn: (m) => logged.push(m), error: (m) => logged.push(m) };
let server: Server;
let base: string;

beforeAll(async () => {
  const endpoint = evaluationEndpoint({
    verifier: {
      async verify(authorization) {
        if (authorization !== 'Bearer good') throw new AuthError('missing', 'a Bearer token is required');
        return asker;
      },
    },
    async evaluate(who, body) {
      const { blinded } = body as { blinded: string[] };
      if (blinded[0] === 'over') throw new RateLimitedError('over the limit', 1000);
      if (blinded[0] === 'defect') throw new Error('a defect');
      return { evaluated: blinded.map((b) => `${who.agency}:${b}`) };
    },
    log,
  });
  server = createServer((req, res) => {
    if (!endpoint(req, res)) res.writeHead(418).end('next handler');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const post = (body: string, authorization = 'Bearer good', path = '/pseudonyms') =>
  fetch(`${base}${path}`, { method: 'POST', headers: { authorization, 'content-type': 'application/json' }, body });

describe('POST /pseudonyms, ahead of the GraphQL server', () => {
  it('answers an evaluation for the token’s agency, and leaves every other path to the next handler', async () => {
    const res = await post(JSON.stringify({ epoch: 2, blinded: ['a', 'b'] }));
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(await res.json()).toEqual({ evaluated: ['ne-ppn:a', 'ne-ppn:b'] });
    expect((await post('{}', 'Bearer good', '/graphql')).status).toBe(418);
    expect((await post(JSON.stringify({ epoch: 2, blinded: ['q'] }), 'Bearer good', '/pseudonyms?x=1')).status).toBe(200);
  });

  it('refuses with a code and a status: no token, not POST, not JSON, too large, over the limit', async () => {
    const unauthenticated = await post(JSON.stringify({ epoch: 2, blinded: ['a'] }), 'Bearer forged');
    expect(unauthenticated.status).toBe(401);
    expect(await unauthenticated.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED', details: { reason: 'missing' } } });
    const get = await fetch(`${base}/pseudonyms`, { headers: { authorization: 'Bearer good' } });
    expect(get.status).toBe(400);
    expect(await get.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/POST/) } });
    const notJson = await post('{ epoch');
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/JSON/) } });
    const large = await post(JSON.stringify({ epoch: 2, blinded: ['x'.repeat(PSEUDONYM_MAX_BYTES)] }));
    expect(large.status).toBe(400);
    expect(await large.json()).toMatchObject({ error: { code: 'VALIDATION_FAILED', message: expect.stringMatching(/over \d+ bytes/) } });
    const over = await post(JSON.stringify({ epoch: 2, blinded: ['over'] }));
    expect(over.status).toBe(429);
    expect(await over.json()).toMatchObject({ error: { code: 'RATE_LIMITED' } });
  });

  it('answers a defect with 500 and logs it, without its message reaching the caller', async () => {
    const res = await post(JSON.stringify({ epoch: 2, blinded: ['defect'] }));
    expect(res.status).toBe(500);
    expect(JSON.stringify(await res.json())).not.toContain('a defect');
    expect(logged).toContain('pseudonym evaluation failed');
  });
});
