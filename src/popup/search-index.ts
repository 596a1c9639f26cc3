// Full-text search over the reading list with MiniSearch: title, authors, abstract, tags, note, venue and the site's
// categories (arXiv's cs.CL, Hugging Face's keywords), and the paper's ids (its own, its aliases, its DOI), so a
// pasted arXiv id or DOI finds it.
// Kept up to date by diffing each new list against what was indexed, so one edit re-indexes one paper.
import MiniSearch, { type Query, type SearchOptions } from 'minisearch';
import type { SavedPaper } from '../storage/schema';
import { escapeRegExp } from '../core/escape-regexp';
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
  // Two typos in a word at most (MiniSearch allows six: three in a word of 13 letters, "progressively", whose
  // expansion over the index took 8 ms of a pasted abstract's search). A third is another word more often than a typo.
  maxFuzzy: 2,
  boost: { title: 3, authors: 2, tags: 2, note: 1.5 },
};

/** The short fields: few words per paper, so expanding a prefix over them is cheap. */
const SHORT_FIELDS: Field[] = ['title', 'authors', 'tags', 'note', 'venue'];
/**
 * Words between spaces and punctuation, as MiniSearch's own tokenizer splits them (its SPACE_OR_PUNCTUATION), and
 * between tabs too, which it keeps inside a word: a note pasted from a table ("ImageNet<tab>84.2<tab>ours") was one word,
 * and neither "84.2" nor "ours" found it.
 */
const SPACE_OR_PUNCTUATION = /[\s\p{Z}\p{P}]+/u;
const byPunctuation = (text: string): string[] => text.split(SPACE_OR_PUNCTUATION);

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

/** Whether the typed text has a word to search for (punctuation alone has none, and would match nothing). */
export function hasSearchTerms(text: string): boolean {
  return tokenize(text).some(Boolean);
}

/**
 * The longest word forgiven a typo: MiniSearch compares a word with the index's in a table of its length squared
 * (fuzzySearch.ts), 100 MB for a pasted word of 10,000 letters, a RangeError from ~50,000; no word is this long.
 */
const FUZZY_MAX = 64;

/**
 * The query for typed text (issue #7: a keystroke must cost little at 10,000 papers). Every word must match (AND),
 * in any field. The word being typed (the last) matches as a prefix: in title, authors, tags and note from its 3rd
 * letter, or its 1st after another word (it is looked for among that word's papers only, PaperIndex.hitsOf: "graph n"
 * showed no paper until "graph neu", as no paper has the word "n"); in abstracts only from its 5th, because the
 * abstracts' vocabulary is most of the index and expanding "tra" over it (to train, training, transfer, transformer,
 * …) took 30-90 ms a keystroke for thousands of hits nobody reads; by "trans" the expansion is small. A first word of
 * one or two letters matches whole words only. Typos are forgiven (fuzzy) from 5 letters in the short fields; in
 * abstracts that would be slow and match too much.
 */
export function searchQuery(text: string | WordQuery): Query {
  return { combineWith: 'AND', queries: termQueries(text) };
}

/** What searchQuery asks for, a query per word (each must match): the words typed, then the phrases' words. */
function termQueries(text: string | WordQuery): Query[] {
  const { words, phrases, typing } = typeof text === 'string' ? { words: text, phrases: [], typing: true } : text;
  const terms = tokenize(words).filter(Boolean);
  const typed = (last: boolean, before: number) => (!last ? false : before ? 'after' : 'first');
  // A word typed after a phrase (`"graph neural" n`) is typed after its words, and asked for after them, among their
  // papers (PaperIndex.allWords): as the first word asked, "n" matched the whole word only, and the list emptied
  // until "net". No phrase is open then (an open one runs to the end of the box), so none is typed.
  const after = typing && phrases.length ? phrases.reduce((n, phrase) => n + tokenize(phrase.text).filter(Boolean).length, 0) : 0;
  const wordQueries = terms.map((term, i) => termQuery(term, typed(typing && i === terms.length - 1, after + i), term.length >= 5 && term.length <= FUZZY_MAX ? 0.2 : false));
  // A phrase's words exactly (no typo, no longer word), but the one being typed in a phrase still open: fewer hits
  // for its test to check, and a phrase of one word needs none.
  const phraseQueries = phrases.flatMap((phrase) => {
    const words = tokenize(phrase.text).filter(Boolean);
    return words.map((term, i) => termQuery(term, typed(i === words.length - 1 && typedLast(phrase), terms.length + i), false));
  });
  return after ? [...phraseQueries, ...wordQueries] : [...wordQueries, ...phraseQueries];
}

/** A word being typed, the query's first or after another; or not (false). */
type Typed = 'first' | 'after' | false;

function termQuery(term: string, typed: Typed, fuzzy: number | false): Query {
  return {
    combineWith: 'OR',
    queries: [
      { queries: [term], fields: SHORT_FIELDS, prefix: typed !== false && (typed === 'after' || term.length >= 3), fuzzy },
      { queries: [term], fields: ['abstract'], prefix: typed !== false && term.length >= 5, fuzzy: false },
      // Ids exactly (2601.00001 is not 2601.00002), the one being typed as a prefix from its 4th character.
      { queries: [term], fields: ['ids'], prefix: typed !== false && term.length >= 4, fuzzy: false },
    ],
  };
}

