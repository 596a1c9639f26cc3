// The only code that touches IndexedDB. Plain functions over an open database; each write resolves only
// after its transaction has committed (`tx.done`), so "saved" always means saved.
import { applyEdit, storedTags, type PaperEdit } from './edit';
import { openDB, type IDBPDatabase } from 'idb';
import { mergedIdentity, mergePapers, withStarsTime, type Paper } from '../core/paper';
import { doiOf } from '../core/ids';
import { mergeSamePaper } from './same-paper';
import { findRecord, withAliases, writeAliases } from './aliases';
import { knownIds } from '../core/aliases';
import { mergeDuplicates } from '../core/merge-duplicates';
import { savedStates, type Written } from './saved-states';
import { toReadWritten } from './to-read';
import { readableRecord } from './readable';
import { DB_NAME, DB_VERSION, GENERATION_KEY, relevanceDoc, upgrade, type PapershelfDB, type ReadingStatus, type SavedPaper } from './schema';

export type Database = IDBPDatabase<PapershelfDB>;

// Every write to the reading list writes the paper's relevance row in the same transaction (so the model cannot
// drift), and bumps this per-database counter, noting which rows it wrote, so the background knows when its compiled
// index is stale and what to read again.
interface Changes {
  generation: number;
  /** The ids whose rows each recent write changed, by the generation it made; null: every row (a rebuild). */
  log: { generation: number; ids: ReadonlySet<string> | null }[];
}
const changes = new WeakMap<Database, Changes>();
/** Writes remembered: a scorer further behind reads every row again. */
const CHANGES_KEPT = 64;

const watchers = new WeakMap<Database, Set<() => void>>();

function changed(db: Database, ids: Iterable<string> | null): void {
  const entry = changes.get(db) ?? { generation: 0, log: [] };
  entry.generation++;
  entry.log.push({ generation: entry.generation, ids: ids && new Set(ids) });
  if (entry.log.length > CHANGES_KEPT) entry.log.shift();
  changes.set(db, entry);
  for (const watcher of watchers.get(db) ?? []) {
    try {
      watcher();
    } catch {
      // a watcher's failure is its own: the write has committed
    }
  }
}

/** Call `watcher` after every committed write that counts as a change (relevanceGeneration); returns the unsubscribe. */
export function watchRelevanceChanges(db: Database, watcher: () => void): () => void {
  const set = watchers.get(db) ?? new Set();
  watchers.set(db, set);
  set.add(watcher);
  return () => void set.delete(watcher);
}

/** Changes to the list (and so to the relevance model) made through this module since the database opened. */
export function relevanceGeneration(db: Database): number {
  return changes.get(db)?.generation ?? 0;
}

/**
 * The ids whose relevance rows changed after generation `since` (relevanceGeneration), or null when that is not known
 * (too long ago, or a rebuild): then every row is to be read again.
 */
export function relevanceChanges(db: Database, since: number): Set<string> | null {
  const entry = changes.get(db);
  if (!entry || since === entry.generation) return new Set();
  const later = entry.log.filter((e) => e.generation > since);
  if (later.length !== entry.generation - since) return null;
  const ids = new Set<string>();
  for (const e of later) {
    if (!e.ids) return null;
    for (const id of e.ids) ids.add(id);
  }
  return ids;
}

/**
 * A write to this id has committed, leaving `record` stored (null: not saved): the memory the background keeps of the
 * list (which papers are saved and their states: saved-states.ts; which are still to read: to-read.ts) follows it.
 */
function noteWritten(db: Database, id: string, record: Written | null): void {
  savedStates(db).written(id, record);
  toReadWritten(db, id, record?.status ?? null);
}

/** Puts a new generation token in `meta`, in the transaction of a write (see listWrite); returns it. */
function newGeneration(tx: { objectStore(name: 'meta'): { put(value: { key: typeof GENERATION_KEY; token: string }): Promise<unknown> } }): string {
  const token = crypto.randomUUID();
  tx.objectStore('meta').put({ key: GENERATION_KEY, token }).catch(() => {}); // a failed request fails tx.done
  return token;
}

