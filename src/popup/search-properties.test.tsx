// @vitest-environment jsdom
// Properties of the search box as a demanding reader types it, over a realistic list and random queries (seeded, so a
// failure is the same on every run): whatever is typed, nothing throws; more words or qualifiers never show more
// papers (but a pasted id, README "Popup."); a phrase narrows its words; a minus takes away what the word or phrase
// would find; a qualifier and its negation split what the rest shows, and a qualifier finds what its filter does;
// neither case nor spacing matters; typing ends where pasting does. The popup and the library show the list through
// the same hook (state-hooks.ts useShownList → useListView), so one view stands for both.
// Left out as intended: text after an open quote is in its phrase (it may show more: the phrase is not yet what it
// will be), and a space typed last in it ends its last word; an address is read as typed-address.ts reads it.
import { cleanup, renderHook } from '@testing-library/preact';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeApi, makeSaved } from './fake-api';
import { memoryDraftStore } from './note-drafts';
import { createReadingListState, type ReadingListState } from './state';
import { useListView } from './state-hooks';
import { NO_FILTERS, type ListFilters } from './list-query';
import { addressedPapers } from './addressed-search';
import { compileSearch, parseSearch } from './search-syntax';
import type { SavedPaper } from '../storage/schema';

/** Runs of each property, times this: `SEARCH_PROPERTY_RUNS=30 npx vitest run src/popup/search-properties.test.tsx` looks longer. */
const SCALE = Number(process.env.SEARCH_PROPERTY_RUNS ?? 1);

/** mulberry32: small, seeded, good enough to pick words. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T,>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick, chance: (p: number) => next() < p };
}

const TITLE_WORDS = [
  'graph', 'neural', 'networks', 'language', 'models', 'large', 'diffusion', 'transformer', 'transformers', 'sparse',
  'mixture', 'experts', 'reinforcement', 'learning', 'RLHF', 'RL', 'scaling', 'laws', 'retrieval', 'augmented',
  'generation', 'vision', 'survey', 'benchmark', 'Straßen', 'Schrödinger', 'naïve', 'Bayes', 'C++', 'GPT-4', 'self-supervised',
  'zero-shot', 'long-context', 'reasoning', 'agents', 'policy', 'optimisation', 'tokens', 'attention', 'is', 'all', 'you', 'need',
];
const CJK = ['大規模言語モデルの推論', '基于深度学习的医学图像分割方法', '图神经网络', 'グラフニューラルネットワーク'];
const RTL = ['نماذج اللغة الكبيرة', 'למידת חיזוק', 'شبكات عصبية'];
const AUTHORS = [
  'Bernhard Schölkopf', 'Łukasz Kaiser', 'Søren Hauberg', 'José García-Márquez', 'Zoë Müller', 'Yann LeCun', 'Ada Lovelace',
  'Alan Turing', 'Fei-Fei Li', '李飞飞', '山田 太郎', 'محمد علي', 'Nguyễn Văn An', 'Jean-Pierre Dupont', "Seán O'Brien",
  'Ilya Sutskever', 'Geoffrey Hinton',
];
const TAGS = ['rl', 'RLHF', 'graph nets', 'survey', 'to-read-later', 'moe', 'LLM', 'vision', 'c++', 'évaluation', '推論'];
const VENUES = ['NeurIPS 2024', 'ICML 2024', 'ACL 2026 (Long Papers)', 'NAACL-HLT 2024', 'EACL 2023', 'ICLR 2025', 'Nature'];
const CATEGORIES = ['cs.CL', 'cs.LG', 'cs.CV', 'stat.ML', 'hep-th', 'Mixture of Experts', 'Reinforcement Learning'];
const NOTES = [
  'Compare with switch transformer',
  'read section 3 first',
  'こ の論文は面白い',
  'Lire la partie « évaluation »',
  'why does (a+b)*c hold? [see appendix]',
  'قراءة لاحقا',
  '',
];
const HOSTILE = [
  '"', '""', '-', '--', '-"', ':', 'tag:', 'status:', '-tag:', 'is:re', 'year:20', 'saved:', 'saved:2026-13', 'has:',
  '.*', '(', ')', '[', '\\', '^$', '+?', '|', '{2}', '(?<x>', '\ud800', '\udfff', 'a\ud800b', '\u200b', '\u0000',
  '   ', '\t', '\n', 'x'.repeat(3000), 'y'.repeat(100_000), '"a b', '-"graph', 'author:', 'by:"', 'venue:"', 'cat:', 'site:', '🙂', 'ǅ',
  'İstanbul', 'ﬁnetuning', 'arXiv:', 'doi:', 'https://', 'status:done', '-status:done',
];

function words(text: string): string[] {
  return text.split(/\s+/).filter(Boolean);
}

/** A few hundred papers, every field of them the search reads, in the scripts and spellings readers save. */
function makeList(seed: number): SavedPaper[] {
  const r = random(seed);
  const list: SavedPaper[] = [];
  for (let i = 0; i < 300; i++) {
    const old = r.chance(0.15);
    const id = old ? `arxiv:${r.pick(['hep-th', 'math', 'cond-mat'])}/${String(9901001 + i).padStart(7, '0')}` : `arxiv:${2300 + 100 * r.int(4) + 1 + r.int(12)}.${String(10000 + i * 37).padStart(5, '0')}`;
    const title = [
      ...Array.from({ length: 3 + r.int(6) }, () => r.pick(TITLE_WORDS)),
      ...(r.chance(0.15) ? [r.pick(CJK)] : []),
      ...(r.chance(0.1) ? [r.pick(RTL)] : []),
    ].join(' ');
    const abstract = r.chance(0.9) ? Array.from({ length: 10 + r.int(30) }, () => r.pick([...TITLE_WORDS, ...TITLE_WORDS, 'we', 'the', 'of', r.pick(CJK)])).join(' ') + '.' : null;
    const authors = Array.from({ length: 1 + r.int(4) }, () => r.pick(AUTHORS));
    const tags = [...new Set(Array.from({ length: r.int(3) }, () => r.pick(TAGS)))];
    list.push(
      makeSaved(
        id,
        title,
        1_760_000_000_000 + i * 3_600_000,
        { tags, note: r.pick(NOTES), status: r.pick(['to-read', 'reading', 'done'] as const) },
        {
          authors,
          abstract,
          venue: r.chance(0.5) ? r.pick(VENUES) : null,
          categories: r.chance(0.7) ? [r.pick(CATEGORIES), ...(r.chance(0.3) ? [r.pick(CATEGORIES)] : [])] : undefined,
          doi: r.chance(0.2) ? `10.${1000 + r.int(9000)}/example.${i}` : null,
          aliases: r.chance(0.1) ? [`doi:10.48550/arxiv.${i}`] : undefined,
          published: r.chance(0.9) ? `${2015 + r.int(12)}-0${1 + r.int(9)}-1${r.int(10)}` : null,
          githubRepos: r.chance(0.4) ? ['example/repo'] : [],
        },
      ),
    );
  }
  return list;
}

