import { describe, expect, it } from 'vitest';
import { createCheckLimits, RateLimitedError } from './check-limits.js';

describe('check limits', () => {
  it('lets a user pseudonymize their budget per minute, then refuses with how long to wait; others are not affected', async () => {
    const limits = createCheckLimits({ pseudonymize: 3, answer: 100 });
    for (let i = 0; i < 3; i++) await limits.pseudonymize('ne-ppn:alice');
    const refused = await limits.pseudonymize('ne-ppn:alice').catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(RateLimitedError);
    expect((refused as RateLimitedError).retryAfterMs).toBeGreaterThan(0);
    expect((refused as RateLimitedError).retryAfterMs).toBeLessThanOrEqual(60_000);
    await expect(limits.pseudonymize('ne-ppn:bob')).resolves.toBeUndefined();
  });

  it('keeps the answering budget apart from the pseudonymizing one', async () => {
    const limits = createCheckLimits({ pseudonymize: 1, answer: 2 });
    await limits.pseudonymize('it-polfr:carla');
    await limits.answer('it-polfr:carla');
    await limits.answer('it-polfr:carla');
    await expect(limits.answer('it-polfr:carla')).rejects.toMatchObject({ code: 'RATE_LIMITED' });
  });
});
