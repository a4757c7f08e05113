// The console's one authentication path, an urql authExchange (@urql/exchange-auth): it adds the
// bearer token to every operation, renews an expired token with the agency's provider when the
// sign-in allows it, and otherwise asks the officer to sign in again, once, with the reason the
// gateway gave. The live feed takes its header from here too, and a feed refused at (re)connection
// comes back through this exchange as any operation does.
import type { CombinedError, Exchange, Operation } from '@urql/core';
import { authExchange } from '@urql/exchange-auth';
import { NOT_SIGNED_IN, refusedForExpiry, SESSION_EXPIRED, unauthenticatedReason } from './auth-failure';
import type { TokenSource } from './token-source';

export interface SessionAuth {
  exchange: Exchange;
  /** The header the live feed sends, from the same token source. */
  headers(): Record<string, string>;
  /**
   * Watches the token's lifetime while the console is open, so that at its end the console renews
   * it or asks to sign in again by itself, also when no operation is being sent (a page left open
   * on the feed). Returns the stop.
   */
  watch(): () => void;
}

interface Refusal {
  reason: string;
  renewable: boolean;
  /** The source has a newer token than the refused one (renewed meanwhile): send that one first. */
  renewedSince?: boolean;
}

/** The authorization header an operation went out with. */
const sentWith = (operation: Operation): string | null => {
  const options = typeof operation.context.fetchOptions === 'function' ? operation.context.fetchOptions() : operation.context.fetchOptions;
  return new Headers(options?.headers).get('authorization');
};

const statusOf = (error: CombinedError): number | undefined => {
  const response: unknown = error.response;
  return response instanceof Response ? response.status : undefined;
};

export function sessionAuth(source: TokenSource, onSignInAgain: (reason: string) => void): SessionAuth {
  let asked = false;
  const signInAgain = (reason: string) => {
    if (asked) return;
    asked = true;
    onSignInAgain(reason);
  };
  // What the last refusal was, for refreshAuth (which the exchange calls without it).
  let pending: Refusal = { reason: SESSION_EXPIRED, renewable: true };
  /** True when a new token is in the source; false when the officer was asked to sign in again. */
  const renewOrLeave = async ({ reason, renewable, renewedSince }: Refusal): Promise<boolean> => {
    if (renewedSince || (renewable && (await source.renew()))) return true;
    signInAgain(reason);
    return false;
  };
  const headers = (): Record<string, string> => {
    const token = source.token();
    return token ? { authorization: `Bearer ${token}` } : {};
  };
  const expired = () => {
    const at = source.expiresAt();
    return at !== null && at <= Date.now();
  };

  const exchange = authExchange(async (utils) => ({
    addAuthToOperation: (operation) => utils.appendHeaders(operation, headers()),
    willAuthError() {
      if (source.token() === null) pending = { reason: NOT_SIGNED_IN, renewable: false };
      else if (expired()) pending = { reason: SESSION_EXPIRED, renewable: true };
      else return false;
      return true;
    },
    didAuthError(error, operation) {
      const reason = unauthenticatedReason(error.graphQLErrors, statusOf(error));
      if (reason === null) return false;
      // Refused again with the token just renewed: renewing once more would not help.
      if (operation.context.authAttempt) {
        signInAgain(reason);
        return false;
      }
      // A live feed outlives its token and is ended by the gateway when the token that opened it
      // expires, usually long after the provider renewed it here.
      pending = {
        reason,
        renewable: refusedForExpiry(error.graphQLErrors),
        renewedSince: sentWith(operation) !== (headers().authorization ?? null),
      };
      return true;
    },
    // Without a new token the waiting operations end with the reason, rather than being sent
    // with a token the gateway is known to refuse.
    async refreshAuth() {
      const refusal = pending;
      if (!(await renewOrLeave(refusal))) throw new Error(refusal.reason);
    },
  }));

  const watch = () => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const arm = () => {
      clearTimeout(timer);
      if (asked || stopped) return;
      const at = source.expiresAt();
      if (at === null) return;
      timer = setTimeout(
        () => (expired() ? void renewOrLeave({ reason: SESSION_EXPIRED, renewable: true }).then(arm) : arm()),
        Math.min(Math.max(0, at - Date.now()), 2 ** 31 - 1),
      );
    };
    arm();
    const unfollow = source.follow(arm, () => signInAgain(SESSION_EXPIRED));
    return () => {
      stopped = true;
      clearTimeout(timer);
      unfollow();
    };
  };

  return { exchange, headers, watch };
}
