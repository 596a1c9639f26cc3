import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { editPaper, editPapers, mergeRecords, openDatabase, putPapers, rebuildRelevance, removePaper, restorePapers, savePaper, type Database } from './reading-list';
import { SNAPSHOT_KEY, type SavedIdsSnapshot } from './schema';
import { readSnapshot, writeFirstSnapshot, writeSnapshot } from './snapshots';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const FROM = { savedFrom: 'https://huggingface.co/papers' };
const id = (n: number) => `arxiv:2607.${String(n).padStart(5, '0')}`;
const generation = async (db: Database) => ((await db.get('meta', 'list-generation')) as { token: string } | undefined)?.token;
const snapshot = (token: string, ids: string[]): SavedIdsSnapshot => ({ key: SNAPSHOT_KEY, token, ids, aliases: [] });

/** Keeps a write transaction on `snapshots` open (as a ~10 MB snapshot's commit does) until `release()`. */
function holdSnapshots(db: Database): { release(): Promise<void> } {
  const tx = db.transaction('snapshots', 'readwrite');
  let held = true;
  const spinning = (async () => {
    while (held) await tx.store.get(SNAPSHOT_KEY);
  })();
  return {
    async release() {
      held = false;
      await spinning;
      await tx.done;
    },
  };
}

/** Resolves with the write's result, or 'waited' when it did not commit within 500 ms. */
const unlessItWaits = <T>(write: Promise<T>) => Promise.race([write, new Promise<'waited'>((resolve) => setTimeout(() => resolve('waited'), 500))]);

describe('snapshots', () => {
  it('no write of the list waits for a snapshot being written', async () => {
    const db = await openDatabase();
    const saved = await savePaper(db, makePaper({ id: id(1) }), FROM);
    const hold = holdSnapshots(db);
    try {
      expect(await unlessItWaits(savePaper(db, makePaper({ id: id(2) }), FROM))).not.toBe('waited');
      expect(await unlessItWaits(editPaper(db, id(1), { addTags: ['moe'] }))).not.toBe('waited');
      expect(await unlessItWaits(editPapers(db, [id(1), id(2)], { status: 'done' }))).not.toBe('waited');
      expect(await unlessItWaits(removePaper(db, id(2)))).not.toBe('waited');
      expect(await unlessItWaits(restorePapers(db, [{ ...saved, id: id(3), paper: { ...saved.paper, id: id(3) } }]))).not.toBe('waited');
      expect(await unlessItWaits(putPapers(db, [{ ...saved, id: id(4), paper: { ...saved.paper, id: id(4) } }]))).not.toBe('waited');
      const [a, b] = await Promise.all([db.get('papers', id(3)), db.get('papers', id(4))]);
      expect(await unlessItWaits(mergeRecords(db, { id: a!.id, updatedAt: a!.updatedAt }, [{ id: b!.id, updatedAt: b!.updatedAt }]))).not.toBe('waited');
      expect(await unlessItWaits(rebuildRelevance(db))).not.toBe('waited');
    } finally {
      await hold.release();
    }
  });

  it('a snapshot is stored only under the generation it was taken at, and read only as that generation', async () => {
    const db = await openDatabase();
    expect(await writeSnapshot(db, snapshot('no-generation-yet', []))).toBe(false);
    await savePaper(db, makePaper({ id: id(1) }), FROM);
    const at = (await generation(db))!;
    expect(await writeSnapshot(db, snapshot('an-older-one', [id(1)]))).toBe(false);
    expect(await readSnapshot(db, SNAPSHOT_KEY)).toEqual({ generation: at, stored: undefined });
    expect(await writeSnapshot(db, snapshot(at, [id(1)]))).toBe(true);
    expect(await readSnapshot(db, SNAPSHOT_KEY)).toEqual({ generation: at, stored: snapshot(at, [id(1)]) });
    // A write that commits between the check and the put: the snapshot keeps its own token, and is not read as current.
    await savePaper(db, makePaper({ id: id(2) }), FROM);
    const now = await generation(db);
    expect(now).not.toBe(at);
    expect((await db.get('snapshots', SNAPSHOT_KEY))?.token).toBe(at);
    expect(await readSnapshot(db, SNAPSHOT_KEY)).toEqual({ generation: now, stored: undefined });
  });

  it('the first snapshot gives the list its first generation, once', async () => {
    const db = await openDatabase();
    expect(await writeFirstSnapshot(db, snapshot('first', []))).toBe(true);
    expect(await readSnapshot(db, SNAPSHOT_KEY)).toEqual({ generation: 'first', stored: snapshot('first', []) });
    expect(await writeFirstSnapshot(db, snapshot('second', []))).toBe(false);
    expect(await generation(db)).toBe('first');
  });
});
