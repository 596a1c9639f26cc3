// Citation keys (BibTeX labels): `vaswani2017attention`, the Google Scholar / arXiv style, unique in the reading list.
import type { SavedPaper } from '../../storage/schema';
import { splitName, yearOf } from './csl';
import { foldText } from '../fold';

const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'with', 'from', 'at', 'by', 'via', 'is', 'are']);

/** Lowercase ASCII letters and digits only: accents dropped (ü → u, ß → ss; core/fold.ts), other scripts removed. */
export function asciiWord(text: string): string {
  return foldText(text).replace(/[^a-z0-9]/g, '');
}

function firstTitleWord(title: string): string {
  const plain = title.replace(/\$[^$]*\$/g, ' ').replace(/\\[A-Za-z]+/g, ' ');
  for (const word of plain.split(/[^\p{L}\p{N}]+/u)) {
    const ascii = asciiWord(word);
    if (ascii && !STOP_WORDS.has(ascii)) return ascii;
  }
  return '';
}

/**
 * Each record's base key, worked out once: every export's keys are worked out against the whole list (citationKeys),
 * and a record is never changed in place (every write makes a new object).
 */
const baseKeys = new WeakMap<SavedPaper, string>();

/** The key a paper would get alone: first author's family name, year, first significant title word. */
export function baseKey(saved: SavedPaper): string {
  let key = baseKeys.get(saved);
  if (key === undefined) baseKeys.set(saved, (key = ownBaseKey(saved)));
  return key;
}

function ownBaseKey(saved: SavedPaper): string {
  const first = saved.paper.authors[0];
  const name = first ? splitName(first) : null;
  const author = name ? asciiWord(name.family ?? name.literal ?? '') : '';
  const year = saved.paper.published ? String(yearOf({ raw: saved.paper.published }) ?? '') : '';
  const word = firstTitleWord(saved.paper.title);
  if (!author && !word) return saved.id.replace(/[^A-Za-z0-9]+/g, '_').replace(/^_+|_+$/g, '') || 'paper';
  return `${author}${year}${word}`;
}

function suffix(n: number): string {
  let s = '';
  for (let i = n; i > 0; i = Math.floor((i - 1) / 26)) s = String.fromCharCode(97 + ((i - 1) % 26)) + s;
  return s;
}

/** Earlier save first (an unknown save, 0, last), then the smaller id: an order of the papers themselves. */
function bySave(a: SavedPaper, b: SavedPaper): number {
  const [x, y] = [a.savedAt > 0 ? a.savedAt : Infinity, b.savedAt > 0 ? b.savedAt : Infinity];
  return x - y || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * One key per paper, in order, each the key it has among all of `library` (the whole reading list), so a key cited in
 * a LaTeX paper stays the same whatever else a later export holds: of the papers with one base key, the earliest saved
 * gets it as it is and the others a, b, …, z, aa, … appended in the order of their saves (ties by id). A paper saved
 * later never changes an earlier one's key. Without `library`, the keys are those among the exported papers alone; an
 * exported paper missing from `library` is counted in it. A paper exported twice gets a further suffix the second time:
 * every key of one file is unique.
 */
export function citationKeys(papers: readonly SavedPaper[], library: readonly SavedPaper[] = papers): string[] {
  // The exported records, and the library's papers that are none of them (an edit the library has not seen yet is
  // keyed as exported).
  const exported = new Set(papers.map((saved) => saved.id));
  const records = new Set([...library.filter((saved) => !exported.has(saved.id)), ...papers]);
  const groups = new Map<string, SavedPaper[]>();
  for (const saved of records) {
    const base = baseKey(saved);
    const group = groups.get(base);
    if (group) group.push(saved);
    else groups.set(base, [saved]);
  }
  const used = new Set(groups.keys());
  const keyOf = new Map<SavedPaper, string>();
  /** The next suffix of each base to try. */
  const next = new Map<string, number>();
  const suffixed = (base: string): string => {
    let n = next.get(base) ?? 1;
    let key = base + suffix(n++);
    while (used.has(key)) key = base + suffix(n++);
    next.set(base, n);
    used.add(key);
    return key;
  };
  // Bases in a fixed order too: a suffixed key that is another paper's base (or another base's suffixed key) is skipped.
  for (const base of [...groups.keys()].sort()) {
    const [first, ...rest] = groups.get(base)!.sort(bySave);
    keyOf.set(first!, base);
    for (const saved of rest) keyOf.set(saved, suffixed(base));
  }
  const inFile = new Set<string>();
  return papers.map((saved) => {
    let key = keyOf.get(saved)!;
    if (inFile.has(key)) key = suffixed(baseKey(saved));
    inFile.add(key);
    return key;
  });
}
