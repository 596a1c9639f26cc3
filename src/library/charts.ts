// The numbers behind the library's charts: pure, so they are tested without a DOM.
import type { SavedPaper } from '../storage/schema';
import { READING_STATUSES } from '../storage/status';
import { STATUS_LABELS } from '../popup/format';
import { tagCounts } from '../popup/list-query';

export interface Bar {
  /** Short label on the chart. */
  label: string;
  /** Long label for the text alternative. */
  fullLabel: string;
  value: number;
}

const DAY = 86_400_000;

/**
 * The first instant of the Monday `weeksBack` weeks before the week containing `time`, local time: its midnight, or
 * 01:00 where that day's midnight does not exist (Asia/Tehran's daylight-saving days until 2022). Made from the
 * calendar day each time, so one such Monday does not move every other week's start to 01:00.
 */
export function weekStart(time: number, weeksBack = 0): Date {
  const date = new Date(time);
  return new Date(date.getFullYear(), date.getMonth(), date.getDate() - ((date.getDay() + 6) % 7) - 7 * weeksBack);
}

const short = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short' });
const long = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });

/** Papers saved in each of the last `weeks` weeks (this week last), empty weeks included. */
export function savedPerWeek(papers: readonly SavedPaper[], now: number, weeks = 26): Bar[] {
  return perWeek(papers.map((saved) => saved.savedAt), now, weeks);
}

/** Papers marked done in each of the last `weeks` weeks, by when (those done at a time unknown, before it was kept, left out). */
export function donePerWeek(papers: readonly SavedPaper[], now: number, weeks = 26): Bar[] {
  return perWeek(papers.flatMap((saved) => (saved.status === 'done' && saved.statusAt !== undefined ? [saved.statusAt] : [])), now, weeks);
}

/** How many of `times` fall in each of the last `weeks` weeks (this week last), empty weeks included. */
function perWeek(times: readonly number[], now: number, weeks: number): Bar[] {
  const starts: Date[] = [];
  // By calendar days, so a daylight-saving change does not shift weeks.
  for (let i = weeks - 1; i >= 0; i--) starts.push(weekStart(now, i));
  const counts = new Array<number>(weeks).fill(0);
  const first = starts[0]!.getTime();
  for (const time of times) {
    if (time < first || time > now + DAY) continue;
    const index = starts.findLastIndex((start) => start.getTime() <= time);
    if (index >= 0) counts[index]! += 1;
  }
  return starts.map((start, i) => ({ label: short.format(start), fullLabel: `Week of ${long.format(start)}`, value: counts[i]! }));
}

/** The `limit` most used tags. */
export function topTags(papers: readonly SavedPaper[], limit = 10): Bar[] {
  return tagCounts(papers)
    .slice(0, limit)
    .map(([tag, count]) => ({ label: tag, fullLabel: tag, value: count }));
}

export function byStatus(papers: readonly SavedPaper[]): Bar[] {
  return READING_STATUSES.map((status) => {
    const value = papers.filter((saved) => saved.status === status).length;
    return { label: STATUS_LABELS[status], fullLabel: STATUS_LABELS[status], value };
  });
}
