// The newest arXiv version of many saved papers at once (the library's "Check arXiv for new versions").
import { describe, expect, it } from 'vitest';
import { parseArxivAtomBatch } from './atom';
import { createLinkResolver } from './metadata';
import { VERSIONS_BATCH } from '../messages';
import { arxivEntry, arxivErrorEntry, arxivFeed } from './fixtures';
import { atom, fakeClock, fakeFetch, respond } from './test-helpers';

/** An entry dated `updated` (the newest version's submission), as arXiv's batched answers give them. */
const dated = (id: string, version: number, updated: string) => arxivEntry(id, version).replace(/<updated>[^<]*<\/updated>/, `<updated>${updated}</updated>`);

describe('parseArxivAtomBatch', () => {
  it('reads each paper’s newest version and its day, ids in arXiv’s own form', () => {
    const xml = arxivFeed([dated('2402.09876', 3, '2026-11-02T17:12:40Z'), dated('math/0309136', 2, '2004-01-05T00:00:00Z')].join('\n'), '', 2);
    expect(parseArxivAtomBatch(xml, ['2402.09876', 'math.GT/0309136', '2401.00001'])).toEqual({
      status: 'ok',
      entries: [
        {
          id: '2402.09876',
          version: 3,
          updated: '2026-11-02',
          comment: '12 pages, 4 figures; accepted at ICML 2024. Code: https://github.com/Example-Lab/moe-routing and https://github.com/example-lab/MoE-Bench',
          doi: '10.1145/3650000.3650123',
          journalRef: 'Proceedings of ICML 2024, PMLR 235:1234–1250',
        },
        { id: 'math/0309136', version: 2, updated: '2004-01-05', comment: expect.stringMatching(/^12 pages/), doi: '10.1145/3650000.3650123', journalRef: expect.stringMatching(/^Proceedings/) },
      ],
    });
  });

  it('an empty feed holds none of them; a bad date is not guessed', () => {
    expect(parseArxivAtomBatch(arxivFeed(''), ['2402.09876'])).toEqual({ status: 'ok', entries: [] });
    expect(parseArxivAtomBatch(arxivFeed(dated('2402.09876', 2, '2026-02-30T00:00:00Z')), ['2402.09876'])).toEqual({
      status: 'ok',
      entries: [{ id: '2402.09876', version: 2, updated: null, comment: expect.any(String), doi: '10.1145/3650000.3650123', journalRef: expect.any(String) }],
    });
  });

  it("keeps the newest version's comment as text, clipped; none is null", () => {
    const long = arxivEntry().replace(/(<arxiv:comment[^>]*>)[\s\S]*?(<\/arxiv:comment>)/, `$1${'Camera-ready &amp; more. '.repeat(40)}$2`);
    const none = arxivEntry('2402.11111').replace(/<arxiv:comment[^>]*>[\s\S]*?<\/arxiv:comment>/, '');
    const result = parseArxivAtomBatch(arxivFeed(long + none), ['2402.09876', '2402.11111']);
    expect(result.status).toBe('ok');
    const [first, second] = result.status === 'ok' ? result.entries : [];
    expect(first!.comment).toHaveLength(500);
    expect(first!.comment!.startsWith('Camera-ready & more. Camera-ready')).toBe(true);
    expect(first!.comment!.endsWith('…')).toBe(true);
    expect(second!.comment).toBeNull();
  });

  it("keeps the journal's DOI lowercased and never arXiv's own; a paper published nowhere has neither", () => {
    const upper = arxivEntry().replace('10.1145/3650000.3650123</arxiv:doi>', '10.1145/3650000.ABC</arxiv:doi>');
    const own = arxivEntry('2402.11111').replace('10.1145/3650000.3650123</arxiv:doi>', '10.48550/arXiv.2402.11111</arxiv:doi>');
    const none = arxivEntry('2402.22222').replace(/<arxiv:doi[^>]*>[^<]*<\/arxiv:doi>/, '').replace(/<arxiv:journal_ref[^>]*>[^<]*<\/arxiv:journal_ref>/, '');
    const result = parseArxivAtomBatch(arxivFeed(upper + own + none), ['2402.09876', '2402.11111', '2402.22222']);
    expect(result.status === 'ok' && result.entries.map(({ doi, journalRef }) => [doi, journalRef && journalRef.slice(0, 11)])).toEqual([
      ['10.1145/3650000.abc', 'Proceedings'],
      [null, 'Proceedings'],
      [null, null],
    ]);
    // Several DOIs, space-separated (a paper and its erratum): the first is the paper's.
    const two = arxivEntry().replace('10.1145/3650000.3650123</arxiv:doi>', '10.1103/PhysRevD.76.013009 10.1103/PhysRevD.77.019901</arxiv:doi>');
    const both = parseArxivAtomBatch(arxivFeed(two), ['2402.09876']);
    expect(both.status === 'ok' && both.entries[0]!.doi).toBe('10.1103/physrevd.76.013009');
  });

  it('refuses an answer it cannot trust: a paper not asked for, one twice, one without a version, arXiv’s error', () => {
    expect(parseArxivAtomBatch(arxivFeed(arxivEntry('2402.11111')), ['2402.09876'])).toMatchObject({ status: 'invalid', reason: 'entry 2402.11111 was not asked for' });
    expect(parseArxivAtomBatch(arxivFeed(arxivEntry() + arxivEntry()), ['2402.09876'])).toMatchObject({ status: 'invalid', reason: 'two entries for 2402.09876' });
    const unversioned = arxivEntry().replace(/(<id>http:\/\/arxiv\.org\/abs\/2402\.09876)v2/, '$1');
    expect(parseArxivAtomBatch(arxivFeed(unversioned), ['2402.09876'])).toMatchObject({ status: 'invalid', reason: 'entry 2402.09876 names no version' });
    expect(parseArxivAtomBatch(arxivFeed(arxivEntry('2402.09876', 100_000)), ['2402.09876'])).toMatchObject({ status: 'invalid', reason: 'entry 2402.09876 names no real version' });
    expect(parseArxivAtomBatch(arxivFeed(arxivErrorEntry('2402.0987x')), ['2402.09876'])).toEqual({
      status: 'invalid',
      reason: 'arXiv refused the query: incorrect id format for 2402.0987x',
    });
    expect(parseArxivAtomBatch('Rate exceeded.', ['2402.09876'])).toMatchObject({ status: 'invalid', reason: 'not well-formed XML' });
    expect(parseArxivAtomBatch('<rss><channel/></rss>', ['2402.09876'])).toMatchObject({ status: 'invalid', reason: 'not an Atom feed' });
  });
});

