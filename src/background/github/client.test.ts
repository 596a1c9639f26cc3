import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { getRepo, putRepo } from '../../storage/repo-cache';
import { createGithubClient, FRESH_MS, githubHeaders, MAX_STALE_MS, RETRY_MS, SPARE_RESERVE, type GithubClientOptions } from './client';
import { createHfPaperRepos } from './hf';
import { clock, DAY, deferred, fakeFetch, freshDatabase, githubRepoBody, HOUR, jsonResponse, notModified, stalled, within } from './test-helpers';

const ETAG = 'W/"6f1ed002ab5595859014ebf0951522d9"';
const ok = (name: string, overrides = {}, headers: Record<string, string> = {}) =>
  jsonResponse(githubRepoBody(name, overrides), 200, { etag: ETAG, 'x-ratelimit-remaining': '57', ...headers });

async function setup(script: Parameters<typeof fakeFetch>[0], extra: Partial<GithubClientOptions> = {}) {
  const { db, cache } = await freshDatabase();
  const time = clock();
  const fake = fakeFetch(script);
  const client = createGithubClient({ fetch: fake.fetch, cache, now: time.now, ...extra });
  return { db, cache, time, fake, client };
}

describe('GitHub client: cache', () => {
  it('fetches a miss once with the API headers, then answers from cache for a day', async () => {
    const { client, fake, time } = await setup((url) => ok('facebookresearch/segment-anything'));
    const first = await client.repo('facebookresearch/segment-anything');
    expect(first).toEqual({
      state: 'fresh',
      name: 'facebookresearch/segment-anything',
      repo: {
        fullName: 'facebookresearch/segment-anything',
        stars: 1234,
        forks: 56,
        pushedAt: '2026-06-29T17:45:12Z',
        archived: false,
        description: 'Official implementation of the paper.',
        language: 'Python',
        license: 'MIT',
        htmlUrl: 'https://github.com/facebookresearch/segment-anything',
      },
    });
    expect(fake.calls).toHaveLength(1);
    const call = fake.calls[0]!;
    expect(call.url).toBe('https://api.github.com/repos/facebookresearch/segment-anything');
    expect(call.headers.get('accept')).toBe('application/vnd.github+json');
    expect(call.headers.get('x-github-api-version')).toBe('2022-11-28');
    expect(call.headers.has('authorization')).toBe(false);
    expect(call.headers.has('if-none-match')).toBe(false);
    expect(call.init.credentials).toBe('omit');

    time.advance(DAY - 1);
    expect(await client.repo('FacebookResearch/Segment-Anything')).toMatchObject({ state: 'fresh', name: 'facebookresearch/segment-anything' });
    expect(fake.calls).toHaveLength(1);
  });

  it('serves a stale entry at once, revalidates with If-None-Match, and a 304 refreshes it', async () => {
    const gate = deferred<Response>();
    let answer: () => Response | Promise<Response> = () => ok('owner/repo');
    const revalidated = vi.fn();
    const { client, fake, time, db } = await setup(() => answer(), { onRevalidated: revalidated });
    await client.repo('owner/repo');
    time.advance(DAY + 1);
    answer = () => gate.promise;

    const stale = await client.repo('owner/repo'); // answered while the request is still open
    expect(stale).toMatchObject({ state: 'stale', repo: { stars: 1234 } });
    await vi.waitFor(() => expect(fake.calls).toHaveLength(2));
    expect(fake.calls[1]!.headers.get('if-none-match')).toBe(ETAG);

    gate.resolve(notModified({ etag: ETAG }));
    await client.idle();
    expect((await getRepo(db, 'owner/repo'))?.fetchedAt).toBe(time.now());
    expect(revalidated).toHaveBeenCalledWith('owner/repo', expect.objectContaining({ state: 'fresh' }));
    expect(await client.repo('owner/repo')).toMatchObject({ state: 'fresh', repo: { stars: 1234 } });
    expect(fake.calls).toHaveLength(2);
  });

  it('stores a changed repository from a 200 revalidation', async () => {
    let stars = 10;
    const { client, fake, time } = await setup(() => ok('owner/repo', { stargazers_count: stars, archived: stars > 10 }));
    await client.repo('owner/repo');
    time.advance(2 * DAY);
    stars = 99;
    expect(await client.repo('owner/repo')).toMatchObject({ state: 'stale', repo: { stars: 10 } });
    await client.idle();
    expect(await client.repo('owner/repo')).toMatchObject({ state: 'fresh', repo: { stars: 99, archived: true } });
    expect(fake.calls).toHaveLength(2);
  });

  it('caches a 404 as not found for a day, then asks again', async () => {
    let exists = false;
    const { client, fake, time } = await setup(() => (exists ? ok('owner/was-private') : jsonResponse({ message: 'Not Found' }, 404)));
    expect(await client.repo('owner/was-private')).toEqual({ state: 'not-found', repo: null, name: 'owner/was-private' });
    time.advance(23 * HOUR);
    expect(await client.repo('owner/was-private')).toMatchObject({ state: 'not-found' });
    expect(fake.calls).toHaveLength(1);

    time.advance(2 * HOUR);
    exists = true;
    expect(await client.repo('owner/was-private')).toMatchObject({ state: 'not-found' }); // stale answer, re-asked behind it
    await client.idle();
    expect(fake.calls).toHaveLength(2);
    expect(await client.repo('owner/was-private')).toMatchObject({ state: 'fresh', repo: { fullName: 'owner/was-private' } });
  });

  it('follows a renamed repository and caches it under both names', async () => {
    // GitHub answers 301 to /repositories/<id>; fetch follows it and hands over the final response.
    const { client, fake, db } = await setup(() =>
      jsonResponse(githubRepoBody('new-owner/new-name'), 200, { etag: ETAG }, 'https://api.github.com/repositories/123456789'),
    );
    const result = await client.repo('old-owner/old-name');
    expect(result).toMatchObject({ state: 'fresh', name: 'new-owner/new-name', repo: { fullName: 'new-owner/new-name' } });
    expect((await getRepo(db, 'old-owner/old-name'))?.repo?.fullName).toBe('new-owner/new-name');
    expect((await getRepo(db, 'new-owner/new-name'))?.repo?.fullName).toBe('new-owner/new-name');
    expect(await client.repo('New-Owner/New-Name')).toMatchObject({ state: 'fresh' });
    expect(fake.calls).toHaveLength(1);
  });

  it('never asks for a name that cannot be a repository', async () => {
    const { client, fake } = await setup(() => ok('x/y'));
    for (const name of ['owner/..', 'owner/.', 'a/b/c', 'owner', '-/../../user', 'owner/repo?x=1']) {
      expect(await client.repo(name)).toMatchObject({ state: 'not-found', repo: null });
    }
    expect(fake.calls).toHaveLength(0);
  });
});

