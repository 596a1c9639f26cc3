import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { benchBackgroundTasks, benchRelevance, syntheticPapers } from './bench';
import { compile } from './compile';
import { evaluate, rng, type LabelledPaper } from './evaluate';
import { addPaper, buildModel, docTerms, emptyModel, fromSaved, MAX_DOC_TERMS, paperCount, removePaper, type RelevanceInput } from './model';
import { reason } from './reason';
import { calibrateThreshold, DEFAULT_THRESHOLD, prepare, scorer, scoring } from './score';
import { fieldTerms, stem, termString, tokenize } from './tokenize';

const DATA = new URL('../../../test/data/relevance/', import.meta.url);

function loadLabelled(): LabelledPaper[] {
  const out: LabelledPaper[] = [];
  for (const file of readdirSync(DATA).filter((f) => f.endsWith('.tsv')).sort()) {
    const area = file.replace(/\.tsv$/, '');
    readFileSync(new URL(file, DATA), 'utf8')
      .split('\n')
      .filter((l) => l.trim())
      .forEach((line, i) => {
        const [title, abstract, extra] = line.split('\t');
        if (!title || !abstract || extra !== undefined) throw new Error(`${file}:${i + 1}: want title<TAB>abstract`);
        out.push({ id: `${area}:${i}`, area, title, abstract });
      });
  }
  return out;
}

const labelled = loadLabelled();
const byArea = (area: string) => labelled.filter((p) => p.area === area);

describe('tokenize', () => {
  it('lowercases, splits on non-letters, drops stopwords, boilerplate and bare numbers', () => {
    expect(tokenize('We propose a Novel Method: Graph-Attention networks (GATs) on 3 datasets, 2024.')).toEqual([
      'graph',
      'attention',
      'network',
      'gat',
      'dataset',
    ]);
  });

  it('stems plurals, -ing, -ed and final -e onto one term', () => {
    const same = (...words: string[]) => expect(new Set(words.map(stem)).size).toBe(1);
    same('image', 'images', 'imaging');
    same('embedding', 'embeddings', 'embedded', 'embed');
    same('label', 'labels', 'labeled', 'labelled', 'labelling');
    same('policy', 'policies');
    same('loss', 'losses');
    same('process', 'processes');
    same('bias', 'biases');
    same('train', 'trained', 'training');
    expect(stem('analysis')).toBe('analysis');
    expect(stem('series')).toBe('series');
    expect(stem('speed')).toBe('speed');
    expect(stem('gpt4')).toBe('gpt4');
  });

  it('is Unicode-aware and folds diacritics', () => {
    expect(tokenize('Naïve Bayes für Übersetzung, 日本語 tokens')).toEqual(['naiv', 'baye', 'fur', 'ubersetzung', '日本語', 'token']);
    expect(tokenize('naive bayes')).toEqual(['naiv', 'baye']);
  });

  it('adds adjacent-word bigrams only on request, broken by stopwords and punctuation', () => {
    expect(tokenize('graph neural networks for link prediction. Offline RL', true)).toEqual([
      'graph',
      'neural',
      'graph neural',
      'network',
      'neural network',
      'link',
      'prediction',
      'link prediction',
      'offlin',
      'rl',
      'offlin rl',
    ]);
  });

  it('fieldTerms weighs title and tags double, keeps first spellings, and agrees with tokenize', () => {
    const f = fieldTerms('Diffusion Images', 'Images of diffusion models; naïve images.', ['image-gen']);
    const counts = Object.fromEntries(Array.from(f.ids, (id, i) => [termString(id), f.counts[i]]));
    expect(counts).toEqual({ diffusion: 3, imag: 6, gen: 2, naiv: 1 });
    expect(f.surface).toEqual(['diffusion', 'images', 'gen', 'naive']);
    for (const p of labelled.slice(0, 100)) {
      const fromField = Array.from(fieldTerms('', p.abstract).ids, termString);
      expect(fromField).toEqual([...new Set(tokenize(p.abstract))]);
    }
  });
});

