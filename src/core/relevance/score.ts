// Compiles a RelevanceModel into typed arrays and scores page cards against it (issue #8).
// Vectors are log-tf × idf, L2-normalised. Score = 0.7 × Rocchio profile (library centroid minus a little of the
// page's average card) + 0.3 × mean cosine to the k nearest saved papers. The kNN part walks an inverted index
// for the card's few strongest terms only; it keeps small interests (a handful of saved papers) visible.
import { compile, type RelevanceIndex } from './compile';
import type { RelevanceModel } from './model';
import { fieldTerms, termCount, type FieldTerms } from './tokenize';
import { runSteps } from '../steps';

export interface Candidate {
  title: string;
  abstract?: string | null;
  /** When the card is itself a saved paper, it is not its own neighbour. */
  id?: string;
}

export interface Neighbour {
  id: string;
  title: string;
  /** Cosine over the card's strongest terms, 0..1. */
  similarity: number;
}

export interface ScoreResult {
  /** Roughly -0.1..1; compare with `Scorer.threshold`. */
  score: number;
  /** Nearest saved papers, most similar first (at most `k`, each at least `MIN_NEIGHBOUR`). */
  neighbours: Neighbour[];
  /** Up to 3 words the card shares with those neighbours (with the library profile when it has none), strongest
   *  first, spelt as on the card. */
  terms: string[];
}

export interface ScorerOptions {
  /**
   * The page's cards (pass them all, saved or not). They join the document frequencies, so words every ML paper
   * uses ("learning", "network") weigh less than the library's own topics, and their average is the Rocchio
   * negative. Without it, idf comes from the library alone, which dampens exactly the user's core topics:
   * on the labelled set P@10 fell from 0.87 to 0.66, level with the keyword baseline.
   */
  background?: readonly Candidate[];
  /** Weight of the Rocchio profile; the rest is the k-nearest-neighbour mean. */
  centroidWeight?: number;
  k?: number;
  /** Reported as `Scorer.threshold` (default DEFAULT_THRESHOLD). */
  threshold?: number;
}

export interface Scorer {
  /** Saved papers in the model. */
  readonly size: number;
  readonly threshold: number;
  score(candidate: Candidate): ScoreResult;
}

/**
 * Default mark threshold, a fixed score rather than a page quantile: on the labelled set the scores of unrelated
 * cards stayed put (95th percentile 0.04-0.07, 99th 0.06-0.11) across libraries of 5-40 papers, pages of 50-200
 * cards, title-only cards and 3x longer abstracts, while page-relative z-scores swung 2-3x. At 0.08, 1-4% of
 * unrelated cards and 40-70% of related ones are marked. `calibrateThreshold` can raise it per user.
 */
export const DEFAULT_THRESHOLD = 0.08;
/** Below this a saved paper is not called a neighbour in the reason line. */
export const MIN_NEIGHBOUR = 0.1;
/** Card terms that walk the index: all terms gave the same ranking on the labelled set, at several times the cost. */
const QUERY_TERMS = 24;
/** Rocchio negative weight: subtracts similarity to the page's average card (what every paper says). */
const BETA = 0.3;

// Tokenised cards, kept while the card object lives: `prepare()` can fill it in idle slices before scoring.
const tokenized = new WeakMap<Candidate, FieldTerms>();

function termsOf(c: Candidate): FieldTerms {
  let v = tokenized.get(c);
  if (!v) tokenized.set(c, (v = fieldTerms(c.title, c.abstract)));
  return v;
}

/** Tokenise cards ahead of `scorer()`/`score()` (e.g. 100 per idle callback); cards must not change afterwards. */
export function prepare(cards: readonly Candidate[]): void {
  for (const c of cards) termsOf(c);
}

/** A card under one scorer's idf: its library terms (ids, tf-idf weights) and its full norm. */
interface CardVector {
  tids: Int32Array;
  ws: Float64Array;
  /** The card's spelling of each of those terms. */
  surface: string[];
  norm: number;
  /** Indices of the QUERY_TERMS strongest terms: the ones that walk the postings. */
  walk: Int32Array;
}

const TF = Array.from({ length: 64 }, (_, c) => (c ? 1 + Math.log(c) : 0));
const logTf = (c: number) => (c < 64 ? TF[c]! : 1 + Math.log(c));

export function scorer(source: RelevanceModel | RelevanceIndex, options: ScorerOptions = {}): Scorer {
  return runSteps(scoring(source, options));
}

/** Work on the page's weights between two pauses where `scoring` runs in slices (the background), ms. */
export const WEIGHTS_SLICE_MS = 8;

/** Postings (a paper's term, or a term's paper) between two yields of `scoring`: ~0.5 ms of work on a warm worker. */
const POSTINGS_PER_YIELD = 32_768;

