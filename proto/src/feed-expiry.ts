// A live feed is opened with an access token and must not outlive it (issue 4: the feed stops
// when the token expires). Node and gateway both end their streams here, so the console is told
// to sign in again instead of receiving alerts on a token that no longer holds.
import { AuthError } from './bearer-token.js';

/** Yields from `source` until `expSeconds` (a JWT `exp`) passes, then closes it and throws AuthError('expired'). */
export async function* untilTokenExpiry<T>(source: AsyncIterable<T>, expSeconds: number, now: () => number = Date.now): AsyncGenerator<T> {
  const iterator = source[Symbol.asyncIterator]();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    // setTimeout holds at most ~24.8 days; a token living longer is re-checked when that fires.
    const arm = () => {
      const left = expSeconds * 1000 - now();
      if (left <= 0) resolve('expired');
      else timer = setTimeout(arm, Math.min(left, 2 ** 31 - 1));
    };
    arm();
  });
  try {
    for (;;) {
      const next = await Promise.race([iterator.next(), expired]);
      if (next === 'expired') throw new AuthError('expired', 'the access token has expired: the live feed has ended; sign in again');
      if (next.done) return;
      yield next.value;
    }
  } finally {
    clearTimeout(timer);
    await iterator.return?.();
  }
}
