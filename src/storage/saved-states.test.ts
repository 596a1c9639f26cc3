import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { mulberry32 } from '../core/random';
import { editPaper, editPapers, lookup, rebuildRelevance, mergeRecords, openDatabase, putPapers, removePaper, removePapers, restorePapers, savePaper, unmergeRecords, type Database } from './reading-list';
import { SavedStates, savedStates, SNAPSHOT_DELAY_MS } from './saved-states';
import { DB_NAME, DB_VERSION, upgrade, type PapershelfDB, type SavedPaper } from './schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const FROM = { savedFrom: 'https://huggingface.co/papers' };
const id = (n: number) => `arxiv:2607.${String(n).padStart(5, '0')}`;

/** What the database holds, read directly (a fresh memory that has seen no write, reading the keys, not the snapshot). */
const truth = (db: Database, ids: string[]) => {
  const keysOnly = {
    getAllKeys: (...args: Parameters<Database['getAllKeys']>) => db.getAllKeys(...args),
    transaction: (...args: Parameters<Database['transaction']>) => {
      if ((typeof args[0] === 'string' ? [args[0]] : Array.from(args[0])).includes('snapshots')) throw new DOMException('no snapshot here', 'NotFoundError');
      return db.transaction(...args);
    },
  };
  return new SavedStates(keysOnly as unknown as Database).lookup(ids);
};