/**
 * A transaction for a write that may change which ids are saved, their aliases or their relevance rows: over the
 * list's stores and `meta`, where it puts a new generation token first, so a snapshot taken before it (of the saved
 * ids: saved-states.ts; of the relevance index: relevance.ts) is not read as current. Once it has committed, the writer
 * tells SavedStates the token (`committed`).
 */
function listWrite(db: Database) {
  const tx = db.transaction(['papers', 'relevance', 'aliases', 'meta'], 'readwrite');
  return { tx, token: newGeneration(tx) };
}

/**
 * A listWrite has committed, removing `removed` and leaving `written` stored: the relevance index learns the ids, the
 * memory of the list follows (the removed first: their ids may be a written record's aliases now), and then SavedStates
 * takes the write's token, after the writes it stands for. Called with none, it still makes a new generation.
 */
function listWritten(db: Database, token: string, written: readonly SavedPaper[], removed: readonly SavedPaper[] = []): void {
  changed(db, [...removed, ...written].map((record) => record.id));
  for (const record of removed) noteWritten(db, record.id, null);
  for (const record of written) noteWritten(db, record.id, record);
  savedStates(db).committed(token);
}

export class StorageUnavailableError extends Error {
  override name = 'StorageUnavailableError';
}

/** The disk is full: named as a write's full disk is (QuotaExceededError), so the pages word it the same (failure-message.ts). */
export class StorageFullError extends Error {
  override name = 'QuotaExceededError';
}

/**
 * Open (and upgrade) the database. `onClosed` is called when the connection ends without our asking: the browser closed
 * it (storage cleared, a disk error), or a newer version wants to upgrade, for which it is closed here.
 */
export async function openDatabase(name = DB_NAME, onClosed?: () => void): Promise<Database> {
  let upgrading: { readonly error: DOMException | null } | undefined;
  try {
    return await openDB<PapershelfDB>(name, DB_VERSION, {
      upgrade: (db, oldVersion, _newVersion, tx) => {
        upgrading = tx;
        tx.done.catch(() => {}); // an aborted upgrade fails the open, reported below
        upgrade(db, oldVersion, tx);
      },
      // Another context opens a newer version: let it go so the upgrade can proceed.
      blocking: (_current, _blocked, event) => {
        (event.target as IDBDatabase).close();
        onClosed?.();
      },
      terminated: () => onClosed?.(),
    });
  } catch (error) {
    // A full disk fails a write of the upgrade: the open fails with an AbortError, the upgrade's transaction holds the
    // QuotaExceededError. Called "unavailable", it sent the reader looking for a broken browser rather than for room.
    if ((upgrading?.error ?? (error as Error | null))?.name === 'QuotaExceededError') {
      throw new StorageFullError('Browser storage is full: free some disk space, then try again');
    }
    throw new StorageUnavailableError(`IndexedDB is unavailable: ${(error as Error)?.message ?? error}`);
  }
}

export interface SaveOptions {
  savedFrom: string;
  now?: number;
  /**
   * The paper is a stand-in, its metadata unread (a link saved while the metadata hosts failed: its id as its title):
   * over a record saved already it only fills what the record lacks, never its title or links.
   */
  standIn?: boolean;
}

/**
 * Save a paper. Saving one already in the list refreshes its metadata and keeps the user's status, tags,
 * notes, first save date and edit time: `updatedAt` is when the reader last changed what they keep about the paper,
 * which an import of a backup decides by (the newer record's status, tags and note win as a whole), and a page's
 * metadata seen again is no such change. A paper saved under one of its other ids (Paper.aliases) is that record. Resolves
 * with the stored record once committed.
 */
