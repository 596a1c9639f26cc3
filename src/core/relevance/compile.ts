// The page-independent half of scoring (issue #8): the model's strings turned into typed arrays once.
// Costs one string lookup per stored (paper, term) pair, so keep the result while the library is unchanged
// (e.g. in the service worker, dropped on save/remove); `scorer()` then only reweights per page.
import type { RelevanceModel } from './model';
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

export function compile(model: RelevanceModel): RelevanceIndex {
  const ids = Object.keys(model.docs);
  const n = ids.length;
  const titles: string[] = new Array(n);
  const docStart = new Int32Array(n + 1);
  for (let d = 0; d < n; d++) docStart[d + 1] = docStart[d]! + model.docs[ids[d]!]!.terms.length;
  const size = docStart[n]!;
  const fwdTerm = new Int32Array(size);
  const fwdTf = new Float32Array(size);
  // Pack (term id, position) into one number so a numeric typed-array sort orders a doc's terms by id.
  let packed = new Float64Array(256);
  for (let d = 0; d < n; d++) {
    const doc = model.docs[ids[d]!]!;
    titles[d] = doc.title;
    const len = doc.terms.length;
    if (packed.length < len) packed = new Float64Array(len);
    for (let i = 0; i < len; i++) packed[i] = internTerm(doc.terms[i]!) * 65536 + i;
    const order = packed.subarray(0, len).sort();
    const at = docStart[d]!;
    for (let i = 0; i < len; i++) {
      const pos = order[i]! % 65536;
      fwdTerm[at + i] = (order[i]! - pos) / 65536;
      fwdTf[at + i] = 1 + Math.log(doc.counts[pos]!);
    }
  }
  const terms = termCount();
  const df = new Int32Array(terms);
  for (let p = 0; p < size; p++) df[fwdTerm[p]!]!++;
  const postStart = new Int32Array(terms + 1);
  for (let t = 0; t < terms; t++) postStart[t + 1] = postStart[t]! + df[t]!;
  const fill = postStart.slice(0, terms);
  const postDoc = new Int32Array(size);
  const postTf = new Float32Array(size);
  for (let d = 0; d < n; d++) {
    for (let p = docStart[d]!; p < docStart[d + 1]!; p++) {
      const slot = fill[fwdTerm[p]!]!++;
      postDoc[slot] = d;
      postTf[slot] = fwdTf[p]!;
    }
  }
  return { kind: 'relevance-index', ids, titles, terms, df, docStart, fwdTerm, fwdTf, postStart, postDoc, postTf };
}
