// One record of copies of a paper the reader chose to merge (the library's duplicates, found by duplicates.ts). Apart
// from the finding, which reads titles as imports do (core/export), so the background that writes a merge does not
// load the import code. Pure.
import { aliasesOf, boundAliases } from './aliases';
import { doiOf } from './ids';
import { mergePapers, ownDoi, PAPER_LIMITS } from './paper';
import { unionTags } from './tags/same-tag';
import { RECORD_LIMITS } from '../storage/limits';
import { READING_STATUSES } from '../storage/status';
import type { SavedPaper } from '../storage/schema';

/** A record's save time for "the earlier save": an unknown one (0) is later than any. */
export const savedTime = (record: SavedPaper) => (record.savedAt > 0 ? record.savedAt : Infinity);

/** A merge the reader asked for that would lose something (a note or tags past a record's limits): nothing is written. */
export class MergeRefusedError extends Error {
  override name = 'MergeRefusedError';
}

/** The note of a merged record: `kept`'s, then the other copy's under a line naming it, each once, none empty. */
function mergedNote(kept: string, other: string, otherId: string): string {
  if (!other.trim() || other.trim() === kept.trim()) return kept;
  if (!kept.trim()) return other;
  return `${kept}\n\n— Note of ${otherId}, merged into this paper —\n${other}`;
}

/** The further along of two statuses (done, then reading, then to-read). */
function furtherStatus(a: SavedPaper['status'], b: SavedPaper['status']): SavedPaper['status'] {
  return READING_STATUSES.indexOf(b) > READING_STATUSES.indexOf(a) ? b : a;
}

function mergeTwo(keep: SavedPaper, other: SavedPaper, now: number): SavedPaper {
  if (other.id === keep.id) throw new MergeRefusedError(`“${keep.paper.title}” cannot be merged with itself`);
  const paper = mergePapers(keep.paper, other.paper, keep.id);
  // The other record's id first, so the bound never drops it: cards and lookups under it find this record from now on.
  paper.aliases = boundAliases([other.id, ...aliasesOf({ ...keep.paper, id: keep.id }), ...aliasesOf({ ...other.paper, id: other.id })], keep.id);
  // A `doi:` copy's DOI is the paper's own, which its id carried: kept as the merged paper's, for exports.
  paper.doi ??= ownDoi(doiOf(other.id), keep.id);
  const tags = unionTags(keep.tags, other.tags);
  if (tags.length > RECORD_LIMITS.tags) {
    throw new MergeRefusedError(`Merged, “${keep.paper.title}” would have ${tags.length} tags, and a paper has at most ${RECORD_LIMITS.tags}: remove some first`);
  }
  const note = mergedNote(keep.note, other.note, other.id);
  if (note.length > RECORD_LIMITS.note) {
    throw new MergeRefusedError(
      `Merged, the notes of “${keep.paper.title}” would be ${note.length.toLocaleString('en')} characters, and a note holds at most ${RECORD_LIMITS.note.toLocaleString('en')}: shorten one first`,
    );
  }
  const earlier = savedTime(other) < savedTime(keep) ? other : keep;
  const status = furtherStatus(keep.status, other.status);
  // The time of the status kept: of the copy that has it; both having it, the earlier (when the paper first got there).
  const times = [keep, other].filter((copy) => copy.status === status && typeof copy.statusAt === 'number').map((copy) => copy.statusAt!);
  return {
    id: keep.id,
    paper,
    status,
    tags,
    note,
    savedFrom: earlier.savedFrom || keep.savedFrom || other.savedFrom,
    savedAt: earlier.savedAt,
    // Now, the reader's edit; never before either copy's own (a clock that was ahead when it was edited).
    updatedAt: Math.max(now, keep.updatedAt, other.updatedAt),
    ...(times.length ? { statusAt: Math.min(...times) } : {}),
  };
}

/**
 * One record of `keep` and `others`, copies of one paper the reader merges: `keep`'s id; the papers merged field by
 * field (mergePapers, `keep`'s first), every other copy's id among the aliases, and the copies' own aliases as far
 * as PAPER_LIMITS.aliases allows (the first ones: a copy with many is rare, and a merge refused for it could never be
 * done); the tags of all, each once
 * whatever its case; the further-along status; every note kept, `keep`'s first, each other under a line naming its id
 * (unless empty or the same); the earliest save; edited `now`. Throws MergeRefusedError rather than lose anything:
 * tags or a note past a record's limits, an other id the aliases have no room for.
 */
export function mergeDuplicates(keep: SavedPaper, others: readonly SavedPaper[], now: number): SavedPaper {
  let merged = keep;
  for (const other of others) merged = mergeTwo(merged, other, now);
  const missing = others.find((other) => !merged.paper.aliases.includes(other.id));
  if (missing) throw new MergeRefusedError(`A paper answers to at most ${PAPER_LIMITS.aliases} other ids: merge fewer copies at once`);
  return merged;
}
