import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { PaperSchema } from '../messages';
import { ACL_DOI, aclCsl, ARXIV_ID, arxivEntry, arxivErrorEntry, arxivFeed, crossrefCsl, DOI, FORUM_ID, hfPaper, openreviewV1, openreviewV2 } from './fixtures';
import { fetchHfPaper } from './hf-paper';
import { createLinkResolver, minimalPaper, RECENT_MS, type LinkResolverOptions } from './metadata';
import { atom, fakeClock, fakeFetch, json, networkError, respond, type Call } from './test-helpers';

const HF = `https://huggingface.co/api/papers/${ARXIV_ID}`;
const ARXIV = `https://export.arxiv.org/api/query?id_list=${ARXIV_ID}`;

function setup(script: (url: string, call: Call) => Response | Promise<Response>, extra: Partial<LinkResolverOptions> = {}) {
  const clock = fakeClock();
  const fake = fakeFetch(script, clock.now);
  const resolver = createLinkResolver({ fetch: fake.fetch, now: clock.now, sleep: clock.sleep, ...extra });
  return { clock, fake, resolver };
}

const hfUnknown = (url: string) => (url.startsWith('https://huggingface.co/') ? json({ error: 'Not Found' }, 404) : atom(arxivFeed(arxivEntry())));

describe('arXiv links: Hugging Face first', () => {
  it('builds the paper from the Hugging Face API alone when it knows the paper', async () => {
    const { resolver, fake } = setup(() => json(hfPaper()));
    const { paper, complete } = await resolver.resolve({ kind: 'arxiv', id: ARXIV_ID });
    expect(complete).toBe(true);
    expect(paper).toEqual({
      id: `arxiv:${ARXIV_ID}`,
      title: 'Sparse Mixture-of-Experts at $\\mathcal{O}(\\log n)$ Cost: Routing Without Regret',
      authors: ['Ada Lovelace', 'Émile Borel', 'Grace M. Hopper'],
      authorCount: null,
      abstract: 'We study routing in sparse mixture-of-experts (MoE) models. Benchmarks: https://github.com/example-lab/moe-bench',
      published: '2024-02-15',
      upvotes: 42,
      githubRepos: ['Example-Lab/moe-routing', 'example-lab/moe-bench'],
      githubStars: 318,
      projectUrl: 'https://example-lab.github.io/moe-routing/',
      pdfUrl: `https://arxiv.org/pdf/${ARXIV_ID}`,
      url: `https://huggingface.co/papers/${ARXIV_ID}`,
      venue: null,
      categories: ['sparse mixture-of-experts', 'routing', 'regret bounds'],
      version: null,
      doi: null,
      aliases: [],
      source: { site: 'huggingface', page: 'api' },
    });
    expect(v.is(PaperSchema, paper)).toBe(true);
    expect(fake.urls()).toEqual([HF]);
    expect(fake.calls[0]!.init.credentials).toBe('omit');
    expect(fake.calls[0]!.headers.get('accept')).toBe('application/json');
    expect(fake.calls[0]!.init.signal).toBeInstanceOf(AbortSignal);
  });

  it('falls back to the arXiv API when Hugging Face answers 404 or an `error` body', async () => {
    for (const unknown of [() => json({ error: 'Not Found' }, 404), () => json({ error: 'Paper not found' })]) {
      const { resolver, fake } = setup((url) => (url === HF ? unknown() : atom(arxivFeed(arxivEntry()))));
      const { paper, complete } = await resolver.resolve({ kind: 'arxiv', id: ARXIV_ID });
      expect(fake.urls()).toEqual([HF, ARXIV]);
      expect(complete).toBe(true);
      expect(paper).toEqual({
        id: `arxiv:${ARXIV_ID}`,
        title: 'Sparse Mixture-of-Experts at $\\mathcal{O}(\\log n)$ Cost: Routing Without Regret',
        authors: ['Ada Lovelace', 'Émile Borel', 'Grace M. Hopper'],
        authorCount: null,
        abstract:
          'We study routing in sparse mixture-of-experts (MoE) models and show that a simple rule achieves ' +
          '$\\mathcal{O}(\\log n)$ regret when $k < n$ & experts are balanced. Benchmarks: https://github.com/example-lab/moe-bench.',
        published: '2024-02-15',
        upvotes: null,
        // Abstract first, then the comment; case-insensitive duplicates dropped.
        githubRepos: ['example-lab/moe-bench', 'Example-Lab/moe-routing'],
        githubStars: null,
        projectUrl: null,
        pdfUrl: `https://arxiv.org/pdf/${ARXIV_ID}`,
        url: `https://arxiv.org/abs/${ARXIV_ID}`,
        venue: 'Proceedings of ICML 2024, PMLR 235:1234–1250',
        categories: ['cs.LG', 'cs.CL', 'stat.ML'],
        version: 2, // the entry's id is …/abs/<id>v2, the latest version
        doi: '10.1145/3650000.3650123', // <arxiv:doi>, the journal's
        aliases: [],
        source: { site: 'arxiv', page: 'api' },
      });
      expect(v.is(PaperSchema, paper)).toBe(true);
      expect(fake.calls[1]!.init.credentials).toBe('omit');
    }
  });

  it('also asks arXiv when Hugging Face is down or garbled (a separate service)', async () => {
    const failures: Array<() => Response> = [
      networkError,
      () => json({ message: 'Internal Error' }, 500),
      () => respond('<!doctype html><title>Bad gateway</title>', 200, 'text/html'),
      () => json(hfPaper({ id: '2402.09875' })), // another paper
      () => json(hfPaper({ title: '   ' })),
      () => json(hfPaper({ title: 42 })),
      () => json(hfPaper(), 200, 'https://evil.example/api/papers/2402.09876'), // redirected off Hugging Face
    ];
    for (const failure of failures) {
      const { resolver, fake } = setup((url) => (url === HF ? failure() : atom(arxivFeed(arxivEntry()))));
      const result = await resolver.resolve({ kind: 'arxiv', id: ARXIV_ID });
      expect(fake.urls()).toEqual([HF, ARXIV]);
      expect(result).toMatchObject({ complete: true, paper: { source: { site: 'arxiv', page: 'api' } } });
    }
  });

  it('tells "unknown" (404, `error` body) from "limited" and "failed" apart', async () => {
    const cases: Array<[() => Response, string]> = [
      [() => json({ error: 'Not Found' }, 404), 'unknown'],
      [() => json({ error: 'Paper not found' }), 'unknown'],
      [() => json({ error: 'Too Many Requests' }, 429), 'limited'],
      [() => json({ error: 'Internal Error' }, 500), 'failed'],
      [() => respond('{"id": "2402.', 200), 'failed'],
      [() => json(null), 'failed'],
      [networkError, 'failed'],
      [() => json(hfPaper()), 'found'],
    ];
    for (const [answer, status] of cases) {
      const fake = fakeFetch(answer);
      expect((await fetchHfPaper({ fetch: fake.fetch, timeoutMs: 1000 }, ARXIV_ID)).status).toBe(status);
    }
  });

  it('a Hugging Face 429 gives the minimal paper without asking arXiv', async () => {
    const { resolver, fake } = setup(() => json({ error: 'Too Many Requests' }, 429));
    const result = await resolver.resolve({ kind: 'arxiv', id: ARXIV_ID });
    expect(result).toEqual({ paper: minimalPaper({ kind: 'arxiv', id: ARXIV_ID }), complete: false });
    expect(fake.urls()).toEqual([HF]);
  });

  it('drops wrongly typed optional Hugging Face fields instead of the whole paper', async () => {
    const body = hfPaper({ upvotes: '42', githubStars: -3, githubRepo: 'https://gitlab.com/a/b', projectPage: 'javascript:alert(1)', ai_keywords: 'x', authors: [{ name: 7 }, 'x', { name: ' Ada ' }] });
    const { resolver } = setup(() => json(body));
    const { paper } = await resolver.resolve({ kind: 'arxiv', id: ARXIV_ID });
    expect(paper).toMatchObject({ upvotes: null, githubStars: null, projectUrl: null, categories: [], authors: ['Ada'], githubRepos: ['example-lab/moe-bench'] });
  });

  it('asks arXiv for an old-style id without its subject class, and keys the paper so (one id for both forms)', async () => {
    const { resolver, fake } = setup(() => atom(arxivFeed(arxivEntry('math/0309136', 1), 'math/0309136')));
    const { paper, complete } = await resolver.resolve({ kind: 'arxiv', id: 'math.GT/0309136' });
    expect(fake.urls()).toEqual(['https://export.arxiv.org/api/query?id_list=math/0309136']);
    expect(complete).toBe(true);
    expect(paper).toMatchObject({ id: 'arxiv:math/0309136', url: 'https://arxiv.org/abs/math/0309136' });
  });

  it('old-style ids skip Hugging Face; a version in the target is dropped', async () => {
    const { resolver, fake } = setup(() => atom(arxivFeed(arxivEntry('hep-th/9901001', 1), 'hep-th/9901001')));
    const { paper } = await resolver.resolve({ kind: 'arxiv', id: 'hep-th/9901001v4' });
    expect(fake.urls()).toEqual(['https://export.arxiv.org/api/query?id_list=hep-th/9901001']);
    expect(paper).toMatchObject({ id: 'arxiv:hep-th/9901001', url: 'https://arxiv.org/abs/hep-th/9901001', pdfUrl: 'https://arxiv.org/pdf/hep-th/9901001' });
  });
});

