// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createFakeApi, makeSaved } from '../../popup/fake-api';
import { memoryDraftStore } from '../../popup/note-drafts';
import { loadExportModule } from '../export-module';
import { LibraryApp } from './LibraryApp';
import { fakeExportModule, renderLibrary } from './render-library';
import { groupKey, memoryNotDuplicates } from '../not-duplicates';
import { wholeText } from '../../../test/unit/whole-text';

afterEach(cleanup);

const papers = [
  makeSaved('arxiv:2607.00001', 'First paper', 5000, { tags: ['nlp'] }),
  makeSaved('arxiv:2607.00002', 'Second paper', 4000, { tags: ['vision'], status: 'done' }),
  makeSaved('arxiv:2607.00003', 'Third paper', 3000),
  makeSaved('arxiv:2607.00004', 'Fourth paper', 2000),
  makeSaved('arxiv:2607.00005', 'Fifth paper', 1000),
];
const box = (title: string) => screen.getByRole('checkbox', { name: `Select “${title}”` }) as HTMLInputElement;
const dataRows = () => within(screen.getByRole('table', { name: 'Papers' })).getAllByRole('row').slice(1);

describe('library page', () => {
  it("shows GitHub's latest star count the extension knows in a row, not the one saved with the paper", async () => {
    const paper = makeSaved('arxiv:2601.00001', 'Paper', 1000, {}, { githubRepos: ['lab/model'], githubStars: 3 });
    renderLibrary([paper], undefined, undefined, undefined, (api) => {
      api.githubCache = new Map([['lab/model', { stars: 4200, archived: false, notFound: false, fetchedAt: 2000 }]]);
    });
    await screen.findByText('Paper');
    await waitFor(() => expect(document.querySelector('a.repo')!.getAttribute('aria-label')).toBe('Code: lab/model on GitHub, 4200 stars'));
    // The count first: the column is narrower than most names, and its ellipsis cuts the end; the name is in the title.
    expect(document.querySelector('a.repo')!.textContent).toBe('★ 4,200 lab/model');
    expect(document.querySelector('a.repo')!.getAttribute('title')).toMatch(/^lab\/model\. Stars as GitHub gave them on /);
  });

  it('keeps fewer than 100 rows in the DOM for 10,000 papers', async () => {
    const many = Array.from({ length: 10_000 }, (_, i) => makeSaved(`arxiv:2601.${String(i).padStart(5, '0')}`, `Paper ${i}`, 20_000 - i));
    renderLibrary(many);
    await screen.findByText('Paper 0');
    const table = screen.getByRole('table', { name: 'Papers' });
    expect(table.getAttribute('aria-rowcount')).toBe('10001');
    const rows = within(table).getAllByRole('row');
    expect(rows.length).toBeGreaterThan(10);
    expect(rows.length).toBeLessThan(100);
    expect(screen.getByText('10,000 papers')).toBeTruthy();
  }, 30_000);

  it('searches a long list at each keystroke, in the render the keystroke makes, as the popup does', async () => {
    // Over 2,000 papers a keystroke was held 120 ms for a pause in the typing (235 ms to the rows at 10,000 papers).
    const many = Array.from({ length: 2500 }, (_, i) => makeSaved(`arxiv:2601.${String(i).padStart(5, '0')}`, `Paper ${i} ${i % 2 ? 'odd' : 'even'} ${i === 7 ? 'zebra' : ''}`, 20_000 - i));
    renderLibrary(many);
    const search = await screen.findByRole('searchbox', { name: 'Search papers' });
    fireEvent.input(search, { target: { value: 'odd' } });
    await waitFor(() => expect(screen.getByText('1,250 of 2,500 papers')).toBeTruthy(), { timeout: 10_000 }); // the index is ready
    fireEvent.input(search, { target: { value: 'zebra' } });
    expect(dataRows().map((row) => row.getAttribute('data-id'))).toEqual(['arxiv:2601.00007']);
  }, 30_000);

  it('saves a paper pasted in the search box, with Enter, as the popup does', async () => {
    const { api } = renderLibrary([]);
    const ABS = 'https://arxiv.org/abs/2606.41234';
    api.typed.set(ABS, { url: ABS, id: 'arxiv:2606.41234', label: 'arXiv:2606.41234', origins: [], missing: [], state: null });
    api.tabSave = { title: 'Pasted Into the Library' };
    const search = await screen.findByRole('searchbox', { name: 'Search papers' });
    fireEvent.input(search, { target: { value: 'arxiv.org/abs/2606.41234' } });
    const typed = await screen.findByRole('region', { name: 'The paper you typed' });
    expect(within(typed).getByText('arXiv:2606.41234')).toBeTruthy();
    fireEvent.keyDown(search, { key: 'Enter' });
    await waitFor(() => expect(within(screen.getByRole('region', { name: 'The paper you typed' })).getByText('In your reading list: to read.')).toBeTruthy());
    expect(within(screen.getByRole('region', { name: 'The paper you typed' })).getByText('Pasted Into the Library')).toBeTruthy();
    fireEvent.input(search, { target: { value: '' } });
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Papers' })).getByText('Pasted Into the Library')).toBeTruthy());
  });

  it('"/" on a row checkbox or the "Has code" box goes to the search box (nobody types into a checkbox)', async () => {
    renderLibrary(papers);
    const search = await screen.findByRole('searchbox', { name: 'Search papers' });
    for (const checkbox of [box('First paper'), screen.getByRole('checkbox', { name: 'Has code' })]) {
      checkbox.focus();
      fireEvent.keyDown(checkbox, { key: '/' });
      expect(document.activeElement).toBe(search);
    }
    // Typed into a text field, "/" is a character.
    const field = document.body.appendChild(document.createElement('input'));
    field.focus();
    fireEvent.keyDown(field, { key: '/' });
    expect(document.activeElement).toBe(field);
    field.remove();
  });

  it('names the select-all box with the count grouped, as the bar counts ("Select all 1,234 shown")', async () => {
    const many = Array.from({ length: 1234 }, (_, i) => makeSaved(`arxiv:2607.${String(i + 1).padStart(5, '0')}`, `Paper ${i}`, 9000 - i));
    renderLibrary(many);
    await screen.findByText('Paper 0');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all 1,234 shown' }));
    expect(screen.getByText('1,234 selected')).toBeTruthy();
  });

  it('selects a range with shift-click and counts the selection', async () => {
    renderLibrary(papers);
    await screen.findByText('First paper');
    fireEvent.click(box('Second paper'));
    fireEvent.click(box('Fourth paper'), { shiftKey: true });
    expect(['First paper', 'Second paper', 'Third paper', 'Fourth paper', 'Fifth paper'].map((t) => box(t).checked)).toEqual([false, true, true, true, false]);
    expect(screen.getByText('3 selected')).toBeTruthy();
    const all = screen.getByRole('checkbox', { name: 'Select all 5 shown' }) as HTMLInputElement;
    expect(all.indeterminate).toBe(true);
    fireEvent.click(all);
    expect(screen.getByText('5 selected')).toBeTruthy();
    fireEvent.click(all);
    expect(screen.getByText('Nothing selected')).toBeTruthy();
  });

  it('sets the status of the selected papers in one write', async () => {
    const { api } = renderLibrary(papers);
    await screen.findByText('First paper');
    fireEvent.click(box('First paper'));
    fireEvent.click(box('Third paper'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Status for the selected papers' }), { target: { value: 'reading' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set status' }));
    await waitFor(() => expect(api.editMany).toHaveBeenCalledTimes(1));
    expect(vi.mocked(api.editMany).mock.calls[0]).toEqual([['arxiv:2607.00001', 'arxiv:2607.00003'], { status: 'reading' }]);
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Status of “Third paper”' }) as HTMLSelectElement).value).toBe('reading'));
  });

  it("copies the selected papers' BibTeX, in the order shown, to the clipboard", async () => {
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      const { module } = renderLibrary(papers);
      await screen.findByText('First paper');
      expect((screen.getByRole('button', { name: 'Copy BibTeX of the 0 papers selected' }) as HTMLButtonElement).disabled).toBe(true);
      fireEvent.click(box('Third paper'));
      fireEvent.click(box('First paper'));
      fireEvent.click(screen.getByRole('button', { name: 'Copy BibTeX of the 2 papers selected' }));
      await waitFor(() => expect(screen.getByText('BibTeX of 2 papers copied.')).toBeTruthy());
      expect(module.exportPapers.mock.calls[0]![0].map((s) => s.id)).toEqual(['arxiv:2607.00001', 'arxiv:2607.00003']);
      expect(module.exportPapers.mock.calls[0]![1]).toBe('bibtex');
      // Keyed among the whole list, so the keys are those any other part of it would be exported with.
      expect(module.exportPapers.mock.calls[0]![2]?.library?.map((s) => s.id).sort()).toEqual(papers.map((s) => s.id).sort());
      expect(writeText).toHaveBeenCalledWith('arxiv:2607.00001\narxiv:2607.00003'); // the fake export's text
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });

  it('adds a tag to the selected papers', async () => {
    const { api } = renderLibrary(papers);
    await screen.findByText('First paper');
    fireEvent.click(box('First paper'));
    fireEvent.click(box('Second paper'));
    fireEvent.input(screen.getByRole('combobox', { name: 'Tag to add to the selected papers' }), { target: { value: 'to present' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    await waitFor(() => expect(api.papers.filter((p) => p.tags.includes('to present')).map((p) => p.id)).toEqual(['arxiv:2607.00001', 'arxiv:2607.00002']));
  });

  it('removes a tag the selected papers carry from those papers only, in one write', async () => {
    const tagged = [
      makeSaved('arxiv:2607.00001', 'First paper', 5000, { tags: ['nlp', 'to discuss'] }),
      makeSaved('arxiv:2607.00002', 'Second paper', 4000, { tags: ['to discuss'] }),
      makeSaved('arxiv:2607.00003', 'Third paper', 3000, { tags: ['To Discuss'] }),
      makeSaved('arxiv:2607.00004', 'Fourth paper', 2000, { tags: ['to discuss'] }),
    ];
    const { api } = renderLibrary(tagged);
    await screen.findByText('First paper');
    const pick = screen.getByRole('combobox', { name: 'Tag to remove from the selected papers' }) as HTMLSelectElement;
    expect(pick.disabled).toBe(true); // nothing selected
    fireEvent.click(box('First paper'));
    // The selection's tags, most used first.
    expect([...pick.options].map((o) => o.value)).toEqual(['nlp', 'to discuss']);
    fireEvent.click(box('Third paper'));
    fireEvent.click(box('Second paper'));
    expect([...pick.options].map((o) => o.value)).toEqual(['to discuss', 'nlp']); // one tag whatever its case
    expect(pick.value).toBe('to discuss');
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag' }));
    await waitFor(() => expect(api.papers.map((p) => p.tags)).toEqual([['nlp'], [], [], ['to discuss']]));
    expect(api.editMany).toHaveBeenCalledTimes(1);
    const live = document.querySelector('p.sr-only[aria-live="polite"]')!;
    expect(live.textContent).toBe('Tag “to discuss” removed from 3 papers.');
    // The selection's last tag removed, the focus goes from the button, disabled now, to the tag field beside it.
    const remove = screen.getByRole('button', { name: 'Remove tag' }) as HTMLButtonElement;
    remove.focus();
    fireEvent.click(remove);
    await waitFor(() => expect(remove.disabled).toBe(true));
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Tag to add to the selected papers' }));
    expect(api.papers.map((p) => p.tags)).toEqual([[], [], [], ['to discuss']]);
  });

  it('keeps the tag picked to remove when papers selected after spell it otherwise, and removes that tag', async () => {
    const tagged = [
      makeSaved('arxiv:2607.00001', 'First paper', 5000, { tags: ['theory', 'RL'] }),
      makeSaved('arxiv:2607.00002', 'Second paper', 4000, { tags: ['theory', 'rl'] }),
      makeSaved('arxiv:2607.00003', 'Third paper', 3000, { tags: ['theory', 'rl'] }),
      makeSaved('arxiv:2607.00004', 'Fourth paper', 2000, { tags: ['theory'] }),
    ];
    const { api } = renderLibrary(tagged);
    await screen.findByText('First paper');
    const pick = screen.getByRole('combobox', { name: 'Tag to remove from the selected papers' }) as HTMLSelectElement;
    fireEvent.click(box('First paper'));
    fireEvent.click(box('Fourth paper'));
    expect([...pick.options].map((o) => o.value)).toEqual(['theory', 'RL']);
    fireEvent.change(pick, { target: { value: 'RL' } });
    // Most of the selection spells it "rl" now: the tag picked is still the one to remove, not "theory".
    fireEvent.click(box('Second paper'));
    fireEvent.click(box('Third paper'));
    expect([...pick.options].map((o) => o.value)).toEqual(['theory', 'rl']);
    expect(pick.value).toBe('rl');
    fireEvent.click(screen.getByRole('button', { name: 'Remove tag' }));
    await waitFor(() => expect(api.papers.map((p) => p.tags)).toEqual([['theory'], ['theory'], ['theory'], ['theory']]));
  });

  it('opens the selected papers\' pages in background tabs, in the table\'s order, 20 a click at most', async () => {
    const many = Array.from({ length: 25 }, (_, i) =>
      makeSaved(`arxiv:2607.${String(i + 1).padStart(5, '0')}`, `Paper ${i}`, 9000 - i, i === 1 ? { savedFrom: '' } : {}, { url: i === 1 ? 'javascript:alert(1)' : `https://arxiv.org/abs/2607.${String(i + 1).padStart(5, '0')}` }),
    );
    const { api } = renderLibrary(many);
    await screen.findByText('Paper 0');
    expect((screen.getByRole('button', { name: 'Open in tabs' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.click(box('Paper 2'));
    fireEvent.click(box('Paper 0'));
    fireEvent.click(box('Paper 1')); // its page is no web page, and it was imported (saved from no page): left out
    fireEvent.click(screen.getByRole('button', { name: 'Open in tabs' }));
    expect(api.openTabs).toHaveBeenLastCalledWith(['https://arxiv.org/abs/2607.00001', 'https://arxiv.org/abs/2607.00003']);
    expect(await screen.findByText('Opened 2 papers.')).toBeTruthy();
    fireEvent.click(screen.getByRole('checkbox', { name: 'Select all 25 shown' }));
    fireEvent.click(screen.getByRole('button', { name: 'Open the first 20 in tabs' }));
    expect(vi.mocked(api.openTabs).mock.lastCall![0]).toHaveLength(20);
    expect(await screen.findByText('Opened 20 papers; 4 papers more selected (select fewer to open them).')).toBeTruthy();
  });

  it('says each confirmation to a screen reader, even in the same words as the one before', async () => {
    const { api } = renderLibrary(papers);
    await screen.findByText('First paper');
    const live = document.querySelector('p.sr-only[aria-live="polite"]')!; // the page's live region
    const tag = (title: string) => {
      fireEvent.click(box(title));
      fireEvent.input(screen.getByRole('combobox', { name: 'Tag to add to the selected papers' }), { target: { value: 'later' } });
      fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    };
    tag('First paper');
    await waitFor(() => expect(live.textContent).toBe('Tag “later” added to 1 paper.'));
    const first = live.firstChild;
    fireEvent.click(box('First paper')); // one paper at a time, as a reader tags them
    tag('Third paper');
    await waitFor(() => expect(api.papers.find((p) => p.id === 'arxiv:2607.00003')!.tags).toContain('later'));
    expect(live.textContent).toBe('Tag “later” added to 1 paper.');
    expect(live.firstChild).not.toBe(first); // the region changed, so it is read out again
  });

  it('a tag the bulk bar refuses says why at its field, until the tag is typed again', async () => {
    const { api } = renderLibrary(papers);
    await screen.findByText('First paper');
    fireEvent.click(box('First paper'));
    const field = screen.getByRole('combobox', { name: 'Tag to add to the selected papers' });
    fireEvent.input(field, { target: { value: 'no/slashes' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add tag' }));
    const error = await screen.findByRole('alert');
    expect(field.getAttribute('aria-invalid')).toBe('true');
    expect(field.getAttribute('aria-describedby')).toBe(error.id);
    expect(api.editMany).not.toHaveBeenCalled();
    fireEvent.input(field, { target: { value: 'no slashes' } });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(field.hasAttribute('aria-invalid')).toBe(false);
  });

  it('removes the selected papers with undo', async () => {
    const { api } = renderLibrary(papers);
    await screen.findByText('First paper');
    fireEvent.click(box('First paper'));
    fireEvent.click(box('Fifth paper'));
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(dataRows()).toHaveLength(3));
    const snackbar = screen.getByText('Removed 2 papers.').closest<HTMLElement>('[role="status"]')!;
    fireEvent.click(within(snackbar).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(dataRows()).toHaveLength(5));
    expect(api.papers).toHaveLength(5);
  });

  it('a removal the background refuses keeps the selection, to try again', async () => {
    const { api } = renderLibrary(papers);
    await screen.findByText('First paper');
    fireEvent.click(box('First paper'));
    fireEvent.click(box('Fifth paper'));
    api.failPutMany = new Error('QuotaExceededError');
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await screen.findByText(/Could not remove the papers/);
    expect(dataRows()).toHaveLength(5);
    expect(box('First paper').checked).toBe(true);
    expect(box('Fifth paper').checked).toBe(true);
    api.failPutMany = null;
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(dataRows()).toHaveLength(3));
    await waitFor(() => expect(screen.getAllByRole('checkbox', { name: /^Select “/ }).filter((b) => (b as HTMLInputElement).checked)).toEqual([]));
  });

  it('a bulk action acts only on the selected papers the search and filters show, and says how many are left out', async () => {
    const { api, module } = renderLibrary(papers);
    await screen.findByText('First paper');
    fireEvent.click(box('First paper'));
    fireEvent.click(box('Second paper'));
    fireEvent.click(box('Third paper'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by tag' }), { target: { value: 'nlp' } });
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    const bar = screen.getByRole('region', { name: 'Selected papers' });
    expect(within(bar).getByText('1 selected (2 more not shown, left out)')).toBeTruthy();
    fireEvent.change(screen.getByRole('combobox', { name: 'Status for the selected papers' }), { target: { value: 'reading' } });
    fireEvent.click(screen.getByRole('button', { name: 'Set status' }));
    await waitFor(() => expect(api.papers.find((p) => p.id === 'arxiv:2607.00001')!.status).toBe('reading'));
    expect(api.papers.filter((p) => p.status === 'reading').map((p) => p.id)).toEqual(['arxiv:2607.00001']);
    fireEvent.click(screen.getByRole('button', { name: 'Export selected…' }));
    expect((screen.getByRole('radio', { name: 'Selected (1)' }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(api.remove).toHaveBeenCalled());
    expect(vi.mocked(api.remove).mock.calls.map(([id]) => id)).toEqual(['arxiv:2607.00001']);
    expect(api.papers.map((p) => p.id)).toEqual(['arxiv:2607.00002', 'arxiv:2607.00003', 'arxiv:2607.00004', 'arxiv:2607.00005']);
    expect(module.exportPapers).not.toHaveBeenCalled();
  });

  it('an action that leaves nothing selected takes the focus from its now disabled button to the list', async () => {
    renderLibrary(papers);
    await screen.findByText('First paper');
    const viewport = screen.getByRole('rowgroup', { name: 'Papers, scrollable' });
    fireEvent.click(box('First paper'));
    fireEvent.click(box('Third paper'));
    const remove = screen.getByRole('button', { name: 'Remove' });
    remove.focus();
    fireEvent.click(remove);
    await waitFor(() => expect(dataRows()).toHaveLength(3));
    expect(document.activeElement).toBe(viewport);
    // Undo, from the keyboard: its button goes, the focus comes back to the table.
    const undo = screen.getByRole('button', { name: 'Undo' });
    undo.focus();
    fireEvent.click(undo);
    await waitFor(() => expect(dataRows()).toHaveLength(5));
    expect(document.activeElement).toBe(viewport);
    fireEvent.click(box('First paper'));
    fireEvent.click(box('Third paper'));
    fireEvent.click(screen.getByRole('button', { name: 'Remove' }));
    await waitFor(() => expect(dataRows()).toHaveLength(3));
    // Set status under a status filter: the papers leave the list, their selection with them.
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by status' }), { target: { value: 'to-read' } });
    fireEvent.click(box('Fourth paper'));
    const set = screen.getByRole('button', { name: 'Set status' });
    set.focus();
    fireEvent.click(set);
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    expect(document.activeElement).toBe(screen.getByRole('rowgroup', { name: 'Papers, scrollable' }));
  });

  it('"Clear selection" of papers a filter hides takes the focus from its now disabled button to the list', async () => {
    renderLibrary(papers);
    await screen.findByText('First paper');
    fireEvent.click(box('Second paper'));
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by tag' }), { target: { value: 'nlp' } });
    await waitFor(() => expect(dataRows()).toHaveLength(1));
    const bar = screen.getByRole('region', { name: 'Selected papers' });
    expect(within(bar).getByText('None of the shown papers selected (1 more not shown, left out)')).toBeTruthy();
    const clear = within(bar).getByRole('button', { name: 'Clear selection' });
    clear.focus();
    fireEvent.click(clear);
    await waitFor(() => expect((clear as HTMLButtonElement).disabled).toBe(true));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('rowgroup', { name: 'Papers, scrollable' })));
  });

  it('a row says it has a note, and what it begins with, to a screen reader too', async () => {
    renderLibrary([makeSaved('arxiv:2607.00010', 'Noted paper', 9000, { note: '\n  Compare with the grokking results.  \nSecond line' })]);
    await screen.findByText('Noted paper');
    expect(screen.getByRole('img', { name: 'Note: Compare with the grokking results.' })).toBeTruthy();
  });

  it("a row shows the arXiv version saved after the title, and a newer one a check found", async () => {
    renderLibrary([makeSaved('arxiv:2607.00011', 'Versioned paper', 9000, {}, { version: 4 }), makeSaved('arxiv:2607.00012', 'Unversioned paper', 8000)], fakeExportModule(), undefined, memoryNotDuplicates(), (api) => {
      api.versions.set('2607.00011', { key: '2607.00011', version: 5, updated: '2026-11-02', checkedAt: 1 });
      api.versions.set('2607.00012', { key: '2607.00012', version: 1, updated: '2026-07-01', checkedAt: 1 });
    });
    const row = (await screen.findByText('Versioned paper')).closest('[role="row"]')!;
    expect(within(row as HTMLElement).getByTitle('arXiv version 4, the one you saved').textContent).toBe(' v4');
    expect((await within(row as HTMLElement).findByTitle('arXiv has v5 of 2 Nov 2026; you saved v4')).textContent).toBe(' v5 out: arXiv has v5 of 2 Nov 2026; you saved v4');
    const other = screen.getByText('Unversioned paper').closest('[role="row"]')!;
    expect(other.querySelector('.version')).toBeNull();
    expect(other.querySelector('.revised')).toBeNull();
  });

  it('a note of 10,000 characters on one line is read out by its beginning, not whole on every visit to the row', async () => {
    const note = `Δ ${'long thought '.repeat(800)}`.slice(0, 10_000);
    renderLibrary([makeSaved('arxiv:2607.00010', 'Noted paper', 9000, { note })]);
    await screen.findByText('Noted paper');
    const mark = screen.getByRole('img', { name: /^Note: Δ long thought/ });
    const name = mark.getAttribute('aria-label')!;
    expect(name.length).toBeLessThanOrEqual(130);
    expect(name.endsWith('…')).toBe(true);
    expect(mark.getAttribute('title')!.length).toBeLessThanOrEqual(1001); // a tooltip, not a screenful
  });

  it('draws the charts with text alternatives', async () => {
    renderLibrary(papers);
    await screen.findByText('First paper');
    const weekly = screen.getByRole('img', { name: /^Papers saved per week/ });
    expect(weekly.querySelector('title')?.textContent).toBe('Papers saved per week');
    expect(weekly.querySelector('desc')?.textContent).toMatch(/saved in the last 26 weeks|No papers saved/);
    expect(screen.getByRole('img', { name: /^Top tags The 2 most used tags/ })).toBeTruthy();
    const statusTable = screen.getByRole('table', { name: 'By status' });
    expect(within(statusTable).getAllByRole('row').map((r) => r.textContent)).toEqual(['StatusPapers', 'To read4', 'Reading0', 'Done1']);
    expect(within(screen.getByRole('table', { name: 'Top tags' })).getByRole('rowheader', { name: 'nlp' })).toBeTruthy();
  });

  it('renders hostile strings as text in the table', async () => {
    const evil = makeSaved('arxiv:2607.00009', '<img src=x onerror=alert(1)>', 9000, { tags: ['<b>'], note: '<script>' }, { url: 'javascript:alert(1)', githubRepos: ['javascript:alert(2)'] });
    evil.savedFrom = 'data:text/html,<script>alert(3)</script>';
    const { container } = renderLibrary([evil]);
    expect(await screen.findByText('<img src=x onerror=alert(1)>')).toBeTruthy();
    expect(container.querySelector('img, script, b')).toBeNull();
    expect([...container.querySelectorAll('a')].every((a) => /^https?:/.test(a.getAttribute('href') ?? ''))).toBe(true);
  });
});

describe('library page that could not read the list', () => {
  it('asks again on Try again, and the focus goes on to the search box', async () => {
    const api = createFakeApi(papers);
    const list = api.list;
    api.list = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    render(<LibraryApp api={api} loadExport={async () => fakeExportModule()} stateOptions={{ drafts: memoryDraftStore(), refreshDelayMs: 0 }} />);
    expect((await screen.findByRole('alert')).textContent).toMatch(/Receiving end does not exist/);
    api.list = list;
    const retry = screen.getByRole('button', { name: 'Try again' });
    retry.focus();
    fireEvent.click(retry);
    expect(await screen.findByText('First paper')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search papers' })));
  });
});

describe('library export', () => {
  let blobs: Blob[];
  let downloads: { href: string; download: string }[];
  beforeEach(() => {
    blobs = [];
    downloads = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return `blob:papershelf/${blobs.length}`;
    });
    URL.revokeObjectURL = vi.fn();
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
      downloads.push({ href: this.href, download: this.download });
    });
  });
  afterEach(() => vi.restoreAllMocks());

  it('exports everything in the chosen format as a download', async () => {
    const { module } = renderLibrary(papers);
    await screen.findByText('First paper');
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'ris' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export 5' }));
    await waitFor(() => expect(downloads).toEqual([{ href: 'blob:papershelf/1', download: 'papershelf-2026-07-01.ris' }]));
    expect(module.exportPapers.mock.calls[0]![0]).toHaveLength(5);
    expect(module.exportPapers.mock.calls[0]![1]).toBe('ris');
    expect(await blobs[0]!.text()).toContain('arxiv:2607.00005');
    expect(screen.getByText('Exported 5 papers to papershelf-2026-07-01.ris.')).toBeTruthy();
  });

  it('exports the selection from the bulk bar', async () => {
    const { module } = renderLibrary(papers);
    await screen.findByText('First paper');
    fireEvent.click(box('Second paper'));
    fireEvent.click(screen.getByRole('button', { name: 'Export selected…' }));
    expect((screen.getByRole('radio', { name: 'Selected (1)' }) as HTMLInputElement).checked).toBe(true);
    expect(document.activeElement).toBe(screen.getByRole('combobox', { name: 'Format' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export 1' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(module.exportPapers.mock.calls[0]![0].map((s) => s.id)).toEqual(['arxiv:2607.00002']);
    expect(module.exportPapers.mock.calls[0]![2]?.library?.map((s) => s.id).sort()).toEqual(papers.map((s) => s.id).sort());
  });

  it('offers what the search and filters show by default while they narrow the list, with All one choice away', async () => {
    const { module } = renderLibrary(papers);
    await screen.findByText('First paper');
    const radio = (name: RegExp) => screen.getByRole('radio', { name }) as HTMLInputElement;
    expect(radio(/^All papers/).checked).toBe(true);
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by tag' }), { target: { value: 'nlp' } });
    expect(radio(/^Shown/).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Export 1' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(module.exportPapers.mock.calls[0]![0].map((s) => s.id)).toEqual(['arxiv:2607.00001']);
    // The reader's own choice stands while the list stays narrowed the same way.
    fireEvent.click(radio(/^All papers/));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'First' } });
    await waitFor(() => expect(radio(/^All papers/).checked).toBe(true));
    // No longer narrowed: All is the default again; narrowed afresh: Shown is.
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: '' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by tag' }), { target: { value: '' } });
    await waitFor(() => expect(radio(/^All papers/).checked).toBe(true));
    fireEvent.input(screen.getByRole('searchbox'), { target: { value: 'Second' } });
    await waitFor(() => expect(radio(/^Shown/).checked).toBe(true));
    expect(screen.getByRole('button', { name: 'Export 1' })).toBeTruthy();
  });

  it('a search of qualifiers alone narrows the table, the count and the export as words do, and says why one asks nothing', async () => {
    const { module } = renderLibrary(papers);
    await screen.findByText('First paper');
    const search = screen.getByRole('searchbox', { name: 'Search papers' });
    fireEvent.input(search, { target: { value: '-status:done -tag:nlp' } });
    await waitFor(() => expect(dataRows().map((row) => row.textContent)).toEqual([expect.stringContaining('Third paper'), expect.stringContaining('Fourth paper'), expect.stringContaining('Fifth paper')]));
    expect(screen.getByText('3 of 5 papers')).toBeTruthy();
    expect((screen.getByRole('radio', { name: /^Shown/ }) as HTMLInputElement).checked).toBe(true);
    fireEvent.click(screen.getByRole('button', { name: 'Export 3' }));
    await waitFor(() => expect(module.exportPapers).toHaveBeenCalledTimes(1));
    expect(module.exportPapers.mock.calls[0]![0].map((s) => s.id)).toEqual(['arxiv:2607.00003', 'arxiv:2607.00004', 'arxiv:2607.00005']);
    fireEvent.input(search, { target: { value: 'has:pdf' } });
    const problems = document.getElementById(search.getAttribute('aria-describedby')!)!;
    await waitFor(() => expect(problems.textContent).toBe('“has:pdf”: has: takes code, note or tags.'));
    expect(problems.hidden).toBe(false);
    expect(dataRows()).toHaveLength(5);
    fireEvent.input(search, { target: { value: 'tag:robotics' } });
    await waitFor(() => expect(screen.getByText(/No papers match/).textContent).toContain('status: (to-read, reading, done)'));
    expect(problems.textContent).toBe('No paper has the tag “robotics”.');
  });

  it('when nothing matches, "Clear search and filters" shows the whole list again and leaves the focus in the search box, as in the popup', async () => {
    renderLibrary(papers);
    const search = (await screen.findByRole('searchbox', { name: 'Search papers' })) as HTMLInputElement;
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by tag' }), { target: { value: 'nlp' } });
    fireEvent.input(search, { target: { value: 'Second' } });
    await screen.findByText(/No papers match/);
    fireEvent.click(screen.getByRole('button', { name: 'Clear search and filters' }));
    await waitFor(() => expect(dataRows()).toHaveLength(5));
    expect(search.value).toBe('');
    expect((screen.getByRole('combobox', { name: 'Filter by tag' }) as HTMLSelectElement).value).toBe('');
    expect(document.activeElement).toBe(search);
  });

  it('names a file of part of the list for that part, so it is never taken for the whole list', async () => {
    renderLibrary(papers, undefined, loadExportModule);
    await screen.findByText('First paper');
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'json' } });
    fireEvent.click(box('Second paper'));
    fireEvent.click(screen.getByRole('button', { name: 'Export selected…' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export 1' }));
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 5000 });
    expect(downloads[0]!.download).toMatch(/^papershelf-backup-\d{4}-\d{2}-\d{2}-1-selected\.json$/);
    fireEvent.change(screen.getByRole('combobox', { name: 'Filter by tag' }), { target: { value: 'nlp' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'bibtex' } });
    fireEvent.click(screen.getByRole('radio', { name: 'Shown (search and filters) (1)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export 1' }));
    await waitFor(() => expect(downloads).toHaveLength(2), { timeout: 5000 });
    expect(downloads[1]!.download).toMatch(/^papershelf-\d{4}-\d{2}-\d{2}-1-shown\.bib$/);
    fireEvent.click(screen.getByRole('radio', { name: 'All papers (5)' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export 5' }));
    await waitFor(() => expect(downloads).toHaveLength(3), { timeout: 5000 });
    expect(downloads[2]!.download).toMatch(/^papershelf-\d{4}-\d{2}-\d{2}\.bib$/);
  });

  it('shows progress and can cancel a long export', async () => {
    const module = fakeExportModule();
    module.exportPapers.mockImplementation(
      (saved, _format, options) =>
        new Promise((_resolve, reject) => {
          options?.onProgress?.(2, saved.length);
          options?.signal?.addEventListener('abort', () => reject(new DOMException('Cancelled', 'AbortError')));
        }),
    );
    renderLibrary(papers, module);
    await screen.findByText('First paper');
    fireEvent.click(screen.getByRole('button', { name: 'Export 5' }));
    const progress = (await screen.findByRole('progressbar', { name: 'Export progress' })) as HTMLProgressElement;
    await waitFor(() => expect(progress.value).toBe(2));
    expect(screen.getByText('2 of 5')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Export cancelled; no file was written.')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
    expect(downloads).toEqual([]);
  });

  it('a running export has the focus on its Cancel (Export is disabled meanwhile), and gives it back to Export after', async () => {
    const module = fakeExportModule();
    module.exportPapers.mockImplementation(
      (_saved, _format, options) =>
        new Promise((_resolve, reject) => options?.signal?.addEventListener('abort', () => reject(new DOMException('Cancelled', 'AbortError')))),
    );
    renderLibrary(papers, module);
    await screen.findByText('First paper');
    const exportButton = screen.getByRole('button', { name: 'Export 5' });
    exportButton.focus();
    fireEvent.click(exportButton);
    const cancel = await screen.findByRole('button', { name: 'Cancel' });
    await waitFor(() => expect(document.activeElement).toBe(cancel));
    fireEvent.click(cancel);
    expect(await screen.findByText('Export cancelled; no file was written.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Export 5' })));
  });

  it('says so when an export fails', async () => {
    const module = fakeExportModule();
    module.exportPapers.mockRejectedValue(new Error('citation-js failed to load'));
    renderLibrary(papers, module);
    await screen.findByText('First paper');
    fireEvent.click(screen.getByRole('button', { name: 'Export 5' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Export failed: citation-js failed to load');
  });

  it('loads the real export code on demand and writes a backup', async () => {
    renderLibrary(papers, undefined, loadExportModule);
    await screen.findByText('First paper');
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export 5' }));
    await waitFor(() => expect(downloads).toHaveLength(1), { timeout: 5000 });
    expect(downloads[0]!.download).toMatch(/^papershelf-backup-\d{4}-\d{2}-\d{2}\.json$/);
    expect(await blobs[0]!.text()).toContain('Fifth paper');
  });
});

describe('library export and import of a list not yet read whole', () => {
  it('waits for the whole list: no export of only the newest papers, no import merged against them', async () => {
    const many = Array.from({ length: 70 }, (_, i) => makeSaved(`arxiv:2601.${String(i).padStart(5, '0')}`, `Paper ${i}`, 10_000 - i));
    const module = fakeExportModule();
    const api = createFakeApi(many);
    const list = api.list;
    api.list = vi.fn(async (limit?: number) => {
      if (limit === undefined) throw new Error('the background stopped'); // the whole list never comes
      return list(limit);
    });
    render(<LibraryApp api={api} loadExport={async () => module} stateOptions={{ drafts: memoryDraftStore(), refreshDelayMs: 0 }} />);
    await screen.findByText('Paper 0');
    await screen.findByText(/Could not reload the list/);
    expect((screen.getByRole('button', { name: 'Export 60' }) as HTMLButtonElement).disabled).toBe(true);
    expect((screen.getByLabelText(/^File/) as HTMLInputElement).disabled).toBe(true);
    expect(screen.getAllByText('Export and import wait until the whole list is read.').length).toBeGreaterThan(0);
    expect(module.exportPapers).not.toHaveBeenCalled();
  });
});

describe('library import', () => {
  const incoming = makeSaved('arxiv:2607.00042', 'Imported paper', 7000);
  const updated = { ...papers[2]!, note: 'from the backup', updatedAt: 9000 };
  function importModule() {
    const module = fakeExportModule();
    module.parseImport.mockResolvedValue({ ok: true, format: 'backup', records: [incoming, updated], skipped: [] });
    module.mergeImportAsync.mockResolvedValue({
      upserts: [incoming, updated],
      summary: {
        added: 1,
        updated: 1,
        skipped: [{ id: '#3', title: 'Broken entry', reason: 'no title' }, { id: '#4', reason: 'duplicate id' }],
        futureDated: [{ id: updated.id, title: updated.paper.title, reason: 'dated 2099-01-01, in the future' }],
      },
    });
    return module;
  }
  const choose = (text = '{}', name = 'backup.json') =>
    fireEvent.change(screen.getByLabelText(/^File/), { target: { files: [new File([text], name, { type: 'application/json' })] } });

  it('shows what an import would change, then writes it in one transaction', async () => {
    const module = importModule();
    const { api } = renderLibrary(papers, module);
    await screen.findByText('First paper');
    choose('{"format":"papershelf-backup"}');
    expect(await screen.findByText(/1 to add, 1 to update, 2 skipped/, { selector: '.import-summary p' })).toBeTruthy();
    expect(module.parseImport).toHaveBeenCalledWith('{"format":"papershelf-backup"}', 'backup.json', expect.anything());
    expect(screen.getByText('no title')).toBeTruthy();
    expect(screen.getByText('Broken entry:')).toBeTruthy();
    expect(screen.getByText('#4:')).toBeTruthy();
    expect(screen.getByText('1 entry is dated in the future, so not taken as the newest edit')).toBeTruthy();
    expect(screen.getByText('dated 2099-01-01, in the future')).toBeTruthy();
    expect(api.putMany).not.toHaveBeenCalled(); // nothing is written before the user says so
    // Read out, not only drawn: the file was read, and what importing it would do.
    const live = document.querySelector('[aria-live="polite"][aria-atomic="true"]')!;
    await waitFor(() => expect(live.textContent).toBe('Read backup.json: 1 to add, 1 to update, 2 skipped. Nothing is written until you press Import.'));
    fireEvent.click(screen.getByRole('button', { name: 'Import 2 papers' }));
    expect(await screen.findByText('Imported 2 papers from backup.json.')).toBeTruthy();
    expect(api.putMany).toHaveBeenCalledWith([incoming, updated]);
    expect(await screen.findByText('Imported paper')).toBeTruthy();
  });

  it('says the papers were imported when the write committed but its answer was lost (the background stopped before it answered)', async () => {
    const { api } = renderLibrary(papers, importModule());
    await screen.findByText('First paper');
    const write = vi.mocked(api.putMany).getMockImplementation()!;
    vi.mocked(api.putMany).mockImplementationOnce(async (records) => {
      await write(records);
      throw new Error('The message port closed before a response was received.');
    });
    choose();
    fireEvent.click(await screen.findByRole('button', { name: 'Import 2 papers' }));
    expect(await screen.findByText('Imported 2 papers from backup.json.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(await screen.findByText('Imported paper')).toBeTruthy();
  });

  it('leaves the list unchanged and says so when the write fails', async () => {
    const { api } = renderLibrary(papers, importModule());
    await screen.findByText('First paper');
    api.failPutMany = new Error('ConstraintError: the transaction was aborted');
    choose();
    fireEvent.click(await screen.findByRole('button', { name: 'Import 2 papers' }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Import failed: ConstraintError: the transaction was aborted. Nothing was imported; your list is unchanged.');
    expect(screen.queryByText('Imported paper')).toBeNull();
    expect(dataRows()).toHaveLength(5);
    expect(api.papers.map((p) => p.id)).toEqual(papers.map((p) => p.id));
    expect(api.papers.find((p) => p.id === updated.id)!.note).toBe('');
  });

  it('merges the file again when the import is applied: an edit made after the preview is not undone', async () => {
    const { api } = renderLibrary(papers, undefined, loadExportModule);
    await screen.findByText('First paper');
    // A backup holding the third paper as it was edited at 3,500 (after the list's 3,000), with a tag.
    const backup = { ...papers[2]!, tags: ['from-backup'], updatedAt: 3500 };
    choose(JSON.stringify({ format: 'papershelf-backup', version: 1, exportedAt: '2026-07-01T00:00:00.000Z', papers: [backup] }));
    expect(await screen.findByText(/0 to add, 1 to update, 0 skipped/, { selector: '.import-summary p' }, { timeout: 5000 })).toBeTruthy();
    // Meanwhile the reader marks it done in the popup: an edit newer than the file's.
    await api.edit(papers[2]!.id, { status: 'done' });
    api.emit({ type: 'changed', id: papers[2]!.id, aliases: [], state: { status: 'done', tags: [] } });
    await waitFor(() => expect((screen.getByRole('combobox', { name: 'Status of “Third paper”' }) as HTMLSelectElement).value).toBe('done'));
    fireEvent.click(screen.getByRole('button', { name: 'Import 1 paper' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Import 1 paper' })).toBeNull(), { timeout: 5000 });
    expect(api.papers.find((p) => p.id === papers[2]!.id)!.status).toBe('done');
    expect(screen.getByText('Nothing imported from backup.json: the list has changed since, and now holds all it had.')).toBeTruthy();
  });

  it('a long read of a file can be cancelled, and nothing is imported', async () => {
    const module = fakeExportModule();
    module.parseImport.mockImplementation(
      (_text, _name, options) =>
        new Promise((_resolve, reject) => {
          options?.onProgress?.(250, 10_000);
          options?.signal?.addEventListener('abort', () => reject(new DOMException('Cancelled', 'AbortError')));
        }),
    );
    const { api } = renderLibrary(papers, module);
    await screen.findByText('First paper');
    choose();
    expect(await screen.findByText('Checking 250 of 10,000 records…')).toBeTruthy();
    screen.getByRole('button', { name: 'Cancel' }).focus();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(await screen.findByText('Import cancelled; nothing was imported.')).toBeTruthy();
    expect(screen.queryByText(/Checking/)).toBeNull();
    expect((screen.getByLabelText(/^File/) as HTMLInputElement).disabled).toBe(false);
    await waitFor(() => expect(document.activeElement).toBe(screen.getByLabelText(/^File/))); // not the page, with Cancel gone
    expect(screen.queryByRole('alert')).toBeNull();
    expect(api.putMany).not.toHaveBeenCalled();
  });

  it('the import buttons that go when pressed leave the focus on the file input, not the page', async () => {
    renderLibrary(papers, importModule());
    await screen.findByText('First paper');
    const file = () => screen.getByLabelText(/^File/);
    const press = (button: HTMLElement) => {
      button.focus();
      fireEvent.click(button);
    };
    // The preview's Cancel.
    choose();
    press(await screen.findByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Import 2 papers' })).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(file()));
    // Import: the preview goes once the papers are written.
    choose();
    press(await screen.findByRole('button', { name: 'Import 2 papers' }));
    expect(await screen.findByText('Imported 2 papers from backup.json.')).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(file()));
  });

  it('refuses a file over the import limit by its size, without reading it into the page', async () => {
    const module = fakeExportModule();
    const { api } = renderLibrary(papers, module);
    await screen.findByText('First paper');
    const huge = new File(['[]'], 'video.json', { type: 'application/json' });
    Object.defineProperty(huge, 'size', { value: 3 * 1024 ** 3 }); // a 3 GB file picked by mistake
    const text = vi.spyOn(huge, 'text');
    const bytes = vi.spyOn(huge, 'arrayBuffer');
    fireEvent.change(screen.getByLabelText(/^File/), { target: { files: [huge] } });
    expect((await screen.findByRole('alert')).textContent).toBe(
      'Could not import video.json: The file is larger than the 50 MB import limit. Nothing was imported.',
    );
    expect(text).not.toHaveBeenCalled();
    expect(bytes).not.toHaveBeenCalled();
    expect(module.parseImport).not.toHaveBeenCalled();
    expect(api.putMany).not.toHaveBeenCalled();
    expect((screen.getByLabelText(/^File/) as HTMLInputElement).disabled).toBe(false);
  });

  it('reports a file it cannot read', async () => {
    const module = fakeExportModule();
    module.parseImport.mockResolvedValue({ ok: false, error: 'The file is not valid JSON. Nothing was imported.' });
    const { api } = renderLibrary(papers, module);
    await screen.findByText('First paper');
    choose('{oops', 'broken.json');
    expect((await screen.findByRole('alert')).textContent).toBe('Could not import broken.json: The file is not valid JSON. Nothing was imported.');
    expect(api.putMany).not.toHaveBeenCalled();
  });

  it('reads a Latin-1 or UTF-16 file as its letters: Müller is not M\uFFFDller, nor a file refused as binary', async () => {
    const module = fakeExportModule();
    renderLibrary(papers, module);
    await screen.findByText('First paper');
    const bib = '@article{m, title={Caf\u00e9}, author={M\u00fcller, J\u00f6rg}}';
    const latin1 = Uint8Array.from([...bib].map((c) => c.charCodeAt(0)));
    const utf16 = Uint8Array.from([0xff, 0xfe, ...[...bib].flatMap((c) => [c.charCodeAt(0), 0])]);
    for (const [bytes, name] of [[latin1, 'jabref.bib'], [utf16, 'windows.bib']] as const) {
      module.parseImport.mockClear();
      fireEvent.change(screen.getByLabelText(/^File/), { target: { files: [new File([bytes], name)] } });
      await waitFor(() => expect(module.parseImport).toHaveBeenCalledWith(bib, name, expect.anything()));
      await waitFor(() => expect((screen.getByLabelText(/^File/) as HTMLInputElement).disabled).toBe(false));
    }
  });
});

describe('library duplicates', () => {
  // One CVPR paper as stop 37's build saved it twice: from its CVF page, and from dblp under its IEEE DOI.
  const TITLE = 'Rethinking Attention for Dense Prediction';
  const CVF = 'cvf:CVPR2024/html/Lovelace_Rethinking_Attention_CVPR_2024_paper';
  const DOI = 'doi:10.1109/cvpr52733.2024.00123';
  const copies = [
    makeSaved(CVF, TITLE, 3000, { status: 'reading', tags: ['vision'], note: 'from the CVF page' }),
    makeSaved(DOI, 'Rethinking attention for dense prediction.', 6000, { tags: ['Vision', 'cvpr'], note: '<img src=x onerror=alert(1)>' }),
    makeSaved('arxiv:2607.00001', 'First paper', 5000),
  ];
  const titles = () => dataRows().map((row) => row.querySelector('.title-cell a')?.textContent);
  const open = async () => {
    fireEvent.click(await screen.findByRole('button', { name: 'Duplicates (1)' }));
    return screen.getByRole('region', { name: 'Possible duplicates' });
  };

  it('offers no duplicates when there are none', async () => {
    renderLibrary(papers);
    await screen.findByText('First paper');
    await import('../../core/duplicates'); // what the page loads to find them
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: /^Duplicates/ })).toBeNull();
  });

  it('lists each group with every copy, the DOI kept by default, and merges into the copy chosen, with undo', async () => {
    const { api } = renderLibrary(copies);
    await screen.findByText('First paper');
    const toggle = await screen.findByRole('button', { name: 'Duplicates (1)' });
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    const panel = await open();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    const keepDoi = within(panel).getByRole('radio', { name: `Keep ${DOI}` }) as HTMLInputElement;
    const keepCvf = within(panel).getByRole('radio', { name: `Keep ${CVF}` }) as HTMLInputElement;
    expect([keepDoi.checked, keepCvf.checked]).toEqual([true, false]);
    // Each copy's status, tags, note and save date; the note's markup is text.
    expect(panel.textContent).toContain('Reading · vision · saved');
    expect(panel.textContent).toContain('Note: <img src=x onerror=alert(1)>');
    expect(panel.querySelector('img')).toBeNull();
    // The group's title is isolated from "“…”: 2 copies" (an Arabic or Hebrew one would take the colon and count in).
    expect(panel.querySelector('legend bdi')?.textContent).toMatch(/^Rethinking attention for dense prediction\.?$/i);

    fireEvent.click(keepCvf);
    const merge = within(panel).getByRole('button', { name: `Merge 2 copies of “${TITLE}” into ${CVF}` });
    merge.focus();
    fireEvent.click(merge);
    await waitFor(() => expect(api.merge).toHaveBeenCalledTimes(1));
    expect(vi.mocked(api.merge).mock.calls[0]).toEqual([{ id: CVF, updatedAt: 3000 }, [{ id: DOI, updatedAt: 6000 }]]);
    await waitFor(() => expect(titles()).toEqual(['First paper', TITLE]));
    expect(screen.queryByRole('button', { name: /^Duplicates/ })).toBeNull();
    const merged = api.papers.find((p) => p.id === CVF)!;
    expect(merged).toMatchObject({ status: 'reading', tags: ['vision', 'cvpr'], savedAt: 3000 });
    expect(merged.paper.aliases).toContain(DOI);
    // The panel went, its button with it: the focus goes to the table.
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('rowgroup', { name: 'Papers, scrollable' })));

    const snackbar = screen.getByText(wholeText(`Merged 2 copies of “${TITLE}”.`)).closest<HTMLElement>('[role="status"]')!;
    fireEvent.click(within(snackbar).getByRole('button', { name: 'Undo' }));
    await waitFor(() => expect(api.unmerge).toHaveBeenCalledTimes(1));
    expect(vi.mocked(api.unmerge).mock.calls[0]).toEqual([{ id: CVF, updatedAt: merged.updatedAt }, [copies[0], copies[1]]]);
    await waitFor(() => expect(titles()).toEqual(['Rethinking attention for dense prediction.', 'First paper', TITLE]));
    expect(api.papers.find((p) => p.id === CVF)).toEqual(copies[0]);
    expect(await screen.findByRole('button', { name: 'Duplicates (1)' })).toBeTruthy();
  });

  it('"Not the same paper" leaves a group apart for good: not offered again, on this page or the next', async () => {
    const { api, notDuplicates, unmount } = renderLibrary(copies);
    await screen.findByText('First paper');
    const panel = await open();
    const apart = within(panel).getByRole('button', { name: 'Not the same paper: leave the 2 copies of “Rethinking attention for dense prediction.” apart' });
    apart.focus();
    fireEvent.click(apart);
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Duplicates/ })).toBeNull());
    expect(screen.queryByRole('region', { name: 'Possible duplicates' })).toBeNull();
    expect(api.merge).not.toHaveBeenCalled();
    expect(titles()).toHaveLength(3); // both copies stay, as they were
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('rowgroup', { name: 'Papers, scrollable' })));
    unmount();
    // The library opened again (the same store): still apart. A third copy saved since is news: offered again.
    renderLibrary(copies, undefined, undefined, notDuplicates);
    await screen.findByText('First paper');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(screen.queryByRole('button', { name: /^Duplicates/ })).toBeNull();
    cleanup();
    renderLibrary([...copies, makeSaved('dblp:conf/cvpr/Lovelace24', TITLE, 7000)], undefined, undefined, notDuplicates);
    expect(await screen.findByRole('button', { name: 'Duplicates (1)' })).toBeTruthy();
  });

  it('a backup keeps the groups left apart, and importing it into another profile leaves them apart there', async () => {
    const here = memoryNotDuplicates();
    here.add(groupKey([CVF, DOI]));
    const { module } = renderLibrary(copies, undefined, undefined, here);
    await screen.findByText('First paper');
    fireEvent.change(screen.getByRole('combobox', { name: 'Format' }), { target: { value: 'json' } });
    fireEvent.click(screen.getByRole('button', { name: 'Export 3' }));
    await waitFor(() => expect(module.exportPapers).toHaveBeenCalledTimes(1));
    expect([...(module.exportPapers.mock.calls[0]![2]?.notDuplicates ?? [])]).toEqual([[CVF, DOI].sort()]);
    cleanup();

    // Another profile: the two copies are offered as duplicates until the backup's decision comes in with it.
    const importing = fakeExportModule();
    importing.parseImport.mockResolvedValue({ ok: true, format: 'backup', records: copies, skipped: [], notDuplicates: [[CVF, DOI].sort()] });
    importing.mergeImportAsync.mockResolvedValue({ upserts: [copies[2]!], summary: { added: 1, updated: 0, skipped: [], futureDated: [] } });
    const there = memoryNotDuplicates();
    renderLibrary(copies.slice(0, 2), importing, undefined, there);
    expect(await screen.findByRole('button', { name: 'Duplicates (1)' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^File/), { target: { files: [new File(['{}'], 'backup.json', { type: 'application/json' })] } });
    fireEvent.click(await screen.findByRole('button', { name: 'Import 1 paper' }));
    expect(await screen.findByText('Imported 1 paper from backup.json.')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('button', { name: /^Duplicates/ })).toBeNull());
    expect([...there.read()]).toEqual([groupKey([CVF, DOI])]);
  });

  it('a group merged while others are left puts the focus on the list of groups, not the page', async () => {
    const more = [...copies, makeSaved('import:a', 'Another Paper Saved Twice Here', 100, {}, { authors: [] }), makeSaved('import:b', 'Another paper saved twice here', 200, {}, { authors: [] })];
    renderLibrary(more);
    fireEvent.click(await screen.findByRole('button', { name: 'Duplicates (2)' }));
    const merge = screen.getByRole('button', { name: /^Merge 2 copies of “Another/ });
    merge.focus();
    fireEvent.click(merge);
    await screen.findByRole('button', { name: 'Duplicates (1)' });
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('heading', { name: 'Possible duplicates' })));
  });

  it('says why a merge was refused (a copy changed in another tab) and keeps both', async () => {
    const { api } = renderLibrary(copies);
    await screen.findByText('First paper');
    const panel = await open();
    api.papers = api.papers.map((p) => (p.id === CVF ? { ...p, note: 'edited elsewhere', updatedAt: 9000 } : p)); // its notice not yet here
    fireEvent.click(within(panel).getByRole('button', { name: /^Merge 2 copies/ }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Could not merge: .*changed since it was shown/);
    expect(api.papers.map((p) => p.id).sort()).toEqual(['arxiv:2607.00001', CVF, DOI].sort());
    expect(titles()).toHaveLength(3);
  });

  it('an undo refused because the merged paper was edited since is not offered again', async () => {
    const { api } = renderLibrary(copies);
    await screen.findByText('First paper');
    fireEvent.click(within(await open()).getByRole('button', { name: /^Merge 2 copies/ }));
    await waitFor(() => expect(titles()).toHaveLength(2));
    api.papers = api.papers.map((p) => (p.id === DOI ? { ...p, status: 'done', updatedAt: p.updatedAt + 1 } : p)); // edited in another tab
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect((await screen.findByRole('alert')).textContent).toMatch(/^Could not undo: /);
    expect(screen.queryByRole('button', { name: 'Undo' })).toBeNull();
    expect(api.papers).toHaveLength(2);
  });
});

describe('library page: followed authors', () => {
  it('"Followed authors (N)" narrows the table to the papers by an author the reader follows, however the paper writes them', async () => {
    const list = [
      makeSaved('arxiv:2607.00011', 'By LeCun', 3000, {}, { authors: ['Y. LeCun'] }),
      makeSaved('arxiv:2607.00012', 'By Hinton', 2000, {}, { authors: ['Geoffrey E. Hinton', 'Ada Lovelace'] }),
      makeSaved('arxiv:2607.00013', 'By neither', 1000, {}, { authors: ['Yves LeCun'] }),
    ];
    renderLibrary(list, undefined, undefined, undefined, (api) => void (api.followed = ['Yann LeCun', 'GE Hinton']));
    fireEvent.click(await screen.findByRole('checkbox', { name: 'Followed authors (2)' }));
    await waitFor(() => expect(dataRows()).toHaveLength(2));
    expect(screen.queryByText('By neither')).toBeNull();
    expect(screen.getByText('By LeCun')).toBeTruthy();
    expect(screen.getByText('By Hinton')).toBeTruthy();
    // Each row by a followed author is marked, named in full for the hover and for screen readers.
    const mark = (title: string) => screen.getByText(title).closest('[role="row"]')!.querySelector('.followed');
    expect(mark('By LeCun')?.getAttribute('aria-label')).toBe('By Yann LeCun, whom you follow');
    expect(mark('By Hinton')?.getAttribute('title')).toBe('By GE Hinton, whom you follow');
    fireEvent.click(screen.getByRole('checkbox', { name: 'Followed authors (2)' }));
    await waitFor(() => expect(dataRows()).toHaveLength(3));
    expect(mark('By neither')).toBeNull();
  });
});

describe('library page: author lists cut short', () => {
  it('ends the authors of a list its source cut without a count (authorsCut) with "et al."', async () => {
    renderLibrary([
      makeSaved('scholar:x6BpcW0wpHwJ', 'Cut Short', 2000, {}, { authors: ['AA Salema', 'YK Yeow'], authorsCut: true }),
      makeSaved('scholar:mujFXSHytcgJ', 'Whole', 1000, {}, { authors: ['X Fan', 'B Li'] }),
    ]);
    const cell = async (title: string) => within((await screen.findByText(title)).closest('[role="row"]') as HTMLElement);
    expect((await cell('Cut Short')).getByText('AA Salema, YK Yeow et al.')).toBeTruthy();
    expect((await cell('Whole')).getByText('X Fan, B Li')).toBeTruthy();
  });
});
