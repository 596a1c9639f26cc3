// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeSaved } from '../../popup/fake-api';
import { fakeExportModule, renderLibrary } from './render-library';
import { memoryNotDuplicates } from '../not-duplicates';
import { wholeText } from '../../../test/unit/whole-text';

afterEach(cleanup);

const day = (iso: string) => Date.parse(`${iso}T12:00:00Z`);
const papers = [
  makeSaved('arxiv:2409.00001', 'Saved At v1', day('2026-09-01'), {}, { version: 1 }),
  makeSaved('arxiv:2409.00002', 'Saved From A Listing', day('2026-09-02'), {}, { version: null }),
  makeSaved('arxiv:2409.00003', 'Up To Date', day('2026-09-03'), {}, { version: 2 }),
  makeSaved('doi:10.1145/3580305.3599256', 'A Journal Paper', day('2026-09-04'), {}, { version: null }),
];
const panel = () => screen.getByRole('region', { name: 'New arXiv versions' });
const revisedTitles = () => within(panel()).queryAllByRole('link').map((link) => [link.textContent, link.getAttribute('href')]);

function setup(prepare?: Parameters<typeof renderLibrary>[4]) {
  const view = renderLibrary(papers, fakeExportModule(), undefined, memoryNotDuplicates(), (api) => {
    api.arxiv = new Map([
      ['2409.00001', { version: 3, updated: '2026-11-02', comment: 'Camera-ready for ICML 2026; new ablations' }],
      ['2409.00002', { version: 2, updated: '2026-10-15', doi: '10.1145/3650000.3650123', journalRef: 'KDD 2026' }], // submitted after the save
      ['2409.00003', { version: 2, updated: '2026-11-20' }],
    ]);
    prepare?.(api);
  });
  return view;
}

