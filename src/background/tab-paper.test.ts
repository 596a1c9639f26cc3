import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { emptyPaper, type Paper } from '../core/paper';
import { makePaper } from '../../test/unit/paper-factory';
import { openDatabase, savePaper, type Database } from '../storage/reading-list';
const ARXIV_API = ['https://export.arxiv.org/api/query*'];
import type { Notice } from './messages';
import type { LinkTarget } from './save-link/targets';
import { NoPaperError, previewTabPaper, saveTabPaper, tabPaper } from './tab-paper';

let db: Database;
beforeEach(async () => {
  globalThis.indexedDB = new IDBFactory();
  db = await openDatabase();
});

const PDF = 'https://arxiv.org/pdf/2606.41234v2';

describe('tabPaper: the paper a tab shows, from its address', () => {
  it('names an arXiv PDF by its paper id (no version) and the version it shows, with what its save asks for, and not saved', async () => {
    expect(await tabPaper(db, PDF)).toEqual({ id: 'arxiv:2606.41234', label: 'arXiv:2606.41234', origins: ARXIV_API, state: null, version: 2 });
    expect(await tabPaper(db, 'https://arxiv.org/pdf/2606.41234')).not.toHaveProperty('version'); // the newest, whichever it is
  });

  it('gives its saved state under its id, or under the record that knows it by another id', async () => {
    await savePaper(db, makePaper({ id: 'arxiv:2606.41234' }), { savedFrom: 'https://huggingface.co/papers' });
    expect((await tabPaper(db, 'https://arxiv.org/abs/2606.41234'))?.state).toEqual({ status: 'to-read', tags: [] });
    // A journal's paper saved under its DOI, which names the OpenReview forum too: the OpenReview PDF's tab is that paper.
    await savePaper(db, makePaper({ id: 'doi:10.1145/3292500.3330701', aliases: ['openreview:Xk9pQ2vN7a'] }), { savedFrom: 'https://dl.acm.org/' });
    expect(await tabPaper(db, 'https://openreview.net/pdf?id=Xk9pQ2vN7a')).toEqual({
      id: 'openreview:Xk9pQ2vN7a',
      label: 'OpenReview paper Xk9pQ2vN7a',
      origins: ['https://api2.openreview.net/notes*', 'https://api.openreview.net/notes*'],
      state: { status: 'to-read', tags: [], savedAs: 'doi:10.1145/3292500.3330701' },
    });
  });

  it("asks for a proceedings site's pages too where the paper's page must be read (PMLR)", async () => {
    const found = await tabPaper(db, 'https://proceedings.mlr.press/v202/exemplo23a/exemplo23a.pdf');
    expect(found).toMatchObject({ id: 'pmlr:v202/exemplo23a', origins: ['https://proceedings.mlr.press/*'], state: null });
  });

  it('names an anthology PDF the ACL gave no DOI (LREC, a TACL paper) by its anthology id, its page to be read; saved under a DOI that knows it, that record', async () => {
    expect(await tabPaper(db, 'https://aclanthology.org/2020.lrec-1.1.pdf')).toEqual({
      id: 'aclanthology:2020.lrec-1.1',
      label: 'ACL Anthology paper 2020.lrec-1.1',
      origins: ['https://aclanthology.org/*'],
      state: null,
    });
    // TACL's page gives MIT Press's DOI, which wins as the paper's id: its card saved it so, its anthology id an alias.
    await savePaper(db, makePaper({ id: 'doi:10.1162/tacl_a_00577', aliases: ['aclanthology:Q19-1001'] }), { savedFrom: 'https://aclanthology.org/Q19-1001/' });
    expect((await tabPaper(db, 'https://aclanthology.org/Q19-1001.pdf'))?.state).toEqual({ status: 'to-read', tags: [], savedAs: 'doi:10.1162/tacl_a_00577' });
  });

  it('is null for an address that names no paper: a listing, a search, another site', async () => {
    for (const url of ['https://arxiv.org/list/cs.LG/new', 'https://huggingface.co/papers/trending', 'https://openreview.net/group?id=ICLR.cc/2024/Conference', 'https://blog.example.org/']) {
      expect(await tabPaper(db, url)).toBeNull();
    }
  });
});

