// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TabPaperView } from '../api';
import { makeSaved } from '../fake-api';
import { renderPopup } from './render-popup';

afterEach(cleanup);

const PDF: TabPaperView = {
  url: 'https://arxiv.org/pdf/2606.41234v2',
  id: 'arxiv:2606.41234',
  label: 'arXiv:2606.41234',
  origins: ['https://export.arxiv.org/api/query*'],
  missing: ['https://export.arxiv.org/api/query*'],
  state: null,
};
const region = () => screen.getByRole('region', { name: "This tab's paper" });

describe("popup: the paper the reader's tab shows", () => {
  it('is not there when the tab shows no paper', async () => {
    const { api } = renderPopup([makeSaved('arxiv:2607.00001', 'Only paper', 1000)]);
    await screen.findByText('Only paper');
    await waitFor(() => expect(api.tabPaper).toHaveBeenCalled());
    expect(screen.queryByRole('region', { name: "This tab's paper" })).toBeNull();
  });

  it('an unsaved PDF: one click saves it, the list shows it, the line says so and takes the focus', async () => {
    const { api } = renderPopup([], { tab: PDF });
    api.tabSave = { title: 'Sparse Routing for Long-Context Retrieval' };
    expect(await screen.findByText('arXiv:2606.41234')).toBeTruthy();
    const save = within(region()).getByRole('button', { name: 'Save to reading list' });
    save.focus();
    fireEvent.click(save);
    fireEvent.click(save); // a double click saves once
    expect(save.getAttribute('aria-disabled')).toBe('true');
    expect(save.textContent).toBe('Saving…');
    await waitFor(() => expect(within(region()).getByText('In your reading list: to read.')).toBeTruthy());
    expect(api.saveTabPaper).toHaveBeenCalledTimes(1);
    expect(api.saveTabPaper).toHaveBeenCalledWith(PDF);
    expect(within(region()).getByText('Sparse Routing for Long-Context Retrieval')).toBeTruthy();
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Reading list' })).getByText('Sparse Routing for Long-Context Retrieval')).toBeTruthy());
    expect(document.activeElement?.textContent).toBe('In your reading list: to read.');
    expect(within(region()).queryByRole('button', { name: 'Save to reading list' })).toBeNull();
  });

  it('an unsaved paper is named by the title and authors its save will read, once read, and by its id until then', async () => {
    const tab = { ...PDF, missing: [] };
    let answer!: (preview: { title: string; authors: string[]; authorCount: number }) => void;
    const { api } = renderPopup([], { tab });
    api.tabPreview = new Promise((resolve) => (answer = resolve));
    await screen.findByRole('region', { name: "This tab's paper" });
    expect(within(region()).getByText('arXiv:2606.41234')).toBeTruthy();
    await waitFor(() => expect(api.previewTabPaper).toHaveBeenCalledWith(tab));
    answer({ title: '<b>Sparse</b> Routing', authors: ['Ada Lovelace', 'Alan Turing', 'Grace Hopper'], authorCount: 7 });
    await waitFor(() => expect(within(region()).getByText('<b>Sparse</b> Routing')).toBeTruthy()); // as text
    expect(region().querySelector('b')).toBeNull();
    expect(within(region()).getByText('Ada Lovelace, Alan Turing, Grace Hopper et al.')).toBeTruthy();
    api.emit(); // a change elsewhere: the tab's state is read again, its name is not
    await waitFor(() => expect(api.tabPaper).toHaveBeenCalledTimes(2));
    expect(api.previewTabPaper).toHaveBeenCalledTimes(1);
    expect(within(region()).getByText('<b>Sparse</b> Routing')).toBeTruthy();

    // Saved, it is the record's title, without the authors' line.
    api.tabSave = { title: 'Sparse Routing, as Saved' };
    fireEvent.click(within(region()).getByRole('button', { name: 'Save to reading list' }));
    await waitFor(() => expect(within(region()).getByText('Sparse Routing, as Saved')).toBeTruthy());
    expect(within(region()).queryByText('Ada Lovelace, Alan Turing, Grace Hopper et al.')).toBeNull();
  });

  it('keeps the id when its name cannot be read (a host to ask for first, the sources down)', async () => {
    const { api } = renderPopup([], { tab: PDF });
    vi.mocked(api.previewTabPaper).mockRejectedValue(new Error('offline'));
    await waitFor(() => expect(api.previewTabPaper).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(within(region()).getByText('arXiv:2606.41234')).toBeTruthy();
    expect(within(region()).queryByRole('alert')).toBeNull();
    expect(within(region()).getByRole('button', { name: 'Save to reading list' })).toBeTruthy();
  });

  it('a paper saved under another id shows saved, with the title the list has for it, no Save, and its BibTeX to copy', async () => {
    const record = makeSaved('doi:10.1145/3292500.3330701', 'The Journal Version', 1000, { status: 'reading' }, { aliases: ['arxiv:2606.41234'] });
    const writeText = vi.fn(async (_text: string) => {});
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    try {
      renderPopup([record], { tab: PDF });
      await waitFor(() => expect(within(region()).getByText('The Journal Version')).toBeTruthy());
      expect(within(region()).getByText('In your reading list: reading.')).toBeTruthy();
      expect(within(region()).getAllByRole('button').map((b) => b.getAttribute('aria-label'))).toEqual(['Copy BibTeX of “The Journal Version”']);
      // The reader on the PDF, writing: the entry of the record the list holds (its DOI, the id it is saved under).
      fireEvent.click(within(region()).getByRole('button', { name: 'Copy BibTeX of “The Journal Version”' }));
      await waitFor(() => expect(within(region()).getByText('BibTeX copied.')).toBeTruthy(), { timeout: 5000 });
      expect(writeText.mock.calls[0]![0]).toContain('doi = {10.1145/3292500.3330701}');
    } finally {
      Reflect.deleteProperty(navigator, 'clipboard');
    }
  });

  it('a PDF of a newer version than the one saved says so, and "Seen" makes it the version the list keeps', async () => {
    const { api } = renderPopup([makeSaved('arxiv:2606.41234', 'Sparse Routing', 1000, { status: 'reading' }, { version: 1 })], { tab: { ...PDF, url: 'https://arxiv.org/pdf/2606.41234v3', version: 3, missing: [] } });
    const line = await within(await screen.findByRole('region', { name: "This tab's paper" })).findByText(/^Its address names v3; you saved v1\./);
    fireEvent.click(within(line).getByRole('button', { name: 'Seen: v3 of “Sparse Routing”' }));
    await waitFor(() => expect(within(region()).queryByText(/Its address names/)).toBeNull());
    expect(api.papers[0]!.paper.version).toBe(3);
    await waitFor(() => expect(document.activeElement?.textContent).toBe('In your reading list: reading.'));
  });

  it('a PDF of the version saved, or an older one, or of no version, says nothing of versions', async () => {
    for (const [url, version] of [['https://arxiv.org/pdf/2606.41234v2', 2], ['https://arxiv.org/pdf/2606.41234v1', 1], ['https://arxiv.org/pdf/2606.41234', undefined]] as const) {
      renderPopup([makeSaved('arxiv:2606.41234', 'Sparse Routing', 1000, {}, { version: 2 })], { tab: { ...PDF, url, ...(version ? { version } : {}), missing: [] } });
      await within(await screen.findByRole('region', { name: "This tab's paper" })).findByText('In your reading list: to read.');
      expect(within(region()).queryByText(/Its address names/)).toBeNull();
      cleanup();
    }
  });

  it('follows the list: removed in the popup, the tab offers Save again', async () => {
    const { api } = renderPopup([makeSaved('arxiv:2606.41234', 'Sparse Routing', 1000)], { tab: PDF });
    await waitFor(() => expect(within(region()).getByText('In your reading list: to read.')).toBeTruthy());
    await api.remove('arxiv:2606.41234'); // as from the list below, or another tab
    await waitFor(() => expect(within(region()).getByRole('button', { name: 'Save to reading list' })).toBeTruthy());
    expect(within(region()).getByText('arXiv:2606.41234')).toBeTruthy();
  });

  it('a save that fails says why, and the button is there to try again', async () => {
    const { api } = renderPopup([], { tab: PDF });
    api.tabSave = Object.assign(new Error('Storage is full: free some space, then try again'), { name: 'QuotaExceededError' });
    fireEvent.click(await screen.findByRole('button', { name: 'Save to reading list' }));
    expect((await within(region()).findByRole('alert')).textContent).toBe("Could not save this tab's paper: Storage is full: free some space, then try again");
    const again = within(region()).getByRole('button', { name: 'Save to reading list' });
    expect(again.hasAttribute('aria-disabled')).toBe(false);
    api.tabSave = { title: 'Sparse Routing' };
    fireEvent.click(again);
    await waitFor(() => expect(within(region()).getByText('In your reading list: to read.')).toBeTruthy());
    expect(within(region()).queryByRole('alert')).toBeNull();
  });

  it('renders a hostile title as text', async () => {
    const record = makeSaved('arxiv:2606.41234', '<img src=x onerror=alert(1)>', 1000);
    const { container } = renderPopup([record], { tab: PDF });
    await waitFor(() => expect(within(region()).getByText('<img src=x onerror=alert(1)>')).toBeTruthy());
    expect(container.querySelector('img')).toBeNull();
  });
});