describe('arXiv links name a version', () => {
  it('a versioned link (/pdf/<id>v1) keeps its version over the latest one the APIs know; the minimal paper too', async () => {
    const { resolver } = setup((url) => (url === HF ? json({ error: 'Not Found' }, 404) : atom(arxivFeed(arxivEntry()))));
    const { paper } = await resolver.resolve({ kind: 'arxiv', id: ARXIV_ID, version: 1 });
    expect(paper).toMatchObject({ id: `arxiv:${ARXIV_ID}`, version: 1 });
    const hf = setup(() => json(hfPaper()));
    expect((await hf.resolver.resolve({ kind: 'arxiv', id: `${ARXIV_ID}v3` })).paper.version).toBe(3);
    expect(minimalPaper({ kind: 'arxiv', id: ARXIV_ID, version: 4 }).version).toBe(4);
    expect(v.is(PaperSchema, minimalPaper({ kind: 'arxiv', id: ARXIV_ID, version: 4 }))).toBe(true);
  });
});

describe('a paper read once is read once: the popup\'s preview of a tab\'s paper, then its save', () => {
  it('a second resolve within ten minutes reads nothing again, whatever version it names; after them it reads again', async () => {
    const { resolver, fake, clock } = setup(() => json(hfPaper()));
    const first = await resolver.resolve({ kind: 'arxiv', id: ARXIV_ID });
    clock.advance(RECENT_MS - 1);
    const second = await resolver.resolve({ kind: 'arxiv', id: ARXIV_ID, version: 2 });
    expect(fake.urls()).toEqual([HF]);
    expect(second).toEqual({ paper: { ...first.paper, version: 2 }, complete: true });
    // Each its own copy: a caller's change is not the next one's paper.
    second.paper.authors.push('Someone Else');
    expect((await resolver.resolve({ kind: 'arxiv', id: ARXIV_ID })).paper.authors).toEqual(first.paper.authors);
    clock.advance(1);
    await resolver.resolve({ kind: 'arxiv', id: ARXIV_ID });
    expect(fake.urls()).toEqual([HF, HF]);
  });

  it('one read under way serves both; a read that found nothing is tried again next time', async () => {
    let answer = () => json({ error: 'down' }, 503);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { resolver, fake } = setup(async (url) => (url.startsWith('https://doi.org/') ? (await gate, answer()) : networkError()));
    const both = Promise.all([resolver.resolve({ kind: 'doi', doi: DOI }), resolver.resolve({ kind: 'doi', doi: DOI.toUpperCase() })]);
    release();
    expect((await both).map((r) => r.complete)).toEqual([false, false]);
    expect(fake.urls()).toEqual([`https://doi.org/${DOI}`]);
    answer = () => json(crossrefCsl());
    expect((await resolver.resolve({ kind: 'doi', doi: DOI })).complete).toBe(true);
    expect(fake.urls()).toHaveLength(2);
  });
});