export async function savePaper(db: Database, given: Paper, options: SaveOptions): Promise<SavedPaper> {
  const now = options.now ?? Date.now();
  const paper = seenNow(given, now);
  const { tx, token } = listWrite(db);
  const record = await allOrNothing(tx, async (requests) => {
    // Saved already, maybe under another of its ids (a CVF paper saved from its page, seen again on dblp by its DOI):
    // that record is the paper's, and keeps its id.
    const existing = await findRecord(tx, knownIds(paper));
    const record: SavedPaper = withAliases(existing
      ? { ...existing, paper: options.standIn ? mergePapers(existing.paper, paper, existing.id) : mergePapers(paper, existing.paper, existing.id) }
      : { id: paper.id, paper, status: 'to-read', tags: [], note: '', savedFrom: options.savedFrom, savedAt: now, updatedAt: now, statusAt: now });
    requests.push(tx.objectStore('papers').put(record));
    requests.push(tx.objectStore('relevance').put(relevanceDoc(record)));
    requests.push(writeAliases(tx, existing, record));
    return record;
  });
  listWritten(db, token, [record]);
  return record;
}

/** A paper just read from a page or a site: its star count, if it shows one, is as of `now` (Paper.githubStarsAt). */
function seenNow(paper: Paper, now: number): Paper {
  return withStarsTime(paper, { githubStars: paper.githubStars, githubStarsAt: now });
}

/** What completePaper wrote: the completed record, and the stand-in's record when it was folded into another. */
export interface Completed {
  record: SavedPaper;
  removed: SavedPaper | null;
}

/**
 * Fill in the metadata of a paper saved at once as a stand-in (a link saved before its metadata came: the background's
 * prompt save), once it comes: the paper as savePaper would refresh it (the metadata read wins where it knows a field),
 * the reader's status, tags, note and edit time as they are now (they may have changed since the stand-in's save). Only
 * the record saved under `id`, and only while it is saved: a paper removed meanwhile stays removed (null).
 *
 * The metadata can name the paper by ids its stand-in did not know (an OpenReview forum or a CVF page that links the
 * arXiv paper: that paper, its forum or page an alias), under which another record is saved: the save that waited for
 * the metadata would have refreshed that record, and made no other. So does this, if the stand-in's save made the
 * record (`made`: its savedAt) and it is as that save left it (no status, tag or note given it since): that record is
 * removed and its ids join the other's. A record the reader changed meanwhile is completed where it is, the two then
 * merged by the reader (the library's duplicates); so is one saved before the stand-in's save (`made` absent, or
 * another time: the stand-in only filled it), which the save that waited would have left as it was, not removed.
 */
export async function completePaper(db: Database, id: string, read: Paper, made?: number, now = Date.now()): Promise<Completed | null> {
  const paper = seenNow(read, now);
  const { tx, token } = listWrite(db);
  const papers = tx.objectStore('papers');
  const done = await allOrNothing(tx, async (requests) => {
    const standIn = await papers.get(id);
    if (!standIn) return null;
    const other = made !== undefined && standIn.savedAt === made && untouched(standIn) ? await findRecord(tx, knownIds(paper), standIn.id) : undefined;
    const into = other ?? standIn;
    // The metadata read over the record's paper, and over the stand-in's (its ids, links) where folded.
    const before = other ? mergePapers(other.paper, standIn.paper, other.id) : into.paper;
    const record = withAliases({ ...into, paper: mergePapers(paper, before, into.id) });
    if (other) requests.push(papers.delete(standIn.id), tx.objectStore('relevance').delete(standIn.id), writeAliases(tx, standIn, undefined));
    requests.push(papers.put(record), tx.objectStore('relevance').put(relevanceDoc(record)), writeAliases(tx, into, record));
    return { record, removed: other ? standIn : null };
  });
  listWritten(db, token, done ? [done.record] : [], done?.removed ? [done.removed] : []); // the token is new either way
  return done && { record: done.record, removed: done.removed && readableRecord(done.removed) };
}

