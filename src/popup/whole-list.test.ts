import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { makePaper } from '../../test/unit/paper-factory';
import { listPage, listPapers, openDatabase, savePaper } from '../storage/reading-list';
import { wholeList } from './whole-list';

beforeEach(() => {
  globalThis.indexedDB = new IDBFactory();
});

describe('the whole list, read page by page', () => {
  it('reads the whole list page by page, each paper once, the same papers and order as the one-piece list', async () => {
    const db = await openDatabase();
    // Equal save dates too (an import), so the order's tie rule is exercised.
    for (let i = 1; i <= 7; i++) {
      await savePaper(db, makePaper({ id: `arxiv:2607.0000${i}`, title: `P${i}` }), { savedFrom: 'https://huggingface.co/papers', now: [3, 1, 3, 2, 4, 3, 1][i - 1]! * 1000 });
    }
    const pages: string[][] = [];
    const all = await wholeList(async (after) => {
      const page = await listPage(db, after, 3);
      pages.push(page.papers.map((p) => p.id.slice(-1)));
      return page;
    });
    expect(pages).toEqual([['1', '2', '3'], ['4', '5', '6'], ['7']]);
    expect(all).toEqual(await listPapers(db));
    expect(await listPage(db, 'arxiv:2607.00007', 3)).toEqual({ papers: [], next: null });
    // A page that happens to end the list says more may follow; the next one, empty, ends the walk.
    expect((await listPage(db, 'arxiv:2607.00004', 3)).next).toBe('arxiv:2607.00007');
  });


  it('stops with an error, not a loop, when a page does not move forward', async () => {
    const stuck = async () => ({ papers: [], next: 'arxiv:2607.00001' });
    await expect(wholeList(stuck)).rejects.toThrow(/out of order/);
  });
});