describe('arXiv links: arXiv API failures give the minimal paper', () => {
  const minimal = minimalPaper({ kind: 'arxiv', id: ARXIV_ID });

  it('minimal arXiv paper: canonical id, arXiv:<id> title, abs and PDF links, valid', () => {
    expect(minimal).toEqual({
      id: `arxiv:${ARXIV_ID}`, title: `arXiv:${ARXIV_ID}`, authors: [], authorCount: null, abstract: null, published: null,
      upvotes: null, githubRepos: [], githubStars: null, projectUrl: null, pdfUrl: `https://arxiv.org/pdf/${ARXIV_ID}`,
      url: `https://arxiv.org/abs/${ARXIV_ID}`, venue: null, categories: [], version: null, doi: null, aliases: [], source: { site: 'arxiv', page: 'link' },
    });
    expect(v.is(PaperSchema, minimal)).toBe(true);
  });

  it.each([
    ['the "Error" entry', () => atom(arxivFeed(arxivErrorEntry(ARXIV_ID)))],
    ['an empty feed', () => atom(arxivFeed('', ARXIV_ID, 0))],
    ['another paper', () => atom(arxivFeed(arxivEntry('2402.09875')))],
    ['"Rate exceeded."', () => respond('Rate exceeded.', 200, 'text/plain')],
    ['a 503', () => respond('<html>Service Unavailable</html>', 503, 'text/html')],
    ['a 429', () => respond('', 429, 'text/plain')],
    ['truncated XML', () => atom(arxivFeed(arxivEntry()).slice(0, 900))],
    ['a network error', networkError],
  ])('%s', async (_name, answer) => {
    const { resolver, fake } = setup((url) => (url === HF ? json({ error: 'Not Found' }, 404) : answer()));
    expect(await resolver.resolve({ kind: 'arxiv', id: ARXIV_ID })).toEqual({ paper: minimal, complete: false });
    expect(fake.urls()).toEqual([HF, ARXIV]);
  });

  it('a request that hangs is abandoned after the timeout', async () => {
    const hang = (_url: string, call: Call) =>
      new Promise<Response>((_resolve, reject) => call.init.signal?.addEventListener('abort', () => reject(call.init.signal?.reason)));
    const { resolver, fake } = setup(hang, { timeoutMs: 20 });
    expect(await resolver.resolve({ kind: 'arxiv', id: ARXIV_ID })).toEqual({ paper: minimal, complete: false });
    expect(fake.urls()).toEqual([HF, ARXIV]);
  });

  it('calls fetch unbound, as the native fetch requires (`this` must not be an options object)', async () => {
    const calls: string[] = [];
    const strictFetch = function (this: unknown, input: RequestInfo | URL) {
      if (this !== undefined && this !== globalThis) throw new TypeError("Failed to execute 'fetch': Illegal invocation");
      calls.push(String(input));
      return Promise.resolve(json(hfPaper()));
    } as typeof fetch;
    const resolver = createLinkResolver({ fetch: strictFetch, now: () => 0 });
    expect(await resolver.resolve({ kind: 'arxiv', id: ARXIV_ID })).toMatchObject({ complete: true });
    expect(calls).toEqual([HF]);
  });

  it('a fetch that throws synchronously is a failure like any other', async () => {
    const { resolver } = setup(() => {
      throw new TypeError('Failed to fetch');
    });
    expect(await resolver.resolve({ kind: 'arxiv', id: ARXIV_ID })).toEqual({ paper: minimal, complete: false });
  });
});

