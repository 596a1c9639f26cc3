import { describe, expect, it, vi } from 'vitest';
import { batched } from './batched';

const task = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('batched', () => {
  it('asks once for the keys asked for in one task, each key once, and answers each caller its own value', async () => {
    const askMany = vi.fn(async (keys: string[]) => keys.map((k) => k.toUpperCase()));
    const ask = batched(askMany, 50);
    const answers = Promise.all(['a/x', 'b/y', 'a/x', 'c/z'].map(ask));
    expect(askMany).not.toHaveBeenCalled(); // not before the task's own code is done
    expect(await answers).toEqual(['A/X', 'B/Y', 'A/X', 'C/Z']);
    expect(askMany.mock.calls).toEqual([[['a/x', 'b/y', 'c/z']]]);
    // A later task: a call of its own.
    await task();
    expect(await ask('d/w')).toBe('D/W');
    expect(askMany.mock.calls[1]).toEqual([['d/w']]);
  });

  it('splits a large batch into calls of at most `max` keys', async () => {
    const askMany = vi.fn(async (keys: number[]) => keys.map((k) => k * 2));
    const ask = batched(askMany, 3);
    expect(await Promise.all([1, 2, 3, 4, 5, 6, 7].map(ask))).toEqual([2, 4, 6, 8, 10, 12, 14]);
    expect(askMany.mock.calls.map(([keys]) => keys)).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
  });

  it('rejects every caller of a call that fails or answers another number of values, and no other', async () => {
    const ask = batched(async (keys: number[]) => {
      if (keys.includes(4)) throw new Error('offline');
      return keys.includes(7) ? [1] : keys;
    }, 3);
    const settled = await Promise.allSettled([1, 2, 3, 4, 5, 6, 7, 8].map(ask));
    expect(settled.map((s) => s.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'rejected', 'rejected', 'rejected', 'rejected']);
    expect((settled[3] as PromiseRejectedResult).reason).toEqual(new Error('offline'));
    expect(String((settled[6] as PromiseRejectedResult).reason)).toMatch(/1 answers to 2 questions/);
  });

  it('rejects when asking throws at once, and asks again afterwards', async () => {
    let down = true;
    const ask = batched((keys: string[]) => {
      if (down) throw new Error('context invalidated');
      return Promise.resolve(keys);
    }, 5);
    await expect(ask('a')).rejects.toThrow('context invalidated');
    down = false;
    await expect(ask('a')).resolves.toBe('a');
  });
});
