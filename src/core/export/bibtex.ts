// BibTeX through citation-js (@citation-js/plugin-bibtex): it maps CSL to entry types and fields, formats names
// ("Family, Given and …"), protects capitals in titles and splits dates into year/month. Its BibTeX mapping has
// no eprint/archivePrefix/primaryClass, abstract or keywords, so those are added to its entry objects here, and
// the entries are written out in the usual layout (one `field = {value}` per line, months as macros).
//
// citation-js's own escaping is ASCII-only: it drops characters it cannot transliterate (a CJK author becomes
// an empty name) and turns TeX into text (\textdollar{}). So it runs with `asciiOnly` off and receives values
// already escaped for BibTeX by ./tex (UTF-8 output, which Zotero, JabRef, biber and bibtex with inputenc read).
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import type { SavedPaper } from '../../storage/schema';
import { arxivIdAndDoi } from '../aliases';
import { moreAuthors } from '../paper';
import type { CslItem, CslName } from './csl';
import { ARXIV_CATEGORY, keywordsOf } from './csl';
import { texEscapePlain, texEscapeSource, texVerbatim } from './tex';

interface BibEntry {
  type: string;
  label: string;
  properties: Record<string, unknown>;
}

interface BibtexConfig {
  format: { asciiOnly: boolean };
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** Preferred field order; fields citation-js adds beyond these follow, in its order. */
const ORDER = ['title', 'author', 'year', 'month', 'journal', 'booktitle', 'publisher', 'eprint', 'archivePrefix', 'primaryClass', 'version', 'doi', 'url', 'keywords', 'abstract'];

function escapeName(name: CslName): CslName {
  const out: CslName = {};
  for (const key of ['family', 'given', 'suffix', 'literal', 'non-dropping-particle', 'dropping-particle'] as const) {
    const value = name[key];
    if (typeof value === 'string') out[key] = texEscapePlain(value);
  }
  return out;
}

/** The CSL item with every string escaped for BibTeX, the key as label, and the date cut to year and month. */
function texItem(item: CslItem, key: string): CslItem {
  const out: CslItem = { id: item.id, type: item.type, 'citation-key': key };
  if (item.title) out.title = texEscapeSource(item.title);
  if (item.author) out.author = item.author.map(escapeName);
  const parts = item.issued?.['date-parts']?.[0];
  if (parts?.[0] !== undefined) out.issued = { 'date-parts': [parts.slice(0, 2)] };
  if (item['container-title']) out['container-title'] = texEscapeSource(item['container-title']);
  if (item.publisher) out.publisher = texEscapePlain(item.publisher);
  if (item.DOI) out.DOI = texVerbatim(item.DOI);
  if (item.URL) out.URL = texVerbatim(item.URL);
  return out;
}

function withUnicodeOutput<T>(run: () => T): T {
  const config = plugins.config.get('@bibtex') as BibtexConfig;
  const before = config.format.asciiOnly;
  config.format.asciiOnly = false;
  try {
    return run();
  } finally {
    config.format.asciiOnly = before;
  }
}

/**
 * The arXiv fields of an entry: `eprint`, `archivePrefix`, and `primaryClass` when the class is known. The arXiv id
 * may be one of the paper's aliases (a CVF paper's, from a dblp entry merged into it): biblatex reads eprint on any type.
 */
function arxivFields(saved: SavedPaper): [string, string][] {
  const id = arxivIdAndDoi({ ...saved.paper, id: saved.id }).arxiv;
  if (!id) return [];
  const fields: [string, string][] = [
    ['eprint', id],
    ['archivePrefix', 'arXiv'],
  ];
  const first = saved.paper.categories[0]?.trim();
  // Old-style ids name their archive (hep-th/9901001): that is the primary class when the page gave none.
  const primary = first && ARXIV_CATEGORY.test(first) ? first : /^([a-z-]+(?:\.[A-Z]{2})?)\//.exec(id)?.[1];
  if (primary) fields.push(['primaryClass', primary]);
  return fields;
}

/** The fields citation-js writes as titles, bracing their capitalised words. */
const TITLE_FIELDS = new Set(['title', 'booktitle']);

/**
 * citation-js braces the capitalised words of a title but the first of each part (the title's, and each after a
 * colon), which bibliography styles that print titles in sentence case leave capitalised. They keep only its first
 * letter, though: a first word with capitals after it ("BERT: Pre-training…", "GPT-4 Technical Report", "LoRA",
 * "mBART") would print as "Bert", "Gpt-4", "Lora", "Mbart". Such a word is braced too, as the others are, and so is
 * a word led by a digit (DIGIT_LED).
 */
function protectCapitals(title: string): string {
  const protect = (word: string) => (/[A-Z]/.test(word.slice(1)) ? `{${word}}` : word);
  return title
    .split(/(:\s*)/)
    .map((part, i) => (i % 2 ? part : part.replace(/^[a-z]*[A-Z].*?\b/, protect)))
    .join('')
    .replace(DIGIT_LED, '{$&}')
    .replace(NON_ASCII_LED, '{$&}');
}

/**
 * A word led by a capital beyond ASCII ("Étude", "Ångström", "Øresund"): citation-js braces only words whose first
 * capital is A-Z, and a sentence-case style would print "étude". Not after a letter, digit, brace or backslash; a
 * group citation-js braced inside it ("É{LAN}") goes in with it whole.
 */
const NON_ASCII_LED = /(?<![\p{L}\p{N}{}\\^_])(?=[^\x00-\x7F])\p{Lu}[\p{L}\p{N}]*(?:\{[^{}\s\\]*\}[\p{L}\p{N}]*)*/gu;

/**
 * A word that starts with a digit and has capitals ("3D", "6DoF", "4K"): citation-js braces words from their first
 * capital on a word boundary, so never these, and "3D Gaussian Splatting" would print as "3d gaussian splatting".
 * Not after a word character, a brace (braced already) or a backslash, nor after `^` or `_`, whose argument it is.
 */
const DIGIT_LED = /(?<![\w{\\^_])\d[0-9a-z]*[A-Z][A-Za-z0-9]*\b/g;

function serialize(type: string, label: string, fields: [string, string, boolean][]): string {
  const lines = fields.map(([name, value, macro]) => `\t${name} = ${macro ? value : `{${value}}`}`);
  return `@${type}{${label},\n${lines.join(',\n')}\n}\n`;
}

/** BibTeX entries for `saved[i]` (its CSL `items[i]`, key `keys[i]`), one string per entry. */
export function bibtexEntries(saved: readonly SavedPaper[], items: readonly CslItem[], keys: readonly string[]): string[] {
  const texItems = items.map((item, i) => texItem(item, keys[i]!));
  const entries = withUnicodeOutput(() => plugins.output.format('bibtex', texItems, { format: 'object' })) as BibEntry[];
  return entries.map((entry, i) => {
    const paper = saved[i]!;
    const item = items[i]!;
    const fields = new Map<string, [string, boolean]>();
    for (const [name, value] of Object.entries(entry.properties)) {
      if (typeof value === 'string' && value !== '') fields.set(name, [TITLE_FIELDS.has(name) ? protectCapitals(value) : value, false]);
    }
    // citation-js repeats the URL as howpublished for some types; one url field is what importers expect.
    if (fields.get('howpublished')?.[0] === fields.get('url')?.[0]) fields.delete('howpublished');
    const month = Number(fields.get('month')?.[0]);
    if (Number.isInteger(month) && month >= 1 && month <= 12) fields.set('month', [MONTHS[month - 1]!, true]);
    else fields.delete('month');
    // A list the page cut (Hugging Face's "+12", Scholar's "…", a link's paper with more authors than a record keeps):
    // BibTeX's "and others", which styles print as "et al.", not the names shown as if they were all.
    const author = fields.get('author');
    if (author && moreAuthors(paper.paper)) fields.set('author', [`${author[0]} and others`, author[1]]);
    for (const [name, value] of arxivFields(paper)) fields.set(name, [value, false]);
    // biblatex's `version` (citation-js writes none): the arXiv version, next to the unversioned eprint.
    if (item.version) fields.set('version', [texVerbatim(item.version), false]);
    const keywords = keywordsOf(paper).map(texEscapePlain);
    if (keywords.length) fields.set('keywords', [keywords.join(', '), false]);
    if (item.abstract) fields.set('abstract', [texEscapeSource(item.abstract), false]);
    const ordered = [...ORDER.filter((name) => fields.has(name)), ...[...fields.keys()].filter((name) => !ORDER.includes(name))];
    // A preprint (CSL `article`) is @misc, as arXiv's and Zotero's own exports write it; citation-js says @article.
    const type = item.type === 'article' ? 'misc' : entry.type;
    return serialize(type, entry.label, ordered.map((name) => [name, ...fields.get(name)!] as [string, string, boolean]));
  });
}
