// Importing a Papershelf JSON backup, CSL-JSON, BibTeX or RIS: detect the format, validate every record, merge
// with the reading list. Pure: the caller writes `upserts` in one transaction (all or nothing).
//
// Validation rules
// - The file as a whole is rejected (nothing imported, one clear message) when it cannot be trusted as a whole:
//   over 50 MB, binary, not parseable (truncated JSON, unclosed BibTeX braces, RIS tags before any `TY`), keys
//   that only an attack would write (`__proto__`, `constructor`, `prototype`), the wrong top-level shape (a
//   backup without a `papers` list, a CSL list holding non-objects), a backup from a newer format version, or
//   more than 100,000 records.
// - A record that cannot become a valid reading-list entry (no title, wrong types, a string over the limits of
//   PaperSchema/SavedPaperSchema, an unknown status) is skipped and reported with its reason; the rest import.
//   Within one file the first record for an id wins (backups: the one with the newest edit), later ones are
//   skipped as duplicates. Tags taken from keywords that are not valid tags are dropped, not the record.
// - BibTeX/RIS/CSL records become `to-read` entries with tags from their keywords (arXiv categories go to the
//   paper's categories) and no timestamps (savedAt = updatedAt = 0): they carry no edit time, so on merge they
//   never override what the user did with a paper already in the list (see mergeImport).
import * as v from 'valibot';
import { PaperId, SavedPaperSchema, TagSchema } from '../../background/messages';
import { mergePapers, normalizeSpace, PAPER_LIMITS, withStarsTime } from '../paper';
import type { Paper } from '../paper';
import { v5Record, v8Record, type SavedPaper } from '../../storage/schema';
import { RECORD_LIMITS } from '../../storage/limits';
import { tagKey, unionTags } from '../tags/same-tag';
import { mergeSamePaper, statusTime } from '../../storage/same-paper';
import { currentId, idFromDoi } from '../ids';
import { aliasesOf, boundAliases, knownIds } from '../aliases';
import { venueIdFromUrl } from '../venues';
import type { CslItem } from './csl';
import { fromCsl, importId, keywordText, tagCandidates, yearOf } from './csl';
import { BACKUP_FORMAT, BACKUP_VERSION } from './backup';
import type { BackupSettings } from './settings';
import { settingsFromBackup } from '../../storage/settings-schema';
import type { LongWork } from './progress';
import { inChunks, isAbortError, throwIfAborted } from './progress';

import { MAX_IMPORT_BYTES, MAX_IMPORT_RECORDS, TOO_LARGE } from './limits';
import { CLOCK_SKEW_MS } from '../clock-skew';
import { foldText } from '../fold';

export { MAX_IMPORT_BYTES, MAX_IMPORT_RECORDS };

export type ImportFormat = 'backup' | 'csl-json' | 'bibtex' | 'ris';

export interface ImportSkip {
  /** The record's id, or where it is in the file (`#12`, `@article{key}`) when it has none. */
  id: string;
  /** The record's title, when it has one. */
  title?: string;
  reason: string;
}

export type ImportParseResult =
  | {
      ok: true;
      format: ImportFormat;
      records: SavedPaper[];
      skipped: ImportSkip[];
      /** A backup's groups of possible duplicates the reader said are different papers (Backup.notDuplicates), by ids. */
      notDuplicates?: string[][];
      /** A backup's settings (Backup.settings), each field that was readable; never a GitHub token. */
      settings?: Partial<BackupSettings>;
    }
  | { ok: false; error: string };

/** A problem with the whole file: nothing is imported. */
class ImportError extends Error {}

const clip = (text: string, max = 120) => {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length > max ? `${chars.slice(0, max - 1).join('')}…` : chars.join('');
};

/**
 * Read and validate an export file. `filename` is only a hint (the content decides). Rejects with an
 * `AbortError` when cancelled; every other problem is an `{ ok: false, error }` result.
 */
export async function parseImport(text: string, filename?: string, options: LongWork = {}): Promise<ImportParseResult> {
  throwIfAborted(options.signal);
  try {
    return await parse(text, filename, options);
  } catch (error) {
    if (isAbortError(error)) throw error;
    const reason = error instanceof ImportError ? error.message : `The file could not be read (${clip(String((error as Error)?.message ?? error))})`;
    return { ok: false, error: `${reason}. Nothing was imported.` };
  }
}

function utf8Length(text: string, stopAbove: number): number {
  let bytes = 0;
  for (let i = 0; i < text.length && bytes <= stopAbove; i++) {
    const c = text.charCodeAt(i);
    bytes += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? 4 : c >= 0xdc00 && c < 0xe000 ? 0 : 3;
  }
  return bytes;
}

/** NUL bytes, or over 5% control or replacement characters (bytes that were not UTF-8) near the start. */
function looksBinary(text: string): boolean {
  if (text.includes('\u0000')) return true;
  const head = text.slice(0, 65_536);
  const odd = head.match(/[\u0001-\u0008\u000E-\u001F\uFFFD]/g)?.length ?? 0;
  return odd > head.length / 20;
}

const EXPECTED = 'a Papershelf backup (.json), CSL-JSON, BibTeX (.bib) or RIS (.ris) file';