const papers: RelevanceInput[] = labelled.slice(0, 60).map((p, i) => ({ ...p, tags: i % 3 ? [] : [p.area] }));

describe('model', () => {
  it('add then remove returns exactly to the empty model', () => {
    const model = buildModel(papers);
    expect(paperCount(model)).toBe(60);
    for (const p of papers) removePaper(model, p.id);
    expect(model).toEqual(emptyModel());
    expect(JSON.stringify(model)).toBe(JSON.stringify(emptyModel()));
  });

  it('removing one paper equals never having added it; unknown ids are ignored', () => {
    const model = buildModel(papers);
    removePaper(model, papers[7]!.id);
    removePaper(model, 'arxiv:0000.00000');
    expect(model).toEqual(buildModel(papers.filter((_, i) => i !== 7)));
  });

  it('incremental adds equal a batch build; re-adding an id replaces it', () => {
    const incremental = emptyModel();
    for (const p of papers) addPaper(incremental, { ...p, title: 'placeholder' });
    for (const p of papers) addPaper(incremental, p);
    expect(incremental).toEqual(buildModel(papers));
    expect(JSON.stringify(buildModel(papers))).toBe(JSON.stringify(buildModel(papers)));
  });

  it('keeps document frequencies consistent with the docs', () => {
    const model = buildModel(papers);
    const df: Record<string, number> = {};
    for (const doc of Object.values(model.docs)) {
      expect([...doc.terms].sort()).toEqual(doc.terms);
      for (const t of doc.terms) df[t] = (df[t] ?? 0) + 1;
    }
    expect(model.df).toEqual(df);
  });

  it('survives a JSON round trip with identical scores', () => {
    const model = buildModel(papers);
    const copy = JSON.parse(JSON.stringify(model)) as typeof model;
    expect(copy).toEqual(model);
    const page = labelled.slice(300, 340);
    const a = scorer(model, { background: page });
    const b = scorer(copy, { background: page });
    for (const c of page) expect(b.score(c)).toEqual(a.score(c));
  });

  it('is safe for words that are Object.prototype names', () => {
    const model = buildModel([{ id: 'x', title: 'constructor toString hasOwnProperty valueOf', abstract: '__proto__ prototype' }]);
    expect(Object.keys(model.df).sort()).toEqual(['constructor', 'hasownproperty', 'proto', 'prototyp', 'tostr', 'valueof']);
    expect(scorer(model).score({ title: 'constructor' }).score).toBeGreaterThan(0);
    removePaper(model, 'x');
    expect(model).toEqual(emptyModel());
  });

  it('caps a paper at MAX_DOC_TERMS terms, title words first', () => {
    const long = Array.from({ length: 400 }, (_, i) => `word${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + Math.floor(i / 26))}`);
    const { terms } = docTerms('Title Words', long.join(' '));
    expect(terms).toHaveLength(MAX_DOC_TERMS);
    expect(terms).toContain('titl');
  });

  it('reads a SavedPaper', () => {
    const saved = { id: 'arxiv:1', paper: { title: 'T', abstract: null }, tags: ['rl'] } as unknown as Parameters<typeof fromSaved>[0];
    expect(fromSaved(saved)).toEqual({ id: 'arxiv:1', title: 'T', abstract: null, tags: ['rl'] });
  });
});

