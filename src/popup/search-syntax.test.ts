import { describe, expect, it } from 'vitest';
import { makeSaved } from './fake-api';
import { applyQuery, NO_FILTERS } from './list-query';
import { PaperIndex } from './search-index';
import { compileSearch, parseSearch, prepareAuthorSearch, yearRange, type SearchContext } from './search-syntax';

const lecun = makeSaved('arxiv:2601.00001', 'Energy-based models', 4000, { status: 'reading', tags: ['EBM', 'theory'], note: 'read §3' }, {
  authors: ['Yann LeCun', 'Ada Lovelace'],
  published: '2021-06-02',
  githubRepos: ['fair/ebm'],
});
const scholkopf = makeSaved('arxiv:2601.00002', 'Kernel methods', 3000, { status: 'done', tags: ['theory'] }, {
  authors: ['Bernhard Schölkopf'],
  published: '2019',
  githubRepos: [],
  source: { site: 'arxiv', page: 'abs' },
});
const undated = makeSaved('openreview:abc', 'Diffusion for agents', 2000, {}, { authors: ['Y. LeCun'], published: null, githubRepos: [], source: { site: 'openreview', page: 'forum' } });
const hinton = makeSaved('arxiv:2601.00004', 'Capsules', 1000, { note: '  ' }, { authors: ['Geoffrey E. Hinton'], published: '2023-11', githubRepos: ['javascript:x'] });
const all = [lecun, scholkopf, undated, hinton];
const context: SearchContext = { papers: all, tags: ['EBM', 'theory'], sites: ['arxiv', 'huggingface', 'openreview'] };

/** The titles the typed search shows, newest saved first, and what it says. */
function shown(typed: string, scores: Map<string, number> | null = null) {
  const { qualifiers } = parseSearch(typed);
  const { test, problems } = compileSearch(qualifiers, context);
  return { titles: applyQuery(all, NO_FILTERS, 'saved', scores, {}, test).map((s) => s.paper.title), problems };
}
const titles = (typed: string) => shown(typed).titles;

