// GitHub repository data for badges: `GET /repos/{owner}/{repo}`, cached a day in IndexedDB then served
// stale while it revalidates (ETag), one request per repository at a time, a few in flight, and no
// request at all while GitHub's rate limit says wait. Never throws: the worst answer is "unavailable".
import type { RepoCacheEntry, RepoInfo } from '../../storage/schema';
import { repoKey } from '../../storage/repo-cache';
import type { RepoCache } from './cache';
import { githubMessage, isPrivateRepo, parseGithubRepo, REPO_NAME } from './parse';
import { createLimiter, createSingleFlight, safely } from './queue';
import { createBlocks, GITHUB_MAX_WAIT, githubBlockedUntil } from './rate-limit';

export type { RepoInfo };

export const GITHUB_API = 'https://api.github.com';
/** How long an answer (including "not found") is used without asking again. */
export const FRESH_MS = 24 * 60 * 60 * 1000;
/**
 * How long a repository whose request failed (offline, 5xx, refused, a body that is no repository) is not asked again:
 * nothing is cached then, and the cards that share it, built a block at a time as the reader scrolls, would each ask.
 */
export const RETRY_MS = 5 * 60 * 1000;
/**
 * How old an answer may be and still be shown while GitHub cannot be asked (rate limit, offline). Served stale without
 * a bound, a star count from months ago stood as the repository's for as long as the limit lasted, and its last push
 * aged as if nothing had been pushed since. Older than this, it is asked for like a miss, and is "unavailable" if
 * GitHub does not answer (its ETag still makes a 304 refresh it).
 */
export const MAX_STALE_MS = 7 * FRESH_MS;
/**
 * How long one request may take. fetch has no limit of its own: a connection that stalls (a captive portal, a network
 * that went away mid-request) held its repository's single flight and one of the few slots until the worker died, and
 * with a few of them every badge's request waited behind them, the batch of cards that asked answered never.
 */
export const REQUEST_TIMEOUT_MS = 20_000;
/**
 * The requests of GitHub's hour kept for badges that have no figures of their own. A Hugging Face card shows the stars
 * its page gives (which cost no GitHub quota): GitHub is asked for its last push only while more than this many
 * requests are left, so a long Hugging Face listing does not spend the anonymous 60 an hour that an arXiv listing's
 * badges, which have nothing else, need. A third of the anonymous hour; with a token (5,000) it never binds.
 */
export const SPARE_RESERVE = 20;

/** Options of one lookup. */
export interface RepoAsk {
  /** The card shows figures of its own (the page's stars): GitHub is not asked when its quota runs low (SPARE_RESERVE). */
  spare?: boolean;
}

/**
 * Why a repository has no figures: GitHub's rate limit (its hour's requests spent, a secondary limit, or the reserve kept
 * for badges with nothing else), GitHub out of reach (offline, DNS, timed out), or an answer that was no repository (5xx,
 * a refusal, a body that does not parse). A badge says which, so "unavailable" is not read as "no stars" or "not found".
 */
export type UnavailableReason = 'rate-limit' | 'unreachable' | 'error';

/** Why, and when GitHub will be asked again (epoch ms; null when no time is known). */
export interface Unavailable {
  reason: UnavailableReason;
  retryAt: number | null;
}

export interface RepoResult {
  /** fresh: cached < 24 h or just fetched; stale: older cache, under MAX_STALE_MS (revalidating, or GitHub unreachable). */
  state: 'fresh' | 'stale' | 'not-found' | 'unavailable';
  repo: RepoInfo | null;
  /** What to show: GitHub's current name when known (renames followed), else the name asked for. */
  name: string;
  /** State 'unavailable' only: why, and when to try again. */
  unavailable?: Unavailable;
}

export interface GithubClientOptions {
  fetch: typeof fetch;
  cache: RepoCache;
  now: () => number;
  /** The optional personal access token (options page); read per request so a change applies at once. */
  token?: () => Promise<string | null>;
  concurrency?: number;
  /** Tests: REQUEST_TIMEOUT_MS. */
  timeoutMs?: number;
  /**
   * Called once per token GitHub answers 401 to (revoked, expired, mistyped), so the options page can say so; the token
   * is asked without from then on. May be async; its failure is only logged.
   */
  onTokenRejected?: (token: string) => void | Promise<void>;
  /** Called after a background revalidation, with the name asked for, so badges can update. */
  onRevalidated?: (name: string, result: RepoResult) => void;
}

export interface GithubClient {
  repo(fullName: string, ask?: RepoAsk): Promise<RepoResult>;
  /** Resolves when no request is in flight or queued (tests; shutdown). */
  idle(): Promise<void>;
}

type Entry = RepoCacheEntry | null;

