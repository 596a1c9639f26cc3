import 'fake-indexeddb/auto';
import { forceCloseDatabase, IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { databaseOpener } from './connection';
import { listPapers, lookup, savePaper } from './reading-list';
import { DB_NAME, DB_VERSION } from './schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const FROM = { savedFrom: 'https://huggingface.co/papers' };

describe("the background's connection", () => {
  it('is opened once and shared', async () => {
    const db = databaseOpener();
    const [a, b] = await Promise.all([db(), db()]);
    expect(a).toBe(b);
    expect(await db()).toBe(a);
  });

  it('is opened again after the browser closed it (storage cleared, a disk error): saves keep working', async () => {
    const db = databaseOpener();
    const first = await db();
    await savePaper(first, makePaper({ id: 'arxiv:2607.00001' }), FROM);
    forceCloseDatabase(first as unknown as Parameters<typeof forceCloseDatabase>[0]);
    const second = await db();
    expect(second).not.toBe(first);
    await savePaper(second, makePaper({ id: 'arxiv:2607.00002' }), FROM);
    expect((await listPapers(second)).map((p) => p.id).sort()).toEqual(['arxiv:2607.00001', 'arxiv:2607.00002']);
    expect(await lookup(second, ['arxiv:2607.00001'])).toEqual({ 'arxiv:2607.00001': { status: 'to-read', tags: [] } });
  });

  it('lets a newer version upgrade (versionchange), and is not used closed afterwards', async () => {
    const db = databaseOpener();
    const first = await db();
    await savePaper(first, makePaper({ id: 'arxiv:2607.00001' }), FROM);
    const newer = await openDB(DB_NAME, DB_VERSION + 1); // not blocked: ours closes
    expect(newer.version).toBe(DB_VERSION + 1);
    newer.close();
    // This code cannot open a newer database: it says so, rather than failing on a closed connection.
    await expect(db()).rejects.toThrow(/IndexedDB is unavailable/);
  });

  it('tries again after a failed open', async () => {
    const newer = await openDB(DB_NAME, DB_VERSION + 1);
    newer.close();
    const db = databaseOpener();
    await expect(db()).rejects.toThrow(/IndexedDB is unavailable/);
    globalThis.indexedDB = new IDBFactory();
    expect((await db()).version).toBe(DB_VERSION);
  });
});