/** A record as its save left it: nothing of the reader's in it (no status moved, tag or note given; no edit since). */
function untouched(record: SavedPaper): boolean {
  return record.status === 'to-read' && storedTags(record).length === 0 && !record.note && record.updatedAt === record.savedAt;
}

/**
 * Remove a paper, by the id it is saved under or one of its aliases; resolves with the removed record (for undo, as the
 * list gives it), or null if it was not in the list.
 */
export async function removePaper(db: Database, id: string): Promise<SavedPaper | null> {
  const { tx, token } = listWrite(db);
  const existing = await allOrNothing(tx, async (requests) => {
    const existing = (await findRecord(tx, [id])) ?? null;
    if (existing) {
      requests.push(tx.objectStore('papers').delete(existing.id));
      requests.push(tx.objectStore('relevance').delete(existing.id));
      requests.push(writeAliases(tx, existing, undefined));
    }
    return existing;
  });
  listWritten(db, token, [], existing ? [existing] : []); // the token is new either way
  // As the list gives it (readableRecord): the undo sends it back through the schema every record is checked against,
  // which refused a record damaged on disk, and the removal stood.
  return existing && readableRecord(existing);
}

/**
 * Remove many papers in one transaction (all or nothing); resolves with the removed records (for undo), in the order
 * asked, ids not in the list skipped.
 */
export async function removePapers(db: Database, ids: readonly string[]): Promise<SavedPaper[]> {
  const { tx, token } = listWrite(db);
  const papers = tx.objectStore('papers');
  const relevance = tx.objectStore('relevance');
  const removed: SavedPaper[] = [];
  await allOrNothing(tx, async (requests) => {
    for (const id of new Set(ids)) {
      const existing = await papers.get(id);
      if (!existing) continue;
      requests.push(papers.delete(id));
      requests.push(relevance.delete(id));
      requests.push(writeAliases(tx, existing, undefined));
      removed.push(existing);
    }
  });
  listWritten(db, token, [], removed);
  return removed.map(readableRecord); // as removePaper's
}

/** Whether anything is saved: the first id, one key read whatever the size of the list. */
export async function hasPapers(db: Database): Promise<boolean> {
  return (await db.getKey('papers', IDBKeyRange.lowerBound(''))) !== undefined;
}

/** The whole list, newest save first; a record damaged on disk as readableRecord gives it (so are listPage's). */
export async function listPapers(db: Database, limit?: number): Promise<SavedPaper[]> {
  if (limit === undefined) return (await db.getAllFromIndex('papers', 'by-savedAt')).reverse().map(readableRecord);
  // Only the newest `limit` (a 10,000-paper list is megabytes): the limit-th newest save date from a key cursor (no
  // records read), then the records from that date on in one getAll, newest first.
  const tx = db.transaction('papers', 'readonly');
  const index = tx.store.index('by-savedAt');
  let cursor = await index.openKeyCursor(null, 'prev');
  if (cursor && limit > 1) cursor = await cursor.advance(limit - 1);
  const from = cursor?.key;
  const newest = (await index.getAll(from === undefined ? null : IDBKeyRange.lowerBound(from))).reverse().slice(0, limit);
  await tx.done;
  return newest.map(readableRecord);
}

/** Up to `count` papers in id order after `after` (null: from the first); `next` is the last id when more may follow. */
export async function listPage(db: Database, after: string | null, count: number): Promise<{ papers: SavedPaper[]; next: string | null }> {
  const papers = (await db.getAll('papers', after === null ? null : IDBKeyRange.lowerBound(after, true), count)).map(readableRecord);
  return { papers, next: papers.length === count ? papers[papers.length - 1]!.id : null };
}

/** What a card needs to know about a saved paper. */
export interface SavedState {
  status: ReadingStatus;
  tags: string[];
  /**
   * The id the paper is saved under, when it is not the one asked for (the paper is saved under one of its other ids,
   * Paper.aliases): edits and removal name it.
   */
  savedAs?: string;
}

