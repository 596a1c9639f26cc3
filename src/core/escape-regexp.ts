/**
 * Text as a regular expression that matches it literally: every character with a meaning in a pattern escaped
 * (`/` too, so the source can be shown between slashes), valid with and without the `u` flag.
 */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
