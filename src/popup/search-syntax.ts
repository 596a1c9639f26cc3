// What the popup's and the library's search box reads besides words: qualifiers such as `tag:rl`, `status:done`,
// `author:lecun`, `year:2020-2023`, `saved:7d`, `site:arxiv`, `venue:neurips`, `cat:cs.cl`, `has:code`, each left out with `-` before it (`-status:done`),
// a value with spaces in quotes (`author:"yann lecun"`), a quoted phrase (`"graph neural networks"`, `-"…"`). Words go
// to the full-text search (search-index.ts); each qualifier is a test every paper shown must pass, as the filter bar's
// are. Pure; shared by both pages.
//
// Only these keys are qualifiers: `arXiv:2401.12345`, `doi:10.1145/…` and `https://…` stay words (the ids search
// and the typed paper read them). A qualifier with nothing after it yet (`tag:`) is being typed and asks nothing; one
// whose value is no status, site, year or time says why under the box and asks nothing either.
import { lookupKeys, nameFamily, nameParts, sameAuthor, sameFamily, type Family, type NameParts } from '../core/authors';
import { hasTag, tagKey } from '../core/tags/same-tag';
import { foldText } from '../core/fold';
import type { SavedPaper } from '../storage/schema';
import { READING_STATUSES, type ReadingStatus } from '../storage/status';
import { SITE_IDS, siteName } from './format';
import { hasCode, type PaperTest } from './list-query';
import { hasSearchTerms, type Phrase, type WordQuery } from './search-index';

export type QualifierKey = 'tag' | 'status' | 'author' | 'year' | 'saved' | 'site' | 'venue' | 'category' | 'has';

/** The keys the box reads, with their other spellings (`is:done`, `by:hinton`). */
const KEYS: Record<string, QualifierKey> = {
  tag: 'tag',
  status: 'status',
  is: 'status',
  author: 'author',
  by: 'author',
  year: 'year',
  saved: 'saved',
  site: 'site',
  venue: 'venue',
  cat: 'category',
  category: 'category',
  has: 'has',
};

export interface Qualifier {
  key: QualifierKey;
  /** As typed, the quotes taken off and the spaces trimmed. */
  value: string;
  /** `-` before it: papers that do not pass. */
  negated: boolean;
  /** The qualifier as typed, for messages (`-status:dnoe`). */
  raw: string;
}

export interface ParsedSearch {
  /** The words for the full-text search, or '' when there are none worth searching for (see searchWords). */
  text: string;
  qualifiers: Qualifier[];
  /** Words with a minus before them (`-survey`): the papers the full-text search finds by any one of them are left out. */
  excluded: string[];
  /**
   * The words and phrases for the index (search-index.ts), null when `text` is '': `text` but its quoted phrases
   * (`"graph neural networks"`) apart, a paper shown having each as a phrase (their words are among `text`).
   */
  query: WordQuery | null;
  /** Quoted phrases with a minus before them (`-"large language models"`): the papers that have one are left out. */
  excludedPhrases: Phrase[];
}

// A qualifier (`-key:value`, `key:"value with spaces"`, the closing quote optional while it is typed), a quoted
// phrase, a minus before it or not (`"graph neural networks"`, `-"large language models"`; its closing quote, too,
// optional while it is typed: an unclosed one runs to the end of the box, as a qualifier's value does), else a word.
const TOKEN = /\s*(?:(-?)([a-z]+):(?:"([^"]*)"?|(\S*))|(-?)"([^"]*)("?)|(\S+))/iy;

/**
 * What is searched for among the words: one character would match nearly every paper by prefix, so search from two;
 * and only text with a word in it (".*" or "--" alone would be a search for nothing, and hide the whole list).
 */