/**
 * Saved state of each id (null when not saved), by the id it is saved under or an alias, or by one of `aliases` (a
 * card's other ids, by card id): see SavedStates.lookup. Served from the background's memory of the list (./saved-states):
 * one read of all keys per worker life, then one get per saved paper the first time a card asks for it.
 */
export function lookup(db: Database, ids: readonly string[], aliases?: Readonly<Record<string, readonly string[]>>): Promise<Record<string, SavedState | null>> {
  return savedStates(db).lookup(ids, aliases);
}

/**
 * Have lookup's memory of the list ready (all saved ids read) before the first lookup asks: a worker that has just
 * started reads them in ~45 ms at 10,000 papers (Chromium), and a page's first lookup waited for it. Never rejects.
 */
export function preloadLookups(db: Database): Promise<void> {
  return savedStates(db).preload();
}

export type { PaperEdit };

/**
 * The same edit to many saved papers in one transaction (all or nothing), applied to the stored records. Ids not
 * in the list are skipped. Resolves with how many records were written.
 */
export async function editPapers(db: Database, ids: readonly string[], edit: PaperEdit, now = Date.now()): Promise<number> {
  const tx = db.transaction(['papers', 'relevance', 'meta'], 'readwrite'); // a new generation only if a row changes
  let token: string | undefined;
  const papers = tx.objectStore('papers');
  const relevance = tx.objectStore('relevance');
  let written = 0;
  const retagged: string[] = [];
  const records: SavedPaper[] = [];
  // All or nothing: an edit applyEdit refuses (too many tags) leaves the records edited before it unwritten too.
  await allOrNothing(tx, async (requests) => {
    for (const id of new Set(ids)) {
      const existing = await papers.get(id);
      if (!existing) continue;
      const record = applyEdit(existing, edit, now);
      const retag = record.tags.join('\n') !== storedTags(existing).join('\n');
      if (record !== existing) requests.push(papers.put(record));
      if (retag) {
        token ??= newGeneration(tx);
        requests.push(relevance.put(relevanceDoc(record)));
        retagged.push(record.id);
      }
      records.push(record);
      written++;
    }
  });
  for (const { id, status, tags } of records) noteWritten(db, id, { status, tags }); // the aliases stay as they are
  if (token !== undefined) {
    changed(db, retagged);
    savedStates(db).committed(token);
  }
  return written;
}

/**
 * Change what the user keeps about a saved paper, named by the id it is saved under or one of its aliases. Resolves
 * with the committed record, or null if not saved.
 */
export async function editPaper(db: Database, id: string, edit: PaperEdit, now = Date.now()): Promise<SavedPaper | null> {
  // Ids and aliases stay; a new generation only if the relevance row changes (tags are in it).
  const tx = db.transaction(['papers', 'relevance', 'aliases', 'meta'], 'readwrite');
  let token: string | undefined;
  const record = await allOrNothing(tx, async (requests) => {
    const existing = await findRecord(tx, [id]);
    if (!existing) return null;
    const record = applyEdit(existing, edit, now);
    const retag = record.tags.join('\n') !== storedTags(existing).join('\n');
    if (retag) token = newGeneration(tx);
    if (record !== existing) requests.push(tx.objectStore('papers').put(record));
    if (retag) requests.push(tx.objectStore('relevance').put(relevanceDoc(record)));
    return record;
  });
  if (!record) return null;
  noteWritten(db, record.id, { status: record.status, tags: record.tags }); // the aliases stay as they are
  if (token !== undefined) {
    changed(db, [record.id]);
    savedStates(db).committed(token);
  }
  return record;
}

/** Where a write puts its requests (allOrNothing): pushed, as to a list. */
interface Requests {
  push(...requests: Promise<unknown>[]): number;
}

