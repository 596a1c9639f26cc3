// Cached GitHub and Hugging Face answers, and rate-limit state. Plain functions over an open database, like
// reading-list.ts; freshness rules live with the callers (src/background/github), not here.
import type { Database } from './reading-list';
import type { PaperReposEntry, RateLimitState, RepoCacheEntry } from './schema';

/** Repository names compare case-insensitively on GitHub, so the cache key is the lowercased name. */
export function repoKey(fullName: string): string {
  return fullName.trim().toLowerCase();
}

/** The cached answer for `owner/repo` (any case), or null. */
export async function getRepo(db: Database, fullName: string): Promise<RepoCacheEntry | null> {
  return (await db.get('repos', repoKey(fullName))) ?? null;
}

/** The cached answers for many names (any case) in one transaction, in their order; null where none. */
export async function getRepos(db: Database, fullNames: readonly string[]): Promise<(RepoCacheEntry | null)[]> {
  const tx = db.transaction('repos');
  const [found] = await Promise.all([Promise.all(fullNames.map((name) => tx.store.get(repoKey(name)))), tx.done]);
  return found.map((entry) => entry ?? null);
}

/** Store one or more answers in one transaction (a rename stores the old and the new name together). */
export async function putRepo(db: Database, ...entries: RepoCacheEntry[]): Promise<void> {
  const tx = db.transaction('repos', 'readwrite');
  await Promise.all([...entries.map((entry) => tx.store.put({ ...entry, key: repoKey(entry.key) })), tx.done]);
}

export async function getPaperRepos(db: Database, arxivId: string): Promise<PaperReposEntry | null> {
  return (await db.get('paperRepos', arxivId)) ?? null;
}

export async function putPaperRepos(db: Database, entry: PaperReposEntry): Promise<void> {
  const tx = db.transaction('paperRepos', 'readwrite');
  await tx.store.put(entry);
  await tx.done;
}

export async function getRateLimit(db: Database, key: string): Promise<RateLimitState | null> {
  const found = await db.get('meta', key);
  return found && 'blockedUntil' in found ? found : null; // the store also holds the saved ids' snapshot, under other keys
}

export async function putRateLimit(db: Database, state: RateLimitState): Promise<void> {
  const tx = db.transaction('meta', 'readwrite');
  await tx.store.put(state);
  await tx.done;
}

/**
 * How long a cached answer is kept after GitHub or Hugging Face last gave it. Every badge and arXiv card a page shows
 * asks, so both caches gain an entry per repository and paper ever seen (an arXiv listing is hundreds of papers a day),
 * and nothing took them out: the database grew for as long as the extension was used. An answer shown again is asked
 * again within a day (FRESH_MS) or a week (MAX_STALE_MS), which renews it; one not shown for this long is of a page
 * not visited since, and is asked for afresh if it is.
 */
export const CACHE_KEPT_MS = 30 * 24 * 60 * 60 * 1000;
/** Entries deleted per transaction: a badge's read of the cache waits for one batch at most, not the whole prune. */
export const PRUNE_BATCH = 500;

/**
 * Delete the GitHub and Hugging Face answers older than CACHE_KEPT_MS (by `fetchedAt`, the stores' `by-fetchedAt`
 * index, made for this), a batch a transaction. Resolves with how many went.
 */
export async function pruneCaches(db: Database, now: number, batch = PRUNE_BATCH): Promise<number> {
  const before = IDBKeyRange.upperBound(now - CACHE_KEPT_MS, true);
  let removed = 0;
  for (const name of ['repos', 'paperRepos'] as const) {
    for (;;) {
      const tx = db.transaction(name, 'readwrite');
      const keys = await tx.store.index('by-fetchedAt').getAllKeys(before, batch);
      await Promise.all([...keys.map((key) => tx.store.delete(key)), tx.done]);
      removed += keys.length;
      if (keys.length < batch) break;
    }
  }
  return removed;
}
