import { describe, expect, it } from 'vitest';
import { AuthError } from './bearer-token.js';
import { untilTokenExpiry } from './feed-expiry.js';

async function* ticking(closed: { value: boolean }) {
  try {
    for (let i = 0; ; i++) {
      yield i;
      await new Promise((r) => setTimeout(r, 20));
    }
  } finally {
    closed.value = true;
  }
}

describe('a live feed and its token', () => {
  it('delivers while the token holds, then ends with an expired AuthError and closes the source', async () => {
    const closed = { value: false };
    const exp = (Date.now() + 150) / 1000;
    const got: number[] = [];
    const error = await (async () => {
      for await (const n of untilTokenExpiry(ticking(closed), exp)) got.push(n);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).reason).toBe('expired');
    expect(got.length).toBeGreaterThan(2);
    expect(closed.value).toBe(true);
  });

  it('delivers nothing on a token that has already expired', async () => {
    const closed = { value: false };
    const got: number[] = [];
    await expect(
      (async () => {
        for await (const n of untilTokenExpiry(ticking(closed), Date.now() / 1000 - 1)) got.push(n);
      })(),
    ).rejects.toMatchObject({ reason: 'expired' });
    expect(got).toEqual([]);
  });
});
