import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { hasPapers, openDatabase, putPapers, removePaper, removePapers, savePaper } from '../storage/reading-list';
import { listPresence } from './list-presence';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const FROM = { savedFrom: 'https://huggingface.co/papers' };

describe('listPresence: pages are told when the list gains its first paper or loses its last', () => {
  it('tells on each change between empty and not, and on no other write', async () => {
    const db = await openDatabase();
    let told = 0;
    const presence = listPresence(() => hasPapers(db), () => told++);
    presence.start();
    const after = async (write: () => Promise<unknown>) => (await write(), await presence.written(), told);
    expect(await after(() => savePaper(db, makePaper({ id: 'arxiv:2607.00001' }), FROM))).toBe(1); // the first paper
    expect(await after(() => savePaper(db, makePaper({ id: 'arxiv:2607.00002' }), FROM))).toBe(1);
    expect(await after(() => removePaper(db, 'arxiv:2607.00001'))).toBe(1);
    expect(await after(() => removePaper(db, 'arxiv:2607.00002'))).toBe(2); // the last one
    expect(await after(() => removePaper(db, 'arxiv:2607.00002'))).toBe(2); // nothing to remove
    expect(await after(() => putPapers(db, []))).toBe(2);
    expect(await after(() => savePaper(db, makePaper({ id: 'arxiv:2607.00003' }), FROM))).toBe(3);
  });

  it('compares each write with the state before it, for writes that land together', async () => {
    const db = await openDatabase();
    let told = 0;
    const presence = listPresence(() => hasPapers(db), () => told++);
    presence.start();
    // A save and the removal of the same paper, each followed by its check, without waiting in between.
    const save = savePaper(db, makePaper({ id: 'arxiv:2607.00001' }), FROM).then(() => presence.written());
    const remove = save.then(() => removePapers(db, ['arxiv:2607.00001'])).then(() => presence.written());
    await Promise.all([save, remove]);
    expect(told).toBe(2);
  });

  it('tells nothing when a read fails, or before it knew the state before the write', async () => {
    let told = 0;
    let answer: Promise<boolean> = Promise.reject(new Error('storage gone'));
    const presence = listPresence(() => answer, () => told++);
    presence.start(); // unknown
    answer = Promise.resolve(true);
    await presence.written();
    expect(told).toBe(0);
    answer = Promise.resolve(false);
    await presence.written(); // known then: true → false
    expect(told).toBe(1);
  });
});
