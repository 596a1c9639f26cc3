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

  it('edits status, tags and note of a saved paper only', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper(), { savedFrom: 'https://x.example/', now: 1 });
    const edited = await editPaper(db, 'arxiv:2607.01234', { status: 'done', tags: ['moe'] }, 99);
    expect(edited).toMatchObject({ status: 'done', tags: ['moe'], note: '', updatedAt: 99, savedAt: 1 });
    expect(await editPaper(db, 'arxiv:2607.09999', { status: 'done' })).toBeNull();
    expect(await listPapers(db)).toHaveLength(1);
  });

  it('adds tags inside the write, so two callers adding different tags at once both keep theirs (issue #6)', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper(), { savedFrom: 'https://x.example/', now: 1 });
    await editPaper(db, 'arxiv:2607.01234', { tags: ['moe'] });
    // Two pages that both saw ['moe'] add a tag each, concurrently.
    await Promise.all([
      editPaper(db, 'arxiv:2607.01234', { addTags: ['b'] }),
      editPaper(db, 'arxiv:2607.01234', { addTags: ['c', 'moe'] }),
    ]);
    const [record] = await listPapers(db);
    expect([...record!.tags].sort()).toEqual(['b', 'c', 'moe']);
    expect(record).not.toHaveProperty('addTags');
    // A removal from a third page that saw only ['moe'] keeps the others' adds.
    await editPaper(db, 'arxiv:2607.01234', { removeTags: ['moe'] });
    expect([...(await listPapers(db))[0]!.tags].sort()).toEqual(['b', 'c']);
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
