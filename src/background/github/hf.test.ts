import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { getPaperRepos } from '../../storage/repo-cache';
import { createHfPaperRepos, type HfPaperReposOptions } from './hf';
import { clock, DAY, deferred, fakeFetch, freshDatabase, HOUR, jsonResponse, stalled, within } from './test-helpers';

/** A trimmed `/api/papers/{id}` body as Hugging Face sends it (optional fields absent, not null). */
const paper = (id: string, extra: Record<string, unknown> = {}) => ({
  id,
  authors: [{ _id: '65a0f0', name: 'Ada Lovelace', hidden: false }],
  publishedAt: '2024-01-02T18:59:59.000Z',
  title: 'A Paper',
  summary: 'We do things.',
  upvotes: 12,
  discussionId: '6594f0',
  ...extra,
});

async function setup(script: Parameters<typeof fakeFetch>[0], extra: Partial<HfPaperReposOptions> = {}) {
  const { db, cache } = await freshDatabase();
  const time = clock();
  const fake = fakeFetch(script);
  const hf = createHfPaperRepos({ fetch: fake.fetch, cache, now: time.now, ...extra });
  return { db, cache, time, fake, hf };
}

describe('Hugging Face paper repositories', () => {
  it('normalises githubRepo, caches it a day, then serves stale while revalidating', async () => {
    let repo = 'https://github.com/Example-Lab/Sparse-MoE';
    const { hf, fake, time } = await setup((url) => jsonResponse(paper('2401.00001', { githubRepo: repo, githubStars: 12 })));
    expect(await hf.reposFor('2401.00001')).toEqual(['Example-Lab/Sparse-MoE']);
    expect(fake.calls[0]!.url).toBe('https://huggingface.co/api/papers/2401.00001');
    expect(fake.calls[0]!.init.credentials).toBe('omit');
    time.advance(DAY - 1);
    expect(await hf.reposFor('arxiv:2401.00001v3')).toEqual(['Example-Lab/Sparse-MoE']); // prefix and version dropped
    expect(fake.calls).toHaveLength(1);

    time.advance(2);
    repo = 'https://github.com/example-lab/sparse-moe-v2';
    expect(await hf.reposFor('2401.00001')).toEqual(['Example-Lab/Sparse-MoE']);
    await hf.idle();
    expect(fake.calls).toHaveLength(2);
    expect(await hf.reposFor('2401.00001')).toEqual(['example-lab/sparse-moe-v2']);
  });

  it('caches absent answers: 404, an `error` body, and a paper without githubRepo', async () => {
    const answers: Record<string, () => Response> = {
      '2401.00002': () => jsonResponse({ error: 'Not Found' }, 404),
      '2401.00003': () => jsonResponse({ error: 'Paper not found' }, 200),
      '2401.00004': () => jsonResponse(paper('2401.00004')),
      '2401.00005': () => jsonResponse(paper('2401.00005', { githubRepo: 'https://gitlab.com/a/b' })),
    };
    const { hf, fake, db, time } = await setup((url) => answers[url.split('/').pop()!]!());
    for (const id of Object.keys(answers)) {
      expect(await hf.reposFor(id)).toEqual([]);
      expect(await getPaperRepos(db, id)).toEqual({ key: id, repos: [], fetchedAt: time.now() });
    }
    time.advance(12 * HOUR);
    for (const id of Object.keys(answers)) await hf.reposFor(id);
    expect(fake.calls).toHaveLength(4);
  });

  it('malformed answers, server errors and network failures cache nothing and never throw', async () => {
    const failures: Array<() => Response> = [
      () => jsonResponse('<!doctype html><title>502</title>', 200),
      () => jsonResponse({ githubRepo: 42 }),
      () => jsonResponse({ message: 'oops' }, 500),
      () => {
        throw new TypeError('NetworkError when attempting to fetch resource.');
      },
    ];
    let answer = failures[0]!;
    const { hf, fake, db } = await setup(() => answer());
    for (const failure of failures) {
      answer = failure;
      expect(await hf.reposFor('2401.00006')).toEqual([]);
    }
    expect(await getPaperRepos(db, '2401.00006')).toBeNull();
    expect(fake.calls).toHaveLength(4);
  });

  it('a request that stalls is given up after the timeout, and the papers queued behind it are asked', async () => {
    const { hf } = await setup(
      (url, call) => (url.endsWith('/2401.00010') ? stalled(call) : jsonResponse(paper('2401.00011', { githubRepo: 'https://github.com/o/r' }))),
      { concurrency: 1, timeoutMs: 50 },
    );
    const hung = hf.reposFor('2401.00010');
    const next = hf.reposFor('2401.00011');
    expect(await within(hung)).toEqual([]);
    expect(await within(next)).toEqual(['o/r']);
  });

  it('one request for concurrent callers; invalid ids are never asked', async () => {
    const gate = deferred<Response>();
    const { hf, fake } = await setup(() => gate.promise);
    const answers = Array.from({ length: 5 }, () => hf.reposFor('2401.00007'));
    expect(await hf.reposFor('not an id/../../api/whoami')).toEqual([]);
    await vi.waitFor(() => expect(fake.calls).toHaveLength(1));
    gate.resolve(jsonResponse(paper('2401.00007', { githubRepo: 'https://github.com/o/r' })));
    expect(await Promise.all(answers)).toEqual(Array.from({ length: 5 }, () => ['o/r']));
    expect(fake.calls).toHaveLength(1);
  });

  it('backs off after a 429 until the RateLimit window ends, across a restart', async () => {
    let limited = true;
    const { hf, fake, time, cache, db } = await setup((url) =>
      limited
        ? jsonResponse({ error: 'Too Many Requests' }, 429, { ratelimit: '"api";r=0;t=120', 'ratelimit-policy': '"fixed window";"api";q=500;w=300' })
        : jsonResponse(paper(url.split('/').pop()!, { githubRepo: 'https://github.com/o/r' })),
    );
    expect(await hf.reposFor('2401.00008')).toEqual([]);
    expect(await hf.reposFor('2401.00009')).toEqual([]);
    expect(fake.calls).toHaveLength(1);
    expect(await getPaperRepos(db, '2401.00008')).toBeNull(); // a refusal is not an answer

    const restarted = createHfPaperRepos({ fetch: fake.fetch, cache, now: time.now });
    time.advance(119_000);
    expect(await restarted.reposFor('2401.00008')).toEqual([]);
    expect(fake.calls).toHaveLength(1);

    time.advance(2000);
    limited = false;
    expect(await restarted.reposFor('2401.00008')).toEqual(['o/r']);
    expect(fake.calls).toHaveLength(2);
  });
});

