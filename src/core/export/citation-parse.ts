// Reading BibTeX and RIS with citation-js. Only its parsers for the named formats run: nothing guesses the input
// type, so nothing in a file can make citation-js fetch a URL or DOI.
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import type { CslItem } from './csl';

/** A BibTeX entry as written: lowercased field names, values still TeX. */
export interface RawBibEntry {
  type: string;
  label: string;
  properties: Record<string, unknown>;
}

export type RawRisRecord = Record<string, unknown>;

export function parseBibtexText(text: string): RawBibEntry[] {
  const entries = plugins.input.data(text, '@biblatex/text');
  if (!Array.isArray(entries)) throw new SyntaxError('no entries');
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
