// The console's one authentication path, driven through a real urql client and its fetch
// exchange against a stand-in gateway that accepts one token: what an officer relies on is that
// an expired token is renewed when the sign-in allows it, and that otherwise the console asks to
// sign in again, once, saying why.
import { Client, cacheExchange, fetchExchange } from '@urql/core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_EXPIRED } from './auth-failure';
import { sessionAuth } from './session-auth';
import { fakeTokenSource, recordingFetch, refusal } from './testing/fake-auth';

const QUERY = 'query Me { me { name } }';

/** A gateway that answers the one token it accepts, and refuses any other with `reason`. */
function gateway(accepted: () => string, reason: string) {
  return recordingFetch((authorization) =>
    authorization === `Bearer ${accepted()}` ? Response.json({ data: { me: { name: 'Officer' } } }) : refusal(reason),
  );
}

function client(auth: ReturnType<typeof sessionAuth>, fetch: typeof globalThis.fetch) {
  return new Client({ url: 'http://gateway.test/graphql', exchanges: [cacheExchange, auth.exchange, fetchExchange], fetch });
}

afterEach(() => vi.useRealTimers());

describe('the console’s authentication exchange', () => {
  it('sends the source’s token as a bearer header', async () => {
    const gw = gateway(() => 'good', 'bad_signature');
    const { source: s } = fakeTokenSource('good');
    const result = await client(sessionAuth(s, vi.fn()), gw.fetch).query(QUERY, {}).toPromise();
    expect(result.data).toEqual({ me: { name: 'Officer' } });
    expect(gw.seen).toEqual(['Bearer good']);
  });

  it('renews a token the gateway refused as expired, and sends the operation again with the new one', async () => {
    const gw = gateway(() => 'fresh', 'expired');
    const { source: s, renewals } = fakeTokenSource('stale', { renewsTo: 'fresh' });
    const signInAgain = vi.fn();
    const result = await client(sessionAuth(s, signInAgain), gw.fetch).query(QUERY, {}).toPromise();
    expect(result.data).toEqual({ me: { name: 'Officer' } });
    expect(gw.seen).toEqual(['Bearer stale', 'Bearer fresh']);
    expect(renewals.count).toBe(1);
    expect(signInAgain).not.toHaveBeenCalled();
  });

  it('asks to sign in again, with the gateway’s reason, when renewal cannot help', async () => {
    const gw = gateway(() => 'other', 'unknown_key');
    const { source: s, renewals } = fakeTokenSource('good', { renewsTo: 'fresh' });
    const signInAgain = vi.fn();
    const c = client(sessionAuth(s, signInAgain), gw.fetch);
    const first = await c.query(QUERY, {}).toPromise();
    expect(first.data).toBeUndefined();
    await c.query('query Other { me { name } }', {}).toPromise();
    expect(renewals.count).toBe(0);
    expect(signInAgain).toHaveBeenCalledTimes(1);
    expect(signInAgain.mock.calls[0]?.[0]).toMatch(/signed with a key your agency does not publish/);
  });

  it('asks to sign in again when an expired token cannot be renewed, without sending it', async () => {
    const gw = gateway(() => 'good', 'expired');
    const { source: s } = fakeTokenSource('good', { expiresAt: Date.now() - 1000 });
    const signInAgain = vi.fn();
    const c = client(sessionAuth(s, signInAgain), gw.fetch);
    void c.query(QUERY, {}).toPromise();
    await vi.waitFor(() => expect(signInAgain).toHaveBeenCalledWith(SESSION_EXPIRED));
    expect(gw.seen).toEqual([]);
  });

  it('asks to sign in again when the renewed token is refused too', async () => {
    const gw = gateway(() => 'never', 'expired');
    const { source: s, renewals } = fakeTokenSource('stale', { renewsTo: 'fresh' });
    const signInAgain = vi.fn();
    const result = await client(sessionAuth(s, signInAgain), gw.fetch).query(QUERY, {}).toPromise();
    expect(result.error?.graphQLErrors[0]?.extensions.code).toBe('UNAUTHENTICATED');
    expect(renewals.count).toBe(1);
    expect(signInAgain).toHaveBeenCalledExactlyOnceWith(SESSION_EXPIRED);
  });

  it('leaves by itself when the token ends while nothing is sent (a live feed stays open past it)', async () => {
    vi.useFakeTimers();
    const { source: s } = fakeTokenSource('good', { expiresAt: Date.now() + 60_000 });
    const signInAgain = vi.fn();
    const stop = sessionAuth(s, signInAgain).watch();
    await vi.advanceTimersByTimeAsync(59_000);
    expect(signInAgain).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(signInAgain).toHaveBeenCalledExactlyOnceWith(SESSION_EXPIRED);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(signInAgain).toHaveBeenCalledTimes(1);
    stop();
  });

  it('keeps the session when the token is renewed at its end', async () => {
    vi.useFakeTimers();
    const { source: s, renewals } = fakeTokenSource('good', { expiresAt: Date.now() + 1_000, renewsTo: 'fresh' });
    const signInAgain = vi.fn();
    const stop = sessionAuth(s, signInAgain).watch();
    await vi.advanceTimersByTimeAsync(2_000);
    expect(renewals.count).toBe(1);
    expect(signInAgain).not.toHaveBeenCalled();
    stop();
  });
});
