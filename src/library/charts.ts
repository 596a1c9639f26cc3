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

/** Monday 00:00 local time of the week containing `time`. */
export function weekStart(time: number): Date {
  const date = new Date(time);
  date.setHours(0, 0, 0, 0);
  date.setDate(date.getDate() - ((date.getDay() + 6) % 7));
  return date;
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
  const current = weekStart(now);
  const starts: Date[] = [];
  for (let i = weeks - 1; i >= 0; i--) {
    const start = new Date(current);
    start.setDate(start.getDate() - 7 * i); // by calendar days, so a daylight-saving change does not shift weeks
    starts.push(start);
  }
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