describe('saved states kept in memory by the background', () => {
  it('answers from memory after the first lookup, and follows every kind of write', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: id(1) }), FROM);
    await savePaper(db, makePaper({ id: id(2) }), FROM);
    const ids = [id(1), id(2), id(3), id(4)];
    expect(await lookup(db, ids)).toEqual({ [id(1)]: { status: 'to-read', tags: [] }, [id(2)]: { status: 'to-read', tags: [] }, [id(3)]: null, [id(4)]: null });

    await editPaper(db, id(1), { status: 'done', addTags: ['llm'] });
    await removePaper(db, id(2));
    await savePaper(db, makePaper({ id: id(3) }), FROM);
    await editPapers(db, [id(1), id(3)], { addTags: ['agents'] });
    const imported: SavedPaper = { id: id(4), paper: makePaper({ id: id(4) }), status: 'reading', tags: ['x'], note: '', savedFrom: 'import', savedAt: 1, updatedAt: 1 };
    await putPapers(db, [imported]);

    const cached = await lookup(db, ids);
    expect(cached).toEqual(await truth(db, ids));
    expect(cached[id(1)]).toEqual({ status: 'done', tags: ['llm', 'agents'] });
    expect(cached[id(2)]).toBeNull();
    expect(cached[id(4)]).toEqual({ status: 'reading', tags: ['x'] });
  });

  it('a damaged record (no tag list, an unknown status) does not fail the lookup of every other card on the page', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: id(1) }), FROM);
    const damaged = { id: id(2), paper: makePaper({ id: id(2) }), status: 'archived', note: '', savedFrom: '', savedAt: 1, updatedAt: 1 };
    await db.put('papers', damaged as unknown as SavedPaper);
    await db.put('papers', { ...damaged, id: id(3), status: 'done', tags: ['ok', 7, null] } as unknown as SavedPaper);
    expect(await lookup(db, [id(1), id(2), id(3)])).toEqual({
      [id(1)]: { status: 'to-read', tags: [] },
      [id(2)]: { status: 'to-read', tags: [] },
      [id(3)]: { status: 'done', tags: ['ok'] },
    });
  });

  it('a damaged record can be edited and saved again: the write mends it, and its success is not reported as a failure', async () => {
    const db = await openDatabase();
    const damaged = { id: id(1), paper: makePaper({ id: id(1) }), status: 'archived', note: '', savedFrom: '', savedAt: 1, updatedAt: 1 };
    await db.put('papers', damaged as unknown as SavedPaper);
    await db.put('papers', { ...damaged, id: id(2), status: 'done', tags: ['ok', 7] } as unknown as SavedPaper);
    await lookup(db, [id(1), id(2)]); // the memory of the list is read, and follows the writes below

    // Saved again from a page: the new metadata is kept, and the answer says so.
    const saved = await savePaper(db, makePaper({ id: id(1), title: 'Seen again' }), FROM);
    expect((await db.get('papers', id(1)))?.paper.title).toBe('Seen again');
    expect(saved.paper.title).toBe('Seen again');
    // A status set, a tag added: each a write of its own, the record mended (strings only in its tag list).
    expect(await editPaper(db, id(1), { status: 'done' })).toMatchObject({ status: 'done', tags: [] });
    expect(await editPaper(db, id(2), { addTags: ['new'] })).toMatchObject({ tags: ['ok', 'new'] });
    expect(await editPapers(db, [id(1), id(2)], { status: 'reading' })).toBe(2);
    expect(await db.get('papers', id(1))).toMatchObject({ status: 'reading', tags: [] });
    expect(await lookup(db, [id(1), id(2)])).toEqual(await truth(db, [id(1), id(2)]));
    expect(await lookup(db, [id(2)])).toEqual({ [id(2)]: { status: 'reading', tags: ['ok', 'new'] } });
  });

  it('asks IndexedDB for all keys once, then only for saved papers it has not seen', async () => {
    const db = await openDatabase();
    for (let i = 1; i <= 5; i++) await savePaper(db, makePaper({ id: id(i) }), FROM);
    const states = new SavedStates(db);
    let keyReads = 0;
    let transactions = 0;
    const realGetAllKeys = db.getAllKeys.bind(db);
    (db as { getAllKeys: unknown }).getAllKeys = (...args: Parameters<Database['getAllKeys']>) => (args[0] === 'papers' && keyReads++, realGetAllKeys(...args));
    const realTransaction = db.transaction.bind(db);
    (db as { transaction: unknown }).transaction = (...args: Parameters<Database['transaction']>) => (transactions++, realTransaction(...args));
    await states.lookup([id(1), id(2), id(9)]);
    await states.lookup([id(1), id(2), id(9)]);
    await states.lookup([id(2), id(3)]);
    expect(keyReads).toBe(1);
    expect(transactions).toBe(5); // the snapshot (none yet); the keys; the aliases; the states of ids 1 and 2; then of id 3
  });

  it('reads the keys ahead when asked to (preload), and a failed preload leaves the lookup to read them', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: id(1) }), FROM);
    let keyReads = 0;
    let fail = true;
    const realGetAllKeys = db.getAllKeys.bind(db);
    (db as { getAllKeys: unknown }).getAllKeys = (...args: Parameters<Database['getAllKeys']>) => {
      if (args[0] === 'papers') keyReads++;
      return fail ? Promise.reject(new DOMException('disk', 'UnknownError')) : realGetAllKeys(...args);
    };
    const states = new SavedStates(db);
    await expect(states.preload()).resolves.toBeUndefined(); // never rejects
    fail = false;
    expect(await states.lookup([id(1), id(2)])).toEqual({ [id(1)]: { status: 'to-read', tags: [] }, [id(2)]: null });
    expect(keyReads).toBe(2); // the failed read was not kept

    const warm = new SavedStates(db);
    await warm.preload();
    await warm.lookup([id(1)]);
    await warm.lookup([id(2)]);
    expect(keyReads).toBe(3); // one read, ahead of both lookups
  });

  it('a write committed while the keys are being read is not lost', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: id(1) }), FROM);
    const first = lookup(db, [id(1), id(2)]); // starts reading the keys
    const saving = savePaper(db, makePaper({ id: id(2) }), FROM);
    const removing = removePaper(db, id(1));
    await Promise.all([first, saving, removing]);
    expect(await lookup(db, [id(1), id(2)])).toEqual({ [id(1)]: null, [id(2)]: { status: 'to-read', tags: [] } });
  });

  it('a write reported while the keys are still being read is applied on top of them', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fake = {
      getAllKeys: async (store: string) => (await gate, store === 'papers' ? [id(1)] : []), // read before the writes below committed
      transaction: () => ({ store: { get: async () => undefined }, done: Promise.resolve() }),
    };
    const states = new SavedStates(fake as unknown as Database);
    const reading = states.lookup([id(1), id(2)]);
    states.written(id(1), null);
    states.written(id(2), { status: 'reading', tags: ['a'] });
    release();
    expect(await reading).toEqual({ [id(1)]: null, [id(2)]: { status: 'reading', tags: ['a'] } });
  });

  it('a state read before a write commits never overwrites the write', async () => {
    // A stand-in database whose read of a paper's state finishes only when the test says so.
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const fake = {
      getAllKeys: async (store: string) => (store === 'papers' ? [id(1)] : []),
      transaction: () => ({ store: { get: async () => ({ status: 'to-read', tags: [] }) }, done: gate }),
    };
    const states = new SavedStates(fake as unknown as Database);
    const reading = states.lookup([id(1)]); // reads { status: 'to-read' }, then waits for its transaction
    await new Promise((resolve) => setTimeout(resolve, 0));
    states.written(id(1), { status: 'done', tags: [] }); // an edit commits meanwhile
    release();
    expect((await reading)[id(1)]).toEqual({ status: 'done', tags: [] });
    expect((await states.lookup([id(1)]))[id(1)]).toEqual({ status: 'done', tags: [] });
  });

  it('an alias two records claim answers as the database does (the first by id), before and after edits of either', async () => {
    const db = await openDatabase();
    const alias = 'cvf:CVPR2026/Smith_Sparse';
    await savePaper(db, makePaper({ id: id(1), aliases: [alias] }), FROM);
    // A backup's record of another paper naming it too, written as given: both claim it.
    await putPapers(db, [{ id: id(2), paper: makePaper({ id: id(2), aliases: [alias] }), status: 'reading', tags: [], note: '', savedFrom: 'import', savedAt: 1, updatedAt: 1 }]);
    expect(await lookup(db, [alias])).toEqual(await truth(db, [alias]));
    expect((await lookup(db, [alias]))[alias]).toEqual({ status: 'to-read', tags: [], savedAs: id(1) });
    await editPaper(db, id(1), { status: 'done' });
    await editPapers(db, [id(2)], { addTags: ['cv'] });
    expect(await lookup(db, [alias])).toEqual(await truth(db, [alias]));
    expect((await lookup(db, [alias]))[alias]).toEqual({ status: 'done', tags: [], savedAs: id(1) });
    await removePaper(db, id(1));
    expect((await lookup(db, [alias]))[alias]).toEqual({ status: 'reading', tags: ['cv'], savedAs: id(2) });
    expect(await lookup(db, [alias])).toEqual(await truth(db, [alias]));
  });

  it('agrees with the database after 400 random writes and lookups interleaved', async () => {
    const db = await openDatabase();
    const rnd = mulberry32(11);
    const pick = () => id(1 + Math.floor(rnd() * 30));
    const pending: Promise<unknown>[] = [];
    for (let step = 0; step < 400; step++) {
      const r = rnd();
      const target = pick();
      if (r < 0.3) pending.push(savePaper(db, makePaper({ id: target }), FROM));
      else if (r < 0.45) pending.push(removePaper(db, target));
      else if (r < 0.6) pending.push(editPaper(db, target, { status: rnd() < 0.5 ? 'reading' : 'done', addTags: [`t${step % 4}`] }));
      else if (r < 0.7) pending.push(editPapers(db, [target, pick()], { removeTags: ['t1'] }));
      else pending.push(lookup(db, [target, pick(), pick()]));
      if (step % 7 === 0) await Promise.all(pending.splice(0)); // sometimes let everything land, sometimes not
    }
    await Promise.all(pending);
    const all = Array.from({ length: 30 }, (_, i) => id(i + 1));
    expect(await lookup(db, all)).toEqual(await truth(db, all));
  });

  it('agrees with the database after 400 random writes of papers with aliases, undos and lookups by alias interleaved', async () => {
    const db = await openDatabase();
    const rnd = mulberry32(7);
    // arXiv ids and venue ids, each one's record naming others as its aliases.
    const ids = Array.from({ length: 16 }, (_, i) => (i % 2 ? `cvf:p${i}` : id(i)));
    const pick = () => ids[Math.floor(rnd() * ids.length)]!;
    const removed: SavedPaper[] = [];
    const pending: Promise<unknown>[] = [];
    for (let step = 0; step < 400; step++) {
      const r = rnd();
      const target = pick();
      const paper = makePaper({ id: target, aliases: rnd() < 0.6 ? [pick()] : [] });
      if (r < 0.25) pending.push(savePaper(db, paper, FROM));
      else if (r < 0.35) pending.push(removePaper(db, target).then((record) => record && removed.push(record)));
      else if (r < 0.4) pending.push(removePapers(db, [target, pick()]).then((records) => removed.push(...records)));
      else if (r < 0.47) pending.push(restorePapers(db, removed.splice(0, 1)));
      else if (r < 0.53) pending.push(putPapers(db, [{ id: target, paper, status: 'reading', tags: [], note: '', savedFrom: 'import', savedAt: 1, updatedAt: 1 }]));
      else if (r < 0.63) pending.push(editPaper(db, target, { status: rnd() < 0.5 ? 'reading' : 'done', addTags: [`t${step % 4}`] }));
      else if (r < 0.7) pending.push(editPapers(db, [target, pick()], { removeTags: ['t1'] }));
      else pending.push(lookup(db, [target, pick()], { [target]: [pick()] }));
      if (step % 5 === 0) await Promise.all(pending.splice(0));
    }
    await Promise.all(pending);
    expect(await lookup(db, ids)).toEqual(await truth(db, ids));
  });
});

