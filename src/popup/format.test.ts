import { describe, expect, it } from 'vitest';
import { firstLine, formatAuthors, formatDay, repoUrl, revisionText, timeAgo } from './format';

describe('format', () => {
  it('links only well-formed GitHub names', () => {
    expect(repoUrl('openai/whisper')).toBe('https://github.com/openai/whisper');
    expect(repoUrl('a-b/c.d_e-f')).toBe('https://github.com/a-b/c.d_e-f');
    for (const bad of ['javascript:alert(1)', 'owner', 'a/b/c', 'a b/c', 'a/<b>', '../x', 'a/..']) expect(repoUrl(bad)).toBeNull();
  });

  it('shortens author lists', () => {
    expect(formatAuthors({ authors: ['A', 'B'], authorCount: null })).toBe('A, B');
    expect(formatAuthors({ authors: ['A', 'B', 'C', 'D'], authorCount: null })).toBe('A, B, C et al.');
    expect(formatAuthors({ authors: ['A'], authorCount: 12 })).toBe('A et al.');
    expect(formatAuthors({ authors: [], authorCount: 5 })).toBe('5 authors');
    expect(formatAuthors({ authors: [], authorCount: null })).toBe('');
    // A list its source cut with no count (Scholar's "…": authorsCut) is not shown as all the authors.
    expect(formatAuthors({ authors: ['A', 'B'], authorCount: null, authorsCut: true })).toBe('A, B et al.');
    expect(formatAuthors({ authors: ['A', 'B'], authorCount: null, authorsCut: true }, 2)).toBe('A, B et al.');
  });

  it('formats a day without time-zone drift', () => {
    expect(formatDay('2026-07-01')).toBe('1 Jul 2026');
    expect(formatDay(null)).toBeNull();
    expect(formatDay('not a date')).toBeNull();
  });

  it('formats a date known to the month or the year as that, not as its first day', () => {
    expect(formatDay('2019-07')).toBe('Jul 2019');
    expect(formatDay('2019-12')).toBe('Dec 2019');
    expect(formatDay('2019')).toBe('2019');
    expect(formatDay('2019-13')).toBeNull();
  });

  it('says how long ago as a duration, never as a calendar day, week, month or year it may not be', () => {
    const hour = 3600e3;
    const day = 24 * hour;
    const now = Date.UTC(2027, 0, 1, 0, 10);
    // 47 days before 1 December is mid-October, not "last month" (November).
    expect(timeAgo(Date.UTC(2025, 9, 15), Date.UTC(2025, 11, 1))).toBe('1 month ago');
    // 31 December 2025 to 1 January 2027: 2025 is not "last year".
    expect(timeAgo(Date.UTC(2025, 11, 31), now)).toBe('1 year ago');
    // 23:50 two days before, in any time zone's calendar: not "yesterday".
    expect(timeAgo(now - day - 20 * 60e3, now)).toBe('1 day ago');
    expect(timeAgo(now - 13 * day, now)).toBe('1 week ago');
    expect(timeAgo(now - 3 * day, now)).toBe('3 days ago');
    expect(timeAgo(now - 2 * hour, now)).toBe('2 hours ago');
    expect(timeAgo(now - 30e3, now)).toBe('just now');
  });

  it('takes the first non-empty line of a note', () => {
    expect(firstLine('\n  first  \nsecond')).toBe('first');
    expect(firstLine('')).toBe('');
  });
});

describe('revisionText', () => {
  const at = (day: string) => Date.parse(`${day}T12:00:00Z`);
  it('names the new version, its day, and what the reader saved', () => {
    expect(revisionText({ paper: { id: 'arxiv:2409.01234', version: 1 }, savedAt: at('2026-10-01') }, { version: 3, updated: '2026-11-02' })).toBe('arXiv has v3 of 2 Nov 2026; you saved v1');
    expect(revisionText({ paper: { id: 'arxiv:2409.01234', version: null }, savedAt: at('2026-10-01') }, { version: 2, updated: null })).toBe('arXiv has v2; you saved it on 1 Oct 2026');
  });
});