/** A piece of a query: a word (or its start) of a paper, a phrase of its title, a qualifier, or something hostile. */
function piece(r: ReturnType<typeof random>, list: readonly SavedPaper[]): string {
  const saved = r.pick(list);
  const field = words(r.pick([saved.paper.title, saved.paper.abstract ?? '', saved.paper.authors.join(' '), saved.note, saved.tags.join(' '), saved.paper.venue ?? '']));
  const word = field.length ? r.pick(field) : 'graph';
  switch (r.int(10)) {
    case 0:
    case 1:
      return word;
    case 2:
      return word.slice(0, 1 + r.int(word.length));
    case 3: {
      const at = r.int(Math.max(1, field.length - 1));
      return `${r.chance(0.3) ? '-' : ''}"${field.slice(at, at + 2 + r.int(2)).join(' ')}${r.chance(0.8) ? '"' : ''}`;
    }
    case 4:
      return `-${word}`;
    case 5: {
      const key = r.pick(['tag', 'status', 'is', 'has', 'site', 'venue', 'cat', 'year', 'author', 'by', 'saved']);
      const value = {
        tag: () => r.pick(TAGS),
        status: () => r.pick(['done', 'reading', 'to-read', 'unread', 'd', 're']),
        is: () => r.pick(['done', 'reading', 'to-read', 'unread', 'd', 're']),
        has: () => r.pick(['code', 'note', 'tags', 'c']),
        site: () => r.pick(['arxiv', 'hf', 'huggingface', '"Hugging Face"']),
        venue: () => r.pick(['neurips', 'acl', '"ICML 2024"', 'naacl']),
        cat: () => r.pick(['cs', 'cs.CL', 'hep']),
        year: () => r.pick(['2024', '2020-2023', '>2022', '<=2019', '2020-']),
        author: () => r.pick(AUTHORS.map((name) => words(name).at(-1)!)),
        by: () => `"${r.pick(AUTHORS)}"`,
        saved: () => r.pick(['7d', '2w', '2025', '>2025-10-01', 'today']),
      }[key]!();
      const quoted = /\s/.test(value) && !value.startsWith('"') ? `"${value}"` : value;
      return `${r.chance(0.3) ? '-' : ''}${key}:${quoted}`;
    }
    case 6:
      return r.pick(HOSTILE);
    case 7:
      return saved.id.replace(/^arxiv:/, r.pick(['', 'arXiv:', 'https://arxiv.org/abs/'])) + r.pick(['', '', 'v2']);
    case 8:
      return r.pick(CJK).slice(r.int(3), 3 + r.int(4));
    default:
      return word.toUpperCase();
  }
}

