import { describe, expect, it } from 'vitest';
import { makeSaved } from '../popup/fake-api';
import { byStatus, donePerWeek, savedPerWeek, topTags, weekStart } from './charts';

const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();

describe('chart data', () => {
  it('starts weeks on Monday', () => {
    expect(weekStart(at(2026, 7, 1)).getDay()).toBe(1); // a Wednesday
    expect(weekStart(at(2026, 7, 1)).getDate()).toBe(29);
    expect(weekStart(at(2026, 7, 5)).getDate()).toBe(29); // the Sunday after
  });

  it('counts papers marked done per week by when they were, leaving out those done at a time unknown', () => {
    const now = at(2026, 7, 1);
    const papers = [
      makeSaved('arxiv:2607.00001', 'Done this week', at(2026, 1, 1), { status: 'done', statusAt: at(2026, 6, 30) }),
      makeSaved('arxiv:2607.00002', 'Done last week', at(2026, 6, 1), { status: 'done', statusAt: at(2026, 6, 24) }),
      makeSaved('arxiv:2607.00003', 'Done too', at(2026, 6, 1), { status: 'done', statusAt: at(2026, 6, 23) }),
      makeSaved('arxiv:2607.00004', 'Reading', at(2026, 6, 1), { status: 'reading', statusAt: at(2026, 6, 30) }),
      makeSaved('arxiv:2607.00005', 'Done by an older build', at(2026, 6, 1), { status: 'done' }),
    ];
    const weeks = donePerWeek(papers, now);
    expect(weeks).toHaveLength(26);
    expect(weeks.slice(-2).map((week) => week.value)).toEqual([2, 1]);
    expect(weeks.reduce((sum, week) => sum + week.value, 0)).toBe(3);
  });

  it('counts papers saved per week over the last 26 weeks, empty weeks included', () => {
    const now = at(2026, 7, 1);
    const papers = [
      makeSaved('arxiv:1', 'a', at(2026, 6, 30)),
      makeSaved('arxiv:2', 'b', at(2026, 6, 29, 0)),
      makeSaved('arxiv:3', 'c', at(2026, 6, 28)),
      makeSaved('arxiv:4', 'd', at(2025, 1, 1)), // too old to show
    ];
    const weeks = savedPerWeek(papers, now);
    expect(weeks).toHaveLength(26);
    expect(weeks.at(-1)).toEqual({ label: '29 Jun', fullLabel: 'Week of 29 Jun 2026', value: 2 });
    expect(weeks.at(-2)!.value).toBe(1);
    expect(weeks.reduce((sum, w) => sum + w.value, 0)).toBe(3);
  });

  it('starts every week at its Monday\'s first instant where a midnight does not exist (Asia/Tehran, DST at 00:00)', () => {
    const zone = process.env.TZ;
    process.env.TZ = 'Asia/Tehran';
    try {
      // 22 March 2021, a Monday, began at 01:00: its week starts then, and the weeks before it still at midnight.
      const now = at(2021, 3, 24);
      const papers = [
        makeSaved('arxiv:1', 'Monday, just after midnight', at(2021, 3, 15, 0) + 30 * 60e3),
        makeSaved('arxiv:2', 'Sunday before', at(2021, 3, 14, 23)),
      ];
      const weeks = savedPerWeek(papers, now);
      expect(weeks.slice(-3).map((week) => week.value)).toEqual([1, 1, 0]);
      // A Tuesday whose midnight does not exist (22 March 2022): its week's Monday had one.
      expect(weekStart(at(2022, 3, 22)).getHours()).toBe(0);
      expect(weekStart(at(2022, 3, 22)).getDate()).toBe(21);
      expect(weekStart(at(2021, 3, 24)).getTime()).toBe(new Date(2021, 2, 22).getTime());
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('takes the ten most used tags and counts by status', () => {
    const papers = Array.from({ length: 12 }, (_, i) => makeSaved(`arxiv:${i}`, 't', i, { tags: [`tag${i}`, 'common'], status: i % 3 === 0 ? 'done' : 'to-read' }));
    const tags = topTags(papers);
    expect(tags).toHaveLength(10);
    expect(tags[0]).toEqual({ label: 'common', fullLabel: 'common', value: 12 });
    expect(byStatus(papers).map((b) => [b.label, b.value])).toEqual([
      ['To read', 8],
      ['Reading', 0],
      ['Done', 4],
    ]);
  });
});
