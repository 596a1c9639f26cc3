// Reading BibTeX and RIS with citation-js. Only its parsers for the named formats run: nothing guesses the input
// type, so nothing in a file can make citation-js fetch a URL or DOI.
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from './csl';

/** A BibTeX entry as written: lowercased field names, values still TeX (but see IDENTITY_FIELDS). */
export interface RawBibEntry {
  type: string;
  label: string;
  properties: Record<string, unknown>;
}

export type RawRisRecord = Record<string, unknown>;

/**
 * The verbatim fields that name the paper. BibTeX writers escape TeX's specials in them too (dblp's and MIT Press's
 * `doi = {10.1162/tacl\_a\_00278}`, `url = {…/Liao\_Drive\_CVPR\_2025\_paper.html}`), and citation-js keeps verbatim
 * fields as written: the backslash cut the DOI short (every TACL paper became `10.1162/tacl`, one paper) and broke the
 * URL. No DOI, URL or arXiv id holds a backslash, so one before a special is the escape, and is dropped (with the braces
 * some writers put around it: `coli{\_}a{\_}00008`, older ACL and Mendeley exports).
 */
const IDENTITY_FIELDS = ['doi', 'url', 'eprint'];
const TEX_ESCAPE = /\{\\([_%&#$])\}|\\([_%&#$])/g;

/**
 * A `url` of several addresses one after another (Mendeley Desktop writes all of a document's, an abstract page and its
 * PDF, into the one field): citation-js made them one address, the spaces as `%20`, which opened nothing and named no
 * paper. No URL holds a space, so it is the first of them, as a RIS file's first `UR` is.
 */
const SEVERAL_URLS = /^\s*(https?:\/\/\S+)(?:\s+https?:\/\/\S+)+\s*$/i;

/**
 * The name lists. citation-js reads the spaces after a TeX command as part of it, so in `Gau\ss and Riemann, B.` or
 * `Man, Per\& and Doe, Jane` it found no ` and ` and made the two authors one; BibTeX splits names at ` and ` whatever
 * comes before. An empty group after such a command (`\ss{} and`) ends it where TeX would, and is nothing in the name.
 */
const NAME_FIELDS = ['author', 'editor'];
const COMMAND_BEFORE_AND = /\\([A-Za-z]+|[&%$#_{}])(?= +and\s)/gi;

/**
 * A month abbreviated with a dot (`month = {Sep.}`, `{Sept.}`, `{Jan. 15}`), as hand-written and IEEE-style entries give
 * it: citation-js knows the names and abbreviations (`sep`, `sept`, `september`) only without the dot, and read no month.
 */
const DOTTED_MONTH = /\b(jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec)\./gi;

function diacritics(): Record<string, unknown> {
  return (plugins.config.get('@bibtex') as { constants: { diacritics: Record<string, unknown> } }).constants.diacritics;
}

export function parseBibtexText(text: string): RawBibEntry[] {
  const entries = plugins.input.data(text, '@biblatex/text');
  if (!Array.isArray(entries)) throw new SyntaxError('no entries');
  for (const entry of entries as RawBibEntry[]) {
    for (const field of IDENTITY_FIELDS) {
      const value = entry.properties?.[field];
      if (typeof value === 'string') entry.properties[field] = value.replace(TEX_ESCAPE, (_, braced: string | undefined, bare: string | undefined) => braced ?? bare ?? '');
    }
    const month = entry.properties?.month;
    if (typeof month === 'string') entry.properties.month = month.replace(DOTTED_MONTH, '$1');
    const url = entry.properties?.url;
    if (typeof url === 'string') entry.properties.url = SEVERAL_URLS.exec(url)?.[1] ?? url;
    for (const field of NAME_FIELDS) {
      const value = entry.properties?.[field];
      // An accent command (\c, \u) takes what follows as its letter: left as it is.
      if (typeof value === 'string') entry.properties[field] = value.replace(COMMAND_BEFORE_AND, (command, name: string) => (Object.hasOwn(diacritics(), name) ? command : `${command}{}`));
    }
  }
  return entries as RawBibEntry[];
}

/**
 * TeX accents an i or j on its dotless form (`Garc{\'\i}a`, `Mart\'{\i}nez`, as Google Scholar and JabRef write
 * García): citation-js reads the letter as the dotless ı (Turkish) with a combining accent after it, which Unicode
 * composes into no letter, so the name was not García, and exported again it made pdfLaTeX stop ("Unicode character
 * ́ (U+0301) not set up for use with LaTeX"). With its dot, the letter composes as TeX printed it: í.
 */
const DOTLESS_ACCENTED = /([ıȷ])(\p{M}+)/gu;

function dotted<T>(value: T): T {
  if (typeof value === 'string') return value.replace(DOTLESS_ACCENTED, (_, letter: string, marks: string) => `${letter === 'ı' ? 'i' : 'j'}${marks}`.normalize('NFC')) as T;
  if (Array.isArray(value)) return value.map(dotted) as T;
  if (typeof value === 'object' && value !== null) return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, dotted(field)])) as T;
  return value;
}

/**
 * LaTeX's Å and å, which citation-js's table of text commands lacks: `{\AA}str{\"o}m` and `Kr\aa kenes`, as Google
 * Scholar and JabRef write Åström and Kråkenes, came in as "\AAström" and "Kr\aakenes".
 */
const MISSING_LETTERS: Readonly<Record<string, string>> = { AA: 'Å', aa: 'å' };

/**
 * `run` with MISSING_LETTERS in citation-js's table, taken out again after: everywhere else the table stays as
 * citation-js has it (exports decide by it which commands a title may keep: tex.ts).
 */
function withMissingLetters<T>(run: () => T): T {
  const { commands } = (plugins.config.get('@bibtex') as { constants: { commands: Record<string, string> } }).constants;
  const added = Object.keys(MISSING_LETTERS).filter((name) => !Object.hasOwn(commands, name));
  for (const name of added) commands[name] = MISSING_LETTERS[name]!;
  try {
    return run();
  } finally {
    for (const name of added) delete commands[name];
  }
}

/** CSL for raw entries (BibLaTeX mapping, which reads BibTeX fields too); TeX becomes Unicode. */
export function bibEntriesToCsl(entries: RawBibEntry[]): CslItem[] {
  return withMissingLetters(() => plugins.input.data(entries, '@biblatex/entries+list') as CslItem[]).map(dotted);
}

export function parseRisText(text: string): RawRisRecord[] {
  const records = plugins.input.data(closedAtEr(text), '@ris/file');
  if (!Array.isArray(records)) throw new SyntaxError('no records');
  return records as RawRisRecord[];
}

const RIS_TAG = /^([A-Z][A-Z0-9]) {2}-(?: (.*)|$)/;

/**
 * The text with each record closed at its ER line. citation-js closes none (the empty value of `ER  - ` is skipped
 * before its ER case is reached), so the tag lines after an ER joined the record before it until the next TY: a record
 * whose TY was empty or missing became more authors, keywords and second values of the paper before (itself lost
 * without a word), a stray keyword between records one of that paper's tags. Here the lines between an ER and the next
 * TY are a record of their own, of the generic type (GEN), when an ER closes them; otherwise they are no record's.
 */
function closedAtEr(text: string): string {
  const out: string[] = [];
  let outside: string[] | null = null; // the lines since an ER, while no TY has come
  for (const line of text.split(/\r?\n/)) {
    const [, tag, value] = RIS_TAG.exec(line.trim()) ?? [];
    if (outside && tag === 'TY' && value?.trim()) outside = null;
    if (!outside) {
      out.push(line);
      if (tag === 'ER') outside = [];
    } else if (tag === 'ER') {
      // From its first tag line: a blank line after the TY would be read as more of the type ("GEN ").
      const first = outside.findIndex((kept) => RIS_TAG.test(kept.trim()));
      if (outside.some((kept) => RIS_TAG.exec(kept.trim())?.[2]?.trim())) out.push('TY  - GEN', ...outside.slice(first), line);
      outside = [];
    } else outside.push(line);
  }
  return out.join('\n');
}

/** The RIS tags that may repeat: names and keywords. citation-js makes any other tag given twice a list it cannot convert. */
const REPEATED_TAGS = new Set(['AU', 'A1', 'A2', 'A3', 'A4', 'ED', 'KW']);
const YEAR = /\b\d{4}\b/;

/**
 * CSL for a RIS record, as citation-js converts it, from the record as other tools write it: a tag that may not repeat
 * and does (two UR lines, an abstract page and its PDF; a DO or T2 given twice, as Mendeley writes them) is read as its
 * first value, where citation-js gave the paper no URL or skipped the record; authors under A1 and AU are all authors;
 * and a DA it reads into no year (EndNote's free-text date, "Jan 15" as the year 15, "January 15, 2019" as text), which
 * it prefers to PY, gives way to the PY.
 */
export function risRecordToCsl(record: RawRisRecord): CslItem {
  const single: RawRisRecord = {};
  for (const [tag, value] of Object.entries(record)) single[tag] = Array.isArray(value) && !REPEATED_TAGS.has(tag) ? value.find((v) => v !== '') ?? value[0] : value;
  // A1 (the older RIS's author tag) and AU both name the authors, and Zotero reads both; citation-js reads A1 only in a
  // record without AU, so a record giving some authors under each lost its A1 ones. Both, in the order the tags first
  // come (the record keeps no finer order), each name once: a writer may give the same list under both.
  if (single.A1 !== undefined && single.AU !== undefined) {
    single.AU = [...new Set(Object.keys(single).flatMap((tag) => (tag === 'A1' || tag === 'AU' ? [single[tag]].flat() : [])))];
    delete single.A1;
  }
  const csl = plugins.input.data(single, '@ris/record') as CslItem;
  const hasYear = [single.PY, single.Y1].some((value) => typeof value === 'string' && YEAR.test(value));
  if (!hasYear || single.DA === undefined || yearIn(csl.issued)) return csl;
  delete single.DA;
  return plugins.input.data(single, '@ris/record') as CslItem;
}

/** Whether a converted date has a year (citation-js reads "Jan 15" as the year 15, "Spring" as text alone). */
function yearIn(date: CslItem['issued']): boolean {
  const year = Number(date?.['date-parts']?.[0]?.[0]);
  return Number.isInteger(year) && year >= 1000;
}
