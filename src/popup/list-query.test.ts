import { describe, expect, it } from 'vitest';
import { makeSaved } from './fake-api';
import { applyQuery, hasCode, isFiltered, matchesFilters, NO_FILTERS, siteIds, sortPapers, tagCounts } from './list-query';

const a = makeSaved('arxiv:2601.00001', 'beta transformers', 3000, { status: 'reading', tags: ['nlp', 'moe'] }, {
  published: '2026-01-05',
  githubStars: 10,
  upvotes: null,
  githubRepos: ['org/beta'],
});
const b = makeSaved('arxiv:2601.00002', 'Alpha diffusion', 1000, { status: 'done', tags: ['vision'] }, {
  published: null,
  githubStars: null,
  upvotes: 50,
  githubRepos: [],
  source: { site: 'arxiv', page: 'abs' },
});
const c = makeSaved('arxiv:2601.00003', 'Gamma 10 agents', 2000, { tags: ['nlp'] }, {
  published: '2026-03-01',
  githubStars: 500,
  upvotes: 5,
  githubRepos: ['javascript:alert(1)'],
});
const all = [a, b, c];
const ids = (list: { id: string }[]) => list.map((s) => s.id.slice(-1));

describe('filters', () => {
  it('by status', () => expect(ids(all.filter((s) => matchesFilters(s, { ...NO_FILTERS, status: 'done' })))).toEqual(['2']));
  it('by tag', () => expect(ids(all.filter((s) => matchesFilters(s, { ...NO_FILTERS, tag: 'nlp' })))).toEqual(['1', '3']));
  it('by site', () => expect(ids(all.filter((s) => matchesFilters(s, { ...NO_FILTERS, site: 'arxiv' })))).toEqual(['2']));
  it('by has code, counting only well-formed repository names', () => {
    expect(ids(all.filter((s) => matchesFilters(s, { ...NO_FILTERS, hasCode: true })))).toEqual(['1']);
    expect(hasCode(c)).toBe(false);
  });
  it('combined', () => expect(ids(all.filter((s) => matchesFilters(s, { ...NO_FILTERS, tag: 'nlp', status: 'to-read' })))).toEqual(['3']));
  it('by new version, as the test given says (none without one), and with a search', () => {
    const revised = (s: { id: string }) => s.id.endsWith('3');
    expect(ids(all.filter((s) => matchesFilters(s, { ...NO_FILTERS, newVersion: true }, { revised })))).toEqual(['3']);
    expect(ids(all.filter((s) => matchesFilters(s, { ...NO_FILTERS, newVersion: true })))).toEqual([]);
    expect(ids(applyQuery(all, { ...NO_FILTERS, newVersion: true }, 'saved', new Map(all.map((s) => [s.id, 1])), { revised }))).toEqual(['3']);
    expect(isFiltered({ ...NO_FILTERS, newVersion: true })).toBe(true);
  });
  it('by followed authors, as the test given says (none without one), with the other filters', () => {
    const followed = (s: { id: string }) => !s.id.endsWith('2');
    expect(ids(all.filter((s) => matchesFilters(s, { ...NO_FILTERS, followed: true }, { followed })))).toEqual(['1', '3']);
    expect(ids(all.filter((s) => matchesFilters(s, { ...NO_FILTERS, followed: true, tag: 'nlp', status: 'to-read' }, { followed })))).toEqual(['3']);
    expect(ids(all.filter((s) => matchesFilters(s, { ...NO_FILTERS, followed: true })))).toEqual([]);
    expect(isFiltered({ ...NO_FILTERS, followed: true })).toBe(true);
  });
});

describe('sorting', () => {
  it('by date saved, newest first (the default)', () => expect(ids(sortPapers(all, 'saved'))).toEqual(['1', '3', '2']));
  it('by date published, newest first, unknown last', () => expect(ids(sortPapers(all, 'published'))).toEqual(['3', '1', '2']));
  it('by date published, a year or a month alone after the days it may be (never ahead of its December)', () => {
    const dated = (n: number, published: string | null) => makeSaved(`arxiv:2601.0000${n}`, `paper ${n}`, n * 1000, {}, { published });
    const list = [dated(1, '2019'), dated(2, '2019-12-31'), dated(3, '2019-12'), dated(4, '2019-01-01'), dated(5, '2020'), dated(6, '2018-12-31'), dated(7, null), dated(8, '2019-07')];
    expect(ids(sortPapers(list, 'published'))).toEqual(['5', '2', '3', '8', '4', '1', '6', '7']);
  });
  it('by title, case-insensitively', () => expect(ids(sortPapers(all, 'title'))).toEqual(['2', '1', '3']));
  it('by stars, unknown last', () => expect(ids(sortPapers(all, 'stars'))).toEqual(['3', '1', '2']));
  it('by upvotes, unknown last', () => expect(ids(sortPapers(all, 'upvotes'))).toEqual(['2', '3', '1']));
  it('by relevance when there are scores, else by date saved', () => {
    const scores = new Map([
      [b.id, 9],
      [c.id, 3],
    ]);
    expect(ids(sortPapers(all, 'relevance', scores))).toEqual(['2', '3', '1']);
    expect(ids(sortPapers(all, 'relevance'))).toEqual(['1', '3', '2']);
  });
  it('does not change its input', () => {
    const input = [...all];
    sortPapers(input, 'title');
    expect(input).toEqual(all);
  });
});

describe('applyQuery', () => {
  it('keeps only search hits that pass the filters, sorted', () => {
    const scores = new Map([
      [a.id, 1],
      [b.id, 2],
    ]);
    expect(ids(applyQuery(all, NO_FILTERS, 'saved', scores))).toEqual(['1', '2']);
    expect(ids(applyQuery(all, { ...NO_FILTERS, status: 'done' }, 'saved', scores))).toEqual(['2']);
    expect(ids(applyQuery(all, NO_FILTERS, 'saved', null))).toEqual(['1', '3', '2']);
  });
});

describe('facets', () => {
  it('counts tags, most used first', () => expect(tagCounts(all)).toEqual([['nlp', 2], ['moe', 1], ['vision', 1]]));
  it('counts a tag two papers spell in different cases once, named as most of them spell it, and filters on it in any case', () => {
    const tagged = (id: string, tags: string[]) => makeSaved(id, id, 1, { tags });
    const list = [tagged('a:1', ['RL']), tagged('a:2', ['rl', 'nlp']), tagged('a:3', ['RL']), tagged('a:4', ['Nlp'])];
    expect(tagCounts(list)).toEqual([['RL', 3], ['Nlp', 2]]); // a tie of spellings: the first by name, whatever the order
    expect(tagCounts([...list].reverse())).toEqual([['RL', 3], ['Nlp', 2]]);
    expect(list.filter((saved) => matchesFilters(saved, { ...NO_FILTERS, tag: 'RL' })).map((saved) => saved.id)).toEqual(['a:1', 'a:2', 'a:3']);
  });
  it('lists sites', () => expect(siteIds(all)).toEqual(['arxiv', 'huggingface']));
  it('lists sites in the order of the names the filter shows, not of their ids', () => {
    const from = (site: string) => makeSaved(`${site}:x`, site, 1, {}, { source: { site, page: 'paper' } });
    // "Google Scholar" (scholar) before "Hugging Face" and "PMLR", where its id came after both.
    expect(siteIds(['pmlr', 'scholar', 'huggingface', 'semanticscholar'].map(from))).toEqual(['scholar', 'huggingface', 'pmlr', 'semanticscholar']);
  });
});