describe('library: new arXiv versions', () => {
  it('asks arXiv about every saved arXiv paper in one click and lists those revised since their save', async () => {
    const { api } = setup();
    await screen.findByRole('region', { name: 'New arXiv versions' });
    await waitFor(() =>
      expect(within(panel()).getByText('arXiv has not been asked about your 3 papers from arXiv. A check sends arXiv the ids of these papers (nothing else: not your tags, notes or other papers).')).toBeTruthy(),
    );
    expect(api.checkVersions).not.toHaveBeenCalled(); // nothing before the click
    fireEvent.click(within(panel()).getByRole('button', { name: 'Check arXiv for new versions' }));
    await waitFor(() =>
      expect(within(panel()).getByRole('status').textContent).toBe(
        'Checked 3 papers: 2 papers have a newer version than you saved. arXiv gave 1 paper the journal reference or DOI it lacked (now in its details and exports).',
      ),
    );
    expect(api.papers.find((p) => p.id === 'arxiv:2409.00002')?.paper).toMatchObject({ doi: '10.1145/3650000.3650123', venue: 'KDD 2026' });
    expect(vi.mocked(api.checkVersions).mock.calls.map(([ids]) => [...ids].sort())).toEqual([['arxiv:2409.00001', 'arxiv:2409.00002', 'arxiv:2409.00003']]); // one request, not the DOI's
    expect(revisedTitles()).toEqual([
      ['Saved At v1', 'https://arxiv.org/abs/2409.00001v3'],
      ['Saved From A Listing', 'https://arxiv.org/abs/2409.00002v2'],
    ]);
    expect(within(panel()).getByText(/arXiv has v3 of 2 Nov 2026; you saved v1/)).toBeTruthy();
    expect(within(panel()).getByText(wholeText('Its comment: “Camera-ready for ICML 2026; new ablations”'))).toBeTruthy();
    expect(within(panel()).getByText(/arXiv has v2 of 15 Oct 2026; you saved it on 2 Sept? 2026/)).toBeTruthy();
  });

  it('"Seen" takes a paper off the list (its version rises to the new one) and the focus goes to the next', async () => {
    const { api } = setup((api) => {
      for (const [key, latest] of api.arxiv as Map<string, { version: number; updated: string | null }>) api.versions.set(key, { key, ...latest, checkedAt: day('2026-11-25') });
    });
    // What the last check kept is shown at once, without asking arXiv again.
    await screen.findByRole('region', { name: 'New arXiv versions' });
    const first = await within(panel()).findByRole('button', { name: 'Seen: v3 of “Saved At v1”' });
    expect(within(panel()).getByText(/Of your 3 papers from arXiv, 3 checked, last on 25 Nov 2026\./)).toBeTruthy();
    first.focus();
    fireEvent.click(first);
    await waitFor(() => expect(revisedTitles().map(([title]) => title)).toEqual(['Saved From A Listing']));
    expect(api.papers.find((p) => p.id === 'arxiv:2409.00001')?.paper.version).toBe(3);
    await waitFor(() => expect(document.activeElement?.getAttribute('aria-label')).toBe('Seen: v2 of “Saved From A Listing”'));
    fireEvent.click(document.activeElement!);
    await waitFor(() => expect(revisedTitles()).toEqual([]));
    expect(api.papers.find((p) => p.id === 'arxiv:2409.00002')?.paper.version).toBe(2);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Check arXiv for new versions'));
    expect(api.checkVersions).not.toHaveBeenCalled();
  });

  it('"All 2 seen" marks every listed paper seen at once; the focus goes back to the check', async () => {
    const { api } = setup((api) => {
      for (const [key, latest] of api.arxiv as Map<string, { version: number; updated: string | null }>) api.versions.set(key, { key, version: latest.version, updated: latest.updated, checkedAt: day('2026-11-25') });
    });
    await screen.findByRole('region', { name: 'New arXiv versions' });
    const all = await within(panel()).findByRole('button', { name: 'All 2 seen' });
    all.focus();
    fireEvent.click(all);
    await waitFor(() => expect(revisedTitles()).toEqual([]));
    expect(api.papers.filter((p) => p.id.startsWith('arxiv:')).map((p) => [p.id, p.paper.version]).sort()).toEqual([
      ['arxiv:2409.00001', 3],
      ['arxiv:2409.00002', 2],
      ['arxiv:2409.00003', 2],
    ]);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Check arXiv for new versions'));
  });

  it('does not ask again about papers asked in the last 12 hours (arXiv announces new versions once a day)', async () => {
    const { api } = setup((api) => {
      api.versions.set('2409.00001', { key: '2409.00001', version: 3, updated: '2026-11-02', checkedAt: Date.now() - 60 * 60_000 }); // an hour ago
      api.versions.set('2409.00003', { key: '2409.00003', version: 2, updated: '2026-11-20', checkedAt: Date.now() - 13 * 60 * 60_000 }); // 13 hours ago
    });
    await screen.findByRole('region', { name: 'New arXiv versions' });
    await within(panel()).findByText(/Of your 3 papers from arXiv, 2 checked/);
    const check = within(panel()).getByRole('button', { name: 'Check arXiv for new versions' });
    fireEvent.click(check);
    await waitFor(() =>
      expect(within(panel()).getByRole('status').textContent).toBe(
        'Checked 2 papers (1 paper asked in the last 12 hours was not asked again): 2 papers have a newer version than you saved. arXiv gave 1 paper the journal reference or DOI it lacked (now in its details and exports).',
      ),
    );
    expect(vi.mocked(api.checkVersions).mock.calls.map(([ids]) => ids)).toEqual([['arxiv:2409.00002', 'arxiv:2409.00003']]); // never asked first
    fireEvent.click(check);
    await waitFor(() =>
      expect(within(panel()).getByRole('status').textContent).toBe('All 3 papers were asked in the last 12 hours, and arXiv announces new versions once a day: nothing to ask yet.'),
    );
    expect(api.checkVersions).toHaveBeenCalledTimes(1);
  });

  it('says why it stopped, keeping what it learnt; asks for arXiv’s host in the click where it is withheld', async () => {
    const { api } = setup((api) => {
      api.arxivAccess = false;
      api.refuseAccess = true;
    });
    await screen.findByRole('region', { name: 'New arXiv versions' });
    const check = await within(panel()).findByRole('button', { name: 'Check arXiv for new versions' });
    await waitFor(() => expect(api.arxivGranted).toHaveBeenCalled());
    check.focus();
    fireEvent.click(check);
    expect(api.requestAccess).toHaveBeenCalledWith(['https://export.arxiv.org/api/query*']); // in the click
    await waitFor(() => expect(within(panel()).getByRole('status').textContent).toBe('Not checked: Papershelf may ask arXiv (export.arxiv.org) only once you allow it.'));
    await waitFor(() => expect(document.activeElement).toBe(check)); // not left with Stop, gone
    expect(api.checkVersions).not.toHaveBeenCalled();

    api.refuseAccess = false;
    api.arxiv = new Error('arXiv answered HTTP 503 (busy: try again in a few minutes)');
    fireEvent.click(check);
    await waitFor(() =>
      expect(within(panel()).getByRole('status').textContent).toBe(
        'Checked 0 of 3, then stopped: arXiv answered HTTP 503 (busy: try again in a few minutes). Of those checked so far, none has a newer version than you saved.',
      ),
    );
  });

  it('the check, its button disabled while it runs, hands the focus to Stop, the one thing to do, and back once done', async () => {
    const { api } = setup();
    await screen.findByRole('region', { name: 'New arXiv versions' });
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const real = vi.mocked(api.checkVersions).getMockImplementation()!;
    vi.mocked(api.checkVersions).mockImplementation(async (ids) => (await gate, real(ids)));
    const check = within(panel()).getByRole('button', { name: 'Check arXiv for new versions' }) as HTMLButtonElement;
    check.focus();
    fireEvent.click(check);
    await waitFor(() => expect(check.disabled).toBe(true));
    await waitFor(() => expect(document.activeElement).toBe(within(panel()).getByRole('button', { name: 'Stop' })));
    release();
    await waitFor(() => expect(within(panel()).getByRole('status').textContent).toMatch(/^Checked 3 papers/));
    await waitFor(() => expect(document.activeElement).toBe(check)); // Stop is gone
  });

  it('asks a hundred papers a request, those never asked first, shows progress, and Stop ends after the request under way', async () => {
    const many = Array.from({ length: 250 }, (_, i) => makeSaved(`arxiv:2410.${String(i).padStart(5, '0')}`, `Paper ${i}`, day('2026-10-01') + i, {}, { version: 1 }));
    const { api } = renderLibrary(many, fakeExportModule(), undefined, memoryNotDuplicates(), (api) => {
      api.arxiv = new Map([['2410.00200', { version: 2, updated: '2026-11-01' }]]);
      api.versions.set('2410.00249', { key: '2410.00249', version: 1, updated: '2026-10-01', checkedAt: day('2026-11-01') }); // asked before
    });
    await screen.findByRole('region', { name: 'New arXiv versions' });
    await within(panel()).findByText(/Of your 250 papers from arXiv, 1 checked/);
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const real = vi.mocked(api.checkVersions).getMockImplementation()!;
    vi.mocked(api.checkVersions).mockImplementation(async (ids) => {
      if (vi.mocked(api.checkVersions).mock.calls.length === 2) await gate;
      return real(ids);
    });
    fireEvent.click(within(panel()).getByRole('button', { name: 'Check arXiv for new versions' }));
    await within(panel()).findByText('Checked 100 of 250…');
    const stopButton = within(panel()).getByRole('button', { name: 'Stop' });
    stopButton.focus();
    fireEvent.click(stopButton);
    release();
    await waitFor(() => expect(within(panel()).getByRole('status').textContent).toBe('Stopped after 200 of 250: 1 paper has a newer version than you saved.'));
    const calls = vi.mocked(api.checkVersions).mock.calls.map(([ids]) => ids);
    expect(calls.map((ids) => ids.length)).toEqual([100, 100]);
    expect(calls.flat()).not.toContain('arxiv:2410.00249'); // asked last time: last in line
    expect(revisedTitles()).toEqual([['Paper 200', 'https://arxiv.org/abs/2410.00200v2']]);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Check arXiv for new versions')); // Stop is gone
  });
});