/**
 * `scorer` as steps: the page's weights (every saved paper's norm and the library's centroid under the page's idf)
 * walk every posting of the index twice, ~15 ms at 10,000 papers on a warm worker and 35-65 on one just started, so
 * it yields every POSTINGS_PER_YIELD postings; the background runs it in slices (core/steps.ts runStepsInSlices) so
 * that a lookup or a save is not held behind it.
 */
export function* scoring(source: RelevanceModel | RelevanceIndex, options: ScorerOptions = {}): Generator<void, Scorer, void> {
  const ix = 'kind' in source ? source : compile(source);
  const { ids, titles, terms: libTerms, df, docStart, fwdTerm, fwdTf, postStart, postDoc, postTf } = ix;
  const n = ids.length;
  const k = Math.max(1, options.k ?? 5);
  const centroidWeight = options.centroidWeight ?? 0.7;

  // The page's cards join the document frequencies.
  const page = [...new Set(options.background ?? [])];
  for (const c of page) termsOf(c);
  const known = termCount();
  const bgDf = new Int32Array(known);
  for (const c of page) for (const t of termsOf(c).ids) bgDf[t]!++;
  const total = n + page.length;
  // BM25-style idf: positive even for a term in every paper.
  const idf = (d: number) => Math.log(1 + (total - d + 0.5) / (d + 0.5));
  const idf0 = idf(0);
  const termIdf = new Float64Array(known).fill(idf0);
  for (let t = 0; t < known; t++) {
    const d = (t < libTerms ? df[t]! : 0) + bgDf[t]!;
    if (d) termIdf[t] = idf(d);
  }
  const idfOf = (t: number) => (t < known ? termIdf[t]! : idf0);

  // Doc norms under this idf, then the library centroid of unit doc vectors, term by term (gathers from the
  // small invNorm array instead of scattering into the large centroid: fewer cache misses).
  yield;
  const invNorm = new Float64Array(n);
  for (let d = 0, walked = 0; d < n; d++) {
    let s = 0;
    for (let p = docStart[d]!; p < docStart[d + 1]!; p++) {
      const w = fwdTf[p]! * termIdf[fwdTerm[p]!]!;
      s += w * w;
    }
    invNorm[d] = s > 0 ? 1 / Math.sqrt(s) : 0;
    walked += docStart[d + 1]! - docStart[d]!;
    if (walked >= POSTINGS_PER_YIELD) {
      walked = 0;
      yield;
    }
  }
  const centroid = new Float64Array(libTerms);
  for (let t = 0, walked = 0; t < libTerms; t++) {
    let s = 0;
    for (let j = postStart[t]!; j < postStart[t + 1]!; j++) s += postTf[j]! * invNorm[postDoc[j]!]!;
    centroid[t] = s * termIdf[t]!;
    walked += postStart[t + 1]! - postStart[t]!;
    if (walked >= POSTINGS_PER_YIELD) {
      walked = 0;
      yield;
    }
  }

  const vectors = new WeakMap<Candidate, CardVector>();
  function vectorOf(c: Candidate): CardVector {
    const cached = vectors.get(c);
    if (cached) return cached;
    const ft = termsOf(c);
    const tids: number[] = [];
    const ws: number[] = [];
    const surface: string[] = [];
    let sq = 0;
    for (let i = 0; i < ft.ids.length; i++) {
      const t = ft.ids[i]!;
      const w = logTf(ft.counts[i]!) * idfOf(t);
      sq += w * w;
      if (t >= libTerms || df[t] === 0) continue;
      tids.push(t);
      ws.push(w);
      surface.push(ft.surface[i]!);
    }
    const wArr = Float64Array.from(ws);
    const v = { tids: Int32Array.from(tids), ws: wArr, surface, norm: Math.sqrt(sq) || 1, walk: strongest(wArr, QUERY_TERMS) };
    vectors.set(c, v);
    return v;
  }

  // Rocchio profile: unit centroid of the library minus BETA × unit centroid of the page.
  const negative = new Float64Array(libTerms);
  for (const c of page) {
    const { tids, ws, norm } = vectorOf(c);
    for (let i = 0; i < tids.length; i++) negative[tids[i]!]! += ws[i]! / norm;
  }
  const cNorm = norm2(centroid) || 1;
  const nNorm = norm2(negative) || 1;
  const profile = new Float64Array(libTerms);
  for (let i = 0; i < libTerms; i++) profile[i] = centroid[i]! / cNorm - BETA * (negative[i]! / nNorm);

  // Terms in more than 1/16 of the library add to nearly every accumulator; the profile still counts them.
  const maxPostings = Math.max(64, n >> 4);
  let index: Map<string, number> | undefined;
  const acc = new Float64Array(n);
  const touched = new Int32Array(n);
  const topD: number[] = [];
  const topS: number[] = [];

  function score(c: Candidate): ScoreResult {
    const v = vectorOf(c);
    const { tids, ws, norm, walk } = v;
    let dot = 0;
    for (let i = 0; i < tids.length; i++) dot += ws[i]! * profile[tids[i]!]!;

    let nTouched = 0;
    for (const i of walk) {
      const tid = tids[i]!;
      const from = postStart[tid]!;
      const to = postStart[tid + 1]!;
      if (to - from > maxPostings) continue;
      const w = (ws[i]! * termIdf[tid]!) / norm;
      for (let j = from; j < to; j++) {
        const d = postDoc[j]!;
        if (acc[d] === 0) touched[nTouched++] = d;
        acc[d]! += w * postTf[j]!;
      }
    }

    // Top k by insertion into a sorted array of at most k (k is small; cheaper than a heap at this size).
    if (c.id !== undefined && !index) index = new Map(ids.map((id, d) => [id, d]));
    const self = c.id === undefined ? -1 : (index!.get(c.id) ?? -1);
    topD.length = 0;
    topS.length = 0;
    for (let i = 0; i < nTouched; i++) {
      const d = touched[i]!;
      const s = acc[d]! * invNorm[d]!;
      acc[d] = 0;
      if (d === self || (topS.length === k && s <= topS[k - 1]!)) continue;
      let j = topS.length < k ? topS.length : k - 1;
      while (j > 0 && topS[j - 1]! < s) j--;
      topS.splice(j, 0, s);
      topD.splice(j, 0, d);
      if (topS.length > k) (topS.pop(), topD.pop());
    }
    let knn = 0;
    for (const s of topS) knn += s;

    const neighbours: Neighbour[] = [];
    for (let i = 0; i < topD.length && topS[i]! >= MIN_NEIGHBOUR; i++) {
      neighbours.push({ id: ids[topD[i]!]!, title: titles[topD[i]!]!, similarity: topS[i]! });
    }
    return {
      score: centroidWeight * (dot / norm) + (1 - centroidWeight) * (knn / k),
      neighbours,
      terms: neighbours.length ? sharedTerms(v, topD.slice(0, neighbours.length)) : profileTerms(v),
    };
  }

  /** Walked card terms ranked by card weight × summed unit weight in the neighbours. */
  function sharedTerms(v: CardVector, docs: number[]): string[] {
    const scored: [string, number][] = [];
    for (const i of v.walk) {
      const tid = v.tids[i]!;
      let s = 0;
      for (const d of docs) s += tfIn(d, tid) * invNorm[d]!;
      if (s > 0) scored.push([v.surface[i]!, s * v.ws[i]! * termIdf[tid]!]);
    }
    scored.sort((a, b) => b[1] - a[1]);
    return scored.slice(0, 3).map(([word]) => word);
  }

  /** Without neighbours: the card's terms that add most to the profile score. */
  function profileTerms(v: CardVector): string[] {
    const scored: [string, number][] = [];
    for (let i = 0; i < v.tids.length; i++) {
      const s = v.ws[i]! * profile[v.tids[i]!]!;
      if (s > 0) scored.push([v.surface[i]!, s]);
    }
    scored.sort((a, b) => b[1] - a[1]);
    return scored.slice(0, 3).map(([word]) => word);
  }

  /** Binary search of a doc's ascending term ids. */
  function tfIn(d: number, tid: number): number {
    let lo = docStart[d]!;
    let hi = docStart[d + 1]! - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const t = fwdTerm[mid]!;
      if (t === tid) return fwdTf[mid]!;
      if (t < tid) lo = mid + 1;
      else hi = mid - 1;
    }
    return 0;
  }

  return { size: n, threshold: options.threshold ?? DEFAULT_THRESHOLD, score };
}

/** Indices of the `max` largest weights, in card order (ties: earliest first). A native numeric sort finds the cut. */
function strongest(ws: Float64Array, max: number): Int32Array {
  if (ws.length <= max) return Int32Array.from(ws.keys());
  const cut = ws.slice().sort()[ws.length - max]!;
  let above = 0;
  for (const w of ws) if (w > cut) above++;
  let ties = max - above;
  const out = new Int32Array(max);
  let o = 0;
  for (let i = 0; i < ws.length; i++) if (ws[i]! > cut || (ws[i] === cut && ties-- > 0)) out[o++] = i;
  return out;
}

function norm2(v: Float64Array): number {
  let s = 0;
  for (const x of v) s += x * x;
  return Math.sqrt(s);
}

/**
 * A per-user threshold from scores of cards the user saw and did not save (collected over past pages): their
 * `quantile`, never below `floor`. With the default, at most ~3% of such cards would be marked.
 */
export function calibrateThreshold(unsavedScores: readonly number[], quantile = 0.97, floor = DEFAULT_THRESHOLD): number {
  if (!unsavedScores.length) return floor;
  const sorted = Float64Array.from(unsavedScores).sort();
  return Math.max(floor, sorted[Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))]!);
}
