// Speed check for issue #8: score N page cards against an M-paper library of synthetic but realistically shaped
// text (Zipf word frequencies, topical clusters, stopword filler, ~150-word abstracts). `npm run bench` calls it.
import { compile } from './compile';
import { rng } from './evaluate';
import { addPaper, emptyModel, type RelevanceInput } from './model';
import { prepare, scorer, scoring, WEIGHTS_SLICE_MS, type Candidate } from './score';
import { runStepsInSlices } from '../steps';

export interface RelevanceBench {
  saved: number;
  cards: number;
  /** Building the model paper by paper (as saves would), ms. */
  buildMs: number;
  /** JSON size of the stored model, bytes. */
  modelBytes: number;
  /** `compile(model)`: page-independent, once per library change (cache it), ms. */
  compileMs: number;
  /** Medians over `reps` fresh pages, ms: */
  /** `prepare(cards)`: tokenising the cards (can run in idle slices). */
  tokenizeMs: number;
  /** `scorer(index, { background: cards })` on prepared cards: idf reweighting, run at once (the background runs it in slices: `scoring`). */
  pageMs: number;
  /** Scoring every card (can run in slices), and the slowest single card. */
  scoreMs: number;
  maxCardMs: number;
  /** tokenizeMs + pageMs + scoreMs: a page's relevance work once the index is cached. */
  totalMs: number;
}

const SYLLABLES = 'ka ri to mel sun ar ve lo pri den ix qua tor nel ph sy gra om ber tic'.split(' ');
const FILLER = 'the of and to in for we that on with is by this an are our from as which be'.split(' ');

/** Distinct pronounceable pseudo-words: word i spells i in base-20 syllables. */
function word(i: number): string {
  let s = '';
  let x = i + 20;
  while (x > 0) {
    s += SYLLABLES[x % 20];
    x = Math.floor(x / 20);
  }
  return s;
}

/** Samples ranks 0..n-1 with probability ∝ 1/(rank+1) (Zipf, as word frequencies are). */
function zipf(n: number, rand: () => number): () => number {
  const cum = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cum[i] = total += 1 / (i + 1);
  return () => {
    const r = rand() * total;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! < r) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

/** Papers over 60 topics: 40% of words from the paper's topic (600 words each), the rest general vocabulary. */
export function syntheticPapers(count: number, seed: number): RelevanceInput[] {
  const rand = rng(seed);
  const general = zipf(30_000, rand);
  const topical = zipf(600, rand);
  const text = (topic: number, words: number) => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) {
      const r = rand();
      if (r < 0.3) out.push(FILLER[Math.floor(rand() * FILLER.length)]!);
      else if (r < 0.58) out.push(word(30_000 + topic * 600 + topical()));
      else out.push(word(general()));
    }
    return out.join(' ');
  };
  return Array.from({ length: count }, (_, i) => {
    const topic = Math.floor(rand() * 60);
    return { id: `synthetic:${seed}:${i}`, title: text(topic, 10), abstract: text(topic, 150), tags: [] };
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** Builds and compiles the library; only the index outlives it, as it would in the worker (less to garbage-collect). */
function library(saved: number) {
  const papers = syntheticPapers(saved, 1);
  let t = performance.now();
  const model = emptyModel();
  for (const p of papers) addPaper(model, p);
  const buildMs = performance.now() - t;
  const modelBytes = JSON.stringify(model).length;
  t = performance.now();
  const index = compile(model);
  return { buildMs, modelBytes, compileMs: performance.now() - t, index };
}

export function benchRelevance(saved = 10_000, cards = 1_000, reps = 5): RelevanceBench {
  const { buildMs, modelBytes, compileMs, index } = library(saved);
  let t: number;
  const runs = { tokenizeMs: [] as number[], pageMs: [] as number[], scoreMs: [] as number[], maxCardMs: [] as number[] };
  // One warm-up page first, so the figures are of optimised code, as on any page after the first.
  for (let r = 0; r <= reps; r++) {
    const page: Candidate[] = syntheticPapers(cards, 2 + r);
    t = performance.now();
    prepare(page);
    const tokenizeMs = performance.now() - t;
    t = performance.now();
    const s = scorer(index, { background: page });
    const pageMs = performance.now() - t;
    let maxCardMs = 0;
    const start = performance.now();
    for (const c of page) {
      const c0 = performance.now();
      s.score(c);
      maxCardMs = Math.max(maxCardMs, performance.now() - c0);
    }
    const scoreMs = performance.now() - start;
    if (r === 0) continue;
    runs.tokenizeMs.push(tokenizeMs);
    runs.pageMs.push(pageMs);
    runs.scoreMs.push(scoreMs);
    runs.maxCardMs.push(maxCardMs);
  }
  const tokenizeMs = median(runs.tokenizeMs);
  const pageMs = median(runs.pageMs);
  const scoreMs = median(runs.scoreMs);
  return { saved, cards, buildMs, modelBytes, compileMs, tokenizeMs, pageMs, scoreMs, maxCardMs: median(runs.maxCardMs), totalMs: tokenizeMs + pageMs + scoreMs };
}

export interface BackgroundTasksBench {
  saved: number;
  cards: number;
  /** Cards per relevance request (the content script asks once per 200-card annotation slice). */
  request: number;
  /** Cards per slice inside the background (src/background/relevance.ts yields between slices). */
  slice: number;
  /** All the page's relevance work with a cached index, ms (median over fresh pages). */
  totalMs: number;
  /** The longest single task of it: what another message might wait behind. None of it runs in the page. */
  longestTaskMs: number;
}

/**
 * The work split as the background does it: per request, tokenise in slices, `scoring()` (idf reweighting and the
 * page's Rocchio profile) in slices of WEIGHTS_SLICE_MS, then score in slices. Reports the longest uninterrupted task.
 */
export async function benchBackgroundTasks(saved = 10_000, cards = 1_000, request = 200, slice = 100, reps = 3): Promise<BackgroundTasksBench> {
  const { index } = library(saved);
  const totals: number[] = [];
  const longest: number[] = [];
  for (let r = 0; r <= reps; r++) {
    const page: Candidate[] = syntheticPapers(cards, 100 + r);
    let total = 0;
    let max = 0;
    const record = (ms: number) => {
      total += ms;
      max = Math.max(max, ms);
    };
    const task = (work: () => void) => {
      const t = performance.now();
      work();
      record(performance.now() - t);
    };
    for (let b = 0; b < cards; b += request) {
      const batch = page.slice(b, b + request);
      for (let i = 0; i < batch.length; i += slice) task(() => prepare(batch.slice(i, i + slice)));
      // The page's weights, through the background's own slicing (core/steps.ts): each slice, pause to pause, a task.
      let from = performance.now();
      const pause = async () => {
        record(performance.now() - from);
        from = performance.now();
      };
      const s = await runStepsInSlices(scoring(index, { background: batch }), pause, WEIGHTS_SLICE_MS);
      record(performance.now() - from);
      for (let i = 0; i < batch.length; i += slice) task(() => batch.slice(i, i + slice).forEach((c) => s.score(c)));
    }
    if (r === 0) continue; // warm-up
    totals.push(total);
    longest.push(max);
  }
  return { saved, cards, request, slice, totalMs: median(totals), longestTaskMs: median(longest) };
}
