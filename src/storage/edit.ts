// What an edit of a saved paper does to its record: pure, so the background (inside its transaction), the popup
// (showing a bulk edit at once) and test doubles all apply it the same way.
import { sameTag, unionTags, withoutTags } from '../core/tags/same-tag';
import { RECORD_LIMITS } from './limits';
import { isPaperVersion } from '../core/paper';
import type { ReadingStatus, SavedPaper } from './schema';

/** What the user keeps about a paper; omitted fields stay as they are. */
export interface PaperEdit {
  status?: ReadingStatus;
  tags?: string[];
  /** Tags to add to what is stored (after `tags`, if given): applied inside the write, so two callers adding
   * different tags at once both keep theirs (issue #6). */
  addTags?: string[];
  /** Tags to take out of what is stored, likewise inside the write. */
  removeTags?: string[];
  /**
   * A tag renamed, inside the write (the library's Tags panel): `from`, in any case, becomes `to` where it stands, and
   * a tag the paper has that is `to` in another case is spelt `to` too, so renaming into a tag the paper has merges
   * the two (once, where the first of them stood).
   */
  renameTag?: { from: string; to: string };
  note?: string;
  /**
   * The arXiv version the reader has now seen (a check found a newer one than they saved: "Seen"): the paper's
   * `version` rises to it, never falls. Metadata, not an edit of theirs: `updatedAt` stays (imports keep the higher
   * version whoever's edit wins).
   */
  seenVersion?: number;
}

/**
 * The record with the edit applied and `updatedAt` set; the record itself when the edit changes nothing (its edit time
 * is what an import of a backup decides by: a status picked again, or a note saved unchanged, is not a newer edit that
 * should win over one made since on another copy). Throws a RangeError when the paper would end with more tags
 * than a record may hold (100 stored, 100 added): such a record could not be put back after a removal, nor imported
 * from a backup of it.
 */
export function applyEdit(existing: SavedPaper, edit: PaperEdit, now: number): SavedPaper {
  const { addTags, removeTags, renameTag, seenVersion, ...fields } = edit;
  const seen = seenFrom(existing, seenVersion);
  const had = storedTags(existing);
  const record: SavedPaper = { ...seen, tags: had, ...fields, updatedAt: now };
  // The status moved on (or back): when, so a done paper says the day it was finished.
  if (fields.status !== undefined && fields.status !== existing.status) record.statusAt = now;
  // One tag whatever its case: an added tag the paper has in another case is there already, and a list given whole
  // keeps each tag's first spelling.
  if (fields.tags) record.tags = unionTags(fields.tags, []);
  if (addTags) record.tags = unionTags(record.tags, addTags);
  if (removeTags) record.tags = withoutTags(record.tags, removeTags);
  if (renameTag) record.tags = unionTags(record.tags.map((tag) => (sameTag(tag, renameTag.from) || sameTag(tag, renameTag.to) ? renameTag.to : tag)), []);
  if (record.tags.length > RECORD_LIMITS.tags) {
    throw new RangeError(`A paper has at most ${RECORD_LIMITS.tags} tags; “${existing.paper.title}” would have ${record.tags.length}`);
  }
  const same = record.status === existing.status && record.note === existing.note && record.tags.join('\n') === had.join('\n');
  return same ? seen : record;
}

/**
 * A stored record's tags, its strings only: a record damaged on disk (a hand edit, another build's bug) may have no
 * list, and an edit of it, or a save of its paper again, threw on it. The first failed every edit the reader made to
 * mend it; the second came after the save had committed, so the page was told it failed and no other tab was told.
 */
export function storedTags(record: SavedPaper): string[] {
  const tags: unknown = record.tags;
  return Array.isArray(tags) ? tags.filter((tag): tag is string => typeof tag === 'string') : [];
}

/** The record with its paper's version raised to `version` (an arXiv paper's, within bounds), else itself. */
function seenFrom(existing: SavedPaper, version: number | undefined): SavedPaper {
  const paper = existing.paper;
  if (version === undefined || !isPaperVersion(version, existing.id) || (paper.version !== null && paper.version >= version)) return existing;
  return { ...existing, paper: { ...paper, version } };
}
