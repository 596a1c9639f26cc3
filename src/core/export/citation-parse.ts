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

export function parseBibtexText(text: string): RawBibEntry[] {
  const entries = plugins.input.data(text, '@biblatex/text');
  if (!Array.isArray(entries)) throw new SyntaxError('no entries');
  for (const entry of entries as RawBibEntry[]) {
    for (const field of IDENTITY_FIELDS) {
      const value = entry.properties?.[field];
      if (typeof value === 'string') entry.properties[field] = value.replace(TEX_ESCAPE, (_, braced: string | undefined, bare: string | undefined) => braced ?? bare ?? '');
    }
  }
  return entries as RawBibEntry[];
}

/** CSL for raw entries (BibLaTeX mapping, which reads BibTeX fields too); TeX becomes Unicode. */
export function bibEntriesToCsl(entries: RawBibEntry[]): CslItem[] {
  return plugins.input.data(entries, '@biblatex/entries+list') as CslItem[];
}

export function parseRisText(text: string): RawRisRecord[] {
  const records = plugins.input.data(text, '@ris/file');
  if (!Array.isArray(records)) throw new SyntaxError('no records');
  return records as RawRisRecord[];
}

export function risRecordToCsl(record: RawRisRecord): CslItem {
  return plugins.input.data(record, '@ris/record') as CslItem;
}
