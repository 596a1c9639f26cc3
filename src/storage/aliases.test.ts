import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { editPaper, fillPublication, listPapers, lookup, openDatabase, putPapers, removePaper, removePapers, restorePapers, savePaper } from './reading-list';
import { SavedStates } from './saved-states';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

const FROM = { savedFrom: 'https://dblp.org/db/conf/cvpr/cvpr2023.html' };
const DOI = 'doi:10.1109/cvpr52729.2023.01234';
const CVF = 'cvf:CVPR_2023/Smith_Example_CVPR_2023';
const KEY = 'dblp:conf/cvpr/Smith23';
/** The paper as a dblp entry gives it (its IEEE DOI, its CVF page and its dblp key), and as the CVF page does. */
const fromDblp = () => makePaper({ id: DOI, aliases: [CVF, KEY], url: 'https://dblp.org/rec/conf/cvpr/Smith23', source: { site: 'dblp', page: 'toc' } });
const fromCvf = () => makePaper({ id: CVF, url: 'https://openaccess.thecvf.com/content/CVPR2023/html/Smith_Example_CVPR_2023_paper.html', source: { site: 'cvf', page: 'paper' } });

describe('a saved paper answers to all its ids', () => {
  it('saved from dblp, it is saved on the CVF page too, in memory and read afresh', async () => {
    const db = await openDatabase();
    await savePaper(db, fromDblp(), FROM);
    const expected = { [CVF]: { status: 'to-read', tags: [], savedAs: DOI }, [KEY]: { status: 'to-read', tags: [], savedAs: DOI }, [DOI]: { status: 'to-read', tags: [] } };
    expect(await lookup(db, [CVF, KEY, DOI])).toEqual(expected);
    expect(await new SavedStates(db).lookup([CVF, KEY, DOI])).toEqual(expected); // a worker started since reads the index
  });

  it('saved from the CVF page, a dblp card that names it finds it, and saving there adds to that record', async () => {
    const db = await openDatabase();
    await savePaper(db, fromCvf(), { savedFrom: 'https://openaccess.thecvf.com/CVPR2023' });
    await editPaper(db, CVF, { status: 'reading', tags: ['vision'] });
    expect(await lookup(db, [DOI])).toEqual({ [DOI]: null });
    expect(await lookup(db, [DOI], { [DOI]: [CVF, KEY] })).toEqual({ [DOI]: { status: 'reading', tags: ['vision'], savedAs: CVF } });

    const record = await savePaper(db, fromDblp(), FROM);
    expect(record).toMatchObject({ id: CVF, status: 'reading', tags: ['vision'], savedFrom: 'https://openaccess.thecvf.com/CVPR2023' });
    expect(record.paper.id).toBe(CVF);
    expect(record.paper.aliases).toEqual([DOI, KEY]);
    expect(await db.count('papers')).toBe(1);
    expect(await new SavedStates(db).lookup([DOI, KEY])).toEqual({
      [DOI]: { status: 'reading', tags: ['vision'], savedAs: CVF },
      [KEY]: { status: 'reading', tags: ['vision'], savedAs: CVF },
    });
  });

  it('a paper saved by an older build under its dblp key is found from its new id, by the key the card names', async () => {
    const db = await openDatabase();
    await putPapers(db, [{ id: KEY, paper: makePaper({ id: KEY }), status: 'done', tags: [], note: 'old', savedFrom: '', savedAt: 1, updatedAt: 1 }]);
    expect(await lookup(db, [DOI], { [DOI]: [CVF, KEY] })).toEqual({ [DOI]: { status: 'done', tags: [], savedAs: KEY } });
  });

  it('edits and removal by an alias reach the record; memory follows, and forgets its aliases once removed', async () => {
    const db = await openDatabase();
    await savePaper(db, fromDblp(), FROM);
    expect(await lookup(db, [CVF])).toMatchObject({ [CVF]: { status: 'to-read' } });
    expect(await editPaper(db, CVF, { status: 'done' })).toMatchObject({ id: DOI, status: 'done' });
    expect(await lookup(db, [CVF, DOI])).toEqual({ [CVF]: { status: 'done', tags: [], savedAs: DOI }, [DOI]: { status: 'done', tags: [] } });
    const removed = await removePaper(db, KEY);
    expect(removed?.id).toBe(DOI);
    expect(await db.count('papers')).toBe(0);
    expect(await lookup(db, [CVF, KEY, DOI])).toEqual({ [CVF]: null, [KEY]: null, [DOI]: null });

    // Undo of that removal, after the paper was saved again from its CVF page: one record, under the id saved since.
    await savePaper(db, fromCvf(), FROM);
    const [restored] = await restorePapers(db, [removed!]);
    expect(restored).toMatchObject({ id: CVF, status: 'to-read', savedAt: removed!.savedAt }); // the save since is the newer edit; the first save's date is kept
    expect(restored!.paper.aliases).toEqual(expect.arrayContaining([DOI, KEY]));
    expect(await db.count('papers')).toBe(1);
    expect(await lookup(db, [KEY])).toEqual({ [KEY]: { status: 'to-read', tags: [], savedAs: CVF } });
  });

  it('the aliases store follows every write: save, merge, replace, remove', async () => {
    const db = await openDatabase();
    const rows = async () => Object.fromEntries(await db.getAllKeys('aliases'));
    await savePaper(db, fromCvf(), FROM);
    expect(await rows()).toEqual({});
    await savePaper(db, fromDblp(), FROM);
    expect(await rows()).toEqual({ [DOI]: CVF, [KEY]: CVF });
    const [record] = await db.getAll('papers');
    await putPapers(db, [{ ...record!, paper: { ...record!.paper, aliases: [KEY] } }]); // a copy that no longer names the DOI
    expect(await rows()).toEqual({ [KEY]: CVF });
    await removePaper(db, CVF);
    expect(await rows()).toEqual({});
  });

  it('an alias two records claim (as a restored backup may write them) stays with the one left when the other goes', async () => {
    const db = await openDatabase();
    const record = (id: string) => ({ id, paper: makePaper({ id, aliases: [KEY] }), status: 'to-read' as const, tags: [], note: '', savedFrom: '', savedAt: 1, updatedAt: 1 });
    await lookup(db, []); // memory read first: it follows the writes below
    await putPapers(db, [record(CVF), record(DOI)]);
    expect(await db.getAllKeys('aliases')).toEqual([[KEY, CVF], [KEY, DOI]]);
    await removePaper(db, DOI);
    expect(await db.getAllKeys('aliases')).toEqual([[KEY, CVF]]);
    expect(await lookup(db, [KEY])).toEqual({ [KEY]: { status: 'to-read', tags: [], savedAs: CVF } });
    expect(await new SavedStates(db).lookup([KEY])).toEqual({ [KEY]: { status: 'to-read', tags: [], savedAs: CVF } });
  });

  it("a paper's own DOI is an alias: the journal version's page finds the arXiv paper", async () => {
    const db = await openDatabase();
    const record = await savePaper(db, makePaper({ id: 'arxiv:2401.12345', doi: '10.1038/s41586-025-01234-5' }), FROM);
    expect(record.paper.aliases).toEqual(['doi:10.1038/s41586-025-01234-5']);
    expect(await lookup(db, ['doi:10.1038/s41586-025-01234-5'])).toEqual({ 'doi:10.1038/s41586-025-01234-5': { status: 'to-read', tags: [], savedAs: 'arxiv:2401.12345' } });
  });

  it('a card id that is saved itself is answered as itself, never through an alias', async () => {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: 'arxiv:2401.00001', aliases: ['arxiv:2401.00002'] }), FROM);
    // Two records, one naming the other's id (as a restore of a backup could write them): each answers for itself.
    await putPapers(db, [{ id: 'arxiv:2401.00002', paper: makePaper({ id: 'arxiv:2401.00002' }), status: 'to-read', tags: [], note: '', savedFrom: '', savedAt: 1, updatedAt: 1 }]);
    await editPaper(db, 'arxiv:2401.00002', { status: 'done' });
    expect(await lookup(db, ['arxiv:2401.00002'])).toEqual({ 'arxiv:2401.00002': { status: 'done', tags: [] } });
  });
});

