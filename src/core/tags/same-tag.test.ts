import { describe, expect, it } from 'vitest';
import { sameTag, unionTags, withoutTags } from './same-tag';

describe('one tag whatever its case', () => {
  it('compares tags with their case folded', () => {
    expect(sameTag('MoE', 'moe')).toBe(true);
    expect(sameTag('Ärger', 'ärger')).toBe(true);
    expect(sameTag('moe', 'moe ')).toBe(false);
  });

  it('unites in order, keeping the first spelling, up to a limit', () => {
    expect(unionTags(['moe', 'RL'], ['MoE', 'rl', 'vision', 'Vision'])).toEqual(['moe', 'RL', 'vision']);
    expect(unionTags(['a', 'A'], [])).toEqual(['a']);
    expect(unionTags(['a', 'b'], ['c', 'd'], 3)).toEqual(['a', 'b', 'c']);
  });

  it('removes in any case', () => {
    expect(withoutTags(['moe', 'RL', 'vision'], ['MOE', 'rl'])).toEqual(['vision']);
  });
});
