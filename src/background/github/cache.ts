// The IndexedDB-backed cache the GitHub and Hugging Face clients use (tests may pass an in-memory one).
import type { Database } from '../../storage/reading-list';
import { getPaperRepos, getRateLimit, getRepo, putPaperRepos, putRateLimit, putRepo } from '../../storage/repo-cache';
import type { PaperReposEntry, RepoCacheEntry } from '../../storage/schema';
import type { RateLimitStore } from './rate-limit';

export interface RepoCache extends RateLimitStore {
  getRepo(key: string): Promise<RepoCacheEntry | null>;
  putRepo(...entries: RepoCacheEntry[]): Promise<void>;
}

export interface PaperRepoCache extends RateLimitStore {
  getPaperRepos(arxivId: string): Promise<PaperReposEntry | null>;
  putPaperRepos(entry: PaperReposEntry): Promise<void>;
}

/** Both caches over the extension's database; `db` is the background's lazy opener. */
export function databaseCache(db: () => Promise<Database>): RepoCache & PaperRepoCache {
  return {
    getRepo: async (key) => getRepo(await db(), key),
    putRepo: async (...entries) => putRepo(await db(), ...entries),
    getPaperRepos: async (id) => getPaperRepos(await db(), id),
    putPaperRepos: async (entry) => putPaperRepos(await db(), entry),
    getRateLimit: async (key) => getRateLimit(await db(), key),
    putRateLimit: async (state) => putRateLimit(await db(), state),
  };
}
