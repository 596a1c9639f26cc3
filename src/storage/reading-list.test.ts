import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { editPaper, listPapers, lookup, openDatabase, removePaper, savePaper } from './reading-list';
import { DB_NAME, DB_VERSION } from './schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('reading list storage', () => {
  it('saves, lists newest first, and survives reopening', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: 'arxiv:2607.00001', title: 'First' }), { savedFrom: 'https://huggingface.co/papers', now: 1000 });
    await savePaper(db, makePaper({ id: 'arxiv:2607.00002', title: 'Second' }), { savedFrom: 'https://huggingface.co/papers', now: 2000 });
    db.close();
    const reopened = await openDatabase();
    const list = await listPapers(reopened);
    expect(list.map((p) => p.paper.title)).toEqual(['Second', 'First']);
    expect(list[0]).toMatchObject({ status: 'to-read', tags: [], note: '', savedAt: 2000, savedFrom: 'https://huggingface.co/papers' });
  });

  it('lists only the newest n when asked (the popup opens with them)', async () => {
    const db = await openDatabase();
    for (let i = 1; i <= 5; i++) {
      await savePaper(db, makePaper({ id: `arxiv:2607.0000${i}`, title: `P${i}` }), { savedFrom: 'https://huggingface.co/papers', now: [3, 1, 5, 2, 4][i - 1]! * 1000 });
    }
    expect((await listPapers(db, 2)).map((p) => p.paper.title)).toEqual(['P3', 'P5']);
    expect((await listPapers(db, 10)).map((p) => p.paper.title)).toEqual(['P3', 'P5', 'P1', 'P4', 'P2']);
  });

  it('saving again refreshes metadata but keeps user data, first save date and known fields', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ abstract: 'Old abstract', upvotes: 3 }), { savedFrom: 'https://a.example/', now: 1000 });
    const tx = db.transaction('papers', 'readwrite');
    const stored = (await tx.store.get('arxiv:2607.01234'))!;
    await tx.store.put({ ...stored, status: 'reading', tags: ['moe'], note: 'read §3' });
    await tx.done;
    const again = await savePaper(db, makePaper({ abstract: null, upvotes: 9 }), { savedFrom: 'https://b.example/', now: 5000 });
    expect(again).toMatchObject({ status: 'reading', tags: ['moe'], note: 'read §3', savedAt: 1000, updatedAt: 5000, savedFrom: 'https://a.example/' });
    expect(again.paper.abstract).toBe('Old abstract');
    expect(again.paper.upvotes).toBe(9);
  });

  it('reports saved state for many ids at once and removes with the removed record', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: 'arxiv:2607.00001' }), { savedFrom: 'https://x.example/' });
    expect(await lookup(db, ['arxiv:2607.00001', 'arxiv:2607.00009'])).toEqual({
      'arxiv:2607.00001': { status: 'to-read', tags: [] },
      'arxiv:2607.00009': null,
    });
    const removed = await removePaper(db, 'arxiv:2607.00001');
    expect(removed?.id).toBe('arxiv:2607.00001');
    expect(await removePaper(db, 'arxiv:2607.00001')).toBeNull();
    expect(await listPapers(db)).toEqual([]);
  });

  it('answers a page-sized lookup (keys read first) exactly like a small one, duplicates included', async () => {
    const db = await openDatabase();
    for (const i of [3, 40, 41, 199]) await savePaper(db, makePaper({ id: `arxiv:2607.${String(i).padStart(5, '0')}` }), { savedFrom: 'https://x.example/' });
    await editPaper(db, 'arxiv:2607.00040', { status: 'done', tags: ['moe'] });
    const ids = [...Array.from({ length: 200 }, (_, i) => `arxiv:2607.${String(i).padStart(5, '0')}`), 'arxiv:2607.00040'];
    const big = await lookup(db, ids);
    expect(Object.entries(big).filter(([, s]) => s).sort()).toEqual([
      ['arxiv:2607.00003', { status: 'to-read', tags: [] }],
      ['arxiv:2607.00040', { status: 'done', tags: ['moe'] }],
      ['arxiv:2607.00041', { status: 'to-read', tags: [] }],
      ['arxiv:2607.00199', { status: 'to-read', tags: [] }],
    ]);
    expect(Object.keys(big)).toHaveLength(200);
    for (const id of ['arxiv:2607.00040', 'arxiv:2607.00005']) expect(await lookup(db, [id])).toEqual({ [id]: big[id] });
  });

  it('edits status, tags and note of a saved paper only', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper(), { savedFrom: 'https://x.example/', now: 1 });
    const edited = await editPaper(db, 'arxiv:2607.01234', { status: 'done', tags: ['moe'] }, 99);
    expect(edited).toMatchObject({ status: 'done', tags: ['moe'], note: '', updatedAt: 99, savedAt: 1 });
    expect(await editPaper(db, 'arxiv:2607.09999', { status: 'done' })).toBeNull();
    expect(await listPapers(db)).toHaveLength(1);
  });

  it('creates every store and index of the current version from an empty database', async () => {
    const db = await openDatabase();
    expect(db.version).toBe(DB_VERSION);
    expect([...db.objectStoreNames].sort()).toEqual(['meta', 'paperRepos', 'papers', 'repos']);
    expect([...db.transaction('papers').store.indexNames].sort()).toEqual(['by-savedAt', 'by-status']);
  });

  it('refuses to open a database from a newer extension version with a clear error', async () => {
    const newer = await openDB(DB_NAME, DB_VERSION + 1);
    newer.close();
    await expect(openDatabase()).rejects.toThrow(/IndexedDB is unavailable/);
  });
});