describe('parseSearch: words and qualifiers', () => {
  it('takes the qualifiers out and leaves the words for the full-text search', () => {
    const parsed = parseSearch('  diffusion  tag:rl   agents status:done ');
    expect(parsed.text).toBe('diffusion agents');
    expect(parsed.qualifiers).toEqual([
      { key: 'tag', value: 'rl', negated: false, raw: 'tag:rl' },
      { key: 'status', value: 'done', negated: false, raw: 'status:done' },
    ]);
  });

  it('reads quoted values with spaces, a quote not yet closed, a minus before one, and keys in any case', () => {
    expect(parseSearch('author:"yann  lecun" x').qualifiers[0]).toMatchObject({ key: 'author', value: 'yann  lecun' });
    expect(parseSearch('author:"yann le').qualifiers[0]).toMatchObject({ key: 'author', value: 'yann le' });
    expect(parseSearch('-Status:done').qualifiers[0]).toMatchObject({ key: 'status', value: 'done', negated: true, raw: '-Status:done' });
    expect(parseSearch('IS:reading BY:hinton').qualifiers.map((q) => q.key)).toEqual(['status', 'author']);
  });

  it('leaves ids, addresses and unknown keys as words, so the ids search and the typed paper still read them', () => {
    for (const typed of ['arXiv:2401.12345', 'doi:10.1145/3.4', 'https://arxiv.org/abs/2401.12345', 'note:x', 'foo:"a b"']) {
      expect(parseSearch(typed)).toEqual({ text: typed, qualifiers: [], excluded: [], query: { words: typed, phrases: [], typing: true }, excludedPhrases: [] });
    }
    expect(parseSearch('tag:rl arXiv:2401.12345').text).toBe('arXiv:2401.12345');
  });

  it('takes a word with a minus before it out, to leave out what it finds; a word within words keeps its hyphen', () => {
    expect(parseSearch('diffusion -survey -Video models')).toMatchObject({ text: 'diffusion models', excluded: ['survey', 'Video'] });
    expect(parseSearch('state-of-the-art -x --').excluded).toEqual([]); // one letter, punctuation: nothing yet
    expect(parseSearch('state-of-the-art').text).toBe('state-of-the-art');
  });

  it('takes a quoted phrase with a minus before it out whole, and searches for a quoted phrase without one', () => {
    const phrase = (text: string, open = false) => ({ text, open });
    expect(parseSearch('diffusion -"large language models" video')).toMatchObject({ text: 'diffusion video', excluded: [], excludedPhrases: [phrase('large language models')] });
    expect(parseSearch('-"survey"')).toMatchObject({ text: '', excludedPhrases: [phrase('survey')] });
    expect(parseSearch('-"large lang')).toMatchObject({ text: '', excludedPhrases: [phrase('large lang', true)] }); // being typed
    expect(parseSearch('-"')).toMatchObject({ text: '', excluded: [], excludedPhrases: [] });
    expect(parseSearch('"graph nets" tag:rl')).toMatchObject({ text: '"graph nets"', excluded: [], query: { phrases: [phrase('graph nets')] } });
  });

  it('reads a quoted phrase: its words searched for as they were, the phrase kept to check the hits by', () => {
    const phrase = (text: string, open = false) => ({ text, open });
    const gnn = phrase('graph neural networks');
    expect(parseSearch('"graph neural networks"')).toEqual({ text: '"graph neural networks"', qualifiers: [], excluded: [], query: { words: '', phrases: [gnn], typing: false }, excludedPhrases: [] });
    // The words outside quotes for the index apart; the last of them is typed only with no phrase after it.
    expect(parseSearch('survey "graph  neural" "rl" -video')).toMatchObject({
      text: 'survey "graph neural" "rl"',
      excluded: ['video'],
      query: { words: 'survey', phrases: [phrase('graph  neural'), phrase('rl')], typing: false },
    });
    expect(parseSearch('"rl" survey').query).toEqual({ words: 'survey', phrases: [phrase('rl')], typing: true });
    // While its quote is open it runs to the end of the box, as a qualifier's quoted value does.
    expect(parseSearch('tag:rl "graph neur')).toMatchObject({ text: '"graph neur', qualifiers: [{ key: 'tag', value: 'rl' }], query: { phrases: [phrase('graph neur', true)] } });
    expect(parseSearch('"graph nets tag:rl')).toMatchObject({ qualifiers: [], query: { phrases: [phrase('graph nets tag:rl', true)] } });
    // A qualifier's quoted value is its own; quotes with no word in them ask nothing.
    expect(parseSearch('tag:"graph nets"')).toMatchObject({ text: '', query: null, qualifiers: [{ key: 'tag', value: 'graph nets' }] });
    expect(parseSearch('"" "--" "')).toMatchObject({ text: '', query: null });
    // A reference pasted with its title in quotes: the same words as before for the search (and the paper it names).
    const reference = 'A. Okafor, "Open-vocabulary segmentation," in Proc. CVPR, 2024, arXiv:2401.00002.';
    expect(parseSearch(reference)).toMatchObject({ text: reference, query: { phrases: [phrase('Open-vocabulary segmentation,')] } });
  });

  it('reads a tab pasted between the words of a phrase or of a quoted value as the space it stands for', () => {
    // A title copied from a table or a PDF brings tabs: the phrase was one "word" to the index and found nothing.
    const index = new PaperIndex();
    index.apply(index.diff(all));
    const found = (typed: string) => [...index.search(parseSearch(typed).query!).keys()];
    expect(found('"energy-based models"')).toEqual([lecun.id]);
    expect(found('"energy-based\tmodels"')).toEqual([lecun.id]);
    expect(found('"energy-based\tmod')).toEqual([lecun.id]);
    expect(parseSearch('-"energy-based\tmodels"').excludedPhrases).toEqual([{ text: 'energy-based models', open: false }]);
    expect(parseSearch('by:"Geoffrey\tHinton"').qualifiers).toMatchObject([{ key: 'author', value: 'Geoffrey Hinton' }]);
  });

  it('searches no words when only qualifiers, one letter or punctuation are left', () => {
    expect(parseSearch('tag:rl').text).toBe('');
    expect(parseSearch('tag:rl x').text).toBe('');
    expect(parseSearch('status:done --').text).toBe('');
    expect(parseSearch('').qualifiers).toEqual([]);
    // The first letter of a phrase being typed, as of a word: its quote is no letter (`"g` hid every paper without the
    // word "g", `-"a` every paper with the word "a").
    for (const typed of ['"g', 'tag:rl "g', '"吉', '"𠮷']) expect(parseSearch(typed), typed).toMatchObject({ text: '', query: null });
    expect(parseSearch('-"a').excludedPhrases).toEqual([]);
    expect(parseSearch('"gr').text).toBe('"gr'); // two, as `gr` is searched
    expect(parseSearch('-"gr').excludedPhrases).toEqual([{ text: 'gr', open: true }]);
  });
});

