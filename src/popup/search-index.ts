// Full-text search over the reading list with MiniSearch: title, authors, abstract, tags, note, venue and the site's
// categories (arXiv's cs.CL, Hugging Face's keywords), and the paper's ids (its own, its aliases, its DOI), so a
// pasted arXiv id or DOI finds it.
// Kept up to date by diffing each new list against what was indexed, so one edit re-indexes one paper.
import MiniSearch, { type Query, type SearchOptions } from 'minisearch';
import type { SavedPaper } from '../storage/schema';
import { foldText } from '../core/fold';

const FIELDS = ['title', 'authors', 'abstract', 'tags', 'note', 'venue', 'ids'] as const;
type Field = (typeof FIELDS)[number];

function fieldText(saved: SavedPaper, field: Field): string {
  switch (field) {
    case 'title':
      return saved.paper.title;
    case 'authors':
      return saved.paper.authors.join(', ');
    case 'abstract':
      return saved.paper.abstract ?? '';
    case 'tags':
      return saved.tags.join(' ');
    case 'note':
      return saved.note;
    case 'venue':
      return [saved.paper.venue ?? '', ...(Array.isArray(saved.paper.categories) ? saved.paper.categories : [])].join(' ');
    case 'ids':
      // The DOI as `doi:…`, as a reader may paste it (the word "doi" must match too).
      return [saved.id, ...(Array.isArray(saved.paper.aliases) ? saved.paper.aliases : []), saved.paper.doi ? `doi:${saved.paper.doi}` : ''].join(' ');
  }
}

/**
 * Folded (core/fold.ts), so "schölkopf" finds "Schölkopf" and "scholkopf" does too, "strasse" "Straße"; an arXiv
 * number's version dropped ("2601.00003v2" is the paper saved as 2601.00003, whose id has none).
 */
function processTerm(term: string): string {
  return foldText(term).replace(/^(\d{4,7})v\d+$/, '$1');
}

export const SEARCH_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  boost: { title: 3, authors: 2, tags: 2, note: 1.5 },
};

/** The short fields: few words per paper, so expanding a prefix over them is cheap. */
const SHORT_FIELDS: Field[] = ['title', 'authors', 'tags', 'note', 'venue'];
const byPunctuation = MiniSearch.getDefault('tokenize') as (text: string) => string[];

/** Chinese and Japanese, written without spaces between words (with the katakana long-vowel mark, which is Common). */
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]/u;
const UNSPACED_RUNS = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+|[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc]+/gu;

/**
 * Words between spaces and punctuation; a run of Chinese or Japanese as its overlapping pairs of characters (as
 * Lucene's CJK analyzer does): a sentence has no spaces, so it was one "word", and "图像分割" did not find the note
 * "本文的图像分割方法" nor "言語モデル" the title "大規模言語モデルの推論". Typed text is split alike, every pair must match.
 */
function tokenize(text: string): string[] {
  const words = byPunctuation(text);
  if (!UNSPACED.test(text)) return words; // nearly every field: one test, then MiniSearch's own words
  return words.flatMap((word) =>
    UNSPACED.test(word)
      ? (word.match(UNSPACED_RUNS) ?? []).flatMap((run) => {
          if (!UNSPACED.test(run)) return [run];
          const chars = [...run];
          return chars.length === 1 ? chars : chars.slice(1).map((char, i) => chars[i]! + char);
        })
      : [word],
  );
}

/**
 * The query for typed text (issue #7: a keystroke must cost little at 10,000 papers). Every word must match (AND),
 * in any field. The word being typed (the last) matches as a prefix: from its 3rd letter in title, authors, tags
 * and note, but in abstracts only from its 5th, because the abstracts' vocabulary is most of the index and
 * expanding "tra" over it (to train, training, transfer, transformer, …) took 30-90 ms a keystroke for thousands of
 * hits nobody reads; by "trans" the expansion is small. One or two letters match whole words only. Typos are
 * forgiven (fuzzy) from 5 letters in the short fields; in abstracts that would be slow and match too much.
 */
