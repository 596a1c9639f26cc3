// RIS through citation-js (@citation-js/plugin-ris): it maps CSL to RIS types and tags. Its text writer wraps
// values at 70 characters, and Zotero, EndNote and citation-js itself join continuation lines with a space
// ("Attention Is All You Ne ed"), so its record objects are written out here instead: one `TAG  - value` per
// line, values on one line (line breaks inside values would start new tags), CRLF line ends as in the RIS
// specification, dates as YYYY/MM/DD/ (the parts a date lacks left empty: `2023///`, `2023/07//`).
import { plugins } from '@citation-js/core';
import '@citation-js/plugin-ris';
import type { SavedPaper } from '../../storage/schema';
import type { CslItem } from './csl';
import { yearOf } from './csl';
import { flatten } from './flatten';

type RisRecord = Record<string, unknown>;

const ORDER = ['TY', 'TI', 'AU', 'PY', 'DA', 'T2', 'C3', 'JO', 'PB', 'VL', 'IS', 'SP', 'EP', 'C7', 'DO', 'UR', 'KW', 'AB', 'ID'];

function values(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  return list
    .filter((v): v is string | number => typeof v === 'string' || typeof v === 'number')
    .map((v) => flatten(String(v)))
    .filter(Boolean);
}

/** `2024/1/22/` → `2024/01/22/` (the specification's YYYY/MM/DD/other). */
function padDate(date: string): string {
  const m = /^(\d{4})\/(\d{0,2})\/(\d{0,2})\/(.*)$/.exec(date);
  if (!m) return date;
  const pad = (part: string) => (part ? part.padStart(2, '0') : '');
  return `${m[1]}/${pad(m[2]!)}/${pad(m[3]!)}/${m[4]}`;
}

/** RIS records for `saved[i]` (its CSL `items[i]`), one string per record, each ending `ER  - `. */
export function risRecords(saved: readonly SavedPaper[], items: readonly CslItem[]): string[] {
  const records = plugins.output.format('ris', items, { format: 'object' }) as RisRecord[];
  return records.map((record, i) => {
    const tags = new Map<string, string[]>();
    for (const [tag, value] of Object.entries(record)) {
      const list = values(value);
      if (/^[A-Z][A-Z0-9]$/.test(tag) && list.length) tags.set(tag, list);
    }
    const year = yearOf(items[i]!.issued);
    // citation-js puts the year of a conference paper in C2 only; PY is where every importer looks.
    if (!tags.has('PY') && year !== null) tags.set('PY', [String(year)]);
    if (tags.get('C2')?.[0] === tags.get('PY')?.[0]) tags.delete('C2');
    const date = tags.get('DA');
    if (date) tags.set('DA', date.map(padDate));
    tags.set('ID', [saved[i]!.id]);
    const ordered = [...ORDER.filter((tag) => tags.has(tag)), ...[...tags.keys()].filter((tag) => !ORDER.includes(tag))];
    const lines = ordered.flatMap((tag) => tags.get(tag)!.map((value) => `${tag}  - ${value}`));
    return [...lines, 'ER  - '].join('\r\n');
  });
}
