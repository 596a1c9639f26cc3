// Papers saved twice under ids that named nothing of each other stay two records: builds before aliases (schema v8)
// saved a CVPR paper from its CVF page as `cvf:…` and again from dblp by its IEEE DOI as `doi:…`, and one paper
// imported from two BibTeX files under different keys is two `import:` records. Saving cannot merge them on its own (a
// hostile page could join two unrelated records by naming both ids), so the library finds likely duplicates here and
// the reader decides which to merge (merge-duplicates.ts; storage/reading-list.ts mergeRecords writes it). Pure.
import { looseTitleKey } from './export/import';
import { aliasesOf } from './aliases';
import { VENUE_PRECEDENCE, type VenueSite } from './venues';
import { normalizeSpace } from './paper';
import { savedTime } from './merge-duplicates';
import type { SavedPaper } from '../storage/schema';

/**
 * Shortest title (as looseTitleKey keeps it: letters and digits) that groups papers by itself: "Introduction",
 * "Preface" or "Table of contents" name front matter of many proceedings, not one paper. Shorter titles group by id only.
 */
export const MIN_TITLE_KEY = 16;

/** The key two copies of one paper's title share, or '' for a title too short to say (MIN_TITLE_KEY). */
export function duplicateTitleKey(title: unknown): string {
  const key = typeof title === 'string' ? looseTitleKey(title) : '';
  return key.length >= MIN_TITLE_KEY ? key : '';
}

const SUFFIX = /^(?:jr|sr|ii|iii|iv)\.?$/i;
/** dblp's homonym number ("Wei Wang 0001"), which its BibTeX keeps. */
const HOMONYM = /^\d{4}$/;

/**
 * An author's surname as compared: the last word that is no suffix nor homonym number of the part before a comma
 * ("Lovelace, Ada", "Martin Luther King, Jr.") or of the whole name, keyed as titles are (case, accents and TeX folded:
 * `M\"uller` is Müller is Muller). The last word either way, as followed authors' family names are (authors.ts):
 * "van der Maaten, Laurens" is "Laurens van der Maaten", and "King, Martin Luther" "Martin Luther King, Jr.".
 */
export function surnameKey(name: string): string {
  const text = normalizeSpace(name);
  const comma = text.indexOf(',');
  const words = (comma > 0 ? text.slice(0, comma) : text).split(' ').filter(Boolean);
  while (words.length > 1 && (SUFFIX.test(words[words.length - 1]!) || HOMONYM.test(words[words.length - 1]!))) words.pop();
  return looseTitleKey(words[words.length - 1] ?? '');
}

function surnamesOf(record: SavedPaper): Set<string> {
  const authors = Array.isArray(record.paper?.authors) ? record.paper.authors : [];
  const keys = new Set<string>();
  for (const name of authors) {
    const key = typeof name === 'string' ? surnameKey(name) : '';
    if (key) keys.add(key);
  }
  return keys;
}

/** Every id a record answers to: its key and its paper's aliases (with its own DOI's id). */
function idsOf(record: SavedPaper): string[] {
  return record.paper && typeof record.paper === 'object' ? [record.id, ...aliasesOf({ ...record.paper, id: record.id })] : [record.id];
}

/**
 * An id's rank as canonicalId would choose between them (lower first): arXiv, then DOI, then a venue's (in the order
 * venues name a paper linked to several), then a site's own key, then an `import:` id (a citation record's title and
 * year, the least that names a paper).
 */
export function idRank(id: string): number {
  const prefix = id.slice(0, id.indexOf(':'));
  if (prefix === 'arxiv') return 0;
  if (prefix === 'doi') return 1;
  const venue = VENUE_PRECEDENCE.indexOf(prefix as VenueSite);
  if (venue >= 0) return 2 + venue;
  return 2 + VENUE_PRECEDENCE.length + (prefix === 'import' ? 1 : 0);
}

/** Which of two copies to keep by default: the better id (idRank), then the earlier save, then the id. */
export function keepOrder(a: SavedPaper, b: SavedPaper): number {
  return idRank(a.id) - idRank(b.id) || savedTime(a) - savedTime(b) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * What makes a record one paper with another that has the same: each of its ids, and its title with each author's
 * surname (or with none). Records are not changed in place (every write makes a new object), so each one's keys are
 * worked out once: the library finds duplicates again after every change to its list, and reading 10,000 titles and
 * ids as imports do takes ~60 ms, where the maps alone take a few.
 */
const keyCache = new WeakMap<SavedPaper, string[]>();

function keysOf(record: SavedPaper): string[] {
  let keys = keyCache.get(record);
  if (keys) return keys;
  keys = idsOf(record).map((id) => `id\n${id}`);
  const title = duplicateTitleKey(record.paper?.title);
  if (title) {
    const surnames = surnamesOf(record);
    if (!surnames.size) keys.push(`none\n${title}`);
    for (const surname of surnames) keys.push(`author\n${title}\n${surname}`);
  }
  keyCache.set(record, keys);
  return keys;
}

/**
 * Work out the records' keys ahead, `slice` records at a time with a `pause` between slices (the next task): the page
 * stays responsive, and findDuplicates over them then takes a few milliseconds, where 10,000 records' keys worked out
 * at once were one task of ~250 ms when the library opened.
 */
export async function prepareDuplicateKeys(records: readonly SavedPaper[], pause: () => Promise<void>, slice = 500): Promise<void> {
  for (let start = 0; start < records.length; start += slice) {
    for (let i = start; i < Math.min(start + slice, records.length); i++) keysOf(records[i]!);
    await pause();
  }
}

/**
 * Groups of records that are likely one paper: one names another's id or alias (both restored from a backup as given
 * may), or their titles are the same (duplicateTitleKey) and they share an author's surname, or neither lists an author.
 * Each group in keepOrder (the default to keep first), the groups in the order of their first record in `records`. One
 * pass with maps: no pair of records is compared.
 */
export function findDuplicates(records: readonly SavedPaper[]): SavedPaper[][] {
  const parent = records.map((_, i) => i);
  const root = (i: number): number => {
    while (parent[i] !== i) i = parent[i] = parent[parent[i]!]!;
    return i;
  };
  /** The first record that has each key: a later one with it joins that one's group (whose root is its first record). */
  const first = new Map<string, number>();
  records.forEach((record, i) => {
    for (const key of keysOf(record)) {
      const j = first.get(key);
      if (j === undefined) {
        first.set(key, i);
        continue;
      }
      const [x, y] = [root(i), root(j)];
      if (x !== y) parent[Math.max(x, y)] = Math.min(x, y);
    }
  });
  const groups = new Map<number, SavedPaper[]>(); // by root, in the order of the roots (Map keeps insertion order)
  records.forEach((record, i) => {
    const r = root(i);
    if (r === i) return; // a group's first record, added with its second
    const group = groups.get(r);
    if (group) group.push(record);
    else groups.set(r, [records[r]!, record]);
  });
  return [...groups.entries()].sort(([a], [b]) => a - b).map(([, group]) => group.sort(keepOrder));
}
