import * as v from 'valibot';
import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { emptyPaper } from '../core/paper';
import { installMenu, MENU_ID, METADATA_ORIGINS, originsFor, saveLink } from './context-menu';
import { openDatabase, removePaper, savePaper } from '../storage/reading-list';
import { parseEnvelope, SavedPaperSchema } from './messages';

const resolved = (id: string) => ({ paper: { ...emptyPaper(id, `Title of ${id}`, { site: 'arxiv', page: 'api' }), url: `https://arxiv.org/abs/${id.slice(6)}` }, complete: true });

describe('saveLink', () => {
  it('resolves a paper link and saves it from the page it was clicked on', async () => {
    const deps = { resolve: vi.fn(async () => resolved('arxiv:2401.12345')), save: vi.fn(async () => {}) };
    const paper = await saveLink('https://arxiv.org/pdf/2401.12345v2', 'https://blog.example/post', deps);
    expect(deps.resolve).toHaveBeenCalledWith({ kind: 'arxiv', id: '2401.12345', version: 2 });
    expect(deps.save).toHaveBeenCalledWith(paper, 'https://blog.example/post', true);
    expect(paper?.title).toBe('Title of arxiv:2401.12345');
  });

  it('uses the paper URL when the page is not a web page, and ignores links to no paper', async () => {
    const deps = { resolve: vi.fn(async () => resolved('arxiv:2401.12345')), save: vi.fn(async () => {}) };
    await saveLink('https://huggingface.co/papers/2401.12345', 'file:///home/me/notes.html', deps);
    expect(deps.save).toHaveBeenCalledWith(expect.anything(), 'https://arxiv.org/abs/2401.12345', true);
    expect(await saveLink('https://huggingface.co/papers/trending', 'https://x.example/', deps)).toBeNull();
    expect(deps.resolve).toHaveBeenCalledTimes(1);
  });

  it('keeps a long page address within what a record may hold, so its removal can be undone and its backup imported', async () => {
    // A search results page's address easily outgrows 2,048 characters (tracking and state parameters).
    const page = `https://www.google.com/search?q=sparse+experts&${'gs_lp=Egxnd3Mtd2l6LXNlcnAiDnNwYXJzZSBleHBlcnRz'.repeat(60)}#frag`;
    const saved: unknown[] = [];
    const db = await openDatabase();
    const deps = {
      resolve: vi.fn(async () => resolved('arxiv:2401.12345')),
      save: vi.fn(async (paper: Parameters<typeof savePaper>[1], savedFrom: string) => void saved.push(await savePaper(db, paper, { savedFrom }))),
    };
    await saveLink('https://arxiv.org/abs/2401.12345', page, deps);
    expect(deps.save).toHaveBeenCalledWith(expect.anything(), 'https://www.google.com/search', true);
    expect(v.is(SavedPaperSchema, saved[0])).toBe(true);
    // Undo of a removal puts the record back through the protocol: it must pass.
    const removed = await removePaper(db, 'arxiv:2401.12345');
    expect(() => parseEnvelope({ type: 'restore', payload: { record: removed } })).not.toThrow();
  });
});

