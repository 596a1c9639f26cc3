import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { editPaper, openDatabase, removePaper, restorePapers, savePaper, type Database } from '../storage/reading-list';
import { deferred } from './github/test-helpers';
import type { Notice } from './messages';
import { COMPLETION_PREFIX, createPromptSaver, PROMPT_MS, UNDO_KEEP_MS, type CompletionNotes, type PromptSaveDeps } from './prompt-save';
import { IN_FLIGHT_KEY } from './respond';
import { testResponder } from './test-helpers';
import { minimalPaper, type Resolved } from './save-link/metadata';

const LINK = 'https://arxiv.org/abs/2606.41234v2';
const BLOG = 'https://blog.example.org/reading-notes';
const ID = 'arxiv:2606.41234';
const PAPER = makePaper({ id: ID, title: 'Sparse Routing for Long-Context Retrieval', url: 'https://huggingface.co/papers/2606.41234' });
const STAND_IN_TITLE = 'arXiv:2606.41234';

let db: Database;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase();
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] }); // fake-indexeddb schedules with setImmediate
});
afterEach(() => {
  vi.useRealTimers();
});

/** storage.session, in memory: it outlives a worker (a second saver made over it is the next worker). */
function memorySession(): CompletionNotes & { items: Map<string, unknown> } {
  const items = new Map<string, unknown>();
  return {
    items,
    get: async () => Object.fromEntries(structuredClone([...items])),
    set: async (more) => void Object.entries(more).forEach(([key, value]) => items.set(key, structuredClone(value))),
    remove: async (keys) => void [keys].flat().forEach((key) => items.delete(key)),
  };
}

const notes = (session: { items: Map<string, unknown> }) => [...session.items].filter(([key]) => key.startsWith(COMPLETION_PREFIX)).map(([, value]) => value);

/** A saver whose metadata read is `reading` (a promise the test settles), writing straight to the database. */
function setup(reading: Promise<Resolved>, session = memorySession()) {
  const notices: Notice[] = [];
  const resolve = vi.fn(() => reading);
  const deps: PromptSaveDeps = {
    links: { resolve },
    write: (run) => run(db, (notice) => void notices.push(notice)),
    session,
  };
  return { saver: createPromptSaver(deps), notices, resolve, session };
}

/** Let the awaits in flight settle: IndexedDB's requests (setImmediate, not faked) and the promises around them. */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve)).then(() => new Promise<void>((resolve) => setImmediate(resolve)));

/** The save started, and PROMPT_MS passed on the fake clock: what it saved without the metadata. */
async function afterPrompt<T>(saving: Promise<T>): Promise<T> {
  await settle();
  await vi.advanceTimersByTimeAsync(PROMPT_MS);
  return saving;
}

const states = (notices: Notice[]) => notices.map((n) => n.type === 'changed' && [n.id, n.state]);