/**
 * `write`'s requests (pushed to the list it is given) and the transaction's commit, all or nothing: on any failure (a
 * request's, its own check's, or a put() that throws at once, as for a record without a key) the transaction is
 * aborted, the other requests' and its own rejections that follow are expected, and the error is thrown. A request
 * that failed once made (Firefox reports a full disk on the put) aborted the transaction itself: its error, which the
 * transaction keeps, is the one thrown, not the AbortError of the read `write` was awaiting meanwhile.
 */
async function allOrNothing<T>(tx: { abort(): void; done: Promise<void>; readonly error: DOMException | null }, write: (requests: Requests) => Promise<T>): Promise<T> {
  const requests: Promise<unknown>[] = [];
  // The requests and the commit handled as they are made: one that fails while `write` still awaits a read aborts the
  // transaction then, and is thrown below, not left an unhandled rejection meanwhile.
  tx.done.catch(() => {});
  const pending: Requests = {
    push: (...more) => {
      for (const request of more) request.catch(() => {});
      return requests.push(...more);
    },
  };
  try {
    const value = await write(pending);
    await Promise.all(requests);
    await tx.done;
    return value;
  } catch (error) {
    let cause: DOMException | null = null; // set when a request's failure aborted it; null for our own abort below
    try {
      cause = tx.error;
    } catch {
      /* an older browser's getter throws while the transaction runs: then no request had failed it */
    }
    try {
      tx.abort();
    } catch {
      /* already aborted */
    }
    throw cause ?? error;
  }
}

/** Write records as given (their aliases as every write keeps them: withAliases), all in one transaction: every one is committed, or none is. */
export async function putPapers(db: Database, records: readonly SavedPaper[]): Promise<number> {
  const { tx, token } = listWrite(db);
  const stored = records.map(withAliases);
  await allOrNothing(tx, async (requests) => {
    for (const record of stored) {
      // The aliases of the copy it replaces (read first, in the same transaction) that it no longer has are let go.
      requests.push(tx.objectStore('papers').get(record.id).then((before) => writeAliases(tx, before, record)));
      requests.push(tx.objectStore('papers').put(record));
      requests.push(tx.objectStore('relevance').put(relevanceDoc(record)));
    }
  });
  listWritten(db, token, stored);
  return records.length;
}

/**
 * Put removed records back (undo of a remove), in one transaction. A paper saved again since it was removed (in
 * another tab or window, or from a link) is not overwritten by its older copy: the two become one record as two
 * copies of a paper do (same-paper.ts: the newer edit's status and metadata, both sides' tags and notes, the first
 * save). Since: under its own id (it was gone), or first saved at or after `removedAt`, when the removal was asked
 * for. A record of the same paper that was in the list before (the journal version the reader kept apart from the
 * preprint, one of the same bulk removal put back just before) is another record, and stays as it is. Without
 * `removedAt` (an older popup's undo) any record of the paper counts as saved since. Resolves with the records as stored.
 */
export async function restorePapers(db: Database, records: readonly SavedPaper[], removedAt?: number): Promise<SavedPaper[]> {
  const { tx, token } = listWrite(db);
  const papers = tx.objectStore('papers');
  const relevance = tx.objectStore('relevance');
  const written: SavedPaper[] = [];
  await allOrNothing(tx, async (requests) => {
    for (const record of records) {
      // Saved again meanwhile, maybe under another of its ids (from another page): the two are one record, under that id.
      const found = await findRecord(tx, knownIds(record.paper));
      const current = found && (found.id === record.id || removedAt === undefined || found.savedAt >= removedAt) ? found : undefined;
      const stored = withAliases(current ? mergeSamePaper(current.id, current, record) : record);
      requests.push(papers.put(stored));
      requests.push(relevance.put(relevanceDoc(stored)));
      requests.push(writeAliases(tx, current, stored));
      written.push(stored);
    }
  });
  listWritten(db, token, written);
  return written;
}

/** A record as the caller last saw it: a write refuses when it was changed since (by another tab, another page). */
export interface RecordVersion {
  id: string;
  updatedAt: number;
}

