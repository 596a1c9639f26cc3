// Text → terms for the relevance model (issue #8): lowercase, Unicode word split, stopwords, light stemming,
// optional adjacent-word bigrams. Deterministic and DOM-free; the same code runs on saved papers and page cards.
// The model uses unigrams: on the labelled set bigrams did not raise precision and multiplied the vocabulary
// (most bigrams occur once), so the stored model and the scorer's index grew several-fold.

// English function words plus ML-abstract boilerplate. "model(s)" is in: it is in most ML abstracts, so it
// carries no interest signal and would make a useless "shared term" in the reason line.
const STOPWORDS = new Set(
  (
    'a about above across after again against all almost along also although always am among an and another any ' +
    'are around as at be because been before being below between both but by can cannot could did do does doing ' +
    'done down during each either else etc even ever every few for from further had has have having he her here ' +
    'hers him his how however i if in into is it its itself just last least less like made make makes many may me ' +
    'might more moreover most much must my neither no nor not of off often on once one only onto or other others ' +
    'otherwise our ours out over own per rather same she should since so some such than that the their theirs them ' +
    'then there thereby therefore these they this those though three through thus to too two under until up upon ' +
    'us very via was we well were what when where whether which while who whom whose why will with within without ' +
    'would yet you your ' +
    // ML boilerplate: words nearly every abstract uses to describe itself rather than its topic.
    'abstract achieve achieved achieves achieving approach approaches art arxiv based benchmark benchmarks best ' +
    'better clear code compared comparable competitive conduct consistent consistently demonstrate demonstrates ' +
    'different effective effectiveness existing experiment experimental experiments extensive find finds first ' +
    'furthermore github good high higher however improve improved improvement improvements improves improving ' +
    'introduce introduces key large larger lead leading leads method methods model models new novel outperform ' +
    'outperforms paper performance present prior problem problems propose proposed proposes provide provides ' +
    'recent recently release released result results several show shows shown significant significantly simple ' +
    'sota state strong study studies superior task tasks use used uses using various way ways work works'
  ).split(' '),
);

/** Surface words kept whole: their trailing "s" is not a plural. */
const KEEP = new Set(['bias', 'lens', 'news', 'gas', 'atlas', 'alias', 'canvas', 'series', 'species', 'physics']);

const WORD = /[\p{L}\p{N}]+/gu;
const HAS_DIGIT = /\p{N}/u;
const NON_ASCII = /[^\x00-\x7f]/;
const COMBINING = /\p{M}+/gu;

