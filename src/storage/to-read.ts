// How many papers are still to read (the toolbar's count: background/toolbar-count.ts), kept in memory by the context
// that owns the database, as saved-states.ts keeps which papers are saved.
//
// Counting them in IndexedDB after every write (`countFromIndex('papers', 'by-status', 'to-read')`) took 42-96 ms at
// 10,000 papers (~6,000 to read) in Chromium, in a readonly transaction over `papers`: a save sent right after another
// was acknowledged waited for the first one's count (43 ms back to back against 9 ms one at a time; issue #7's budget is
// 50). So the ids still to read are read once per worker life (the index's keys, when the count is first asked for:
// 69-135 ms, probed beside counts of 56-96), and every committed write tells this memory the status it left
// (reading-list.ts `noteWritten`): the count is then the set's size, with no request.
//
// That one read held the database: a save sent while it ran (the second save of a worker's life, right after the
// first one asked for the count) waited for all of it, 67-106 ms at 10,000 papers (stop 45, `bench/lookup.ts`). So the
// ids are read TO_READ_CHUNK at a time, each chunk a transaction of its own, and a write waits for one chunk at most:
// that save took 13-26 ms with chunks of 100, 13-33 with 250, 22-38 with 500 (6 worker starts each), and 12-33 with
// 200, the size kept (`bench/lookup.ts`, two runs of 5 starts). A key cursor is slower than one getAllKeys (the whole
// read 240-400 ms with chunks of 100-250, instead of 69-135): the toolbar's count comes that much later, once per
// worker life, and no save waits for it.
import type { Database } from './reading-list';

/** Ids read per transaction (readToReadIds). */
export const TO_READ_CHUNK = 200;

/**
 * The ids of the papers still to read, as the by-status index has them, read `chunk` at a time: a key cursor per
 * transaction, each taking up after the last primary key the one before read (the index is in (status, id) order).
 * A write committed between two chunks may or may not be in what this returns (the caller applies it on top).
 */
export async function readToReadIds(db: Database, chunk = TO_READ_CHUNK): Promise<Set<string>> {
  const ids = new Set<string>();
  const range = IDBKeyRange.only('to-read');
  let after: string | undefined;
  for (;;) {
    const tx = db.transaction('papers', 'readonly');
    let cursor = await tx.store.index('by-status').openKeyCursor(range);
    if (cursor && after !== undefined) {
      // Past the last id read (continuePrimaryKey refuses a position that is not ahead of the cursor's own).
      const last: string = after;
      if (cursor.primaryKey < last) cursor = await cursor.continuePrimaryKey('to-read', last);
      if (cursor && cursor.primaryKey === last) cursor = await cursor.continue();
    }
    let read = 0;
    while (cursor && read < chunk) {
      ids.add(cursor.primaryKey);
      after = cursor.primaryKey;
      read++;
      cursor = read < chunk ? await cursor.continue() : cursor;
    }
    await tx.done;
    if (!cursor) return ids;
  }
}

/** What the memory reads the ids with (a seam for tests). */
export const toReadIds = { read: (db: Database) => readToReadIds(db) };

class ToRead {
  /** The ids of the papers still to read, once read; null before that. */
  private ids: Set<string> | null = null;
  private loading: Promise<Set<string>> | null = null;
  /** Writes committed while the ids were being read: whether each left its paper to read (the last one per id). */
  private readonly duringLoad = new Map<string, boolean>();

  constructor(private readonly db: Database) {}

  /** A write to this id has committed: `status` is the record's as stored now (null: not saved). */
  written(id: string, status: string | null): void {
    const toRead = status === 'to-read';
    if (this.ids) {
      if (toRead) this.ids.add(id);
      else this.ids.delete(id);
    } else if (this.loading) {
      // The read may or may not include this write (one whose transaction began before the read's is in it): what
      // the write left is applied on top of what was read, which is the same either way.
      this.duringLoad.set(id, toRead);
    }
  }

  async count(): Promise<number> {
    return (this.ids ?? (await this.load())).size;
  }

  private load(): Promise<Set<string>> {
    this.loading ??= (async () => {
      try {
        // The index's primary keys: by-status is the same index the count was taken from (a status no build writes,
        // on a damaged record, is not "to-read" here either).
        const ids = await toReadIds.read(this.db);
        for (const [id, toRead] of this.duringLoad) {
          if (toRead) ids.add(id);
          else ids.delete(id);
        }
        this.ids = ids;
        return ids;
      } finally {
        this.duringLoad.clear();
        this.loading = null; // a failed read is tried again at the next count
      }
    })();
    return this.loading;
  }
}

const byDatabase = new WeakMap<Database, ToRead>();

function toRead(db: Database): ToRead {
  let memory = byDatabase.get(db);
  if (!memory) byDatabase.set(db, (memory = new ToRead(db)));
  return memory;
}

/** How many saved papers are still to read. */
export function countToRead(db: Database): Promise<number> {
  return toRead(db).count();
}

/** Told by reading-list.ts of every committed write: the status the record has now, or null when it is not saved. */
export function toReadWritten(db: Database, id: string, status: string | null): void {
  toRead(db).written(id, status);
}
