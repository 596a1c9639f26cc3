import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { buildModel, fromSaved } from '../core/relevance/model';
import { completePaper, editPaper, editPapers, fillPublication, listPapers, lookup, openDatabase, putPapers, rebuildRelevance, relevanceGeneration, removePaper, savePaper } from './reading-list';
import { loadRelevanceModel } from './relevance';
import { DB_NAME, DB_VERSION, type SavedPaper } from './schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('reading list storage', () => {
  it('refuses an edit that would give a paper more tags than a record may hold, and writes nothing of a bulk edit', async () => {
    // A record over the limit could not be put back after a removal (undo) nor imported from its own backup.
    const db = await openDatabase();
    const full = Array.from({ length: 100 }, (_, i) => `t${i}`);
    await savePaper(db, makePaper({ id: 'arxiv:2607.00001', title: 'Full' }), { savedFrom: 'https://huggingface.co/papers' });
    await savePaper(db, makePaper({ id: 'arxiv:2607.00002', title: 'Empty' }), { savedFrom: 'https://huggingface.co/papers' });
    await editPaper(db, 'arxiv:2607.00001', { tags: full });
    await expect(editPaper(db, 'arxiv:2607.00001', { addTags: ['one-more'] })).rejects.toThrow(/at most 100 tags.*Full/);
    await expect(editPapers(db, ['arxiv:2607.00002', 'arxiv:2607.00001'], { addTags: ['one-more'] })).rejects.toThrow(/at most 100 tags/);
    const list = await listPapers(db);
    expect(list.map((r) => r.tags.length).sort()).toEqual([0, 100]);
    // Tags already there do not count twice, and taking some out makes room.
    expect((await editPaper(db, 'arxiv:2607.00001', { addTags: ['t0'] }))?.tags).toHaveLength(100);
    expect((await editPaper(db, 'arxiv:2607.00001', { removeTags: ['t0'], addTags: ['one-more'] }))?.tags).toHaveLength(100);
  });

  it("fills in a journal's DOI and reference arXiv gives where the record has none, never over one, the edit time kept", async () => {
    const db = await openDatabase();
    const bare = await savePaper(db, makePaper({ id: 'arxiv:2401.00001', doi: null, venue: null }), { savedFrom: 'https://arxiv.org/abs/2401.00001', now: 10 });
    await savePaper(db, makePaper({ id: 'arxiv:2401.00002', doi: '10.1000/mine', venue: 'My venue' }), { savedFrom: 'https://arxiv.org/abs/2401.00002', now: 20 });
    const written = await fillPublication(db, [
      { id: 'arxiv:2401.00001', doi: '10.1145/3650000.3650123', venue: 'ICML 2024' },
      { id: 'arxiv:2401.00002', doi: '10.1145/other', venue: 'Other venue' }, // has both: untouched
      { id: 'arxiv:2401.00003', doi: '10.1145/gone', venue: null }, // not saved
    ]);
    expect(written.map((r) => r.id)).toEqual(['arxiv:2401.00001']);
    const [filled, kept] = [await db.get('papers', 'arxiv:2401.00001'), await db.get('papers', 'arxiv:2401.00002')];
    expect(filled).toMatchObject({ updatedAt: bare.updatedAt, paper: { doi: '10.1145/3650000.3650123', venue: 'ICML 2024', aliases: ['doi:10.1145/3650000.3650123'] } });
    expect(kept?.paper).toMatchObject({ doi: '10.1000/mine', venue: 'My venue' });
    // The journal's page, which names the paper by its DOI, finds it saved.
    expect(await lookup(db, ['doi:10.1145/3650000.3650123'])).toEqual({ 'doi:10.1145/3650000.3650123': { status: 'to-read', tags: [], savedAs: 'arxiv:2401.00001' } });
    expect(await fillPublication(db, [{ id: 'arxiv:2401.00001', doi: '10.1145/later', venue: 'Later' }])).toEqual([]);
  });

  it("completes a stand-in with its metadata, keeping the reader's status, tags, note and edit time; never brings back a removed paper", async () => {
    const db = await openDatabase();
    const standIn = { ...makePaper({ id: 'arxiv:2607.00001', title: 'arXiv:2607.00001' }), authors: [], abstract: null, url: 'https://arxiv.org/abs/2607.00001' };
    await savePaper(db, standIn, { savedFrom: 'https://blog.example.org/', now: 10, standIn: true });
    const edited = await editPaper(db, 'arxiv:2607.00001', { status: 'reading', tags: ['moe'], note: 'read §3' }, 20);
    const paper = makePaper({ id: 'arxiv:2607.00001', title: 'Sparse Experts', doi: '10.1145/3650000.3650123' });
    const completed = await completePaper(db, 'arxiv:2607.00001', paper, undefined, 30);
    // The star count the metadata gave is as of the completion.
    expect(completed).toEqual({ record: { ...edited, paper: { ...paper, githubStarsAt: 30, aliases: ['doi:10.1145/3650000.3650123'] } }, removed: null });
    expect(await db.get('papers', 'arxiv:2607.00001')).toEqual(completed?.record);
    expect(await lookup(db, ['doi:10.1145/3650000.3650123'])).toEqual({ 'doi:10.1145/3650000.3650123': { status: 'reading', tags: ['moe'], savedAs: 'arxiv:2607.00001' } });
    await removePaper(db, 'arxiv:2607.00001');
    expect(await completePaper(db, 'arxiv:2607.00001', paper)).toBeNull();
    expect(await db.count('papers')).toBe(0);
    expect(await lookup(db, ['arxiv:2607.00001'])).toEqual({ 'arxiv:2607.00001': null });
  });

  it('folds an untouched stand-in into the record saved under an id only the metadata names (the save that waited would have refreshed it)', async () => {
    const db = await openDatabase();
    // The arXiv paper, read and tagged long ago; then a link to its CVF page saved before the page could be read.
    await savePaper(db, makePaper({ id: 'arxiv:2403.01234', title: 'Neural Radiance Caching' }), { savedFrom: 'https://arxiv.org/list/cs.CV/new', now: 10 });
    const reader = await editPaper(db, 'arxiv:2403.01234', { status: 'done', tags: ['nerf'] }, 20);
    const cvf = 'cvf:Moreau_Neural_Radiance_Caching_CVPR_2024_paper';
    const standIn = { ...makePaper({ id: cvf, title: 'CVF paper Moreau_Neural_Radiance_Caching_CVPR_2024_paper' }), authors: [], abstract: null, url: 'https://openaccess.thecvf.com/content/CVPR2024/html/Moreau_Neural_Radiance_Caching_CVPR_2024_paper.html' };
    const saved = await savePaper(db, standIn, { savedFrom: 'https://blog.example.org/', now: 30, standIn: true });
    const read = makePaper({ id: 'arxiv:2403.01234', title: 'Neural Radiance Caching for Dynamic Scenes', aliases: [cvf], venue: 'CVPR 2024' });
    const done = await completePaper(db, cvf, read, saved.savedAt);
    expect(done?.removed).toEqual(saved);
    expect(done?.record).toMatchObject({ id: 'arxiv:2403.01234', status: 'done', tags: ['nerf'], savedAt: 10, updatedAt: reader!.updatedAt, paper: { title: read.title, venue: 'CVPR 2024', aliases: [cvf] } });
    expect(await listPapers(db)).toEqual([done?.record]);
    expect(await lookup(db, [cvf])).toEqual({ [cvf]: { status: 'done', tags: ['nerf'], savedAs: 'arxiv:2403.01234' } });
    // A stand-in the reader gave a tag meanwhile is theirs: completed where it is, not merged unasked.
    const other = await openDatabase('another');
    await savePaper(other, makePaper({ id: 'arxiv:2403.01234' }), { savedFrom: 'https://arxiv.org/list/cs.CV/new', now: 10 });
    await savePaper(other, standIn, { savedFrom: 'https://blog.example.org/', now: 40, standIn: true });
    await editPaper(other, cvf, { tags: ['cvpr'] }, 50);
    const kept = await completePaper(other, cvf, read, 40);
    expect(kept).toMatchObject({ removed: null, record: { id: cvf, tags: ['cvpr'], paper: { title: read.title, aliases: ['arxiv:2403.01234'] } } });
    expect((await listPapers(other)).map((r) => r.id).sort()).toEqual(['arxiv:2403.01234', cvf]);
    // A record the stand-in's save did not make (saved before, which the stand-in only filled; or removed and saved
    // again since) is no stand-in to fold: the save that waited would have left it, refreshing the other.
    const third = await openDatabase('a third');
    await savePaper(third, makePaper({ id: 'arxiv:2403.01234' }), { savedFrom: 'https://arxiv.org/list/cs.CV/new', now: 10 });
    await savePaper(third, standIn, { savedFrom: 'https://blog.example.org/', now: 20, standIn: true });
    expect(await completePaper(third, cvf, read)).toMatchObject({ removed: null, record: { id: cvf, savedAt: 20 } });
    expect(await completePaper(third, cvf, read, 60)).toMatchObject({ removed: null, record: { id: cvf, savedAt: 20 } });
    expect((await listPapers(third)).map((r) => r.id).sort()).toEqual(['arxiv:2403.01234', cvf]);
  });

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

  it('lists only the newest n when asked (the popup opens with them)', async () => {
    const db = await openDatabase();
    for (let i = 1; i <= 5; i++) {
      await savePaper(db, makePaper({ id: `arxiv:2607.0000${i}`, title: `P${i}` }), { savedFrom: 'https://huggingface.co/papers', now: [3, 1, 5, 2, 4][i - 1]! * 1000 });
    }
    expect((await listPapers(db, 2)).map((p) => p.paper.title)).toEqual(['P3', 'P5']);
    expect((await listPapers(db, 10)).map((p) => p.paper.title)).toEqual(['P3', 'P5', 'P1', 'P4', 'P2']);
  });

  it('the newest n are the whole list\'s first n, ties on the save date included', async () => {
    const db = await openDatabase();
    const dates = [1, 2, 2, 2, 3, 2];
    for (let i = 0; i < dates.length; i++) {
      await savePaper(db, makePaper({ id: `arxiv:2607.0000${i + 1}`, title: `P${i + 1}` }), { savedFrom: 'https://huggingface.co/papers', now: dates[i]! * 1000 });
    }
    const all = await listPapers(db);
    for (let n = 1; n <= dates.length + 1; n++) expect(await listPapers(db, n)).toEqual(all.slice(0, n));
  });

  it('saving again refreshes metadata but keeps user data, first save date, edit time and known fields', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ abstract: 'Old abstract', upvotes: 3 }), { savedFrom: 'https://a.example/', now: 1000 });
    const tx = db.transaction('papers', 'readwrite');
    const stored = (await tx.store.get('arxiv:2607.01234'))!;
    await tx.store.put({ ...stored, status: 'reading', tags: ['moe'], note: 'read §3' });
    await tx.done;
    const again = await savePaper(db, makePaper({ abstract: null, upvotes: 9 }), { savedFrom: 'https://b.example/', now: 5000 });
    // The edit time stays: a backup of another copy, with a note written there at 3000, must still win the note.
    expect(again).toMatchObject({ status: 'reading', tags: ['moe'], note: 'read §3', savedAt: 1000, updatedAt: 1000, savedFrom: 'https://a.example/' });
    expect(again.paper.abstract).toBe('Old abstract');
    expect(again.paper.upvotes).toBe(9);
  });

  it('a save stamps the star count it read with its time, and a save that reads none keeps the count and its time', async () => {
    const db = await openDatabase();
    const first = await savePaper(db, makePaper({ githubStars: 100 }), { savedFrom: 'https://huggingface.co/papers/2607.01234', now: 1000 });
    expect(first.paper).toMatchObject({ githubStars: 100, githubStarsAt: 1000 });
    // A page cannot say when: the save's own time is stamped.
    const again = await savePaper(db, makePaper({ githubStars: 300, githubStarsAt: 99 }), { savedFrom: 'https://huggingface.co/papers/2607.01234', now: 5000 });
    expect(again).toMatchObject({ savedAt: 1000, paper: { githubStars: 300, githubStarsAt: 5000 } });
    const fromArxiv = await savePaper(db, makePaper({ githubStars: null }), { savedFrom: 'https://arxiv.org/abs/2607.01234', now: 9000 });
    expect(fromArxiv.paper).toMatchObject({ githubStars: 300, githubStarsAt: 5000 });
    expect((await listPapers(db))[0]!.paper.githubStarsAt).toBe(5000);
  });

  it('saving again keeps the highest arXiv version seen and a DOI found earlier', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ version: 3 }), { savedFrom: 'https://arxiv.org/abs/2607.01234v3', now: 1000 });
    // An older version's page saved later (a v1 link on Hugging Face) does not take the version back.
    const older = await savePaper(db, makePaper({ version: 1, doi: '10.1109/cvpr.2026.00042' }), { savedFrom: 'https://arxiv.org/abs/2607.01234v1', now: 2000 });
    expect(older.paper).toMatchObject({ version: 3, doi: '10.1109/cvpr.2026.00042' });
    const newer = await savePaper(db, makePaper({ version: 4, doi: null }), { savedFrom: 'https://arxiv.org/abs/2607.01234v4', now: 3000 });
    expect(newer.paper).toMatchObject({ version: 4, doi: '10.1109/cvpr.2026.00042' });
  });

  it("saving again from a page that gives only the year keeps the day arXiv gave, and gives a year-only record its day", async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ published: '2026-07-01' }), { savedFrom: 'https://arxiv.org/abs/2607.01234', now: 1000 });
    const fromProceedings = await savePaper(db, makePaper({ published: '2026' }), { savedFrom: 'https://proceedings.mlr.press/v300/', now: 2000 });
    expect(fromProceedings.paper.published).toBe('2026-07-01');
    await savePaper(db, makePaper({ id: 'arxiv:2607.09999', published: '2026' }), { savedFrom: 'https://proceedings.mlr.press/v300/', now: 3000 });
    const fromArxiv = await savePaper(db, makePaper({ id: 'arxiv:2607.09999', published: '2026-06-30' }), { savedFrom: 'https://arxiv.org/abs/2607.09999', now: 4000 });
    expect(fromArxiv.paper.published).toBe('2026-06-30');
  });

  it('saving again takes an author count only with the author list it qualifies', async () => {
    const db = await openDatabase();
    // A listing shows three names of twelve; the abstract page later gives all twelve, and no count.
    await savePaper(db, makePaper({ authors: ['A', 'B', 'C'], authorCount: 12 }), { savedFrom: 'https://x.example/', now: 1 });
    const names = Array.from({ length: 12 }, (_, i) => `Author ${i}`);
    const full = await savePaper(db, makePaper({ authors: names, authorCount: null }), { savedFrom: 'https://x.example/', now: 2 });
    expect(full.paper).toMatchObject({ authors: names, authorCount: null });
    // The listing's three names seen again are the start of that list: the whole list stays.
    const again = await savePaper(db, makePaper({ authors: ['A', 'B', 'C'], authorCount: 12 }), { savedFrom: 'https://x.example/', now: 3 });
    expect(again.paper.authors).toEqual(names);
    // A card with no names keeps the list, and its count.
    const other = 'arxiv:2607.04321';
    await savePaper(db, makePaper({ id: other, authors: ['A', 'B', 'C'], authorCount: 12 }), { savedFrom: 'https://x.example/', now: 3 });
    const bare = await savePaper(db, makePaper({ id: other, authors: [], authorCount: null }), { savedFrom: 'https://x.example/', now: 4 });
    expect(bare.paper).toMatchObject({ authors: ['A', 'B', 'C'], authorCount: 12 });
  });

  it('saving a list cut short (a Scholar byline) after the whole list keeps the whole list, unmarked', async () => {
    const db = await openDatabase();
    const whole = ['Ashish Vaswani', 'Noam Shazeer', 'Niki Parmar', 'Jakob Uszkoreit'];
    await savePaper(db, makePaper({ authors: whole }), { savedFrom: 'https://arxiv.org/abs/1706.03762', now: 1 });
    const again = await savePaper(db, makePaper({ authors: ['A Vaswani', 'N Shazeer'], authorsCut: true }), { savedFrom: 'https://scholar.google.com/scholar?q=x', now: 2 });
    expect(again.paper.authors).toEqual(whole);
    expect(again.paper).not.toHaveProperty('authorsCut');
  });

  it('saving again keeps the mark of a list cut with its length unknown only with that list', async () => {
    const db = await openDatabase();
    const from = { savedFrom: 'https://scholar.google.com/scholar?q=x' };
    // A Scholar byline's first names ("…"), then a card with no names: the list and its mark stay.
    await savePaper(db, makePaper({ authors: ['A Vaswani', 'N Shazeer'], authorsCut: true }), { ...from, now: 1 });
    expect((await savePaper(db, makePaper({ authors: [] }), { ...from, now: 2 })).paper.authorsCut).toBe(true);
    // The paper's whole list seen later is not marked cut.
    const names = Array.from({ length: 8 }, (_, i) => `Author ${i}`);
    const whole = await savePaper(db, makePaper({ authors: names }), { ...from, now: 3 });
    expect(whole.paper.authors).toEqual(names);
    expect(whole.paper).not.toHaveProperty('authorsCut');
    expect((await listPapers(db))[0]!.paper).not.toHaveProperty('authorsCut');
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

  it('answers a page-sized lookup (keys read first) exactly like a small one, duplicates included', async () => {
    const db = await openDatabase();
    for (const i of [3, 40, 41, 199]) await savePaper(db, makePaper({ id: `arxiv:2607.${String(i).padStart(5, '0')}` }), { savedFrom: 'https://x.example/' });
    await editPaper(db, 'arxiv:2607.00040', { status: 'done', tags: ['moe'] });
    const ids = [...Array.from({ length: 200 }, (_, i) => `arxiv:2607.${String(i).padStart(5, '0')}`), 'arxiv:2607.00040'];
    const big = await lookup(db, ids);
    expect(Object.entries(big).filter(([, s]) => s).sort()).toEqual([
      ['arxiv:2607.00003', { status: 'to-read', tags: [] }],
      ['arxiv:2607.00040', { status: 'done', tags: ['moe'] }],
      ['arxiv:2607.00041', { status: 'to-read', tags: [] }],
      ['arxiv:2607.00199', { status: 'to-read', tags: [] }],
    ]);
    expect(Object.keys(big)).toHaveLength(200);
    for (const id of ['arxiv:2607.00040', 'arxiv:2607.00005']) expect(await lookup(db, [id])).toEqual({ [id]: big[id] });
  });

  it('applies one edit to many papers as stored, skipping ids not in the list', async () => {
    const db = await openDatabase();
    for (const i of [1, 2, 3]) await savePaper(db, makePaper({ id: `arxiv:2607.0000${i}` }), { savedFrom: 'https://x.example/' });
    // Another context tagged paper 2 after this page read the list: the bulk add must keep that tag.
    await editPaper(db, 'arxiv:2607.00002', { tags: ['from-elsewhere'] });
    const written = await editPapers(db, ['arxiv:2607.00001', 'arxiv:2607.00002', 'arxiv:2607.00009'], { status: 'reading', addTags: ['moe'] }, 5000);
    expect(written).toBe(2);
    const byId = Object.fromEntries((await listPapers(db)).map((r) => [r.id, r]));
    expect(byId['arxiv:2607.00001']).toMatchObject({ status: 'reading', tags: ['moe'], updatedAt: 5000 });
    expect(byId['arxiv:2607.00002']).toMatchObject({ status: 'reading', tags: ['from-elsewhere', 'moe'] });
    expect(byId['arxiv:2607.00003']).toMatchObject({ status: 'to-read', tags: [] });
    expect(byId['arxiv:2607.00009']).toBeUndefined();
    // The relevance rows follow the tags, in the same transaction.
    expect((await loadRelevanceModel(db)).docs['arxiv:2607.00002']!.terms).toContain('moe');
  });

  it('edits status, tags and note of a saved paper only', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper(), { savedFrom: 'https://x.example/', now: 1 });
    const edited = await editPaper(db, 'arxiv:2607.01234', { status: 'done', tags: ['moe'] }, 99);
    expect(edited).toMatchObject({ status: 'done', tags: ['moe'], note: '', updatedAt: 99, savedAt: 1 });
    expect(await editPaper(db, 'arxiv:2607.09999', { status: 'done' })).toBeNull();
    expect(await listPapers(db)).toHaveLength(1);
  });

  it('an edit that changes nothing keeps the edit time (an import of a backup decides by it)', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper(), { savedFrom: 'https://x.example/', now: 1 });
    await savePaper(db, makePaper({ id: 'arxiv:2607.00002' }), { savedFrom: 'https://x.example/', now: 1 });
    await editPaper(db, 'arxiv:2607.01234', { status: 'done', tags: ['moe'], note: 'n' }, 99);
    expect(await editPaper(db, 'arxiv:2607.01234', { status: 'done' }, 200)).toMatchObject({ updatedAt: 99 });
    expect(await editPaper(db, 'arxiv:2607.01234', {}, 201)).toMatchObject({ updatedAt: 99 });
    expect(await editPaper(db, 'arxiv:2607.01234', { note: 'n', addTags: ['moe'], removeTags: ['absent'] }, 202)).toMatchObject({ updatedAt: 99 });
    // A bulk edit dates only the papers it changed.
    expect(await editPapers(db, ['arxiv:2607.01234', 'arxiv:2607.00002'], { addTags: ['moe'] }, 300)).toBe(2);
    const byId = new Map((await listPapers(db)).map((r) => [r.id, r]));
    expect(byId.get('arxiv:2607.01234')).toMatchObject({ updatedAt: 99, tags: ['moe'] });
    expect(byId.get('arxiv:2607.00002')).toMatchObject({ updatedAt: 300, tags: ['moe'] });
    // A change of order is a change.
    await editPaper(db, 'arxiv:2607.01234', { tags: ['a', 'moe'] }, 400);
    expect(await editPaper(db, 'arxiv:2607.01234', { tags: ['moe', 'a'] }, 500)).toMatchObject({ updatedAt: 500 });
  });

  it('renames a tag where it stands on each paper as stored, in any case, merging it into a tag of the new name', async () => {
    const db = await openDatabase();
    const ids = [1, 2, 3, 4].map((i) => `arxiv:2607.0000${i}`);
    for (const id of ids) await savePaper(db, makePaper({ id }), { savedFrom: 'https://x.example/', now: 1 });
    await editPaper(db, ids[0]!, { tags: ['nlp', 'Reinforcment', 'moe'] }, 2);
    await editPaper(db, ids[1]!, { tags: ['RL', 'reinforcment'] }, 2); // has both: one tag where the first stood
    await editPaper(db, ids[2]!, { tags: ['vision'] }, 2); // has neither: left alone, its edit time too
    await editPaper(db, ids[3]!, { tags: ['rl'] }, 2); // the new name alone, in another case: spelt as asked
    expect(await editPapers(db, ids, { renameTag: { from: 'reinforcment', to: 'rl' } }, 10)).toBe(4);
    const byId = new Map((await listPapers(db)).map((r) => [r.id, r]));
    expect(ids.map((id) => byId.get(id)!.tags)).toEqual([['nlp', 'rl', 'moe'], ['rl'], ['vision'], ['rl']]);
    expect(ids.map((id) => byId.get(id)!.updatedAt)).toEqual([10, 10, 2, 2]);
    // A change of case alone is a rename too.
    await editPapers(db, ids, { renameTag: { from: 'rl', to: 'RL' } }, 20);
    expect((await listPapers(db)).filter((r) => r.tags.includes('RL')).map((r) => r.id).sort()).toEqual([ids[0], ids[1], ids[3]]);
  });

  it('adds and removes a tag whatever its case, keeping the spelling the paper has', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper(), { savedFrom: 'https://x.example/', now: 1 });
    await editPaper(db, 'arxiv:2607.01234', { tags: ['MoE', 'vision'] });
    expect((await editPaper(db, 'arxiv:2607.01234', { addTags: ['moe', 'RL', 'rl'] }))?.tags).toEqual(['MoE', 'vision', 'RL']);
    expect((await editPaper(db, 'arxiv:2607.01234', { removeTags: ['VISION', 'rL'] }))?.tags).toEqual(['MoE']);
    // Tags given whole hold each tag once too, in the first spelling given.
    expect((await editPaper(db, 'arxiv:2607.01234', { tags: ['LLM', 'moe', 'llm', 'MoE'] }))?.tags).toEqual(['LLM', 'moe']);
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
    expect([...db.objectStoreNames].sort()).toEqual(['aliases', 'arxivVersions', 'meta', 'paperRepos', 'papers', 'relevance', 'repos', 'settings', 'snapshots']);
    expect([...db.transaction('papers').store.indexNames].sort()).toEqual(['by-savedAt', 'by-status']);
  });

  it('refuses to open a database from a newer extension version with a clear error', async () => {
    const newer = await openDB(DB_NAME, DB_VERSION + 1);
    newer.close();
    await expect(openDatabase()).rejects.toThrow(/IndexedDB is unavailable/);
  });
});