describe('originsFor: what a click asks for', () => {
  it("only the hosts that paper's save reads; for a paper page read whole, that site (the grant that turns it on in the options)", () => {
    const arxiv = ['https://export.arxiv.org/api/query*'];
    expect(originsFor('https://arxiv.org/abs/2401.12345')).toEqual(arxiv);
    expect(originsFor('https://arxiv.org/pdf/2401.12345v2')).toEqual(arxiv);
    expect(originsFor('https://doi.org/10.48550/arXiv.2401.12345')).toEqual(arxiv); // arXiv's own DOI is the arXiv paper
    expect(originsFor('https://openreview.net/pdf?id=Xk9pQ2vN7a')).toEqual(['https://api2.openreview.net/notes*', 'https://api.openreview.net/notes*']);
    expect(originsFor('https://doi.org/10.1145/3292500.3330701')).toEqual(['https://doi.org/*', 'https://api.crossref.org/*', 'https://api.datacite.org/*']);
    expect(originsFor('https://aclanthology.org/2023.acl-long.1.pdf')).toEqual(['https://doi.org/*', 'https://api.crossref.org/*', 'https://api.datacite.org/*']); // read through its DOI
    // Through Google Scholar's redirect (an alert mail's link): what the paper it leads to needs, nothing of Scholar's
    expect(originsFor('https://scholar.google.com/scholar_url?url=https://dl.acm.org/doi/10.1145/3292500.3330701&hl=en&oi=scholaralrt')).toEqual(['https://doi.org/*', 'https://api.crossref.org/*', 'https://api.datacite.org/*']);
    expect(originsFor('https://proceedings.mlr.press/v202/exemplo23a/exemplo23a.pdf')).toEqual(['https://proceedings.mlr.press/*']);
    // An ACM pseudo-DOI: no resolver knows it, so its save reads nothing and asks for nothing
    expect(originsFor('https://dl.acm.org/doi/10.5555/3295222.3295349')).toEqual([]);
    expect(originsFor('https://doi.org/10.5555/3295222.3295349')).toEqual([]);
    expect(originsFor('https://papers.nips.cc/paper_files/paper/2023/file/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Paper-Conference.pdf')).toEqual([
      'https://proceedings.neurips.cc/paper_files/paper/*',
      'https://papers.nips.cc/paper_files/paper/*',
    ]);
    expect(originsFor('https://openaccess.thecvf.com/content/CVPR2024/html/X_Y_CVPR_2024_paper.html')).toEqual(['https://openaccess.thecvf.com/*']);
    expect(originsFor('https://aclanthology.org/2020.lrec-1.1.pdf')).toEqual(['https://aclanthology.org/*']); // no ACL DOI: its page is read
    // A link to no paper saves nothing and asks for nothing.
    expect(originsFor('https://blog.example/')).toEqual([]);
    expect(originsFor('https://arxiv.org/list/cs.LG/new')).toEqual([]);
    // Every metadata host is asked for by some kind of link.
    const kinds = ['https://arxiv.org/abs/2401.12345', 'https://openreview.net/forum?id=Xk9pQ2vN7a', 'https://doi.org/10.1145/3292500.3330701'];
    expect(new Set(kinds.flatMap(originsFor))).toEqual(new Set(METADATA_ORIGINS));
  });

  it('every origin asked for is an optional host permission of the manifest (else the request fails whole)', async () => {
    const manifest = (await import('../../manifest.json')).default;
    const links = ['https://arxiv.org/abs/2401.12345', 'https://openreview.net/forum?id=Xk9pQ2vN7a', 'https://doi.org/10.1145/3292500.3330701', 'https://proceedings.mlr.press/v1/a.html', 'https://proceedings.neurips.cc/paper_files/paper/2023/hash/0a1b2c3d4e5f60718293a4b5c6d7e8f9-Abstract.html', 'https://openaccess.thecvf.com/content/CVPR2024/html/X_CVPR_2024_paper.html', 'https://aclanthology.org/P16-1001/'];
    for (const link of links) expect(manifest.optional_host_permissions).toEqual(expect.arrayContaining(originsFor(link)));
  });
});

describe('installMenu', () => {
  it("replaces an item an earlier version left (its patterns), rather than failing on the item's id", async () => {
    const items = new Map<string, string[]>([[MENU_ID, ['https://openreview.net/forum?id=*']]]);
    const menus = {
      removeAll: vi.fn(async () => items.clear()),
      create: vi.fn((item: { id: string; targetUrlPatterns: string[] }) => {
        if (items.has(item.id)) throw new Error(`Cannot create item with duplicate id ${item.id}`);
        items.set(item.id, item.targetUrlPatterns);
      }),
    };
    await installMenu(menus, ['*://openreview.net/forum?id=*']);
    expect([...items]).toEqual([[MENU_ID, ['*://openreview.net/forum?id=*']]]);
    expect(menus.create).toHaveBeenCalledWith({ id: MENU_ID, title: 'Save to reading list', contexts: ['link'], targetUrlPatterns: ['*://openreview.net/forum?id=*'] });
  });
});