async function parse(text: string, filename: string | undefined, options: LongWork): Promise<ImportParseResult> {
  if (typeof text !== 'string') throw new ImportError(`Expected ${EXPECTED}`);
  if (text.length > MAX_IMPORT_BYTES || utf8Length(text, MAX_IMPORT_BYTES) > MAX_IMPORT_BYTES) {
    throw new ImportError(TOO_LARGE);
  }
  const body = text.replace(/^\uFEFF/, '');
  if (!body.trim()) throw new ImportError('The file is empty');
  if (looksBinary(body)) throw new ImportError(`This is not a text file. Import ${EXPECTED}`);
  const ext = /\.([A-Za-z]+)$/.exec(filename ?? '')?.[1]?.toLowerCase();
  const start = body.trimStart()[0];
  const ris = /^\s*(?:\S.*\r?\n\s*){0,3}TY {1,2}- /.test(body.slice(0, 4096));
  const bib = /@\s*[A-Za-z]+\s*[{(]/.test(body);
  if (start === '{' || start === '[') return parseJson(body, options);
  if (ris && !(bib && (ext === 'bib' || ext === 'bibtex'))) return parseRis(body, options);
  if (bib) return parseBibtex(body, options);
  if (ext === 'json') return parseJson(body, options);
  if (ext === 'bib' || ext === 'bibtex') throw new ImportError('No BibTeX entries (like @article{key, …}) were found in the file');
  if (ext === 'ris') throw new ImportError('No RIS records (starting with a "TY  - " line) were found in the file');
  throw new ImportError(`Unrecognised file: expected ${EXPECTED}`);
}

// ---- Records ------------------------------------------------------------------------------------------

function describeIssues(issues: readonly v.BaseIssue<unknown>[]): string {
  const first = issues[0];
  if (!first) return 'invalid';
  const path = first.path?.map((item) => String(item.key)).join('.');
  const more = issues.length > 1 ? ` (and ${issues.length - 1} more problem${issues.length > 2 ? 's' : ''})` : '';
  return clip(`${path ? `${path}: ` : ''}${first.message}`, 200) + more;
}

function validTags(candidates: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const candidate of candidates) {
    const parsed = v.safeParse(TagSchema, normalizeSpace(candidate));
    if (!parsed.success || seen.has(tagKey(parsed.output))) continue;
    seen.add(tagKey(parsed.output));
    out.push(parsed.output);
    if (out.length === RECORD_LIMITS.tags) break;
  }
  return out;
}

type Checked = { record: SavedPaper } | { skip: ImportSkip };

/** A citation record as a new reading-list entry, validated like everything the list stores. */
function importedRecord(read: Paper, tags: readonly string[], where: string): Checked {
  if (!read.title) return { skip: { id: where, reason: 'it has no title' } };
  // A big collaboration's paper (ATLAS and CMS together: 5,154 authors) lists more authors than a record keeps: the
  // first ones are kept and the count, as a page's save keeps them (core/paper.ts boundPaper), not the paper skipped.
  const max = PAPER_LIMITS.authors;
  const paper = read.authors.length > max ? { ...read, authors: read.authors.slice(0, max), authorCount: read.authors.length } : read;
  const record: SavedPaper = { id: paper.id, paper, status: 'to-read', tags: validTags(tags), note: '', savedFrom: '', savedAt: 0, updatedAt: 0 };
  const parsed = v.safeParse(SavedPaperSchema, record);
  return parsed.success ? { record: parsed.output } : { skip: { id: paper.id, title: clip(paper.title), reason: describeIssues(parsed.issues) } };
}

/** Keep the first record per id (`prefer` may pick the later one); the others are reported. */
function dedupe(checked: Checked[], prefer?: (a: SavedPaper, b: SavedPaper) => boolean): { records: SavedPaper[]; skipped: ImportSkip[] } {
  const byId = new Map<string, SavedPaper>();
  const skipped: ImportSkip[] = [];
  for (const item of checked) {
    if ('skip' in item) {
      skipped.push(item.skip);
      continue;
    }
    const record = item.record;
    const earlier = byId.get(record.id);
    const title = clip(record.paper.title);
    if (!earlier) byId.set(record.id, record);
    else if (prefer?.(record, earlier)) {
      byId.set(record.id, record);
      skipped.push({ id: record.id, title, reason: 'duplicate in the file: the copy with the newest edit is imported' });
    } else {
      const reason = prefer ? 'duplicate in the file: the copy with the newest edit is imported' : 'duplicate in the file: the first entry for this paper is imported';
      skipped.push({ id: record.id, title, reason });
    }
  }
  return { records: [...byId.values()], skipped };
}

function tooMany(count: number, what: string): void {
  if (count > MAX_IMPORT_RECORDS) {
    throw new ImportError(`The file has ${count.toLocaleString('en-US')} ${what}; at most ${MAX_IMPORT_RECORDS.toLocaleString('en-US')} can be imported at once`);
  }
}

// ---- JSON: backup and CSL-JSON --------------------------------------------------------------------------

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class ForbiddenKey extends Error {
  constructor(readonly key: string) {
    super(key);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

async function parseJson(body: string, options: LongWork): Promise<ImportParseResult> {
  let data: unknown;
  try {
    data = JSON.parse(body, (key, value: unknown) => {
      if (FORBIDDEN_KEYS.has(key)) throw new ForbiddenKey(key);
      return value;
    });
  } catch (error) {
    if (error instanceof ForbiddenKey) {
      throw new ImportError(`The file contains the key "${error.key}", which no Papershelf or CSL-JSON file has and which could be used to tamper with the extension`);
    }
    if (error instanceof RangeError) throw new ImportError('The JSON is nested too deeply to be a Papershelf backup or CSL-JSON');
    throw new ImportError(`The file is not valid JSON; it may be cut off or damaged (${clip((error as Error).message)})`);
  }
  if (Array.isArray(data)) return parseCslList(data, options);
  if (isObject(data)) {
    if (data.format === BACKUP_FORMAT) return parseBackup(data, options);
    if (typeof data.format === 'string') throw new ImportError(`Unknown JSON file format "${clip(data.format, 60)}"; expected "${BACKUP_FORMAT}"`);
    if (typeof data.title === 'string' && typeof data.type === 'string') return parseCslList([data], options);
  }
  throw new ImportError('This JSON file is neither a Papershelf backup nor CSL-JSON (a list of citation items)');
}

/**
 * A backup record from an older build as the database upgrades (schemas v5 and v8) make stored ones: `version` and
 * `doi` unknown where its paper has neither (format 1), a `savedFrom` longer than a record may hold shortened, its
 * aliases (those of its own DOI where it has none) and each tag once whatever its case.
 */
function asCurrentRecord(raw: unknown): unknown {
  if (!isObject(raw)) return raw;
  const v5 = v5Record(raw as unknown as SavedPaper) ?? (raw as unknown as SavedPaper);
  return v8Record(v5) ?? v5;
}

async function parseBackup(data: Record<string, unknown>, options: LongWork): Promise<ImportParseResult> {
  const version = data.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) throw new ImportError('The backup has no valid format version');
  if (version > BACKUP_VERSION) {
    throw new ImportError(`This backup was made by a newer version of Papershelf (backup format ${version}); update the extension to import it`);
  }
  const papers = data.papers;
  if (!Array.isArray(papers)) throw new ImportError('The backup has no list of papers');
  tooMany(papers.length, 'papers');
  const checked = await inChunks(papers, options, (chunk, start) =>
    chunk.map((raw, i): Checked => {
      const where = isObject(raw) && typeof raw.id === 'string' && v.is(PaperId, raw.id) ? raw.id : `#${start + i + 1}`;
      const rawTitle = isObject(raw) && isObject(raw.paper) && typeof raw.paper.title === 'string' ? clip(raw.paper.title) : undefined;
      const parsed = v.safeParse(SavedPaperSchema, asCurrentRecord(raw));
      if (!parsed.success) return { skip: { id: where, ...(rawTitle ? { title: rawTitle } : {}), reason: describeIssues(parsed.issues) } };
      if (parsed.output.id !== parsed.output.paper.id) {
        return { skip: { id: where, title: clip(parsed.output.paper.title), reason: `its id does not match its paper's id (${clip(parsed.output.paper.id, 60)})` } };
      }
      return { record: parsed.output };
    }),
  );
  const notDuplicates = notDuplicateGroups(data.notDuplicates);
  // A damaged field costs that setting (or a list's damaged items), never the papers nor the other settings.
  const settings = settingsFromBackup(data.settings);
  return {
    ok: true,
    format: 'backup',
    ...dedupe(rekeyed(checked), (a, b) => a.updatedAt > b.updatedAt),
    ...(notDuplicates.length ? { notDuplicates } : {}),
    ...(Object.keys(settings).length ? { settings } : {}),
  };
}

/**
 * A backup's `notDuplicates`: each group's ids as today's (currentId, as its records are rekeyed), sorted, once each;
 * the last MAX_IMPORT_RECORDS groups at most (the library keeps fewer). What is not a list of two or more paper ids is
 * left out: a damaged field costs those decisions, never the papers.
 */
function notDuplicateGroups(raw: unknown): string[][] {
  if (!Array.isArray(raw)) return [];
  const groups: string[][] = [];
  for (const group of raw.slice(-MAX_IMPORT_RECORDS)) {
    if (!Array.isArray(group) || !group.every((id): id is string => typeof id === 'string' && v.is(PaperId, id))) continue;
    const ids = [...new Set(group.map(currentId))].sort();
    if (ids.length > 1) groups.push(ids);
  }
  return groups;
}

/**
 * Backup records under the ids older builds gave (`arxiv:math.GT/0309136`, `doi:10.18653/v1/…`) moved to today's
 * (currentId), as the database upgrades moved stored ones: otherwise the paper would come in as a second record beside
 * the one in the list. A record moved onto a paper the file also has under its current id becomes one record with it,
 * as the upgrade merges them (same-paper.ts: nothing the user wrote is lost); the moved copy is reported.
 */
function rekeyed(checked: Checked[]): Checked[] {
  const moved: Checked[] = [];
  const byId = new Map<string, { record: SavedPaper }>();
  for (const item of checked) {
    if ('record' in item) byId.set(item.record.id, item);
  }
  const out: Checked[] = [];
  for (const item of checked) {
    if ('skip' in item) {
      out.push(item);
      continue;
    }
    const old = item.record.id;
    const id = currentId(old);
    if (id === old) {
      out.push(item);
      continue;
    }
    const record: SavedPaper = { ...item.record, id, paper: { ...item.record.paper, id } };
    const same = byId.get(id);
    if (!same) {
      const entry = { record };
      byId.set(id, entry);
      out.push(entry);
      continue;
    }
    const merged = v.safeParse(SavedPaperSchema, mergeSamePaper(id, same.record, record));
    if (merged.success) {
      same.record = merged.output;
      moved.push({ skip: { id: old, title: clip(record.paper.title), reason: `an older id of ${id}, which the file also has: the two copies are merged into one` } });
    } else out.push({ record }); // too much to merge within the limits: dedupe keeps the newer copy
  }
  return [...out, ...moved];
}

const optionalText = v.optional(v.string());
const CslNameSchema = v.object({
  family: optionalText,
  given: optionalText,
  suffix: optionalText,
  literal: optionalText,
  'non-dropping-particle': optionalText,
  'dropping-particle': optionalText,
});
/**
 * A CSL date: date-parts, or an EDTF string ("2020-05-01", "2020-05"), which the CSL 1.0.2 schema allows in place of
 * the object and as its `edtf`; both are read as the `raw` date they are (csl.ts dateParts reads its leading ISO date).
 */
const CslDateSchema = v.union([
  v.pipe(
    v.object({
      'date-parts': v.optional(v.array(v.array(v.union([v.number(), v.string()])))),
      raw: optionalText,
      literal: optionalText,
      edtf: optionalText,
    }),
    v.transform(({ edtf, ...date }) => (edtf !== undefined && date['date-parts'] === undefined && date.raw === undefined ? { ...date, raw: edtf } : date)),
  ),
  v.pipe(
    v.string(),
    v.transform((raw) => ({ raw })),
  ),
]);
/** The CSL variables Papershelf reads; others are ignored. Type errors skip the item. */
const CslInputSchema = v.object({
  id: v.optional(v.union([v.string(), v.number()])),
  type: optionalText,
  title: optionalText,
  author: v.optional(v.array(CslNameSchema)),
  issued: v.optional(CslDateSchema),
  'event-date': v.optional(CslDateSchema),
  'container-title': optionalText,
  'event-title': optionalText,
  event: optionalText,
  publisher: optionalText,
  number: v.optional(v.union([v.string(), v.number()])),
  version: v.optional(v.union([v.string(), v.number()])),
  DOI: optionalText,
  URL: optionalText,
  abstract: optionalText,
  keyword: v.optional(v.union([v.string(), v.array(v.string())])),
});

function cslItemOf(input: v.InferOutput<typeof CslInputSchema>): CslItem {
  const { id, number, version, keyword, ...rest } = input;
  const item: CslItem = { ...rest, id: String(id ?? ''), type: input.type ?? 'article' };
  if (number !== undefined) item.number = String(number);
  if (version !== undefined) item.version = String(version);
  if (keyword !== undefined) item.keyword = Array.isArray(keyword) ? keyword.join(',') : keyword;
  return item;
}

async function parseCslList(list: unknown[], options: LongWork): Promise<ImportParseResult> {
  tooMany(list.length, 'items');
  const bad = list.findIndex((item) => !isObject(item));
  if (bad !== -1) throw new ImportError(`Item ${bad + 1} of the CSL-JSON list is not an object, so this is not CSL-JSON`);
  if (list.length === 0) throw new ImportError('The CSL-JSON list is empty');
  const checked = await inChunks(list, options, (chunk, start) =>
    chunk.map((raw, i): Checked => {
      const where = `#${start + i + 1}`;
      const parsed = v.safeParse(CslInputSchema, raw);
      if (!parsed.success) return { skip: { id: where, reason: describeIssues(parsed.issues) } };
      const item = cslItemOf(parsed.output);
      return importedRecord(fromCsl(item, { page: 'csl-json', siteIdFromId: true }), tagCandidates(item), where);
    }),
  );
  return { ok: true, format: 'csl-json', ...dedupe(checked) };
}

// ---- BibTeX and RIS (citation-js, loaded on demand) ------------------------------------------------------

/** dblp's BibTeX names each entry `DBLP:<dblp key>` (`DBLP:conf/icml/Smith23`); other cite keys are the user's own names. */
const DBLP_CITE_KEY = /^DBLP:(\S+)$/;

function text(value: unknown): string | null {
  return typeof value === 'string' || typeof value === 'number' ? String(value).trim() || null : null;
}

function firstLine(error: unknown): string {
  return clip(String((error as Error)?.message ?? error).split('\n')[0]!.replace(/:\s*$/, ''), 160);
}

async function parseBibtex(body: string, options: LongWork): Promise<ImportParseResult> {
  const { parseBibtexText, bibEntriesToCsl } = await import('./citation-parse');
  type Entry = ReturnType<typeof parseBibtexText>[number];
  let entries: Entry[];
  try {
    entries = parseBibtexText(body);
  } catch (error) {
    throw new ImportError(`The BibTeX is malformed: ${firstLine(error)}. Check that every entry's braces and quotes are closed`);
  }
  tooMany(entries.length, 'entries');
  if (entries.length === 0) throw new ImportError('No BibTeX entries were found in the file');
  // The entries others cross-reference (dblp's "with crossref" BibTeX gives each paper's proceedings volume as an entry
  // of its own, `crossref = {DBLP:conf/nips/2017}`): the volume whose venue and date its papers inherit, not a paper to
  // read. It is still converted with them (citation-js reads the inherited fields from it), but no record.
  // (Others: an entry that names itself is still a paper.)
  const crossReferenced = new Set(
    entries.flatMap((entry) => {
      const key = text(entry.properties?.crossref);
      return key !== null && key !== entry.label ? [key] : [];
    }),
  );
  const toRecord = (entry: Entry, csl: CslItem): Checked => {
    const where = `@${entry.type}{${clip(entry.label, 60)}}`;
    if (crossReferenced.has(entry.label)) {
      const title = text(csl.title);
      return { skip: { id: where, ...(title ? { title: clip(title) } : {}), reason: 'the volume other entries of the file cross-reference, not a paper' } };
    }
    const p = entry.properties;
    const paper = fromCsl(csl, {
      eprint: text(p.eprint),
      eprintType: text(p.archiveprefix) ?? text(p.eprinttype),
      primaryClass: text(p.primaryclass) ?? text(p.eprintclass),
      page: 'bibtex',
      dblpKey: DBLP_CITE_KEY.exec(entry.label)?.[1] ?? null,
    });
    return importedRecord(paper, tagCandidates(csl), where);
  };
  // citation-js finds a cross-referenced entry only among those it converts together, and a file's volumes come after
  // its papers (dblp writes them last): each part is converted with the volumes its entries cross-reference (and
  // theirs), or the papers of every part but the last lost the venue and year they inherit.
  const byLabel = new Map(entries.map((entry) => [entry.label, entry]));
  const withVolumes = (chunk: readonly Entry[]): Entry[] => {
    const out = [...chunk];
    const seen = new Set(out);
    for (let i = 0; i < out.length; i++) {
      const volume = byLabel.get(text(out[i]!.properties?.crossref) ?? '');
      if (volume && !seen.has(volume)) {
        seen.add(volume);
        out.push(volume);
      }
    }
    return out;
  };
  const checked = await inChunks(entries, options, (chunk) => {
    try {
      const items = bibEntriesToCsl(withVolumes(chunk));
      return chunk.map((entry, i) => toRecord(entry, items[i]!));
    } catch {
      // One entry citation-js cannot convert: find it, convert the rest.
      return chunk.map((entry): Checked => {
        try {
          return toRecord(entry, bibEntriesToCsl([entry])[0]!);
        } catch (error) {
          return { skip: { id: `@${entry.type}{${clip(entry.label, 60)}}`, reason: `could not be read (${firstLine(error)})` } };
        }
      });
    }
  });
  return { ok: true, format: 'bibtex', ...dedupe(checked) };
}

async function parseRis(body: string, options: LongWork): Promise<ImportParseResult> {
  const { parseRisText, risRecordToCsl } = await import('./citation-parse');
  // Some writers put one space before the dash ("TY - JOUR"); the specification (and citation-js) want two. And classic
  // Mac writers end lines with CR alone, which citation-js does not split at: the file would be one record, untitled.
  const normalized = body.replace(/\r\n?/g, '\n').replace(/^[ \t]*([A-Z][A-Z0-9]) {1,2}-(?: |$)/gm, '$1  - ');
  let records: ReturnType<typeof parseRisText>;
  try {
    records = parseRisText(normalized);
  } catch (error) {
    const why = error instanceof TypeError ? 'a tag comes before the first "TY  - " line' : firstLine(error);
    throw new ImportError(`The RIS is malformed: ${why}`);
  }
  tooMany(records.length, 'records');
  if (records.length === 0) throw new ImportError('No RIS records were found in the file');
  const checked = await inChunks(records, options, (chunk, start) =>
    chunk.map((record, i): Checked => {
      const where = `#${start + i + 1}`;
      try {
        const csl = risRecordToCsl(record);
        return importedRecord(fromCsl(csl, { page: 'ris', siteIdFromId: true, plainText: true }), tagCandidates(csl), where);
      } catch (error) {
        return { skip: { id: where, reason: `could not be read (${firstLine(error)})` } };
      }
    }),
  );
  return { ok: true, format: 'ris', ...dedupe(checked) };
}

// ---- Merge ----------------------------------------------------------------------------------------------

export interface MergeSummary {
  added: number;
  updated: number;
  skipped: ImportSkip[];
  /** Backup records dated later than now: imported, but not as the newer edit (see Merger.add). */
  futureDated: ImportSkip[];
}

export { CLOCK_SKEW_MS };

/** "dated 2099-01-01, in the future" (Date cannot show times past the year 275760: "in the far future"). */
const datedInFuture = (ms: number) => (ms <= 8.64e15 ? `dated ${new Date(ms).toISOString().slice(0, 10)}, in the future` : 'dated in the far future');

export interface MergeResult {
  /** Records to write, in one transaction. */
  upserts: SavedPaper[];
  summary: MergeSummary;
}

function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) return Array.isArray(b) && a.length === b.length && a.every((x, i) => equal(x, b[i]));
  if (isObject(a) && isObject(b)) {
    const keys = Object.keys(a);
    return keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k) && equal(a[k], b[k]));
  }
  return false;
}