let state: ReadingListState;
let list: SavedPaper[];
let stop: () => void;

beforeAll(async () => {
  list = makeList(7);
  state = createReadingListState(createFakeApi(list), { drafts: memoryDraftStore(), chunkThreshold: 10_000 });
  stop = state.start();
  for (let i = 0; i < 50 && state.getSnapshot().load !== 'ready'; i++) await new Promise((resolve) => setTimeout(resolve, 0));
});
afterAll(() => {
  view?.unmount();
  stop();
  cleanup();
});

/** The ids the list shows for a typed text, as the popup and the library compute them (one view, given each query). */
let view: ReturnType<typeof renderHook<ReturnType<typeof useListView>, { text: string; filters: ListFilters }>> | null = null;
const seen = new Map<string, Set<string>>();
function shown(text: string, filters: ListFilters = NO_FILTERS): Set<string> {
  const key = JSON.stringify([text, filters]);
  let ids = seen.get(key);
  if (ids) return ids;
  const snapshot = state.getSnapshot();
  view ??= renderHook(({ text, filters }) => useListView(state, snapshot, { text, filters, sort: 'saved' }), { initialProps: { text, filters } });
  view.rerender({ text, filters });
  seen.set(key, (ids = new Set(view.result.current.papers.map((saved) => saved.id))));
  return ids;
}

