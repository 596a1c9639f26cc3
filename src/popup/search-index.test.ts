import type MiniSearch from 'minisearch';
import { describe, expect, it, vi } from 'vitest';
import { readingList } from '../../bench/records';
import { makeSaved } from './fake-api';
import { PaperIndex, searchQuery, type WordQuery } from './search-index';
import { parseSearch } from './search-syntax';

const moe = makeSaved('arxiv:2601.00001', 'Scaling Sparse Mixture-of-Experts', 3000, { tags: ['efficiency'], note: 'Compare with switch transformer' }, {
  authors: ['Bernhard Schölkopf', 'Ada Lovelace'],
  abstract: 'We route tokens to experts.',
});
const diffusion = makeSaved('arxiv:2601.00002', 'Consistency models for diffusion', 2000, {}, {
  authors: ['Alan Turing'],
  abstract: 'Fast image generation in one step.',
});

function indexOf(...papers: Parameters<PaperIndex['diff']>[0][number][]) {
  const index = new PaperIndex();
  index.apply(index.diff(papers));
  return index;
}
const hits = (index: PaperIndex, text: string) => [...index.search(text).keys()].sort();

describe('PaperIndex', () => {
  it('finds papers by title, authors, abstract, tags and notes', () => {
    const index = indexOf(moe, diffusion);
    expect(hits(index, 'sparse')).toEqual([moe.id]);
    expect(hits(index, 'turing')).toEqual([diffusion.id]);
    expect(hits(index, 'image generation')).toEqual([diffusion.id]);
    expect(hits(index, 'efficiency')).toEqual([moe.id]);
    expect(hits(index, 'switch')).toEqual([moe.id]);
  });

  it('finds a paper by its arXiv id, its DOI or another of its ids, exactly: a neighbouring id is another paper', () => {
    const cvf = makeSaved('cvf:CVPR_2026/Smith_Example', 'Panoptic lifting', 1000, {}, { doi: null, aliases: ['doi:10.1109/cvpr52733.2026.00042'] });
    const journal = makeSaved('arxiv:2601.00003', 'A journal version', 1000, {}, { doi: '10.1038/s41586-026-01234-5' });
    const index = indexOf(moe, diffusion, cvf, journal);
    expect(hits(index, '2601.00001')).toEqual([moe.id]);
    expect(hits(index, 'arXiv:2601.00002')).toEqual([diffusion.id]);
    expect(hits(index, '10.1109/cvpr52733.2026.00042')).toEqual([cvf.id]);
    expect(hits(index, '10.1038/s41586-026-01234-5')).toEqual([journal.id]);
    expect(hits(index, '2601.0000')).toEqual([moe.id, diffusion.id, journal.id].sort()); // typing it: a prefix
    // As pasted from a citation or an address: the DOI with doi:, an arXiv id with its version.
    expect(hits(index, 'doi:10.1038/s41586-026-01234-5')).toEqual([journal.id]);
    expect(hits(index, 'doi:10.1109/cvpr52733.2026.00042')).toEqual([cvf.id]);
    expect(hits(index, 'arXiv:2601.00003v2')).toEqual([journal.id]);
    expect(hits(index, '2601.00001v1')).toEqual([moe.id]);
  });

  it('matches prefixes as you type, small typos, and ignores accents', () => {
    const index = indexOf(moe, diffusion);
    expect(hits(index, 'consis')).toEqual([diffusion.id]);
    expect(hits(index, 'difusion')).toEqual([diffusion.id]);
    expect(hits(index, 'scholkopf')).toEqual([moe.id]);
    expect(hits(index, 'lovelace sparse')).toEqual([moe.id]);
    expect(hits(index, 'lovelace diffusion')).toEqual([]);
  });

  it('folds the letters no accent-stripping reaches: ß, ł, æ, ø … as a reader without them types them', () => {
    const street = makeSaved('arxiv:2601.00021', 'Straßenszenen verstehen', 1000, {}, { authors: ['Łukasz Kaiser', 'Søren Hauberg'] });
    const index = indexOf(moe, diffusion, street);
    expect(hits(index, 'strassenszenen')).toEqual([street.id]);
    expect(hits(index, 'Straßenszenen')).toEqual([street.id]);
    expect(hits(index, 'lukasz')).toEqual([street.id]);
    expect(hits(index, 'soren hauberg')).toEqual([street.id]);
    expect(hits(index, 'Łukasz')).toEqual([street.id]);
  });

  it("finds a paper by its venue and its site's categories (arXiv's cs.CL, Hugging Face's keywords)", () => {
    const acl = makeSaved('arxiv:2601.00031', 'Parsing with grammars', 1000, {}, { venue: 'ACL 2026 (Long Papers)', categories: ['cs.CL', 'cs.LG'] });
    const hf = makeSaved('arxiv:2601.00032', 'Routing tokens', 1000, {}, { venue: 'NeurIPS 2025', categories: ['Mixture of Experts'] });
    const index = indexOf(moe, diffusion, acl, hf);
    expect(hits(index, 'neurips')).toEqual([hf.id]);
    expect(hits(index, 'acl 2026')).toEqual([acl.id]);
    expect(hits(index, 'cs.CL')).toEqual([acl.id]);
    expect(hits(index, 'cs.LG')).toEqual([acl.id]);
    expect(hits(index, 'cs.AI')).toEqual([]);
    expect(hits(index, 'mixture of experts')).toEqual([moe.id, hf.id].sort()); // the title of one, the keyword of the other
    expect(hits(index, 'neur')).toEqual([hf.id]); // typed: a prefix, as in a title
  });

  it('finds words inside Chinese and Japanese text, which has no spaces between them', () => {
    const zh = makeSaved('arxiv:2601.00011', '基于深度学习的医学图像分割方法', 1000, { note: '这篇论文的实验部分很扎实，值得复现。' });
    const ja = makeSaved('arxiv:2601.00012', '大規模言語モデルの推論能力について', 1000, { tags: ['LLM'] });
    const index = indexOf(moe, diffusion, zh, ja);
    expect(hits(index, '图像分割')).toEqual([zh.id]);
    expect(hits(index, '深度学习')).toEqual([zh.id]);
    expect(hits(index, '实验')).toEqual([zh.id]); // in the note
    expect(hits(index, '言語モデル')).toEqual([ja.id]);
    expect(hits(index, '推論 llm')).toEqual([ja.id]);
    expect(hits(index, '图像分')).toEqual([zh.id]); // being typed
    expect(hits(index, '分割图像')).toEqual([]); // the same characters in another order are other words
    expect(hits(index, '言語 diffusion')).toEqual([]);
    expect(hits(index, 'switch transf')).toEqual([moe.id]); // other text as before
  });

  it('keeps, with a quoted phrase, the hits where its words stand next to each other, in order, within one field', () => {
    const gnn = makeSaved('arxiv:2601.00031', 'Graph Neural Networks: a survey', 1000, { tags: ['graph nets', 'RL'] }, {
      authors: ['Bernhard Schölkopf', 'Ada Lovelace'],
      abstract: 'We study message-passing graph-neural networks, and reinforcement learning.',
      venue: 'NeurIPS 2024',
      categories: ['cs.LG'],
    });
    const apart = makeSaved('arxiv:2601.00032', 'Neural networks on a graph', 1000, { tags: ['rlhf'] }, { authors: ['Ada Smith', 'Lovelace Jones'], abstract: 'Networks of a graph, made neural.' });
    const index = indexOf(moe, gnn, apart);
    const phrase = (text: string, open = false) => [...index.search({ words: '', phrases: [{ text, open }], typing: false }).keys()].sort();
    expect(hits(index, 'graph neural networks')).toEqual([gnn.id, apart.id].sort()); // the words alone: anywhere
    expect(phrase('graph neural networks')).toEqual([gnn.id]);
    expect(phrase('networks graph')).toEqual([]); // in order
    expect(phrase('graph  neural,networks')).toEqual([gnn.id]); // any spacing or punctuation between them
    expect(phrase('message passing graph neural')).toEqual([gnn.id]); // in the abstract, hyphens and all
    expect(phrase('bernhard scholkopf')).toEqual([gnn.id, moe.id].sort()); // folded as the search folds
    expect(phrase('Schölkopf Ada')).toEqual([]); // one author's name, not the next one's
    expect(phrase('lovelace jones')).toEqual([apart.id]);
    expect(phrase('graph nets')).toEqual([gnn.id]); // a tag
    expect(phrase('neurips 2024')).toEqual([gnn.id]); // the venue
    expect(phrase('survey we')).toEqual([]); // not from the title into the abstract
    // One word is that whole word: "rl" is not "rlhf", "network" not "networks" (the words alone find both).
    expect(hits(index, 'rl')).toEqual([gnn.id]);
    expect(phrase('rl')).toEqual([gnn.id]);
    expect(hits(index, 'network')).toEqual([gnn.id, apart.id].sort());
    expect(phrase('network')).toEqual([]);
    // Several phrases, and other words, all hold.
    const both = (second: string) => [...index.search({ words: 'survey', phrases: [{ text: 'graph neural', open: false }, { text: second, open: false }], typing: false }).keys()];
    expect(both('ada lovelace')).toEqual([gnn.id]);
    expect(both('lovelace ada')).toEqual([]);
    // Its quote still open: the word being typed is the start of one.
    expect(phrase('graph neural netw', true)).toEqual([gnn.id]);
    expect(phrase('neural networks on a gra', true)).toEqual([apart.id]);
    expect(phrase('graph neural ', true)).toEqual([gnn.id]); // a space typed: a whole word
    expect(phrase('netw', true)).toEqual([gnn.id, apart.id].sort());
    expect(phrase('netw')).toEqual([]);
  });

  it('finds the words of a note pasted with tabs between them (a row of a table), as words and as a phrase', () => {
    const table = makeSaved('arxiv:2601.00033', 'Vision transformers', 1000, { note: 'ImageNet\t84.2\tours\nCIFAR\u000b99.1' });
    const index = indexOf(moe, table);
    const found = (typed: string) => [...index.search(parseSearch(typed).query!).keys()];
    for (const typed of ['ours', 'imagenet ours', '"imagenet 84.2 ours"', '99.1', 'cifar 99']) expect(found(typed), typed).toEqual([table.id]);
  });

  it('finds a phrase of Chinese or Japanese inside a sentence, as their words are', () => {
    const ja = makeSaved('arxiv:2601.00012', '大規模言語モデルの推論能力について', 1000);
    const index = indexOf(moe, ja);
    const phrase = (text: string) => [...index.search({ words: '', phrases: [{ text, open: false }], typing: false }).keys()];
    expect(phrase('言語モデル')).toEqual([ja.id]);
    expect(phrase('大規模 言語モデル')).toEqual([ja.id]);
    expect(phrase('言語の')).toEqual([]);
  });

  it('expands a first word as a prefix from its third letter, one or two letters matching whole words only', () => {
    const index = indexOf(moe, diffusion);
    expect(hits(index, 'con')).toEqual([diffusion.id]);
    expect(hits(index, 'co')).toEqual([]);
    expect(hits(index, 'in')).toEqual([diffusion.id]); // the word "in"
  });

  it('expands a word typed after another from its first letter: the list narrows, it does not empty', () => {
    const index = indexOf(moe, diffusion);
    expect(hits(index, 'models')).toEqual([diffusion.id]);
    expect(hits(index, 'models f')).toEqual([diffusion.id]); // "for"; no paper has the word "f"
    expect(hits(index, 'models fo')).toEqual([diffusion.id]);
    expect(hits(index, 'models x')).toEqual([]);
    expect(hits(index, 'sparse s')).toEqual([moe.id]); // "Sparse", "Scaling", "Schölkopf", "switch"
    expect(hits(index, 'sparse t')).toEqual([moe.id]); // "transformer", in the note
    expect(hits(index, 'sparse f')).toEqual([]); // no title, author, tag or note word of it starts with f
    expect([...index.search({ words: 'models f', phrases: [], typing: false }).keys()]).toEqual([]); // "f" typed: the whole word
    // In a phrase being typed, the same: its words after the first.
    expect([...index.search(parseSearch('"consistency m').query!).keys()]).toEqual([diffusion.id]);
    expect([...index.search(parseSearch('"consistency m"').query!).keys()]).toEqual([]);
    // After a quoted phrase too: its words are words before it.
    for (const typed of ['"consistency models" f', '"consistency models" fo', '"models" f', 'consistency "models" f']) {
      expect([...index.search(parseSearch(typed).query!).keys()], typed).toEqual([diffusion.id]);
    }
    expect([...index.search(parseSearch('"consistency models" x').query!).keys()]).toEqual([]);
    expect([...index.search(parseSearch('"sparse mixture" t').query!).keys()]).toEqual([moe.id]); // "transformer", in the note
  });

  it('expands the typed word over abstracts only from its fifth letter (their vocabulary is most of the index)', () => {
    const index = indexOf(moe, diffusion);
    expect(hits(index, 'gen')).toEqual([]); // "generation" is in an abstract only
    expect(hits(index, 'gene')).toEqual([]);
    expect(hits(index, 'gener')).toEqual([diffusion.id]);
    expect(hits(index, 'generation')).toEqual([diffusion.id]);
    expect(hits(index, 'tokens')).toEqual([moe.id]); // a whole word in an abstract matches at any length
    expect(hits(index, 'route sparse')).toEqual([moe.id]); // one word from the abstract, one from the title
    expect(hits(index, 'experts genera')).toEqual([]); // every word must match
    expect(hits(index, 'imgae')).toEqual([]); // typos are forgiven in the short fields only
  });

  it('searches a pasted word of any length (a hash, a blob) at once, a word-length typo still forgiven', () => {
    const index = indexOf(moe, diffusion);
    // Forgiving typos compares the word with the index's in a table of its length squared: 100 MB at 10,000 letters,
    // 2.5 GB and 11 s at 50,000, more than a typed array can hold at 100,000 (a RangeError: the list was gone).
    expect(hits(index, 'x'.repeat(100_000))).toEqual([]);
    expect(hits(index, `sparse ${'ab'.repeat(5_000)}`)).toEqual([]);
    expect(hits(index, 'consistancy')).toEqual([diffusion.id]);
  });

  it('scores a query word by word as MiniSearch scores it whole (every word must match; its AND and quality)', () => {
    const papers = readingList({ count: 400, seed: 11 });
    const index = indexOf(...papers);
    const mini = (index as unknown as { mini: MiniSearch }).mini;
    // Pieces of the papers' titles and abstracts, as typed or pasted: several words, the last being typed or not,
    // a word twice, quoted phrases, a word no paper has.
    let seed = 5;
    const pick = <T,>(xs: readonly T[]): T => xs[(seed = (seed * 16807) % 2147483647) % xs.length]!;
    const words = papers.flatMap((saved) => `${saved.paper.title} ${saved.paper.abstract ?? ''}`.split(/\s+/)).filter(Boolean);
    const typed: string[] = [];
    for (let i = 0; i < 150; i++) {
      const n = 1 + (i % 5);
      const some = Array.from({ length: n }, () => pick(words));
      typed.push(some.join(' '), `${some.join(' ')} `, `${some[0]} ${some.join(' ')}`, `"${some.join(' ')}" ${pick(words)}`, `${some.join(' ')} zqxjv`);
    }
    let compared = 0;
    for (const text of typed) {
      const query: WordQuery | null = parseSearch(text).query;
      if (!query) continue;
      const expected = new Map(mini.search(searchQuery(query)).map((hit) => [String(hit.id), hit.score]));
      const phrased = query.phrases.length > 0;
      const got = index.search(query);
      if (phrased) {
        // Only the hits with the phrase are kept, the same by either way.
        for (const id of got.keys()) expect(expected.has(id)).toBe(true);
        continue;
      }
      expect([...got.keys()].sort(), text).toEqual([...expected.keys()].sort());
      for (const [id, score] of expected) expect(got.get(id), text).toBeCloseTo(score, 6);
      if (expected.size) compared++;
    }
    expect(compared).toBeGreaterThan(100); // most queries find papers: the scores were compared, not just two empty lists
  });

  it('searches again only the words a keystroke changed, none after a word no paper has, and every word once the list changed', () => {
    const index = indexOf(moe, diffusion);
    const mini = (index as unknown as { mini: MiniSearch }).mini;
    const search = vi.spyOn(mini, 'search');
    const typing = (text: string) => parseSearch(text).query!;
    expect([...index.search(typing('consistency models diff')).keys()]).toEqual([diffusion.id]);
    expect(search).toHaveBeenCalledTimes(3);
    search.mockClear();
    expect([...index.search(typing('consistency models diffu')).keys()]).toEqual([diffusion.id]);
    expect(search).toHaveBeenCalledTimes(1); // the last word alone
    search.mockClear();
    expect([...index.search(typing('zqxjv consistency models')).keys()]).toEqual([]);
    expect(search).toHaveBeenCalledTimes(1); // nothing left after the first word
    // A word a minus leaves out is searched apart, between the keystroke's searches: the query's words are still kept.
    search.mockClear();
    index.search('turing');
    expect([...index.search(typing('consistency models diffu')).keys()]).toEqual([diffusion.id]);
    expect(search).toHaveBeenCalledTimes(1); // "turing" alone
    // A paper saved since: the same words are searched again, and find it.
    index.search(typing('consistency models diffu'));
    const another = makeSaved('arxiv:2601.00009', 'Consistency models for diffusion, again', 1000);
    index.apply(index.diff([moe, diffusion, another]));
    search.mockClear();
    expect([...index.search(typing('consistency models diffu')).keys()].sort()).toEqual([diffusion.id, another.id]);
    expect(search).toHaveBeenCalledTimes(3);
  });

  it("looks for a word among the papers the words before it found, and uses those hits only among as few or fewer", () => {
    const scaling = makeSaved('arxiv:2601.00010', 'Scaling laws for language models', 1000);
    const index = indexOf(moe, diffusion, scaling);
    const mini = (index as unknown as { mini: MiniSearch }).mini;
    const search = vi.spyOn(mini, 'search');
    expect(hits(index, 'consistency models')).toEqual([diffusion.id]);
    expect(search).toHaveBeenCalledTimes(2);
    expect(search.mock.calls[1]![1]?.boostDocument).toBeTypeOf('function'); // "models" among "consistency"'s papers
    search.mockClear();
    // "models" alone: among all papers, not the hits kept from among one.
    expect(hits(index, 'models')).toEqual([diffusion.id, scaling.id].sort());
    expect(search).toHaveBeenCalledTimes(1);
    search.mockClear();
    // A word said twice (a pasted abstract says "the" many times) is looked for once.
    const pasted = (words: string): WordQuery => ({ words, phrases: [], typing: false });
    expect([...index.search(pasted('laws models scaling models laws')).keys()]).toEqual([scaling.id]);
    expect(search).toHaveBeenCalledTimes(3); // "laws", "models" and "scaling"
  });

  it('keeps the hits of a long query\'s first 24 words while it is typed, not each word pushing out the next', () => {
    const words = Array.from({ length: 30 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${i}`);
    const long = makeSaved('arxiv:2601.00011', words.join(' '), 1000);
    const index = indexOf(moe, diffusion, long);
    const mini = (index as unknown as { mini: MiniSearch }).mini;
    const search = vi.spyOn(mini, 'search');
    const typed = words.join(' ');
    expect(hits(index, typed.slice(0, -1))).toEqual([long.id]);
    expect(search).toHaveBeenCalledTimes(30);
    search.mockClear();
    expect(hits(index, typed)).toEqual([long.id]); // its last letter typed
    expect(search).toHaveBeenCalledTimes(6); // words 25-29 again, and the 30th; each was asked again at every keystroke
  });

  it('re-indexes only what changed, and forgets removed papers', () => {
    const index = indexOf(moe, diffusion);
    const edited = { ...diffusion, note: 'read before the reading group' };
    const diff = index.diff([{ ...moe }, edited]);
    expect(diff.add.map((s) => s.id)).toEqual([diffusion.id]);
    expect(diff.discard).toEqual([diffusion.id]);
    index.apply(diff);
    expect(hits(index, 'group')).toEqual([diffusion.id]);
    index.apply(index.diff([edited]));
    expect(hits(index, 'sparse')).toEqual([]);
    expect(index.size).toBe(1);
  });

  it('finds the right papers among 10,000 (speed is measured by npm run bench, not here)', async () => {
    const words = ['sparse', 'attention', 'diffusion', 'retrieval', 'agents', 'vision', 'language', 'reasoning', 'graph', 'policy'];
    const papers = Array.from({ length: 10_000 }, (_, i) =>
      makeSaved(`arxiv:2601.${String(i).padStart(5, '0')}`, `${words[i % 10]} ${words[(i * 7) % 10]} study ${i}`, i, { tags: [`t${i % 50}`] }, {
        authors: [`Author ${i}`, `Writer ${i % 97}`],
        abstract: `An abstract about ${words[(i * 3) % 10]} and ${words[(i * 5) % 10]} number ${i}.`,
      }),
    );
    const index = new PaperIndex();
    await index.applyInChunks(index.diff(papers), async () => {});
    const expected = (test: (i: number) => boolean) => papers.filter((_, i) => test(i)).map((p) => p.id).sort();
    const has = (i: number, word: string) => [i % 10, (i * 7) % 10, (i * 3) % 10, (i * 5) % 10].some((w) => words[w] === word);
    expect(hits(index, 'spar')).toEqual(expected((i) => words[i % 10] === 'sparse' || words[(i * 7) % 10] === 'sparse'));
    expect([...index.search({ words: 'writer 42', phrases: [], typing: false }).keys()].sort()).toEqual(expected((i) => i % 97 === 42));
    expect(hits(index, 'writer 42').length).toBeGreaterThan(103); // "42" being typed: also Author 420, study 4201, …
    expect(hits(index, 'diffusion agents')).toEqual(expected((i) => has(i, 'diffusion') && has(i, 'agents')));
    expect(hits(index, 'attenton')).toEqual(expected((i) => words[i % 10] === 'attention' || words[(i * 7) % 10] === 'attention'));
  }, 60_000);
});
