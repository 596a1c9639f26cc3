import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { MergeRefusedError } from '../core/merge-duplicates';
import { RECORD_LIMITS } from './limits';
import { editPaper, listPapers, lookup, mergeRecords, openDatabase, putPapers, savePaper, StaleRecordError, unmergeRecords, type Database } from './reading-list';
import { SavedStates } from './saved-states';
import type { SavedPaper } from './schema';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

// One CVPR paper as stop 37's build saved it twice: from its CVF page, and from dblp under its IEEE DOI.
const CVF = 'cvf:CVPR2024/html/Lovelace_Rethinking_Attention_CVPR_2024_paper';
const DOI = 'doi:10.1109/cvpr52733.2024.00123';
const KEY = 'dblp:conf/cvpr/Lovelace24';
const TITLE = 'Rethinking Attention for Dense Prediction';
const cvf: SavedPaper = {
  id: CVF,
  paper: makePaper({ id: CVF, title: TITLE, url: 'https://openaccess.thecvf.com/content/CVPR2024/html/Lovelace_Rethinking_Attention_CVPR_2024_paper.html', source: { site: 'cvf', page: 'paper' } }),
  status: 'reading',
  tags: ['vision'],
  note: 'from the CVF page',
  savedFrom: 'https://openaccess.thecvf.com/CVPR2024',
  savedAt: 1000,
  updatedAt: 1500,
};
const doi: SavedPaper = {
  id: DOI,
  paper: makePaper({ id: DOI, title: TITLE, aliases: [KEY], url: 'https://dblp.org/rec/conf/cvpr/Lovelace24', source: { site: 'dblp', page: 'toc' } }),
  status: 'done',
  tags: ['Vision', 'cvpr'],
  note: 'from dblp',
  savedFrom: 'https://dblp.org/db/conf/cvpr/cvpr2024.html',
  savedAt: 2000,
  updatedAt: 2500,
};
const version = (record: SavedPaper) => ({ id: record.id, updatedAt: record.updatedAt });

async function seeded(): Promise<Database> {
  const db = await openDatabase();
  await putPapers(db, [cvf, doi]);
  return db;
}
/** The database as a whole: every record, alias key and relevance row. */
const contents = async (db: Database) => ({
  papers: await db.getAll('papers'),
  aliases: await db.getAllKeys('aliases'),
  relevance: (await db.getAll('relevance')).map((row) => row.id),
});