describe('LinkResolver.latestVersions', () => {
  function setup(script: Parameters<typeof fakeFetch>[0]) {
    const clock = fakeClock();
    const fake = fakeFetch(script, clock.now);
    return { clock, fake, resolver: createLinkResolver({ fetch: fake.fetch, now: clock.now, sleep: clock.sleep }) };
  }

  it('asks for all the ids in one request of as many results, through arXiv’s three-second queue', async () => {
    const { clock, fake, resolver } = setup(() => atom(arxivFeed(dated('2402.09876', 4, '2026-11-20T09:00:00Z'))));
    expect(await resolver.latestVersions(['2402.09876', 'math/0309136'])).toEqual({ status: 'ok', entries: [expect.objectContaining({ id: '2402.09876', version: 4, updated: '2026-11-20', comment: expect.stringMatching(/^12 pages/) })] });
    await resolver.latestVersions(['2402.09876']);
    expect(fake.urls()).toEqual([
      'https://export.arxiv.org/api/query?id_list=2402.09876,math/0309136&max_results=2',
      'https://export.arxiv.org/api/query?id_list=2402.09876&max_results=1',
    ]);
    expect(fake.calls[0]!.init.credentials).toBe('omit');
    expect(clock.sleeps).toEqual([3000]); // the second waited its three seconds
  });

  it('says why when it learns nothing: a refusal, a busy arXiv, no network, an answer that is not one', async () => {
    expect(await setup(() => respond('', 503, 'text/plain')).resolver.latestVersions(['2402.09876'])).toEqual({ status: 'failed', reason: 'arXiv answered HTTP 503 (busy: try again in a few minutes)' });
    expect(await setup(() => respond('', 400, 'text/plain')).resolver.latestVersions(['2402.09876'])).toEqual({ status: 'failed', reason: 'arXiv answered HTTP 400' });
    expect(await setup(() => Promise.reject(new TypeError('Failed to fetch'))).resolver.latestVersions(['2402.09876'])).toEqual({
      status: 'failed',
      reason: 'arXiv could not be reached (offline, or too slow to answer)',
    });
    expect(await setup(() => respond('Rate exceeded.', 200, 'text/plain')).resolver.latestVersions(['2402.09876'])).toEqual({
      status: 'failed',
      reason: "arXiv's answer was not read: not well-formed XML",
    });
  });

  it('asks nothing for no ids, and refuses more than a batch', async () => {
    const { fake, resolver } = setup(() => atom(arxivFeed('')));
    expect(await resolver.latestVersions([])).toEqual({ status: 'ok', entries: [] });
    await expect(resolver.latestVersions(Array.from({ length: VERSIONS_BATCH + 1 }, (_, i) => `2402.${String(i).padStart(5, '0')}`))).rejects.toThrow(RangeError);
    expect(fake.calls).toEqual([]);
  });
});