/** A merge or its undo asked of records that are gone or were changed since they were shown: nothing was written. */
export class StaleRecordError extends Error {
  override name = 'StaleRecordError';
}

/** The records `versions` name, as stored, or a StaleRecordError naming what changed (`what`: the write refused). */
async function currentRecords(papers: { get(id: string): Promise<SavedPaper | undefined> }, versions: readonly RecordVersion[], what: string): Promise<SavedPaper[]> {
  const found = await Promise.all(versions.map(({ id }) => papers.get(id)));
  return versions.map(({ id, updatedAt }, i) => {
    const record = found[i];
    if (!record) throw new StaleRecordError(`${id} is no longer in the list: ${what}`);
    if (record.updatedAt !== updatedAt) throw new StaleRecordError(`“${record.paper.title}” (${id}) was changed since it was shown, maybe in another tab: ${what}`);
    return record;
  });
}

export interface MergeResult {
  /** The one record now stored under `keep`'s id. */
  merged: SavedPaper;
  /** The records as they were (the kept one first): what an undo puts back (unmergeRecords). */
  originals: SavedPaper[];
}

/**
 * Merge copies of one paper the reader chose to merge (core/merge-duplicates.ts) into `keep`, in one
 * transaction: the merged record written, the others and their aliases deleted, the `aliases` store in step, so the
 * other ids now name the kept record. Each record must be stored as the caller saw it (its `updatedAt`): a library
 * shown before an edit in another tab must not write over that edit, so a record gone or changed since is refused
 * (StaleRecordError), as is a merge that would lose a tag or a note (MergeRefusedError). Nothing is written then.
 */
export async function mergeRecords(db: Database, keep: RecordVersion, others: readonly RecordVersion[], now = Date.now()): Promise<MergeResult> {
  const { tx, token } = listWrite(db);
  const papers = tx.objectStore('papers');
  const relevance = tx.objectStore('relevance');
  const { merged, originals } = await allOrNothing(tx, async (requests) => {
    const originals = await currentRecords(papers, [keep, ...others], 'nothing was merged');
    const [kept, ...rest] = originals as [SavedPaper, ...SavedPaper[]];
    const merged = withAliases(mergeDuplicates(kept, rest, now));
    for (const other of rest) requests.push(papers.delete(other.id), relevance.delete(other.id), writeAliases(tx, other, undefined));
    requests.push(papers.put(merged), relevance.put(relevanceDoc(merged)), writeAliases(tx, kept, merged));
    return { merged, originals };
  });
  // The others go first (listWritten): their ids are the merged record's aliases from now on (a lookup by one answers `savedAs` it).
  listWritten(db, token, [merged], originals.slice(1));
  return { merged, originals };
}

/**
 * Undo of a merge: the records as they were before it (mergeRecords' `originals`, the kept one first) put back exactly,
 * in one transaction, over the merged record. Refused (StaleRecordError), writing nothing, when the merged record was
 * changed since (`merged`: as the merge returned it), or a record of one of the other ids was saved again meanwhile:
 * the undo would write over those. What the merged record learned since without an edit of the reader's (which would
 * have changed `updatedAt`) stays with the kept record: a higher arXiv version ("Seen"), an id a save from another page
 * gave it, a journal DOI a check of arXiv filled in (keptSince). Resolves with the records as stored.
 */
export async function unmergeRecords(db: Database, merged: RecordVersion, originals: readonly SavedPaper[]): Promise<SavedPaper[]> {
  const { tx, token } = listWrite(db);
  const papers = tx.objectStore('papers');
  const relevance = tx.objectStore('relevance');
  let stored = originals.map(withAliases);
  await allOrNothing(tx, async (requests) => {
    if (stored[0]?.id !== merged.id || new Set(stored.map((r) => r.id)).size !== stored.length) throw new TypeError('An undo of a merge puts back the kept record first, then each other once');
    const [current] = await currentRecords(papers, [merged], 'the merge was not undone');
    stored = [withAliases(keptSince(stored[0], current!, stored.slice(1))), ...stored.slice(1)];
    const again = (await Promise.all(stored.slice(1).map((record) => papers.get(record.id)))).find(Boolean);
    if (again) throw new StaleRecordError(`“${again.paper.title}” was saved again as ${again.id} since the merge: the merge was not undone`);
    stored.forEach((record, i) => requests.push(papers.put(record), relevance.put(relevanceDoc(record)), writeAliases(tx, i === 0 ? current : undefined, record)));
  });
  listWritten(db, token, stored);
  return stored;
}

