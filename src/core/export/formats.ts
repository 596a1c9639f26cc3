// Exporting the reading list (or a selection): BibTeX and RIS through citation-js (loaded only when one of them
// is asked for), CSL-JSON, Markdown, CSV and the lossless JSON backup. Pure: returns text, saves nothing.
import { isoDate, moreAuthors, normalizeSpace, type Paper } from '../paper';
import { arxivIdAndDoi } from '../aliases';
import type { ReadingStatus, SavedPaper } from '../../storage/schema';
import { toCsl } from './csl';
import type { CslItem } from './csl';
import { citationKeys } from './keys';
import type { LongWork } from './progress';
import { inChunks, throwIfAborted } from './progress';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup';
import { backupSettings, type BackupSettings } from './settings';

export { BACKUP_FORMAT, BACKUP_VERSION } from './backup';
export type { Backup } from './backup';

export type ExportFormat = 'bibtex' | 'ris' | 'csl-json' | 'markdown' | 'markdown-notes' | 'csv' | 'json';

export interface ExportOptions extends LongWork {
  /** Epoch ms for the file name and the backup's `exportedAt`; defaults to now. */
  now?: number;
  /** Which part of the list this is ("12-shown", "3-selected"), named in the file name; none for the whole list. */
  part?: string;
  /**
   * The backup only: groups of possible duplicates the reader said are different papers, each by its ids. Those whose
   * every paper is exported are kept in the file (Backup.notDuplicates).
   */
  notDuplicates?: Iterable<readonly string[]>;
  /** The backup only: the reader's settings to keep in it (Backup.settings; the GitHub token is never written). */
  settings?: BackupSettings;
  /**
   * BibTeX and CSL-JSON: the whole reading list, whose keys the exported papers' citation keys are (keys.ts), so a
   * paper's key does not change with what else is exported. Without it, the keys among the exported papers alone.
   */
  library?: readonly SavedPaper[];
}

export interface ExportResult {
  filename: string;
  mime: string;
  text: string;
}

export const EXPORT_FORMATS: Record<ExportFormat, { label: string; extension: string; mime: string }> = {
  bibtex: { label: 'BibTeX', extension: 'bib', mime: 'application/x-bibtex;charset=utf-8' },
  ris: { label: 'RIS', extension: 'ris', mime: 'application/x-research-info-systems;charset=utf-8' },
  'csl-json': { label: 'CSL-JSON', extension: 'csl.json', mime: 'application/vnd.citationstyles.csl+json;charset=utf-8' },
  markdown: { label: 'Markdown', extension: 'md', mime: 'text/markdown;charset=utf-8' },
  'markdown-notes': { label: 'Markdown with notes', extension: 'md', mime: 'text/markdown;charset=utf-8' },
  csv: { label: 'CSV', extension: 'csv', mime: 'text/csv;charset=utf-8' },
  json: { label: 'Papershelf backup (JSON)', extension: 'json', mime: 'application/json;charset=utf-8' },
};