/** A background started again (a new worker): its memory of the database, and how many times it read the keys of `papers`. */
function restarted(db: Database): { states: SavedStates; keyReads: () => number } {
  let reads = 0;
  const earlier = db.getAllKeys; // maybe an earlier restart's counter: it goes on counting too
  (db as { getAllKeys: unknown }).getAllKeys = (...args: Parameters<Database['getAllKeys']>) => (args[0] === 'papers' && reads++, earlier.apply(db, args));
  return { states: new SavedStates(db), keyReads: () => reads };
}

const generation = async (db: Database) => ((await db.get('meta', 'list-generation')) as { token: string } | undefined)?.token;

describe('the saved ids kept as one record, for a background that starts again', () => {
  it('once the writes stop, a background started again reads the ids and aliases from one record, not every key', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: id(1) }), FROM);
    await savePaper(db, makePaper({ id: 'cvf:p2', aliases: ['doi:10.1109/x.2'] }), FROM);
    await lookup(db, [id(1)]); // this background's memory, read from the keys
    expect(await savedStates(db).writeSnapshot()).toBe(true);
    const asked = [id(1), 'cvf:p2', 'doi:10.1109/x.2', id(3), 'dblp:conf/x/Y'];
    const expected = { ...(await truth(db, asked)), [id(3)]: { status: 'to-read', tags: [], savedAs: 'cvf:p2' } };
    expect(expected['doi:10.1109/x.2']).toEqual({ status: 'to-read', tags: [], savedAs: 'cvf:p2' });
    const again = restarted(db);
    expect(await again.states.lookup(asked, { [id(3)]: ['cvf:p2'] })).toEqual(expected);
    expect(again.keyReads()).toBe(0);
  });

  it('a write committed since the record was written makes it out of date: the keys are read, and the write is seen', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: id(1) }), FROM);
    await lookup(db, [id(1)]);
    expect(await savedStates(db).writeSnapshot()).toBe(true);
    for (const write of [() => savePaper(db, makePaper({ id: id(2) }), FROM), () => removePaper(db, id(1))]) {
      await write();
      const again = restarted(db);
      const found = await again.states.lookup([id(1), id(2)]);
      expect(again.keyReads()).toBe(1);
      expect(found).toEqual(await truth(db, [id(1), id(2)]));
      expect(await savedStates(db).writeSnapshot()).toBe(true); // written anew from the memory that saw the write
      const later = restarted(db);
      const read = await later.states.lookup([id(1), id(2)]);
      expect(later.keyReads()).toBe(0);
      expect(read).toEqual(found);
    }
  });

  it('is never written from a memory that has not heard of a committed write (another background, one that restarted)', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: id(1) }), FROM);
    const other = new SavedStates(db); // not the one reading-list.ts reports to
    await other.lookup([id(1)]);
    await savePaper(db, makePaper({ id: id(2) }), FROM);
    expect(await other.writeSnapshot()).toBe(false);
    expect(await db.get('snapshots', 'saved-ids')).toBeUndefined();
  });

  it('every write that can change ids, aliases or relevance rows gives a new generation; edits of status and notes do not', async () => {
    const db = await openDatabase();
    const record = (n: number): SavedPaper => ({ id: id(n), paper: makePaper({ id: id(n), title: 'A paper on attention' }), status: 'to-read', tags: [], note: '', savedFrom: 'import', savedAt: n, updatedAt: n });
    const tokens: (string | undefined)[] = [];
    const after = async (write: () => Promise<unknown>) => (await write(), tokens.push(await generation(db)));
    await after(() => savePaper(db, makePaper({ id: id(1) }), FROM));
    await after(() => putPapers(db, [record(2), record(3), record(4)]));
    const removed = await removePaper(db, id(2));
    tokens.push(await generation(db));
    await after(() => restorePapers(db, [removed!]));
    await after(() => removePapers(db, [id(2)]));
    const { merged, originals } = await mergeRecords(db, { id: id(3), updatedAt: 3 }, [{ id: id(4), updatedAt: 4 }], 10);
    tokens.push(await generation(db));
    await after(() => unmergeRecords(db, merged, originals));
    await after(() => removePaper(db, id(99))); // nothing to remove: a write all the same
    // Tags are in a paper's relevance row (the snapshot of the relevance index is of a generation too): a tag edit and a
    // rebuild of the rows give a new one; a status edit, or a tag edit that changes no tag, does not.
    await after(() => editPaper(db, id(1), { addTags: ['x'] }));
    await after(() => editPapers(db, [id(1), id(3)], { addTags: ['y'] }));
    await after(() => rebuildRelevance(db));
    expect(tokens.every((token) => typeof token === 'string')).toBe(true);
    expect(new Set(tokens).size).toBe(tokens.length);
    const before = await generation(db);
    await editPaper(db, id(1), { status: 'done' });
    await editPapers(db, [id(1), id(3)], { status: 'reading', addTags: ['x'] }); // id(3) gains 'x'
    expect(await generation(db)).not.toBe(before);
    const now = await generation(db);
    await editPapers(db, [id(1), id(3)], { status: 'done', addTags: ['x'] });
    await editPaper(db, id(3), { note: 'read it' });
    expect(await generation(db)).toBe(now);
  });

  it('a background started again at any quiet moment agrees with the database, after random writes and snapshots', async () => {
    const db = await openDatabase();
    const rnd = mulberry32(23);
    const ids = Array.from({ length: 12 }, (_, i) => (i % 3 ? id(i) : `cvf:p${i}`));
    const pick = () => ids[Math.floor(rnd() * ids.length)]!;
    const removed: SavedPaper[] = [];
    const pending: Promise<unknown>[] = [];
    let fromSnapshot = 0;
    for (let step = 1; step <= 300; step++) {
      const r = rnd();
      const target = pick();
      const paper = makePaper({ id: target, aliases: rnd() < 0.5 ? [pick()] : [] });
      if (r < 0.3) pending.push(savePaper(db, paper, FROM));
      else if (r < 0.45) pending.push(removePaper(db, target).then((record) => record && removed.push(record)));
      else if (r < 0.55) pending.push(restorePapers(db, removed.splice(0, 1)));
      else if (r < 0.65) pending.push(putPapers(db, [{ id: target, paper, status: 'done', tags: [], note: '', savedFrom: 'import', savedAt: 1, updatedAt: 1 }]));
      else if (r < 0.75) pending.push(editPaper(db, target, { addTags: [`t${step % 3}`] }));
      else if (r < 0.9) pending.push(savedStates(db).writeSnapshot());
      else pending.push(lookup(db, [target, pick()]));
      if (step % 10 === 0) {
        await Promise.all(pending.splice(0));
        if (rnd() < 0.5) await savedStates(db).writeSnapshot(); // as the timer would, the writes having stopped
        const again = restarted(db);
        const found = await again.states.lookup(ids);
        if (again.keyReads() === 0) fromSnapshot++;
        expect(found).toEqual(await truth(db, ids));
      }
    }
    expect(fromSnapshot).toBeGreaterThan(8); // the snapshot was read, not only ever out of date
  });

  it('a damaged record is not read: the keys are', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: id(1) }), FROM);
    const token = await generation(db);
    for (const damaged of [{ ids: 'x', aliases: [] }, { ids: [id(1), 7], aliases: [] }, { ids: [], aliases: [['a']] }, { aliases: [] }]) {
      await db.put('snapshots', { key: 'saved-ids', token, ...damaged } as never);
      const again = restarted(db);
      expect(await again.states.lookup([id(1)])).toEqual({ [id(1)]: { status: 'to-read', tags: [] } });
      expect(again.keyReads()).toBe(1);
    }
  });

  it('is written a moment after the writes stop, not at each', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const db = await openDatabase();
      await lookup(db, [id(1)]); // memory read: the list was empty, with no generation yet
      await savePaper(db, makePaper({ id: id(1) }), FROM);
      vi.advanceTimersByTime(SNAPSHOT_DELAY_MS - 100);
      await savePaper(db, makePaper({ id: id(2) }), FROM);
      vi.advanceTimersByTime(SNAPSHOT_DELAY_MS - 100);
      expect(await db.get('snapshots', 'saved-ids')).toBeUndefined(); // each write put it off
      vi.advanceTimersByTime(200);
      await vi.waitFor(async () => expect(await db.get('snapshots', 'saved-ids')).toMatchObject({ token: await generation(db), ids: [id(1), id(2)] }));
    } finally {
      vi.useRealTimers();
    }
  });

  it('goes when the database is upgraded (a step may move records to other ids)', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: id(1) }), FROM);
    await lookup(db, [id(1)]);
    expect(await savedStates(db).writeSnapshot()).toBe(true);
    db.close();
    const newer = await openDB<PapershelfDB>(DB_NAME, DB_VERSION + 1, { upgrade: (udb, old, _new, tx) => upgrade(udb, old, tx) });
    expect(await newer.get('snapshots', 'saved-ids')).toBeUndefined();
    expect(await newer.get('meta', 'list-generation')).toBeDefined();
    newer.close();
  });
});
