import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { compile } from '../core/relevance/compile';
import { buildModel } from '../core/relevance/model';
import { packedBytes, packedFromBytes, packIndex } from '../core/relevance/pack';
import { editPaper, editPapers, openDatabase, rebuildRelevance, relevanceChanges, relevanceGeneration, removePaper, removePapers, savePaper } from './reading-list';
import { loadRelevanceRows, loadRelevanceSnapshot, readRelevanceRows, writeRelevanceSnapshot } from './relevance';
import { DB_NAME, DB_VERSION, upgrade, type PapershelfDB } from './schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const FROM = { savedFrom: 'https://huggingface.co/papers' };
const id = (n: number) => `arxiv:2607.${String(n).padStart(5, '0')}`;
const token = async (db: Awaited<ReturnType<typeof openDatabase>>) => ((await db.get('meta', 'list-generation')) as { token: string }).token;
const index = () => packIndex(compile(buildModel([{ id: id(1), title: 'Sparse mixture of experts' }])));
const packed = () => new Blob([...packedBytes(index())]);

describe('relevanceChanges (which rows to read again)', () => {
  it('names the papers each write since a generation wrote; a rebuild, or a scorer too far behind, reads every row', async () => {
    const db = await openDatabase();
    const start = relevanceGeneration(db);
    await savePaper(db, makePaper({ id: id(1) }), FROM);
    await savePaper(db, makePaper({ id: id(2) }), FROM);
    const saved = relevanceGeneration(db);
    expect(relevanceChanges(db, start)).toEqual(new Set([id(1), id(2)]));
    await editPaper(db, id(1), { status: 'done' }); // no row written, no generation
    expect(relevanceGeneration(db)).toBe(saved);
    await editPapers(db, [id(1), id(2)], { addTags: ['moe'] });
    await removePaper(db, id(3)); // not saved: nothing written but a new token
    expect(relevanceChanges(db, saved)).toEqual(new Set([id(1), id(2)]));
    expect(relevanceChanges(db, relevanceGeneration(db))).toEqual(new Set());
    const beforeRebuild = relevanceGeneration(db);
    await rebuildRelevance(db);
    expect(relevanceChanges(db, beforeRebuild)).toBeNull();
    const later = relevanceGeneration(db);
    for (let i = 0; i < 64; i++) await removePapers(db, [id(100 + i)]);
    expect(relevanceChanges(db, later)?.size).toBe(0);
    await removePapers(db, [id(200)]);
    expect(relevanceChanges(db, later)).toBeNull(); // 65 writes behind: not remembered
  });
});

describe('the stored relevance index', () => {
  it('is read only as the generation it was written at', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: id(1) }), FROM);
    const at = await token(db);
    expect(await writeRelevanceSnapshot(db, at, packed())).toBe(true);
    const loaded = await loadRelevanceSnapshot(db);
    expect(loaded?.token).toBe(at);
    expect(packedFromBytes(loaded!.bytes)).toEqual(index());
    await editPaper(db, id(1), { note: 'later' });
    expect(await loadRelevanceSnapshot(db)).not.toBeNull();
    await editPaper(db, id(1), { addTags: ['moe'] });
    expect(await loadRelevanceSnapshot(db)).toBeNull();
    expect(await writeRelevanceSnapshot(db, at, packed())).toBe(false); // that generation is over
    expect(await writeRelevanceSnapshot(db, await token(db), packed())).toBe(true);
    await db.put('snapshots', { ...(await db.get('snapshots', 'relevance-index'))!, v: 0 } as never); // another tokenizer's terms
    expect(await loadRelevanceSnapshot(db)).toBeNull();
    await db.put('snapshots', { ...(await db.get('snapshots', 'relevance-index'))!, v: 1, index: index() } as never); // as an object, not bytes
    expect(await loadRelevanceSnapshot(db)).toBeNull();
  });

  it('goes when the database is upgraded (a step may rewrite the rows)', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: id(1) }), FROM);
    expect(await writeRelevanceSnapshot(db, await token(db), packed())).toBe(true);
    db.close();
    const newer = await openDB<PapershelfDB>(DB_NAME, DB_VERSION + 1, { upgrade: (udb, old, _new, tx) => upgrade(udb, old, tx) });
    expect(await newer.get('snapshots', 'relevance-index')).toBeUndefined();
    newer.close();
  });

  it('rows of another tokenizer version are not patched in: every row is read (and rebuilt) instead', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: id(1) }), FROM);
    expect((await readRelevanceRows(db, [id(1), id(2)]))?.rows).toEqual(new Map([[id(1), expect.objectContaining({ id: id(1) })], [id(2), undefined]]));
    await db.put('relevance', { ...(await db.get('relevance', id(1)))!, v: 0 });
    expect(await readRelevanceRows(db, [id(1)])).toBeNull();
  });
});

