import 'fake-indexeddb/auto';
import { forceCloseDatabase, IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { createV3ToV8 } from '../../test/unit/old-databases';
import { makePaper } from '../../test/unit/paper-factory';
import { databaseOpener } from './connection';
import { listPapers, lookup, savePaper } from './reading-list';
import { DB_NAME, DB_VERSION, type SavedPaper } from './schema';

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

  it('says storage is full when a full disk aborts the upgrade, and opens once there is room, nothing lost', async () => {
    const { version: _version, doi: _doi, ...paper } = makePaper({ id: 'arxiv:2607.00001' }); // as saved before v5
    const saved = { id: paper.id, paper, status: 'reading', tags: ['rl'], note: '', savedFrom: FROM.savedFrom, savedAt: 1, updatedAt: 1 } as SavedPaper;
    await createV3ToV8(DB_NAME, 4, [saved]);
    // A full disk fails a write of the upgrade (v5 rewrites every record) as a browser does: the request fails, the
    // upgrade transaction aborts with its QuotaExceededError, and the open with an AbortError.
    const put = IDBObjectStore.prototype.put;
    const full = new Set<{ storeRecord?: () => never }>(); // fake-indexeddb's stores, their writes failing
    IDBObjectStore.prototype.put = function (this: IDBObjectStore & { _rawObjectStore: { storeRecord?: () => never } }, ...args: unknown[]) {
      full.add(this._rawObjectStore);
      this._rawObjectStore.storeRecord = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      return (put as (...args: unknown[]) => IDBRequest).apply(this, args);
    } as never;
    const db = databaseOpener();
    try {
      const error = await db().then(() => null, (e: unknown) => e);
      // The name a write's full disk has (the card says "browser storage is full"), and words that say what to do.
      expect(error).toMatchObject({ name: 'QuotaExceededError', message: expect.stringMatching(/storage is full.*free some disk space/i) });
    } finally {
      IDBObjectStore.prototype.put = put;
      for (const store of full) delete store.storeRecord;
    }
    expect(await lookup(await db(), [saved.id])).toEqual({ [saved.id]: { status: 'reading', tags: ['rl'] } });
  });

  it('still says unavailable for an open that fails otherwise', async () => {
    const newer = await openDB(DB_NAME, DB_VERSION + 1);
    newer.close();
    await expect(databaseOpener()()).rejects.toMatchObject({ name: 'StorageUnavailableError' });
  });
});