describe('GitHub client: concurrency', () => {
  it('makes one request for ten concurrent callers of the same repository', async () => {
    const gate = deferred<Response>();
    const { client, fake } = await setup(() => gate.promise);
    const answers = Array.from({ length: 10 }, (_, i) => client.repo(i % 2 ? 'Owner/Repo' : 'owner/repo'));
    await vi.waitFor(() => expect(fake.calls).toHaveLength(1));
    gate.resolve(ok('owner/repo'));
    const results = await Promise.all(answers);
    expect(new Set(results.map((r) => r.repo?.stars))).toEqual(new Set([1234]));
    expect(fake.calls).toHaveLength(1);
  });

  it('keeps at most `concurrency` requests in flight and finishes them all', async () => {
    const gates: Array<() => void> = [];
    const { client, fake } = await setup(
      (url) => new Promise((resolve) => gates.push(() => resolve(ok(url.slice('https://api.github.com/repos/'.length))))),
      { concurrency: 3 },
    );
    const answers = Array.from({ length: 10 }, (_, i) => client.repo(`owner/repo-${i}`));
    while (fake.calls.length < 10 || gates.length > 0) {
      await vi.waitFor(() => expect(gates.length).toBeGreaterThan(0));
      expect(fake.maxInFlight).toBeLessThanOrEqual(3);
      gates.shift()!();
    }
    const results = await Promise.all(answers);
    expect(results.map((r) => r.name)).toEqual(Array.from({ length: 10 }, (_, i) => `owner/repo-${i}`));
    expect(fake.maxInFlight).toBe(3);
  });
});

