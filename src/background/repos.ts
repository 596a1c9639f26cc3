// The background's repository service for badges: GitHub facts and Hugging Face's paper->repo links,
// both cached in IndexedDB (see ./github). Answers in the protocol's RepoSummary shape.
import type { Database } from '../storage/reading-list';
import type { RepoFigures, RepoSummary } from './messages';
import type { RepoCacheEntry } from '../storage/schema';
import { getRepos } from '../storage/repo-cache';
import { databaseCache } from './github/cache';
import { createGithubClient, type RepoAsk, type RepoResult } from './github/client';
import { createHfPaperRepos } from './github/hf';

export function summarize(result: RepoResult): RepoSummary {
  return {
    name: result.name,
    stars: result.repo?.stars ?? null,
    pushedAt: result.repo?.pushedAt ?? null,
    archived: result.repo?.archived ?? false,
    notFound: result.state === 'not-found',
    ...(result.unavailable ? { unavailable: result.unavailable } : {}),
  };
}

/** What the popup shows of a cached answer: GitHub's figures, and when it gave them. */
export function figures(entry: RepoCacheEntry | null): RepoFigures | null {
  if (!entry) return null;
  const gone = entry.status === 'not-found' || !entry.repo;
  return { stars: gone ? null : entry.repo!.stars, archived: !gone && entry.repo!.archived, notFound: gone, fetchedAt: entry.fetchedAt };
}

export function createRepoService(
  db: () => Promise<Database>,
  token: () => Promise<string | null>,
  /** Records a token GitHub answered 401 to, for the options page (./rejected-token.ts). */
  onTokenRejected?: (token: string) => Promise<void>,
) {
  const cache = databaseCache(db);
  const fetchFn: typeof fetch = (input, init) => fetch(input, init);
  const github = createGithubClient({ fetch: fetchFn, cache, now: Date.now, token, onTokenRejected });
  const hf = createHfPaperRepos({ fetch: fetchFn, cache, now: Date.now });
  return {
    repo: async (name: string, ask?: RepoAsk) => summarize(await github.repo(name, ask)),
    paperRepos: (arxivId: string) => hf.reposFor(arxivId),
    // The cache alone, whatever its age: GitHub's quota (60 requests an hour without a token) is the pages' badges'.
    figures: async (names: readonly string[]) => (await getRepos(await db(), names)).map(figures),
  };
}