describe('qualifiers as tests', () => {
  it('tag: any case; a tag no paper has finds none and says so, naming tags that begin so', () => {
    expect(titles('tag:ebm')).toEqual(['Energy-based models']);
    expect(titles('tag:THEORY')).toEqual(['Energy-based models', 'Kernel methods']);
    expect(shown('tag:the')).toEqual({ titles: [], problems: ['No paper has the tag “the”; tags that begin so: “theory”.'] });
    expect(shown('tag:"graph nets"').problems).toEqual(['No paper has the tag “graph nets”.']);
  });

  it('tag: a quoted value with spaces finds the tag as it is kept, one space between its words (tag-input.ts)', () => {
    const nets = makeSaved('arxiv:2601.00009', 'Message passing', 500, { tags: ['Graph nets'] });
    const withNets: SearchContext = { papers: [nets], tags: ['Graph nets'], sites: ['huggingface'] };
    for (const typed of ['tag:"graph nets"', 'tag:"graph  nets"', 'tag:" graph   nets "']) {
      const { test, problems } = compileSearch(parseSearch(typed).qualifiers, withNets);
      expect({ typed, found: test?.(nets), problems }).toEqual({ typed, found: true, problems: [] });
    }
  });

  it('status: its names, other spellings and a start that names one; is: is the same', () => {
    expect(titles('status:done')).toEqual(['Kernel methods']);
    expect(titles('is:read')).toEqual(['Kernel methods']);
    expect(titles('status:to-read')).toEqual(['Diffusion for agents', 'Capsules']);
    expect(titles('status:unread')).toEqual(['Diffusion for agents', 'Capsules']);
    expect(titles('is:readi')).toEqual(['Energy-based models']);
    expect(titles('status:t')).toEqual(['Diffusion for agents', 'Capsules']);
  });

  it('status: a start that could be two asks nothing yet; a word that is none says what a status is', () => {
    expect(shown('status:rea')).toEqual({ titles: all.map((s) => s.paper.title), problems: [] });
    expect(shown('status:dnoe')).toEqual({ titles: all.map((s) => s.paper.title), problems: ['“status:dnoe”: a status is to-read, reading or done.'] });
  });

  it('author: as followed authors match (family name alone, initials, accents and "oe" folded)', () => {
    expect(titles('author:lecun')).toEqual(['Energy-based models', 'Diffusion for agents']);
    expect(titles('author:"yann lecun"')).toEqual(['Energy-based models', 'Diffusion for agents']);
    // "Y. LeCun" may be Yves: an initial agrees with any name it begins; "Yann LeCun" is not.
    expect(titles('author:"yves lecun"')).toEqual(['Diffusion for agents']);
    expect(titles('by:schoelkopf')).toEqual(['Kernel methods']);
    expect(titles('author:"G. Hinton"')).toEqual(['Capsules']);
    // A name in Chinese or Japanese script, family name first: found by it too.
    const yamada = makeSaved('cinii:1', '深層学習', 500, {}, { authors: ['山田 太郎', 'Ada Lovelace'] });
    const byYamada = (typed: string) => compileSearch(parseSearch(typed).qualifiers, { ...context, papers: [...all, yamada] }).test!(yamada);
    expect([byYamada('author:山田'), byYamada('author:"山田 太郎"'), byYamada('author:"太郎 山田"'), byYamada('author:太郎')]).toEqual([true, true, true, true]);
    expect([byYamada('author:田中'), byYamada('author:"山田 花子"')]).toEqual([false, false]);
    expect(shown('author:"3 4"').problems).toEqual(['“author:"3 4"”: an author is a name, such as author:lecun or author:"yann lecun".']);
  });

  it('year: one, a span either way round, open-ended and bounds; a paper of unknown date is of none', () => {
    expect(titles('year:2021')).toEqual(['Energy-based models']);
    expect(titles('year:2019-2021')).toEqual(['Energy-based models', 'Kernel methods']);
    expect(titles('year:2021..2019')).toEqual(['Energy-based models', 'Kernel methods']);
    expect(titles('year:2020-')).toEqual(['Energy-based models', 'Capsules']);
    expect(titles('year:>2021')).toEqual(['Capsules']);
    expect(titles('year:>=2021')).toEqual(['Energy-based models', 'Capsules']);
    expect(titles('year:<2021')).toEqual(['Kernel methods']);
    expect(titles('year:<=2021')).toEqual(['Energy-based models', 'Kernel methods']);
    expect(titles('-year:2021')).toEqual(['Kernel methods', 'Diffusion for agents', 'Capsules']);
  });

  it('year: digits still being typed ask nothing; anything else says how a year is written', () => {
    for (const typed of ['year:20', 'year:>=202', 'year:2020-20', 'year:2019.']) expect(shown(typed)).toEqual({ titles: all.map((s) => s.paper.title), problems: [] });
    expect(shown('year:last').problems).toEqual(['“year:last”: a year is written 2024, 2020-2023, >2022 or <2020.']);
    expect(yearRange('2019')).toEqual([2019, 2019]);
    expect(yearRange('21')).toBeNull();
  });

  it('site: by its id or its name, folded, or a start naming one; an unknown site names the list’s', () => {
    expect(titles('site:openreview')).toEqual(['Diffusion for agents']);
    expect(titles('site:OpenRev')).toEqual(['Diffusion for agents']);
    expect(titles('site:"Hugging Face"')).toEqual(['Energy-based models', 'Capsules']);
    expect(titles('site:hf')).toEqual(['Energy-based models', 'Capsules']);
    expect(shown('site:zotero').problems).toEqual(['“site:zotero”: the list\'s sites are arxiv, huggingface, openreview.']);
  });

  it('venue: words of the venue as the paper gives it, folded; cat: a category by its start (cat:cs is every cs.*)', () => {
    const neurips = makeSaved('arxiv:2601.00005', 'Routing tokens', 500, {}, { venue: 'NeurIPS 2025', categories: ['cs.LG', 'stat.ML'] });
    const acl = makeSaved('aclanthology:2026.acl-long.7', 'Parsing', 400, {}, { venue: 'Proceedings of the 64th Annual Meeting of the ACL (Volume 1: Long Papers)', categories: ['cs.CL'] });
    const hf = makeSaved('arxiv:2601.00006', 'Experts', 300, {}, { venue: null, categories: ['Mixture of Experts'] });
    const papers = [...all, neurips, acl, hf];
    const find = (typed: string) => {
      const { test, problems } = compileSearch(parseSearch(typed).qualifiers, { ...context, papers });
      return { titles: applyQuery(papers, NO_FILTERS, 'saved', null, {}, test).map((s) => s.paper.title), problems };
    };
    expect(find('venue:neurips').titles).toEqual(['Routing tokens']);
    expect(find('venue:"annual meeting"').titles).toEqual(['Parsing']);
    expect(find('venue:2025').titles).toEqual(['Routing tokens']);
    expect(find('-venue:neurips').titles).not.toContain('Routing tokens');
    expect(find('venue:icml')).toEqual({ titles: [], problems: ['No paper\'s venue has “icml”.'] });
    // Words, not the inside of one: ACL is not NAACL's or EACL's, and "2024" is not "12024".
    const naacl = makeSaved('aclanthology:2024.naacl-long.1', 'Tagging', 200, {}, { venue: 'NAACL-HLT 2024' });
    const eacl = makeSaved('aclanthology:2024.eacl-long.1', 'Chunking', 100, {}, { venue: 'Proceedings of EACL' });
    const more = [...papers, naacl, eacl];
    const findIn = (typed: string) => applyQuery(more, NO_FILTERS, 'saved', null, {}, compileSearch(parseSearch(typed).qualifiers, { ...context, papers: more }).test).map((s) => s.paper.title);
    expect(findIn('venue:acl')).toEqual(['Parsing']);
    expect(findIn('venue:naacl')).toEqual(['Tagging']);
    expect(findIn('venue:hlt')).toEqual(['Tagging']);
    expect(findIn('venue:"hlt 2024"')).toEqual(['Tagging']);
    expect(findIn('venue:neurips2025')).toEqual(['Routing tokens']);
    expect(findIn('venue:"meeting of the"')).toEqual(['Parsing']);
    expect(findIn('venue:eeting')).toEqual([]);
    expect(find('cat:cs.CL').titles).toEqual(['Parsing']);
    expect(find('cat:CS').titles).toEqual(['Routing tokens', 'Parsing']);
    expect(find('category:stat.ml').titles).toEqual(['Routing tokens']);
    expect(find('cat:"mixture of experts"').titles).toEqual(['Experts']);
    expect(find('cat:cs.CV')).toEqual({ titles: [], problems: ['No paper has a category that begins “cs.CV”.'] });
    expect(find('venue:"—"').problems).toEqual(['“venue:"—"”: a venue is written as the paper gives it, such as venue:neurips or venue:"ICML 2024".']);
  });

  it('has: code (a repository we would link to), note (not blank) and tags', () => {
    expect(titles('has:code')).toEqual(['Energy-based models']);
    expect(titles('has:note')).toEqual(['Energy-based models']);
    expect(titles('has:tags')).toEqual(['Energy-based models', 'Kernel methods']);
    expect(titles('-has:tags')).toEqual(['Diffusion for agents', 'Capsules']);
    expect(shown('has:pdf').problems).toEqual(['“has:pdf”: has: takes code, note or tags.']);
  });

  it('every qualifier must hold, a minus leaves its papers out, and the words search within them', () => {
    expect(titles('tag:theory -status:done')).toEqual(['Energy-based models']);
    expect(titles('author:lecun -tag:ebm')).toEqual(['Diffusion for agents']);
    const hits = new Map([[undated.id, 2], [hinton.id, 1]]);
    expect(shown('agents author:lecun', hits).titles).toEqual(['Diffusion for agents']);
  });

  it('a qualifier with nothing after it yet asks nothing and says nothing', () => {
    expect(compileSearch(parseSearch('tag: status: -author:""').qualifiers, context)).toEqual({ test: null, problems: [] });
  });

  it('hostile values are only compared, never run or read as patterns', () => {
    expect(shown('tag:"<img src=x onerror=alert(1)>"').titles).toEqual([]);
    expect(shown('author:".*"').problems).toHaveLength(1);
    expect(titles('tag:(.*)')).toEqual([]);
  });
});