describe('GitHub client: rate limits', () => {
  it("keeps the quota's last requests for badges with no figures of their own: one showing the page's stars is not asked then", async () => {
    let remaining = 40;
    const { client, fake, time } = await setup((url) =>
      ok(url.slice('https://api.github.com/repos/'.length), {}, { 'x-ratelimit-remaining': String(--remaining), 'x-ratelimit-reset': String(time.now() / 1000 + 1800) }),
    );
    // Plenty left: a card with the page's stars is asked for as any other (its last push, whether archived).
    expect(await client.repo('hf/first', { spare: true })).toMatchObject({ state: 'fresh' });
    time.advance(DAY + 1); // its answer is a day old now
    for (let i = 0; i < 19; i++) await client.repo(`arxiv/card${i}`);
    expect(remaining).toBe(SPARE_RESERVE);
    expect(await client.repo('hf/second', { spare: true })).toMatchObject({ state: 'fresh' }); // 20 left: asked
    const asked = fake.calls.length;
    // Below the reserve: the card keeps its page's figures, and the requests left go to badges that have none.
    // Its badge would say why, and until when: the hour's end (it shows the page's stars instead).
    const reserved = { reason: 'rate-limit', retryAt: time.now() + 30 * 60_000 };
    expect(await client.repo('hf/third', { spare: true })).toEqual({ state: 'unavailable', repo: null, name: 'hf/third', unavailable: reserved });
    expect(fake.calls).toHaveLength(asked);
    expect(await client.repo('arxiv/next')).toMatchObject({ state: 'fresh' });
    expect(fake.calls).toHaveLength(asked + 1);
    // A cached answer is still given, and is not revalidated while the quota is low.
    expect(await client.repo('hf/first', { spare: true })).toMatchObject({ state: 'stale', repo: { stars: 1234 } });
    await client.idle();
    expect(fake.calls).toHaveLength(asked + 1);
    // Once the hour is over, the card's repository is asked for again.
    time.advance(HOUR);
    expect(await client.repo('hf/third', { spare: true })).toMatchObject({ state: 'fresh' });
    expect(fake.calls).toHaveLength(asked + 2);
  });

  it('stops after X-RateLimit-Remaining: 0 until X-RateLimit-Reset, then resumes', async () => {
    const { client, fake, time } = await setup((url) =>
      ok(url.slice('https://api.github.com/repos/'.length), {}, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(time.now() / 1000 + 1800) }),
    );
    expect(await client.repo('owner/first')).toMatchObject({ state: 'fresh' }); // the last allowed answer is kept
    // The badge can say why, and when GitHub will be asked again: at the reset.
    expect(await client.repo('owner/second')).toEqual({ state: 'unavailable', repo: null, name: 'owner/second', unavailable: { reason: 'rate-limit', retryAt: time.now() + 30 * 60_000 } });
    time.advance(29 * 60 * 1000);
    expect(await client.repo('owner/second')).toMatchObject({ state: 'unavailable' });
    expect(fake.calls).toHaveLength(1);

    time.advance(61 * 1000); // past the reset
    expect(await client.repo('owner/second')).toMatchObject({ state: 'fresh' });
    expect(fake.calls).toHaveLength(2);
  });

  it('a 403 "API rate limit exceeded" answers from cache and blocks until reset, surviving a restart', async () => {
    let limited = false;
    const { client, fake, time, cache } = await setup(() =>
      limited
        ? jsonResponse(
            { message: 'API rate limit exceeded for 203.0.113.7. (But here\'s the good news: Authenticated requests get a higher rate limit.)', documentation_url: 'https://docs.github.com/rest/overview/rate-limits-for-the-rest-api' },
            403,
            { 'x-ratelimit-limit': '60', 'x-ratelimit-remaining': '0', 'x-ratelimit-used': '60', 'x-ratelimit-reset': String(Math.floor(time.now() / 1000) + 3600) },
          )
        : ok('owner/cached'),
    );
    await client.repo('owner/cached');
    time.advance(DAY + 1);
    limited = true;
    expect(await client.repo('owner/cached')).toMatchObject({ state: 'stale', repo: { stars: 1234 } });
    await client.idle();
    expect(await client.repo('owner/cached')).toMatchObject({ state: 'stale' }); // blocked: no new request
    expect(await client.repo('owner/other')).toMatchObject({ state: 'unavailable', name: 'owner/other' });
    expect(fake.calls).toHaveLength(2);

    // The service worker restarts: a new client over the same database still waits.
    const restarted = createGithubClient({ fetch: fake.fetch, cache, now: time.now });
    expect(await restarted.repo('owner/other')).toMatchObject({ state: 'unavailable' });
    expect(await restarted.repo('owner/cached')).toMatchObject({ state: 'stale', repo: { stars: 1234 } }); // cache survived too
    await restarted.idle();
    expect(fake.calls).toHaveLength(2);

    time.advance(HOUR + 1000);
    limited = false;
    expect(await restarted.repo('owner/other')).toMatchObject({ state: 'fresh' });
    expect(fake.calls).toHaveLength(3);
  });

  it('honours retry-after on a secondary-limit 429, and a limit message without headers', async () => {
    let answer = () => jsonResponse({ message: 'You have exceeded a secondary rate limit.' }, 429, { 'retry-after': '120' });
    const { client, fake, time } = await setup(() => answer());
    expect(await client.repo('owner/a')).toMatchObject({ state: 'unavailable' });
    time.advance(119_000);
    expect(await client.repo('owner/a')).toMatchObject({ state: 'unavailable' });
    expect(fake.calls).toHaveLength(1);
    time.advance(2000);
    answer = () => jsonResponse({ message: 'You have exceeded a secondary rate limit. Please wait a few minutes.' }, 403);
    await client.repo('owner/a');
    expect(fake.calls).toHaveLength(2);
    time.advance(59_000);
    await client.repo('owner/a');
    expect(fake.calls).toHaveLength(2); // a minute's wait when GitHub names no time
    time.advance(2000);
    answer = () => ok('owner/a');
    expect(await client.repo('owner/a')).toMatchObject({ state: 'fresh' });
  });

  it('a 429 blocks for a minute even without retry-after or a message, and so does a 403 "abuse detection" answer', async () => {
    let answer = () => new Response('Too Many Requests', { status: 429 });
    const { client, fake, time } = await setup(() => answer());
    expect(await client.repo('owner/a')).toMatchObject({ state: 'unavailable' });
    expect(await client.repo('owner/b')).toMatchObject({ state: 'unavailable' });
    expect(fake.calls).toHaveLength(1);
    time.advance(61_000);
    answer = () => jsonResponse({ message: 'You have triggered an abuse detection mechanism. Please wait a few minutes before you try again.' }, 403);
    await client.repo('owner/c');
    await client.repo('owner/d');
    expect(fake.calls).toHaveLength(2);
    time.advance(61_000);
    answer = () => ok('owner/e');
    expect(await client.repo('owner/e')).toMatchObject({ state: 'fresh' });
  });

  it('a plain 403 (not a rate limit) blocks nothing', async () => {
    const { client, fake } = await setup(() => jsonResponse({ message: 'Repository access blocked' }, 403));
    expect(await client.repo('owner/a')).toMatchObject({ state: 'unavailable' });
    expect(await client.repo('owner/b')).toMatchObject({ state: 'unavailable' });
    expect(fake.calls).toHaveLength(2);
  });
});