export function createGithubClient(options: GithubClientOptions): GithubClient {
  const { fetch: fetchFn, cache, now, token = async () => null, concurrency = 4, timeoutMs = REQUEST_TIMEOUT_MS, onRevalidated, onTokenRejected } = options;
  const limit = createLimiter(concurrency);
  const inFlight = createSingleFlight<RepoResult>();
  const blocks = createBlocks(cache, now, GITHUB_MAX_WAIT);
  /** Answers the cache could not keep (storage full or broken), held here instead so they are not asked again. */
  const uncached = new Map<string, RepoCacheEntry>();
  /** When each repository's last request failed, and how (this worker's life; a success forgets it). */
  const failures = new Map<string, { at: number; reason: UnavailableReason }>();
  /** Tokens GitHub answered 401 to: not sent again, so one revoked token does not cost every badge. */
  const rejectedTokens = new Set<string>();

  /** What GitHub's last answer said is left of its quota, per quota (anonymous, token), until it resets. */
  const quota = new Map<string, { remaining: number; resetAt: number }>();
  const runningLow = (blockKey: string) => {
    const left = quota.get(blockKey);
    return !!left && left.remaining < SPARE_RESERVE && now() < left.resetAt;
  };
  function noteQuota(blockKey: string, headers: Headers): void {
    const remaining = Number(headers.get('x-ratelimit-remaining') ?? NaN);
    const reset = Number(headers.get('x-ratelimit-reset') ?? NaN); // epoch seconds
    if (headers.get('x-ratelimit-remaining')?.trim() && Number.isInteger(remaining) && Number.isFinite(reset)) quota.set(blockKey, { remaining, resetAt: reset * 1000 });
  }

  /** The failure a repository is still cooling down from (RETRY_MS), if any. */
  const coolingDown = (key: string): Unavailable | null => {
    const failure = failures.get(key);
    const since = failure ? now() - failure.at : -1;
    return failure && since >= 0 && since < RETRY_MS ? { reason: failure.reason, retryAt: failure.at + RETRY_MS } : null;
  };

  async function repo(fullName: string, ask: RepoAsk = {}): Promise<RepoResult> {
    const name = fullName.trim();
    if (!REPO_NAME.test(name)) return { state: 'not-found', repo: null, name }; // cannot exist; never asked
    const key = repoKey(name);
    // The newer of the two: storage that filled up keeps an old entry, which must not hide the answer held here since.
    const stored = await safely(() => cache.getRepo(key), null);
    const held = uncached.get(key);
    const cached = (held && (!stored || held.fetchedAt > stored.fetchedAt) ? held : stored) ?? null;
    const age = cached ? now() - cached.fetchedAt : Infinity;
    if (cached && age >= 0 && age < FRESH_MS) return answer(cached, name, 'fresh');
    const cooling = coolingDown(key);
    if (cooling) return fallback(cached, name, cooling);
    if (!servable(cached)) return refresh(name, key, cached, ask);
    // Stale: answer at once, revalidate behind it.
    void refresh(name, key, cached, ask).then((result) => notify(name, result));
    return answer(cached, name, 'stale');
  }

  /** Whether a cached answer may still be shown (age < MAX_STALE_MS; one from the future is stale, as above). */
  function servable(cached: Entry): cached is RepoCacheEntry {
    return !!cached && now() - cached.fetchedAt < MAX_STALE_MS;
  }

  /** What to answer when GitHub cannot be asked or did not answer usefully: whatever is cached, unless too old. */
  function fallback(cached: Entry, name: string, why: Unavailable): RepoResult {
    return servable(cached) ? answer(cached, name, 'stale') : { state: 'unavailable', repo: null, name, unavailable: why };
  }

  function notify(name: string, result: RepoResult): void {
    try {
      onRevalidated?.(name, result);
    } catch (error) {
      console.warn('Papershelf: onRevalidated failed:', error); // a listener's bug must not reject in the void
    }
  }

  function tellRejected(token: string): void {
    try {
      void Promise.resolve(onTokenRejected?.(token)).catch((error: unknown) => console.warn('Papershelf: onTokenRejected failed:', error));
    } catch (error) {
      console.warn('Papershelf: onTokenRejected failed:', error);
    }
  }

  function refresh(name: string, key: string, cached: Entry, ask: RepoAsk): Promise<RepoResult> {
    return inFlight.run(key, () => limit(() => request(name, key, cached, ask).catch(() => failed(key, cached, name, 'error'))));
  }

  /** What was cached, and the repository is not asked again before RETRY_MS. */
  function failed(key: string, cached: Entry, name: string, reason: UnavailableReason): RepoResult {
    const at = now();
    failures.set(key, { at, reason });
    return fallback(cached, name, { reason, retryAt: at + RETRY_MS });
  }

  /** GitHub's limit says wait (the block until its reset, or the reserve until the hour's end). */
  const limited = (retryAt: number | null): Unavailable => ({ reason: 'rate-limit', retryAt });

  async function request(name: string, key: string, cached: Entry, ask: RepoAsk): Promise<RepoResult> {
    const given = validToken(await safely(token, null));
    const auth = given && !rejectedTokens.has(given) ? given : null;
    const blockKey = auth ? 'github:token' : 'github:anonymous'; // a token has its own, larger quota
    if (await blocks.active(blockKey)) return fallback(cached, name, limited(await blocks.until(blockKey)));
    // The card keeps its page's stars.
    if (ask.spare && runningLow(blockKey)) return fallback(cached, name, limited(quota.get(blockKey)?.resetAt ?? null));
    const url = `${GITHUB_API}/repos/${name}`;
    let response: Response;
    try {
      response = await fetchFn(url, {
        headers: githubHeaders(url, auth, cached?.status === 'ok' ? cached.etag : null),
        credentials: 'omit',
        cache: 'no-store', // our own ETag handling; the HTTP cache must not answer for GitHub
        signal: AbortSignal.timeout(timeoutMs), // also bounds reading the body below (a stalled body is a failure)
      });
    } catch {
      return failed(key, cached, name, 'unreachable'); // offline, DNS, CORS, timed out…
    }
    if (response.status === 401 && auth) {
      // Revoked, expired or mistyped: public repositories need no token, so ask again without it.
      if (!rejectedTokens.has(auth)) {
        rejectedTokens.add(auth);
        console.warn('Papershelf: GitHub rejected the token from the options page (401); asking without it');
        tellRejected(auth);
      }
      return request(name, key, cached, ask);
    }
    noteQuota(blockKey, response.headers);
    const json = response.status === 200 || response.status >= 400 ? await safely(() => response.json(), undefined) : undefined;
    const until = githubBlockedUntil(response, githubMessage(json), now());
    if (until !== null) {
      await blocks.extend(blockKey, until);
      if (response.status === 403 || response.status === 429) return fallback(cached, name, limited(await blocks.until(blockKey))); // the block says when to ask again
    }
    // A redirect may only land on the API itself.
    if (response.url && !response.url.startsWith(`${GITHUB_API}/`)) return failed(key, cached, name, 'error');

    if (response.status === 304 && cached) {
      const etag = response.headers.get('etag') ?? cached.etag;
      return store(name, { ...cached, etag, fetchedAt: now() });
    }
    if (response.status === 404 || response.status === 410 || response.status === 451) {
      // Missing, private, deleted or taken down: all "not found" for a badge.
      return store(name, { key, repo: null, status: 'not-found', etag: null, fetchedAt: now() });
    }
    if (response.status !== 200) return failed(key, cached, name, 'error'); // 5xx, refused…
    // One only the token sees is no paper's code to anyone else: "not found", as GitHub answers without the token.
    if (isPrivateRepo(json)) return store(name, { key, repo: null, status: 'not-found', etag: null, fetchedAt: now() });
    const info = parseGithubRepo(json);
    if (!info) return failed(key, cached, name, 'error');
    const entry: RepoCacheEntry = { key, repo: info, status: 'ok', etag: response.headers.get('etag'), fetchedAt: now() };
    // Renamed or transferred (fetch followed the 301): cache under the new name too.
    const renamed = repoKey(info.fullName) !== key ? [{ ...entry, key: repoKey(info.fullName) }] : [];
    return store(name, entry, ...renamed);
  }

  async function store(name: string, ...entries: [RepoCacheEntry, ...RepoCacheEntry[]]): Promise<RepoResult> {
    failures.delete(entries[0].key);
    const kept = await safely(() => cache.putRepo(...entries).then(() => true), false);
    for (const entry of entries) {
      if (kept) uncached.delete(entry.key);
      else uncached.set(entry.key, entry);
    }
    return answer(entries[0], name, 'fresh');
  }

  return { repo, idle: inFlight.idle };
}

function answer(entry: RepoCacheEntry, name: string, state: 'fresh' | 'stale'): RepoResult {
  if (entry.status === 'not-found' || !entry.repo) return { state: 'not-found', repo: null, name };
  return { state, repo: entry.repo, name: entry.repo.fullName };
}

/** A token goes into a header: anything but visible ASCII is a paste accident, not a token. */
function validToken(token: string | null): string | null {
  const trimmed = token?.trim() ?? '';
  return /^[\x21-\x7e]{1,255}$/.test(trimmed) ? trimmed : null;
}

/** Request headers for `url`; exported for the token-scope test. */
export function githubHeaders(url: string, token: string | null, etag: string | null): Record<string, string> {
  const headers: Record<string, string> = {
    Accept: 'application/vnd.github+json',
    'X-GitHub-Api-Version': '2022-11-28',
  };
  if (etag) headers['If-None-Match'] = etag;
  // The token is for GitHub's API only: checked on the final URL, not assumed from how it was built.
  if (token && new URL(url).origin === GITHUB_API) headers.Authorization = `Bearer ${token}`;
  return headers;
}