describe('arXiv rate limit: one request every three seconds', () => {
  const ids = ['2402.09871', '2402.09872', '2402.09873'];
  const script = (clock: ReturnType<typeof fakeClock>, took = 0) => async (url: string) => {
    if (url.startsWith('https://huggingface.co/')) return json({ error: 'Not Found' }, 404);
    const id = new URL(url).searchParams.get('id_list')!;
    clock.advance(took); // time the request takes
    return atom(arxivFeed(arxivEntry(id), id));
  };

  it('spaces concurrent arXiv requests by 3 s, one at a time; Hugging Face is not held back', async () => {
    const clock = fakeClock();
    const fake = fakeFetch(script(clock), clock.now);
    const resolver = createLinkResolver({ fetch: fake.fetch, now: clock.now, sleep: clock.sleep });
    const start = clock.now();
    const results = await Promise.all(ids.map((id) => resolver.resolve({ kind: 'arxiv', id })));
    expect(results.map((r) => [r.paper.id, r.complete])).toEqual(ids.map((id) => [`arxiv:${id}`, true]));
    const arxivCalls = fake.calls.filter((c) => c.url.startsWith('https://export.arxiv.org/'));
    expect(arxivCalls.map((c) => c.at - start)).toEqual([0, 3000, 6000]);
    expect(fake.calls.filter((c) => c.url.startsWith('https://huggingface.co/')).map((c) => c.at - start)).toEqual([0, 0, 0]);
    expect(clock.sleeps).toEqual([3000, 3000]);
  });

  it('counts the 3 s from the end of a slow request, and does not wait after a pause', async () => {
    const clock = fakeClock();
    const fake = fakeFetch(script(clock, 2500), clock.now);
    const resolver = createLinkResolver({ fetch: fake.fetch, now: clock.now, sleep: clock.sleep });
    await Promise.all(ids.slice(0, 2).map((id) => resolver.resolve({ kind: 'arxiv', id })));
    const [first, second] = fake.calls.filter((c) => c.url.includes('arxiv.org'));
    expect(second!.at - first!.at).toBe(2500 + 3000);
    clock.advance(10_000);
    const before = clock.sleeps.length;
    await resolver.resolve({ kind: 'arxiv', id: ids[2]! });
    expect(clock.sleeps.length).toBe(before);
  });

  it('a failed arXiv request still holds the next one back', async () => {
    const clock = fakeClock();
    let n = 0;
    const fake = fakeFetch((url) => {
      if (url.startsWith('https://huggingface.co/')) return json({ error: 'x' }, 404);
      if (n++ === 0) throw new TypeError('connection reset');
      return atom(arxivFeed(arxivEntry(ids[1]), ids[1]));
    }, clock.now);
    const resolver = createLinkResolver({ fetch: fake.fetch, now: clock.now, sleep: clock.sleep });
    const [a, b] = await Promise.all(ids.slice(0, 2).map((id) => resolver.resolve({ kind: 'arxiv', id })));
    expect([a!.complete, b!.complete]).toEqual([false, true]);
    const times = fake.calls.filter((c) => c.url.includes('arxiv.org')).map((c) => c.at);
    expect(times[1]! - times[0]!).toBe(3000);
  });

  it('beyond the queue bound, the minimal paper comes at once instead of a long wait', async () => {
    const clock = fakeClock();
    const fake = fakeFetch(script(clock), clock.now);
    const resolver = createLinkResolver({ fetch: fake.fetch, now: clock.now, sleep: clock.sleep, maxArxivQueue: 2 });
    const results = await Promise.all(ids.map((id) => resolver.resolve({ kind: 'arxiv', id })));
    expect(results.map((r) => r.complete)).toEqual([true, true, false]);
    expect(fake.calls.filter((c) => c.url.includes('arxiv.org'))).toHaveLength(2);
  });
});

