// Rate limits on hit / no-hit checks (issue 5, threat model): identifiers such as phone numbers
// have little entropy, so a user who could check without limit could walk a numbering plan
// through their own node's key. Each user gets a budget of pseudonymizations at their own node,
// and of checks at every node that answers, per minute.

import { CorridorError } from '@corridor/proto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';

export class RateLimitedError extends CorridorError {
  readonly code = 'RATE_LIMITED' as const;
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
    this.name = 'RateLimitedError';
  }
  override get details() {
    return { retryAfterMs: this.retryAfterMs };
  }
}

export interface CheckLimits {
  /** Spends one pseudonymization of the user's budget at their own node, or throws RateLimitedError. */
  pseudonymize(userKey: string): Promise<void>;
  /** Spends one check of the asking user's budget at this (answering) node, or throws RateLimitedError. */
  answer(userKey: string): Promise<void>;
}

export function createCheckLimits(perMinute: { pseudonymize: number; answer: number }): CheckLimits {
  const own = new RateLimiterMemory({ points: perMinute.pseudonymize, duration: 60 });
  const answering = new RateLimiterMemory({ points: perMinute.answer, duration: 60 });
  const spend = async (limiter: RateLimiterMemory, key: string, what: string) => {
    try {
      await limiter.consume(key);
    } catch (e) {
      if (!(e instanceof RateLimiterRes)) throw e;
      throw new RateLimitedError(`too many ${what} for this user: try again in ${Math.ceil(e.msBeforeNext / 1000)} s`, e.msBeforeNext);
    }
  };
  return {
    pseudonymize: (key) => spend(own, key, 'identifier checks'),
    answer: (key) => spend(answering, key, 'hit / no-hit checks at this agency'),
  };
}
