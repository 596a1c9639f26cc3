// The only code that touches IndexedDB. Plain functions over an open database; each write resolves only
// after its transaction has committed (`tx.done`), so "saved" always means saved.
import { openDB, type IDBPDatabase } from 'idb';
import type { Paper } from '../core/paper';
import { DB_NAME, DB_VERSION, upgrade, type PapershelfDB, type ReadingStatus, type SavedPaper } from './schema';

export type Database = IDBPDatabase<PapershelfDB>;

export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
}

/** Open (and upgrade) the database. */
export async function openDatabase(name = DB_NAME): Promise<Database> {
  try {
    return await openDB<PapershelfDB>(name, DB_VERSION, {
      upgrade: (db, oldVersion, _newVersion, tx) => upgrade(db, oldVersion, tx),
      // Another context holds an older version open: let it go so the upgrade can proceed.
      blocking: (_current, _blocked, event) => (event.target as IDBDatabase).close(),
    });
  } catch (error) {
    throw new StorageUnavailableError(`IndexedDB is unavailable: ${(error as Error)?.message ?? error}`);
  }
}

export interface SaveOptions {
  savedFrom: string;
  now?: number;
}

/**
 * Save a paper. Saving one already in the list refreshes its metadata and keeps the user's status, tags,
 * notes and first save date. Resolves with the stored record once committed.
 */
export async function savePaper(db: Database, paper: Paper, options: SaveOptions): Promise<SavedPaper> {
  const now = options.now ?? Date.now();
  const tx = db.transaction('papers', 'readwrite');
  const existing = await tx.store.get(paper.id);
  const record: SavedPaper = existing
    ? { ...existing, paper: mergePaper(existing.paper, paper), updatedAt: now }
    : { id: paper.id, paper, status: 'to-read', tags: [], note: '', savedFrom: options.savedFrom, savedAt: now, updatedAt: now };
  await tx.store.put(record);
  await tx.done;
  return record;
}

/** Newer metadata wins field by field, but never replaces a known value with an unknown one. */
function mergePaper(old: Paper, fresh: Paper): Paper {
  const merged = { ...old } as Record<string, unknown>;
  for (const [key, value] of Object.entries(fresh)) {
    const empty = value === null || (Array.isArray(value) && value.length === 0);
    if (!empty) merged[key] = value;
  }
  return merged as unknown as Paper;
}

/** Remove a paper; resolves with the removed record (for undo), or null if it was not in the list. */
export async function removePaper(db: Database, id: string): Promise<SavedPaper | null> {
  const tx = db.transaction('papers', 'readwrite');
  const existing = (await tx.store.get(id)) ?? null;
  if (existing) await tx.store.delete(id);
  await tx.done;
  return existing;
}

/** The whole list, newest save first. */
export async function listPapers(db: Database): Promise<SavedPaper[]> {
  const all = await db.getAllFromIndex('papers', 'by-savedAt');
  return all.reverse();
}

/** What a card needs to know about a saved paper. */
export interface SavedState {
  status: ReadingStatus;
  tags: string[];
}

/** Saved state of each id (null when not saved), read in one transaction. */
export async function lookup(db: Database, ids: readonly string[]): Promise<Record<string, SavedState | null>> {
  const tx = db.transaction('papers', 'readonly');
  const records = await Promise.all(ids.map((id) => tx.store.get(id)));
  await tx.done;
  const result: Record<string, SavedState | null> = {};
  ids.forEach((id, i) => {
    const record = records[i];
    result[id] = record ? { status: record.status, tags: record.tags } : null;
  });
  return result;
}

export interface PaperEdit {
  status?: ReadingStatus;
  tags?: string[];
  /** Tags to add to what is stored (after `tags`, if given): applied inside the write, so two callers adding
   * different tags at once both keep theirs (issue #6). */
  addTags?: string[];
  /** Tags to take out of what is stored, likewise inside the write. */
  removeTags?: string[];
  note?: string;
}

/** Change what the user keeps about a saved paper. Resolves with the committed record, or null if not saved. */
export async function editPaper(db: Database, id: string, edit: PaperEdit, now = Date.now()): Promise<SavedPaper | null> {
  const tx = db.transaction('papers', 'readwrite');
  const existing = await tx.store.get(id);
  if (!existing) {
    await tx.done;
    return null;
  }
  const { addTags, removeTags, ...fields } = edit;
  const record: SavedPaper = { ...existing, ...fields, updatedAt: now };
  if (addTags) record.tags = [...new Set([...record.tags, ...addTags])];
  if (removeTags) record.tags = record.tags.filter((tag) => !removeTags.includes(tag));
  await tx.store.put(record);
  await tx.done;
  return record;
}

/** Write records exactly as given, all in one transaction: every one is committed, or none is. */
export async function putPapers(db: Database, records: readonly SavedPaper[]): Promise<number> {
  const tx = db.transaction('papers', 'readwrite');
  const puts: Promise<unknown>[] = [];
  try {
    // put() can also throw synchronously (a record without a key): that must abort the batch too.
    for (const record of records) puts.push(tx.store.put(record));
    await Promise.all(puts);
    await tx.done;
  } catch (error) {
    // One failed put aborts the transaction; the other requests and tx.done then reject too: expected.
    for (const put of puts) put.catch(() => {});
    tx.done.catch(() => {});
    try {
      tx.abort();
    } catch {
      /* already aborted */
    }
    throw error;
  }
  return records.length;
}
