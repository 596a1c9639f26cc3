import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { editPaper, editPapers, mergeRecords, openDatabase, putPapers, removePaper, removePapers, restorePapers, savePaper, unmergeRecords, type Database } from './reading-list';
import type { ReadingStatus, SavedPaper } from './schema';
import { countToRead, readToReadIds, toReadIds } from './to-read';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const FROM = { savedFrom: 'https://arxiv.org/list/cs.LG/new' };
const id = (n: number) => `arxiv:2607.${String(n).padStart(5, '0')}`;
const record = (n: number, status: ReadingStatus, extra: Partial<SavedPaper> = {}): SavedPaper => ({
  id: id(n), paper: makePaper({ id: id(n) }), status, tags: [], note: '', savedFrom: 'import', savedAt: n, updatedAt: n, ...extra,
});
/** What the database holds, counted by IndexedDB itself. */
const counted = (db: Database) => db.countFromIndex('papers', 'by-status', 'to-read');

/** Counts the reads of the ids still to read, and any count IndexedDB is asked for. */
function watchReads(db: Database) {
  const reads = { keys: 0, counts: 0 };
  const read = toReadIds.read;
  vi.spyOn(toReadIds, 'read').mockImplementation((db) => (reads.keys++, read(db)));
  const countFromIndex = db.countFromIndex.bind(db);
  (db as { countFromIndex: unknown }).countFromIndex = (...args: Parameters<Database['countFromIndex']>) => (reads.counts++, countFromIndex(...args));
  return reads;
}

describe('the count of papers still to read, kept in memory', () => {
  it('follows every kind of write, reading the database once', async () => {
    const db = await openDatabase();
    for (const n of [1, 2, 3]) await savePaper(db, makePaper({ id: id(n) }), FROM);
    const reads = watchReads(db);
    expect(await countToRead(db)).toBe(3);

    // Each step, then the count from memory against IndexedDB's own.
    const steps: [string, () => Promise<unknown>][] = [
      ['a new save', () => savePaper(db, makePaper({ id: id(4) }), FROM)],
      ['a save again, of a paper read already', async () => (await editPaper(db, id(4), { status: 'done' }), savePaper(db, makePaper({ id: id(4) }), FROM))],
      ['a status edit', () => editPaper(db, id(1), { status: 'reading' })],
      ['a tag edit', () => editPaper(db, id(2), { addTags: ['llm'] })],
      ['a bulk status edit', () => editPapers(db, [id(2), id(3), id(99)], { status: 'done' })],
      ['a bulk edit back', () => editPapers(db, [id(3), id(4)], { status: 'to-read' })],
      ['a removal', () => removePaper(db, id(3))],
      ['an undo of it', () => restorePapers(db, [record(3, 'to-read')])],
      ['a bulk removal', () => removePapers(db, [id(1), id(3), id(98)])],
      ['an import, new and over stored ones', () => putPapers(db, [record(5, 'to-read'), record(6, 'reading'), record(4, 'done'), record(2, 'to-read')])],
      ['a merge', () => mergeRecords(db, { id: id(5), updatedAt: 5 }, [{ id: id(2), updatedAt: 2 }])],
    ];
    for (const [what, step] of steps) {
      await step();
      expect(await countToRead(db), what).toBe(await counted(db));
    }
    const merge = await mergeRecords(db, { id: id(6), updatedAt: 6 }, [{ id: id(5), updatedAt: (await db.get('papers', id(5)))!.updatedAt }]);
    expect(await countToRead(db), 'a merge of a paper read and one to read').toBe(await counted(db));
    await unmergeRecords(db, { id: merge.merged.id, updatedAt: merge.merged.updatedAt }, merge.originals);
    expect(await countToRead(db), 'an undo of the merge').toBe(await counted(db));
    expect(await counted(db)).toBeGreaterThan(0);

    expect(reads.keys).toBe(1); // the ids still to read, once; every count after that from memory
    expect(reads.counts).toBe(steps.length + 3); // the test's own (`counted`), none of the memory's
  });

  it('a write committed while the ids are being read is counted once', async () => {
    const db = await openDatabase();
    for (const n of [1, 2]) await savePaper(db, makePaper({ id: id(n) }), FROM);
    vi.spyOn(toReadIds, 'read').mockImplementation((db) => readToReadIds(db, 1)); // a chunk per id: writes come between
    const first = countToRead(db); // starts reading the ids
    const writes = Promise.all([savePaper(db, makePaper({ id: id(3) }), FROM), editPaper(db, id(1), { status: 'done' }), savePaper(db, makePaper({ id: id(2) }), FROM)]);
    await Promise.all([first, writes]);
    expect(await countToRead(db)).toBe(2);
    expect(await counted(db)).toBe(2);
  });

  it('a write reported while the ids are still being read is applied on top of them', async () => {
    const db = await openDatabase();
    await putPapers(db, [record(1, 'to-read'), record(2, 'to-read')]);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    vi.spyOn(toReadIds, 'read').mockImplementation(async (db) => {
      const keys = await readToReadIds(db); // read before the writes below
      await gate;
      return keys;
    });
    const first = countToRead(db);
    await editPaper(db, id(1), { status: 'done' });
    await savePaper(db, makePaper({ id: id(3) }), FROM);
    await savePaper(db, makePaper({ id: id(4) }), FROM);
    release();
    expect(await first).toBe(3); // ids 2, 3 and 4 (the read had 1 and 2)
    expect(await countToRead(db)).toBe(await counted(db));
  });

  it('a failed read is tried again at the next count', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: id(1) }), FROM);
    let fail = true;
    vi.spyOn(toReadIds, 'read').mockImplementation((db) => (fail ? Promise.reject(new DOMException('disk', 'UnknownError')) : readToReadIds(db)));
    await expect(countToRead(db)).rejects.toThrow('disk');
    await savePaper(db, makePaper({ id: id(2) }), FROM); // no memory yet: nothing to follow
    fail = false;
    expect(await countToRead(db)).toBe(2);
  });

  it('a damaged record of a status no build writes is not to read, as in the index', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: id(1) }), FROM);
    await db.put('papers', { ...record(2, 'to-read'), status: 'archived' } as unknown as SavedPaper);
    expect(await countToRead(db)).toBe(1);
  });
});

