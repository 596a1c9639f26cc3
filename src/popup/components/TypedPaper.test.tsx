// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import type { TabPaperView } from '../api';
import { makeSaved } from '../fake-api';
import { renderPopup } from './render-popup';

afterEach(cleanup);

const ABS = 'https://arxiv.org/abs/2606.41234';
const TYPED: TabPaperView = { url: ABS, id: 'arxiv:2606.41234', label: 'arXiv:2606.41234', origins: [], missing: [], state: null };
const LIST = [makeSaved('arxiv:2607.00001', 'Already Saved', 1000)];
const name = 'The paper you typed';

async function typeInSearch(text: string) {
  const box = await screen.findByRole('searchbox', { name: 'Search papers' });
  fireEvent.input(box, { target: { value: text } });
}

describe('popup: a paper typed or pasted in the search box', () => {
  it('an arXiv id not in the list: named, saved in one click, then in the list', async () => {
    const { api } = renderPopup(LIST);
    api.typed.set(ABS, TYPED);
    api.tabSave = { title: 'Sparse Routing for Long-Context Retrieval' };
    await typeInSearch(' arXiv:2606.41234 ');
    const region = await screen.findByRole('region', { name });
    expect(api.typedPaper).toHaveBeenLastCalledWith(ABS);
    expect(within(region).getByText('arXiv:2606.41234')).toBeTruthy();
    expect(screen.getByText(/No papers match/)).toBeTruthy(); // the search itself finds nothing yet
    fireEvent.click(within(region).getByRole('button', { name: 'Save to reading list' }));
    await waitFor(() => expect(within(screen.getByRole('region', { name })).getByText('In your reading list: to read.')).toBeTruthy());
    expect(api.saveTabPaper).toHaveBeenCalledWith(TYPED);
    expect(api.papers.map((p) => [p.id, p.savedFrom])).toContainEqual(['arxiv:2606.41234', ABS]);
    // The search now finds it too.
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Reading list' })).getByText('Sparse Routing for Long-Context Retrieval')).toBeTruthy());
  });

  it('Enter in the search box saves it, once; with words, or once it is saved, Enter saves nothing', async () => {
    const { api } = renderPopup(LIST);
    api.typed.set(ABS, TYPED);
    const box = await screen.findByRole('searchbox', { name: 'Search papers' });
    box.focus();
    fireEvent.input(box, { target: { value: 'sparse' } });
    fireEvent.keyDown(box, { key: 'Enter' });
    fireEvent.input(box, { target: { value: '2606.41234' } });
    await screen.findByRole('region', { name });
    fireEvent.keyDown(box, { key: 'Enter' });
    fireEvent.keyDown(box, { key: 'Enter' }); // pressed twice while it saves
    await waitFor(() => expect(within(screen.getByRole('region', { name })).getByText('In your reading list: to read.')).toBeTruthy());
    expect(document.activeElement).toBe(box); // the focus stays where the reader types
    fireEvent.keyDown(box, { key: 'Enter' });
    expect(api.saveTabPaper).toHaveBeenCalledTimes(1);
    expect(api.saveTabPaper).toHaveBeenCalledWith(TYPED);
  });

  it('a paper already saved (under another id): says so, with the title the list has, and offers no Save', async () => {
    const record = makeSaved('doi:10.1145/3292500.3330701', 'The Journal Version', 1000, { status: 'reading' }, { aliases: ['arxiv:2606.41234'] });
    const { api } = renderPopup([record]);
    api.typed.set(ABS, TYPED);
    await typeInSearch('https://arxiv.org/abs/2606.41234');
    expect(api.typedPaper).toHaveBeenLastCalledWith(ABS);
    const region = await screen.findByRole('region', { name });
    await waitFor(() => expect(within(region).getByText('The Journal Version')).toBeTruthy());
    expect(within(region).getByText('In your reading list: reading.')).toBeTruthy();
    expect(within(region).queryByRole('button', { name: 'Save to reading list' })).toBeNull();
    // And the list shows it: the search finds the paper by the id the address names, here one of its aliases.
    expect(within(screen.getByRole('list', { name: 'Reading list' })).getByText('The Journal Version')).toBeTruthy();
  });

  it("the list shows the saved paper an address names (any version, its Hugging Face page, its DOI's link), and words still search words", async () => {
    const other = makeSaved('arxiv:2607.00002', 'Linear attention', 2000, {}, { abstract: 'We compare with arxiv.org abs pages.' });
    renderPopup([makeSaved('arxiv:2607.00001', 'Already Saved', 1000, {}, { doi: '10.1145/3580305.3599256' }), other]);
    const shown = () => within(screen.getByRole('list', { name: 'Reading list' })).getAllByRole('link', { name: /./ }).filter((a) => a.classList.contains('title')).map((a) => a.textContent);
    for (const text of ['https://arxiv.org/abs/2607.00001v2', 'https://huggingface.co/papers/2607.00001', 'https://doi.org/10.1145/3580305.3599256', 'arXiv:2607.00001v3']) {
      await typeInSearch(text);
      await waitFor(() => expect(shown()).toEqual(['Already Saved']));
    }
    // A reference or BibTeX entry pasted whole, its quoted title and authors as it wrote them (no phrase of the paper's
    // own fields): the paper it names all the same.
    for (const text of [
      'A. Okafor and B. Lee, "Already saved: a preprint," arXiv:2607.00001, 2026.',
      '@article{okafor2026, title = "Already Saved", author = "Okafor, Ada and Lee, Bo", eprint = "2607.00001", archivePrefix = "arXiv"}',
    ]) {
      await typeInSearch(text);
      await waitFor(() => expect(shown()).toEqual(['Already Saved']));
    }
    await typeInSearch('linear');
    await waitFor(() => expect(shown()).toEqual(['Linear attention']));
    await typeInSearch('https://arxiv.org/abs/2607.00009'); // a paper not saved: its address finds none of the list
    await screen.findByText(/No papers match/);
  });

  it('nothing for words, nor for an address that names no paper; each address its own', async () => {
    const { api } = renderPopup(LIST);
    api.typed.set(ABS, TYPED);
    await typeInSearch('sparse routing');
    await screen.findByText(/No papers match/);
    expect(api.typedPaper).not.toHaveBeenCalled();
    await typeInSearch('https://arxiv.org/list/cs.LG/new');
    await waitFor(() => expect(api.typedPaper).toHaveBeenLastCalledWith('https://arxiv.org/list/cs.LG/new'));
    expect(screen.queryByRole('region', { name })).toBeNull();
    await typeInSearch('2606.41234');
    await screen.findByRole('region', { name });
    await typeInSearch('2606.4123'); // an id being corrected: not a paper while it is no id
    await waitFor(() => expect(screen.queryByRole('region', { name })).toBeNull());
    await typeInSearch('Sparse Routing. arXiv:2606.41234 [cs.LG]'); // a reference pasted whole
    await screen.findByRole('region', { name });
    expect(api.typedPaper).toHaveBeenLastCalledWith(ABS);
    await typeInSearch('2606.41234 2606.41235'); // two papers: the library's list takes them
    await waitFor(() => expect(screen.queryByRole('region', { name })).toBeNull());
    // arXiv's "Cite as" copied whole: one paper named three times, shown by its first address
    await typeInSearch('arXiv:2606.41234 [cs.LG]\n(or arXiv:2606.41234v2 [cs.LG] for this version)\nhttps://doi.org/10.48550/arXiv.2606.41234');
    await screen.findByRole('region', { name });
    expect(api.typedPaper).toHaveBeenLastCalledWith(ABS);
  });
});

describe('popup: the first paper, pasted into an empty list', () => {
  it('the empty list offers a box for it, and the saved paper is the list', async () => {
    const { api } = renderPopup([]);
    api.typed.set(ABS, TYPED);
    api.tabSave = { title: 'The First Paper' };
    const box = await screen.findByRole('searchbox', { name: "Paste an arXiv id, a DOI or a paper's address" });
    fireEvent.input(box, { target: { value: '2606.41234' } });
    const region = await screen.findByRole('region', { name });
    fireEvent.click(within(region).getByRole('button', { name: 'Save to reading list' }));
    await waitFor(() => expect(within(screen.getByRole('list', { name: 'Reading list' })).getByText('The First Paper')).toBeTruthy());
    expect(screen.queryByText('Your reading list is empty.')).toBeNull();
    // The search box holds what was pasted: the search finds the paper, and the typed line says it is saved.
    expect((screen.getByRole('searchbox', { name: 'Search papers' }) as HTMLInputElement).value).toBe('2606.41234');
    await waitFor(() => expect(within(screen.getByRole('region', { name })).getByText('In your reading list: to read.')).toBeTruthy());
  });
});