describe('OpenReview links', () => {
  const V2 = `https://api2.openreview.net/notes?forum=${FORUM_ID}`;
  const V1 = `https://api.openreview.net/notes?forum=${FORUM_ID}`;

  it('reads the submission note (id === forum) from API v2', async () => {
    const { resolver, fake } = setup(() => json(openreviewV2()));
    const { paper, complete } = await resolver.resolve({ kind: 'openreview', id: FORUM_ID });
    expect(complete).toBe(true);
    expect(fake.urls()).toEqual([V2]);
    expect(paper).toEqual({
      id: `openreview:${FORUM_ID}`,
      title: 'Learning to Route Tokens',
      authors: ['Ada Lovelace', 'Alan Turing'],
      authorCount: null,
      abstract: 'We propose a router. Code: https://github.com/turing-lab/route',
      published: '2024-01-16', // pdate, not cdate
      upvotes: null,
      githubRepos: ['turing-lab/route'],
      githubStars: null,
      projectUrl: null,
      pdfUrl: 'https://openreview.net/pdf/3f2a9c0d1e4b5a6978c1d2e3f4a5b6c7d8e9f0a1.pdf',
      url: `https://openreview.net/forum?id=${FORUM_ID}`,
      venue: 'ICLR 2024 oral',
      categories: ['mixture of experts', 'routing'],
      version: null,
      doi: null,
      aliases: [],
      source: { site: 'openreview', page: 'api' },
    });
    expect(v.is(PaperSchema, paper)).toBe(true);
  });

  it('falls back to API v1 (plain values) when v2 has no such note', async () => {
    for (const v2 of [() => json({ notes: [], count: 0 }), () => json({ name: 'NotFoundError' }, 404), () => json({ notes: [openreviewV2().notes[0]] })]) {
      const { resolver, fake } = setup((url) => (url === V2 ? v2() : json(openreviewV1())));
      const { paper, complete } = await resolver.resolve({ kind: 'openreview', id: FORUM_ID });
      expect(fake.urls()).toEqual([V2, V1]);
      expect(complete).toBe(true);
      expect(paper).toMatchObject({
        id: `openreview:${FORUM_ID}`,
        title: 'An Older Paper',
        authors: ['Alan Turing', 'Ada Lovelace'],
        abstract: 'Abstract of the older paper.',
        published: '2019-09-25', // cdate when never published
        githubRepos: ['turing-lab/older'],
        pdfUrl: 'https://openreview.net/pdf/0a1b2c3d4e5f60718293a4b5c6d7e8f901234567.pdf',
        venue: null,
        categories: ['graphs', 'message passing'],
      });
    }
  });

  it('an arXiv or DOI link in the note makes the canonical id; the forum id and a DOI beaten by arXiv are its aliases', async () => {
    const forum = `openreview:${FORUM_ID}`;
    const cases: Array<[Record<string, unknown>, string, string[]]> = [
      [{ pdf: { value: 'https://arxiv.org/pdf/2402.09876v1' } }, 'arxiv:2402.09876', [forum]],
      [{ html: { value: 'https://doi.org/10.1145/3650000.3650123' } }, 'doi:10.1145/3650000.3650123', [forum]],
      [{ html: { value: 'https://doi.org/10.48550/arXiv.2402.09876' } }, 'arxiv:2402.09876', [forum]],
      [{ pdf: { value: 'https://arxiv.org/pdf/2402.09876v1' }, doi: { value: '10.1145/3650000.3650123' } }, 'arxiv:2402.09876', ['doi:10.1145/3650000.3650123', forum]],
    ];
    for (const [content, id, aliases] of cases) {
      const { resolver } = setup(() => json(openreviewV2(content)));
      const { paper } = await resolver.resolve({ kind: 'openreview', id: FORUM_ID });
      expect(paper).toMatchObject({ id, aliases, url: `https://openreview.net/forum?id=${FORUM_ID}`, source: { site: 'openreview', page: 'api' } });
      expect(v.is(PaperSchema, paper)).toBe(true);
    }
  });

  it("keeps the note's DOI beside the arXiv id that names the paper, as the forum page does (exports write it)", async () => {
    const { resolver } = setup(() => json(openreviewV2({ pdf: { value: 'https://arxiv.org/pdf/2402.09876v1' }, doi: { value: '10.1145/3650000.3650123' } })));
    expect((await resolver.resolve({ kind: 'openreview', id: FORUM_ID })).paper).toMatchObject({ id: 'arxiv:2402.09876', doi: '10.1145/3650000.3650123' });
    // A DOI that is the id is not kept twice.
    const byDoi = setup(() => json(openreviewV2({ doi: { value: '10.1145/3650000.3650123' } })));
    expect((await byDoi.resolver.resolve({ kind: 'openreview', id: FORUM_ID })).paper).toMatchObject({ id: 'doi:10.1145/3650000.3650123', doi: null });
  });

  it('gives the minimal paper when both APIs fail, and does not try v1 after a 429', async () => {
    const minimal = minimalPaper({ kind: 'openreview', id: FORUM_ID });
    expect(minimal).toMatchObject({ id: `openreview:${FORUM_ID}`, title: `OpenReview paper ${FORUM_ID}`, url: `https://openreview.net/forum?id=${FORUM_ID}` });
    expect(v.is(PaperSchema, minimal)).toBe(true);

    const down = setup(() => respond('{"notes": [', 200));
    expect(await down.resolver.resolve({ kind: 'openreview', id: FORUM_ID })).toEqual({ paper: minimal, complete: false });
    expect(down.fake.urls()).toEqual([V2, V1]);

    const limited = setup(() => json({ name: 'RateLimitError' }, 429));
    expect(await limited.resolver.resolve({ kind: 'openreview', id: FORUM_ID })).toEqual({ paper: minimal, complete: false });
    expect(limited.fake.urls()).toEqual([V2]);
  });
});