export function searchWords(words: string): string {
  const text = words.trim();
  // A phrase's opening quote is no letter: `"g` is one letter typed (it was searched for as the whole word "g", and
  // emptied the list, at the start of every phrase typed; `-"a` left out every paper with the word "a").
  const typed = text.replace(/^"/, '');
  // Characters, not UTF-16 units: an emoji or a Han character beyond the BMP (𠮷) alone is one (it was searched for, exactly,
  // and emptied the list, where 吉 alone asks nothing).
  return typed.length >= 2 && !/^[\ud800-\udbff][\udc00-\udfff]$/.test(typed) && hasSearchTerms(text) ? text : '';
}

export function parseSearch(typed: string): ParsedSearch {
  const words: string[] = [];
  const qualifiers: Qualifier[] = [];
  const excluded: string[] = [];
  const phrases: Phrase[] = [];
  const excludedPhrases: Phrase[] = [];
  /** The words outside quotes, and whether a phrase came after the last of them (it is no longer being typed). */
  const plain: string[] = [];
  let typing = true;
  // A tab (pasted with a title from a table or a PDF) is a space: within quotes, where it was kept, the index's words and
  // a phrase's test split only at spaces and punctuation, and the phrase was one word that nothing has.
  const spaced = typed.replace(/\s/g, ' ');
  TOKEN.lastIndex = 0;
  for (let match = TOKEN.exec(spaced); match && match[0].trim(); match = TOKEN.exec(spaced)) {
    const raw = match[0].trim();
    const key = match[2] === undefined ? undefined : KEYS[match[2].toLowerCase()];
    if (key) qualifiers.push({ key, value: (match[3] ?? match[4] ?? '').trim(), negated: match[1] === '-', raw });
    else if (match[6] !== undefined) {
      // A phrase: its words next to each other, in order, in one field (search-index.ts Phrase). They were found
      // anywhere in the paper; a minus left out every paper with all of them, "large", "language" and "models" apart.
      const phrase: Phrase = { text: match[6], open: match[7] !== '"' };
      const negated = match[5] === '-';
      if (negated) {
        // One letter yet asks nothing, as a word of one letter does.
        if (searchWords(raw.slice(1))) excludedPhrases.push(phrase);
      } else {
        // Its words are searched for as they were (a pasted reference's quoted title among the others), then each hit
        // is checked for the phrase.
        words.push(...raw.split(/\s+/));
        if (hasSearchTerms(phrase.text)) {
          phrases.push(phrase);
          typing = false;
        }
      }
    }
    // A minus before a word leaves it out, as before a qualifier (the word was searched for: `-survey` showed the
    // surveys alone); one letter yet asks nothing, as a word of one letter does.
    else if (/^-[\p{L}\p{N}]/u.test(raw)) {
      const word = searchWords(raw.slice(1));
      if (word) excluded.push(word);
    } else {
      words.push(raw);
      plain.push(raw);
      typing = true;
    }
  }
  const text = searchWords(words.join(' '));
  // No words to search (one letter): no phrase to check either.
  const query = text ? { words: plain.join(' '), phrases, typing } : null;
  return { text, qualifiers, excluded, query, excludedPhrases };
}

/** The list's papers, and its own tags and sites, which qualifiers name; `now`, what `saved:7d` counts back from. */
export interface SearchContext {
  papers: readonly SavedPaper[];
  tags: readonly string[];
  sites: readonly string[];
  now?: number;
}

export interface CompiledSearch {
  /** What every paper shown must pass; null when no qualifier asks anything. */
  test: PaperTest | null;
  /** Why a qualifier asks nothing, or finds nothing, in words for the reader (shown under the box). */
  problems: string[];
}

type Compiled = { test: PaperTest; problem?: string } | { test?: undefined; problem?: string };

/** Folded (core/fold.ts), everything but letters and digits dropped: `Hugging Face` is `huggingface`. */
const fold = (text: string) => foldText(text).replace(/[^\p{L}\p{N}]+/gu, '');

/**
 * The one name a typed value means among `names` (each a list of spellings, folded): a spelling it is, else the one
 * name it is the start of. 'partial' when it starts several (still being typed), null when it starts none.
 */
function choose<T>(value: string, names: readonly (readonly [T, readonly string[]])[]): T | 'partial' | null {
  const typed = fold(value);
  const exact = names.find(([, spellings]) => spellings.includes(typed));
  if (exact) return exact[0];
  const started = names.filter(([, spellings]) => spellings.some((spelling) => spelling.startsWith(typed)));
  return started.length === 1 ? started[0]![0] : started.length > 1 ? 'partial' : null;
}

const STATUS_NAMES: readonly (readonly [ReadingStatus, readonly string[]])[] = [
  ['to-read', ['toread', 'unread', 'todo']],
  ['reading', ['reading']],
  ['done', ['done', 'read', 'finished']],
];

const HAS: readonly (readonly [string, readonly string[]])[] = [
  ['code', ['code', 'repo', 'github']],
  ['note', ['note', 'notes']],
  ['tags', ['tag', 'tags']],
];
const HAS_TESTS: Record<string, PaperTest> = {
  code: hasCode,
  note: (saved) => saved.note.trim() !== '',
  tags: (saved) => saved.tags.length > 0,
};

const quote = (text: string) => `“${text}”`;
const YEAR_FORMS = 'a year is written 2024, 2020-2023, >2022 or <2020';
/** A year (or a range's second year) of fewer than four digits yet: still being typed. */
const YEAR_TYPED = /^(?:[<>]=?)?\d{0,3}$|^\d{4}(?:-|\.\.?)\d{0,3}$/;

/** A year's range from `2024`, `2020-2023` (or `2020..2023`), `2020-` (and after), `>2022`, `>=2022`, `<2020`, `<=2020`. */
export function yearRange(value: string): [from: number, to: number] | null {
  const single = /^(\d{4})$/.exec(value);
  if (single) return [Number(single[1]), Number(single[1])];
  const span = /^(\d{4})(?:-|\.\.)(\d{4})?$/.exec(value);
  if (span) {
    const from = Number(span[1]);
    const to = span[2] === undefined ? Infinity : Number(span[2]);
    return from <= to ? [from, to] : [to, from];
  }
  const bound = /^([<>]=?)(\d{4})$/.exec(value);
  if (!bound) return null;
  const year = Number(bound[2]);
  switch (bound[1]) {
    case '>':
      return [year + 1, Infinity];
    case '>=':
      return [year, Infinity];
    case '<':
      return [-Infinity, year - 1];
    default:
      return [-Infinity, year];
  }
}

const DAY_MS = 86_400_000;
const SPAN_DAYS: Record<string, number> = { d: 1, w: 7, m: 30, y: 365 };
const SAVED_FORMS = 'a time is written 7d, 2w, 3m, 1y, today, 2026-11, 2026-11-28, >2026-11-01 or 2026-11-01..2026-11-15';
/** A number without its unit yet, a date of fewer digits than a day's, a range or bound not yet ended: being typed. */
const SAVED_TYPED = /^(?:\d+|(?:[<>]=?|[\d-]+\.\.?)?\d{0,4}(?:-\d{0,2}){0,2}|t|to|tod|toda)$/i;

/** The local calendar year, month or day a date names, as [start, end) in ms; null when it is no such date. */
function localPeriod(value: string): [start: number, end: number] | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(value);
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), m[2] === undefined ? null : Number(m[2]) - 1, m[3] === undefined ? null : Number(m[3])];
  if (month !== null && (month < 0 || month > 11)) return null;
  const start = new Date(year, month ?? 0, day ?? 1);
  // 2026-02-30 is no day: the Date would roll it over to March.
  if (day !== null && (start.getMonth() !== month || day < 1)) return null;
  const end = day !== null ? new Date(year, month!, day + 1) : month !== null ? new Date(year, month + 1, 1) : new Date(year + 1, 0, 1);
  return [start.getTime(), end.getTime()];
}