/** The most words whose hits the index keeps for the next searches (PaperIndex.hitsOf). */
const KEPT_WORDS = 24;

/** The word a termQuery asks for, as the index keeps words: MiniSearch's quality counts the different ones. */
const termOf = (query: Query): string => processTerm(((query as { queries: { queries: string[] }[] }).queries[0]!.queries[0])!);

/** A phrase's last word is being typed: its quote is still open, and a letter (not a space) was typed last. */
const typedLast = ({ text, open }: Phrase) => open && /[\p{L}\p{N}]$/u.test(text);

/** What the box asks the index for (search-syntax.ts parseSearch): words, and quoted phrases. */
export interface WordQuery {
  /** The words outside quotes. */
  words: string;
  phrases: readonly Phrase[];
  /** The last of `words` is being typed (no phrase after it), and matches as a prefix. */
  typing: boolean;
}

/** A quoted phrase (search-syntax.ts): its words next to each other, in this order, within one field. */
export interface Phrase {
  /** As typed between the quotes. */
  text: string;
  /** No closing quote yet: the word it ends with is being typed, and is found as a prefix (as the box's last word is). */
  open: boolean;
}

/** Where the index's words split (SPACE_OR_PUNCTUATION): any spacing or punctuation between two words. */
const SPACING = String.raw`\s\p{Z}\p{P}`;
const UNSPACED_CLASS = String.raw`\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u30fc`;
/** A phrase's words, and each character of Chinese and Japanese (a word to the index as part of its pairs). */
const PHRASE_WORD = new RegExp(`[${UNSPACED_CLASS}]|[^${SPACING}${UNSPACED_CLASS}]+`, 'gu');
/** Fields are joined by this: no word has it, nor the spacing between words, so a phrase never runs across two. */
const FIELD_END = '\0';
/** A letter of a word (not a field's end, spacing, nor Chinese or Japanese): none may stand right before a phrase or after it. */
const EDGE = `[^${FIELD_END}${SPACING}${UNSPACED_CLASS}]`;

/**
 * A paper's fields as a phrase is looked for in them, folded (core/fold.ts) as its words are indexed: each author, tag
 * and category a field of its own (a phrase does not run from one name into the next). Kept per record object, as long
 * as it is (every write makes new ones), made when a search first checks a phrase in that paper: ~8 µs a paper, then
 * a phrase's test ~2 µs.
 */
const phraseFields = new WeakMap<SavedPaper, string>();
function phraseFieldsOf(saved: SavedPaper): string {
  let text = phraseFields.get(saved);
  if (text === undefined) {
    const { paper } = saved;
    const fields = [
      paper.title,
      ...paper.authors,
      paper.abstract ?? '',
      ...saved.tags,
      saved.note,
      paper.venue ?? '',
      ...(Array.isArray(paper.categories) ? paper.categories : []),
      fieldText(saved, 'ids'),
    ];
    phraseFields.set(saved, (text = foldText(fields.join(FIELD_END))));
  }
  return text;
}

const isUnspaced = (word: string) => UNSPACED.test(word);

/**
 * A phrase as a test of a paper's fields: its words (folded) in order, any spacing or punctuation between them (none
 * needed next to Chinese or Japanese), whole words (`"rl"` is not "rlhf"), but the last as a start while the quote is
 * open and it ends in a letter being typed. Null when it has no word (`""`, `"--"`): it asks nothing.
 */
export function phraseTest({ text, open }: Phrase): RegExp | null {
  const words = foldText(text).match(PHRASE_WORD);
  if (!words) return null;
  let source = isUnspaced(words[0]!) ? '' : `(?<!${EDGE})`;
  words.forEach((word, i) => {
    if (i > 0) source += `[${SPACING}]${isUnspaced(word) || isUnspaced(words[i - 1]!) ? '*' : '+'}`;
    source += escapeRegExp(word);
  });
  const last = words.at(-1)!;
  if (!isUnspaced(last) && !typedLast({ text, open })) source += `(?!${EDGE})`;
  return new RegExp(source, 'u');
}

/** Whether every phrase (as phraseTest makes it) occurs in the paper. */
export function hasPhrases(saved: SavedPaper, tests: readonly RegExp[]): boolean {
  const fields = phraseFieldsOf(saved);
  return tests.every((test) => test.test(fields));
}

function sameSearchText(a: SavedPaper, b: SavedPaper): boolean {
  return a === b || FIELDS.every((field) => fieldText(a, field) === fieldText(b, field));
}

export interface IndexDiff {
  add: SavedPaper[];
  discard: string[];
}

/** A word's hits among some papers (`among`), or among all (null). */
interface KeptHits {
  hits: Map<string, number>;
  among: ReadonlySet<string> | null;
}

