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

// The packed index as bytes, for storing as one Blob (storage/relevance.ts). Stored as an object, its typed arrays and
// strings were serialised by the put itself: one ~40-60 ms task in Chrome's worker at 10,000 papers, which a save
// clicked then waited for. Bytes can be handed over in parts, a task each, and the put of a Blob serialises nothing.
// Layout: docStart, fwd and tf; three UTF-8 texts: the terms, and the ids and titles as JSON; then a trailer of
// TRAILER int32s (last, so each text is made only when its parts are asked for).
const MAGIC = 0x50617031; // "Pap1"
const TRAILER = 6; // papers, fwd entries, bytes of terms, of ids, of titles, magic

function* partsOf(array: Int32Array | Float32Array | Uint8Array, partBytes: number): Generator<Uint8Array<ArrayBuffer>> {
  const bytes = new Uint8Array(array.buffer as ArrayBuffer, array.byteOffset, array.byteLength);
  for (let at = 0; at < bytes.byteLength; at += partBytes) yield bytes.subarray(at, at + partBytes);
}

/**
 * The bytes of a packed index, as views of at most `partBytes` each (the typed arrays' own memory: not copied), made as
 * they are asked for: the JSON of 10,000 titles is ~5 ms, and the caller may yield between parts.
 */
export function* packedBytes(p: PackedIndex, partBytes = 256 * 1024): Generator<Uint8Array<ArrayBuffer>> {
  for (const array of [p.docStart, p.fwd, p.tf]) yield* partsOf(array, partBytes);
  const text = new TextEncoder();
  const sizes: number[] = [];
  for (const make of [() => p.terms, () => JSON.stringify(p.ids), () => JSON.stringify(p.titles)]) {
    const bytes = text.encode(make());
    sizes.push(bytes.byteLength);
    yield* partsOf(bytes, partBytes);
  }
  yield* partsOf(Int32Array.from([p.ids.length, p.fwd.length, ...sizes, MAGIC]), partBytes);
}

/** The packed index these bytes hold (unchecked beyond its layout: unpackIndex checks it), or null when they are not one. */
export function packedFromBytes(buffer: ArrayBuffer): PackedIndex | null {
  if (buffer.byteLength < TRAILER * 4) return null;
  const [n, entries, ...rest] = new Int32Array(buffer.slice(buffer.byteLength - TRAILER * 4)); // a copy: aligned
  const textBytes = rest.slice(0, 3);
  if (rest[3] !== MAGIC || !(n! >= 0 && entries! >= 0 && textBytes.every((b) => b >= 0))) return null;
  const fwdAt = (n! + 1) * 4;
  const tfAt = fwdAt + entries! * 4;
  const textAt = tfAt + entries! * 4;
  if (textAt + textBytes.reduce((a, b) => a + b, 0) + TRAILER * 4 !== buffer.byteLength) return null;
  try {
    const text = new TextDecoder('utf-8', { fatal: true });
    const texts: string[] = [];
    for (let i = 0, at = textAt; i < textBytes.length; at += textBytes[i++]!) texts.push(text.decode(new Uint8Array(buffer, at, textBytes[i])));
    const [terms, ids, titles] = texts as [string, string, string];
    return {
      terms,
      ids: JSON.parse(ids) as string[],
      titles: JSON.parse(titles) as string[],
      docStart: new Int32Array(buffer, 0, n! + 1),
      fwd: new Int32Array(buffer, fwdAt, entries!),
      // A copy: the papers' weights are views of it, and the rest of the buffer is not kept for them.
      tf: new Float32Array(buffer, tfAt, entries!).slice(),
    };
  } catch {
    return null; // not UTF-8, or not JSON
  }
}
