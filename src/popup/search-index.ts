// Full-text search over the reading list with MiniSearch: title, authors, abstract, tags and note.
// Kept up to date by diffing each new list against what was indexed, so one edit re-indexes one paper.
import MiniSearch, { type SearchOptions } from 'minisearch';
import type { SavedPaper } from '../storage/schema';

const FIELDS = ['title', 'authors', 'abstract', 'tags', 'note'] as const;
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
  }
}

/** Lowercase and strip accents, so "schölkopf" finds "Schölkopf" and "scholkopf" does too. */
function processTerm(term: string): string {
  return term.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

export const SEARCH_OPTIONS: SearchOptions = {
  combineWith: 'AND',
  // Prefix-match the word being typed (the last); earlier words are complete, and expanding them is slow. One or
  // two letters are matched as whole words only: as prefixes they match most of a 10,000-paper list and cost
  // 0.5-1 s a keystroke ("tr" expands to hundreds of words), for results nobody reads.
  prefix: (term, i, terms) => i === terms.length - 1 && term.length >= 3,
  // Fuzzy matching of very short terms matches nearly everything and is slow at 10,000 papers.
  fuzzy: (term) => (term.length >= 5 ? 0.2 : false),
  boost: { title: 3, authors: 2, tags: 2, note: 1.5 },
};

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
    for (const hit of this.mini.search(text)) scores.set(String(hit.id), hit.score);
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