describe('scorer', () => {
  const rl = byArea('rl');
  const model = buildModel(rl.slice(0, 20));
  const page = [...rl.slice(20, 30), ...byArea('speech-audio').slice(0, 20), ...byArea('cv-detection').slice(0, 20)];

  it('is deterministic, and the same from a model or its compiled index', () => {
    const a = scorer(model, { background: page });
    const b = scorer(compile(model), { background: [...page] });
    for (const c of page) {
      const r = a.score(c);
      expect(a.score(c)).toEqual(r);
      expect(b.score({ ...c })).toEqual(r);
    }
  });

  it('ranks on-topic cards above off-topic ones and names neighbours and shared words', () => {
    const s = scorer(model, { background: page });
    const on = rl.slice(20, 30).map((c) => s.score(c).score);
    const off = page.slice(10).map((c) => s.score(c).score);
    expect(Math.min(...on)).toBeGreaterThan(Math.min(...off));
    expect(on.reduce((x, y) => x + y) / on.length).toBeGreaterThan((3 * off.reduce((x, y) => x + y)) / off.length);
    const r = s.score(rl[23]!);
    expect(r.neighbours.length).toBeGreaterThan(0);
    expect(r.neighbours.length).toBeLessThanOrEqual(5);
    const sims = r.neighbours.map((x) => x.similarity);
    expect([...sims].sort((x, y) => y - x)).toEqual(sims);
    for (const x of r.neighbours) {
      expect(x.similarity).toBeGreaterThan(0);
      expect(x.similarity).toBeLessThanOrEqual(1.0001);
      expect(model.docs[x.id]?.title).toBe(x.title);
    }
    const text = `${rl[23]!.title} ${rl[23]!.abstract}`.toLowerCase();
    for (const t of r.terms) expect(text).toContain(t);
  });

  it('does not count a saved paper as its own neighbour', () => {
    const s = scorer(model, { background: page });
    const saved = rl[0]!;
    expect(s.score({ title: saved.title, abstract: saved.abstract }).neighbours[0]?.id).toBe(saved.id);
    expect(s.score(saved).neighbours.map((x) => x.id)).not.toContain(saved.id);
  });

  it('scores against an empty library without failing', () => {
    const s = scorer(emptyModel(), { background: page });
    expect(s.size).toBe(0);
    expect(s.score(page[0]!)).toEqual({ score: 0, neighbours: [], terms: [] });
    expect(scorer(emptyModel()).score({ title: '' }).score).toBe(0);
  });

  it('scores cards that were not in the background, and prepared ones alike', () => {
    const s = scorer(model, { background: page });
    const fresh = { title: 'Offline reinforcement learning with conservative value functions', abstract: 'Q-learning from a fixed dataset.' };
    expect(s.score(fresh).score).toBeGreaterThan(s.threshold);
    prepare(page);
    expect(scorer(model, { background: page }).score(page[0]!)).toEqual(s.score(page[0]!));
  });

  it('as steps (scoring): yields while it walks the postings, and scores as scorer() does', () => {
    const library = compile(buildModel(syntheticPapers(2000, 3)));
    const postings = library.docStart[library.ids.length]!;
    expect(postings).toBeGreaterThan(4 * 32_768); // enough to be walked in several steps, twice
    const cards = syntheticPapers(40, 4);
    const steps = scoring(library, { background: cards });
    let yields = 0;
    let step = steps.next();
    for (; !step.done; step = steps.next()) yields++;
    // One after the page's idf, then one per 32,768 postings of each of the two walks (papers' norms, centroid).
    expect(yields).toBeGreaterThanOrEqual(1 + 2 * Math.floor(postings / 32_768));
    const whole = scorer(library, { background: cards });
    for (const card of cards) expect(step.value.score(card)).toEqual(whole.score(card));
  });

  it('calibrates a threshold from unsaved cards, never below the floor', () => {
    expect(calibrateThreshold([])).toBe(DEFAULT_THRESHOLD);
    expect(calibrateThreshold([0, 0.01, 0.02])).toBe(DEFAULT_THRESHOLD);
    const scores = Array.from({ length: 100 }, (_, i) => i / 100);
    expect(calibrateThreshold(scores)).toBe(0.97);
    expect(calibrateThreshold(scores, 0.5)).toBe(0.5);
  });
});

