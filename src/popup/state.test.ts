import { afterEach, describe, expect, it, vi } from 'vitest';
import { changedNotice } from '../background/messages';
import { createFakeApi, makeSaved } from './fake-api';
import { memoryFirstPaint } from './first-paint';
import { memoryDraftStore } from './note-drafts';
import { quoted } from './isolate';
import { createReadingListState, FIRST_PAGE, type StateOptions } from './state';

const one = makeSaved('arxiv:2601.00001', 'Sparse experts', 3000, { tags: ['moe'] });
const two = makeSaved('arxiv:2601.00002', 'Diffusion models', 2000);
const three = makeSaved('arxiv:2601.00003', 'Agents that plan', 1000);

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));
let stops: (() => void)[] = [];
afterEach(() => {
  stops.forEach((stop) => stop());
  stops = [];
  vi.useRealTimers();
});

async function started(papers = [one, two, three], options: StateOptions = {}) {
  const api = createFakeApi(papers);
  const state = createReadingListState(api, { drafts: memoryDraftStore(), refreshDelayMs: 0, ...options });
  stops.push(state.start());
  await vi.waitFor(() => expect(state.getSnapshot().load).toBe('ready'));
  return { api, state };
}

/** More papers than the popup's first answer holds, newest first. */
const longList = () => Array.from({ length: FIRST_PAGE + 5 }, (_, i) => makeSaved(`arxiv:2601.${String(i).padStart(5, '0')}`, `Paper ${i}`, 10_000 - i));

/** A started state over a long list whose whole-list answer waits for `release()` (the newest page comes at once). */
async function heldWholeList() {
  const many = longList();
  const api = createFakeApi(many);
  let release!: () => void;
  const whole = new Promise<void>((resolve) => (release = resolve));
  const list = api.list;
  api.list = vi.fn(async (limit?: number) => {
    if (limit === undefined) await whole;
    return list(limit);
  });
  const state = createReadingListState(api, { drafts: memoryDraftStore(), refreshDelayMs: 0 });
  stops.push(state.start());
  await vi.waitFor(() => expect(state.getSnapshot().load).toBe('ready'));
  return { many, api, state, release };
}

