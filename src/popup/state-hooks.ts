// Connecting components to the reading-list state: context for the shared state, hooks for its snapshot
// and for the visible (searched, filtered, sorted) list.
import { createContext } from 'preact';
import { useContext, useEffect, useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { ArxivVersionEntry, SavedPaper } from '../storage/schema';
import type { ReadingListApi } from './api';
import { applyQuery, type ListFilters, type PaperTests, type SortKey } from './list-query';
import { compileSearch, parseSearch, prepareAuthorSearch } from './search-syntax';
import { useSortChoice } from './sort-choice';
import { useRevised } from './arxiv-versions';
import { useFollowedCount, type FollowedAuthors } from './followed-authors';
import { starsFrom } from './repo-figures';
import type { RepoFigures } from '../background/messages';
import { createReadingListState, type ListSnapshot, type ReadingListState, type StateOptions } from './state';

export const ReadingListContext = createContext<ReadingListState | null>(null);

export function useReadingListState(): ReadingListState {
  const state = useContext(ReadingListContext);
  if (!state) throw new Error('useReadingListState needs a ReadingListContext provider');
  return state;
}

/**
 * One state per page, started while the page is mounted; or `started`, a state the page made and started before
 * its first render (the popup: its request is on its way while the first render draws the popup's copy).
 */
export function useReadingList(api: ReadingListApi, options?: StateOptions, started?: ReadingListState): ReadingListState {
  // Options are read once, at creation: they configure, they do not change.
  const state = useMemo(() => started ?? createReadingListState(api, options), [api, started]);
  // A layout effect runs in the render that mounts the page; a plain effect would wait for the first paint
  // (a frame, ~20 ms when the popup opens) before asking for the list.
  useLayoutEffect(() => (state === started ? undefined : state.start()), [state]);
  return state;
}

export function useSnapshot(state: ReadingListState): ListSnapshot {
  const [snapshot, setSnapshot] = useState(() => state.getSnapshot());
  useEffect(() => {
    const update = () => setSnapshot(state.getSnapshot());
    update(); // a change between render and subscription is not missed
    return state.subscribe(update);
  }, [state]);
  return snapshot;
}

export interface ListQuery {
  text: string;
  filters: ListFilters;
  sort: SortKey;
}

/** The words of the typed search that the full-text search looks for ('' for none; search-syntax.ts searchWords). */
export function searchText(typed: string): string {
  return parseSearch(typed).text;
}

export interface ListView {
  papers: SavedPaper[];
  /** A search is typed but the index is still being built. */
  pending: boolean;
  /** The search narrows the list: words to search for, or a qualifier that asks something (`tag:rl`). */
  searched: boolean;
  /** Why a qualifier typed asks nothing or finds nothing (search-syntax.ts), for the line under the box. */
  problems: string[];
}

/** `tests`: what the filters ask beyond the records (list-query.ts PaperTests); kept the same object while they hold. */
export function useListView(state: ReadingListState, snapshot: ListSnapshot, query: ListQuery, tests?: Partial<PaperTests>): ListView {
  const parsed = useMemo(() => parseSearch(query.text), [query.text]);
  const { text } = parsed;
  // `saved:today` and `saved:7d` count from now, and the popup or the library may stay open past midnight.
  const now = useClock(parsed.qualifiers.some((qualifier) => qualifier.key === 'saved'));
  const qualified = useMemo(
    () => compileSearch(parsed.qualifiers, { papers: snapshot.papers, tags: snapshot.tags.map(([tag]) => tag), sites: snapshot.sites, now }),
    [parsed, snapshot.papers, snapshot.tags, snapshot.sites, now],
  );
  // `author:` typed: its name's keystrokes should find every author's family read already (search-syntax.ts).
  const byAuthor = parsed.qualifiers.some((qualifier) => qualifier.key === 'author');
  useEffect(() => {
    if (!byAuthor) return;
    let live = true;
    void prepareAuthorSearch(snapshot.papers, () => new Promise((resolve) => setTimeout(resolve, 0)), () => live);
    return () => void (live = false);
  }, [byAuthor, snapshot.papers]);
  // The words' hits, those a quoted phrase is not in left out (search-index.ts).
  const { query: words } = parsed;
  const scores = useMemo(() => (text ? state.search(text, words ?? undefined) : null), [state, text, words, snapshot.indexVersion, snapshot.indexing]);
  // The papers a word with a minus before it finds (each word as if typed alone), or a quoted phrase with one is in
  // (its words' hits that have it), left out; undefined while indexing.
  const { excluded, excludedPhrases } = parsed;
  const left = useMemo(() => {
    if (!excluded.length && !excludedPhrases.length) return null;
    const found = new Set<string>();
    const searches = [
      ...excluded.map((word) => [word] as const),
      ...excludedPhrases.map((phrase) => [phrase.text, { words: '', phrases: [phrase], typing: false }] as const),
    ];
    for (const [words, query] of searches) {
      const hits = state.search(words, query);
      if (!hits) return undefined;
      for (const id of hits.keys()) found.add(id);
    }
    return found;
  }, [state, excluded, excludedPhrases, snapshot.indexVersion, snapshot.indexing]);
  const test = useMemo(
    () => (left ? (saved: SavedPaper) => !left.has(saved.id) && (!qualified.test || qualified.test(saved)) : qualified.test),
    [left, qualified.test],
  );
  const pending = (Boolean(text) && scores === null) || left === undefined;
  const papers = useMemo(
    () => (pending ? [] : applyQuery(snapshot.papers, query.filters, query.sort, scores, tests, test)),
    [pending, snapshot.papers, query.filters, query.sort, scores, tests, test],
  );
  return { papers, pending, searched: Boolean(text) || test !== null, problems: qualified.problems };
}

/** How often a clock in use is read again. */
const CLOCK_TICK = 60_000;

/**
 * The time while `running`, read again every minute and when the page is shown again (a laptop woken the next
 * morning); undefined while not (nothing to render again).
 */
export function useClock(running: boolean): number | undefined {
  const [reads, setReads] = useState(0);
  useEffect(() => {
    if (!running) return;
    const read = () => setReads((count) => count + 1);
    const shown = () => document.visibilityState === 'visible' && read();
    const timer = setInterval(read, CLOCK_TICK);
    document.addEventListener('visibilitychange', shown);
    return () => {
      clearInterval(timer);
      document.removeEventListener('visibilitychange', shown);
    };
  }, [running]);
  return useMemo(() => (running ? Date.now() : undefined), [running, reads]);
}

/** What the list's own filters ask beyond the records, as the popup and the library read them. */
export interface ListSources {
  versions: ReadonlyMap<string, ArxivVersionEntry>;
  followed: FollowedAuthors;
  repoFigures: ReadonlyMap<string, RepoFigures>;
}

/**
 * The list as the popup and the library show it: searched for `query`, filtered and sorted (the sort the reader chose,
 * relevance while searching), with the counts the filter bar shows (papers with a new arXiv version, by followed
 * authors).
 */
export function useShownList(state: ReadingListState, snapshot: ListSnapshot, query: string, filters: ListFilters, { versions, followed, repoFigures }: ListSources) {
  const searching = searchText(query) !== '';
  const [sort, setSort] = useSortChoice(searching);
  const newVersions = useRevised(snapshot.papers, versions);
  const byFollowed = useFollowedCount(snapshot.papers, followed);
  const tests = useMemo(
    () => ({ revised: newVersions.revised, followed: followed.test, stars: starsFrom(repoFigures) }),
    [newVersions.revised, followed.test, repoFigures],
  );
  const view = useListView(state, snapshot, useMemo(() => ({ text: query, filters, sort }), [query, filters, sort]), tests);
  return { view, searching, sort, setSort, newVersions, byFollowed };
}

/** `value`, but only once it has stopped changing for `ms` (0: at once). */
export function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    if (ms <= 0) {
      setSettled(() => value);
      return;
    }
    const timer = setTimeout(() => setSettled(() => value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return ms <= 0 ? value : settled;
}