describe('reading the ids still to read, a chunk a transaction', () => {
  /** Papers 1-40, every third one read or done: the ids to read are not one run of the index. */
  async function list() {
    const db = await openDatabase();
    await putPapers(db, Array.from({ length: 40 }, (_, i) => record(i + 1, i % 3 === 1 ? 'reading' : i % 3 === 2 ? 'done' : 'to-read')));
    return db;
  }

  it('reads every id the index has as to read, whatever the chunk', async () => {
    const db = await list();
    const all = new Set(await db.getAllKeysFromIndex('papers', 'by-status', 'to-read'));
    expect(all.size).toBe(14);
    for (const chunk of [1, 2, 3, 13, 14, 15, 500]) expect(await readToReadIds(db, chunk), `chunk ${chunk}`).toEqual(all);
  });

  it('lets a write go between two chunks, instead of after the whole read', async () => {
    const db = await list();
    const order = async (chunk: number) => {
      const done: string[] = [];
      const read = readToReadIds(db, chunk).then(() => done.push('read'));
      const save = Promise.resolve().then(() => savePaper(db, makePaper({ id: id(900 + chunk) }), FROM)).then(() => done.push('save'));
      await Promise.all([read, save]);
      return done;
    };
    expect(await order(2)).toEqual(['save', 'read']);
    expect(await order(500)).toEqual(['read', 'save']); // one transaction holds the write until it is over
  });

  it('takes up after the last id read when writes between chunks removed it, or ids before it', async () => {
    const db = await list();
    vi.spyOn(toReadIds, 'read').mockImplementation((db) => readToReadIds(db, 2));
    const count = countToRead(db);
    // Sent as the read begins: each commits between two of its chunks.
    await Promise.all([removePaper(db, id(1)), removePaper(db, id(4)), editPaper(db, id(7), { status: 'done' }), savePaper(db, makePaper({ id: id(41) }), FROM), removePaper(db, id(40))]);
    expect(await count).toBe(await counted(db));
    expect(await counted(db)).toBe(11); // 14, less 1, 4, 7 and 40, and 41
  });
});