describe('reading-list state', () => {
  it('loads the list newest first and indexes it for search', async () => {
    const { state } = await started();
    expect(state.getSnapshot().papers.map((s) => s.id)).toEqual([one.id, two.id, three.id]);
    expect([...state.search('diffusion')!.keys()]).toEqual([two.id]);
    expect(state.getSnapshot().tags).toEqual([['moe', 1]]);
  });

  it('opens a long list with its newest papers at once, then loads the whole list', async () => {
    const { many, api, state, release } = await heldWholeList();
    expect(state.getSnapshot()).toMatchObject({ complete: false });
    expect(state.getSnapshot().papers.map((s) => s.id)).toEqual(many.slice(0, FIRST_PAGE).map((s) => s.id));
    release();
    await vi.waitFor(() => expect(state.getSnapshot().complete).toBe(true));
    expect(state.getSnapshot().papers).toHaveLength(FIRST_PAGE + 5);
    expect(api.list).toHaveBeenNthCalledWith(1, FIRST_PAGE);
    expect(api.list).toHaveBeenNthCalledWith(2);
  });

  it("shows the popup's copy of the newest papers before the background answers, then the answer in its place", async () => {
    const gone = makeSaved('arxiv:2601.00099', 'Removed in another tab', 5000);
    const firstPaint = memoryFirstPaint([gone, one]);
    const api = createFakeApi([one, two, three]);
    let answer!: () => void;
    const answered = new Promise<void>((resolve) => (answer = resolve));
    const list = api.list;
    api.list = vi.fn(async (limit?: number) => {
      await answered;
      return list(limit);
    });
    const state = createReadingListState(api, { drafts: memoryDraftStore(), refreshDelayMs: 0, firstPaint });
    // Before start: the first render already has the copy.
    expect(state.getSnapshot()).toMatchObject({ load: 'ready', complete: false, provisional: true });
    expect(state.getSnapshot().papers.map((s) => s.id)).toEqual([gone.id, one.id]);
    stops.push(state.start());
    await settle();
    expect(firstPaint.saved!.map((s) => s.id)).toEqual([gone.id, one.id]); // a copy is not copied back
    answer();
    await vi.waitFor(() => expect(state.getSnapshot().complete).toBe(true));
    expect(state.getSnapshot().papers.map((s) => s.id)).toEqual([one.id, two.id, three.id]);
    expect(state.getSnapshot().provisional).toBe(false);
    await vi.waitFor(() => expect(firstPaint.saved!.map((s) => s.id)).toEqual([one.id, two.id, three.id]));
  });

  it('a long list replaces the copy with its newest page, and the copy follows later changes', async () => {
    const many = longList();
    const firstPaint = memoryFirstPaint([many[3]!]);
    const api = createFakeApi(many);
    const state = createReadingListState(api, { drafts: memoryDraftStore(), refreshDelayMs: 0, firstPaint });
    stops.push(state.start());
    await vi.waitFor(() => expect(state.getSnapshot().complete).toBe(true));
    await vi.waitFor(() => expect(firstPaint.saved!.map((s) => s.id)).toEqual(many.slice(0, 12).map((s) => s.id)));
    await state.remove([many[0]!.id]);
    await vi.waitFor(() => expect(firstPaint.saved![0]!.id).toBe(many[1]!.id));
  });

  it('a paper removed from the copy before the first answer came does not come back with that answer', async () => {
    const api = createFakeApi([one, two, three]);
    const asked: (() => void)[] = [];
    const list = api.list;
    api.list = vi.fn(async (limit?: number) => {
      const answer = await list(limit); // read when asked, answered later: a stale answer
      await new Promise<void>((resolve) => asked.push(resolve));
      return answer;
    });
    const state = createReadingListState(api, { drafts: memoryDraftStore(), refreshDelayMs: 0, firstPaint: memoryFirstPaint([one, two]) });
    stops.push(state.start());
    await state.remove([one.id]);
    asked.shift()!(); // the first answer, read before the removal
    await vi.waitFor(() => expect(asked.length).toBe(1)); // so the list is asked again
    expect(state.getSnapshot().papers.map((s) => s.id)).toEqual([two.id]);
    asked.shift()!();
    await vi.waitFor(() => expect(state.getSnapshot().provisional).toBe(false));
    expect(state.getSnapshot().papers.map((s) => s.id)).toEqual([two.id, three.id]);
  });

  it('an edit made while the whole list is on its way is not undone by it', async () => {
    const many = longList();
    const api = createFakeApi(many);
    const asked: (() => void)[] = [];
    const list = api.list;
    api.list = vi.fn(async (limit?: number) => {
      const answer = await list(limit);
      if (limit === undefined) await new Promise<void>((resolve) => asked.push(resolve));
      return answer;
    });
    const state = createReadingListState(api, { drafts: memoryDraftStore(), refreshDelayMs: 0 });
    stops.push(state.start());
    await vi.waitFor(() => expect(asked.length).toBe(1));
    await state.setStatus([many[1]!.id], 'done');
    asked.shift()!();
    await vi.waitFor(() => expect(asked.length).toBe(1));
    expect(state.getSnapshot().byId.get(many[1]!.id)!.status).toBe('done');
    asked.shift()!();
    await vi.waitFor(() => expect(state.getSnapshot().complete).toBe(true));
    expect(state.getSnapshot().byId.get(many[1]!.id)!.status).toBe('done');
  });

  it('a failed load shows the error, not the copy', async () => {
    const api = createFakeApi();
    api.list = vi.fn(async () => Promise.reject(new Error('IndexedDB is unavailable')));
    const state = createReadingListState(api, { drafts: memoryDraftStore(), firstPaint: memoryFirstPaint([one]) });
    expect(state.getSnapshot().papers).toHaveLength(1);
    stops.push(state.start());
    await vi.waitFor(() => expect(state.getSnapshot()).toMatchObject({ load: 'error', loadError: 'IndexedDB is unavailable', papers: [] }));
  });

  it('a removal noticed while only the newest papers are shown does not make the list look complete', async () => {
    const { many, api, state, release } = await heldWholeList();
    api.emit({ type: 'changed', id: many[2]!.id, aliases: [], state: null });
    expect(state.getSnapshot()).toMatchObject({ complete: false });
    expect(state.getSnapshot().byId.has(many[2]!.id)).toBe(false);
    release();
    await vi.waitFor(() => expect(state.getSnapshot().complete).toBe(true));
  });

  it('a short list comes whole in the first answer', async () => {
    const { api, state } = await started();
    expect(state.getSnapshot().complete).toBe(true);
    expect(api.list).toHaveBeenCalledTimes(1);
  });

  it('reports a load failure', async () => {
    const api = createFakeApi();
    api.list = vi.fn(async () => Promise.reject(new Error('IndexedDB is unavailable')));
    const state = createReadingListState(api, { drafts: memoryDraftStore() });
    stops.push(state.start());
    await vi.waitFor(() => expect(state.getSnapshot().loadError).toBe('IndexedDB is unavailable'));
  });

  it('applies its own edits without re-reading the list, and re-reads on changes made elsewhere', async () => {
    const { api, state } = await started();
    await state.setStatus([two.id], 'done');
    await state.saveNote(two.id, 'check the ablation');
    await settle();
    expect(api.list).toHaveBeenCalledTimes(1);
    expect(state.getSnapshot().byId.get(two.id)).toMatchObject({ status: 'done', note: 'check the ablation' });
    expect([...state.search('ablation')!.keys()]).toEqual([two.id]);

    api.papers = [makeSaved('arxiv:2601.00009', 'Saved in a tab', 9000), ...api.papers];
    api.emit({ type: 'changed', id: 'arxiv:2601.00009', aliases: [], state: { status: 'to-read', tags: [] } });
    await vi.waitFor(() => expect(state.getSnapshot().papers[0]!.paper.title).toBe('Saved in a tab'));
    expect(api.list).toHaveBeenCalledTimes(2);
  });

  it('drops a paper removed elsewhere without a reload', async () => {
    const { api, state } = await started();
    api.emit({ type: 'changed', id: one.id, aliases: [], state: null });
    expect(state.getSnapshot().byId.has(one.id)).toBe(false);
    expect(state.search('experts')!.size).toBe(0);
    expect(api.list).toHaveBeenCalledTimes(1);
  });

  it('sets the status of many papers in one all-or-nothing write, applied by the background', async () => {
    const { api, state } = await started();
    await state.setStatus([one.id, two.id, three.id], 'reading');
    expect(vi.mocked(api.editMany).mock.calls).toEqual([[[one.id, two.id, three.id], { status: 'reading' }]]);
    expect(api.putMany).not.toHaveBeenCalled();
    expect(api.edit).not.toHaveBeenCalled();
    expect(api.papers.every((s) => s.status === 'reading')).toBe(true);
    await state.addTag([one.id, two.id], 'moe');
    expect(vi.mocked(api.edit).mock.calls).toEqual([[two.id, { addTags: ['moe'] }]]); // one already had it
  });

  it('removes with undo, which puts the exact records back', async () => {
    const { api, state } = await started(undefined, { now: () => 5000 });
    await state.remove([one.id, three.id]);
    expect(state.getSnapshot().papers.map((s) => s.id)).toEqual([two.id]);
    expect(state.getSnapshot().undo?.message).toBe('Removed 2 papers.');
    await state.undo();
    expect(state.getSnapshot().undo).toBeNull();
    expect(state.getSnapshot().papers.map((s) => s.id)).toEqual([one.id, two.id, three.id]);
    expect(api.papers.find((s) => s.id === one.id)).toEqual(one);

    await state.remove([two.id]);
    await state.undo();
    // With when the removal was asked for: a copy saved since is merged with it, one there before is not.
    expect(api.restore).toHaveBeenCalledWith(two, 5000);
  });

  it('an undo that goes into a copy saved meanwhile under another of its ids does not make it miss a later change of the first id', async () => {
    const { api, state } = await started();
    await state.remove([two.id]);
    // Saved again meanwhile in a tab, from a page that gives the paper another id: the background merges the undone
    // record into that one (restorePapers) and says so under that id.
    const venue = 'cvf:CVPR_2026/Diffusion_Models';
    vi.mocked(api.restore).mockImplementationOnce(async (record) => {
      const merged = { ...record, id: venue, paper: { ...record.paper, id: venue, aliases: [record.id] } };
      api.papers = [merged, ...api.papers];
      api.emit(changedNotice(merged));
      return merged;
    });
    await state.undo();
    await settle();
    expect(state.getSnapshot().papers.map((s) => s.id).sort()).toEqual([one.id, three.id, venue]);
    // Later, that record gone, the paper is saved again under the first id (from another tab): the list shows it.
    api.papers = [one, two, three];
    api.emit({ type: 'changed', id: venue, aliases: [two.id], state: null });
    api.emit(changedNotice(two));
    await vi.waitFor(() => expect(state.getSnapshot().papers.map((s) => s.id)).toEqual([one.id, two.id, three.id]));
  });

  it('removes many papers in one all-or-nothing write with one notice, and one paper with its own', async () => {
    const { api, state } = await started(undefined, { now: () => 5000 });
    await state.remove([one.id, two.id, three.id]);
    expect(vi.mocked(api.removeMany).mock.calls).toEqual([[[one.id, two.id, three.id]]]);
    expect(api.remove).not.toHaveBeenCalled();
    expect(api.papers).toEqual([]);
    expect(state.getSnapshot().undo?.message).toBe('Removed 3 papers.');
    await state.undo();
    expect(api.papers.map((s) => s.id).sort()).toEqual([one.id, two.id, three.id].sort());
    // Undone through restoreMany, which merges with a paper saved again meanwhile, not putMany, which overwrites.
    expect(api.putMany).not.toHaveBeenCalled();
    expect(vi.mocked(api.restoreMany).mock.calls).toEqual([[[one, two, three], 5000]]);
    await state.remove([two.id]);
    expect(vi.mocked(api.remove).mock.calls).toEqual([[two.id]]);
  });

  it('after a bulk edit the page holds the records as stored (their edit time the background\'s), so a merge of them next is not refused', async () => {
    const a = makeSaved('cvf:CVPR2024/html/Lovelace_X', 'Rethinking Attention', 3000);
    const b = makeSaved('doi:10.1109/cvpr52733.2024.00123', 'Rethinking attention.', 6000);
    const { api, state } = await started([a, b], { now: () => Date.now() + 7 }); // the page's clock a little ahead
    await state.setStatus([a.id, b.id], 'reading');
    for (const id of [a.id, b.id]) expect(state.getSnapshot().byId.get(id)!.updatedAt).toBe(api.papers.find((p) => p.id === id)!.updatedAt);
    expect(await state.merge(a.id, [b.id])).toBe(true);
  });

  it('a paper removed elsewhere while the whole list is being read does not come back with that read', async () => {
    const many = longList();
    const api = createFakeApi(many);
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const list = api.list;
    api.list = vi.fn(async (limit?: number) => {
      const answer = await list(limit);
      if (limit === undefined) await held; // read before the removal, answered after it
      return answer;
    });
    const state = createReadingListState(api, { drafts: memoryDraftStore(), refreshDelayMs: 0 });
    stops.push(state.start());
    await vi.waitFor(() => expect(state.getSnapshot().load).toBe('ready'));
    const old = many[FIRST_PAGE + 2]!;
    await api.remove(old.id); // another tab: its notice reaches this page
    release();
    await vi.waitFor(() => expect(state.getSnapshot().complete).toBe(true));
    await vi.waitFor(() => expect(state.getSnapshot().byId.has(old.id)).toBe(false));
    expect(state.getSnapshot().papers).toHaveLength(many.length - 1);
  });

  it('a bulk removal that fails removes nothing and says so', async () => {
    const { api, state } = await started();
    api.failPutMany = new Error('QuotaExceededError');
    await state.remove([one.id, three.id]);
    expect(api.papers.map((s) => s.id).sort()).toEqual([one.id, two.id, three.id].sort());
    expect(state.getSnapshot().papers.map((s) => s.id)).toEqual([one.id, two.id, three.id]);
    expect(state.getSnapshot().undo).toBeNull();
    expect(state.getSnapshot().problem).toMatch(/Could not remove/);
  });

  it('a note saved after another tab removed its paper is not dropped: the paper is offered back with it, until acted on', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { api, state } = await started(undefined, { now: () => 7000, undoMs: 100 });
    // Another tab removes the paper; the notice takes it off the list, and the open note's editor flushes as it goes.
    api.papers = api.papers.filter((s) => s.id !== two.id);
    api.emit({ type: 'changed', id: two.id, aliases: [], state: null });
    expect(state.getSnapshot().byId.has(two.id)).toBe(false);
    expect(await state.saveNote(two.id, 'the ablation in §4 is weak')).toBe(true);
    expect(state.getSnapshot().undo).toMatchObject({
      message: `${quoted('Diffusion models')} was removed in another tab or window, so your note was not saved.`,
      action: 'Save it again with the note',
      sticky: true,
    });
    state.holdUndo(true);
    state.holdUndo(false);
    await vi.advanceTimersByTimeAsync(1000); // what the reader typed does not time out
    expect(state.getSnapshot().undo?.action).toBe('Save it again with the note');
    vi.useRealTimers();
    await state.undo();
    expect(api.restore).toHaveBeenCalledWith({ ...two, note: 'the ablation in §4 is weak', updatedAt: 7000 }, 7000);
    await vi.waitFor(() => expect(state.getSnapshot().byId.get(two.id)?.note).toBe('the ablation in §4 is weak'));
    expect(state.getSnapshot().undo).toBeNull();
  });

  it('a note whose paper was removed elsewhere with nothing new typed offers nothing; one removed here goes into its undo', async () => {
    const { api, state } = await started(undefined, { now: () => 7000 });
    api.papers = api.papers.filter((s) => s.id !== two.id);
    api.emit({ type: 'changed', id: two.id, aliases: [], state: null });
    await state.saveNote(two.id, two.note); // the flush of an editor whose text was the stored note
    expect(state.getSnapshot().undo).toBeNull();
    // Removed in this page while its note was typed: the removal's undo puts it back with the note.
    await state.remove([one.id]);
    await state.saveNote(one.id, 'typed as it went');
    expect(state.getSnapshot().undo?.message).toBe(`Removed ${quoted('Sparse experts')}.`);
    await state.undo();
    expect(api.papers.find((s) => s.id === one.id)?.note).toBe('typed as it went');
  });

  it('an undo that fails (the background restarting) is offered again, so the removed papers are not lost', async () => {
    const { api, state } = await started();
    await state.remove([one.id]);
    const restore = api.restore;
    api.restore = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await state.undo();
    expect(state.getSnapshot().problem).toMatch(/^Could not undo: .*Receiving end does not exist/);
    expect(state.getSnapshot().undo?.message).toBe(`Removed ${quoted('Sparse experts')}.`); // still there to try again
    api.restore = restore;
    await state.undo();
    expect(api.papers.find((s) => s.id === one.id)).toEqual(one);
    expect(state.getSnapshot().undo).toBeNull();
    // The same for many papers.
    await state.remove([two.id, three.id]);
    api.failPutMany = new Error('QuotaExceededError');
    await state.undo();
    expect(state.getSnapshot().undo?.message).toBe('Removed 2 papers.');
    api.failPutMany = null;
    await state.undo();
    expect(api.papers.map((s) => s.id).sort()).toEqual([one.id, two.id, three.id].sort());
  });

  it('forgets the undo after its time', async () => {
    const { api, state } = await started(undefined, { undoMs: 20 });
    await state.remove([one.id]);
    expect(state.getSnapshot().undo?.message).toBe(`Removed ${quoted('Sparse experts')}.`);
    await vi.waitFor(() => expect(state.getSnapshot().undo).toBeNull());
    await state.undo();
    expect(api.restore).not.toHaveBeenCalled();
  });

  it('leaves the list unchanged when an all-or-nothing write fails', async () => {
    const { api, state } = await started();
    api.failPutMany = new Error('ConstraintError');
    const before = state.getSnapshot().papers;
    await expect(state.putMany([{ ...one, status: 'done' }, makeSaved('arxiv:2601.00004', 'New', 4000)])).rejects.toThrow('ConstraintError');
    expect(state.getSnapshot().papers).toBe(before);
  });

  it('saves a note draft left behind by a popup that closed before its save arrived', async () => {
    const drafts = memoryDraftStore();
    drafts.put(two.id, { note: 'typed just before closing', at: two.updatedAt + 10 });
    drafts.put(three.id, { note: 'stale', at: three.updatedAt - 10 });
    const { api } = await started(undefined, { drafts });
    await vi.waitFor(() => expect(api.edit).toHaveBeenCalledWith(two.id, { note: 'typed just before closing' }));
    expect(api.edit).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(drafts.drafts.size).toBe(0));
  });

  it('a note draft survives a later edit of another field of its paper (a status set on a card)', async () => {
    const drafts = memoryDraftStore();
    const typedAt = two.updatedAt + 10;
    // Typed in a popup that closed before its save arrived; then the paper was marked done on a card.
    const done = { ...two, status: 'done' as const, updatedAt: typedAt + 5000 };
    // And another paper whose note was rewritten elsewhere after the draft: that newer note stays.
    const rewritten = { ...three, note: 'written in another popup', updatedAt: three.updatedAt + 5000 };
    drafts.put(two.id, { note: 'typed just before closing', at: typedAt, base: '' });
    drafts.put(three.id, { note: 'typed first', at: three.updatedAt + 10, base: '' });
    const { api } = await started([one, done, rewritten], { drafts });
    await vi.waitFor(() => expect(api.edit).toHaveBeenCalledWith(two.id, { note: 'typed just before closing' }));
    await vi.waitFor(() => expect(drafts.drafts.size).toBe(0));
    expect(api.edit).toHaveBeenCalledTimes(1);
    expect(api.papers.find((p) => p.id === two.id)).toMatchObject({ note: 'typed just before closing', status: 'done' });
    expect(api.papers.find((p) => p.id === three.id)!.note).toBe('written in another popup');
  });

  it('a keystroke typed while the note is being saved keeps its draft, and the next open saves it', async () => {
    const drafts = memoryDraftStore(); // one store: the popup's and the library's, in the same origin
    const { api, state } = await started([one], { drafts });
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const edit = api.edit;
    api.edit = vi.fn(async (...args: Parameters<typeof edit>) => {
      await held;
      return edit(...args);
    });
    const saving = state.saveNote(one.id, 'abc');
    state.stashNote(one.id, 'abcd'); // typed while "abc" is on its way; its own save still waits for the debounce
    await settle();
    release();
    expect(await saving).toBe(true);
    expect(drafts.drafts.get(one.id)).toMatchObject({ note: 'abcd', base: 'abc' });
    // The popup closes before its next save: opened again, it saves what was typed last.
    api.edit = edit;
    const next = createReadingListState(api, { drafts, refreshDelayMs: 0 });
    stops.push(next.start());
    await vi.waitFor(() => expect(api.papers[0]!.note).toBe('abcd'));
    await vi.waitFor(() => expect(drafts.drafts.size).toBe(0));
  });

  it('keeps, with each keystroke\'s draft, the note it was typed over', async () => {
    const drafts = memoryDraftStore();
    const { state } = await started([{ ...one, note: 'stored' }], { drafts });
    state.stashNote(one.id, 'stored, and more');
    expect(drafts.drafts.get(one.id)).toMatchObject({ note: 'stored, and more', base: 'stored' });
  });

  it('indexes a large list in chunks, and searches once it is done', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const many = Array.from({ length: 30 }, (_, i) => makeSaved(`arxiv:2601.${String(i).padStart(5, '0')}`, `Paper number ${i}`, i));
    const { state } = await started(many, { chunkThreshold: 10, pause: () => gate });
    expect(state.getSnapshot().indexing).toBe(true);
    expect(state.search('number')).toBeNull();
    release();
    await vi.waitFor(() => expect(state.getSnapshot().indexing).toBe(false));
    expect(state.search('number')!.size).toBe(30);
  });
});
