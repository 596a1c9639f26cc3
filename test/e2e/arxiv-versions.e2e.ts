// New arXiv versions, end to end in Chromium and Firefox on the build as installed: the library asks arXiv's API (the
// local fake, on its real host) about every saved arXiv paper in one request, lists the papers revised since their
// save, and "Seen" takes one off; the popup marks the other "v2 out", and says it in its details.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bothBrowsers, copiedBuilds, putRecords, until, type Harness } from './browsers';
import { startFakeApi, type FakeApi } from './fake-api/server';
import { emptyPaper } from '../../src/core/paper';
import type { SavedPaper } from '../../src/storage/schema';

const dist = copiedBuilds('arxiv-versions');
const browsers = bothBrowsers(() => undefined, dist);

const SEPT_1 = Date.UTC(2026, 8, 1, 12);
function record(arxivId: string, title: string, version: number | null, savedAt: number): SavedPaper {
  const id = `arxiv:${arxivId}`;
  return {
    id,
    paper: { ...emptyPaper(id, title, { site: 'arxiv', page: 'abs' }), url: `https://arxiv.org/abs/${arxivId}`, version },
    status: 'reading',
    tags: [],
    note: '',
    savedFrom: `https://arxiv.org/abs/${arxivId}`,
    savedAt,
    updatedAt: savedAt,
  };
}
const RECORDS = [
  record('2609.10001', 'Camera Ready Since', 1, SEPT_1),
  record('2609.10002', 'Saved From A Listing', null, SEPT_1 + 1000),
  record('2609.10003', 'Already The Newest', 2, SEPT_1 + 2000),
];

describe.each(browsers)('%s: new arXiv versions of saved papers', (_name, launch) => {
  let api: FakeApi;
  let harness: Harness;

  beforeAll(async () => {
    api = await startFakeApi();
    api.arxivLatest.set('2609.10001', { version: 3, updated: '2026-11-02', comment: 'Camera-ready for ICML 2026 &amp; new ablations' });
    api.arxivLatest.set('2609.10002', { version: 2, updated: '2026-10-15' }); // submitted after its save
    api.arxivLatest.set('2609.10003', { version: 2, updated: '2026-11-20', doi: '10.1145/3650000.3650123', journalRef: 'KDD 2026' }); // published since
    harness = await launch();
  });
  afterAll(async () => {
    await harness?.close();
    await api?.close();
  });

  it('the library asks arXiv once for all three and lists the two revised since their save; "Seen" takes one off', async () => {
    const library = await harness.openExtensionPage('src/library/index.html', '.library');
    expect((await putRecords(library, RECORDS)).ok).toBe(true);
    const panel = 'section.versions';
    await until(async () => (await library.texts(`${panel} p.muted`)).some((t) => t.includes('arXiv has not been asked about your 3 papers from arXiv.')), 'the panel');
    expect(api.requests.filter((r) => r.startsWith('export.arxiv.org'))).toEqual([]); // nothing before the click
    await library.click(harness.byRole('button', 'Check arXiv for new versions'));
    await until(
      async () =>
        (await library.texts(`${panel} [role=status]`)).includes(
          'Checked 3 papers: 2 papers have a newer version than you saved. arXiv gave 1 paper the journal reference or DOI it lacked (now in its details and exports).',
        ),
      'the check',
      15_000,
    );
    const asked = api.requests.filter((r) => r.startsWith('export.arxiv.org'));
    expect(asked).toHaveLength(1);
    expect(asked[0]).toMatch(/^export\.arxiv\.org \/api\/query\?id_list=(2609\.1000[123],){2}2609\.1000[123]&max_results=3$/);
    expect(await library.texts(`${panel} .revised a`)).toEqual(['Camera Ready Since', 'Saved From A Listing']);
    expect(await library.texts(`${panel} .revised .comment`)).toEqual(['Its comment: “Camera-ready for ICML 2026 & new ablations”']);
    await library.click(harness.byRole('button', 'Seen: v3 of “Camera Ready Since”'));
    await until(async () => (await library.texts(`${panel} .revised a`)).join() === 'Saved From A Listing', 'the paper seen to leave the list');
    await library.close();

    const popup = await harness.openPopup();
    await popup.waitFor('li.item');
    await until(async () => (await popup.texts('li.item .revised')).length === 1, 'the popup’s mark', 10_000);
    expect((await popup.texts('li.item .revised'))[0]).toMatch(/^v2 out/);
    await popup.click(harness.byRole('button', 'More: details of “Saved From A Listing”'));
    await until(async () => (await popup.texts('.new-version')).some((t) => t.startsWith('arXiv has v2 of 15 Oct 2026; you saved it on 1 Sep')), 'the details’ line');
    // The list's "New version" filter: the one paper still revised.
    await popup.click(harness.byRole('checkbox', 'New version (1)'));
    await until(async () => (await popup.texts('li.item .title')).join() === 'Saved From A Listing', 'the filtered list');
    const versions = (await popup.run<{ value: SavedPaper[] }>(`(globalThis.browser ?? globalThis.chrome).runtime.sendMessage({ type: 'list', payload: {} })`)).value;
    expect(versions.find((r) => r.id === 'arxiv:2609.10001')?.paper.version).toBe(3); // seen: the version it rose to
    expect(versions.find((r) => r.id === 'arxiv:2609.10003')?.paper).toMatchObject({ doi: '10.1145/3650000.3650123', venue: 'KDD 2026', aliases: ['doi:10.1145/3650000.3650123'] });
    await popup.close();
  });
});