describe('prepareAuthorSearch', () => {
  it('reads the list a slice at a time, pausing between slices, and stops when told', async () => {
    const list = [...all]; // a list of its own: the index is made once per list
    let pauses = 0;
    await prepareAuthorSearch(list, async () => void pauses++, () => true, 1);
    expect(pauses).toBe(3); // four slices of one, no pause after the last
    pauses = 0;
    await prepareAuthorSearch([...all], async () => void pauses++, () => pauses < 1, 1);
    expect(pauses).toBe(1);
    // Made ahead or not, the qualifier finds the same papers.
    expect(compileSearch(parseSearch('author:lecun').qualifiers, { ...context, papers: list }).test!(undated)).toBe(true);
  });
});

describe('saved: when the reader saved it', () => {
  // Local times: the reader's calendar, whatever the machine's time zone.
  const at = (y: number, m: number, d: number, h = 12) => new Date(y, m - 1, d, h).getTime();
  const now = at(2026, 12, 3, 15);
  const papers = [
    makeSaved('arxiv:2612.00001', 'Saved this morning', at(2026, 12, 3, 8)),
    makeSaved('arxiv:2612.00002', 'Saved on the 1st', at(2026, 12, 1, 0, )),
    makeSaved('arxiv:2612.00003', 'Saved late in November', at(2026, 11, 30, 23)),
    makeSaved('arxiv:2612.00004', 'Saved in October', at(2026, 10, 15)),
    makeSaved('arxiv:2612.00005', 'Saved last year', at(2025, 6, 1)),
  ];
  const find = (typed: string) => {
    const { test, problems } = compileSearch(parseSearch(typed).qualifiers, { papers, tags: [], sites: [], now });
    return { titles: papers.filter((s) => !test || test(s)).map((s) => s.paper.title), problems };
  };
  const titles = (typed: string) => find(typed).titles;

  it('the last days, weeks, months and years, and today', () => {
    expect(titles('saved:today')).toEqual(['Saved this morning']);
    expect(titles('saved:1d')).toEqual(['Saved this morning']);
    expect(titles('saved:3d')).toEqual(['Saved this morning', 'Saved on the 1st', 'Saved late in November']);
    expect(titles('saved:1w')).toEqual(['Saved this morning', 'Saved on the 1st', 'Saved late in November']);
    expect(titles('saved:2m')).toEqual(['Saved this morning', 'Saved on the 1st', 'Saved late in November', 'Saved in October']);
    expect(titles('saved:1y')).toHaveLength(4);
    expect(titles('-saved:1y')).toEqual(['Saved last year']);
  });

  it('a local year, month or day, after or before one, and a span of them (both ends included)', () => {
    expect(titles('saved:2026-11')).toEqual(['Saved late in November']);
    expect(titles('saved:2026-12-01')).toEqual(['Saved on the 1st']);
    expect(titles('saved:2025')).toEqual(['Saved last year']);
    expect(titles('saved:>2026-11-30')).toEqual(['Saved this morning', 'Saved on the 1st']);
    expect(titles('saved:>=2026-11-30')).toEqual(['Saved this morning', 'Saved on the 1st', 'Saved late in November']);
    expect(titles('saved:<2026-11')).toEqual(['Saved in October', 'Saved last year']);
    expect(titles('saved:<=2026-11')).toEqual(['Saved late in November', 'Saved in October', 'Saved last year']);
    expect(titles('saved:2026-10..2026-11')).toEqual(['Saved late in November', 'Saved in October']);
    expect(titles('saved:2026-11..2026-10')).toEqual(['Saved late in November', 'Saved in October']);
  });

  it('asks nothing while a time is typed, and says how one is written otherwise', () => {
    for (const typed of ['saved:7', 'saved:2026-1', 'saved:2026-11-0', 'saved:>2026-1', 'saved:2026-10..', 'saved:2026-10..2026-1', 'saved:tod']) {
      expect(find(typed), typed).toEqual({ titles: papers.map((s) => s.paper.title), problems: [] });
    }
    for (const typed of ['saved:lastweek', 'saved:7x', 'saved:2026-13', 'saved:2026-02-30']) {
      expect(find(typed).problems, typed).toEqual([`“${typed}”: a time is written 7d, 2w, 3m, 1y, today, 2026-11, 2026-11-28, >2026-11-01 or 2026-11-01..2026-11-15.`]);
    }
  });
});