describe("previewTabPaper: what the tab's paper is called, before it is saved", () => {
  const paper = { ...emptyPaper('doi:10.1145/3580305.3599256', 'Graph Retrieval at Scale', { site: 'doi', page: 'api' }), authors: ['A One', 'B Two', 'C Three', 'D Four'], authorCount: 12 };

  it("reads it as its save will, when every host its kind reads is granted: its title and first authors", async () => {
    const links = { resolve: vi.fn(async () => ({ paper, complete: true })) };
    const granted = vi.fn(async () => true);
    expect(await previewTabPaper('https://dl.acm.org/doi/pdf/10.1145/3580305.3599256', { links, granted })).toEqual({ title: 'Graph Retrieval at Scale', authors: ['A One', 'B Two', 'C Three'], authorCount: 12 });
    expect(granted).toHaveBeenCalledWith(['https://doi.org/*', 'https://api.crossref.org/*', 'https://api.datacite.org/*']);
    expect(links.resolve).toHaveBeenCalledWith({ kind: 'doi', doi: '10.1145/3580305.3599256' });
  });

  it('reads nothing while a host it needs is not granted (asked only inside a click), nor for an address that names no paper', async () => {
    const links = { resolve: vi.fn(async () => ({ paper, complete: true })) };
    expect(await previewTabPaper(PDF, { links, granted: async () => false })).toBeNull();
    const granted = vi.fn(async () => true);
    expect(await previewTabPaper('https://arxiv.org/list/cs.LG/new', { links, granted })).toBeNull();
    expect(granted).not.toHaveBeenCalled();
    expect(links.resolve).not.toHaveBeenCalled();
  });

  it('is null when the sources failed or do not know it (the stand-in is no name)', async () => {
    const links = { resolve: async () => ({ paper: { ...paper, title: 'doi:10.1145/3580305.3599256' }, complete: false }) };
    expect(await previewTabPaper('https://dl.acm.org/doi/10.1145/3580305.3599256', { links, granted: async () => true })).toBeNull();
  });
});

describe('saveTabPaper: saves it as a link to it would be saved', () => {
  const resolved = (paper: Paper) => ({ resolve: vi.fn(async (_target: LinkTarget) => ({ paper, complete: true })) });

  it("reads the paper's metadata, keeps the version the tab shows, saves it from that address and tells every tab", async () => {
    const notices: Notice[] = [];
    const paper = { ...emptyPaper('arxiv:2606.41234', 'Sparse Routing for Long-Context Retrieval', { site: 'huggingface', page: 'api' }), version: 3 };
    const links = { resolve: vi.fn(async (target: LinkTarget) => ({ paper: { ...paper, version: target.kind === 'arxiv' ? target.version ?? null : null }, complete: true })) };
    const record = await saveTabPaper(db, PDF, { links, broadcast: (notice) => void notices.push(notice) });
    expect(links.resolve).toHaveBeenCalledWith({ kind: 'arxiv', id: '2606.41234', version: 2 });
    expect(record).toMatchObject({ id: 'arxiv:2606.41234', status: 'to-read', savedFrom: PDF, paper: { title: paper.title, version: 2 } });
    expect(await db.get('papers', 'arxiv:2606.41234')).toEqual(record);
    expect(notices).toEqual([{ type: 'changed', id: 'arxiv:2606.41234', aliases: [], state: { status: 'to-read', tags: [] } }]);
    expect((await tabPaper(db, PDF))?.state).toEqual({ status: 'to-read', tags: [] });
  });

  it('saved again while its metadata cannot be read, a paper keeps its title and links: the stand-in only fills gaps', async () => {
    const real = { ...emptyPaper('arxiv:2606.41234', 'Sparse Routing for Long-Context Retrieval', { site: 'arxiv', page: 'abs' }), authors: ['Ada Lovelace'], url: 'https://arxiv.org/abs/2606.41234' };
    await savePaper(db, real, { savedFrom: 'https://arxiv.org/abs/2606.41234' });
    // Every host failed (offline, 429, a host not granted): the stand-in, its id as its title.
    const standIn = { ...emptyPaper('arxiv:2606.41234', 'arXiv:2606.41234', { site: 'arxiv', page: 'link' }), url: 'https://arxiv.org/abs/2606.41234', pdfUrl: PDF, version: 2 };
    const links = { resolve: vi.fn(async () => ({ paper: standIn, complete: false })) };
    const record = await saveTabPaper(db, PDF, { links, broadcast: () => {} });
    expect(record.paper).toMatchObject({ title: real.title, authors: ['Ada Lovelace'], pdfUrl: PDF, version: 2 });
    // A new paper saved so is the stand-in, to be read again later.
    const other = await saveTabPaper(db, 'https://arxiv.org/abs/2606.41235', { links: { resolve: vi.fn(async () => ({ paper: { ...standIn, id: 'arxiv:2606.41235', title: 'arXiv:2606.41235' }, complete: false })) }, broadcast: () => {} });
    expect(other.paper.title).toBe('arXiv:2606.41235');
  });

  it('refuses an address that names no paper with a NoPaperError, saving and telling nothing', async () => {
    const notices: Notice[] = [];
    const links = resolved(makePaper());
    await expect(saveTabPaper(db, 'https://arxiv.org/list/cs.LG/new', { links, broadcast: (notice) => void notices.push(notice) })).rejects.toBeInstanceOf(NoPaperError);
    expect(links.resolve).not.toHaveBeenCalled();
    expect(await db.count('papers')).toBe(0);
    expect(notices).toEqual([]);
  });

  it("saves nothing and tells nothing when the write fails (the reader's click is answered with the error)", async () => {
    const notices: Notice[] = [];
    const links = resolved(makePaper({ id: 'arxiv:2606.41234' }));
    db.close();
    await expect(saveTabPaper(db, PDF, { links, broadcast: (notice) => void notices.push(notice) })).rejects.toThrow();
    expect(notices).toEqual([]);
  });
});
