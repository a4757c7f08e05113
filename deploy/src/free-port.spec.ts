import { describe, expect, it } from 'vitest';
import { retryWhenPortTaken } from './free-port.js';

describe('starting again when a picked port was taken meanwhile', () => {
  it('tries again with the next attempt, and gives up after the last', async () => {
    const attempts: number[] = [];
    const started = await retryWhenPortTaken(async (attempt) => {
      attempts.push(attempt);
      if (attempt < 3)
        throw new Error('hub-1 exited before accepting connections:\nlisten tcp 127.0.0.1:41237: bind: address already in use');
      return 'up';
    });
    expect({ started, attempts }).toEqual({ started: 'up', attempts: [1, 2, 3] });
    await expect(
      retryWhenPortTaken(async () => {
        throw new Error('listen EADDRINUSE: address already in use 127.0.0.1:4000');
      }, 2),
    ).rejects.toThrow(/EADDRINUSE/);
  });

  it('fails at once for anything else', async () => {
    let calls = 0;
    await expect(
      retryWhenPortTaken(async () => {
        calls++;
        throw new Error('hub-1: accepting connections did not happen within 15000 ms');
      }),
    ).rejects.toThrow(/did not happen/);
    expect(calls).toBe(1);
  });
});
