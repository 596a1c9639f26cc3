// One tag whatever its case ("MoE" and "moe"): the reading list, merges, imports, the popup's editors and the page's
// chips all hold a tag once, in the spelling it was first given.

/** The tag as compared: its case folded. */
export function tagKey(tag: string): string {
  return tag.toLowerCase();
}

export function sameTag(a: string, b: string): boolean {
  return a === b || tagKey(a) === tagKey(b);
}

/** Whether `tags` hold `tag`, in any case. */
export function hasTag(tags: readonly string[], tag: string): boolean {
  return tags.some((kept) => sameTag(kept, tag));
}

/** `first`'s tags, then those of `second` not already there (in any case), at most `max` of them. */
export function unionTags(first: readonly string[], second: readonly string[], max = Infinity): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const tag of [...first, ...second]) {
    if (out.length >= max) break;
    const key = tagKey(tag);
    if (!seen.has(key)) {
      seen.add(key);
      out.push(tag);
    }
  }
  return out;
}

/** `tags` without any of `removed` (in any case). */
export function withoutTags(tags: readonly string[], removed: readonly string[]): string[] {
  const keys = new Set(removed.map(tagKey));
  return tags.filter((tag) => !keys.has(tagKey(tag)));
}
