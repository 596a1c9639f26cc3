// Two reading-list records that turn out to be one paper (schema v4: an ACL paper saved once by its DOI and once
// by its anthology id) become one record without losing anything the user wrote. Pure, for the migration.
import { boundAliases, knownIds } from '../core/aliases';
import { mergePapers, type Paper } from '../core/paper';
import { savedTime } from '../core/merge-duplicates';
import { unionTags } from '../core/tags/same-tag';
import { RECORD_LIMITS } from './limits';
import type { SavedPaper } from './schema';

/**
 * The `statusAt` of the record whose status is taken, as a field to spread; where it has none (an older build's copy),
 * the other copy's when that copy has the same status (the time is as true of it); else none.
 */
export function statusTime(taken: Pick<SavedPaper, 'status' | 'statusAt'>, other?: Pick<SavedPaper, 'status' | 'statusAt'>): { statusAt?: number } {
  if (typeof taken.statusAt === 'number') return { statusAt: taken.statusAt };
  return other && other.status === taken.status && typeof other.statusAt === 'number' ? { statusAt: other.statusAt } : {};
}

/** Both copies' papers merged (mergePapers), tolerating a damaged record without one; the id is the merged record's. */
function mergePaper(id: string, newer: Paper | undefined, older: Paper | undefined): Paper {
  const paper = newer && older ? mergePapers(newer, older, id) : { ...(newer ?? older)! };
  return { ...paper, id, aliases: boundAliases([...knownIds(newer ?? older!), ...knownIds(older ?? newer!)], id) };
}

/**
 * The newer note, the tags that did not fit (as a line), then the older note unless it is the same text: both written by
 * the user, neither is dropped while the record's limit allows. Past it (two long notes), the end is cut and a last
 * line says how much: the cut falls in the older note, unless the newer one alone leaves no room for that line (within
 * ~130 characters of the limit), whose end is then cut too: a cut is always said, never silent.
 */
function notesOf(newer: string, tagLine: string, older: string): string {
  const a = newer.trim() ? newer : '';
  const b = older.trim() ? older : '';
  const note = [a, tagLine, a && a.trim() === b.trim() ? '' : b].filter(Boolean).join('\n\n');
  if (note.length <= RECORD_LIMITS.note) return note;
  const mark = (cut: number) => `\n\n[${cut.toLocaleString('en')} more characters did not fit: two copies of this paper were merged, and a note holds at most ${RECORD_LIMITS.note.toLocaleString('en')}]`;
  let end = RECORD_LIMITS.note - mark(note.length).length;
  if (/[\uD800-\uDBFF]/.test(note.charAt(end - 1))) end--; // never half a character
  return `${note.slice(0, end)}${mark(note.length - end)}`;
}

/**
 * One record for `id` from two copies of a paper. The newer edit (`updatedAt`; a tie goes to `first`) gives the
 * status and, field by field, the metadata (mergePapers); tags are the union (newer copy's first, case-insensitively
 * once; those past the record's limit go into the note); notes are both kept when they differ (notesOf); the earlier
 * save date and its page are kept, and the later edit time; the status's time goes with the status.
 */
export function mergeSamePaper(id: string, first: SavedPaper, second: SavedPaper): SavedPaper {
  const [newer, older] = second.updatedAt > first.updatedAt ? [second, first] : [first, second];
  const list = (r: SavedPaper) => (Array.isArray(r.tags) ? r.tags.filter((t) => typeof t === 'string') : []);
  const tags = unionTags(list(newer), list(older));
  const text = (r: SavedPaper) => (typeof r.note === 'string' ? r.note : '');
  const overflow = tags.splice(RECORD_LIMITS.tags);
  const note = notesOf(text(newer), overflow.length ? `Tags: ${overflow.join(', ')}` : '', text(older));
  const earlier = savedTime(older) < savedTime(newer) ? older : newer;
  const later = earlier === older ? newer : older;
  return {
    id,
    paper: mergePaper(id, newer.paper, older.paper),
    status: newer.status,
    tags,
    note,
    savedFrom: earlier.savedFrom || later.savedFrom,
    savedAt: earlier.savedAt > 0 ? earlier.savedAt : later.savedAt,
    updatedAt: Math.max(first.updatedAt, second.updatedAt),
    ...statusTime(newer, older),
  };
}
