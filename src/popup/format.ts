// Small display helpers for the popup. Links are only ever http(s): a stored `javascript:` URL stays text.
import { utcDay as dayOf, type LatestVersion, type SavedVersion } from '../core/revisions';
import { REPO_NAME } from '../core/github';
import { safeHttpUrl } from '../core/ids';
import { isPaperDate, moreAuthors, type Paper } from '../core/paper';

const SITE_NAMES: Record<string, string> = {
  huggingface: 'Hugging Face',
  arxiv: 'arXiv',
  alphaxiv: 'alphaXiv',
  openreview: 'OpenReview',
  pmlr: 'PMLR',
  neurips: 'NeurIPS',
  cvf: 'CVF Open Access',
  dblp: 'dblp',
  aclanthology: 'ACL Anthology',
  scholar: 'Google Scholar',
  semanticscholar: 'Semantic Scholar',
};

/** The ids of the sites Papershelf reads (adapters), in menu order. */
export const SITE_IDS: readonly string[] = Object.keys(SITE_NAMES);

/** A site id's name for menus (no page at hand). */
export function siteName(site: string): string {
  return SITE_NAMES[site] ?? site;
}

export function siteLabel(site: string, savedFrom: string): string {
  return SITE_NAMES[site] ?? safeHttpUrl(savedFrom)?.replace(/^https?:\/\/(www\.)?([^/]+).*$/, '$2') ?? site;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 86400e3],
  ['month', 30 * 86400e3],
  ['week', 7 * 86400e3],
  ['day', 86400e3],
  ['hour', 3600e3],
  ['minute', 60e3],
];

// Formatters are costly to create: one each, reused (they show up in profiles at 10,000 papers).
// Always numeric: the elapsed time counted in units says "1 month ago", true of any 30-59 days, where 'auto' said
// "last month" (or "yesterday", "last year"): a calendar month (day, year) that 47 days back is not.
const relative = new Intl.RelativeTimeFormat('en', { numeric: 'always' });
const utcDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
const utcMonth = new Intl.DateTimeFormat('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
const localDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
const integer = new Intl.NumberFormat('en');

/** "3 days ago", "just now". */
export function timeAgo(then: number, now: number): string {
  const elapsed = now - then;
  for (const [unit, ms] of UNITS) {
    if (elapsed >= ms) return relative.format(-Math.floor(elapsed / ms), unit);
  }
  return 'just now';
}

/** "10,000". */
export function formatCount(n: number): string {
  return integer.format(n);
}

/** GitHub's owner/repo shape (core/github); anything else is shown as text and never becomes a link. */
export { REPO_NAME };

export function repoUrl(name: string): string | null {
  return REPO_NAME.test(name) ? `https://github.com/${name}` : null;
}

/**
 * "Ada Lovelace, Alan Turing, Grace Hopper et al." from the first `shown` names: "et al." for more names, a count above
 * them, or a list its source cut (authorsCut: Scholar's "…").
 */
export function formatAuthors(paper: Pick<Paper, 'authors' | 'authorCount' | 'authorsCut'>, shown = 3): string {
  const { authors, authorCount } = paper;
  const first = authors.slice(0, shown).join(', ');
  const more = authors.length > shown || moreAuthors(paper);
  if (!first) return authorCount ? `${authorCount} authors` : '';
  return more ? `${first} et al.` : first;
}

/**
 * "1 Jul 2026" from a YYYY-MM-DD date (read as UTC, so no time zone shifts it a day); a paper's date known only to the
 * month or year (isPaperDate) as "Jul 2026" or "2026", never as a first day it does not claim.
 */
export function formatDay(isoDate: string | null): string | null {
  if (!isoDate) return null;
  if (/^\d{4}(?:-\d{2})?$/.test(isoDate)) {
    if (!isPaperDate(isoDate)) return null;
    return isoDate.length === 4 ? isoDate : utcMonth.format(new Date(`${isoDate}-01T00:00:00Z`));
  }
  const date = new Date(isoDate.length === 10 ? `${isoDate}T00:00:00Z` : isoDate);
  if (Number.isNaN(date.getTime())) return null;
  return utcDay.format(date);
}

/** "1 Jul 2026" for an instant, in the user's time zone. */
export function formatLocalDay(time: number): string {
  return localDay.format(time);
}

/** The first non-empty line of a note, for the list. */
export function firstLine(note: string): string {
  return note.split('\n').find((line) => line.trim())?.trim() ?? '';
}

export const STATUS_LABELS = { 'to-read': 'To read', reading: 'Reading', done: 'Done' } as const;

export function countLabel(n: number): string {
  return n === 1 ? '1 paper' : `${integer.format(n)} papers`;
}

/** What went wrong, in words: an Error's or a DOMException's message (the clipboard rejects with the latter), else the value. */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' && message ? message : String(error);
}

/** "arXiv has v3 of 2 Nov 2026; you saved v1": what the library and the popup say of a paper a check found revised. */
export function revisionText(saved: SavedVersion, latest: LatestVersion): string {
  const day = formatDay(latest.updated);
  const yours = saved.paper.version !== null ? `you saved v${saved.paper.version}` : `you saved it on ${formatDay(dayOf(saved.savedAt))}`;
  return `arXiv has v${latest.version}${day ? ` of ${day}` : ''}; ${yours}`;
}