/**
 * When the papers `saved:` asks for were saved, as [from, to) in ms: the last 7 days (`7d`; `w`eeks, `m`onths of 30
 * days, `y`ears of 365), `today`, a local year, month or day (`2026`, `2026-11`, `2026-11-28`), after or before one
 * (`>2026-11-01`, `>=`, `<`, `<=`), or a span of them (`2026-11-01..2026-11-15`, both included). Null: none of these.
 */
export function savedRange(value: string, now: number): [from: number, to: number] | null {
  const span = /^(\d+)([dwmy])$/i.exec(value);
  if (span) return [now - Number(span[1]) * SPAN_DAYS[span[2]!.toLowerCase()]! * DAY_MS, Infinity];
  if (/^today$/i.test(value)) {
    const today = new Date(now);
    return [new Date(today.getFullYear(), today.getMonth(), today.getDate()).getTime(), Infinity];
  }
  const period = localPeriod(value);
  if (period) return period;
  const range = /^([\d-]+)\.\.([\d-]+)$/.exec(value);
  if (range) {
    const [a, b] = [localPeriod(range[1]!), localPeriod(range[2]!)];
    return a && b ? [Math.min(a[0], b[0]), Math.max(a[1], b[1])] : null;
  }
  const bound = /^([<>]=?)([\d-]+)$/.exec(value);
  const date = bound && localPeriod(bound[2]!);
  if (!bound || !date) return null;
  switch (bound[1]) {
    case '>':
      return [date[1], Infinity];
    case '>=':
      return [date[0], Infinity];
    case '<':
      return [-Infinity, date[0]];
    default:
      return [-Infinity, date[1]];
  }
}

const SITE_ALIASES: Record<string, string[]> = { huggingface: ['hf'], semanticscholar: ['s2'] };

/**
 * A venue folded from each of its words on ("NAACL-HLT 2024": naaclhlt2024, hlt2024, 2024), so `venue:` finds the
 * words it names wherever they stand, `venue:"ICML 2024"` and `venue:icml2024` alike, but not the inside of a word:
 * `venue:acl`, searched for anywhere in the folded venue, found NAACL, EACL and AACL papers too.
 */