export async function exportPapers(saved: readonly SavedPaper[], format: ExportFormat, options: ExportOptions = {}): Promise<ExportResult> {
  throwIfAborted(options.signal);
  const now = options.now ?? Date.now();
  const day = localDay(now);
  const { extension, mime } = EXPORT_FORMATS[format];
  const stem = `${format === 'json' ? 'papershelf-backup' : format === 'markdown-notes' ? 'papershelf-notes' : 'papershelf'}-${day}${options.part ? `-${options.part}` : ''}`;
  const filename = `${stem}.${extension}`;
  let text: string;
  switch (format) {
    case 'bibtex': {
      const { bibtexEntries } = await import('./bibtex');
      const keys = citationKeys(saved, options.library);
      const entries = await inChunks(saved, options, (chunk, start) => bibtexEntries(chunk, chunk.map(toCsl), keys.slice(start, start + chunk.length)));
      text = entries.join('\n');
      break;
    }
    case 'ris': {
      const { risRecords } = await import('./ris');
      const records = await inChunks(saved, options, (chunk) => risRecords(chunk, chunk.map(toCsl)));
      text = records.length ? `${records.join('\r\n\r\n')}\r\n` : '';
      break;
    }
    case 'csl-json': {
      const keys = citationKeys(saved, options.library);
      const items = await inChunks(saved, options, (chunk, start) =>
        chunk.map((paper, i): CslItem => {
          const { id, ...rest } = toCsl(paper);
          return { id, 'citation-key': keys[start + i]!, ...rest };
        }),
      );
      text = `${JSON.stringify(items, null, 2)}\n`;
      break;
    }
    case 'markdown': {
      const lines = await inChunks(saved, options, (chunk) => chunk.map(markdownLine));
      const count = `${saved.length} ${saved.length === 1 ? 'paper' : 'papers'}`;
      text = `# Papershelf reading list\n\nExported ${day}, ${count}.\n\n${lines.map((line) => `${line}\n`).join('')}`;
      break;
    }
    case 'markdown-notes': {
      const sections = await inChunks(saved, options, (chunk) => chunk.map(markdownSection));
      const count = `${saved.length} ${saved.length === 1 ? 'paper' : 'papers'}`;
      const noted = saved.filter((paper) => paper.note.trim()).length;
      text = `# Papershelf reading notes\n\nExported ${day}, ${count}, ${noted} with notes.\n${sections.map((section) => `\n${section}`).join('')}`;
      break;
    }
    case 'csv': {
      const rows = await inChunks(saved, options, (chunk) => chunk.map((paper) => csvRow(csvCells(paper))));
      // The byte order mark makes Excel read UTF-8 (authors' names, emoji) instead of the local code page.
      text = `\uFEFF${[csvRow(CSV_COLUMNS), ...rows].join('\r\n')}\r\n`;
      break;
    }
    case 'json': {
      const lines = await inChunks(saved, options, (chunk) => chunk.map((paper) => JSON.stringify(backupRecord(paper))));
      const head = JSON.stringify({ format: BACKUP_FORMAT, version: BACKUP_VERSION, exportedAt: new Date(now).toISOString() }).slice(0, -1);
      const exported = new Set(saved.map((paper) => paper.id));
      const groups = [...(options.notDuplicates ?? [])].filter((ids) => ids.length > 1 && ids.every((id) => exported.has(id))).map((ids) => [...ids].sort());
      const tail =
        (groups.length ? `,"notDuplicates":[\n${groups.map((ids) => JSON.stringify(ids)).join(',\n')}\n]` : '') +
        (options.settings ? `,\n"settings":${JSON.stringify(backupSettings(options.settings))}\n` : '');
      // One paper per line: readable, diffable, and still one JSON document.
      text = `${head},"papers":[\n${lines.join(',\n')}\n]${tail}}\n`;
      break;
    }
  }
  throwIfAborted(options.signal);
  return { filename, mime, text };
}

/** YYYY-MM-DD of `time` where the reader is: the day a file made in the evening is named after is that evening's. */
function localDay(time: number): string {
  const date = new Date(time);
  return isoDate(date.getFullYear(), date.getMonth() + 1, date.getDate());
}

/** A stored record's own fields, in a fixed order (nothing the record does not have). */
function backupRecord(saved: SavedPaper): SavedPaper {
  const { id, paper, status, tags, note, savedFrom, savedAt, updatedAt, statusAt } = saved;
  return { id, paper, status, tags, note, savedFrom, savedAt, updatedAt, ...(statusAt !== undefined ? { statusAt } : {}) };
}

// ---- Markdown -------------------------------------------------------------------------------------------

const STATUS_LABEL: Record<ReadingStatus, string> = { 'to-read': 'to read', reading: 'reading', done: 'done' };

/**
 * Page data as inert Markdown text: one line, and every character that could start markup (emphasis, code,
 * links, images, raw HTML, entities, math, strikethrough, table cells), an autolink (`https://`, `www.`, `@`) or
 * a nested list (a leading `-`, `+`, `1.`) backslash-escaped, which CommonMark and GFM read as the character.
 */