describe('DOI links', () => {
  const URL_ = `https://doi.org/${DOI}`;

  it('asks doi.org for CSL-JSON and strips JATS from the abstract', async () => {
    const { resolver, fake } = setup(() => json(crossrefCsl(), 200, `https://api.crossref.org/v1/works/${DOI}/transform`));
    const { paper, complete } = await resolver.resolve({ kind: 'doi', doi: DOI });
    expect(fake.urls()).toEqual([URL_]);
    expect(fake.calls[0]!.headers.get('accept')).toBe('application/vnd.citationstyles.csl+json');
    expect(fake.calls[0]!.init.credentials).toBe('omit');
    expect(complete).toBe(true);
    expect(paper).toEqual({
      id: `doi:${DOI}`,
      title: 'FastRoute: Routing Without Regret',
      authors: ['Ada Lovelace', 'Grace M. Hopper', 'The MoE Consortium'],
      authorCount: null,
      abstract:
        'We present FastRoute, a router with O(log n) cost—and show that H2 holds when k < n. ' +
        'Code: https://github.com/example-lab/fastroute.',
      published: '2024-07-21',
      upvotes: null,
      githubRepos: ['example-lab/fastroute'],
      githubStars: null,
      projectUrl: null,
      pdfUrl: null,
      url: `https://doi.org/${DOI}`,
      venue: 'Proceedings of the 41st International Conference on Machine Learning',
      categories: [],
      version: null,
      doi: null,
      aliases: [],
      source: { site: 'doi', page: 'api' },
    });
    expect(v.is(PaperSchema, paper)).toBe(true);
  });

  it('lower-cases the DOI in the id; partial dates, list titles and markup in titles are handled', async () => {
    const body = crossrefCsl({
      title: ['Learning H<sub>2</sub>O &amp; Ice'],
      'container-title': ['Neural Networks'],
      issued: { 'date-parts': [[2024, 7]] },
      abstract: 'Plain text where p<0.05 and x>y stays as written.',
      URL: 'javascript:alert(1)',
    });
    const { resolver, fake } = setup(() => json(body));
    const { paper } = await resolver.resolve({ kind: 'doi', doi: '10.1016/J.NEUNET.2024.106123' });
    expect(fake.urls()).toEqual(['https://doi.org/10.1016/j.neunet.2024.106123']);
    expect(paper).toMatchObject({
      id: 'doi:10.1016/j.neunet.2024.106123',
      title: 'Learning H2O & Ice',
      published: '2024-07', // the month given; no day guessed
      venue: 'Neural Networks',
      abstract: 'Plain text where p<0.05 and x>y stays as written.',
      url: 'https://doi.org/10.1016/j.neunet.2024.106123',
    });
  });

  it("a title Crossref gives in two parts (ACM's `title` and `subtitle`) is saved whole, once", async () => {
    const titled = async (title: unknown, subtitle: unknown) => {
      const { resolver } = setup(() => json(crossrefCsl({ title, subtitle })));
      return (await resolver.resolve({ kind: 'doi', doi: '10.1145/3301275.3302275' })).paper.title;
    };
    expect(await titled('Explaining Models', ['An Empirical Study of How Explanations Impact Fairness Judgment'])).toBe(
      'Explaining Models: An Empirical Study of How Explanations Impact Fairness Judgment',
    );
    expect(await titled('Who Is the Expert?', 'Reconciling Algorithm Aversion')).toBe('Who Is the Expert? Reconciling Algorithm Aversion');
    expect(await titled('Tea:', ['A High-Level Language'])).toBe('Tea: A High-Level Language');
    expect(await titled('Tea: A High-Level Language', ['A High-Level Language'])).toBe('Tea: A High-Level Language'); // already in it
    expect(await titled('Tea', [])).toBe('Tea'); // Crossref's empty list: no subtitle
    expect(await titled('Tea', ['<i>In vivo</i> x'])).toBe('Tea: In vivo x');
  });

  it("arXiv's own DOI resolves as the arXiv paper", async () => {
    const { resolver, fake } = setup(() => json(hfPaper()));
    const { paper } = await resolver.resolve({ kind: 'doi', doi: `10.48550/arXiv.${ARXIV_ID}` });
    expect(fake.urls()).toEqual([HF]);
    expect(paper.id).toBe(`arxiv:${ARXIV_ID}`);
  });

  it('an ACL DOI saves the anthology paper (the id its rows and paper page give), looked up and minimal', async () => {
    const { resolver, fake } = setup(() => json(crossrefCsl()));
    const { paper } = await resolver.resolve({ kind: 'doi', doi: '10.18653/V1/P17-1001' });
    expect(fake.urls()).toEqual(['https://doi.org/10.18653/v1/p17-1001']);
    // Its anthology page and PDF, not the DOI the CSL names (one redirect from the page, and no PDF).
    expect(paper).toMatchObject({
      id: 'aclanthology:P17-1001',
      url: 'https://aclanthology.org/P17-1001/',
      pdfUrl: 'https://aclanthology.org/P17-1001.pdf',
      doi: null, // the id carries it (doiOf)
      source: { site: 'doi', page: 'api' },
    });
    const minimal = minimalPaper({ kind: 'doi', doi: '10.18653/v1/2023.acl-long.1' });
    expect(minimal).toMatchObject({
      id: 'aclanthology:2023.acl-long.1',
      title: 'doi:10.18653/v1/2023.acl-long.1',
      url: 'https://aclanthology.org/2023.acl-long.1/',
      pdfUrl: 'https://aclanthology.org/2023.acl-long.1.pdf',
    });
    expect(v.is(PaperSchema, minimal)).toBe(true);
  });

  it("an ACL paper from Crossref's answer: title, authors, venue, and its year alone as the date", async () => {
    const { resolver, fake } = setup(() => json(aclCsl(), 200, `https://api.crossref.org/v1/works/${ACL_DOI}/transform`));
    const { paper, complete } = await resolver.resolve({ kind: 'doi', doi: ACL_DOI });
    expect(fake.urls()).toEqual([`https://doi.org/${ACL_DOI}`]);
    expect(complete).toBe(true);
    expect(paper).toEqual({
      id: 'aclanthology:2023.acl-long.1',
      title: 'Cross-lingual Transfer for Low-Resource NER with BiLSTMs',
      authors: ['Ana Exemplo', 'Bo Muster', 'Chidi Placeholder'],
      authorCount: null,
      abstract: null,
      published: '2023', // `issued: [[2023]]`, a proceedings volume's year
      upvotes: null,
      githubRepos: [],
      githubStars: null,
      projectUrl: null,
      pdfUrl: 'https://aclanthology.org/2023.acl-long.1.pdf',
      url: 'https://aclanthology.org/2023.acl-long.1/',
      venue: 'Proceedings of the 61st Annual Meeting of the Association for Computational Linguistics (Volume 1: Long Papers)',
      categories: [],
      version: null,
      doi: null,
      aliases: [],
      source: { site: 'doi', page: 'api' },
    });
    expect(v.is(PaperSchema, paper)).toBe(true);
    // A full date is kept, as for any DOI; a CSL without links still gets the anthology PDF.
    const dated = setup(() => json(aclCsl({ issued: { 'date-parts': [[2023, 7, 9]] }, link: undefined })));
    expect((await dated.resolver.resolve({ kind: 'doi', doi: ACL_DOI })).paper).toMatchObject({
      published: '2023-07-09',
      pdfUrl: 'https://aclanthology.org/2023.acl-long.1.pdf',
    });
    // A day that does not exist, or parts given as text (DataCite): what is right of it is kept.
    for (const [parts, published] of [[[2023, 2, 30], '2023-02'], [['2023', '11'], '2023-11'], [[2023, 14], '2023']] as const) {
      const partial = setup(() => json(aclCsl({ issued: { 'date-parts': [parts] } })));
      expect((await partial.resolver.resolve({ kind: 'doi', doi: ACL_DOI })).paper.published).toBe(published);
    }
  });

  it("an ACM pseudo-DOI (10.5555, which doi.org resolves none of) is not asked for, and its stand-in links ACM's page, not doi.org", async () => {
    const { resolver, fake } = setup(() => json(crossrefCsl()));
    const target = { kind: 'doi', doi: '10.5555/3295222.3295349' } as const;
    const { paper, complete } = await resolver.resolve(target);
    expect(fake.calls).toHaveLength(0);
    expect(complete).toBe(false);
    expect(paper).toEqual(minimalPaper(target));
    expect(paper).toMatchObject({ id: 'doi:10.5555/3295222.3295349', title: 'doi:10.5555/3295222.3295349', url: 'https://dl.acm.org/doi/10.5555/3295222.3295349' });
    expect(v.is(PaperSchema, paper)).toBe(true);
  });

  it('gives the minimal paper for 404s, HTML, malformed JSON, bodies without a title, network errors', async () => {
    const minimal = minimalPaper({ kind: 'doi', doi: DOI });
    expect(minimal).toMatchObject({ id: `doi:${DOI}`, title: `doi:${DOI}`, url: `https://doi.org/${DOI}`, source: { site: 'doi', page: 'link' } });
    const failures: Array<() => Response> = [
      () => respond('<html><title>DOI Not Found</title></html>', 404, 'text/html'),
      () => respond('<html>publisher landing page</html>', 200, 'text/html'),
      () => respond('{"title": "x", ', 200),
      () => json(crossrefCsl({ title: '' })),
      () => json([crossrefCsl()]),
      networkError,
    ];
    for (const failure of failures) {
      const { resolver } = setup(failure);
      expect(await resolver.resolve({ kind: 'doi', doi: DOI })).toEqual({ paper: minimal, complete: false });
    }
  });
});

