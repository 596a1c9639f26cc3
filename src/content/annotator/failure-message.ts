// What a card says when a save, removal or status change fails (its overlay's message line): the words the reader
// sees, in a module of their own beside the write path that shows them (the annotator's toggle and setStatus).

/**
 * A short, specific message for a failed write: full storage and unavailable storage say so. Short enough for the
 * card's one line (the host's box is fixed: host.ts), which clips what does not fit: on a 300 px row, ~45 characters.
 */
export function failureMessage(error: unknown, action: 'save' | 'remove' | 'change the status'): string {
  const name = (error as { name?: string } | null)?.name;
  if (name === 'QuotaExceededError') return `Could not ${action}: browser storage is full.`;
  if (name === 'StorageUnavailableError') return `Could not ${action}: browser storage is unavailable.`;
  return `Could not ${action}. Try again.`;
}