function venueSuffixes(venue: string): string[] {
  const words = foldText(venue).split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  return words.map((_, i) => words.slice(i).join(''));
}

/** Each venue's and category's folded form, kept while its record is (every write makes new objects). */
const foldedVenues = new WeakMap<object, string[]>();
const foldedCategories = new WeakMap<readonly string[], string[]>();
function venueOf(saved: SavedPaper): readonly string[] {
  let venue = foldedVenues.get(saved.paper);
  if (venue === undefined) foldedVenues.set(saved.paper, (venue = saved.paper.venue ? venueSuffixes(saved.paper.venue) : []));
  return venue;
}
function categoriesOf(saved: SavedPaper): readonly string[] {
  const categories = saved.paper.categories;
  if (!Array.isArray(categories)) return [];
  let folded = foldedCategories.get(categories);
  if (!folded) foldedCategories.set(categories, (folded = categories.map(fold)));
  return folded;
}


/**
 * Each author's family keys, and their name's parts once a qualifier read them, per author list (kept while the
 * record is: a list's arrays outlive its snapshots).
 */
interface AuthorKeys {
  families: readonly (Family | null)[];
  parts: (NameParts | null | undefined)[];
}
const authorKeys = new WeakMap<readonly string[], AuthorKeys>();
function keysOf(authors: readonly string[]): AuthorKeys {
  let keys = authorKeys.get(authors);
  if (!keys) authorKeys.set(authors, (keys = { families: authors.map(nameFamily), parts: [] }));
  return keys;
}

/**
 * The papers of a list by their authors' family keys (core/authors.ts lookupKeys), with the author's place, made once
 * per list and as far as `done`: an author qualifier reads the papers of that family alone, so at 10,000 papers a
 * keystroke of `author:…` costs a few ms, where testing every paper's every name cost ~30.
 */
interface AuthorIndex {
  byFamily: Map<string, { saved: SavedPaper; at: number }[]>;
  done: number;
}
const authorIndexes = new WeakMap<readonly SavedPaper[], AuthorIndex>();

function authorIndex(papers: readonly SavedPaper[], upTo = papers.length): AuthorIndex {
  let index = authorIndexes.get(papers);
  if (!index) authorIndexes.set(papers, (index = { byFamily: new Map(), done: 0 }));
  for (; index.done < Math.min(upTo, papers.length); index.done++) {
    const saved = papers[index.done]!;
    keysOf(saved.paper.authors).families.forEach((family, at) => {
      for (const key of family ? lookupKeys(family) : []) {
        const list = index!.byFamily.get(key);
        if (list) list.push({ saved, at });
        else index!.byFamily.set(key, [{ saved, at }]);
      }
    });
  }
  return index;
}

/**
 * Makes the list's author index ahead, a slice at a time between pauses, until `live()` says to stop: the list view
 * starts it as soon as an author qualifier is typed (`author:`), so the keystrokes of its name find it made.
 */
export async function prepareAuthorSearch(papers: readonly SavedPaper[], pause: () => Promise<void>, live: () => boolean, slice = 1000): Promise<void> {
  for (let upTo = slice; live(); upTo += slice) {
    if (authorIndex(papers, upTo).done >= papers.length) return;
    await pause();
  }
}

/** The list's papers with an author who is `wanted` (core/authors.ts sameAuthor). */
function byAuthor(papers: readonly SavedPaper[], wanted: NameParts): Set<SavedPaper> {
  const found = new Set<SavedPaper>();
  const { byFamily } = authorIndex(papers);
  for (const key of lookupKeys(wanted)) {
    for (const { saved, at } of byFamily.get(key) ?? []) {
      if (found.has(saved)) continue;
      const keys = keysOf(saved.paper.authors);
      if (!sameFamily(keys.families[at]!, wanted)) continue;
      if (wanted.given.length) {
        // A family name alone finds every author of that name; given names are read only here, once.
        const parts = keys.parts[at] === undefined ? (keys.parts[at] = nameParts(saved.paper.authors[at]!)) : keys.parts[at];
        if (!parts || !sameAuthor(wanted, parts)) continue;
      }
      found.add(saved);
    }
  }
  return found;
}

