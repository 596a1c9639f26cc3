// Two reading-list records that turn out to be one paper (schema v4: an ACL paper saved once by its DOI and once
// by its anthology id) become one record without losing anything the user wrote. Pure, for the migration.
import { mergedIdentity, type Paper } from '../core/paper';
import type { SavedPaper } from './schema';

/** What SavedPaperSchema (background/messages.ts) allows; tags beyond it are kept in the note instead. */
const MAX_TAGS = 100;

const filled = (value: unknown) => value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);

/** Field by field: the newer record's value unless it is empty, then the older one's (as imports merge). */
function mergePaper(id: string, newer: Paper | undefined, older: Paper | undefined): Paper {
  const merged = { ...older } as Record<string, unknown>;
  for (const [key, value] of Object.entries(newer ?? {})) if (filled(value)) merged[key] = value;
  // The count qualifies the author list ("et al."), so it comes with the list it belongs to.
  merged.authorCount = filled(newer?.authors) ? (newer?.authorCount ?? null) : (older?.authorCount ?? newer?.authorCount ?? null);
  return { ...(merged as unknown as Paper), ...mergedIdentity(newer, older), id };
}

function notesOf(newer: string, older: string): string {
  const a = newer.trim() ? newer : '';
  const b = older.trim() ? older : '';
  if (!a || !b || a.trim() === b.trim()) return a || b;
  return `${a}\n\n${b}`; // both written by the user: neither is dropped
}

/**
 * One record for `id` from two copies of a paper. The newer edit (`updatedAt`; a tie goes to `first`) gives the
 * status and, field by field, the metadata; tags are the union (newer copy's first, case-insensitively once); notes
 * are both kept when they differ; the earlier save date and its page are kept, and the later edit time.
 */
export function mergeSamePaper(id: string, first: SavedPaper, second: SavedPaper): SavedPaper {
  const [newer, older] = second.updatedAt > first.updatedAt ? [second, first] : [first, second];
  const seen = new Set<string>();
  const list = (r: SavedPaper) => (Array.isArray(r.tags) ? r.tags.filter((t) => typeof t === 'string') : []);
  const tags = [...list(newer), ...list(older)].filter((tag) => {
    const key = tag.toLowerCase();
    return seen.has(key) ? false : (seen.add(key), true);
  });
  const text = (r: SavedPaper) => (typeof r.note === 'string' ? r.note : '');
  let note = notesOf(text(newer), text(older));
  const overflow = tags.splice(MAX_TAGS);
  if (overflow.length) note = `${note}${note ? '\n\n' : ''}Tags: ${overflow.join(', ')}`;
  const saved = (r: SavedPaper) => (r.savedAt > 0 ? r.savedAt : Infinity);
  const earlier = saved(older) < saved(newer) ? older : newer;
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
  };
}
