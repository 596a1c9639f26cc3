// Groups of possible duplicates the reader said are different papers (a workshop paper and the conference paper of
// the same title and authors, say): not offered again. Kept in the extension origin's localStorage, which no web page
// can read. A group is its ids, so a copy saved since (a third id) offers the group again: that is news.
export interface NotDuplicates {
  /** The groups said to be different papers, by key (groupKey). */
  read(): Set<string>;
  /** Keep these groups (a dismissal: one; a backup's import: many), newest last; gives every group kept. */
  add(...keys: string[]): Set<string>;
}

const KEY = 'papershelf:not-duplicates';
/** The newest this many are kept: a key is a few ids, so the whole stays far under any storage quota. */
export const MAX_KEPT = 1000;

/** A group's key: its ids, in order, one per line (no id holds a line break). */
export const groupKey = (ids: readonly string[]): string => [...ids].sort().join('\n');

/** A group's ids from its key (groupKey's inverse). */
export const groupIds = (key: string): string[] => key.split('\n');

export function localNotDuplicates(storage: Storage | undefined = globalThis.localStorage): NotDuplicates {
  const read = (): string[] => {
    try {
      const found: unknown = JSON.parse(storage?.getItem(KEY) ?? '[]');
      return Array.isArray(found) ? found.filter((key): key is string => typeof key === 'string') : [];
    } catch {
      return []; // unreadable (edited by hand, storage disabled by policy): every group offered
    }
  };
  return {
    read: () => new Set(read()),
    add(...added) {
      const adding = new Set(added);
      const keys = [...read().filter((other) => !adding.has(other)), ...adding].slice(-MAX_KEPT);
      try {
        storage?.setItem(KEY, JSON.stringify(keys));
      } catch {
        // quota or policy: the group stays hidden until the page is closed
      }
      return new Set(keys);
    },
  };
}

/** For tests: kept in memory, one store per page rendered (the DOM's localStorage outlives a test). */
export function memoryNotDuplicates(): NotDuplicates {
  const keys = new Set<string>();
  return {
    read: () => new Set(keys),
    add: (...added) => {
      for (const key of added) keys.add(key);
      return new Set(keys);
    },
  };
}
