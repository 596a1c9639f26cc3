import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { openDatabase, type Database } from '../storage/reading-list';
import { deferred } from './github/test-helpers';
import type { Notice } from './messages';
import type { HandlerDeps } from './handlers';
import { IN_FLIGHT_KEY, type SessionMark } from './respond';
import { testResponder } from './test-helpers';
import { saveAddressed } from './tab-paper';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

/** A responder over a fresh database whose session storage answers when `gate` resolves (a worker just woken). */
async function setup(gate: Promise<void> = Promise.resolve(), links: Partial<HandlerDeps['links']> = { resolve: async () => Promise.reject(new Error('not asked')) }) {
  const db: Database = await openDatabase();
  const notices: Notice[] = [];
  const marks: string[] = [];
  const session: SessionMark = {
    set: async (items) => {
      marks.push(`set ${Object.keys(items).join()}`);
      await gate;
    },
    remove: async (key) => void marks.push(`remove ${key}`),
  };
  const responder = testResponder(db, { notices, session, links });
  return { db, notices, marks, responder };
}

const FROM = 'https://huggingface.co/papers';

describe('the background answers writes', () => {
  it('in the order they came, even while the in-flight mark is still being written', async () => {
    const gate = deferred<void>();
    const { db, responder } = await setup(gate.promise);
    const paper = makePaper({ id: 'arxiv:2607.00001' });
    // A double click on Save (save, then remove), and a note typed then flushed on blur: sent in this order.
    const replies = [
      responder.respond({ type: 'save', payload: { paper, savedFrom: FROM } }),
      responder.respond({ type: 'remove', payload: { id: paper.id } }),
      responder.respond({ type: 'save', payload: { paper: makePaper({ id: 'arxiv:2607.00002' }), savedFrom: FROM } }),
      responder.respond({ type: 'edit', payload: { id: 'arxiv:2607.00002', edit: { note: 'abc' } } }),
      responder.respond({ type: 'edit', payload: { id: 'arxiv:2607.00002', edit: { note: 'abcd' } } }),
    ];
    gate.resolve();
    expect((await Promise.all(replies)).every((r) => r.ok)).toBe(true);
    expect(await db.get('papers', paper.id)).toBeUndefined();
    expect((await db.get('papers', 'arxiv:2607.00002'))?.note).toBe('abcd');
  });

  it('marks writes in flight until their notices have gone out, and validates before anything is written', async () => {
    const { notices, marks, responder } = await setup();
    const paper = makePaper({ id: 'arxiv:2607.00001' });
    expect(await responder.respond({ type: 'save', payload: { paper, savedFrom: FROM } })).toMatchObject({ ok: true });
    expect(marks).toEqual([`set ${IN_FLIGHT_KEY}`, `remove ${IN_FLIGHT_KEY}`]);
    expect(notices).toEqual([{ type: 'changed', id: paper.id, aliases: [], state: { status: 'to-read', tags: [] } }]);
    expect(responder.inFlight()).toBe(0);
    const refused = await responder.respond({ type: 'save', payload: { paper: { ...paper, __proto__: { title: 'x' } }, savedFrom: FROM, extra: 1 } });
    expect(refused).toMatchObject({ ok: false, error: { name: 'TypeError', message: expect.stringMatching(/^Invalid "save" message/) } });
    expect(marks).toHaveLength(2); // nothing was marked for a request that was refused
  });

  it("marks a save from a tab's address in flight, and answers an address that names no paper with an error the popup shows", async () => {
    const paper = makePaper({ id: 'arxiv:2606.41234', title: 'Sparse Routing' });
    const { db, marks, notices, responder } = await setup(undefined, { resolve: async () => ({ paper, complete: true }) });
    const url = 'https://arxiv.org/pdf/2606.41234v2';
    expect(await responder.respond({ type: 'tabPaper', payload: { url } })).toMatchObject({ ok: true, value: { id: paper.id, state: null } });
    expect(marks).toEqual([]); // a read
    expect(await responder.respond({ type: 'saveTabPaper', payload: { url } })).toMatchObject({ ok: true, value: { id: paper.id, savedFrom: url } });
    expect(marks).toEqual([`set ${IN_FLIGHT_KEY}`, `remove ${IN_FLIGHT_KEY}`]);
    expect(notices).toEqual([{ type: 'changed', id: paper.id, aliases: [], state: { status: 'to-read', tags: [] } }]);
    expect(await responder.respond({ type: 'saveTabPaper', payload: { url: 'https://arxiv.org/list/cs.LG/new' } })).toEqual({
      ok: false,
      error: { name: 'NoPaperError', message: 'This page names no paper Papershelf knows' },
    });
    expect(await responder.respond({ type: 'saveTabPaper', payload: { url: 'javascript:alert(1)' } })).toMatchObject({ ok: false, error: { name: 'TypeError' } });
    expect(await db.count('papers')).toBe(1);
  });

  it("marks the link menu's save in flight (a write no message asked for), after the writes before it, until its notice is out", async () => {
    const gate = deferred<void>();
    const paper = makePaper({ id: 'arxiv:2606.41234', title: 'Sparse Routing' });
    const { db, marks, notices, responder } = await setup(gate.promise);
    // A removal asked for by a tab just before: the menu's save, which came after it, must not overtake it.
    const links = { resolve: async () => ({ paper, complete: true }) };
    await saveAddressed(db, 'https://arxiv.org/abs/2606.41234', FROM, { links, broadcast: () => {} });
    const removal = responder.respond({ type: 'remove', payload: { id: paper.id } });
    const menu = responder.write((broadcast) => saveAddressed(db, 'https://arxiv.org/abs/2606.41234', FROM, { links, broadcast }));
    expect(responder.inFlight()).toBe(2);
    gate.resolve();
    expect(await removal).toMatchObject({ ok: true });
    expect(await menu).toMatchObject({ id: paper.id });
    expect(await db.get('papers', paper.id)).toMatchObject({ id: paper.id }); // saved again, after the removal
    expect(notices.map((n) => n.type === 'changed' && n.state)).toEqual([null, { status: 'to-read', tags: [] }]);
    expect(marks).toEqual([`set ${IN_FLIGHT_KEY}`, `remove ${IN_FLIGHT_KEY}`]);
    expect(responder.inFlight()).toBe(0);
    // One that fails throws its error, and its mark is taken away all the same.
    const failure = responder.write(async () => Promise.reject(new Error('offline')));
    await expect(failure).rejects.toThrow('offline');
    expect(responder.inFlight()).toBe(0);
    expect(marks.slice(-1)).toEqual([`remove ${IN_FLIGHT_KEY}`]);
  });

  it("marks a check of arXiv versions in flight: the journal DOI it fills in is a write, whose notice cards answer to", async () => {
    const entries = [{ id: '2401.00001', version: 2, updated: '2026-11-02', comment: null, doi: '10.1145/3650000.3650123', journalRef: 'KDD 2026' }];
    const { marks, notices, responder } = await setup(undefined, { latestVersions: async () => ({ status: 'ok', entries }) });
    await responder.respond({ type: 'save', payload: { paper: makePaper({ id: 'arxiv:2401.00001' }), savedFrom: FROM } });
    marks.length = 0;
    notices.length = 0;
    expect(await responder.respond({ type: 'checkVersions', payload: { ids: ['arxiv:2401.00001'] } })).toMatchObject({ ok: true, value: { published: ['arxiv:2401.00001'] } });
    expect(notices).toEqual([{ type: 'changed', id: 'arxiv:2401.00001', aliases: ['doi:10.1145/3650000.3650123'], state: { status: 'to-read', tags: [] } }]);
    expect(marks).toEqual([`set ${IN_FLIGHT_KEY}`, `remove ${IN_FLIGHT_KEY}`]);
    expect(responder.inFlight()).toBe(0);
  });

  it('marks a settings change in flight too, so a worker stopped before its notice makes tabs re-read', async () => {
    const { marks, responder } = await setup();
    expect(await responder.respond({ type: 'setSettings', payload: { patch: { toolbarCount: false } } })).toMatchObject({ ok: true });
    expect(marks).toEqual([`set ${IN_FLIGHT_KEY}`, `remove ${IN_FLIGHT_KEY}`]);
  });

  it('marks a merge and its undo in flight, and a refused one answers an error the library can name', async () => {
    const { db, marks, notices, responder } = await setup();
    /** A paper saved with this note; as stored. */
    const saved = async (id: string, note: string) => {
      await responder.respond({ type: 'save', payload: { paper: makePaper({ id }), savedFrom: FROM } });
      return (await responder.respond({ type: 'edit', payload: { id, edit: { note } } })) as { value: { id: string; updatedAt: number } };
    };
    const a = (await saved('cvf:A', 'x'.repeat(99_990))).value; // with the other's note, past a note's 100,000
    const b = (await saved('doi:10.1109/b', 'y'.repeat(20))).value;
    marks.length = 0;
    notices.length = 0;
    const refused = await responder.respond({ type: 'merge', payload: { keep: { id: b.id, updatedAt: b.updatedAt }, others: [{ id: a.id, updatedAt: a.updatedAt }] } });
    expect(refused).toMatchObject({ ok: false, error: { name: 'MergeRefusedError', message: expect.stringMatching(/at most 100,000/) } });
    const stale = await responder.respond({ type: 'merge', payload: { keep: { id: b.id, updatedAt: b.updatedAt - 1 }, others: [{ id: a.id, updatedAt: a.updatedAt }] } });
    expect(stale).toMatchObject({ ok: false, error: { name: 'StaleRecordError' } });
    expect(notices).toEqual([]);
    expect(await db.count('papers')).toBe(2);
    await responder.respond({ type: 'edit', payload: { id: a.id, edit: { note: 'short' } } });
    const a2 = (await db.get('papers', a.id))!;
    marks.length = 0;
    const merged = await responder.respond({ type: 'merge', payload: { keep: { id: b.id, updatedAt: b.updatedAt }, others: [{ id: a.id, updatedAt: a2.updatedAt }] } });
    expect(merged.ok).toBe(true);
    expect(marks).toEqual([`set ${IN_FLIGHT_KEY}`, `remove ${IN_FLIGHT_KEY}`]);
    const { merged: record, originals } = (merged as { value: { merged: { id: string; updatedAt: number }; originals: unknown[] } }).value;
    marks.length = 0;
    expect(await responder.respond({ type: 'unmerge', payload: { merged: { id: record.id, updatedAt: record.updatedAt }, records: originals } })).toMatchObject({ ok: true });
    expect(marks).toEqual([`set ${IN_FLIGHT_KEY}`, `remove ${IN_FLIGHT_KEY}`]);
    expect(await db.count('papers')).toBe(2);
  });

  it('a full disk answers a QuotaExceededError the page can name, and nothing is half written', async () => {
    const { db, notices, responder } = await setup();
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function () {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
    const paper = makePaper({ id: 'arxiv:2607.00001' });
    let reply;
    try {
      reply = await responder.respond({ type: 'save', payload: { paper, savedFrom: FROM } });
    } finally {
      IDBObjectStore.prototype.put = put;
    }
    expect(reply).toEqual({ ok: false, error: { name: 'QuotaExceededError', message: 'The quota has been exceeded.' } });
    expect(notices).toEqual([]);
    expect(responder.inFlight()).toBe(0);
    expect(await db.count('papers')).toBe(0);
    expect(await db.count('relevance')).toBe(0);
    expect(await responder.respond({ type: 'lookup', payload: { ids: [paper.id] } })).toEqual({ ok: true, value: { [paper.id]: null } });
  });
});
