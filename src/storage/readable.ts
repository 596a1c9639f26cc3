// A stored record as the list is read out (the popup, the library, its exports): of the types every reader of a record
// takes for granted. A record damaged on disk (a hand edit, another build's bug) made the whole list unreadable: the
// popup and the library said "Could not read your reading list" for one record without a tag list, and their lists,
// search and backups all went with it. Such a record is shown instead, each field it has of the right type kept and
// each other one empty (as a paper's stand-in is: its id for a title), so the reader can see it, mend it or remove it.
import { emptyPaper, type Paper } from '../core/paper';
import { READING_STATUSES } from './status';
import type { SavedPaper } from './schema';

const isString = (x: unknown): x is string => typeof x === 'string';
const isNumber = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const isStrings = (x: unknown): x is string[] => Array.isArray(x) && x.every(isString);
const orNull = (is: (x: unknown) => boolean) => (x: unknown) => x === null || is(x);
const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The type of each of a paper's fields. */
const PAPER_FIELDS: Record<Exclude<keyof Paper, 'id' | 'title' | 'source'>, (x: unknown) => boolean> = {
  authors: isStrings,
  authorCount: orNull(isNumber),
  // Optional: absent on every whole list, and on records kept before it.
  authorsCut: (x) => x === undefined || x === true,
  abstract: orNull(isString),
  published: orNull(isString),
  upvotes: orNull(isNumber),
  githubRepos: isStrings,
  githubStars: orNull(isNumber),
  // Optional: absent where the count's time is unknown.
  githubStarsAt: (x) => x === undefined || isNumber(x),
  projectUrl: orNull(isString),
  pdfUrl: orNull(isString),
  url: orNull(isString),
  venue: orNull(isString),
  categories: isStrings,
  version: orNull(isNumber),
  doi: orNull(isString),
  aliases: isStrings,
};

const isSource = (x: unknown): x is Paper['source'] => isRecord(x) && isString(x.site) && isString(x.page);

function readablePaper(id: string, paper: unknown): Paper {
  const given = isRecord(paper) ? paper : {};
  const title = isString(given.title) && given.title.trim() !== '' ? given.title : id;
  const source = isSource(given.source) ? given.source : { site: '', page: '' };
  const read = emptyPaper(id, title, source) as unknown as Record<string, unknown>;
  for (const [field, is] of Object.entries(PAPER_FIELDS)) if (given[field] !== undefined && is(given[field])) read[field] = given[field];
  return read as unknown as Paper;
}

/** Whether the record is of the types its readers take for granted (the common case: it is then given as it is). */
function isReadable(record: SavedPaper): boolean {
  const r = record as unknown as Record<string, unknown>;
  const paper = r.paper;
  if (!isRecord(paper) || paper.id !== r.id || !isString(paper.title) || paper.title.trim() === '' || !isSource(paper.source)) return false;
  for (const [field, is] of Object.entries(PAPER_FIELDS)) if (!is(paper[field])) return false;
  return (
    READING_STATUSES.includes(r.status as SavedPaper['status']) &&
    isStrings(r.tags) &&
    isString(r.note) &&
    isString(r.savedFrom) &&
    isNumber(r.savedAt) &&
    isNumber(r.updatedAt) &&
    (r.statusAt === undefined || isNumber(r.statusAt))
  );
}

/**
 * The record as the list gives it: itself when readable, else a copy of the right types (a status no build writes is
 * `to-read`, as a card shows it: saved-states.ts). Its key stays its id whatever it is.
 */
export function readableRecord(record: SavedPaper): SavedPaper {
  if (isReadable(record)) return record;
  const r = record as unknown as Record<string, unknown>;
  const id = String(r.id);
  const tags: unknown = r.tags;
  return {
    id: r.id as string,
    paper: readablePaper(id, r.paper),
    status: READING_STATUSES.includes(r.status as SavedPaper['status']) ? (r.status as SavedPaper['status']) : 'to-read',
    tags: Array.isArray(tags) ? tags.filter(isString) : [],
    note: isString(r.note) ? r.note : '',
    savedFrom: isString(r.savedFrom) ? r.savedFrom : '',
    savedAt: isNumber(r.savedAt) ? r.savedAt : 0,
    updatedAt: isNumber(r.updatedAt) ? r.updatedAt : 0,
    ...(isNumber(r.statusAt) ? { statusAt: r.statusAt } : {}),
  };
}