describe('GitHub client: failures never throw', () => {
  it('network failure: unavailable without cache, the cached repository with one', async () => {
    let offline = false;
    const { client, time } = await setup(() => {
      if (offline) throw new TypeError('Failed to fetch');
      return ok('owner/known');
    });
    await client.repo('owner/known');
    offline = true;
    time.advance(DAY + 1);
    const unreachable = { reason: 'unreachable', retryAt: time.now() + RETRY_MS };
    expect(await client.repo('owner/unknown')).toEqual({ state: 'unavailable', repo: null, name: 'owner/unknown', unavailable: unreachable });
    expect(await client.repo('owner/unknown')).toEqual({ state: 'unavailable', repo: null, name: 'owner/unknown', unavailable: unreachable }); // cooling down, as said
    expect(await client.repo('owner/known')).toMatchObject({ state: 'stale', repo: { stars: 1234 } });
    await client.idle();
    expect(await client.repo('owner/known')).toMatchObject({ state: 'stale' }); // failure did not refresh it
  });

  it('server errors and malformed bodies leave the cache alone and answer unavailable', async () => {
    const bodies: Array<() => Response> = [
      () => jsonResponse('<html>Unicorn!</html>', 200),
      () => jsonResponse('{"full_name": "owner/repo", ', 200),
      () => jsonResponse(githubRepoBody('owner/repo', { stargazers_count: 'lots' })),
      () => jsonResponse(githubRepoBody('owner/repo', { html_url: 'javascript:alert(1)' })),
      () => jsonResponse(githubRepoBody('../../evil')),
      () => jsonResponse(null),
      () => jsonResponse({ message: 'Server Error' }, 502),
    ];
    let answer = bodies[0]!;
    const { client, db, time } = await setup(() => answer());
    for (const body of bodies) {
      answer = body;
      expect(await client.repo('owner/repo')).toEqual({ state: 'unavailable', repo: null, name: 'owner/repo', unavailable: { reason: 'error', retryAt: time.now() + RETRY_MS } });
    }
    expect(await getRepo(db, 'owner/repo')).toBeNull();
  });

  it('a repository whose request failed is not asked again for a while: 1,000 cards sharing it make one request', async () => {
    let answer: () => Response = () => jsonResponse({ message: 'Server Error' }, 502);
    const { client, fake, time } = await setup(() => answer());
    // The cards come as the reader scrolls: a block of 8 at a time, each block asking once its overlays are built.
    for (let block = 0; block < 125; block++) {
      const results = await Promise.all(Array.from({ length: 8 }, () => client.repo('owner/shared')));
      expect(results.every((r) => r.state === 'unavailable')).toBe(true);
    }
    expect(fake.calls).toHaveLength(1);
    expect(await client.repo('owner/other')).toMatchObject({ state: 'unavailable' }); // another repository is asked
    expect(fake.calls).toHaveLength(2);

    time.advance(RETRY_MS + 1);
    answer = () => ok('owner/shared');
    expect(await client.repo('owner/shared')).toMatchObject({ state: 'fresh' });
    expect(fake.calls).toHaveLength(3);
  });

  it('a stale entry whose revalidation failed is served without asking again on every card', async () => {
    let offline = false;
    const { client, fake, time } = await setup(() => {
      if (offline) throw new TypeError('Failed to fetch');
      return ok('owner/known');
    });
    await client.repo('owner/known');
    time.advance(DAY + 1);
    offline = true;
    for (let i = 0; i < 50; i++) {
      expect(await client.repo('owner/known')).toMatchObject({ state: 'stale', repo: { stars: 1234 } });
      await client.idle();
    }
    expect(fake.calls).toHaveLength(2);
  });

  it('an answer older than a week is not shown as the repository\'s: asked for like a miss, unavailable if GitHub cannot answer', async () => {
    let answer = (url: string): Response => (url.endsWith('/owner/gone') ? jsonResponse({ message: 'Not Found' }, 404) : ok('owner/old'));
    const { client, fake, time } = await setup((url) => answer(url));
    await client.repo('owner/old');
    expect(await client.repo('owner/gone')).toMatchObject({ state: 'not-found' });
    time.advance(MAX_STALE_MS - 1);
    answer = () => {
      throw new TypeError('Failed to fetch');
    };
    expect(await client.repo('owner/old')).toMatchObject({ state: 'stale', repo: { stars: 1234 } }); // within the week
    await client.idle();
    time.advance(RETRY_MS);
    // Offline (or rate-limited: see below) a week later: neither the old count nor its last push stands as today's.
    const offline = { reason: 'unreachable', retryAt: time.now() + RETRY_MS };
    expect(await client.repo('owner/old')).toEqual({ state: 'unavailable', repo: null, name: 'owner/old', unavailable: offline });
    expect(await client.repo('owner/gone')).toEqual({ state: 'unavailable', repo: null, name: 'owner/gone', unavailable: offline });
    time.advance(RETRY_MS);
    answer = () => jsonResponse({ message: 'API rate limit exceeded for 203.0.113.7.' }, 403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(time.now() / 1000 + 1800) });
    const limited = { reason: 'rate-limit', retryAt: time.now() + 30 * 60_000 };
    expect(await client.repo('owner/old')).toEqual({ state: 'unavailable', repo: null, name: 'owner/old', unavailable: limited });
    expect(await client.repo('owner/old')).toEqual({ state: 'unavailable', repo: null, name: 'owner/old', unavailable: limited }); // blocked: not asked
    // Once GitHub answers, the request is awaited (not the old figures first) and sends the old ETag: a 304 makes it current.
    time.advance(HOUR);
    answer = () => notModified({ etag: ETAG });
    const calls = fake.calls.length;
    expect(await client.repo('owner/old')).toMatchObject({ state: 'fresh', repo: { stars: 1234 } });
    expect(fake.calls).toHaveLength(calls + 1);
    expect(fake.calls.at(-1)!.headers.get('if-none-match')).toBe(ETAG);
  });

  it('a request that stalls is given up after the timeout: it does not hold its slot, nor the badges queued behind it', async () => {
    const { client, fake } = await setup(
      (url, call) => (url.endsWith('/owner/hung') ? stalled(call) : ok(url.slice('https://api.github.com/repos/'.length))),
      { concurrency: 1, timeoutMs: 50 },
    );
    const hung = client.repo('owner/hung');
    const next = client.repo('owner/next'); // waits for the one slot
    expect(await within(hung)).toEqual({ state: 'unavailable', repo: null, name: 'owner/hung', unavailable: { reason: 'unreachable', retryAt: expect.any(Number) } });
    expect(await within(next)).toMatchObject({ state: 'fresh', repo: { fullName: 'owner/next' } });
    expect(fake.calls.map((call) => call.init.signal)).toEqual([expect.any(AbortSignal), expect.any(AbortSignal)]);
    expect(await client.repo('owner/hung')).toMatchObject({ state: 'unavailable' }); // a failure: not asked again at once
    expect(fake.calls).toHaveLength(2);
  });

  it('survives a broken cache (storage unavailable) by asking GitHub', async () => {
    const fake = fakeFetch(() => ok('owner/repo'));
    const broken = () => Promise.reject(new Error('QuotaExceededError'));
    const client = createGithubClient({
      fetch: fake.fetch,
      now: () => 0,
      cache: { getRepo: broken, putRepo: broken, getRateLimit: broken, putRateLimit: broken },
    });
    expect(await client.repo('owner/repo')).toMatchObject({ state: 'fresh', repo: { stars: 1234 } });
  });

  it('with storage full (answers cannot be cached), 1,000 cards sharing a repository still make one request', async () => {
    const { cache } = await freshDatabase();
    const full = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const fake = fakeFetch(() => ok('owner/shared'));
    const time = clock();
    const client = createGithubClient({ fetch: fake.fetch, now: time.now, cache: { ...cache, putRepo: full, putRateLimit: full } });
    for (let block = 0; block < 125; block++) {
      const results = await Promise.all(Array.from({ length: 8 }, () => client.repo('owner/shared')));
      expect(results.every((r) => r.state === 'fresh' && r.repo?.stars === 1234)).toBe(true);
    }
    expect(fake.calls).toHaveLength(1);
    time.advance(FRESH_MS + 1); // held as long as a cached answer would be
    await client.repo('owner/shared');
    await client.idle();
    expect(fake.calls).toHaveLength(2);
  });

  it.each([
    ['200', () => jsonResponse(githubRepoBody('owner/shared'), 200, { etag: 'W/"abc"' })],
    ['304', () => notModified({ etag: 'W/"abc"' })],
  ] as const)('with storage full over a stale entry, a %s it cannot keep is still the answer: one request, then fresh', async (_status, reply) => {
    const { cache, db } = await freshDatabase();
    const time = clock();
    const repo = { fullName: 'owner/shared', stars: 1, forks: 0, pushedAt: null, archived: false, description: null, language: null, license: null, htmlUrl: 'https://github.com/owner/shared' };
    await putRepo(db, { key: 'owner/shared', status: 'ok', etag: 'W/"abc"', fetchedAt: time.now() - 2 * DAY, repo });
    const full = () => Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
    const fake = fakeFetch(reply);
    const client = createGithubClient({ fetch: fake.fetch, now: time.now, cache: { ...cache, putRepo: full, putRateLimit: full } });
    for (let block = 0; block < 20; block++) {
      await Promise.all(Array.from({ length: 8 }, () => client.repo('owner/shared')));
      await client.idle();
    }
    expect(fake.calls).toHaveLength(1);
    expect(await client.repo('owner/shared')).toMatchObject({ state: 'fresh' });
  });

  it('odd but valid fields are normalised (empty repository, unknown licence, nulls)', async () => {
    const { client } = await setup(() =>
      ok('owner/empty', { pushed_at: null, license: { spdx_id: 'NOASSERTION' }, description: null, language: null }),
    );
    expect((await client.repo('owner/empty')).repo).toMatchObject({ pushedAt: null, license: 'Other', description: null, language: null });
  });
});

