// Citation keys (BibTeX labels): `vaswani2017attention`, the Google Scholar / arXiv style, unique per export.
import type { SavedPaper } from '../../storage/schema';
import { splitName, yearOf } from './csl';

const FOLD: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ð: 'd', þ: 'th', ı: 'i' };
const STOP_WORDS = new Set(['a', 'an', 'the', 'on', 'of', 'in', 'for', 'to', 'and', 'with', 'from', 'at', 'by', 'via', 'is', 'are']);

/** Lowercase ASCII letters and digits only: accents dropped (ü → u), other scripts removed. */
export function asciiWord(text: string): string {
  return text
    .toLowerCase()
    .replace(/[ßæœøłđðþı]/g, (c) => FOLD[c]!)
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

function firstTitleWord(title: string): string {
  const plain = title.replace(/\$[^$]*\$/g, ' ').replace(/\\[A-Za-z]+/g, ' ');
  for (const word of plain.split(/[^\p{L}\p{N}]+/u)) {
    const ascii = asciiWord(word);
    if (ascii && !STOP_WORDS.has(ascii)) return ascii;
  }
  return '';
}

/** The key a paper would get alone: first author's family name, year, first significant title word. */
export function baseKey(saved: SavedPaper): string {
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

/** One key per paper, in order; later papers with a taken key get a, b, …, z, aa, … appended. */
export function citationKeys(papers: readonly SavedPaper[]): string[] {
  const used = new Set<string>();
  const next = new Map<string, number>();
  return papers.map((saved) => {
    const base = baseKey(saved);
    let key = base;
    let n = next.get(base) ?? 1;
    while (used.has(key)) key = base + suffix(n++);
    next.set(base, n);
    used.add(key);
    return key;
  });
}