/** An odd number of quotes: the last one is open, and what comes after it is in its phrase (or qualifier's value). */
const openQuote = (text: string) => (text.match(/"/g)?.length ?? 0) % 2 === 1;

const subset = (a: Set<string>, b: Set<string>) => [...a].every((id) => b.has(id));
const minus = (a: Set<string>, b: Set<string>) => new Set([...a].filter((id) => !b.has(id)));

function query(r: ReturnType<typeof random>): string {
  return Array.from({ length: 1 + r.int(3) }, () => piece(r, list)).join(' ');
}

describe('search as typed: properties over random queries', () => {
  it('never throws, and adding a word or a qualifier never shows more papers (but a pasted id)', () => {
    const r = random(1);
    const problems: string[] = [];
    const ITER = 90 * SCALE;
    expect(shown('').size).toBe(list.length);
    let found = 0;
    for (let i = 0; i < ITER; i++) {
      const base = query(r);
      const longer = `${base} ${piece(r, list)}`;
      const [a, b] = [shown(base), shown(longer)];
      if (b.size > 0 && b.size < list.length) found++;
      if (addressedPapers(longer, list).length) continue;
      if (openQuote(base)) continue;
      if (!subset(b, a)) problems.push(`${JSON.stringify(base)} → ${JSON.stringify(longer)}: +${[...minus(b, a)].slice(0, 3)}`);
    }
    expect(problems).toEqual([]);
    expect(found).toBeGreaterThan(ITER / 4); // the queries narrow the list, not all to nothing
  }, 600_000);

  it('a quoted phrase shows a part of what its words show; a minus before it takes away what it is in', () => {
    const r = random(2);
    const problems: string[] = [];
    const ITER = 40 * SCALE;
    for (let i = 0; i < ITER; i++) {
      const saved = r.pick(list);
      const field = words(r.pick([saved.paper.title, saved.paper.abstract ?? '', saved.note, saved.paper.authors.join(' ')]));
      if (field.length < 2) continue;
      const at = r.int(field.length - 1);
      const phrase = field.slice(at, at + 2 + r.int(2)).join(' ');
      let x = r.chance(0.7) ? piece(r, list) : '';
      if (openQuote(x)) x = '';
      const plain = shown(`${x} ${phrase}`.trim());
      const quoted = shown(`${x} "${phrase}"`.trim());
      if (!subset(quoted, plain)) problems.push(`"${phrase}" with ${JSON.stringify(x)}: +${[...minus(quoted, plain)].slice(0, 3)}`);
      if (!x || addressedPapers(x, list).length) continue;
      const without = shown(`${x} -"${phrase}"`);
      const all = shown(x);
      const inPhrase = shown(`"${phrase}"`);
      const expected = minus(all, inPhrase);
      if ([...expected].join() !== [...without].join()) problems.push(`${JSON.stringify(x)} -"${phrase}": ${without.size} where ${expected.size}`);
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('a qualifier and its negation split what the rest of the box shows', () => {
    const r = random(3);
    const problems: string[] = [];
    const ITER = 70 * SCALE;
    const snapshot = state.getSnapshot();
    const context = { papers: snapshot.papers, tags: snapshot.tags.map(([tag]) => tag), sites: snapshot.sites };
    for (let i = 0; i < ITER; i++) {
      let qualifier: string;
      do qualifier = piece(r, list).replace(/^-/, '');
      while (!/^[a-z]+:/.test(qualifier));
      const parsed = parseSearch(qualifier);
      if (parsed.qualifiers.length !== 1 || !compileSearch(parsed.qualifiers, context).test) continue;
      const x = r.chance(0.6) ? query(r) : '';
      if (openQuote(x)) continue;
      const all = shown(x);
      const yes = shown(`${x} ${qualifier}`);
      const no = shown(`${x} -${qualifier}`);
      const overlap = [...yes].filter((id) => no.has(id));
      if (overlap.length || yes.size + no.size !== all.size || !subset(yes, all) || !subset(no, all))
        problems.push(`${JSON.stringify(x)} ± ${qualifier}: ${yes.size} + ${no.size} of ${all.size}, ${overlap.length} both`);
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('typing a query one character at a time ends where pasting it does', () => {
    const r = random(4);
    const problems: string[] = [];
    const ITER = 3 * SCALE;
    const snapshot = state.getSnapshot();
    for (let i = 0; i < ITER; i++) {
      const text = query(r).slice(0, 80);
      const { result, rerender, unmount } = renderHook(({ text }) => useListView(state, snapshot, { text, filters: NO_FILTERS, sort: 'relevance' }), {
        initialProps: { text: '' },
      });
      for (let n = 1; n <= text.length; n++) rerender({ text: text.slice(0, n) });
      const typed = result.current.papers.map((saved) => saved.id).join();
      unmount();
      const { result: pasted, unmount: done } = renderHook(() => useListView(state, snapshot, { text, filters: NO_FILTERS, sort: 'relevance' }));
      if (pasted.current.papers.map((saved) => saved.id).join() !== typed) problems.push(JSON.stringify(text));
      done();
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('neither case nor the spacing between words changes what is shown', () => {
    const r = random(5);
    const problems: string[] = [];
    const ITER = 35 * SCALE;
    for (let i = 0; i < ITER; i++) {
      const text = query(r);
      const all = [...shown(text)].join();
      // A pasted address is read as typed-address.ts reads it (arXiv:, doi: in any case, the rest as written); a space
      // typed at the end of an open quote ends its last word.
      const addressed = addressedPapers(text, list).join();
      const variants = [text.toUpperCase(), text.toLowerCase()].filter((variant) => addressedPapers(variant, list).join() === addressed);
      variants.push(text.replace(/ /g, '  '), text.replace(/ /g, '\t'), openQuote(text) ? `  ${text}` : `  ${text}\t`);
      for (const variant of variants) if ([...shown(variant)].join() !== all) problems.push(`${JSON.stringify(text)} / ${JSON.stringify(variant)}`);
    }
    expect(problems).toEqual([]);
  }, 600_000);

  it('a minus before a word takes away what the word alone finds; a qualifier finds what its filter does', () => {
    const r = random(6);
    const problems: string[] = [];
    const ITER = 20 * SCALE;
    for (let i = 0; i < ITER; i++) {
      const x = query(r);
      if (openQuote(x)) continue;
      const saved = r.pick(list);
      const word = r.pick(words(`${saved.paper.title} ${saved.note} ${saved.paper.authors.join(' ')}`).filter((w) => /^[\p{L}\p{N}]/u.test(w) && [...w].length > 1)); // one letter asks nothing
      const expected = minus(shown(x), shown(word));
      const without = shown(`${x} -${word}`);
      if ([...expected].join() !== [...without].join()) problems.push(`${JSON.stringify(x)} -${word}: ${without.size} where ${expected.size}`);
      const status = r.pick(['to-read', 'reading', 'done'] as const);
      const tag = r.pick(TAGS);
      const pairs: [string, Partial<ListFilters>][] = [
        [`status:${status}`, { status }],
        [`tag:"${tag}"`, { tag }],
        ['has:code', { hasCode: true }],
        ['site:hf', { site: 'huggingface' }],
      ];
      for (const [qualifier, filter] of pairs) {
        const a = [...shown(`${x} ${qualifier}`)].join();
        const b = [...shown(x, { ...NO_FILTERS, ...filter })].join();
        if (a !== b) problems.push(`${JSON.stringify(x)} ${qualifier} / filter`);
      }
    }
    expect(problems).toEqual([]);
  }, 600_000);
});
