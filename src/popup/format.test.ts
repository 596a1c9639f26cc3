import { describe, expect, it } from 'vitest';
import { firstLine, formatAuthors, formatDay, repoUrl, safeHttpUrl } from './format';

describe('format', () => {
  it('links only well-formed GitHub names', () => {
    expect(repoUrl('openai/whisper')).toBe('https://github.com/openai/whisper');
    expect(repoUrl('a-b/c.d_e-f')).toBe('https://github.com/a-b/c.d_e-f');
    for (const bad of ['javascript:alert(1)', 'owner', 'a/b/c', 'a b/c', 'a/<b>', '../x', 'a/..']) expect(repoUrl(bad)).toBeNull();
  });

  it('keeps only http(s) URLs', () => {
    expect(safeHttpUrl('https://arxiv.org/abs/1')).toBe('https://arxiv.org/abs/1');
    expect(safeHttpUrl('javascript:alert(1)')).toBeNull();
    expect(safeHttpUrl('data:text/html,<b>')).toBeNull();
  });

  it('shortens author lists', () => {
    expect(formatAuthors(['A', 'B'], null)).toBe('A, B');
    expect(formatAuthors(['A', 'B', 'C', 'D'], null)).toBe('A, B, C et al.');
    expect(formatAuthors(['A'], 12)).toBe('A et al.');
    expect(formatAuthors([], 5)).toBe('5 authors');
    expect(formatAuthors([], null)).toBe('');
  });

  it('formats a day without time-zone drift', () => {
    expect(formatDay('2026-07-01')).toBe('1 Jul 2026');
    expect(formatDay(null)).toBeNull();
    expect(formatDay('not a date')).toBeNull();
  });

  it('takes the first non-empty line of a note', () => {
    expect(firstLine('\n  first  \nsecond')).toBe('first');
    expect(firstLine('')).toBe('');
  });
});
