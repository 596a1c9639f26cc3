// Offline evaluation of the relevance ranking (issue #8) on a labelled set: simulated users whose library is
// drawn from one or two research areas, a page of held-out cards, precision at 10 against baselines.
// Pure and seeded, so the test suite and the bench report the same figures.
import { mulberry32 } from '../random';
import { buildModel } from './model';
import { scorer, type ScorerOptions } from './score';
import { tokenize } from './tokenize';

export interface LabelledPaper {
  id: string;
  area: string;
  title: string;
  abstract: string;
}

export interface EvalOptions {
  seeds?: number;
  /** Saved papers per interest area. */
  library?: number;
  /** Share of the library drawn from other areas (papers saved on a whim). */
  noise?: number;
  /** Cards on the page, and how many of them are from the user's areas. */
  pool?: number;
  relevant?: number;
  /** Areas per user; the library and the relevant cards are split evenly between them. */
  interests?: number;
  scorer?: ScorerOptions;
  /** Give the page's cards to the scorer as background (its idf). */
  pageBackground?: boolean;
}

export interface EvalReport {
  users: number;
  /** Mean precision at 10 of each ranking. */
  model: number;
  random: number;
  keyword: number;
  /** At the scorer's threshold: share of relevant / irrelevant cards marked. */
  markedRelevant: number;
  markedIrrelevant: number;
}

/** Small seeded PRNG (mulberry32): deterministic simulations. */
export const rng = mulberry32;

function shuffle<T>(xs: readonly T[], rand: () => number): T[] {
  const a = [...xs];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Precision at 10 of `pool` ranked by `score` (stable sort over a shuffled pool: ties fall randomly). */
function precisionAt10(pool: readonly LabelledPaper[], score: (p: LabelledPaper) => number, relevant: (p: LabelledPaper) => boolean): number {
  const ranked = pool.map((p) => ({ p, s: score(p) })).sort((a, b) => b.s - a.s);
  return ranked.slice(0, 10).filter((r) => relevant(r.p)).length / 10;
}

/** Keyword baseline: the library's 20 most frequent title words; a card scores the number it contains. */
export function keywordScorer(library: readonly LabelledPaper[]): (p: LabelledPaper) => number {
  const freq = new Map<string, number>();
  for (const p of library) for (const w of new Set(tokenize(p.title, false))) freq.set(w, (freq.get(w) ?? 0) + 1);
  const top = new Set([...freq].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 20).map((e) => e[0]));
  return (p) => {
    let n = 0;
    for (const w of new Set(tokenize(`${p.title} ${p.abstract}`, false))) if (top.has(w)) n++;
    return n;
  };
}

export function evaluate(papers: readonly LabelledPaper[], options: EvalOptions = {}): EvalReport {
  const { seeds = 5, library = 20, noise = 0.1, pool = 200, relevant = 20, interests = 1 } = options;
  const areas = [...new Set(papers.map((p) => p.area))].sort();
  const byArea = new Map(areas.map((a) => [a, papers.filter((p) => p.area === a)]));
  const sums = { model: 0, random: 0, keyword: 0, markedRel: 0, nRel: 0, markedIrr: 0, nIrr: 0 };
  let users = 0;
  areas.forEach((area, ai) => {
    for (let seed = 0; seed < seeds; seed++) {
      const rand = rng(1000 * ai + seed + 1);
      const mine = [area, ...shuffle(areas.filter((a) => a !== area), rand).slice(0, interests - 1)];
      const isMine = (p: LabelledPaper) => mine.includes(p.area);
      const others = papers.filter((p) => !isMine(p));
      const nNoise = Math.round(library * noise);
      const perArea = (total: number) => mine.map((_, i) => Math.floor(total / mine.length) + (i < total % mine.length ? 1 : 0));
      const lib: LabelledPaper[] = [];
      const held: LabelledPaper[] = [];
      perArea(library - nNoise).forEach((count, i) => {
        const own = shuffle(byArea.get(mine[i]!)!, rand);
        lib.push(...own.slice(0, count));
        held.push(...own.slice(count));
      });
      const otherShuffled = shuffle(others, rand);
      lib.push(...otherShuffled.slice(0, nNoise));
      const rel = shuffle(held, rand).slice(0, relevant);
      const page = shuffle([...rel, ...otherShuffled.slice(nNoise, nNoise + pool - rel.length)], rand);

      const s = scorer(buildModel(lib), { ...options.scorer, background: options.pageBackground === false ? undefined : page });
      const scores = new Map(page.map((p) => [p, s.score(p).score]));
      sums.model += precisionAt10(page, (p) => scores.get(p)!, isMine);
      sums.random += precisionAt10(page, () => 0, isMine);
      sums.keyword += precisionAt10(page, keywordScorer(lib), isMine);
      for (const p of page) {
        const marked = scores.get(p)! >= s.threshold ? 1 : 0;
        if (isMine(p)) (sums.markedRel += marked, sums.nRel++);
        else (sums.markedIrr += marked, sums.nIrr++);
      }
      users++;
    }
  });
  return {
    users,
    model: sums.model / users,
    random: sums.random / users,
    keyword: sums.keyword / users,
    markedRelevant: sums.markedRel / sums.nRel,
    markedIrrelevant: sums.markedIrr / sums.nIrr,
  };
}
