import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.js';

describe('groupCommit', () => {
  it('writes what arrives while a write is in flight as one batch, each caller waiting for its own item', async () => {
    const batches: number[][] = [];
    const write = groupCommit(async (items: number[]) => {
      batches.push(items);
      await new Promise((r) => setTimeout(r, 10));
    });
    await Promise.all(Array.from({ length: 50 }, (_, i) => write(i)));
    expect(batches.flat()).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(batches[0]).toEqual([0]); // a lone item is not held back waiting for company
    expect(batches.length).toBe(2);
  });

  it('fails only the caller whose item the write refuses, and still stores the others', async () => {
    const stored: string[] = [];
    const write = groupCommit(async (items: string[]) => {
      await new Promise((r) => setTimeout(r, 1));
      if (items.includes('bad')) throw new Error('refused');
      stored.push(...items);
    });
    const outcomes = await Promise.allSettled(['a', 'b', 'bad', 'c', 'd'].map((x) => write(x)));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect(stored.sort()).toEqual(['a', 'b', 'c', 'd']);
  });

  it('never puts more than the batch limit in one write', async () => {
    const sizes: number[] = [];
    const write = groupCommit(async (items: number[]) => {
      sizes.push(items.length);
      await new Promise((r) => setTimeout(r, 5));
    }, 8);
    await Promise.all(Array.from({ length: 40 }, (_, i) => write(i)));
    expect(Math.max(...sizes)).toBeLessThanOrEqual(8);
    expect(sizes.reduce((x, y) => x + y, 0)).toBe(40);
  });
});