describe('merging two records of one paper', () => {
  it('writes the merged record and deletes the other in one transaction, the aliases store in step', async () => {
    const db = await seeded();
    const transaction = vi.spyOn(db, 'transaction');
    const { merged, originals } = await mergeRecords(db, version(doi), [version(cvf)], 9000);
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(originals).toEqual([doi, cvf]);
    expect(merged).toMatchObject({ id: DOI, status: 'done', tags: ['Vision', 'cvpr'], savedAt: 1000, savedFrom: cvf.savedFrom, updatedAt: 9000 });
    expect(merged.paper.aliases).toEqual([CVF, KEY]);
    expect(await contents(db)).toEqual({ papers: [merged], aliases: [[CVF, DOI], [KEY, DOI]], relevance: [DOI] });
  });

  it('lookups by the other id answer saved as the kept record at once, and to a worker started since', async () => {
    const db = await seeded();
    expect(await lookup(db, [CVF, DOI])).toEqual({ [CVF]: { status: 'reading', tags: ['vision'] }, [DOI]: { status: 'done', tags: ['Vision', 'cvpr'] } });
    await mergeRecords(db, version(doi), [version(cvf)]);
    const expected = { [CVF]: { status: 'done', tags: ['Vision', 'cvpr'], savedAs: DOI }, [KEY]: { status: 'done', tags: ['Vision', 'cvpr'], savedAs: DOI }, [DOI]: { status: 'done', tags: ['Vision', 'cvpr'] } };
    expect(await lookup(db, [CVF, KEY, DOI])).toEqual(expected);
    expect(await new SavedStates(db).lookup([CVF, KEY, DOI])).toEqual(expected);
    // Saving the paper again from its CVF page adds to the one record.
    await savePaper(db, cvf.paper, { savedFrom: 'https://openaccess.thecvf.com/CVPR2024' });
    expect((await listPapers(db)).map((r) => r.id)).toEqual([DOI]);
  });

  it('refuses, writing nothing, when either record was changed or removed since the library showed it', async () => {
    const db = await seeded();
    await editPaper(db, CVF, { note: 'edited in another tab' }, 3000);
    const edited = await contents(db);
    await expect(mergeRecords(db, version(doi), [version(cvf)])).rejects.toThrow(StaleRecordError);
    await expect(mergeRecords(db, version(doi), [version(cvf)])).rejects.toThrow(/changed since it was shown/);
    expect(await contents(db)).toEqual(edited);
    await expect(mergeRecords(db, version(doi), [{ id: 'cvf:gone', updatedAt: 1 }])).rejects.toThrow(/cvf:gone is no longer in the list: nothing was merged/);
    expect(await contents(db)).toEqual(edited);
  });

  it('refuses, writing nothing, a merge whose notes would not fit one record', async () => {
    const db = await openDatabase();
    await putPapers(db, [{ ...cvf, note: 'x'.repeat(RECORD_LIMITS.note - 10) }, { ...doi, note: 'y'.repeat(50) }]);
    const before = await contents(db);
    await expect(mergeRecords(db, version(doi), [version(cvf)])).rejects.toThrow(MergeRefusedError);
    expect(await contents(db)).toEqual(before);
    expect(await lookup(db, [CVF])).toEqual({ [CVF]: { status: 'reading', tags: ['vision'] } });
  });

  it('undo puts both records back exactly as they were, in one write, and lookups follow', async () => {
    const db = await seeded();
    const before = await contents(db);
    const { merged, originals } = await mergeRecords(db, version(cvf), [version(doi)]);
    expect(merged.paper.doi).toBe('10.1109/cvpr52733.2024.00123');
    const transaction = vi.spyOn(db, 'transaction');
    expect(await unmergeRecords(db, version(merged), originals)).toEqual([cvf, doi]);
    expect(transaction).toHaveBeenCalledTimes(1);
    expect(await contents(db)).toEqual(before);
    const expected = { [CVF]: { status: 'reading', tags: ['vision'] }, [DOI]: { status: 'done', tags: ['Vision', 'cvpr'] }, [KEY]: { status: 'done', tags: ['Vision', 'cvpr'], savedAs: DOI } };
    expect(await lookup(db, [CVF, DOI, KEY])).toEqual(expected);
    expect(await new SavedStates(db).lookup([CVF, DOI, KEY])).toEqual(expected);
  });

  it('undo is refused, writing nothing, when the merged record was edited since or the other id saved again', async () => {
    const db = await seeded();
    const { merged, originals } = await mergeRecords(db, version(cvf), [version(doi)]);
    await editPaper(db, CVF, { status: 'to-read' }, merged.updatedAt + 1);
    const edited = await contents(db);
    await expect(unmergeRecords(db, version(merged), originals)).rejects.toThrow(/changed since it was shown.*not undone/);
    expect(await contents(db)).toEqual(edited);

    const db2 = await seeded();
    const second = await mergeRecords(db2, version(cvf), [version(doi)]);
    await putPapers(db2, [{ ...doi, note: 'imported again' }]);
    const imported = await contents(db2);
    await expect(unmergeRecords(db2, version(second.merged), second.originals)).rejects.toThrow(/saved again as doi:10\.1109/);
    expect(await contents(db2)).toEqual(imported);
  });


  it("undo keeps with the kept record what it learned since without an edit: a higher version (Seen), an id a save gave it", async () => {
    const ARXIV = 'arxiv:2401.00001';
    const preprint: SavedPaper = { ...cvf, id: ARXIV, paper: makePaper({ id: ARXIV, title: TITLE, version: 1 }), updatedAt: 5 };
    const db = await openDatabase();
    await putPapers(db, [preprint, cvf]);
    const { merged, originals } = await mergeRecords(db, version(preprint), [version(cvf)], 100);
    await editPaper(db, ARXIV, { seenVersion: 3 }, 200); // metadata: the edit time stays
    await savePaper(db, makePaper({ id: 'openreview:AbCdEf', title: TITLE, aliases: [ARXIV] }), { savedFrom: 'https://openreview.net/', now: 150 });
    const [kept, other] = await unmergeRecords(db, version(merged), originals);
    expect(kept!.paper.version).toBe(3); // a version only ever goes up
    expect(other).toEqual(cvf);
    expect(await lookup(db, ['openreview:AbCdEf', CVF])).toMatchObject({ 'openreview:AbCdEf': { savedAs: ARXIV }, [CVF]: { status: 'reading' } });
    // What the other copy brought goes back with it: the kept record does not answer to the CVF page's id.
    expect(kept!.paper.aliases).not.toContain(CVF);
  });
  it('merges three copies into one, and undo puts the three back', async () => {
    const db = await openDatabase();
    const dblp: SavedPaper = { ...doi, id: KEY, paper: makePaper({ id: KEY, title: TITLE }), note: '', tags: [], savedAt: 500, updatedAt: 500 };
    await putPapers(db, [cvf, { ...doi, paper: { ...doi.paper, aliases: [] } }, dblp]);
    const before = await contents(db);
    const { merged, originals } = await mergeRecords(db, version(doi), [version(cvf), version(dblp)]);
    expect(await contents(db)).toEqual({ papers: [merged], aliases: [[CVF, DOI], [KEY, DOI]], relevance: [DOI] });
    expect(merged.savedAt).toBe(500);
    await unmergeRecords(db, version(merged), originals);
    expect(await contents(db)).toEqual(before);
  });
});