describe('reason', () => {
  const n = (title: string) => ({ id: title, title, similarity: 0.5 });
  it('names up to two neighbours, counts the rest and lists shared terms', () => {
    expect(reason({ neighbours: [n('A'), n('B'), n('C')], terms: ['policy', 'offline'] })).toBe(
      'like 3 saved papers: "A", "B" and 1 more · shared: policy, offline',
    );
    expect(reason({ neighbours: [n('A'), n('B')], terms: [] })).toBe('like 2 saved papers: "A" and "B"');
    expect(reason({ neighbours: [n('A')], terms: ['x'] })).toBe('like 1 saved paper: "A" · shared: x');
    expect(reason({ neighbours: [], terms: ['speech'] })).toBe('matches your saved papers on: speech');
    expect(reason({ neighbours: [], terms: [] })).toBe('');
  });

  it('clips long titles and stays on one line', () => {
    const r = reason({ neighbours: [n(`A very\nlong title ${'x'.repeat(100)}`)], terms: [] });
    expect(r).not.toContain('\n');
    expect(r).toMatch(/"A very long title x+…"$/);
    expect(r.length).toBeLessThan(90);
  });

  it('clips a title without splitting an emoji or a math letter in two', () => {
    for (const title of [`${'a'.repeat(58)}🦙 and more`, `${'a'.repeat(57)}🦙 and more`, '𝒪'.repeat(40)]) {
      const r = reason({ neighbours: [n(title)], terms: [] });
      expect(r, title).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
      expect(r).toMatch(/…"$/);
    }
  });
});

describe('offline evaluation (labelled set, precision at 10)', () => {
  it('has at least 600 distinct papers over at least 10 areas', () => {
    expect(labelled.length).toBeGreaterThanOrEqual(600);
    expect(new Set(labelled.map((p) => p.area)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(labelled.map((p) => p.title.toLowerCase())).size).toBe(labelled.length);
  });

  const settings = [
    { name: 'one interest, 20 saved (10% noise), 200 cards (20 relevant)', options: {} },
    { name: 'two interests, 20 saved, 200 cards', options: { interests: 2 } },
    { name: 'four interests, 40 saved, 200 cards (40 relevant)', options: { interests: 4, library: 40, relevant: 40 } },
    { name: 'one interest, 8 saved, 200 cards', options: { library: 8 } },
    { name: 'one interest, 20 saved, small page: 50 cards (10 relevant)', options: { pool: 50, relevant: 10 } },
  ];
  for (const { name, options } of settings) {
    it(`beats the random and keyword baselines: ${name}`, () => {
      const r = evaluate(labelled, options);
      const f = (x: number) => x.toFixed(3);
      console.log(
        `[relevance] ${name}: users=${r.users} P@10 model=${f(r.model)} keyword=${f(r.keyword)} random=${f(r.random)}; ` +
          `at threshold ${DEFAULT_THRESHOLD}: marked ${f(r.markedRelevant)} of relevant, ${f(r.markedIrrelevant)} of other cards`,
      );
      expect(r.users).toBe(60);
      expect(r.model).toBeGreaterThan(r.random + 0.35);
      expect(r.model).toBeGreaterThan(r.keyword + 0.08);
      expect(r.markedIrrelevant).toBeLessThan(0.05);
    });
  }

  it('needs the page as background: library-only idf is no better than keywords', () => {
    const withPage = evaluate(labelled, {});
    const without = evaluate(labelled, { pageBackground: false });
    console.log(`[relevance] without page background: P@10 model=${without.model.toFixed(3)} (with: ${withPage.model.toFixed(3)})`);
    expect(withPage.model).toBeGreaterThan(without.model + 0.1);
  });
});

describe('speed (sanity only; figures come from npm run bench)', () => {
  it('scores 200 cards against 2,000 synthetic saved papers', () => {
    const r = benchRelevance(2_000, 200, 1);
    expect(r.totalMs).toBeLessThan(5_000);
    expect(r.modelBytes).toBeGreaterThan(0);
  });

  it('splits a page into background tasks as src/background/relevance.ts does', async () => {
    const r = await benchBackgroundTasks(1_000, 120, 50, 25, 1);
    expect(r.longestTaskMs).toBeGreaterThan(0);
    expect(r.longestTaskMs).toBeLessThanOrEqual(r.totalMs);
  });

  it('makes deterministic synthetic papers', () => {
    expect(syntheticPapers(3, 9)).toEqual(syntheticPapers(3, 9));
    expect(rng(1)()).toBe(rng(1)());
  });
});