describe('every paper fits PaperSchema', () => {
  it('bounds titles, abstracts, author lists, repositories and categories', async () => {
    const body = hfPaper({
      title: 'T'.repeat(3000),
      summary: 'a'.repeat(60_000),
      authors: Array.from({ length: 6000 }, (_, i) => ({ name: `Author ${i}` })),
      ai_keywords: Array.from({ length: 300 }, (_, i) => `keyword ${i} ${'k'.repeat(250)}`),
      githubRepo: null,
    });
    const { resolver } = setup(() => json(body));
    const { paper, complete } = await resolver.resolve({ kind: 'arxiv', id: ARXIV_ID });
    expect(complete).toBe(true);
    expect(paper.title).toHaveLength(2000);
    expect(paper.abstract).toHaveLength(50_000);
    expect(paper.authors).toHaveLength(5000);
    expect(paper.authorCount).toBe(6000);
    expect(paper.categories).toHaveLength(200);
    expect(paper.categories[0]).toHaveLength(200);
    expect(v.is(PaperSchema, paper)).toBe(true);
  });

  it('keeps at most 20 valid repositories from an abstract full of links', async () => {
    const links = Array.from({ length: 30 }, (_, i) => `https://github.com/org/repo-${i}`).join(' ');
    const { resolver } = setup(() => json(hfPaper({ summary: `${links} https://github.com/../..`, githubRepo: undefined })));
    const { paper } = await resolver.resolve({ kind: 'arxiv', id: ARXIV_ID });
    expect(paper.githubRepos).toHaveLength(20);
    expect(paper.githubRepos[0]).toBe('org/repo-0');
  });

  it('a title cut inside a surrogate pair does not leave half a character', async () => {
    const { resolver } = setup(() => json(hfPaper({ title: `${'x'.repeat(1999)}😀tail` })));
    const { paper } = await resolver.resolve({ kind: 'arxiv', id: ARXIV_ID });
    expect(paper.title).toBe('x'.repeat(1999));
  });

  it('a target identifyLink could never produce is refused before any request', async () => {
    const { resolver, fake } = setup(() => json(hfPaper()));
    for (const target of [{ kind: 'arxiv', id: 'nonsense' }, { kind: 'openreview', id: 'a/b' }, { kind: 'doi', doi: 'not-a-doi' }] as const) {
      await expect(resolver.resolve(target)).rejects.toThrow(TypeError);
    }
    expect(fake.calls).toHaveLength(0);
  });
});
