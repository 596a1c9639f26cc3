// The authors the reader follows (options page; core/authors.ts), for the popup's and the library's lists: the
// "Followed authors" filter and its count, and the follow toggle on a paper's authors in the popup's details. Read
// once the list is shown (never before its first render); a toggle writes through the background and shows its answer.
import { createContext } from 'preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { followedMatcher, type FollowedMatcher } from '../core/authors';
import type { SavedPaper } from '../storage/schema';
import type { ReadingListApi } from './api';
import type { PaperTest } from './list-query';

export interface FollowedAuthors {
  /** The names followed; null until read, or when they could not be. */
  names: readonly string[] | null;
  /** The followed names that find this author (none: not followed). */
  of(author: string): string[];
  /** Whether a saved paper has a followed author (the records' objects are never changed in place, so it is kept). */
  test: PaperTest;
  /** Follow an author as the paper names them, or stop following them; rejects with why the write failed. */
  change(name: string, follow: boolean): Promise<void>;
}

export const FollowedAuthorsContext = createContext<FollowedAuthors | null>(null);

/** The followed authors, asked for once `ready` (the whole list shown). */
export function useFollowedAuthors(api: ReadingListApi, ready: boolean): FollowedAuthors {
  const [names, setNames] = useState<readonly string[] | null>(null);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    api.followedAuthors().then((read) => live && setNames((known) => known ?? read), () => undefined);
    return () => void (live = false);
  }, [api, ready]);
  const change = useCallback(async (name: string, follow: boolean) => setNames(await api.followAuthor(name, follow)), [api]);
  return useMemo(() => {
    const match: FollowedMatcher = followedMatcher(names ?? []);
    const found = new WeakMap<SavedPaper, boolean>();
    const test: PaperTest = (saved) => {
      let has = found.get(saved);
      if (has === undefined) found.set(saved, (has = match(saved.paper.authors).length > 0));
      return has;
    };
    return { names, of: (author) => match([author]), test, change };
  }, [names, change]);
}

/** Papers tested in one go before the count yields to the page (a slice of 2,000 takes ~10 ms; 10,000 at once took ~70). */
const COUNT_SLICE = 2000;

/**
 * How many papers have a followed author: 0 while none is followed, null while counted. The first count of a long list
 * goes a slice at a time, so a keystroke in the search box is not kept waiting; later counts (a record changed) test
 * only the records that changed (FollowedAuthors.test keeps the rest).
 */
export function useFollowedCount(papers: readonly SavedPaper[], followed: FollowedAuthors): number | null {
  const none = !followed.names?.length;
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (none) return;
    let live = true;
    let at = 0;
    let found = 0;
    const step = () => {
      if (!live) return;
      const end = Math.min(papers.length, at + COUNT_SLICE);
      for (; at < end; at++) if (followed.test(papers[at]!)) found++;
      if (at < papers.length) setTimeout(step, 0);
      else setCount(found);
    };
    step();
    return () => void (live = false);
  }, [papers, followed, none]);
  return none ? 0 : count;
}