/**
 * One incoming record over the one in the list.
 * - Timestamped records (backups): the record with the newer `updatedAt` wins status, tags and note as a whole
 *   (a tag removed on the newer side stays removed); paper metadata is merged field by field, newer non-empty
 *   value first; the earliest `savedAt` is kept, the latest `updatedAt`. Ties go to the list.
 * - Records without timestamps (BibTeX/RIS/CSL): the user's status and note stay; tags are the union (keywords
 *   add tags, never remove them), except keywords that are the paper's own categories; metadata only fills
 *   fields the list has empty, or an author list it has cut short with a longer one (mergePapers), or gives the
 *   list's date a month or day it lacked (mergedDate). When anything changes, `updatedAt` becomes `now`.
 */
function mergeRecord(current: SavedPaper, incoming: SavedPaper, now: number): SavedPaper {
  if (incoming.updatedAt > 0) {
    const incomingNewer = incoming.updatedAt > current.updatedAt;
    const [newer, older] = incomingNewer ? [incoming, current] : [current, incoming];
    const earliest = incoming.savedAt > 0 && incoming.savedAt < current.savedAt ? incoming : current;
    return {
      id: current.id,
      paper: mergePapers(newer.paper, older.paper),
      status: newer.status,
      tags: newer.tags,
      note: newer.note,
      savedFrom: earliest.savedFrom || (earliest === current ? incoming : current).savedFrom,
      savedAt: earliest.savedAt,
      updatedAt: Math.max(current.updatedAt, incoming.updatedAt),
      ...statusTime(newer, older),
    };
  }
  // Exports write the paper's categories (Hugging Face and OpenReview keywords, arXiv classes) and the user's tags
  // as one keyword list, which import cannot tell apart: a keyword that is one of the paper's categories in the
  // list is that category coming back, not a new tag (or re-importing an export would tag every paper).
  const categories = new Set(current.paper.categories.map((c) => keywordText(c).toLowerCase()));
  // And the other way round: a keyword that is one of its tags (`quant-ph`) is that tag coming back, not a category.
  const tags = new Set(current.tags.map((tag) => keywordText(tag).toLowerCase()));
  const incomingPaper = { ...incoming.paper, categories: incoming.paper.categories.filter((c) => categories.has(keywordText(c).toLowerCase()) || !tags.has(keywordText(c).toLowerCase())) };
  // A DOI the list knows as one of the paper's ids (a CVF paper's IEEE DOI, from a dblp entry merged into it) is
  // nothing new: exports write it from there (arxivIdAndDoi), and it comes back as the record's `doi`.
  const doi = incoming.paper.doi;
  const knownDoi = doi && knownIds({ ...current.paper, id: current.id }).includes(idFromDoi(doi));
  const merged: SavedPaper = {
    ...current,
    paper: mergePapers(current.paper, knownDoi ? { ...incomingPaper, doi: null } : incomingPaper),
    tags: unionTags(current.tags, incoming.tags.filter((tag) => !categories.has(keywordText(tag).toLowerCase())), RECORD_LIMITS.tags),
    note: current.note || incoming.note,
  };
  return equal(merged, current) ? current : { ...merged, updatedAt: Math.max(now, current.updatedAt) };
}