/** Whether the typed text has a word to search for (punctuation alone has none, and would match nothing). */
export function hasSearchTerms(text: string): boolean {
  return tokenize(text).some(Boolean);
}

export function searchQuery(text: string): Query {
  const terms = tokenize(text).filter(Boolean);
  return {
    combineWith: 'AND',
    queries: terms.map((term, i): Query => {
      const last = i === terms.length - 1;
      return {
        combineWith: 'OR',
        queries: [
          { queries: [term], fields: SHORT_FIELDS, prefix: last && term.length >= 3, fuzzy: term.length >= 5 ? 0.2 : false },
          { queries: [term], fields: ['abstract'], prefix: last && term.length >= 5, fuzzy: false },
          // Ids exactly (2601.00001 is not 2601.00002), the one being typed as a prefix from its 4th character.
          { queries: [term], fields: ['ids'], prefix: last && term.length >= 4, fuzzy: false },
        ],
      };
    }),
  };
}

function sameSearchText(a: SavedPaper, b: SavedPaper): boolean {
  return a === b || FIELDS.every((field) => fieldText(a, field) === fieldText(b, field));
}

export interface IndexDiff {
  add: SavedPaper[];
  discard: string[];
}

export class PaperIndex {
  private readonly mini = new MiniSearch<SavedPaper>({
    fields: [...FIELDS],
    idField: 'id',
    extractField: (doc, field) => (field === 'id' ? doc.id : fieldText(doc, field as Field)),
    tokenize,
    processTerm,
    searchOptions: SEARCH_OPTIONS,
  });
  /** What each indexed paper looked like when indexed (references, no copies). */
  private readonly indexed = new Map<string, SavedPaper>();

  get size(): number {
    return this.indexed.size;
  }

  /** What to (re-)index and what to drop to match `papers`. A changed paper is in both. */
  diff(papers: readonly SavedPaper[]): IndexDiff {
    const add: SavedPaper[] = [];
    const discard: string[] = [];
    const seen = new Set<string>();
    for (const saved of papers) {
      seen.add(saved.id);
      const old = this.indexed.get(saved.id);
      if (old && sameSearchText(old, saved)) {
        this.indexed.set(saved.id, saved);
        continue;
      }
      if (old) discard.push(saved.id);
      add.push(saved);
    }
    for (const id of this.indexed.keys()) if (!seen.has(id)) discard.push(id);
    return { add, discard };
  }

  /** Apply a diff at once; for large ones see `applyInChunks`. */
  apply(diff: IndexDiff): void {
    this.discard(diff.discard);
    this.add(diff.add);
  }

  /** Apply a diff a chunk at a time, yielding between chunks so the page stays responsive. */
  async applyInChunks(diff: IndexDiff, pause: () => Promise<void>, chunkSize = 250): Promise<void> {
    this.discard(diff.discard);
    for (let start = 0; start < diff.add.length; start += chunkSize) {
      await pause(); // first, so the list renders before any indexing
      this.add(diff.add.slice(start, start + chunkSize));
    }
  }

  /** Scores by paper id for a typed query; higher is better. */
  search(text: string): Map<string, number> {
    const scores = new Map<string, number>();
    for (const hit of this.mini.search(searchQuery(text))) scores.set(String(hit.id), hit.score);
    return scores;
  }

  private discard(ids: readonly string[]): void {
    for (const id of ids) {
      if (!this.indexed.delete(id)) continue;
      this.mini.discard(id);
    }
  }

  private add(papers: readonly SavedPaper[]): void {
    for (const saved of papers) {
      // A paper listed twice in one batch would make MiniSearch throw on the duplicate id.
      if (this.indexed.has(saved.id)) this.discard([saved.id]);
      this.mini.add(saved);
      this.indexed.set(saved.id, saved);
    }
  }
}
