// The compiled index as one storable value (issue #7: the first relevance request after Chrome stopped the idle worker).
// Rebuilding the index from the stored model reads every paper's terms as strings: at 10,000 papers 1.3 million
// strings, ~0.5 s to read in the worker and ~0.4 s more to count and intern them. Packed, the library's terms are
// one string (each term once) and the papers' terms positions in it, typed arrays that read as one copy; unpacking
// interns each distinct term once. Term ids are per worker (tokenize.ts), so they are never stored.
import { byTermId, type IndexedDoc, type RelevanceIndex } from './compile';
import { internTerm, termCount, termString } from './tokenize';

export interface PackedIndex {
  /** Every term of the library once, joined by "\n" (no term holds one: terms are words and "word word" pairs). */
  terms: string;
  ids: readonly string[];
  titles: readonly string[];
  /** Per paper d, entries docStart[d]..docStart[d+1] of `fwd` and `tf`. */
  docStart: Int32Array;
  /** Positions in `terms`, ascending within a paper. */
  fwd: Int32Array;
  /** 1 + ln(count), as the index has it. */
  tf: Float32Array;
}

export function packIndex(index: RelevanceIndex): PackedIndex {
  const position = new Int32Array(index.terms).fill(-1);
  const terms: string[] = [];
  // Term ids ascending, so positions ascend with them and each paper's order holds.
  for (let t = 0; t < index.terms; t++) if (index.df[t]! > 0) position[t] = terms.push(termString(t)) - 1;
  const fwd = new Int32Array(index.fwdTerm.length);
  for (let p = 0; p < fwd.length; p++) fwd[p] = position[index.fwdTerm[p]!]!;
  // The index's own arrays: storing the value copies them (structured clone), and nothing changes an index.
  return { terms: terms.join('\n'), ids: index.ids, titles: index.titles, docStart: index.docStart, fwd, tf: index.fwdTf };
}

const isStrings = (xs: unknown): xs is string[] => Array.isArray(xs) && xs.every((x) => typeof x === 'string');

/**
 * The papers of a packed index, their terms interned in this worker; null when `value` is not a whole packed index (a
 * damaged or foreign record: the caller builds from the rows instead).
 */
export function unpackIndex(value: unknown): IndexedDoc[] | null {
  const p = value as Partial<PackedIndex> | null | undefined;
  if (!p || typeof p.terms !== 'string' || !isStrings(p.ids) || !isStrings(p.titles) || p.titles.length !== p.ids.length) return null;
  if (!(p.docStart instanceof Int32Array) || !(p.fwd instanceof Int32Array) || !(p.tf instanceof Float32Array)) return null;
  const { ids, titles, docStart, fwd, tf } = p as PackedIndex;
  const n = ids.length;
  if (docStart.length !== n + 1 || docStart[0] !== 0 || docStart[n] !== fwd.length || tf.length !== fwd.length) return null;
  for (let d = 0; d < n; d++) if (docStart[d + 1]! < docStart[d]!) return null;
  const dictionary = p.terms === '' ? [] : p.terms.split('\n');
  for (let i = 0; i < fwd.length; i++) if (!(fwd[i]! >= 0 && fwd[i]! < dictionary.length)) return null;
  const idOf = new Int32Array(dictionary.length);
  for (let i = 0; i < dictionary.length; i++) idOf[i] = internTerm(dictionary[i]!);
  const seen = new Uint8Array(termCount());
  for (let i = 0; i < idOf.length; i++) if (seen[idOf[i]!]!++) return null; // a term twice: not a dictionary we wrote
  const mapped = new Int32Array(fwd.length);
  for (let i = 0; i < fwd.length; i++) mapped[i] = idOf[fwd[i]!]!;
  const docs: IndexedDoc[] = new Array(n);
  for (let d = 0; d < n; d++) {
    const start = docStart[d]!;
    const end = docStart[d + 1]!;
    let terms: Int32Array = mapped.subarray(start, end);
    let weights: Float32Array = tf.subarray(start, end);
    // A worker that interned some of these terms before (a save's, a page's) numbers them otherwise: sort again.
    let ascending = true;
    for (let i = start + 1; i < end && ascending; i++) ascending = mapped[i - 1]! < mapped[i]!;
    if (!ascending) ({ terms, tf: weights } = byTermId(end - start, (pos) => mapped[start + pos]!, (pos) => tf[start + pos]!));
    docs[d] = { id: ids[d]!, title: titles[d]!, terms, tf: weights };
  }
  return docs;
}