export function markdownText(text: string): string {
  return normalizeSpace(text)
    .replace(/[\\`*_{}[\]()<>#!|~&$@]/g, '\\$&')
    .replace(/:(?=\/\/)/g, '\\:')
    .replace(/\b(www)\./gi, '$1\\.')
    .replace(/^([-+])|^(\d+)([.)])/, (_m, sign: string | undefined, digits: string, dot: string) => (sign ? `\\${sign}` : `${digits}\\${dot}`));
}

/** Only http(s) links, percent-encoded so nothing ends the `<…>` destination early. */
function markdownUrl(url: string | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  return parsed.href.replace(/[<>\\\s]/g, (c) => encodeURIComponent(c));
}

function firstLine(note: string): string {
  const line = note.split(/\r\n|[\n\r\u2028\u2029]/).find((l) => l.trim() !== '') ?? '';
  const chars = [...normalizeSpace(line)];
  return chars.length > 280 ? `${chars.slice(0, 279).join('')}…` : chars.join('');
}

/** `- [Title](<url>) — Authors · status · tags: a, b · Note: first line` */
export function markdownLine(saved: SavedPaper): string {
  const parts = [markdownTitle(saved)];
  if (saved.paper.authors.length) parts.push(markdownAuthors(saved.paper));
  const note = firstLine(saved.note);
  const meta = markdownKept(saved);
  if (note) meta.push(`Note: ${markdownText(note)}`);
  return `- ${parts.join(' — ')} · ${meta.join(' · ')}`;
}

/** The paper's title as inert text, linked to its page (or arXiv's abstract page) where it has an http(s) one. */
function markdownTitle(saved: SavedPaper): string {
  const title = markdownText(saved.paper.title) || 'Untitled';
  const { arxiv } = arxivIdAndDoi({ ...saved.paper, id: saved.id });
  const url = markdownUrl(saved.paper.url ?? (arxiv ? `https://arxiv.org/abs/${arxiv}` : null));
  return url ? `[${title}](<${url}>)` : title;
}

/** The first 8 authors, "et al." for more: more names, or more authors than the list names (a count, a cut list). */
function markdownAuthors(paper: Paper): string {
  const shown = paper.authors.slice(0, 8).map(markdownText);
  return paper.authors.length > 8 || moreAuthors(paper) ? `${shown.join(', ')} et al.` : shown.join(', ');
}

/** What the reader keeps of the paper: its status, and its tags where it has some. */
function markdownKept(saved: SavedPaper): string[] {
  const kept = [STATUS_LABEL[saved.status] ?? markdownText(saved.status)];
  if (saved.tags.length) kept.push(`tags: ${saved.tags.map(markdownText).join(', ')}`);
  return kept;
}

/**
 * A paper as a section of the notes file: its title as a heading (linked), a line of what it is (authors, date, venue,
 * ids), a line of what the reader keeps (status, tags, the day of the save), and the whole note as a quote, line for
 * line and as written (the reader's own text, their Markdown kept: a heading or list in it stays inside the quote), but
 * for raw HTML: a note may hold text pasted from a page, and many renderers pass HTML through, so a `<` that would open
 * a tag or a comment is escaped (outside its code: inertNote). Page data is escaped as in markdownLine.
 */
export function markdownSection(saved: SavedPaper): string {
  const paper = saved.paper;
  const { arxiv, doi } = arxivIdAndDoi({ ...paper, id: saved.id });
  const what: string[] = [];
  if (paper.authors.length) what.push(markdownAuthors(paper));
  if (paper.published) what.push(markdownText(paper.published));
  if (paper.venue) what.push(markdownText(paper.venue));
  if (arxiv) what.push(markdownText(`arXiv:${arxiv}${paper.version ? `v${paper.version}` : ''}`));
  if (doi) what.push(markdownText(`DOI ${doi}`));
  const kept = markdownKept(saved);
  if (Number.isFinite(saved.savedAt) && saved.savedAt > 0) kept.push(`saved ${localDay(saved.savedAt)}`);
  const lines = [`## ${markdownTitle(saved)}`, ''];
  if (what.length) lines.push(`${what.join(' · ')}  `);
  lines.push(kept.join(' · '));
  const note = saved.note.replace(/\r\n?|[\u2028\u2029]/g, '\n').replace(/^\n+|\s+$/g, '');
  if (note) lines.push('', ...inertNote(note).split('\n').map((line) => (line.trim() ? `> ${line}` : '>')));
  return `${lines.join('\n')}\n`;
}

/** A `<` that would open a tag, a comment or an autolink, or a backslash escape (kept: `\<` is escaped already). */
const TAG_START = /\\[\s\S]|<(?=[A-Za-z/!?])/g;

/** Every `<` that would open a tag escaped; one the text escaped already is left so (doubled, its backslash would be the escaped one). */
function escapeTags(text: string): string {
  return text.replace(TAG_START, (m) => (m === '<' ? '\\<' : m));
}

/** A fence's opening line (CommonMark): three or more backticks, and none in what follows them, or three or more tildes. */
const FENCE = /^(?:(`{3,})[^`]*|(~{3,}).*)$/;

/**
 * A note's raw HTML made inert (escapeTags), but not in its code: inside a fenced block or an inline code span a
 * backslash is shown as written, and `<` is not HTML anyway. Only code every renderer reads as code is left as it is:
 * a fence opened at the start of a line (one indented may belong to a list item, whose end would close it early; one
 * after a tab depends on the tab's width), and code spans as inertProse keeps them. Once the note's fences could be
 * read two ways, the rest of it is escaped whole.
 */
function inertNote(note: string): string {
  const out: string[] = [];
  let prose: string[] = [];
  const flush = () => {
    if (prose.length) out.push(inertProse(prose.join('\n')));
    prose = [];
  };
  let fence: string | null = null;
  let unsure = false;
  for (const line of note.split('\n')) {
    const lead = /^[ \t]*/.exec(line)![0];
    const open = FENCE.exec(line.slice(lead.length));
    const run = open ? (open[1] ?? open[2]!) : '';
    if (unsure) out.push(escapeTags(line));
    else if (fence !== null) {
      // A closing fence: the opening's character, at least as many, nothing after; up to three spaces before it.
      const closes = run[0] === fence[0] && run.length >= fence.length && /^[`~]+[ \t]*$/.test(line.slice(lead.length));
      if (closes && lead.includes('\t')) unsure = true;
      else if (closes && lead.length <= 3) fence = null;
      out.push(line);
    } else if (open) {
      flush();
      if (lead) unsure = true;
      else fence = run;
      out.push(lead ? escapeTags(line) : line);
    } else if (!line.trim()) {
      flush();
      out.push(line);
    } else prose.push(line);
  }
  flush();
  return out.join('\n');
}

/**
 * Prose of a note (lines between blank lines and fences) with escapeTags outside its inline code spans. A span is kept
 * only where every renderer reads it so: within one line (a list item or heading may end the paragraph between two), no
 * `|` in it (GFM ends a table cell there, even in code), and no `]` or `$` in the prose (a link's destination or title,
 * or math, may hold the backtick the span would start with). Else all of it is escaped.
 */
function inertProse(text: string): string {
  if (/[\]$]/.test(text)) return escapeTags(text);
  let out = '';
  /** Where the text not written yet starts: what lies between spans goes through escapeTags. */
  let plain = 0;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (c === '\\') i += 2; // an escaped backtick starts no span
    else if (c === '`') {
      const run = /^`+/.exec(text.slice(i))![0];
      // A span ends at the next run of as many backticks; a run with no such run after it is text.
      const end = new RegExp(`(?<!\`)${run}(?!\`)`, 'g');
      end.lastIndex = i + run.length;
      const close = end.exec(text);
      const span = close ? text.slice(i, close.index + run.length) : run;
      if (/[\n|]/.test(span)) return escapeTags(text);
      out += escapeTags(text.slice(plain, i)) + span;
      i += span.length;
      plain = i;
    } else i++;
  }
  return out + escapeTags(text.slice(plain));
}

// ---- CSV ------------------------------------------------------------------------------------------------

/** Columns are only ever appended, so spreadsheets set up for an older export still find theirs. */
export const CSV_COLUMNS = ['id', 'title', 'authors', 'published', 'venue', 'status', 'tags', 'note', 'url', 'pdf_url', 'doi', 'arxiv_id', 'categories', 'saved_at', 'updated_at', 'arxiv_version', 'status_at'];

function csvCells(saved: SavedPaper): string[] {
  const paper = saved.paper;
  const { arxiv, doi } = arxivIdAndDoi({ ...paper, id: saved.id });
  const iso = (ms: number) => (Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : '');
  return [
    saved.id,
    paper.title,
    // More authors than named (a count, a cut list): "et al." as the last item, so no name seems to be all of them.
    [...paper.authors, ...(paper.authors.length && moreAuthors(paper) ? ['et al.'] : [])].join('; '),
    paper.published ?? '',
    paper.venue ?? '',
    saved.status,
    saved.tags.join('; '),
    saved.note,
    paper.url ?? '',
    paper.pdfUrl ?? '',
    doi ?? '',
    arxiv ?? '',
    paper.categories.join('; '),
    iso(saved.savedAt),
    iso(saved.updatedAt),
    paper.version ? String(paper.version) : '',
    saved.statusAt !== undefined ? iso(saved.statusAt) : '',
  ];
}

/**
 * A leading `=`, `+`, `-`, `@`, tab or CR would make a spreadsheet run a cell as a formula (OWASP "CSV
 * injection"). Excel in locales whose list separator is `;` (German, French, Dutch…) splits the file's lines on
 * `;` instead, whatever the quotes, so text after any `;` starts a cell too (lists are joined with "; "), and text
 * after a line break inside a cell (a note's second line, a title an imported file or a page gave in two) starts a
 * row; spaces or quotes in front of the character do not make it safe.
 */
const FORMULA_START = /(^|[;\r\n])([ "]*)(?=[=+\-@\t\r])/g;

/** One CSV cell: every place a formula could start gets a `'` in front of it; then RFC 4180 quoting, `;` included. */
export function csvCell(value: string): string {
  const guarded = value.replace(FORMULA_START, "$1$2'");
  return /[",;\r\n]/.test(guarded) ? `"${guarded.replace(/"/g, '""')}"` : guarded;
}

function csvRow(cells: readonly string[]): string {
  return cells.map(csvCell).join(',');
}
