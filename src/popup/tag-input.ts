// Rules for a typed tag (the same the background enforces) and completion from the tags already in use.
import { sameTag, tagKey } from '../core/tags/same-tag';
import { RECORD_LIMITS } from '../storage/limits';

/** As in the `edit` message's schema: letters, digits, space, ".", "_" and "-", 1–40 characters. */
const TAG_PATTERN = /^[\p{L}\p{N} ._-]+$/u;
export const MAX_TAGS = RECORD_LIMITS.tags;

export type TagCheck = { ok: true; tag: string } | { ok: false; error: string };

/** Trim and validate; reuse an existing tag's spelling when only the case differs. */
export function checkTag(typed: string, known: readonly string[]): TagCheck {
  const tag = typed.trim().replace(/\s+/g, ' ');
  if (!tag) return { ok: false, error: 'Type a tag first.' };
  if (tag.length > 40) return { ok: false, error: 'Tags are at most 40 characters.' };
  if (!TAG_PATTERN.test(tag)) return { ok: false, error: 'Tags are letters, digits, spaces, “.”, “_” and “-”.' };
  const same = known.find((k) => sameTag(k, tag));
  return { ok: true, tag: same ?? tag };
}

/** Known tags that start with (then contain) what is typed, minus those the paper already has. */
export function suggestTags(known: readonly string[], typed: string, exclude: readonly string[], max = 8): string[] {
  const q = typed.trim().toLowerCase();
  const taken = new Set(exclude.map(tagKey));
  const open = known.filter((t) => !taken.has(tagKey(t)));
  if (!q) return open.slice(0, max);
  const starts = open.filter((t) => t.toLowerCase().startsWith(q));
  const contains = open.filter((t) => !t.toLowerCase().startsWith(q) && t.toLowerCase().includes(q));
  return [...starts, ...contains].slice(0, max);
}