describe('GitHub client: token', () => {
  it('sends the token as a Bearer header to api.github.com, and never to Hugging Face', async () => {
    const fake = fakeFetch((url) => (url.startsWith('https://huggingface.co/') ? jsonResponse({ id: '2401.00001' }) : ok('owner/repo')));
    const { cache } = await freshDatabase();
    const token = async () => 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz';
    const client = createGithubClient({ fetch: fake.fetch, cache, now: () => 0, token });
    const hf = createHfPaperRepos({ fetch: fake.fetch, cache, now: () => 0 });
    await client.repo('owner/repo');
    await hf.reposFor('2401.00001');
    expect(fake.calls[0]!.headers.get('authorization')).toBe('Bearer github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz');
    expect(fake.calls[1]!.url).toBe('https://huggingface.co/api/papers/2401.00001');
    expect(fake.calls[1]!.headers.has('authorization')).toBe(false);
    expect(fake.calls[1]!.init.credentials).toBe('omit');
  });

  it('never attaches the token to another origin, nor trusts a redirect away from the API', async () => {
    for (const url of ['https://api.github.com.evil.example/repos/o/r', 'http://api.github.com/repos/o/r', 'https://github.com/o/r']) {
      expect(githubHeaders(url, 'ghp_secret', null)).not.toHaveProperty('Authorization');
    }
    expect(githubHeaders('https://api.github.com/repos/o/r', 'ghp_secret', 'W/"x"')).toMatchObject({ Authorization: 'Bearer ghp_secret', 'If-None-Match': 'W/"x"' });
    const { client } = await setup(() => jsonResponse(githubRepoBody('o/r'), 200, {}, 'https://evil.example/o/r'));
    expect(await client.repo('o/r')).toMatchObject({ state: 'unavailable' });
  });

  it('answers "not found" for a repository only the token can see (private or internal), as GitHub does without it', async () => {
    const token = async () => 'ghp_org0123456789abcdefghijklmnopqrstuvwx';
    const { client, db } = await setup(
      (url) => (url.endsWith('/acme/secret') ? ok('acme/secret', { private: true, visibility: 'private' }) : url.endsWith('/acme/inner') ? ok('acme/inner', { private: true, visibility: 'internal' }) : ok('acme/public')),
      { token },
    );
    for (const name of ['acme/secret', 'acme/inner']) {
      expect(await client.repo(name)).toEqual({ state: 'not-found', repo: null, name });
      expect((await getRepo(db, name))?.repo ?? null).toBeNull(); // nothing of it kept either
    }
    expect(await client.repo('acme/public')).toMatchObject({ state: 'fresh', repo: { stars: 1234 } });
  });

  it('ignores an empty or mangled token and a token getter that fails', async () => {
    for (const token of [async () => '', async () => 'ghp_abc\nX-Evil: 1', () => Promise.reject(new Error('storage'))]) {
      const { client, fake } = await setup(() => ok('owner/repo'), { token });
      expect(await client.repo('owner/repo')).toMatchObject({ state: 'fresh' });
      expect(fake.calls[0]!.headers.has('authorization')).toBe(false);
    }
  });

  it('a token GitHub rejects (401) is not sent again: the request is made without it, and badges still show', async () => {
    let token: string | null = 'ghp_revoked0123456789abcdefghijklmnopqrstu';
    const { client, fake } = await setup(
      (url, call) =>
        call.headers.get('authorization') === 'Bearer ghp_revoked0123456789abcdefghijklmnopqrstu'
          ? jsonResponse({ message: 'Bad credentials', documentation_url: 'https://docs.github.com/rest', status: '401' }, 401)
          : ok(url.slice('https://api.github.com/repos/'.length)),
      { token: async () => token },
    );
    expect(await client.repo('owner/a')).toMatchObject({ state: 'fresh', repo: { fullName: 'owner/a' } });
    expect(fake.calls.map((c) => c.headers.has('authorization'))).toEqual([true, false]);
    expect(await client.repo('owner/b')).toMatchObject({ state: 'fresh' });
    expect(fake.calls).toHaveLength(3);
    expect(fake.calls[2]!.headers.has('authorization')).toBe(false); // never the rejected token again
    token = 'ghp_replaced0123456789abcdefghijklmnopqrs'; // the user pastes a new one: it is used at once
    await client.repo('owner/c');
    expect(fake.calls[3]!.headers.get('authorization')).toBe(`Bearer ${token}`);
  });

  it('tells the options page, once, that GitHub rejected the token (401), even when several requests hit it', async () => {
    const revoked = 'ghp_revoked0123456789abcdefghijklmnopqrstu';
    const onTokenRejected = vi.fn();
    const { client } = await setup(
      (url, call) => (call.headers.has('authorization') ? jsonResponse({ message: 'Bad credentials' }, 401) : ok(url.slice('https://api.github.com/repos/'.length))),
      { token: async () => revoked, onTokenRejected },
    );
    await Promise.all([client.repo('owner/a'), client.repo('owner/b')]);
    await client.repo('owner/c');
    expect(onTokenRejected).toHaveBeenCalledTimes(1);
    expect(onTokenRejected).toHaveBeenCalledWith(revoked);
  });

  it('a recorder that fails does not cost the badge', async () => {
    const onTokenRejected = vi.fn(() => Promise.reject(new Error('storage.session unavailable')));
    const { client } = await setup((_url, call) => (call.headers.has('authorization') ? jsonResponse({}, 401) : ok('owner/a')), {
      token: async () => 'ghp_revoked0123456789abcdefghijklmnopqrstu',
      onTokenRejected,
    });
    expect(await client.repo('owner/a')).toMatchObject({ state: 'fresh' });
    expect(onTokenRejected).toHaveBeenCalledTimes(1);
  });

  it('an anonymous rate limit does not block requests made with a token', async () => {
    let token: string | null = null;
    const { client, fake, time } = await setup(
      (_url, call) =>
        call.headers.has('authorization')
          ? ok('owner/repo')
          : jsonResponse({ message: 'API rate limit exceeded' }, 403, { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(time.now() / 1000 + 3600) }),
      { token: async () => token },
    );
    expect(await client.repo('owner/repo')).toMatchObject({ state: 'unavailable' });
    token = 'ghp_0123456789abcdefghijklmnopqrstuvwxyzAB';
    expect(await client.repo('owner/repo')).toMatchObject({ state: 'fresh' });
    expect(fake.calls).toHaveLength(2);
  });
});