describe('relevance model storage', () => {
  const expected = async (db: Awaited<ReturnType<typeof openDatabase>>) => buildModel((await listPapers(db)).map(fromSaved));
  const record = (i: number, tags: string[] = []): SavedPaper => ({
    id: `arxiv:2607.${String(10000 + i)}`,
    paper: makePaper({ id: `arxiv:2607.${String(10000 + i)}`, title: `Graph diffusion number ${i}`, abstract: `Topic ${i} about molecules and proteins.` }),
    status: 'to-read',
    tags,
    note: '',
    savedFrom: 'https://x.example/',
    savedAt: i,
    updatedAt: i,
  });

  it('follows saves, re-saves, tag edits and removals, always equal to a model built from the list', async () => {
    const db = await openDatabase();
    expect(await loadRelevanceModel(db)).toEqual(buildModel([]));
    let generation = relevanceGeneration(db);
    await savePaper(db, makePaper({ id: 'arxiv:2607.00001', title: 'Sparse mixture of experts routing' }), { savedFrom: 'https://x.example/' });
    await savePaper(db, makePaper({ id: 'arxiv:2607.00002', title: 'Offline reinforcement learning', abstract: 'Policy constraints.' }), { savedFrom: 'https://x.example/' });
    expect(relevanceGeneration(db)).toBeGreaterThan(generation);
    expect(await loadRelevanceModel(db)).toEqual(await expected(db));
    expect(Object.keys((await loadRelevanceModel(db)).docs).sort()).toEqual(['arxiv:2607.00001', 'arxiv:2607.00002']);

    // Re-saving with a new abstract replaces the paper's terms.
    await savePaper(db, makePaper({ id: 'arxiv:2607.00002', title: 'Offline reinforcement learning', abstract: 'Conservative critics.' }), { savedFrom: 'https://x.example/' });
    expect((await loadRelevanceModel(db)).df['critic']).toBe(1);
    expect(await loadRelevanceModel(db)).toEqual(await expected(db));

    // Tags are in the model; a status edit does not touch it (nor the generation, so no recompile).
    await editPaper(db, 'arxiv:2607.00002', { tags: ['robotics'] });
    expect((await loadRelevanceModel(db)).docs['arxiv:2607.00002']!.terms).toContain('robotic');
    generation = relevanceGeneration(db);
    await editPaper(db, 'arxiv:2607.00002', { status: 'done', note: 'x' });
    expect(relevanceGeneration(db)).toBe(generation);
    expect(await loadRelevanceModel(db)).toEqual(await expected(db));

    await removePaper(db, 'arxiv:2607.00001');
    expect(await loadRelevanceModel(db)).toEqual(await expected(db));
    expect(Object.keys((await loadRelevanceModel(db)).docs)).toEqual(['arxiv:2607.00002']);
  });

  it('putMany (and restore) write the model in the same transaction; a failed batch leaves both untouched', async () => {
    const db = await openDatabase();
    await putPapers(db, Array.from({ length: 20 }, (_, i) => record(i, i % 2 ? ['chemistry'] : [])));
    expect(await db.count('relevance')).toBe(20);
    expect(await loadRelevanceModel(db)).toEqual(await expected(db));
    const bad = { ...record(99), id: undefined as unknown as string };
    await expect(putPapers(db, [record(50), bad])).rejects.toThrow();
    expect(await db.count('relevance')).toBe(20);
    expect(await db.count('papers')).toBe(20);
  });

  it('reset rebuilds the model from the list; a model that drifted heals on load', async () => {
    const db = await openDatabase();
    await putPapers(db, [record(1), record(2), record(3)]);
    // Damage it behind the module's back: a stale row, a missing row, an old tokenizer version.
    const tx = db.transaction('relevance', 'readwrite');
    await tx.store.put({ id: 'arxiv:2607.99999', v: 1, title: 'ghost', terms: ['ghost'], counts: [1] });
    await tx.store.delete('arxiv:2607.10001');
    await tx.done;
    expect(await rebuildRelevance(db)).toBe(3);
    expect(await loadRelevanceModel(db)).toEqual(await expected(db));

    const tx2 = db.transaction('relevance', 'readwrite');
    await tx2.store.put({ ...(await tx2.store.get('arxiv:2607.10002'))!, v: 0, terms: ['stale'], counts: [1] });
    await tx2.done;
    expect(await loadRelevanceModel(db)).toEqual(await expected(db));
  });
});