describe('a save from a link or an address: the paper at once, its metadata when it comes', () => {
  it('metadata that comes in time: one save of the whole paper, one notice, nothing left to complete', async () => {
    const { saver, notices, session } = setup(Promise.resolve({ paper: PAPER, complete: true }));
    const saved = await saver.save(LINK, BLOG);
    expect(saved?.record).toMatchObject({ id: ID, savedFrom: BLOG, paper: { title: PAPER.title } });
    expect(await saved?.completed).toBeNull();
    expect(states(notices)).toEqual([[ID, { status: 'to-read', tags: [] }]]);
    expect(notes(session)).toEqual([]);
  });

  it('slow metadata: the stand-in is saved and told within PROMPT_MS, then completed and told again, keeping what the reader changed meanwhile', async () => {
    const reading = deferred<Resolved>();
    const { saver, notices, session } = setup(reading.promise);
    const saved = await afterPrompt(saver.save(LINK, BLOG));
    // Saved, not waiting for the metadata: its id for a title, its links, from the page the link was on.
    expect(saved?.record).toMatchObject({ id: ID, savedFrom: BLOG, paper: { title: STAND_IN_TITLE, url: 'https://arxiv.org/abs/2606.41234', version: 2 } });
    expect((await db.get('papers', ID))?.paper.title).toBe(STAND_IN_TITLE);
    expect(states(notices)).toEqual([[ID, { status: 'to-read', tags: [] }]]);
    await settle();
    expect(notes(session)).toEqual([{ id: ID, url: LINK, savedAt: saved!.record.savedAt }]); // for a worker stopped before the metadata comes
    // The reader reads it, tags it and writes a note, in the popup, before the metadata comes.
    const edited = await editPaper(db, ID, { status: 'reading', tags: ['moe'], note: 'read §3' });
    reading.resolve({ paper: { ...PAPER, version: 2 }, complete: true });
    const completed = await saved!.completed;
    expect(completed).toMatchObject({ id: ID, status: 'reading', tags: ['moe'], note: 'read §3', savedFrom: BLOG, updatedAt: edited!.updatedAt, paper: { title: PAPER.title, authors: PAPER.authors, version: 2 } });
    expect(await db.get('papers', ID)).toEqual(completed);
    expect(states(notices)).toEqual([[ID, { status: 'to-read', tags: [] }], [ID, { status: 'reading', tags: ['moe'] }]]);
    expect(notes(session)).toEqual([]);
  });

  it('a paper removed before its metadata comes stays removed, untold', async () => {
    const reading = deferred<Resolved>();
    const { saver, notices, session } = setup(reading.promise);
    const saved = await afterPrompt(saver.save(LINK, BLOG));
    await removePaper(db, ID);
    reading.resolve({ paper: PAPER, complete: true });
    expect(await saved!.completed).toBeNull();
    expect(await db.get('papers', ID)).toBeUndefined();
    expect(notices).toHaveLength(1);
    expect(notes(session)).toEqual([]);
  });

  it('a stand-in removed while its metadata came, then put back by an undo, is completed then, and told', async () => {
    const reading = deferred<Resolved>();
    const { saver, notices } = setup(reading.promise);
    const saved = await afterPrompt(saver.save(LINK, BLOG));
    const removed = await removePaper(db, ID);
    reading.resolve({ paper: PAPER, complete: true });
    expect(await saved!.completed).toBeNull();
    // The undo: the stand-in as it was removed, then the background tells the saver (handlers.ts restore).
    await restorePapers(db, [removed!]);
    expect((await db.get('papers', ID))?.paper.title).toBe(STAND_IN_TITLE);
    await saver.restored(['arxiv:2401.99999', ID]);
    expect(await db.get('papers', ID)).toMatchObject({ savedFrom: BLOG, savedAt: removed!.savedAt, paper: { title: PAPER.title, authors: PAPER.authors } });
    expect(states(notices).at(-1)).toEqual([ID, { status: 'to-read', tags: [] }]);
    expect(notices).toHaveLength(2);
    // Once: a second undo of the same paper (removed and put back again) finds nothing left to complete.
    await saver.restored([ID]);
    expect(notices).toHaveLength(2);
  });

  it('metadata kept for an undo is dropped after UNDO_KEEP_MS: a stand-in put back later stays as it was', async () => {
    const reading = deferred<Resolved>();
    const { saver, notices } = setup(reading.promise);
    const saved = await afterPrompt(saver.save(LINK, BLOG));
    const removed = await removePaper(db, ID);
    reading.resolve({ paper: PAPER, complete: true });
    await saved!.completed;
    await restorePapers(db, [removed!]);
    const later = Date.now() + UNDO_KEEP_MS + 1;
    vi.spyOn(Date, 'now').mockReturnValue(later);
    await saver.restored([ID]);
    vi.mocked(Date.now).mockRestore();
    expect((await db.get('papers', ID))?.paper.title).toBe(STAND_IN_TITLE);
    expect(notices).toHaveLength(1);
  });

  it('a paper saved already is not set back by its stand-in, and is refreshed when the metadata comes', async () => {
    await savePaper(db, { ...PAPER, title: 'An older title', abstract: 'Kept until the new metadata says otherwise.' }, { savedFrom: 'https://huggingface.co/papers' });
    await editPaper(db, ID, { tags: ['kept'] });
    const reading = deferred<Resolved>();
    const { saver } = setup(reading.promise);
    const saved = await afterPrompt(saver.save(LINK, BLOG));
    expect(saved?.record).toMatchObject({ savedFrom: 'https://huggingface.co/papers', tags: ['kept'], paper: { title: 'An older title' } });
    reading.resolve({ paper: PAPER, complete: true });
    expect(await saved!.completed).toMatchObject({ tags: ['kept'], paper: { title: PAPER.title, abstract: PAPER.abstract } });
  });

  it('metadata naming a paper saved under another id (an OpenReview forum of a saved arXiv paper): the stand-in folds into it, told as a merge is', async () => {
    await savePaper(db, PAPER, { savedFrom: 'https://huggingface.co/papers' });
    await editPaper(db, ID, { status: 'done' });
    const reading = deferred<Resolved>();
    const { saver, notices } = setup(reading.promise);
    const saved = await afterPrompt(saver.save('https://openreview.net/forum?id=Xk9pQ2vN7a', BLOG));
    expect(saved?.record.id).toBe('openreview:Xk9pQ2vN7a');
    reading.resolve({ paper: { ...PAPER, aliases: ['openreview:Xk9pQ2vN7a'], source: { site: 'openreview', page: 'api' } }, complete: true });
    expect(await saved!.completed).toMatchObject({ id: ID, status: 'done' });
    expect(states(notices)).toEqual([['openreview:Xk9pQ2vN7a', { status: 'to-read', tags: [] }], ['openreview:Xk9pQ2vN7a', null], [ID, { status: 'done', tags: [] }]]);
    expect((await db.getAll('papers')).map((r) => r.id)).toEqual([ID]);
  });

  it('a stand-in a stopped worker made folds, on the next worker, into the record its metadata names', async () => {
    await savePaper(db, PAPER, { savedFrom: 'https://huggingface.co/papers' });
    const session = memorySession();
    await afterPrompt(setup(new Promise<Resolved>(() => {}), session).saver.save('https://openreview.net/forum?id=Xk9pQ2vN7a', BLOG));
    await settle();
    const next = setup(Promise.resolve({ paper: { ...PAPER, aliases: ['openreview:Xk9pQ2vN7a'] }, complete: true }), session);
    await next.saver.resume();
    expect((await db.getAll('papers')).map((r) => r.id)).toEqual([ID]);
    expect(states(next.notices)).toEqual([['openreview:Xk9pQ2vN7a', null], [ID, { status: 'to-read', tags: [] }]]);
  });

  it('a record of the link saved before (untouched, kept apart from the one its metadata names) is refreshed where it is, not folded away', async () => {
    // Both saved long ago: the OpenReview forum from its page, the arXiv paper from Hugging Face; never edited.
    const forum = 'openreview:Xk9pQ2vN7a';
    await savePaper(db, PAPER, { savedFrom: 'https://huggingface.co/papers', now: 10 });
    await savePaper(db, makePaper({ id: forum, title: 'Sparse Routing (forum)' }), { savedFrom: 'https://openreview.net/group?id=ICLR.cc', now: 20 });
    const reading = deferred<Resolved>();
    const { saver, notices, session } = setup(reading.promise);
    const saved = await afterPrompt(saver.save('https://openreview.net/forum?id=Xk9pQ2vN7a', BLOG));
    expect(saved?.record).toMatchObject({ id: forum, savedAt: 20 });
    await settle();
    expect(notes(session)).toEqual([{ id: forum, url: 'https://openreview.net/forum?id=Xk9pQ2vN7a' }]);
    reading.resolve({ paper: { ...PAPER, aliases: [forum], source: { site: 'openreview', page: 'api' } }, complete: true });
    // The save that waited would have refreshed the arXiv record and left the forum's: neither record is removed.
    expect(await saved!.completed).toMatchObject({ id: forum, savedAt: 20, savedFrom: 'https://openreview.net/group?id=ICLR.cc', paper: { title: PAPER.title } });
    expect((await db.getAll('papers')).map((r) => r.id).sort()).toEqual([ID, forum]);
    expect(states(notices).filter((s) => s && s[1] === null)).toEqual([]);
    // A note left by a stopped worker for that record folds nothing either.
    await savePaper(db, makePaper({ id: 'openreview:Yk9pQ2vN7b', title: 'Another forum' }), { savedFrom: 'https://openreview.net/', now: 30 });
    session.items.set(`${COMPLETION_PREFIX}old`, { id: 'openreview:Yk9pQ2vN7b', url: 'https://openreview.net/forum?id=Yk9pQ2vN7b' });
    await setup(Promise.resolve({ paper: { ...PAPER, aliases: ['openreview:Yk9pQ2vN7b'] }, complete: true }), session).saver.resume();
    expect((await db.getAll('papers')).map((r) => r.id).sort()).toEqual([ID, forum, 'openreview:Yk9pQ2vN7b']);
  });

  it('metadata that never comes (every source failed, late): the stand-in stays as saved, nothing more written', async () => {
    const reading = deferred<Resolved>();
    const { saver, notices, session } = setup(reading.promise);
    const saved = await afterPrompt(saver.save(LINK, BLOG));
    const before = await db.get('papers', ID);
    reading.resolve({ paper: minimalPaper({ kind: 'arxiv', id: '2606.41234', version: 2 }), complete: false });
    expect(await saved!.completed).toBeNull();
    expect(await db.get('papers', ID)).toEqual(before);
    expect(notices).toHaveLength(1);
    expect(notes(session)).toEqual([]);
  });

  it('a link to no paper saves and reads nothing; a save whose write fails rejects (the click reports it), leaving nothing to complete', async () => {
    const reading = deferred<Resolved>();
    const { saver, resolve, session, notices } = setup(reading.promise);
    expect(await saver.save('https://arxiv.org/list/cs.LG/new', BLOG)).toBeNull();
    expect(resolve).not.toHaveBeenCalled();
    db.close();
    const failed = saver.save(LINK, BLOG);
    failed.catch(() => {});
    await settle();
    await vi.advanceTimersByTimeAsync(PROMPT_MS);
    await expect(failed).rejects.toThrow();
    expect(notices).toEqual([]);
    expect(notes(session)).toEqual([]);
  });

  it("a worker stopped before the metadata came: the next one completes the stand-in from the note, once, and drops notes it cannot read", async () => {
    const session = memorySession();
    const first = setup(new Promise<Resolved>(() => {}), session); // stopped: its read never ends
    await afterPrompt(first.saver.save(LINK, BLOG));
    await settle();
    await first.saver.resume(); // its own note is its completion under way, not one left to it
    expect(first.resolve).toHaveBeenCalledTimes(1);
    await editPaper(db, ID, { tags: ['moe'] });
    session.items.set(`${COMPLETION_PREFIX}x`, { id: ID, url: LINK }); // the same link saved twice
    session.items.set(`${COMPLETION_PREFIX}y`, { id: ID, url: 'javascript:alert(1)' });
    session.items.set(`${COMPLETION_PREFIX}z`, 'garbled');
    session.items.set(IN_FLIGHT_KEY, true); // not ours
    const next = setup(Promise.resolve({ paper: PAPER, complete: true }), session);
    await next.saver.resume();
    expect(next.resolve).toHaveBeenCalledTimes(1);
    expect(next.resolve).toHaveBeenCalledWith({ kind: 'arxiv', id: '2606.41234', version: 2 });
    expect(await db.get('papers', ID)).toMatchObject({ tags: ['moe'], paper: { title: PAPER.title } });
    expect(states(next.notices)).toEqual([[ID, { status: 'to-read', tags: ['moe'] }]]);
    expect([...session.items.keys()]).toEqual([IN_FLIGHT_KEY]);
  });

  it('each of its two writes is marked in flight until its notice is out, not the wait for the metadata between them', async () => {
    const marks: string[] = [];
    const notices: Notice[] = [];
    const session = { set: async (items: Record<string, unknown>) => void marks.push(`set ${Object.keys(items).join()}`), remove: async (key: string) => void marks.push(`remove ${key}`) };
    const responder = testResponder(db, { notices, session });
    const reading = deferred<Resolved>();
    const saver = createPromptSaver({ links: { resolve: () => reading.promise }, write: (run) => responder.write((broadcast) => run(db, broadcast)), session: memorySession() });
    const saved = await afterPrompt(saver.save(LINK, BLOG));
    expect(marks).toEqual([`set ${IN_FLIGHT_KEY}`, `remove ${IN_FLIGHT_KEY}`]);
    expect(responder.inFlight()).toBe(0); // while the metadata is awaited
    reading.resolve({ paper: PAPER, complete: true });
    await saved!.completed;
    expect(marks).toEqual([`set ${IN_FLIGHT_KEY}`, `remove ${IN_FLIGHT_KEY}`, `set ${IN_FLIGHT_KEY}`, `remove ${IN_FLIGHT_KEY}`]);
    expect(notices).toHaveLength(2);
  });
});