/** A new record from a citation file gets `now` as its save and edit time. */
function stamped(record: SavedPaper, now: number): SavedPaper {
  return record.updatedAt > 0 ? record : { ...record, savedAt: record.savedAt || now, updatedAt: now, statusAt: now };
}

/**
 * TeX's Greek letters and `\ell`, as the letter they write: arXiv keeps a title's TeX (`$\beta$-VAE`) where a venue,
 * dblp or a decoded BibTeX file has the letter (β-VAE), and dropped as other commands are, the two titles differed.
 */
const GREEK = (
  'alpha α beta β gamma γ delta δ epsilon ε varepsilon ε zeta ζ eta η theta θ vartheta θ iota ι kappa κ lambda λ mu μ ' +
  'nu ν xi ξ pi π varpi π rho ρ varrho ρ sigma σ varsigma ς tau τ upsilon υ phi φ varphi φ chi χ psi ψ omega ω ' +
  'Gamma Γ Delta Δ Theta Θ Lambda Λ Xi Ξ Pi Π Sigma Σ Upsilon Υ Phi Φ Psi Ψ Omega Ω ell ℓ'
).split(' ');
/** A Map, not an object: a title's `\constructor` is no letter. */
const TEX_LETTERS = new Map(GREEK.flatMap((word, i) => (i % 2 ? [] : [[word, GREEK[i + 1]!] as const])));

