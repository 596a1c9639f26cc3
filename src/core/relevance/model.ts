// The relevance model's stored state (issue #8): plain JSON, built incrementally as papers are saved and removed.
// Each saved paper keeps its own weighted term counts, so removing it subtracts exactly what adding it added.
// Scoring: ./compile.ts turns this state into typed arrays (once per library change), ./score.ts scores a page.
import type { SavedPaper } from '../../storage/schema';
import { fieldTerms, termString } from './tokenize';

/** What the model needs of a saved paper. */
export interface RelevanceInput {
  id: string;
  title: string;
  abstract?: string | null;
  tags?: readonly string[];
}

/** One saved paper's terms: parallel arrays, sorted by term so batch and incremental builds are identical. */
export interface ModelDoc {
  title: string;
  terms: string[];
  /** Weighted counts (see `fieldTerms`: title and tag words count double). */
  counts: number[];
}

export interface RelevanceModel {
  version: 1;
  /** Saved paper id → its terms. */
  docs: Record<string, ModelDoc>;
  /** Term → number of docs holding it. No zero entries, so add-then-remove deep-equals the model before. */
  df: Record<string, number>;
}

/** Per-paper cap: bounds storage (~1-2 KB a paper) and scoring work; keeps all but the rarest-used words. */
export const MAX_DOC_TERMS = 128;

const has = (o: object, k: string) => Object.hasOwn(o, k);

export function emptyModel(): RelevanceModel {
  return { version: 1, docs: {}, df: {} };
}

/** The model's view of a reading-list entry: its title, abstract and the user's tags. */
export function fromSaved(saved: SavedPaper): RelevanceInput {
  return { id: saved.id, title: saved.paper.title, abstract: saved.paper.abstract, tags: saved.tags };
}

/**
 * Weighted term counts of a paper, capped to `max` terms: highest count first, then first occurrence (title
 * first; the sort is stable). Depends on the paper alone, never on the rest of the library.
 */
export function docTerms(title: string, abstract: string | null | undefined, tags: readonly string[] = [], max = MAX_DOC_TERMS) {
  const f = fieldTerms(title, abstract, tags);
  let entries = Array.from(f.ids, (id, i): [string, number] => [termString(id), f.counts[i]!]);
  if (entries.length > max) entries = entries.sort((a, b) => b[1] - a[1]).slice(0, max);
  entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { terms: entries.map((e) => e[0]), counts: entries.map((e) => e[1]) };
}

/** Adds (or replaces) a paper. Mutates and returns `model`: copying a 10,000-paper df table per save is waste. */
export function addPaper(model: RelevanceModel, paper: RelevanceInput): RelevanceModel {
  if (has(model.docs, paper.id)) removePaper(model, paper.id);
  const { terms, counts } = docTerms(paper.title, paper.abstract, paper.tags);
  model.docs[paper.id] = { title: paper.title, terms, counts };
  for (const t of terms) model.df[t] = (has(model.df, t) ? model.df[t]! : 0) + 1;
  return model;
}

/** Exactly undoes `addPaper`; unknown ids are ignored. Mutates and returns `model`. */
export function removePaper(model: RelevanceModel, id: string): RelevanceModel {
  if (!has(model.docs, id)) return model;
  for (const t of model.docs[id]!.terms) {
    const n = (has(model.df, t) ? model.df[t]! : 0) - 1;
    if (n > 0) model.df[t] = n;
    else delete model.df[t];
  }
  delete model.docs[id];
  return model;
}

/** A model of these papers, as if each had been added in turn. */
export function buildModel(papers: Iterable<RelevanceInput>): RelevanceModel {
  const model = emptyModel();
  for (const p of papers) addPaper(model, p);
  return model;
}

export function paperCount(model: RelevanceModel): number {
  return Object.keys(model.docs).length;
}

// The scoring API, re-exported so `model.ts` is the one import: scorer(model, { background: pageCards }).
export { scorer, prepare, calibrateThreshold, DEFAULT_THRESHOLD } from './score';
export type { Candidate, Neighbour, ScoreResult, Scorer, ScorerOptions } from './score';
export { compile, type RelevanceIndex } from './compile';
