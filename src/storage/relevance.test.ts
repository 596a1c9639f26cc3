import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { compile } from '../core/relevance/compile';
import { buildModel } from '../core/relevance/model';
import { packIndex } from '../core/relevance/pack';
import { editPaper, editPapers, openDatabase, rebuildRelevance, relevanceChanges, relevanceGeneration, removePaper, removePapers, savePaper } from './reading-list';
import { loadRelevanceSnapshot, readRelevanceRows, writeRelevanceSnapshot } from './relevance';
import { DB_NAME, DB_VERSION, upgrade, type PapershelfDB } from './schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const FROM = { savedFrom: 'https://huggingface.co/papers' };
const id = (n: number) => `arxiv:2607.${String(n).padStart(5, '0')}`;
const token = async (db: Awaited<ReturnType<typeof openDatabase>>) => ((await db.get('meta', 'list-generation')) as { token: string }).token;
const packed = () => packIndex(compile(buildModel([{ id: id(1), title: 'Sparse mixture of experts' }])));

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
    expect(await loadRelevanceSnapshot(db)).toEqual({ token: at, packed: packed() });
    await editPaper(db, id(1), { note: 'later' });
    expect(await loadRelevanceSnapshot(db)).not.toBeNull();
    await editPaper(db, id(1), { addTags: ['moe'] });
    expect(await loadRelevanceSnapshot(db)).toBeNull();
    expect(await writeRelevanceSnapshot(db, at, packed())).toBe(false); // that generation is over
    expect(await writeRelevanceSnapshot(db, await token(db), packed())).toBe(true);
    await db.put('meta', { ...(await db.get('meta', 'relevance-index'))!, v: 0 } as never); // another tokenizer's terms
    expect(await loadRelevanceSnapshot(db)).toBeNull();
  });

  it('goes when the database is upgraded (a step may rewrite the rows)', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: id(1) }), FROM);
    expect(await writeRelevanceSnapshot(db, await token(db), packed())).toBe(true);
    db.close();
    const newer = await openDB<PapershelfDB>(DB_NAME, DB_VERSION + 1, { upgrade: (udb, old, _new, tx) => upgrade(udb, old, tx) });
    expect(await newer.get('meta', 'relevance-index')).toBeUndefined();
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