/**
 * Greek letters' names written out, as the letter: one listing writes "beta-VAE" or "pi0" where another has β-VAE or
 * π0. Only a whole word (no letter next to it: digits may be, "pi0"), so AlphaFold and "Alphabet" stay as they are;
 * a capital's name ("Gamma") is the small letter, as the key lowercases the letter itself.
 */
const SPELLED_GREEK = new Map(
  'alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi pi rho sigma tau upsilon phi chi psi omega'
    .split(' ')
    .map((name) => [name, TEX_LETTERS.get(name)!] as const),
);
const SPELLED_GREEK_WORD = new RegExp(`(?<![\\p{L}\\p{M}])(?:${[...SPELLED_GREEK.keys()].join('|')})(?![\\p{L}\\p{M}])`, 'giu');

/**
 * A title as a key that TeX does not change: TeX's letters as the letter (`\beta` as β), other commands dropped (kept
 * literally or decoded, `\"`), Greek letters' names as the letter (SPELLED_GREEK), accents and compatibility forms
 * folded (ü as u, ₁ as 1, ß as ss: core/fold.ts), and only letters and digits kept, without spaces (so `M\"uller`
 * and `Müller` agree). Only for matching an `import:` record to the one paper of the list with that key, never an id.
 * No year: a record read back from BibTeX has its year only in its `import:` id, not in the paper.
 */