/** Plural / -ing / -ed / final -e stripping; a cheap, deterministic cousin of Porter step 1. */
export function stem(word: string): string {
  if (word.length <= 3 || KEEP.has(word) || HAS_DIGIT.test(word)) return word;
  let w = word;
  if (w.endsWith('ies') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.endsWith('s') && !/(?:ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.endsWith('ied') && w.length > 4) w = w.slice(0, -3) + 'y';
  else if (w.endsWith('ing') && w.length >= 7) w = undouble(w.slice(0, -3));
  else if (w.endsWith('ed') && w.length >= 6) w = undouble(w.slice(0, -2));
  // "image"/"images"/"imaging" all end as "imag"; keeps -e and -ing forms together.
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

/** "embedd" → "embed", "modell" → "model"; "ss" stays ("passing" → "pass"). */
function undouble(w: string): string {
  const n = w.length;
  const last = w[n - 1];
  return n >= 4 && last === w[n - 2] && last !== 's' && !/[aeiou]/.test(last ?? 'a') ? w.slice(0, -1) : w;
}

// Interned terms: each term string gets a small integer id for the life of this page / worker, so the scorer
// works on arrays indexed by id instead of string-keyed maps. Ids never leave memory (the model stores strings).
const termIds = new Map<string, number>();
const termStrings: string[] = [];

export function internTerm(term: string): number {
  let id = termIds.get(term);
  if (id === undefined) {
    id = termStrings.length;
    termIds.set(term, id);
    termStrings.push(term);
  }
  return id;
}

export function termString(id: number): string {
  return termStrings[id]!;
}

/** Number of interned terms so far (every id is below it). */
export function termCount(): number {
  return termStrings.length;
}

// Memo of word → term id (-1 = dropped): page text repeats most words, so this saves nearly all stemming.
const memo = new Map<string, number>();
const MEMO_MAX = 100_000;

function termIdOf(word: string): number {
  let id = memo.get(word);
  if (id !== undefined) return id;
  id = word.length < 2 || STOPWORDS.has(word) || /^\p{N}+$/u.test(word) ? -1 : internTerm(stem(word));
  if (memo.size >= MEMO_MAX) memo.clear();
  memo.set(word, id);
  return id;
}

/** Lowercase and drop diacritics ("Naïve" → "naive") so both spellings meet. */
export function normalize(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower) ? lower.normalize('NFKD').replace(COMBINING, '') : lower;
}

/**
 * Calls `emit(term, surface)` for every unigram and (with `bigrams`) for every pair of kept words that stand next
 * to each other, separated by one space or hyphen: a stopword or punctuation breaks the pair. Bigrams are "a b".
 */
export function forEachTerm(text: string, bigrams: boolean, emit: (term: string, surface: string) => void): void {
  const s = normalize(text);
  const re = new RegExp(WORD); // own lastIndex: re-entrant; exec() is ~4x faster than matchAll here
  let prev: string | null = null;
  let prevSurface = '';
  let prevEnd = -2;
  for (let m = re.exec(s); m !== null; m = re.exec(s)) {
    const word = m[0];
    const id = termIdOf(word);
    if (id < 0) {
      prev = null;
      continue;
    }
    const t = termStrings[id]!;
    emit(t, word);
    if (bigrams && prev !== null && m.index === prevEnd + 1 && (s[prevEnd] === ' ' || s[prevEnd] === '-')) {
      emit(`${prev} ${t}`, `${prevSurface} ${word}`);
    }
    prev = t;
    prevSurface = word;
    prevEnd = m.index + word.length;
  }
}

/** The terms of a text in order (unigrams, and with `bigrams` each pair right after its second word). */
export function tokenize(text: string, bigrams = false): string[] {
  const out: string[] = [];
  forEachTerm(text, bigrams, (t) => out.push(t));
  return out;
}

/** Titles and tags say what a paper is about more densely than abstracts: their words count this much. */
export const FIELD_WEIGHT = 2;

/** A paper's unigrams, in first-occurrence order (title, then tags, then abstract). */
export interface FieldTerms {
  /** Interned term ids (see `termString`). */
  ids: Int32Array;
  /** Weighted counts: `FIELD_WEIGHT` per title or tag occurrence, 1 per abstract occurrence. */
  counts: Int32Array;
  /** First spelling of each term in the text ("images" for "imag"), for display. */
  surface: string[];
}

// Per-call scratch: term id → 1 + its slot in the output (0 = not seen yet); reset after each call.
let slotOf = new Int32Array(1 << 16);

/** One pass over a paper's fields; the same weighting for saved papers and for page cards. */
export function fieldTerms(title: string, abstract?: string | null, tags: readonly string[] = []): FieldTerms {
  const ids: number[] = [];
  const counts: number[] = [];
  const surface: string[] = [];
  const add = (word: string, w: number) => {
    const id = termIdOf(word);
    if (id < 0) return;
    if (id >= slotOf.length) {
      const grown = new Int32Array(Math.max(slotOf.length * 2, id + 1));
      grown.set(slotOf);
      slotOf = grown;
    }
    const slot = slotOf[id]!;
    if (slot) counts[slot - 1]! += w;
    else {
      slotOf[id] = ids.push(id);
      counts.push(w);
      surface.push(word);
    }
  };
  const scan = (text: string, w: number) => {
    const s = text.toLowerCase();
    if (NON_ASCII.test(s)) {
      const re = WORD; // shared: nothing below can re-enter fieldTerms
      const t = normalize(s);
      re.lastIndex = 0;
      for (let m = re.exec(t); m !== null; m = re.exec(t)) add(m[0], w);
      return;
    }
    // ASCII fast path, same words as WORD: no match objects, so far less garbage.
    let start = -1;
    for (let i = 0; i <= s.length; i++) {
      const c = i < s.length ? s.charCodeAt(i) : 32;
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57)) {
        if (start < 0) start = i;
      } else if (start >= 0) {
        add(s.slice(start, i), w);
        start = -1;
      }
    }
  };
  scan(title, FIELD_WEIGHT);
  for (const tag of tags) scan(tag, FIELD_WEIGHT); // "image-gen" splits like any text
  if (abstract) scan(abstract, 1);
  for (const id of ids) slotOf[id] = 0;
  return { ids: Int32Array.from(ids), counts: Int32Array.from(counts), surface };
}