/** Whether every paper of `some` is one of `all`. */
function everyIn(some: ReadonlyMap<string, unknown>, all: ReadonlySet<string>): boolean {
  for (const id of some.keys()) if (!all.has(id)) return false;
  return true;
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
  /**
   * The words searched for last (KEPT_WORDS at most, the least recently asked first), each with its papers and scores
   * (termHits): a keystroke changes one word, and the others are not searched again, nor the words a minus leaves out,
   * which are searched apart between the keystroke's. Emptied when the index changes.
   */
  private readonly wordHits = new Map<string, KeptHits>();

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

  /**
   * Scores by paper id for typed words; higher is better. With phrases, only the hits they occur in: their words find
   * the candidates, so checking costs per hit, not per paper; a phrase of one word is its word found exactly.
   */
  search(query: string | WordQuery): Map<string, number> {
    const scores = new Map<string, number>();
    const phrases = typeof query === 'string' ? [] : query.phrases;
    const tests = phrases.filter((phrase) => tokenize(phrase.text).filter(Boolean).length > 1).map(phraseTest).filter((test) => test !== null);
    for (const [id, score] of this.allWords(query)) {
      if (tests.length && !hasPhrases(this.indexed.get(id)!, tests)) continue;
      scores.set(id, score);
    }
    return scores;
  }

  /**
   * The papers every word matches, scored as MiniSearch scores searchQuery (the sum of each word's score, times the
   * number of different words: its AND and its quality), in no order (the list sorts by score), but one word at a
   * time, each among the papers the words before it left (hitsOf): a word searched for lately is not searched again,
   * and once no paper is left the words after are not searched at all. A word scored among all papers costs a pass over
   * those it is in (2-16 ms at 10,000 papers), and every keystroke searched all of them: a query of ten words ~60 ms a
   * keystroke, a pasted BibTeX entry with its abstract ~1 s.
   */
  private allWords(query: string | WordQuery): Map<string, number> {
    const different = new Set<string>();
    let left: Map<string, number> | null = null;
    const asked = new Set<string>();
    for (const term of termQueries(query)) {
      const hits = this.hitsOf(term, left, asked);
      different.add(termOf(term));
      if (left === null) left = new Map(hits);
      else for (const [id, score] of left) {
        const more = hits.get(id);
        if (more === undefined) left.delete(id);
        else left.set(id, score + more);
      }
      if (!left.size) break;
    }
    if (left) for (const [id, score] of left) left.set(id, score * different.size);
    return left ?? new Map();
  }

  /**
   * One word's hits among the papers every word before it matched (`among`; all papers for the first word), kept among
   * the KEPT_WORDS asked for last. A query typed word by word is short; a long one is pasted whole, and its words' hits
   * (thousands of papers each for a common word) are not all kept for a keystroke that will not come.
   * After the first word, only the papers the words before it left are scored: MiniSearch skips a paper its
   * boostDocument gives 0 before scoring it, and a common word is in thousands (a pasted abstract's 150 words took
   * ~700 ms at 10,000 papers, now ~50). Hits found among some papers serve any search among fewer of them: the next
   * keystroke, a word said twice. Each keeps the ids it was found among (24 sets of 10,000 ids at most: ~8 MB).
   */
  private hitsOf(term: Query, among: ReadonlyMap<string, number> | null, asked: Set<string>): Map<string, number> {
    const key = JSON.stringify(term);
    asked.add(key);
    let kept = this.wordHits.get(key);
    if (kept && (kept.among === null || (among !== null && among.size <= kept.among.size && everyIn(among, kept.among)))) {
      this.wordHits.delete(key); // asked again: the most recent
    } else if (among === null) {
      kept = { hits: this.termHits(term), among: null };
    } else {
      kept = { hits: this.termHits(term, (id) => (among.has(String(id)) ? 1 : 0)), among: new Set(among.keys()) };
    }
    this.wordHits.set(key, kept);
    // Full: the least recently asked goes, but not a word this search asked (`asked`): a query of more words than are
    // kept, typed, asked each in turn at every keystroke, and each pushed out the next to be asked (none was ever kept
    // for it). This one goes instead, once the search's own words fill the place.
    if (this.wordHits.size > KEPT_WORDS) this.wordHits.delete([...this.wordHits.keys()].find((kept) => !asked.has(kept)) ?? key);
    return kept.hits;
  }

  /** One word's papers and their scores (a query of one word: MiniSearch's quality is 1), those boostDocument keeps. */
  private termHits(term: Query, boostDocument?: SearchOptions['boostDocument']): Map<string, number> {
    return new Map(this.mini.search(term, boostDocument && { boostDocument }).map((hit) => [String(hit.id), hit.score]));
  }

  private discard(ids: readonly string[]): void {
    if (ids.length) this.wordHits.clear();
    for (const id of ids) {
      if (!this.indexed.delete(id)) continue;
      this.mini.discard(id);
    }
  }

  private add(papers: readonly SavedPaper[]): void {
    if (papers.length) this.wordHits.clear();
    for (const saved of papers) {
      // A paper listed twice in one batch would make MiniSearch throw on the duplicate id.
      if (this.indexed.has(saved.id)) this.discard([saved.id]);
      this.mini.add(saved);
      this.indexed.set(saved.id, saved);
    }
  }
}
