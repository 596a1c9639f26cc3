// The authors the reader follows (options page; core/authors.ts), for the popup's and the library's lists: the
// "Followed authors" filter and its count, and the follow toggle on a paper's authors in the popup's details. Read
// once the list is shown (never before its first render); a toggle writes through the background and shows its answer.
import { createContext } from 'preact';
import { useCallback, useContext, useEffect, useMemo, useState } from 'preact/hooks';
import { followedMatcher, type FollowedMatcher } from '../core/authors';
import type { SavedPaper } from '../storage/schema';
import type { ReadingListApi } from './api';
import type { PaperTest } from './list-query';

export interface FollowedAuthors {
  /** The names followed; null until read, or when they could not be. */
  names: readonly string[] | null;
  /** The followed names that find this author (none: not followed). */
  of(author: string): string[];
  /** The followed names that find a saved paper's authors, as the reader wrote them (kept per record: records are never changed in place). */
  ofPaper(saved: SavedPaper): readonly string[];
  /** Whether a saved paper has a followed author. */
  test: PaperTest;
  /** Follow an author as the paper names them, or stop following them; rejects with why the write failed. */
  change(name: string, follow: boolean): Promise<void>;
  /** Show these as the names followed (the background's answer to a write of them elsewhere on the page: an import). */
  show(names: readonly string[]): void;
}

export const FollowedAuthorsContext = createContext<FollowedAuthors | null>(null);

/** The followed names that find this saved paper's authors (none while none is followed, or not known yet). */
export function useFollowing(saved: SavedPaper): readonly string[] {
  const followed = useContext(FollowedAuthorsContext);
  return followed?.names?.length ? followed.ofPaper(saved) : NO_ONE;
}

/** What a list's mark of a paper by followed authors says in full (its hover, and for screen readers). */
export const followingText = (names: readonly string[]) => `By ${names.join(', ')}, whom you follow`;

/** The followed authors, asked for once `ready` (the whole list shown). */
export function useFollowedAuthors(api: ReadingListApi, ready: boolean): FollowedAuthors {
  // Following no one is the same empty list before the read and after it: the tests, and so the list shown, stay as
  // they are when the read says so (at 10,000 papers the list is filtered and sorted again when they change).
  const [names, setNames] = useState<readonly string[]>(NO_ONE);
  const [known, setKnown] = useState(false);
  useEffect(() => {
    if (!ready) return;
    let live = true;
    api.followedAuthors().then(
      (read) => {
        if (!live) return;
        setNames((shown) => (shown !== NO_ONE || !read.length ? shown : read)); // a toggle's answer meanwhile is newer
        setKnown(true);
      },
      () => undefined,
    );
    return () => void (live = false);
  }, [api, ready]);
  const show = useCallback((now: readonly string[]) => {
    setNames(now.length ? now : NO_ONE);
    setKnown(true);
  }, []);
  const change = useCallback(async (name: string, follow: boolean) => show(await api.followAuthor(name, follow)), [api, show]);
  const tests = useMemo(() => {
    const match: FollowedMatcher = followedMatcher(names);
    const found = new WeakMap<SavedPaper, readonly string[]>();
    const ofPaper = (saved: SavedPaper) => {
      let of = found.get(saved);
      if (of === undefined) found.set(saved, (of = match(saved.paper.authors)));
      return of;
    };
    return { of: (author: string) => match([author]), ofPaper, test: (saved: SavedPaper) => ofPaper(saved).length > 0 };
  }, [names]);
  return useMemo(() => ({ ...tests, names: known ? names : null, change, show }), [tests, known, names, change, show]);
}

const NO_ONE: readonly string[] = [];

/** Papers tested in one go before the count yields to the page (a slice of 2,000 takes ~10 ms; 10,000 at once took ~70). */
const COUNT_SLICE = 2000;

/**
 * How many papers have a followed author: 0 while none is followed, null while counted. The first count of a long list
 * goes a slice at a time, so a keystroke in the search box is not kept waiting; later counts (a record changed) test
 * only the records that changed (FollowedAuthors.test keeps the rest).
 */
export function useFollowedCount(papers: readonly SavedPaper[], followed: FollowedAuthors): number | null {
  const none = !followed.names?.length;
  const { test } = followed;
  const [count, setCount] = useState<number | null>(null);
  useEffect(() => {
    if (none) return;
    let live = true;
    let at = 0;
    let found = 0;
    const step = () => {
      if (!live) return;
      const end = Math.min(papers.length, at + COUNT_SLICE);
      for (; at < end; at++) if (test(papers[at]!)) found++;
      if (at < papers.length) setTimeout(step, 0);
      else setCount(found);
    };
    step();
    return () => void (live = false);
  }, [papers, test, none]);
  return none ? 0 : count;
}