describe('readRelevanceRows (the rows a write changed, a batch a transaction)', () => {
  it('reads the ids in batches with a pause between them, and says which generation they are of', async () => {
    const db = await openDatabase();
    for (let n = 1; n <= 7; n++) await savePaper(db, makePaper({ id: id(n) }), FROM);
    const ids = [1, 2, 3, 4, 5, 6, 7, 8].map(id); // the 8th is not saved
    let pauses = 0;
    const read = await readRelevanceRows(db, ids, { batch: 3, pause: async () => void pauses++ });
    expect(pauses).toBe(2); // between 3, 3 and 2 ids
    expect([...read!.rows.keys()]).toEqual(ids);
    expect([...read!.rows.values()].map((row) => row?.id)).toEqual([...ids.slice(0, 7), undefined]);
    expect(read!.token).toBe(await token(db));
    expect(await readRelevanceRows(db, ids)).toEqual(read);
    expect((await readRelevanceRows(db, [], { batch: 3 }))!.token).toBe(await token(db)); // no id: the generation alone
  });

  it('a write between two batches: the rows are of no one generation (undefined)', async () => {
    const db = await openDatabase();
    for (let n = 1; n <= 4; n++) await savePaper(db, makePaper({ id: id(n) }), FROM);
    const read = await readRelevanceRows(db, [1, 2, 3, 4].map(id), { batch: 2, pause: () => removePaper(db, id(1)).then(() => undefined) });
    expect(read!.token).toBeUndefined();
    expect(read!.rows.get(id(1))?.id).toBe(id(1)); // read before the removal
  });

  it('a row of another tokenizer version in a later batch: null (every row is read instead)', async () => {
    const db = await openDatabase();
    for (let n = 1; n <= 4; n++) await savePaper(db, makePaper({ id: id(n) }), FROM);
    await db.put('relevance', { ...(await db.get('relevance', id(4)))!, v: 0 });
    expect(await readRelevanceRows(db, [1, 2, 3, 4].map(id), { batch: 2 })).toBeNull();
  });
});

describe('loadRelevanceRows (every row, a batch a transaction)', () => {
  it('reads every row in batches with a pause after each, and says which generation they are of', async () => {
    const db = await openDatabase();
    for (let n = 1; n <= 10; n++) await savePaper(db, makePaper({ id: id(n) }), FROM);
    let pauses = 0;
    const read = await loadRelevanceRows(db, { batch: 3, pause: async () => void pauses++ });
    expect(read.rows.map((r) => r.id)).toEqual(Array.from({ length: 10 }, (_, i) => id(i + 1)));
    expect(read.token).toBe(await token(db));
    expect(pauses).toBe(3); // after 3, 6 and 9 rows
    expect(await loadRelevanceRows(db)).toEqual(read);
  });

  it('a write between two batches: the rows are of no one generation (undefined), and are not taken for damaged', async () => {
    const db = await openDatabase();
    for (let n = 1; n <= 6; n++) await savePaper(db, makePaper({ id: id(n) }), FROM);
    let once = false;
    const read = await loadRelevanceRows(db, {
      batch: 2,
      pause: async () => {
        if (once) return;
        once = true;
        await removePaper(db, id(1)); // read already
        await savePaper(db, makePaper({ id: id(7) }), FROM); // read in a later batch
      },
    });
    expect(read.token).toBeUndefined();
    expect(read.rows.map((r) => r.id)).toEqual([1, 2, 3, 4, 5, 6, 7].map(id));
    expect(await db.count('relevance')).toBe(6); // not rebuilt: 7 rows against 6 papers is the write, not damage
  });

  it('rebuilds rows that do not match the list, read in batches too', async () => {
    const db = await openDatabase();
    for (let n = 1; n <= 5; n++) await savePaper(db, makePaper({ id: id(n) }), FROM);
    await db.put('relevance', { ...(await db.get('relevance', id(4)))!, v: 0 });
    await db.delete('relevance', id(2));
    const read = await loadRelevanceRows(db, { batch: 2 });
    expect(read.rows.map((r) => [r.id, r.v])).toEqual([1, 2, 3, 4, 5].map((n) => [id(n), 1]));
    expect(read.token).toBe(await token(db)); // the rebuild's
  });
});
