// A key holder's limits on evaluations per requesting agency (issue 18): values per minute and per
// day, from the membership. They bound what a member can learn by trawling (every guess of a phone
// number costs one value at every holder) and what an honest agency can publish in a day.
import { type EvaluationLimits, limitsFor, type PseudonymService } from '@corridor/proto';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import { RateLimitedError } from '../hit-check/check-limits.js';

export interface EvaluationLimiter {
  /** Spends `count` values of `agency`'s budgets, all or none; throws RateLimitedError naming the limit passed. */
  spend(service: PseudonymService, agency: string, count: number): Promise<void>;
}

export function createEvaluationLimiter(): EvaluationLimiter {
  // One pair per limit values: a membership that changes an agency's limits gives it fresh counters.
  const pairs = new Map<string, { minute: RateLimiterMemory; day: RateLimiterMemory; limits: EvaluationLimits }>();
  const pairFor = (limits: EvaluationLimits) => {
    const key = `${limits.perMinute}/${limits.perDay}`;
    let pair = pairs.get(key);
    if (!pair) {
      pair = {
        minute: new RateLimiterMemory({ points: limits.perMinute, duration: 60 }),
        day: new RateLimiterMemory({ points: limits.perDay, duration: 86_400 }),
        limits,
      };
      pairs.set(key, pair);
    }
    return pair;
  };
  const refuse = (e: RateLimiterRes, what: string, limit: number) =>
    new RateLimitedError(
      `your agency has had ${limit} values evaluated ${what} at this key holder, its limit: try again in ${Math.ceil(e.msBeforeNext / 1000)} s`,
      e.msBeforeNext,
    );
  return {
    async spend(service, agency, count) {
      const { minute, day, limits } = pairFor(limitsFor(service, agency));
      try {
        await minute.consume(agency, count);
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        // A refused batch costs nothing: an honest agency over the limit keeps what it had left.
        await minute.reward(agency, count);
        throw refuse(e, 'this minute', limits.perMinute);
      }
      try {
        await day.consume(agency, count);
      } catch (e) {
        if (!(e instanceof RateLimiterRes)) throw e;
        await day.reward(agency, count);
        await minute.reward(agency, count);
        throw refuse(e, 'in the last 24 hours', limits.perDay);
      }
    },
  };
}
