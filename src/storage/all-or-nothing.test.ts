// Every write of the list is one transaction, all of it or nothing: a request that throws at once part way (a full
// disk, in the model respond.test.ts uses) must not leave the requests made before it to commit on their own.
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { buildModel, fromSaved } from '../core/relevance/model';
import { editPaper, editPapers, listPapers, lookup, openDatabase, rebuildRelevance, removePaper, removePapers, restorePapers, savePaper, type Database } from './reading-list';
import { loadRelevanceModel } from './relevance';
import type { SavedPaper } from './schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** `write`'s error, with the `nth` call of `method` on `store` (and every one after) throwing at once, as a full disk's may. */
async function failingAt(method: 'put' | 'delete', store: string, nth: number, write: () => Promise<unknown>): Promise<unknown> {
  const original = IDBObjectStore.prototype[method] as (...args: unknown[]) => IDBRequest;
  let calls = 0;
  IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args: unknown[]) {
    if (this.name === store && ++calls >= nth) throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    return original.apply(this, args);
  } as never;
  try {
    return await errorOf(write);
  } finally {
    IDBObjectStore.prototype[method] = original as never;
  }
}

/** The error `write` throws; undefined if it does not. */
async function errorOf(write: () => Promise<unknown>): Promise<unknown> {
  try {
    await write();
    return undefined;
  } catch (error) {
    return error;
  }
}

const FROM = 'https://huggingface.co/papers';
const id = (n: number) => `arxiv:2607.0000${n}`;
const record = (n: number): SavedPaper => ({ id: id(n), paper: makePaper({ id: id(n), title: `Paper ${n}`, doi: `10.1000/p${n}` }), status: 'reading', tags: ['kept'], note: `note ${n}`, savedFrom: FROM, savedAt: n, updatedAt: n });

/** The stores, and the background's memory of them, as a test reads them. */
async function state(db: Database) {
  const papers = await listPapers(db);
  return { papers, aliases: await db.getAllKeys('aliases'), model: await loadRelevanceModel(db), lookup: await lookup(db, [id(1), id(2)]) };
}

async function twoSaved(): Promise<Database> {
  const db = await openDatabase();
  await savePaper(db, makePaper({ id: id(1), title: 'Paper 1', doi: '10.1000/p1' }), { savedFrom: FROM, now: 1 });
  await savePaper(db, makePaper({ id: id(2), title: 'Paper 2', doi: '10.1000/p2' }), { savedFrom: FROM, now: 2 });
  await lookup(db, [id(1), id(2)]); // the memory of the list read, so that a write it was not told of would show
  return db;
}

describe('a write stopped part way by a full disk writes nothing, and the memory of the list stays in step', () => {
  it('a save whose relevance row fails', async () => {
    const db = await openDatabase();
    await lookup(db, [id(1)]);
    const error = await failingAt('put', 'relevance', 1, () => savePaper(db, makePaper({ id: id(1) }), { savedFrom: FROM }));
    expect(error).toMatchObject({ name: 'QuotaExceededError' });
    const after = await state(db);
    expect(after.papers).toEqual([]);
    expect(after.aliases).toEqual([]);
    expect(after.lookup[id(1)]).toBeNull();
  });

  it('an edit whose relevance row fails', async () => {
    const db = await twoSaved();
    const before = await state(db);
    const error = await failingAt('put', 'relevance', 1, () => editPaper(db, id(1), { tags: ['new'] }));
    expect(error).toMatchObject({ name: 'QuotaExceededError' });
    expect(await state(db)).toEqual(before);
  });

  it('a bulk edit failing at its second record', async () => {
    const db = await twoSaved();
    const before = await state(db);
    const error = await failingAt('put', 'papers', 2, () => editPapers(db, [id(1), id(2)], { status: 'done', addTags: ['bulk'] }));
    expect(error).toMatchObject({ name: 'QuotaExceededError' });
    expect(await state(db)).toEqual(before);
  });

  it('an undo of a bulk removal failing at its second record', async () => {
    const db = await openDatabase();
    await lookup(db, [id(1)]);
    const error = await failingAt('put', 'papers', 2, () => restorePapers(db, [record(1), record(2)]));
    expect(error).toMatchObject({ name: 'QuotaExceededError' });
    const after = await state(db);
    expect(after.papers).toEqual([]);
    expect(after.aliases).toEqual([]);
    expect(after.model).toEqual(buildModel([]));
    expect(after.lookup).toEqual({ [id(1)]: null, [id(2)]: null });
  });

  it('a removal, or a bulk one, whose relevance row or second record fails', async () => {
    const db = await twoSaved();
    const before = await state(db);
    expect(before.model).toEqual(buildModel(before.papers.map(fromSaved)));
    expect(await failingAt('delete', 'relevance', 1, () => removePaper(db, id(1)))).toMatchObject({ name: 'QuotaExceededError' });
    expect(await state(db)).toEqual(before);
    expect(await failingAt('delete', 'papers', 2, () => removePapers(db, [id(1), id(2)]))).toMatchObject({ name: 'QuotaExceededError' });
    expect(await state(db)).toEqual(before);
  });

  it("a reset of the relevance model whose second row fails keeps every row it had (none cleared, none half rebuilt)", async () => {
    const db = await twoSaved();
    const rows = await db.getAll('relevance');
    expect(await failingAt('put', 'relevance', 2, () => rebuildRelevance(db))).toMatchObject({ name: 'QuotaExceededError' });
    expect(await db.getAll('relevance')).toEqual(rows);
  });
});

describe("a request that fails once made is the error a write throws, not the abort it caused", () => {
  /**
   * `write`'s error, with each put() into `papers` over a stored record failing when it runs (ConstraintError), as
   * Firefox fails a put on a full disk: the transaction aborts while the write may still await a read of its own.
   */
  async function failingWhenRun(write: () => Promise<unknown>): Promise<unknown> {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: [unknown, IDBValidKey?]) {
      return this.name === 'papers' ? this.add(...args) : put.apply(this, args);
    };
    try {
      return await errorOf(write);
    } finally {
      IDBObjectStore.prototype.put = put;
    }
  }

  it('a bulk edit, and an undo putting back a paper saved again meanwhile, each of two records', async () => {
    const db = await twoSaved();
    const before = await state(db);
    expect(await failingWhenRun(() => editPapers(db, [id(1), id(2)], { status: 'done' }))).toMatchObject({ name: 'ConstraintError' });
    expect(await failingWhenRun(() => restorePapers(db, [record(1), record(2)]))).toMatchObject({ name: 'ConstraintError' });
    expect(await state(db)).toEqual(before);
  });
});
