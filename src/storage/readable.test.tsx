// @vitest-environment jsdom
import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { cleanup, screen } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSaved } from '../popup/fake-api';
import { renderPopup } from '../popup/components/render-popup';
import * as v from 'valibot';
import { SavedPaperSchema } from '../background/messages';
import { listPage, listPapers, openDatabase, removePaper, removePapers, restorePapers } from './reading-list';
import type { SavedPaper } from './schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});
afterEach(cleanup);

const good = makeSaved('arxiv:2607.00001', 'A sound record', 1000);
const base = makeSaved('arxiv:2607.00002', 'A damaged record', 2000, { tags: ['kept'], note: 'a note kept' });
/** Records as a hand edit or another build's bug may leave them, each missing or mistyping what readers take for granted. */
const DAMAGED: [string, unknown][] = [
  ['no tag list', { ...base, tags: undefined }],
  ['tags not all strings', { ...base, tags: ['kept', 7, null] }],
  ['no authors', { ...base, paper: { ...base.paper, authors: undefined } }],
  ['no note', { ...base, note: null }],
  ['no source', { ...base, paper: { ...base.paper, source: undefined } }],
  ['no save time', { ...base, savedAt: undefined }],
  ['no categories nor repositories', { ...base, paper: { ...base.paper, categories: undefined, githubRepos: undefined } }],
  ['no paper at all', { ...base, paper: null }],
];

describe('a record damaged on disk, read out with the list', () => {
  for (const [what, damaged] of DAMAGED) {
    it(`${what}: is shown with the others in the popup, not in place of the list`, async () => {
      const db = await openDatabase();
      await db.put('papers', good);
      await db.put('papers', damaged as SavedPaper);
      const { papers } = await listPage(db, null, 10);
      expect((await listPapers(db)).map((record) => record.id)).toEqual(what === 'no save time' ? [good.id] : [base.id, good.id]); // the index has no such time
      for (const record of papers) {
        expect(Array.isArray(record.tags) && typeof record.note === 'string' && Array.isArray(record.paper.authors)).toBe(true);
      }
      // What a reader kept of it stays.
      const read = papers.find((record) => record.id === base.id)!;
      if (Array.isArray((damaged as SavedPaper).tags)) expect(read.tags).toEqual(['kept']);
      if ((damaged as SavedPaper).paper) expect(read.paper.title).toBe('A damaged record');
      expect(await db.get('papers', base.id)).toEqual(damaged); // read, not written

      renderPopup(papers);
      expect(await screen.findByText('A sound record')).toBeTruthy();
      expect(screen.getByText(what === 'no paper at all' ? base.id : 'A damaged record')).toBeTruthy();
      expect(screen.queryByText(/Could not read your reading list/)).toBeNull();
    });
  }

  it("keeps a damaged record's mark of a cut author list, and drops one of the wrong type", async () => {
    const db = await openDatabase();
    await db.put('papers', { ...base, tags: undefined, paper: { ...base.paper, authorsCut: true } } as unknown as SavedPaper);
    expect((await listPage(db, null, 10)).papers[0]!.paper.authorsCut).toBe(true);
    await db.put('papers', { ...base, tags: undefined, paper: { ...base.paper, authorsCut: 'yes' } } as unknown as SavedPaper);
    const [read] = (await listPage(db, null, 10)).papers;
    expect(read!.paper).not.toHaveProperty('authorsCut');
    expect(v.safeParse(SavedPaperSchema, read).issues).toBeUndefined();
  });

  it('a sound record is given as it is stored', async () => {
    const db = await openDatabase();
    await db.put('papers', good);
    expect((await listPage(db, null, 10)).papers).toEqual([good]);
    expect(await listPapers(db, 1)).toEqual([good]);
  });
});

describe('a record damaged on disk, removed', () => {
  it('comes back with the undo: what the removal answered passes the check an undo is sent through', async () => {
    const db = await openDatabase();
    for (const [, damaged] of DAMAGED) {
      await db.put('papers', damaged as SavedPaper);
      const removed = (await removePaper(db, base.id))!;
      const sent = v.safeParse(SavedPaperSchema, removed);
      expect(sent.issues).toBeUndefined();
      await restorePapers(db, [sent.output as SavedPaper]);
      expect((await db.get('papers', base.id))?.note).toBe(typeof (damaged as SavedPaper).note === 'string' ? 'a note kept' : '');
      // A bulk removal's undo likewise.
      await db.put('papers', damaged as SavedPaper);
      const [again] = await removePapers(db, [base.id]);
      expect(v.safeParse(SavedPaperSchema, again).issues).toBeUndefined();
    }
  });
});