export function looseTitleKey(title: string): string {
  const plain = title
    .replace(/\\([A-Za-z]+)/g, (command, name: string) => TEX_LETTERS.get(name) ?? command)
    .replace(/\\(?:[A-Za-z]+|.)/g, '')
    // BibTeX's case braces split no word: "{B}eta-VAE" is Beta-VAE, not B and eta.
    .replace(/[{}]/g, '')
    .replace(SPELLED_GREEK_WORD, (name) => SPELLED_GREEK.get(name.toLowerCase())!);
  return foldText(plain).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** The id of the one record each key names (null: more than one has it); a record whose key is empty has none. */
function uniqueIndex(records: Iterable<SavedPaper>, keyOf: (record: SavedPaper) => string): Map<string, string | null> {
  const index = new Map<string, string | null>();
  for (const record of records) {
    const key = keyOf(record);
    if (key) index.set(key, index.has(key) ? null : record.id);
  }
  return index;
}

class Merger {
  readonly upserts = new Map<string, SavedPaper>();
  readonly added = new Set<string>();
  readonly updated = new Set<string>();
  readonly futureDated: ImportSkip[] = [];
  /** Ids this import added from backup records: records of one list, kept apart there, are not one paper here either. */
  private readonly fromBackup = new Set<string>();
  constructor(
    readonly existing: ReadonlyMap<string, SavedPaper>,
    readonly now: number,
    readonly skipped: ImportSkip[],
  ) {}

  /**
   * A backup record saved or edited later than now (beyond clock skew) comes from a wrong clock or from a file
   * made to win: the newer edit replaces status, tags and note, and later edits only move `updatedAt` forward, so
   * it would win this merge and every one after. Its times are not believed: over a paper in the list it merges
   * like a citation record (the list's status, note and tags stay, its tags and missing metadata are added); a
   * new paper is added as it is, saved and edited now. Either way the summary says so.
   */
  private credible(record: SavedPaper, current: SavedPaper | undefined): SavedPaper {
    // A status set or a star count read in the future is not believed either: its time is dropped (unknown), the status
    // or count kept.
    const { statusAt, ...timeless } = record;
    const future = (at: number | undefined) => at !== undefined && at > this.now + CLOCK_SKEW_MS;
    const dated: SavedPaper = future(statusAt) ? timeless : record;
    const incoming: SavedPaper = future(dated.paper.githubStarsAt) ? { ...dated, paper: withStarsTime(dated.paper, { githubStars: dated.paper.githubStars }) } : dated;
    const latest = Math.max(incoming.savedAt, incoming.updatedAt);
    if (latest <= this.now + CLOCK_SKEW_MS) return incoming;
    const reason = current
      ? `${datedInFuture(latest)}: it does not replace the status, tags and note in the list; only its tags and what the list lacks are added`
      : `${datedInFuture(latest)}: it is added as saved and edited now`;
    this.futureDated.push({ id: incoming.id, title: clip(incoming.paper.title), reason });
    return current ? { ...incoming, savedAt: 0, updatedAt: 0 } : { ...incoming, savedAt: Math.min(incoming.savedAt, this.now), updatedAt: this.now };
  }

  private aliasIndex: Map<string, string> | null = null;

  /**
   * The id of the paper in the list, or added to it by this import, that is this one under another of its ids
   * (Paper.aliases): one the record names (a BibTeX entry by DOI whose URL is the CVF page the paper was saved from), or
   * one that names the record's id. A file may hold one paper twice, a dblp entry and the CVF page's: one record.
   */
  private byAlias(paper: Paper): string | undefined {
    if (!this.aliasIndex) {
      this.aliasIndex = new Map();
      for (const record of this.existing.values()) this.indexAliases(record);
      for (const record of this.upserts.values()) this.indexAliases(record);
    }
    for (const id of knownIds(paper)) {
      if (id !== paper.id && (this.upserts.has(id) || this.existing.has(id))) return id;
      const named = this.aliasIndex.get(id);
      if (named !== undefined) return named;
    }
    return undefined;
  }

  /** The record's aliases into aliasIndex, where no record before it named them. */
  private indexAliases(record: SavedPaper): void {
    for (const alias of aliasesOf({ ...record.paper, id: record.id })) if (!this.aliasIndex!.has(alias)) this.aliasIndex!.set(alias, record.id);
  }

  private titleIndex: Map<string, string | null> | null = null;
  private looseIndex: Map<string, string | null> | null = null;

  /**
   * An `import:` id (a citation record with neither arXiv id nor DOI) names the paper by title and year; when
   * exactly one paper in the list has that title and year, the record is that paper (a site-only paper exported
   * to BibTeX and imported again, a hand-written entry for a paper saved from arXiv). So does a citation record
   * named by the venue page its URL is, when the list has no paper of that id: a paper saved from Scholar before
   * venue ids (`scholar:…`, its URL a PMLR page) and exported to BibTeX comes back as `pmlr:…`. First of all, a record
   * that is a paper of the list under another of its ids is that paper (byAlias).
   */
  private resolve(incoming: SavedPaper): SavedPaper {
    if (!this.upserts.has(incoming.id) && !this.existing.has(incoming.id)) {
      const id = this.byAlias(incoming.paper);
      // Two records of one backup (a preprint and its journal version the reader kept apart, the preprint naming the
      // journal's DOI) stay two: the list they came from had them so.
      if (id && !(incoming.updatedAt > 0 && this.fromBackup.has(id))) return { ...incoming, id, paper: { ...incoming.paper, id, aliases: boundAliases(knownIds(incoming.paper), id) } };
    }
    const byUrl = incoming.updatedAt === 0 && incoming.paper.url !== null && venueIdFromUrl(incoming.paper.url) === incoming.id;
    if (!(incoming.id.startsWith('import:') || byUrl) || this.upserts.has(incoming.id) || this.existing.has(incoming.id)) return incoming;
    this.titleIndex ??= uniqueIndex(this.existing.values(), (record) => importId(record.paper.title, yearOf({ raw: record.paper.published ?? '' })));
    // A record named by its URL has no title-and-year key (BibTeX keeps the year only in `import:` ids): its title alone.
    let id = byUrl ? undefined : this.titleIndex.get(incoming.id);
    if (id === undefined) {
      // A title written in TeX comes back decoded (\"u as ü, $\ell_1$ as \ell₁): the second chance is a key that
      // neither the TeX nor its decoding changes.
      this.looseIndex ??= uniqueIndex(this.existing.values(), (record) => looseTitleKey(record.paper.title));
      id = this.looseIndex.get(looseTitleKey(incoming.paper.title));
    }
    return id ? { ...incoming, id, paper: { ...incoming.paper, id } } : incoming;
  }

  add(record: SavedPaper): void {
    const resolved = this.resolve(record);
    const current = this.upserts.get(resolved.id) ?? this.existing.get(resolved.id);
    const incoming = this.credible(resolved, current);
    if (!current) {
      const added = stamped(incoming, this.now);
      this.upserts.set(incoming.id, added);
      this.added.add(incoming.id);
      if (record.updatedAt > 0) this.fromBackup.add(incoming.id);
      if (this.aliasIndex) this.indexAliases(added); // a later record of the file may be this paper under another id
      return;
    }
    // A backup record of the paper under another of its ids is another copy of it, not a newer edit of this one: both
    // sides' tags and notes are kept (as the schema upgrades and the undo merge two copies), not the newer's alone.
    const merged = incoming.updatedAt > 0 && resolved.id !== record.id ? mergeSamePaper(current.id, current, incoming) : mergeRecord(current, incoming, this.now);
    if (merged === current || equal(merged, current)) {
      const reason = equal(incoming, current)
        ? 'unchanged: identical to the copy in the list'
        : incoming.updatedAt > 0
          ? 'unchanged: the copy in the list is as new or newer'
          : 'unchanged: nothing the list does not already have';
      this.skipped.push({ id: incoming.id, title: clip(incoming.paper.title), reason });
      return;
    }
    this.upserts.set(incoming.id, merged);
    if (this.aliasIndex) this.indexAliases(merged);
    if (!this.added.has(incoming.id)) this.updated.add(incoming.id);
  }

  result(): MergeResult {
    return { upserts: [...this.upserts.values()], summary: { added: this.added.size, updated: this.updated.size, skipped: this.skipped, futureDated: this.futureDated } };
  }
}

type Incoming = readonly SavedPaper[] | ImportParseResult;

/** The records to merge, and what parsing skipped (a parse result can be passed straight from parseImport). */
function recordsOf(incoming: Incoming): { records: readonly SavedPaper[]; skipped: ImportSkip[] } {
  if (Array.isArray(incoming)) return { records: incoming, skipped: [] };
  const result = incoming as ImportParseResult | PromiseLike<unknown>;
  if (typeof (result as PromiseLike<unknown>).then === 'function') throw new TypeError('mergeImport needs the result of parseImport, awaited');
  if (!('ok' in result)) throw new TypeError('mergeImport needs records or a parseImport result');
  if (!result.ok) throw new TypeError(result.error);
  return { records: result.records, skipped: [...result.skipped] };
}

/**
 * Merge parsed records (or a successful parseImport result) into the list by canonical id; see mergeRecord for
 * who wins. Pure: `existing` and `incoming` are not modified. `summary.skipped` lists what parsing skipped, then
 * the records that change nothing.
 */
export function mergeImport(existing: ReadonlyMap<string, SavedPaper>, incoming: Incoming, now: number): MergeResult {
  const { records, skipped } = recordsOf(incoming);
  const merger = new Merger(existing, now, skipped);
  for (const record of records) merger.add(record);
  return merger.result();
}

/** mergeImport in chunks, with progress, yielding to the event loop and cancellable. */
export async function mergeImportAsync(existing: ReadonlyMap<string, SavedPaper>, incoming: Incoming, now: number, options: LongWork = {}): Promise<MergeResult> {
  const { records, skipped } = recordsOf(incoming);
  const merger = new Merger(existing, now, skipped);
  await inChunks(records, options, (chunk) => {
    for (const record of chunk) merger.add(record);
    return [];
  });
  return merger.result();
}
