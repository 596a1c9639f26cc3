// Relevance is on for pages only while something is saved (handlers.ts tagSettings: with nothing to be like, no marks
// and no page control). So when the list gains its first paper, or loses its last, the pages already open are told as
// for a change of the settings they read (settings-notice.ts): they ask again, and their marks and control come or go
// without a reload. Nothing is told for any other write.

export interface ListPresence {
  /** Read whether anything is saved, before this background's first write (call once, at start). */
  start(): void;
  /** A write committed: read again, and tell the pages when the list went from empty to not, or back. */
  written(): Promise<void>;
}

/**
 * `read` answers whether anything is saved; reads run in the order asked (IndexedDB runs a transaction after those
 * created before it whose stores it shares), so each is compared with the state before its write. A failed read is
 * unknown, and tells nothing.
 */
export function listPresence(read: () => Promise<boolean>, tell: () => void): ListPresence {
  let last: Promise<boolean | null> = Promise.resolve(null);
  const next = () => read().catch(() => null);
  return {
    start() {
      last = next();
    },
    async written() {
      const before = last;
      const now = (last = next());
      const [was, is] = await Promise.all([before, now]);
      if (was !== null && is !== null && was !== is) tell();
    },
  };
}
