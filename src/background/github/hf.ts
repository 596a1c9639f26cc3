// "Which repository goes with this arXiv paper?" from Hugging Face's paper API, for cards whose own data
// names none. Same rules as the GitHub client: a day's cache (empty answers too), then stale while
// revalidating, one request per paper at a time, and none while Hugging Face's rate limit says wait.
import type { PaperReposEntry } from '../../storage/schema';
import type { PaperRepoCache } from './cache';
import { FRESH_MS, REQUEST_TIMEOUT_MS } from './client';
import { parseHfPaper } from './parse';
import { createLimiter, createSingleFlight, safely } from './queue';
import { createBlocks, HF_MAX_WAIT, hfBlockedUntil } from './rate-limit';

export const HF_PAPERS_API = 'https://huggingface.co/api/papers/';
const BLOCK_KEY = 'huggingface';
/** New-style (`2401.12345`) and old-style (`hep-th/9901001`, `math.GT/0309136`) arXiv ids, no version. */
const ARXIV_ID = /^(?:\d{4}\.\d{4,5}|[a-z-]+(?:\.[A-Z]{2})?\/\d{7})$/;

export interface HfPaperReposOptions {
  fetch: typeof fetch;
  cache: PaperRepoCache;
  now: () => number;
  concurrency?: number;
  /** Tests: REQUEST_TIMEOUT_MS. */
  timeoutMs?: number;
}

export interface HfPaperRepos {
  /** `owner/repo` names Hugging Face links to the paper; `[]` when none, unknown or unreachable. */
  reposFor(arxivId: string): Promise<string[]>;
  idle(): Promise<void>;
}

export function createHfPaperRepos(options: HfPaperReposOptions): HfPaperRepos {
  const { fetch: fetchFn, cache, now, concurrency = 2, timeoutMs = REQUEST_TIMEOUT_MS } = options;
  const limit = createLimiter(concurrency);
  const inFlight = createSingleFlight<string[]>();
  const blocks = createBlocks(cache, now, HF_MAX_WAIT);

  async function reposFor(arxivId: string): Promise<string[]> {
    const id = arxivId.trim().replace(/^arxiv:/i, '').replace(/v\d+$/, ''); // the paper, not a version
    if (!ARXIV_ID.test(id)) return [];
    const cached = await safely(() => cache.getPaperRepos(id), null);
    const age = cached ? now() - cached.fetchedAt : Infinity;
    if (cached && age >= 0 && age < FRESH_MS) return cached.repos;
    if (!cached) return refresh(id, null);
    void refresh(id, cached); // stale: answer now, revalidate behind it
    return cached.repos;
  }

  function refresh(id: string, cached: PaperReposEntry | null): Promise<string[]> {
    const fallback = cached?.repos ?? [];
    return inFlight.run(id, () => limit(() => safely(() => request(id, fallback), fallback)));
  }

  async function request(id: string, fallback: string[]): Promise<string[]> {
    if (await blocks.active(BLOCK_KEY)) return fallback;
    let response: Response;
    try {
      // No cookies: the lookup is anonymous whatever the user's Hugging Face session.
      // Bounded in time, as GitHub's (client.ts): a stalled request would hold its slot, and the cards behind it, forever.
      response = await fetchFn(HF_PAPERS_API + id, { headers: { Accept: 'application/json' }, credentials: 'omit', signal: AbortSignal.timeout(timeoutMs) });
    } catch {
      return fallback;
    }
    const until = hfBlockedUntil(response, now());
    if (until !== null) await blocks.extend(BLOCK_KEY, until);
    let repos: string[] | null = null;
    if (response.status === 404) repos = []; // unknown paper: an answer, cached like any other
    else if (response.ok) repos = parseHfPaper(await safely(() => response.json(), undefined));
    if (repos === null) return fallback; // 429, 5xx, malformed body: keep what we had, cache nothing
    await safely(() => cache.putPaperRepos({ key: id, repos, fetchedAt: now() }), undefined);
    return repos;
  }

  return { reposFor, idle: inFlight.idle };
}