function compileOne({ key, value, raw }: Qualifier, context: SearchContext): Compiled {
  switch (key) {
    case 'tag': {
      // One space between its words, as a tag is kept (tag-input.ts): `tag:"graph  nets"` is the tag "graph nets".
      const wanted = value.replace(/ +/g, ' ');
      const test: PaperTest = (saved) => hasTag(saved.tags, wanted);
      if (context.tags.some((tag) => tagKey(tag) === tagKey(wanted))) return { test };
      const like = context.tags.filter((tag) => tagKey(tag).startsWith(tagKey(wanted))).slice(0, 3);
      return { test, problem: `No paper has the tag ${quote(wanted)}${like.length ? `; tags that begin so: ${like.map(quote).join(', ')}` : ''}.` };
    }
    case 'status': {
      const status = choose(value, STATUS_NAMES.map(([id, spellings]) => [id, [fold(id), ...spellings]] as const));
      if (status === 'partial') return {};
      if (!status) return { problem: `${quote(raw)}: a status is ${READING_STATUSES.join(', ').replace(/, (?=[^,]*$)/, ' or ')}.` };
      return { test: (saved) => saved.status === status };
    }
    case 'has': {
      const what = choose(value, HAS);
      if (what === 'partial') return {};
      if (!what) return { problem: `${quote(raw)}: has: takes code, note or tags.` };
      return { test: HAS_TESTS[what]! };
    }
    case 'year': {
      const range = yearRange(value.replace(/\s+/g, ''));
      if (!range) return YEAR_TYPED.test(value) ? {} : { problem: `${quote(raw)}: ${YEAR_FORMS}.` };
      const [from, to] = range;
      return {
        test: (saved) => {
          const year = saved.paper.published ? Number(saved.paper.published.slice(0, 4)) : NaN;
          return year >= from && year <= to;
        },
      };
    }
    case 'saved': {
      const range = savedRange(value.replace(/\s+/g, ''), context.now ?? Date.now());
      // A month or day written whole (`2026-13`) is no longer being typed.
      if (!range) return SAVED_TYPED.test(value) && !/\d{4}-\d{2}(?:-\d{2})?$/.test(value) ? {} : { problem: `${quote(raw)}: ${SAVED_FORMS}.` };
      const [from, to] = range;
      return { test: (saved) => saved.savedAt >= from && saved.savedAt < to };
    }
    case 'site': {
      const sites = [...new Set([...SITE_IDS, ...context.sites])];
      const site = choose(value, sites.map((id) => [id, [fold(id), fold(siteName(id)), ...(SITE_ALIASES[id] ?? [])]] as const));
      if (site === 'partial') return {};
      if (!site) return { problem: `${quote(raw)}: the list's sites are ${context.sites.join(', ') || 'none yet'}.` };
      return { test: (saved) => saved.paper.source.site === site };
    }
    case 'venue': {
      // Words of the venue as written (`venue:neurips`, `venue:"ICML 2024"`), anywhere in it, from a word's start.
      const typed = fold(value);
      if (!typed) return { problem: `${quote(raw)}: a venue is written as the paper gives it, such as venue:neurips or venue:"ICML 2024".` };
      const test: PaperTest = (saved) => venueOf(saved).some((from) => from.startsWith(typed));
      return context.papers.some(test) ? { test } : { test, problem: `No paper's venue has ${quote(value)}.` };
    }
    case 'category': {
      const typed = fold(value);
      if (!typed) return { problem: `${quote(raw)}: a category is written as the site gives it, such as cat:cs.CL or cat:cs.` };
      const test: PaperTest = (saved) => categoriesOf(saved).some((category) => category.startsWith(typed));
      if (context.papers.some(test)) return { test };
      return { test, problem: `No paper has a category that begins ${quote(value)}.` };
    }
    case 'author': {
      const wanted = nameParts(value);
      if (!wanted) return { problem: `${quote(raw)}: an author is a name, such as author:lecun or author:"yann lecun".` };
      const found = byAuthor(context.papers, wanted);
      return { test: (saved) => found.has(saved) };
    }
  }
}

/** The qualifiers as one test (every one must pass; a negated one must not), and what the reader should be told. */
export function compileSearch(qualifiers: readonly Qualifier[], context: SearchContext): CompiledSearch {
  const tests: PaperTest[] = [];
  const problems: string[] = [];
  for (const qualifier of qualifiers) {
    if (!qualifier.value) continue; // still being typed
    const { test, problem } = compileOne(qualifier, context);
    if (problem) problems.push(problem);
    if (test) tests.push(qualifier.negated ? (saved: SavedPaper) => !test(saved) : test);
  }
  return { test: tests.length ? (saved) => tests.every((test) => test(saved)) : null, problems };
}

/** What the box takes besides words, for its hint and the empty result. */
export const SEARCH_SYNTAX_HELP =
  'Also: "a phrase", tag:, status: (to-read, reading, done), author:, year: (2024, 2020-2023, >2022), saved: (7d, 2026-11), site:, venue:, cat: (cs.CL), has:code, has:note, has:tags; - before one, a word or a phrase leaves those out.';
