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
