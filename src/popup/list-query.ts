// Filtering and sorting of the reading list: pure functions, shared by the popup and the library page.
import type { ReadingStatus, SavedPaper } from '../storage/schema';
import { REPO_NAME, siteName } from './format';
import { hasTag, tagKey } from '../core/tags/same-tag';

export type StatusFilter = ReadingStatus | 'all';

export interface ListFilters {
  status: StatusFilter;
  /** '' means any tag. */
  tag: string;
  /** Adapter id (`huggingface`, `arxiv`, …); '' means any site. */
  site: string;
  hasCode: boolean;
  /** Only papers arXiv has a newer version of than the one saved (core/revisions.ts; the library's checks found it). */
  newVersion: boolean;
  /** Only papers by an author the reader follows (core/authors.ts; popup/followed-authors.ts). */
  followed: boolean;
}

/** A test of a saved paper against what the record alone does not say. */
export type PaperTest = (saved: SavedPaper) => boolean;

/** What the list's filters ask beyond the records. */
export interface PaperTests {
  /** arXiv has a newer version of it than the one saved (as the checks found: popup/arxiv-versions.ts). */
  revised: PaperTest;
  /** One of its authors is followed (popup/followed-authors.ts). */
  followed: PaperTest;
  /** Its star count as shown, GitHub's latest where known (popup/repo-figures.ts): the "Stars" sort's, so both agree. */
  stars: (saved: SavedPaper) => number | null;
}
const NO_TESTS: PaperTests = { revised: () => false, followed: () => false, stars: (saved) => saved.paper.githubStars };

export type SortKey = 'saved' | 'published' | 'title' | 'stars' | 'upvotes' | 'relevance';

export const SORT_LABELS: Record<SortKey, string> = {
  saved: 'Date saved',
  published: 'Date published',
  title: 'Title',
  stars: 'Stars',
  upvotes: 'Upvotes',
  relevance: 'Best match',
};

export const NO_FILTERS: ListFilters = { status: 'all', tag: '', site: '', hasCode: false, newVersion: false, followed: false };

/** A paper "has code" when it names at least one repository we would link to. */
export function hasCode(saved: SavedPaper): boolean {
  return saved.paper.githubRepos.some((name) => REPO_NAME.test(name));
}

export function matchesFilters(saved: SavedPaper, filters: ListFilters, tests: Partial<PaperTests> = NO_TESTS): boolean {
  if (filters.status !== 'all' && saved.status !== filters.status) return false;
  if (filters.tag && !hasTag(saved.tags, filters.tag)) return false;
  if (filters.site && saved.paper.source.site !== filters.site) return false;
  if (filters.hasCode && !hasCode(saved)) return false;
  if (filters.newVersion && !(tests.revised ?? NO_TESTS.revised)(saved)) return false;
  if (filters.followed && !(tests.followed ?? NO_TESTS.followed)(saved)) return false;
  return true;
}

export function isFiltered(filters: ListFilters): boolean {
  return filters.status !== 'all' || filters.tag !== '' || filters.site !== '' || filters.hasCode || filters.newVersion || filters.followed;
}

const collator = new Intl.Collator('en', { sensitivity: 'base', numeric: true });

/** Larger first, unknown (null) last. */
const desc = (a: number | null, b: number | null) => (a === null ? (b === null ? 0 : 1) : b === null ? -1 : b - a);
const bySaved = (a: SavedPaper, b: SavedPaper) => b.savedAt - a.savedAt;
// Paper dates sort as their strings (YYYY, YYYY-MM, YYYY-MM-DD), newest first, unknown last: by the earliest day a
// date may mean, and a year or month alone after the days it may be (`2019` after every dated 2019 paper, `2019-07`
// after July's days): a paper known only to be of 2019 never goes ahead of December 2019's.
const byPublished = (a: SavedPaper, b: SavedPaper) => {
  const x = a.paper.published;
  const y = b.paper.published;
  return x === y ? 0 : x === null ? 1 : y === null ? -1 : x < y ? 1 : -1;
};

function comparator(sort: SortKey, scores: ReadonlyMap<string, number> | null, stars: PaperTests['stars']): (a: SavedPaper, b: SavedPaper) => number {
  switch (sort) {
    case 'published':
      return byPublished;
    case 'title':
      return (a, b) => collator.compare(a.paper.title, b.paper.title);
    case 'stars':
      return (a, b) => desc(stars(a), stars(b));
    case 'upvotes':
      return (a, b) => desc(a.paper.upvotes, b.paper.upvotes);
    case 'relevance':
      return scores ? (a, b) => (scores.get(b.id) ?? 0) - (scores.get(a.id) ?? 0) : bySaved;
    case 'saved':
      return bySaved;
  }
}

/** A new, sorted array; ties fall back to newest saved first so the order is stable and predictable. */
export function sortPapers(papers: readonly SavedPaper[], sort: SortKey, scores: ReadonlyMap<string, number> | null = null, stars = NO_TESTS.stars): SavedPaper[] {
  const primary = comparator(sort, scores, stars);
  return [...papers].sort((a, b) => primary(a, b) || bySaved(a, b) || collator.compare(a.id, b.id));
}

/** Search hits (null: no search) ∩ filters ∩ the search's qualifiers (`qualified`, search-syntax.ts; null: none), sorted. */
export function applyQuery(
  papers: readonly SavedPaper[],
  filters: ListFilters,
  sort: SortKey,
  scores: ReadonlyMap<string, number> | null,
  tests: Partial<PaperTests> = NO_TESTS,
  qualified: PaperTest | null = null,
): SavedPaper[] {
  const kept = papers.filter((saved) => (!scores || scores.has(saved.id)) && matchesFilters(saved, filters, tests) && (!qualified || qualified(saved)));
  return sortPapers(kept, sort, scores, tests.stars);
}

/**
 * Every tag with how many papers carry it, most used first, then by name. A tag is one whatever its case, as
 * everywhere else (same-tag.ts: one paper holds it once, its filter and `tag:` match any case, a rename takes every
 * case), even where two papers spell it differently (an import): it is named as most of them spell it.
 */
export function tagCounts(papers: readonly SavedPaper[]): [tag: string, count: number][] {
  const byKey = new Map<string, { count: number; spellings: Map<string, number> }>();
  for (const saved of papers) {
    for (const tag of saved.tags) {
      const key = tagKey(tag);
      let entry = byKey.get(key);
      if (!entry) byKey.set(key, (entry = { count: 0, spellings: new Map() }));
      entry.count++;
      entry.spellings.set(tag, (entry.spellings.get(tag) ?? 0) + 1);
    }
  }
  const named = [...byKey.values()].map(({ count, spellings }): [string, number] => {
    const [spelling] = [...spellings].sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]) || (a[0] < b[0] ? -1 : 1))[0]!;
    return [spelling, count];
  });
  return named.sort((a, b) => b[1] - a[1] || collator.compare(a[0], b[0]));
}

/** Sites the list's papers came from, by the name the filter shows (`scholar` is "Google Scholar"). */
export function siteIds(papers: readonly SavedPaper[]): string[] {
  return [...new Set(papers.map((saved) => saved.paper.source.site))].sort((a, b) => collator.compare(siteName(a), siteName(b)) || collator.compare(a, b));
}
