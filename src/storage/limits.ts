// What one reading-list record may hold of the user's own data. The background's SavedPaperSchema and edit schema
// enforce these (background/messages.ts); every writer that builds a record (edits, merges, imports, the popup's
// editors) keeps to them, or the record could not be put back by Undo nor imported from its own backup.
export const RECORD_LIMITS = {
  tags: 100,
  /** Characters (UTF-16 code units, as `String.length` counts them). */
  note: 100_000,
} as const;
