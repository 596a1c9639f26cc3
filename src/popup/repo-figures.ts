// GitHub's own figures for saved papers' repositories, for the popup's and library's badges and the "Stars" sort. A
// record keeps the star count its page showed when it was saved, which only grows staler; the background's badge cache
// holds what GitHub said since, whenever a page showed the repository's badge. Read from that cache once the list is
// shown (never before its first render, issue #7), and never from GitHub itself: opening the popup costs none of
// GitHub's quota (60 requests an hour without a token), which the pages' badges need.
import { createContext } from 'preact';
import { useContext, useEffect, useRef, useState } from 'preact/hooks';
import type { RepoFigures } from '../background/messages';
import type { SavedPaper } from '../storage/schema';
import type { ReadingListApi } from './api';
import { REPO_NAME } from './format';

export type { RepoFigures };

const NONE: ReadonlyMap<string, RepoFigures> = new Map();
export const RepoFiguresContext = createContext<ReadonlyMap<string, RepoFigures>>(NONE);

/** GitHub compares names in any case, as the cache keys them (storage/repo-cache.ts repoKey). */
const key = (name: string) => name.trim().toLowerCase();

/** The repository a paper's badge shows: its first, if it is one. */
function shownRepo(saved: SavedPaper): string | null {
  const [name] = saved.paper.githubRepos;
  return name && REPO_NAME.test(name) ? name : null;
}

/**
 * The cache's answers by repository, asked for once `ready` (the whole list shown), and for the repositories of papers
 * that come later (saved meanwhile); empty until then, or when reading them fails.
 */
export function useRepoFigures(api: ReadingListApi, papers: readonly SavedPaper[], ready: boolean): ReadonlyMap<string, RepoFigures> {
  const [figures, setFigures] = useState(NONE);
  const asked = useRef(new Set<string>());
  const mounted = useRef(true);
  useEffect(() => () => void (mounted.current = false), []);
  useEffect(() => {
    if (!ready) return;
    const names = new Map<string, string>();
    for (const saved of papers) {
      const name = shownRepo(saved);
      if (name && !asked.current.has(key(name))) names.set(key(name), name);
    }
    if (names.size === 0) return;
    for (const k of names.keys()) asked.current.add(k);
    const list = [...names.values()];
    api.repoFigures(list).then(
      (found) => {
        const known = list.flatMap((name, i) => (found[i] ? [[key(name), found[i]] as const] : []));
        if (mounted.current && known.length) setFigures((before) => new Map([...before, ...known]));
      },
      () => undefined, // the counts saved with the papers stay
    );
  }, [api, papers, ready]);
  return figures;
}

/** A paper's star count as shown, and where it is from: GitHub's cached answer, or the count saved with the paper. */
export interface ShownStars {
  stars: number | null;
  /** GitHub's answer (when it gave it, and whether it said the repository is gone), or null: the count saved. */
  github: RepoFigures | null;
}

/**
 * GitHub's answer where it is newer than the saved count, or where the save kept no count; else the saved count (a
 * page's, read by a save after GitHub's answer: the cache keeps answers up to 30 days).
 */
export function shownStars(saved: SavedPaper, figures: ReadonlyMap<string, RepoFigures>): ShownStars {
  const name = shownRepo(saved);
  const github = name ? figures.get(key(name)) : undefined;
  if (github && (github.fetchedAt >= starsReadAt(saved) || saved.paper.githubStars === null)) return { stars: github.stars, github };
  return { stars: saved.paper.githubStars, github: null };
}

/**
 * When the saved count was read: its own time (Paper.githubStarsAt), else, for a count kept by builds before it, the
 * first save's, the earliest it can be (a later save may have read it).
 */
function starsReadAt(saved: SavedPaper): number {
  return saved.paper.githubStarsAt ?? saved.savedAt;
}

/** shownStars for a component, from the page's figures (RepoFiguresContext). */
export function useShownStars(saved: SavedPaper): ShownStars {
  return shownStars(saved, useContext(RepoFiguresContext));
}

/** The star count each paper shows, for the "Stars" sort (list-query.ts PaperTests.stars). */
export const starsFrom = (figures: ReadonlyMap<string, RepoFigures>) => (saved: SavedPaper) => shownStars(saved, figures).stars;