describe('GitHub client: cache entries written by hand', () => {
  it('an entry from the future (clock moved back) counts as stale, not fresh forever', async () => {
    const { client, fake, db, time } = await setup(() => ok('owner/repo'));
    await putRepo(db, { key: 'owner/repo', repo: null, status: 'not-found', etag: null, fetchedAt: time.now() + 10 * DAY });
    await client.repo('owner/repo');
    await client.idle();
    expect(fake.calls).toHaveLength(1);
  });

  it('a stored rate-limit block further ahead than any GitHub gives (clock moved back, a damaged record) waits at most two hours', async () => {
    const { client, fake, cache, time } = await setup(() => ok('owner/repo'));
    await cache.putRateLimit({ key: 'github:anonymous', blockedUntil: time.now() + 365 * DAY });
    expect(await client.repo('owner/repo')).toMatchObject({ state: 'unavailable' });
    time.advance(2 * HOUR + 1000);
    expect(await client.repo('owner/repo')).toMatchObject({ state: 'fresh' });
    expect(fake.calls).toHaveLength(1);
  });

  it('a stored block that is not a time blocks nothing', async () => {
    const { client, fake, cache } = await setup(() => ok('owner/repo'));
    await cache.putRateLimit({ key: 'github:anonymous', blockedUntil: '99999999999999' as unknown as number });
    expect(await client.repo('owner/repo')).toMatchObject({ state: 'fresh' });
    expect(fake.calls).toHaveLength(1);
  });
});