describe('undo of a removal puts back that record, merged only with a copy saved since', () => {
  // The journal version and the preprint saved apart; a check of arXiv then gives the preprint the journal's DOI.
  const JOURNAL = 'doi:10.1038/s41586-024-00001-x';
  const PREPRINT = 'arxiv:2401.00001';
  async function twoRecords() {
    const db = await openDatabase();
    await savePaper(db, makePaper({ id: JOURNAL, title: 'Same paper' }), { savedFrom: 'https://www.nature.com/', now: 1000 });
    await editPaper(db, JOURNAL, { status: 'done', tags: ['journal'], note: 'published version' }, 2000);
    await savePaper(db, makePaper({ id: PREPRINT, title: 'Same paper' }), { savedFrom: 'https://arxiv.org/abs/2401.00001', now: 3000 });
    await editPaper(db, PREPRINT, { status: 'reading', tags: ['preprint'], note: 'preprint' }, 4000);
    await fillPublication(db, [{ id: PREPRINT, doi: '10.1038/s41586-024-00001-x', venue: 'Nature' }]);
    return db;
  }
  const byId = (records: { id: string }[]) => [...records].sort((a, b) => a.id.localeCompare(b.id));

  it('a record of the same paper that was there before the removal stays apart, untouched', async () => {
    const db = await twoRecords();
    const journal = await db.get('papers', JOURNAL);
    const removed = await removePaper(db, PREPRINT);
    const [restored] = await restorePapers(db, [removed!], 5000);
    expect(restored).toEqual(removed);
    expect(await db.get('papers', PREPRINT)).toEqual(removed);
    expect(await db.get('papers', JOURNAL)).toEqual(journal);
    expect(await lookup(db, [PREPRINT, JOURNAL])).toMatchObject({ [PREPRINT]: { status: 'reading' }, [JOURNAL]: { status: 'done' } });
  });

  it('the undo of a bulk removal puts back every record, none merged into another put back before it', async () => {
    const db = await twoRecords();
    const before = byId(await listPapers(db));
    await restorePapers(db, await removePapers(db, [JOURNAL, PREPRINT]), 5000);
    expect(byId(await listPapers(db))).toEqual(before);
  });

  it('a copy saved since the removal, under another of its ids, is still one record with the one put back', async () => {
    const db = await twoRecords();
    const removed = await removePapers(db, [JOURNAL, PREPRINT]);
    await savePaper(db, makePaper({ id: JOURNAL, title: 'Same paper' }), { savedFrom: 'https://www.nature.com/', now: 6000 });
    const restored = await restorePapers(db, removed.filter((r) => r.id === PREPRINT), 5000);
    expect(restored.map((r) => r.id)).toEqual([JOURNAL]);
    // As two copies of a paper merge: the save since is the newer edit (its status), the notes and the first save kept.
    expect(restored[0]).toMatchObject({ status: 'to-read', note: 'preprint', savedAt: 3000 });
    expect(await listPapers(db)).toHaveLength(1);
  });
});