/**
 * The kept record of an undone merge, with what the merged record (`current`) learned since the merge that no other
 * copy brought to it: a higher version, a DOI it had none of, ids it answers to.
 */
function keptSince(kept: SavedPaper, current: SavedPaper, others: readonly SavedPaper[]): SavedPaper {
  // Every id and DOI a copy brought to the merge (the DOI an id carries too): those go back with their own records.
  const theirs = new Set(others.flatMap((other) => [...knownIds(other.paper), other.paper.doi].flatMap((id) => (id ? [id, doiOf(id) ?? id] : []))));
  const learned = (current.paper.aliases ?? []).filter((alias) => !theirs.has(alias));
  const theirDoi = current.paper.doi !== null && theirs.has(current.paper.doi);
  // The version never goes down, a DOI once found is kept (mergedIdentity), the kept record's own first.
  const identity = mergedIdentity(kept.paper, { version: current.paper.version, doi: theirDoi ? null : current.paper.doi });
  return { ...kept, paper: { ...kept.paper, ...identity, aliases: [...new Set([...(kept.paper.aliases ?? []), ...learned])] } };
}

/** What arXiv says of a saved paper's publication: its journal's DOI and reference (null: none given). */
export interface PublicationFacts {
  id: string;
  doi: string | null;
  venue: string | null;
}

/**
 * Fill in what arXiv says of saved papers' publication (a check for new versions: the journal DOI and reference its
 * authors gave) where the record has none, never over what it has: the DOI joins the paper's aliases, so the journal's
 * page shows it saved and exports cite it. Metadata, not the reader's edit: `updatedAt` stays. One transaction; resolves
 * with the records it changed, as stored.
 */
export async function fillPublication(db: Database, facts: readonly PublicationFacts[]): Promise<SavedPaper[]> {
  const { tx, token } = listWrite(db);
  const papers = tx.objectStore('papers');
  const written = await allOrNothing(tx, async (requests) => {
    const records: SavedPaper[] = [];
    for (const fact of facts) {
      const existing = await papers.get(fact.id);
      if (!existing) continue;
      const doi = existing.paper.doi ?? fact.doi;
      const venue = existing.paper.venue ?? fact.venue;
      if (doi === existing.paper.doi && venue === existing.paper.venue) continue;
      const record = withAliases({ ...existing, paper: { ...existing.paper, doi, venue } });
      requests.push(papers.put(record), writeAliases(tx, existing, record));
      records.push(record);
    }
    return records;
  });
  listWritten(db, token, written);
  return written;
}

/** Reset: rebuild every relevance row from the reading list as it is now, in one transaction. Resolves with the count. */
export async function rebuildRelevance(db: Database): Promise<number> {
  const tx = db.transaction(['papers', 'relevance', 'meta'], 'readwrite');
  const token = newGeneration(tx);
  const relevance = tx.objectStore('relevance');
  // All or nothing, as every write of the list: a put that throws part way (a full disk) must not commit the clear and
  // the rows put before it, a model of some papers only.
  const papers = await allOrNothing(tx, async (requests) => {
    const [papers] = await Promise.all([tx.objectStore('papers').getAll(), relevance.clear()]);
    for (const saved of papers) requests.push(relevance.put(relevanceDoc(saved)));
    return papers;
  });
  changed(db, null);
  savedStates(db).committed(token);
  return papers.length;
}
