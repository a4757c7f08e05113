import { describe, expect, it } from 'vitest';
import { startRepeatingPass } from './repeating-pass.js';

describe('a repeating pass', () => {
  it('runs after its first step, never two at once, and stop waits for the pass under way', async () => {
    let running = 0;
    let most = 0;
    let runs = 0;
    let finished = false;
    const order: string[] = [];
    const first = new Promise((r) => setTimeout(r, 20)).then(() => order.push('first'));
    const p = startRepeatingPass(
      async () => {
        order.push('pass');
        running++;
        most = Math.max(most, running);
        runs++;
        await new Promise((r) => setTimeout(r, 40));
        running--;
        finished = true;
      },
      5,
      () => {},
      first,
    );
    await new Promise((r) => setTimeout(r, 150));
    await p.stop();
    expect(order[0]).toBe('first');
    expect(most).toBe(1);
    expect(runs).toBeGreaterThan(1);
    expect(finished && running === 0).toBe(true);
    const after = runs;
    await new Promise((r) => setTimeout(r, 30));
    expect(runs).toBe(after);
  });

  it('hands a failing pass to onError and goes on', async () => {
    const errors: string[] = [];
    let runs = 0;
    const p = startRepeatingPass(
      async () => {
        runs++;
        throw new Error(`pass ${runs} failed`);
      },
      5,
      (e) => errors.push(e.message),
    );
    await new Promise((r) => setTimeout(r, 50));
    await p.stop();
    expect(errors[0]).toBe('pass 1 failed');
    expect(runs).toBeGreaterThan(1);
  });
});
