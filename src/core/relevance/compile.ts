// The page-independent half of scoring (issue #8): the model's strings turned into typed arrays once.
// Costs one string lookup per stored (paper, term) pair, so keep the result while the library is unchanged
// (e.g. in the service worker); `scorer()` then only reweights per page. The work is split in two: `indexDoc` (a
// paper's terms as ids, once per paper) and `assemble` (the arrays over every paper, typed-array loops only), so a
// library that changed by a few papers indexes those alone and assembles again.
import type { ModelDoc, RelevanceModel } from './model';
import { internTerm, termCount } from './tokenize';

/** Arrays are indexed by interned term id (tokenize.ts); ids ≥ `terms` were interned later and are not in the library. */
export interface RelevanceIndex {
  readonly kind: 'relevance-index';
  readonly ids: readonly string[];
  readonly titles: readonly string[];
  /** Interned terms at compile time: the length of `df` and `postStart` - 1. */
  readonly terms: number;
  /** Library document frequency per term id (0 for terms only seen on pages). */
  readonly df: Int32Array;
  /** Per doc d, entries docStart[d]..docStart[d+1]: term ids ascending, with 1 + ln(count). */
  readonly docStart: Int32Array;
  readonly fwdTerm: Int32Array;
  readonly fwdTf: Float32Array;
  /** Per term t, postings postStart[t]..postStart[t+1]: doc index and 1 + ln(count). */
  readonly postStart: Int32Array;
  readonly postDoc: Int32Array;
  readonly postTf: Float32Array;
}

/** One saved paper as the index holds it: its term ids ascending, each with 1 + ln(count). */
export interface IndexedDoc {
  readonly id: string;
  readonly title: string;
  readonly terms: Int32Array;
  readonly tf: Float32Array;
}

// Packs (term id, position) into one number so a numeric typed-array sort orders a doc's terms by id.
let packed = new Float64Array(256);

/**
 * A paper's `len` terms as the index holds them: the ids `idAt` gives each position, ascending, each with the weight
 * `weightAt` gives its position.
 */
export function byTermId(len: number, idAt: (position: number) => number, weightAt: (position: number) => number): { terms: Int32Array; tf: Float32Array } {
  if (packed.length < len) packed = new Float64Array(len);
  for (let i = 0; i < len; i++) packed[i] = idAt(i) * 65536 + i;
  const order = packed.subarray(0, len).sort();
  const terms = new Int32Array(len);
  const tf = new Float32Array(len);
  for (let i = 0; i < len; i++) {
    const pos = order[i]! % 65536;
    terms[i] = (order[i]! - pos) / 65536;
    tf[i] = weightAt(pos);
  }
  return { terms, tf };
}

/** A paper's terms as interned ids, ascending, with their weights. */
export function indexDoc(id: string, doc: ModelDoc): IndexedDoc {
  const { terms, tf } = byTermId(doc.terms.length, (pos) => internTerm(doc.terms[pos]!), (pos) => 1 + Math.log(doc.counts[pos]!));
  return { id, title: doc.title, terms, tf };
}

/** The index over these papers, in this order. */
export function assemble(docs: readonly IndexedDoc[]): RelevanceIndex {
  const steps = assembling(docs, Infinity);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * assemble() in steps: the generator pauses (yields) after each `docsPerStep` papers of each of its three passes, so a
 * caller can let other work run between them (at 10,000 papers the whole is one ~40-90 ms task in Chrome's worker).
 * The papers' terms must be interned before it starts; terms interned meanwhile are in no paper, and not in the index.
 */
export function* assembling(docs: readonly IndexedDoc[], docsPerStep: number): Generator<void, RelevanceIndex, void> {
  const n = docs.length;
  const ids: string[] = new Array(n);
  const titles: string[] = new Array(n);
  const docStart = new Int32Array(n + 1);
  for (let d = 0; d < n; d++) docStart[d + 1] = docStart[d]! + docs[d]!.terms.length;
  const size = docStart[n]!;
  const fwdTerm = new Int32Array(size);
  const fwdTf = new Float32Array(size);
  const terms = termCount();
  const df = new Int32Array(terms);
  for (let d = 0; d < n; d++) {
    const doc = docs[d]!;
    ids[d] = doc.id;
    titles[d] = doc.title;
    fwdTerm.set(doc.terms, docStart[d]!);
    fwdTf.set(doc.tf, docStart[d]!);
    for (let i = 0; i < doc.terms.length; i++) df[doc.terms[i]!]!++;
    if ((d + 1) % docsPerStep === 0) yield;
  }
  const postStart = new Int32Array(terms + 1);
  for (let t = 0; t < terms; t++) postStart[t + 1] = postStart[t]! + df[t]!;
  const fill = postStart.slice(0, terms);
  const postDoc = new Int32Array(size);
  const postTf = new Float32Array(size);
  yield;
  for (let d = 0; d < n; d++) {
    for (let p = docStart[d]!; p < docStart[d + 1]!; p++) {
      const slot = fill[fwdTerm[p]!]!++;
      postDoc[slot] = d;
      postTf[slot] = fwdTf[p]!;
    }
    if ((d + 1) % docsPerStep === 0) yield;
  }
  return { kind: 'relevance-index', ids, titles, terms, df, docStart, fwdTerm, fwdTf, postStart, postDoc, postTf };
}

export function compile(model: RelevanceModel): RelevanceIndex {
  return assemble(Object.keys(model.docs).map((id) => indexDoc(id, model.docs[id]!)));
}
